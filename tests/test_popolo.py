"""delib export popolo: Popolo JSON of a linked run, validated against the shipped schemas."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.export.popolo import SCHEMA_DIR, export_popolo, validate_popolo, validators
from pipeline.link import link_run
from tests.test_link import RUN, write_run

#: The Popolo schemas validated against, with every schema they reference.
SHIPPED = {"person", "organization", "membership", "post", "motion", "vote_event", "vote", "count",
           "group_result", "other_name", "identifier", "link", "contact_detail", "area"}


def test_popolo_schemas_are_shipped_with_their_source() -> None:
    assert {p.stem for p in SCHEMA_DIR.glob("*.json")} == SHIPPED
    readme = (SCHEMA_DIR / "README.md").read_text(encoding="utf-8")
    assert "popolo-project/popolo-spec" in readme and "b6225682e1e21d817316f9737b1fe87279a1063a" in readme
    for path in SCHEMA_DIR.glob("*.json"):
        doc = json.loads(path.read_text(encoding="utf-8"))
        assert doc["id"] == f"http://www.popoloproject.com/schemas/{path.stem}.json#"
        refs = {r.split("/")[-1].split(".")[0] for r in path.read_text(encoding="utf-8").split('"$ref": "')[1:]}
        assert refs <= SHIPPED  # every $ref resolves to a shipped file


@pytest.fixture()
def linked(tmp_path: Path) -> Path:
    write_run(tmp_path, RUN)
    link_run(tmp_path)
    return tmp_path


def test_popolo_export_of_a_linked_run(linked: Path) -> None:
    report = export_popolo(linked)
    assert report.valid, report.problems
    doc = json.loads((linked / "popolo" / "popolo.json").read_text(encoding="utf-8"))
    assert report.counts == {"persons": 4, "organizations": 1, "memberships": 5, "vote_events": 3}
    alice = next(p for p in doc["persons"] if p["id"] == "commune-x/biczysko-alice")
    assert alice["family_name"] in ("BICZYSKO", "BIC-ZYSKO") and alice["other_names"]
    (council,) = doc["organizations"]
    assert council == {"id": "commune-x/conseil_municipal", "name": "Commune de X — conseil municipal",
                       "classification": "conseil_municipal"}
    leray = sorted((m["label"], m["start_date"]) for m in doc["memberships"]
                   if m["person_id"] == "commune-x/leray-jean-paul")
    assert leray == [("Commune de X — conseil municipal, mandat 2008–2014", "2013-01-22"),
                     ("Commune de X — conseil municipal, mandat 2014–2020", "2014-04-22")]
    event = next(e for e in doc["vote_events"] if e["id"] == "a1")
    assert event["counts"] == [{"option": "yes", "value": 12}, {"option": "no", "value": 2}]
    assert event["votes"] == [{"voter_id": "commune-x/biczysko-alice", "option": "no"},
                              {"voter_id": "commune-x/lombrey-eric", "option": "no"}]
    assert event["result"] == "pass" and event["legislative_session"]["start_date"] == "2013-01-22"


@pytest.mark.parametrize("bad, message", [
    ({"persons": [{"id": "p1", "name": 12}]}, "12 is not of type"),
    ({"persons": [{"id": "p1", "birth_date": "22/04/2014"}]}, "does not match"),
    ({"vote_events": [{"id": "v1", "counts": [{"option": "yes", "value": "12"}]}]}, "is not of type 'integer'"),
    ({"vote_events": [{"id": "v1", "counts": [{"value": 12}]}]}, "'option' is a required property"),
    # a nested item, through a $ref to another shipped schema
    ({"memberships": [{"id": "m1", "person": {"name": "A", "other_names": [{"note": "x"}]}}]},
     "'name' is a required property"),
    ({"memberships": [{"id": "m1", "person_id": "nobody", "organization_id": "nowhere"}]}, "is no person"),
    ({"vote_events": [{"id": "v1", "votes": [{"voter_id": "nobody", "option": "yes"}]}]}, "is no person"),
])
def test_popolo_validation_rejects(bad: dict, message: str) -> None:
    problems = validate_popolo(bad)
    assert any(message in p for p in problems), problems


def test_popolo_validators_resolve_references_offline() -> None:
    checks = validators()
    assert set(checks) == SHIPPED
    assert not list(checks["membership"].iter_errors({"person": {"name": "Georges LECLEVE"}}))


def test_popolo_cli(linked: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "popolo", str(linked)]) == 0
    out = capsys.readouterr().out
    assert "popolo.json: 4 persons, 1 organizations, 5 memberships, 3 vote_events, 0 problems" in out
    assert main(["link", str(linked)]) == 0
    assert "linked: 4 persons" in capsys.readouterr().out
    assert main(["link", str(linked / "missing")]) == 2
