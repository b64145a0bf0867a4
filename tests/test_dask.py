"""The Dask executor writes the same tables as the local run (LocalCluster, 2 processes)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.options import Options
from pipeline.runner import run
from tests.scale_helpers import assert_same_tables, make_batch

distributed = pytest.importorskip("distributed")


def test_dask_local_cluster_gives_the_local_tables(tmp_path: Path) -> None:
    src = make_batch(tmp_path / "in", 4)
    (src / "empty.pdf").write_bytes(b"")  # a failure travels back from the cluster too
    local, remote = tmp_path / "local", tmp_path / "dask"
    run([src], local, Options(), jobs=2)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        report = run([src], remote, Options(), executor="dask", scheduler=cluster.scheduler_address)
    assert (report.ok, report.failed) == (4, 1)
    assert_same_tables(local, remote)
