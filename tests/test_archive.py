"""The Chéméré archive (../shared/corpus/archive/chemere-cm, 78 minutes of 2008–2015): persons,
terms and memberships across documents, against counts made by hand.

The archive is run once per session (``archive_run``, two workers); every test reads that run.
These tests take about 7 minutes and are kept out of ``make test``: ``make test-archive``.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pipeline.export.query import query
from tests.conftest import REPO, SHARED

ARCHIVE = SHARED / "corpus" / "archive" / "chemere-cm"
COUNCIL = "commune-chemere/conseil_municipal"

pytestmark = [pytest.mark.corpus, pytest.mark.slow, pytest.mark.archive,
              pytest.mark.skipif(not ARCHIVE.exists(), reason=f"{ARCHIVE} is absent")]

#: Counted by hand on the page image of "CM 26 mars 2008.pdf", page 1 (the first meeting
#: after the March 2008 election; "Présents : 19", "en exercice : 19", nobody absent).
HAND_2008 = sorted([
    "Annie BARDOUL", "Marie-Josèphe BATARD", "Alice BICZYSKO", "Nicolas BOUCHER", "Philippe BRIAND",
    "Bernard CHAZELAS", "Jacques CHEVALIER", "Régine CORMIER", "Michèle FRANCHETEAU", "Philippe GAILLARD",
    "Jean-Marie GATARD", "Jean-Pierre GRANDJOUAN", "Michel GRAVOUIL", "Alain GUILBAUD", "Georges LECLEVE",
    "Jean-Paul LERAY", "Lionel LESCURAT", "Eric LOMBREY", "Paul PIPAUD"])

#: Counted by hand on the page image of "CM 22 avril 2014.pdf", page 1 (the first meeting of
#: the archive after the March 2014 election): 18 présents under "Présents:" (the Maire, three
#: Adjoints, six Conseillers municipaux délégués, eight Conseillers municipaux) and one
#: "Absents excusés" with a proxy (Michel GRAVOUIL, Adjoint); "en exercice : 19".
HAND_2014 = sorted([
    "Georges LECLEVE", "Virginie PORCHER", "Marie-Laure DAVID", "Gérard CHAUVET", "Jean-Marc VOYAU",
    "Jacques CHEVALIER", "Karine FOUQUET", "Romain RUNGOAT", "Sabrina PENNETIER-BIGOT", "Anthony LATOUCHE",
    "Sylviane GIBET", "Valérie LEBLOND", "Anne BRUNETEAU", "Philippe BRIAND", "Christelle GUIGNON",
    "Dominique MUSLEWSKI", "Nicolas BOUCHER", "Tatiana BERTHELOT", "Michel GRAVOUIL"])


@pytest.fixture(scope="session")
def archive_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 78 minutes through the whole pipeline, linking included, once."""
    from pipeline.runner import run

    out = tmp_path_factory.mktemp("archive_out")
    report = run([ARCHIVE], out, jobs=2)
    assert report.failed == 0 and report.link is not None
    return out


def _members(out: Path, term_start: str) -> list[tuple]:
    return query(out, f"""SELECT p.full_name, m.first_meeting, m.last_meeting FROM memberships m
                          JOIN persons p USING (person_id) WHERE m.organization_id = '{COUNCIL}'
                          AND m.kind = 'council' AND m.term_start = DATE '{term_start}'
                          ORDER BY p.full_name""")[1]


def test_archive_councillors_of_the_2008_term_are_the_hand_count(archive_run: Path) -> None:
    """19 councillors of 2008–2014, counted by hand on the 26 March 2008 list (HAND_2008); the
    two who left (Philippe GAILLARD after January 2009, Alain GUILBAUD after November 2009:
    "en exercice" falls to 18, then 17) were not replaced, so the term has exactly these 19."""
    members = _members(archive_run, "2008-03-09")
    assert sorted(name for name, _, _ in members) == HAND_2008
    assert len(members) == 19


def test_archive_councillors_of_the_2014_term_are_the_hand_count(archive_run: Path) -> None:
    """19 councillors in office at the 22 April 2014 meeting, counted by hand (HAND_2014). Over
    the term the lists add one: Thierry FAVREAU, named from 16 December 2014 on (read by hand on
    that meeting's page 1: 19 names, Valérie LEBLOND no longer among them; she is last listed on
    4 November 2014). The renewal after the 2014 election is a new term, also for the five
    councillors of 2008 re-elected: each is one person with a membership in both terms."""
    members = _members(archive_run, "2014-03-23")
    in_office = sorted(name for name, first, last in members if str(first) <= "2014-04-22" <= str(last))
    assert in_office == HAND_2014
    assert sorted(name for name, _, _ in members) == sorted(HAND_2014 + ["Thierry FAVREAU"])
    favreau = next((first, last) for name, first, last in members if name == "Thierry FAVREAU")
    leblond = next((first, last) for name, first, last in members if name == "Valérie LEBLOND")
    assert str(favreau[0]) == "2014-12-16" and str(leblond[1]) == "2014-11-04"
    _, both = query(archive_run, f"""SELECT p.full_name FROM memberships m JOIN persons p USING (person_id)
                                    WHERE m.organization_id = '{COUNCIL}' AND m.term_start >= DATE '2008-03-09'
                                    GROUP BY p.full_name HAVING count(*) = 2 ORDER BY 1""")
    assert [r[0] for r in both] == sorted(set(HAND_2008) & set(HAND_2014)) == [
        "Georges LECLEVE", "Jacques CHEVALIER", "Michel GRAVOUIL", "Nicolas BOUCHER", "Philippe BRIAND"]


