"""Every CLI command has help text and a place in the documentation (README.md or docs/*.md)."""

from __future__ import annotations

from pathlib import Path

import click
import typer.main

from statecheck.cli import app

ROOT = Path(__file__).resolve().parents[1]


def commands() -> list[tuple[str, click.Command]]:
    root = typer.main.get_command(app)
    found: list[tuple[str, click.Command]] = []

    def walk(prefix: str, command: click.Command) -> None:
        # Typer 0.16+ vendors its own click, so its groups are not click.Group: look for subcommands.
        subcommands = getattr(command, "commands", None)
        if isinstance(subcommands, dict):
            for name, sub in subcommands.items():
                walk(f"{prefix} {name}".strip(), sub)
        else:
            found.append((prefix, command))

    walk("", root)
    return found


def test_every_command_has_help() -> None:
    assert len(commands()) > 5, "the walk found no subcommands: the docs tests would check nothing"
    for name, command in commands():
        assert (command.help or "").strip(), f"statecheck {name} has no help text"


def test_every_command_is_documented() -> None:
    docs = (ROOT / "README.md").read_text(encoding="utf-8")
    docs += "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs").glob("*.md")))
    for name, _ in commands():
        assert f"statecheck {name}" in docs, f"statecheck {name} is not in README.md or docs/"
