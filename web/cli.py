"""Editor commands: `flask --app web content-report` shows how hard each text is to read."""
from __future__ import annotations

import click
from flask import current_app


@click.command("content-report")
def content_report() -> None:
    """Print B1 scores and problems per content item, hardest first."""
    from .content.report import report_lines

    for line in report_lines(current_app.extensions["content"]):
        click.echo(line)


def init_app(app) -> None:
    app.cli.add_command(content_report)