def test_archive_meeting_before_the_2008_election_is_another_term(archive_run: Path) -> None:
    """27 February 2008 is the outgoing council's (the 2001 term), not the 2008 one."""
    _, rows = query(archive_run, f"""SELECT DISTINCT m.term_start FROM memberships m
                                     WHERE m.organization_id = '{COUNCIL}' ORDER BY 1""")
    assert [str(r[0]) for r in rows] == ["2001-03-11", "2008-03-09", "2014-03-23"]


def test_archive_every_listed_name_is_linked(archive_run: Path) -> None:
    """Every name of every attendance list has a person of the commune; each meeting lists
    distinct persons; the spellings a line break made ("BIC-ZYSKO") are one person."""
    _, rows = query(archive_run, """SELECT count(*), count(person_id), count(DISTINCT person_id) FROM attendance""")
    total, linked, persons = rows[0]
    assert total == linked and total > 1000
    _, dup = query(archive_run, """SELECT act_id, person_id, count(*) FROM attendance GROUP BY ALL HAVING count(*) > 1""")
    assert dup == []
    _, rows = query(archive_run, """SELECT person_id FROM persons WHERE list_contains(spellings, 'Alice BIC-ZYSKO')""")
    assert rows == [("commune-chemere/biczysko-alice",)]
    _, unlinked = query(archive_run, """SELECT detail FROM quality WHERE "check" IN ('person_link', 'person_scope')""")
    assert unlinked == []


def test_archive_ids_stay_when_documents_are_added(archive_run: Path, tmp_path: Path) -> None:
    """Linking the archive without its 2011 and 2015 minutes gives the persons left the same ids."""
    from pipeline.link import link_run
    from pipeline.runner.write import read_table

    shutil.copytree(archive_run, tmp_path / "run")
    part = tmp_path / "run"
    docs = read_table(part, "documents").to_pylist()
    dropped = {d["doc_id"] for d in docs if "2011.pdf" in d["source_path"] or "2015.pdf" in d["source_path"]}
    assert len(dropped) >= 10
    for path in part.rglob("part-*.parquet"):
        if path.stem.removeprefix("part-") in dropped:
            path.unlink()
    link_run(part)
    full = {(r["act_id"], r["position"]): r["person_id"] for r in read_table(archive_run, "attendance").to_pylist()}
    fewer = {(r["act_id"], r["position"]): r["person_id"] for r in read_table(part, "attendance").to_pylist()}
    assert fewer and all(full[k] == v for k, v in fewer.items())


def _readme_queries() -> list[str]:
    from tests.test_docs import _readme_queries as queries

    return [q for q in queries() if any(t in q for t in ("memberships", "beneficiaries", "NOT unanimous"))]


def test_archive_readme_queries_across_documents(archive_run: Path) -> None:
    """The README's three queries across documents, on the archive."""
    missed_sql, unanimity_sql, money_sql = _readme_queries()
    columns, missed = query(archive_run, missed_sql)
    assert columns == ["full_name", "term", "meetings", "missed", "attendance_rate"] and len(missed) == 10
    assert [r[3] for r in missed] == sorted((r[3] for r in missed), reverse=True)
    assert {r[0] for r in missed} <= set(HAND_2008 + HAND_2014 + ["Thierry FAVREAU"])
    _, by_year = query(archive_run, unanimity_sql)
    assert [r[0] for r in by_year] == list(range(2008, 2016))
    _, money = query(archive_run, money_sql)
    _, total = query(archive_run, "SELECT sum(amount) FROM grants WHERE beneficiary_id IS NOT NULL")
    assert money and sum(r[2] for r in money if r[2] is not None) <= total[0][0]


def test_archive_popolo_export_is_valid(archive_run: Path) -> None:
    from pipeline.export.popolo import export_popolo

    report = export_popolo(archive_run)
    assert report.valid, report.problems[:5]
    doc = json.loads(report.path.read_text(encoding="utf-8"))
    council = [m for m in doc["memberships"] if m["organization_id"] == COUNCIL]
    assert sum(1 for m in council if "mandat 2008–2014" in m["label"]) == 19
    assert len(doc["vote_events"]) >= 78


def test_archive_notebook_runs_and_draws(archive_run: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.test_notebooks import run_notebook

    outputs = run_notebook(REPO / "notebooks" / "04_archive.ipynb", archive_run, monkeypatch)
    assert sum(1 for o in outputs if "image/png" in o.get("data", {})) == 2  # attendance and grants charts
