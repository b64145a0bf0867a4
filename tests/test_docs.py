"""Documentation that cannot drift: the README names every table and every CLI command."""

from __future__ import annotations

import argparse

import pytest

from pipeline.cli import build_parser
from schemas import TABLES
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("table", sorted(TABLES))
def test_docs_readme_catalogues_every_table(table: str) -> None:
    assert f"| `{table}` |" in README


def _commands() -> list[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return sorted(sub.choices)


@pytest.mark.parametrize("command", _commands())
def test_docs_readme_shows_every_command_and_it_has_help(command: str) -> None:
    assert f"delib {command}" in README
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert sub.choices[command].description
