"""The pinned sets: what a production image installs holds no test tool; the test tools come on top."""
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REQUIREMENTS = ROOT / "requirements"
TEST_TOOLS = {"pytest", "playwright", "hypothesis", "ruff", "zxing-cpp"}


def pinned(lock: str) -> set[str]:
    lines = (REQUIREMENTS / lock).read_text().splitlines()
    return {line.split("==")[0].lower() for line in lines if "==" in line and not line.startswith("#")}


@pytest.mark.parametrize("lock", ["web.lock", "bot.lock", "bot-py311.lock"])
def test_a_run_time_set_holds_no_test_tool(lock):
    assert pinned(lock) & TEST_TOOLS == set()


@pytest.mark.parametrize("dockerfile", sorted((ROOT / "deploy").glob("Dockerfile.*")), ids=lambda p: p.name)
def test_an_image_installs_only_run_time_sets(dockerfile):
    installed = set(re.findall(r"requirements/([\w.-]+\.lock)", dockerfile.read_text()))
    assert installed and installed <= {"web.lock", "bot.lock"}


@pytest.mark.parametrize("run_time, tests", [("web.lock", "test.lock"), ("bot.lock", "bot-test.lock")])
def test_setup_installs_the_test_tools_on_top(run_time, tests):
    setup = (ROOT / "scripts" / "setup.sh").read_text()
    assert f"-r requirements/{tests}" in setup
    assert "pytest" in pinned(tests) and not pinned(tests) & pinned(run_time)
