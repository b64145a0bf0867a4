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


def _readme_queries() -> list[str]:
    """The SQL of every `delib query out/ "…"` example of the README."""
    import re

    out = []
    for m in re.finditer(r'delib query out/ "((?:[^"\\]|\\.)*)"', README):
        if "SELECT" in m.group(1):
            out.append(m.group(1).replace('\\"', '"'))
    return out


def test_docs_readme_shows_three_queries() -> None:
    assert len(_readme_queries()) >= 3


@pytest.mark.parametrize("sql", _readme_queries())
def test_docs_readme_queries_run_on_the_dev_corpus(dev_run, sql: str) -> None:  # type: ignore[no-untyped-def]
    """Each query of the README runs on a real run and returns rows."""
    from pipeline.export.query import query

    columns, rows = query(dev_run, sql)
    assert columns and rows
