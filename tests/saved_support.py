"""A saved assessment for the tests of the commands that read one."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

SAMPLES = Path(__file__).resolve().parents[1] / "sample_chains"


def saved_services(factory: pytest.TempPathFactory) -> Path:
    """A saved assessment of the services sample, for the commands that read one."""
    from ddtool.cli import app

    path = factory.mktemp("saved") / "assessment.json"
    done = CliRunner().invoke(
        app, ["assess", str(SAMPLES / "services.yaml"), "-q", "-o", str(path)]
    )
    assert done.exit_code == 0, done.output
    return path
