"""F1 per table of a run against a folder of answer sheets, born-digital and scanned files
pooled (``delib eval`` prints the two kinds apart): the figures of the README's groups.

    python bench/pooled_f1.py real_out tests/gold/heldout
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.evaluate import evaluate  # noqa: E402


def pooled(out: str, gold: str) -> dict[str, tuple[float, float, float, int, int, int]]:
    """table → (F1, precision, recall, tp, fp, fn), true and false positives summed over kinds."""
    sums: dict[str, list[int]] = {}
    for scores in evaluate(out, gold)["scores"].values():
        for table, s in scores.items():
            c = s["total"]
            acc = sums.setdefault(table, [0, 0, 0])
            acc[0] += c["tp"]
            acc[1] += c["fp"]
            acc[2] += c["fn"]
    out_: dict[str, tuple[float, float, float, int, int, int]] = {}
    for table, (tp, fp, fn) in sums.items():
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        out_[table] = (2 * p * r / (p + r) if p + r else 0.0, p, r, tp, fp, fn)
    return out_


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    for table, (f1, p, r, tp, fp, fn) in pooled(*argv).items():
        print(f"{table:18s} F1 {f1:.3f}  P {p:.3f}  R {r:.3f}  tp {tp} fp {fp} fn {fn}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
