"""The extractor registry: which function extracts what, and the order they run in.

An extractor is a plain function ``(act, found, issues) -> list[row]`` registered with
:func:`extractor`. It reads the act's sections (``act.sections``, ``act.doc``) and the
rows earlier extractors produced for this act (``found``), and returns rows: records of
:mod:`schemas.rows` for its tables, and :class:`ActFields` for columns of the ``acts``
table (the header extractor fills authority, dates…; the vote extractor the tallies).
Extractors do not read or write files; they raise
:class:`~pipeline.errors.PipelineError` when a section cannot be extracted, or add a
warning to ``issues`` and still return rows.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Protocol

from pipeline.errors import IssueLog
from pipeline.model import Act
from schemas.rows import ActRow

_ACT_COLUMNS = {f.name for f in dataclasses.fields(ActRow)}
_RESERVED = {"act_id", "doc_id", "act_index", "page_start", "page_end", "char_start", "char_end"}


@dataclass(frozen=True)
class ActFields:
    """Values for columns of the act's ``acts`` row, set by one extractor, and where each was
    read: ``spans`` gives a column's ``(char_start, char_end)`` in ``Document.text``, from
    which the runner fills its ``act_fields`` row (page, boxes; :mod:`pipeline.runner.provenance`)."""

    values: dict[str, Any]
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        unknown = set(self.values) - _ACT_COLUMNS
        if unknown:
            raise ValueError(f"not columns of acts: {sorted(unknown)}")
        reserved = set(self.values) & _RESERVED
        if reserved:
            raise ValueError(f"columns set by the pipeline itself: {sorted(reserved)}")
        if set(self.spans) - set(self.values):
            raise ValueError(f"spans of columns without a value: {sorted(set(self.spans) - set(self.values))}")


@dataclass
class Found:
    """Rows produced so far for one act, by table name, and the acts before it in the file."""

    rows: dict[str, list[Any]] = field(default_factory=dict)
    act_fields: dict[str, Any] = field(default_factory=dict)
    act_spans: dict[str, tuple[int, int]] = field(default_factory=dict)  # where act_fields were read
    previous: list["Found"] = field(default_factory=list)
    state: dict[str, Any] = field(default_factory=dict)  # an extractor's notes for later acts

    def get(self, table: str) -> list[Any]:
        return self.rows.get(table, [])

    def field(self, name: str) -> Any:
        return self.act_fields.get(name)


class ExtractFn(Protocol):
    def __call__(self, act: Act, found: Found, issues: IssueLog) -> Iterable[Any]: ...


@dataclass(frozen=True)
class ExtractorSpec:
    name: str
    feeds: tuple[str, ...]  # tables it writes rows to ("acts" for ActFields)
    func: ExtractFn


EXTRACTORS: dict[str, ExtractorSpec] = {}


def extractor(name: str, feeds: tuple[str, ...]) -> Callable[[ExtractFn], ExtractFn]:
    """Register ``func`` as extractor ``name`` writing to the tables ``feeds``."""

    def register(func: ExtractFn) -> ExtractFn:
        if name in EXTRACTORS and EXTRACTORS[name].func is not func:
            raise ValueError(f"extractor {name!r} registered twice")
        EXTRACTORS[name] = ExtractorSpec(name, tuple(feeds), func)
        return func

    return register


def get_extractor(name: str) -> ExtractorSpec:
    try:
        return EXTRACTORS[name]
    except KeyError:
        known = ", ".join(sorted(EXTRACTORS)) or "none"
        raise KeyError(f"no extractor named {name!r}; known extractors: {known}") from None
