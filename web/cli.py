"""Editor commands: `flask --app web content-report` shows how hard each text is to read, and
every claim by age, oldest first."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import click
from flask import current_app


@click.command("content-report")
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="The day to count ages from (default: today).")
def content_report(today) -> None:
    """Print B1 scores and problems per content item, hardest first; then every claim by age."""
    from .content.report import age_lines, report_lines
    from .content.store import read_yaml

    store = current_app.extensions["content"]
    for line in report_lines(store):
        click.echo(line)
    click.echo("")
    organisations = read_yaml(Path(current_app.config["CONTENT_DIR"]) / "data" / "organisations.yml")
    for line in age_lines(store, organisations.get("organisations") or [], today.date() if today else date.today()):
        click.echo(line)


def init_app(app) -> None:
    app.cli.add_command(content_report)
