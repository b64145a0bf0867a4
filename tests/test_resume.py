"""Kill `delib extract` with SIGKILL in the middle of a batch, rerun: same tables as an
uninterrupted run, no duplicate, no missing row, and never a half-written Parquet file."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq

from pipeline.options import Options
from pipeline.runner import run
from pipeline.runner.write import MANIFEST
from tests.scale_helpers import assert_same_tables, make_batch

N = 14


def _extract(src: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "pipeline.cli", "extract", str(src), "-o", str(out),
                             "--jobs", "1", "-q"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)


def _done(out: Path) -> int:
    path = out / MANIFEST
    return len(path.read_text(encoding="utf-8").splitlines()) if path.exists() else 0


def test_kill_and_rerun_gives_the_uninterrupted_tables(tmp_path: Path) -> None:
    src = make_batch(tmp_path / "in", N)
    full, killed = tmp_path / "full", tmp_path / "killed"
    run([src], full, Options(), jobs=2)  # the uninterrupted run, in this process

    proc = _extract(src, killed)
    deadline = time.monotonic() + 240
    while _done(killed) < 3 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    assert proc.poll() is None, "the batch ended before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)  # the driver and its workers, as an OOM killer or a reboot would
    proc.wait(30)
    done = _done(killed)
    assert 0 < done < N

    # whatever a reader sees now is whole: every visible Parquet file opens
    for part in killed.rglob("part-*.parquet"):
        pq.read_metadata(part)

    rerun = _extract(src, killed)
    assert rerun.wait(300) == 0
    assert_same_tables(full, killed)
    assert not list(killed.rglob("*.tmp")), "temporary files left behind"
