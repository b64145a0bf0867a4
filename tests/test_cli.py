"""The delib command line: help a new user understands, summary, exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.cli import EXIT_ALL_FAILED, EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, main
from tests.pdfgen import text_pdf


def test_cli_help_names_commands_and_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "extract" in out and "eval" in out and "exit codes" in out


def test_cli_extract_prints_summary_and_exit_code(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "in").mkdir()
    good = text_pdf(tmp_path / "in" / "a.pdf",
                    [["EXTRAIT DU REGISTRE DES DELIBERATIONS", "Le Conseil, apres en avoir delibere, DECIDE :",
                      "Article 1 : approuve.", "Adopte a l'unanimite."]])
    (tmp_path / "in" / "broken.pdf").write_bytes(b"not a pdf at all")
    code = main(["extract", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-q", "-j", "1"])
    out = capsys.readouterr().out
    assert code == EXIT_SOME_FAILED
    assert "documents: 2 (1 ok, 0 partial, 1 failed)" in out
    assert "acts found: 1" in out and "not_a_pdf: 1" in out
    # a rerun does no work for documents already done
    code = main(["extract", str(good), "-o", str(tmp_path / "out"), "-q"])
    assert code == EXIT_OK and "1 already done" in capsys.readouterr().out


def test_cli_extract_usage_errors(tmp_path: Path) -> None:
    assert main(["extract", str(tmp_path / "missing.pdf"), "-o", str(tmp_path / "o")]) == EXIT_USAGE
    (tmp_path / "empty").mkdir()
    assert main(["extract", str(tmp_path / "empty"), "-o", str(tmp_path / "o")]) == EXIT_ALL_FAILED
    assert main([]) == EXIT_USAGE
