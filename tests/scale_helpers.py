"""Helpers of the scale tests: a batch of small born-digital PDFs, tables compared as sets."""

from __future__ import annotations

from pathlib import Path

from pipeline.runner.write import read_table
from schemas import TABLES
from tests.pdfgen import text_pdf

#: Columns that differ between runs by nature (none today; timings would go here).
VOLATILE: set[str] = set()


def make_batch(folder: Path, n: int) -> Path:
    """``n`` distinct one-act deliberations, each its own PDF."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        text_pdf(folder / f"deliberation-{i:03d}.pdf", [[
            "COMMUNE DE SAINT-EXEMPLE", f"Séance du {1 + i % 28} mars 2024",
            f"DÉLIBÉRATION N° 2024-{i:03d}", f"Objet : Subvention à l'association numéro {i}",
            "Présents : M. DUPONT Jean, Mme MARTIN Claire",
            "Le Conseil municipal, après en avoir délibéré,",
            f"DÉCIDE : d'attribuer une subvention de {100 + i} euros.", "Adopté à l'unanimité."]])
    return folder


def table_rows(out: Path, name: str) -> list[tuple]:
    """Rows of table ``name`` as sorted tuples (source paths reduced to file names)."""
    rows = []
    for r in read_table(out, name).to_pylist():
        if r.get("source_path"):
            r["source_path"] = Path(r["source_path"]).name
        rows.append(tuple((k, repr(v)) for k, v in r.items() if k not in VOLATILE))
    return sorted(rows)


def assert_same_tables(a: Path, b: Path) -> None:
    for name in TABLES:
        ra, rb = table_rows(a, name), table_rows(b, name)
        assert ra == rb, f"table {name} differs: {len(ra)} vs {len(rb)} rows"
        assert len(set(ra)) == len(ra), f"table {name} has duplicate rows"
