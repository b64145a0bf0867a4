"""delib review: the pages, the page images, the words, the corrections API — and its safety
(loopback by default, no file outside OUT and the run's documents, every value escaped,
corrections refused when they name no row)."""

from __future__ import annotations

import re
from pathlib import Path

import pyarrow.parquet as pq
import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from pipeline.review import corrections as corr  # noqa: E402
from pipeline.review.app import create_app  # noqa: E402
from tests.conftest import copy_run  # noqa: E402


@pytest.fixture()
def out(samples_run: Path, tmp_path: Path) -> Path:
    return copy_run(samples_run, tmp_path / "run")


def _client(app: object) -> TestClient:
    """A test client speaking to the app as a browser on this machine does (Host: 127.0.0.1)."""
    return TestClient(app, base_url="http://127.0.0.1:8765")


@pytest.fixture()
def client(out: Path) -> TestClient:
    return _client(create_app(out))


def _act_of(out: Path, name: str) -> dict:
    docs = {Path(d["source_path"]).name: d["doc_id"] for d in corr.read_rows(out, "documents")}
    return next(a for a in corr.read_rows(out, "acts") if a["doc_id"] == docs[name])


def test_review_lists_documents_and_acts_with_what_needs_a_look(client: TestClient, out: Path) -> None:
    page = client.get("/").text
    assert "B-commune-cm-s202-scan.pdf" in page and "Budget principal 2022 - Décision modificative n°3" in page
    assert len(re.findall(r'class="act-link"', page)) == 5
    # every sample leaves the ACTES matière or another required SCDL column empty, or none:
    scdl = client.get("/?needs=scdl").text
    assert len(re.findall(r'class="act-link"', scdl)) == sum(
        1 for a in corr.read_rows(out, "acts")
        if any(a.get(c) is None for c in ("authority", "act_number", "session_date", "title", "matiere_code")))
    assert client.get("/?needs=nonsense").status_code == 422


def test_review_filters_low_confidence(out: Path) -> None:
    strict = _client(create_app(out, low_confidence=99.5)).get("/?needs=low").text
    assert len(re.findall(r'class="act-link"', strict)) == 2  # the two scans
    assert "B-commune-cm-s202-born.pdf" not in strict.split('id="acts"')[1]


def test_review_act_shows_values_with_their_boxes_and_the_page_image(client: TestClient, out: Path) -> None:
    act = _act_of(out, "B-commune-cm-s202-scan.pdf")
    page = client.get(f"/act/{act['act_id']}").text
    assert "Mme KOWALCZYK Marie" in page and 'id="pageimg"' in page
    png = client.get(f"/page/{act['doc_id']}/1.png")
    assert png.status_code == 200 and png.content[:8] == b"\x89PNG\r\n\x1a\n"
    assert (out / "review-cache" / act["doc_id"] / "1@2.png").exists()  # rendered once, kept under OUT
    words = client.get(f"/api/words/{act['doc_id']}/1").json()
    assert words["text_source"] == "ocr" and len(words["words"]) > 200
    assert all(w["conf"] is not None for w in words["words"])


def test_review_correction_is_kept_and_refused_when_it_names_no_row(client: TestClient, out: Path) -> None:
    act = _act_of(out, "A-departement-cp-s101-born.pdf")
    ref = corr.row_ref("acts", {"act_id": act["act_id"]})
    r = client.post("/api/corrections", json={"ref": ref, "column": "title", "action": "set",
                                              "value": "Programmation 2022", "note": "shorter"})
    assert r.status_code == 201, r.text
    assert [c.value for c in corr.load(out)] == ["Programmation 2022"]
    for body, status in [({"ref": "acts:0000000000000000", "column": "title", "action": "set", "value": "x"}, 404),
                         ({"ref": "nosuchtable:00", "column": "x", "action": "wrong"}, 404),
                         ({"ref": ref, "column": "session_date", "action": "set", "value": "hier"}, 422),
                         ({"ref": ref, "column": "title", "action": "delete"}, 422)]:
        assert client.post("/api/corrections", json=body).status_code == status, body
    assert len(corr.load(out)) == 1


