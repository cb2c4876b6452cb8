import pathlib
import sys

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).parent))

import copydesk  # noqa: E402


@pytest.fixture(scope="session")
def default_config(tmp_path_factory):
    """The default configuration as a file, so the CLI and the package read the same rules."""
    path = tmp_path_factory.mktemp("config") / "lint-rules.toml"
    path.write_text(copydesk.DEFAULT_CONFIG, encoding="utf-8")
    return path


NOTES = []


@pytest.fixture
def note():
    """Lines for the end of the run (which oracle a test used, a job's throughput), shown even
    when output is captured."""
    return NOTES.append


def pytest_terminal_summary(terminalreporter):
    if NOTES:
        terminalreporter.section("copydesk notes")
        for line in NOTES:
            terminalreporter.write_line(line)
