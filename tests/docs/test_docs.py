"""The documentation covers what the code offers (after datasette's and sqlite-utils' docs tests)."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import fields
from pathlib import Path

import typer

from warledger.cli.main import app
from warledger.config import Settings

ROOT = Path(__file__).resolve().parents[2]


def test_every_setting_is_documented():
    text = (ROOT / "docs" / "settings.md").read_text("utf-8")
    missing = [f.name for f in fields(Settings) if f"`{f.name}`" not in text]
    assert missing == []


def test_every_command_has_help():
    root = typer.main.get_command(app)
    ctx = type("Ctx", (), {"command": root})()
    for name in root.list_commands(ctx):
        assert (root.get_command(ctx, name).help or "").strip(), name


def test_cli_reference_is_current():
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "gen-docs"), "--check"], capture_output=True
    )
    assert result.returncode == 0, "docs/cli.md is out of date: run scripts/gen-docs"