def test_review_correction_must_be_json(client: TestClient, out: Path) -> None:
    """A form posted by another site (text/plain or urlencoded) is not a correction."""
    act = _act_of(out, "A-departement-cp-s101-born.pdf")
    ref = corr.row_ref("acts", {"act_id": act["act_id"]})
    body = f'{{"ref": "{ref}", "column": "title", "action": "wrong"}}'
    r = client.post("/api/corrections", content=body, headers={"Content-Type": "text/plain"})
    assert r.status_code == 422 and not corr.load(out)


@pytest.mark.parametrize("path", [
    "/page/../../../../etc/passwd",
    "/page/..%2f..%2f..%2fetc%2fpasswd",
    "/page/%2e%2e/%2e%2e/etc/passwd.png",
    "/static/../../pyproject.toml",
    "/act/..%2f..%2fpyproject.toml",
    "/api/words/..%2f..%2fetc/1",
    "/page/0000000000000000000000000000000000000000000000000000000000000000/1.png",
    "/review-cache/x",
    "/_manifest.jsonl",
    "/acts/part-empty.parquet",
])
def test_review_serves_no_file_by_path(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code in (404, 422), path
    assert b"root:" not in r.content and b"[project]" not in r.content


def test_review_renders_no_page_of_a_file_that_is_not_the_runs(out: Path, tmp_path: Path) -> None:
    """A document replaced on disk by other bytes (same path) is not rendered."""
    import shutil

    act = _act_of(out, "B-commune-cm-s202-born.pdf")
    docs = {d["doc_id"]: d for d in corr.read_rows(out, "documents")}
    moved = tmp_path / "docs"
    moved.mkdir()
    shutil.copy(Path(docs[act["doc_id"]]["source_path"]).with_name("C-epci-cc-s303-born.pdf"),
                moved / "B-commune-cm-s202-born.pdf")
    app = create_app(out, documents_dir=moved)
    r = _client(app).get(f"/page/{act['doc_id']}/1.png")
    assert r.status_code == 200  # found where delib extract read it, with its own bytes
    table = pq.read_table(out / "documents").to_pylist()
    for d in table:
        d["source_path"] = str(moved / Path(d["source_path"]).name)
    pq.write_table(pq.read_table(out / "documents").from_pylist(table, schema=pq.read_schema(out / "documents" / next(
        p.name for p in (out / "documents").glob("part-*.parquet")))), out / "documents" / "part-moved.parquet")
    for p in (out / "documents").glob("part-*.parquet"):
        if p.name != "part-moved.parquet":
            p.unlink()
    (out / "_manifest.jsonl").touch()
    r = _client(create_app(out, documents_dir=moved)).get(f"/page/{act['doc_id']}/1.png")
    assert r.status_code == 404


def test_review_refuses_other_hosts(out: Path) -> None:
    """DNS rebinding: a page of evil.example resolving to 127.0.0.1 cannot talk to the app."""
    for host in ("http://evil.example", "http://testserver"):
        assert TestClient(create_app(out), base_url=host).get("/").status_code == 400
    for host in ("http://127.0.0.1:8765", "http://localhost:8765"):
        assert TestClient(create_app(out), base_url=host).get("/").status_code == 200


def test_review_escapes_every_printed_value(out: Path) -> None:
    act = _act_of(out, "C-epci-cc-s303-born.pdf")
    part = next((out / "acts").glob(f"part-{act['doc_id']}.parquet"))
    table = pq.read_table(part)
    rows = table.to_pylist()
    for r in rows:
        r["title"] = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    pq.write_table(table.from_pylist(rows, schema=table.schema), part)
    (out / "_manifest.jsonl").touch()
    client = _client(create_app(out))
    for url in ("/", f"/act/{act['act_id']}"):
        page = client.get(url).text
        assert "&lt;script&gt;alert(" in page, url
        assert '<script>alert("x")' not in page and "<img src=x" not in page, url
    page = client.get(f"/act/{act['act_id']}").text
    assert "<\\/script>" in page or "\\u003cscript" in page  # the JSON data cannot close its script


def test_review_cli_listens_on_loopback_by_default() -> None:
    from pipeline.cli import build_parser

    args = build_parser().parse_args(["review", "out"])
    assert args.host == "127.0.0.1"
