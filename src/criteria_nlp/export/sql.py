"""SQL over OMOP CDM v5.4 tables that returns the eligible ``person_id``s.

The query is assembled from the templates in ``criteria_nlp/sql/`` (``eligible_persons.sql``
and the named blocks of ``blocks.sql``): ``@name`` placeholders take generated fragments,
every value (threshold, concept id, unit factor, window length, the assessment date) is a
named bound parameter written ``$name`` (DuckDB, SQLite; ``parameters_from_sql`` and ``run``
bind them). Nothing from the trial is formatted into the executable text; criterion texts
appear only in ``--`` comments, with line breaks removed.

Semantics (docs/export.md): each atom is a SQL boolean that is NULL when the record cannot
decide it (no measurement, no reference range, unknown unit); AND/OR/NOT are SQL's own
three-valued (Kleene) connectives, ``at least k`` a Kleene CASE; the WHERE clause keeps a
person only when the whole expression is TRUE. So "unknown" never makes anyone eligible,
and the output is two-valued: returned (eligible) or not (not eligible or unknown).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from functools import cache
from typing import Any

from ..errors import ExportError
from ..logic import (
    And, Anchor, AtLeast, Comparator, Compare, Concept, Criterion, Implies, Node, Not, Or,
    Reference, Relation, Section, Trial, Unparsed, Window, loose_fragments,
)
from ..resources import sql_file
from ..terminology import systems
from .base import (
    INDEX_ANCHORS, ExportResult, Problems, age_group_of, criteria_of, is_age, lookback_days, number,
    qualifier_problems, sex_of, window_days,
)
from .concepts import (
    TABLES, ConceptMap, MatchKeys, OmopConcept, OmopTable, OmopUnit, Resolved, answers, compare_keys,
    concept_map, excepted_searches, is_closed, molar_mass, searches,
)

SQL_OPS = {Comparator.LT: "<", Comparator.LE: "<=", Comparator.GT: ">", Comparator.GE: ">=",
           Comparator.EQ: "=", Comparator.NE: "<>"}
_LIMIT_COLUMN = {Reference.ULN: "range_high", Reference.LLN: "range_low"}
RUNTIME = {"index_date": "the assessment date; enrollment, screening and 'now' windows count from it",
           **{f"{a.value}_date": f"the {a.value.replace('_', ' ')} date, for windows anchored at it"
              for a in Anchor if a not in INDEX_ANCHORS}}
PARAMETERS_PREFIX = "-- parameters: "
_PLACEHOLDER = re.compile(r"@([a-z_]+)")
# the keys of the concept sets: one VALUES table each, and the seed block that reads it
_KEY_COLUMNS = {"codeset_code": ("codeset_id", "vocabulary_id", "concept_code"),
                "codeset_pattern": ("codeset_id", "vocabulary_id", "pattern"),
                "codeset_name": ("codeset_id", "name")}
_SEED_BLOCKS = {"codeset_code": "seed_by_code", "codeset_pattern": "seed_by_pattern", "codeset_name": "seed_by_name"}
# A concept's bounds the SQL export handles itself (base.qualifier_problems reports the rest):
# counts, durations and a window's near edge are expressed, a dose bound is unknown (limited).
_HANDLED = frozenset({"count", "duration", "dose", "near edge", "other than"})
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def export_sql(trial: Trial, *, cdm_schema: str | None = None) -> ExportResult:
    problems = Problems()
    builder = _Builder(concept_map(), problems, _prefix(cdm_schema))
    inclusions: list[tuple[Criterion, str]] = []
    exclusions: list[tuple[Criterion, str]] = []
    for criterion in criteria_of(trial, problems):
        target = exclusions if criterion.section is Section.EXCLUSION else inclusions
        target.append((criterion, builder.criterion(criterion)))
    eligibility = _where(inclusions, exclusions)
    runtime = [name for name in RUNTIME if f"${name}" in _executable(eligibility + "".join(builder.ctes()))]
    header = [
        f"criteria-nlp export: persons eligible for trial {_comment(trial.id)} (OMOP CDM v5.4).",
        "Named parameters are written $name (DuckDB, SQLite). Bind at run time:",
        *(f"  ${name}: {RUNTIME[name]}" for name in runtime),
        "and the constants below (criteria_nlp.export.sql.run binds both).",
        "Unknown (no value, no reference range, unknown unit) is SQL NULL; a person is",
        "returned only when every inclusion criterion is TRUE and every exclusion FALSE.",
        PARAMETERS_PREFIX[3:] + json.dumps(builder.params, ensure_ascii=False),
    ]
    ctes = builder.ctes()
    text = _template("eligible_persons.sql", cdm_schema,
                     header="\n".join(f"-- {line}".rstrip() for line in header),
                     ctes=("WITH " + ",\n".join(ctes)) if ctes else "",
                     joins="".join("\n  " + _block("join_atom", name=name) for name in builder.atom_names),
                     eligibility=eligibility)
    return ExportResult(text + "\n", problems.freeze(), dict(builder.params))


def export_sql_postgres(trial: Trial, *, cdm_schema: str | None = None) -> ExportResult:
    """The same query for PostgreSQL, transpiled by sqlglot from the DuckDB text.

    Parameters become psycopg's ``%(name)s`` (psycopg 3 sends them as server-side ``$n``);
    the comment header is kept, with its constants.
    """
    import sqlglot

    result = export_sql(trial, cdm_schema=cdm_schema)
    lines = result.content.splitlines()
    header = [line for line in lines if line.startswith("--") and not line.startswith("-- parameters:")]
    body = _executable(result.content)
    try:
        (statement,) = sqlglot.transpile(body, read="duckdb", write="postgres", pretty=True)
    except sqlglot.errors.SqlglotError as err:       # pragma: no cover - the templates are fixed
        raise ExportError(f"sqlglot could not transpile the query: {err}") from err
    header = [re.sub(r"\$(\w+)", r"%(\1)s", line.replace("(DuckDB, SQLite)", "(psycopg)")) for line in header]
    header.append(PARAMETERS_PREFIX + json.dumps(dict(result.parameters), ensure_ascii=False))
    return ExportResult("\n".join(header) + "\n" + statement + "\n", result.unsupported, result.parameters)


def resolve_concepts(connection: Any, keys: "Sequence[MatchKeys]", *,
                     cdm_schema: str | None = None) -> dict[MatchKeys, Resolved]:
    """The concept sets the vocabulary tables of ``connection`` give each concept's codes and
    names (the SQL export's), for Circe concept sets; one query for all of them."""
    builder = _Builder(concept_map(), Problems(), _prefix(cdm_schema))
    ids = {k: builder.codeset_id(k) for k in keys}
    if not ids:
        return {}
    statement = "WITH " + ",\n".join(builder.ctes()) + "\n" + _block("resolve", builder.prefix)
    found: dict[tuple[int, int], list[OmopConcept]] = {}
    for codeset, kind, *row in connection.execute(statement, builder.params).fetchall():
        found.setdefault((int(codeset), int(kind)), []).append(
            OmopConcept(int(row[0]), row[1], row[2], row[3], row[4], "vocabulary"))
    return {k: Resolved(tuple(found.get((i, 1), ())), tuple(found.get((i, 2), ()))) for k, i in ids.items()}


def vocabulary_units(connection: Any, *, cdm_schema: str | None = None) -> tuple[OmopUnit, ...]:
    """The UCUM unit concepts of the vocabulary tables of ``connection``."""
    rows = connection.execute(_block("units", _prefix(cdm_schema))).fetchall()
    return tuple(OmopUnit(code, OmopConcept(int(cid), name, "Unit", "UCUM", code, "vocabulary")) for cid, code, name in rows)


def cdm_ddl(cdm_schema: str | None = None) -> str:
    """CREATE TABLE statements for the OMOP CDM v5.4 tables the export reads."""
    return _template("cdm_ddl.sql", cdm_schema)


def parameters_from_sql(text: str) -> dict[str, Any]:
    """The bound constants recorded in an exported SQL text's header."""
    for line in text.splitlines():
        if line.startswith(PARAMETERS_PREFIX):
            return json.loads(line[len(PARAMETERS_PREFIX):])
    raise ExportError("SQL text has no '-- parameters:' header line")


def bind(text: str, parameters: Mapping[str, Any], *, index_date: date | str,
         first_dose_date: date | str | None = None,
         anchors: Mapping[Anchor, date | str] | None = None) -> dict[str, Any]:
    """All parameters of the query: the constants plus the run-time dates it uses (the
    assessment date, and the date of every other anchor a window counts from)."""
    dates = {f"{a.value}_date": d for a, d in (anchors or {}).items()}
    if first_dose_date is not None:
        dates["first_dose_date"] = first_dose_date
    bound = dict(parameters)
    executable = _executable(text)
    for name in RUNTIME:
        if f"${name}" not in executable:
            continue
        if name == "index_date":
            bound[name] = str(index_date)
        elif name in dates:
            bound[name] = str(dates[name])
        else:
            raise ExportError(f"this query has a window anchored at the {name.removesuffix('_date').replace('_', ' ')}: "
                              f"give {name}")
    return bound


def run(connection: Any, sql: "ExportResult | str", *, index_date: date | str,
        first_dose_date: date | str | None = None, anchors: Mapping[Anchor, date | str] | None = None) -> list[int]:
    """Run an exported query on a DB-API connection with ``$name`` parameters (DuckDB, SQLite)."""
    text = sql.content if isinstance(sql, ExportResult) else sql
    constants = sql.parameters if isinstance(sql, ExportResult) else parameters_from_sql(text)
    rows = connection.execute(text, bind(text, constants, index_date=index_date, first_dose_date=first_dose_date,
                                         anchors=anchors)).fetchall()
    return [row[0] for row in rows]


# ---- builder -----------------------------------------------------------------------------

class _Builder:
    def __init__(self, concepts: ConceptMap, problems: Problems, prefix: str) -> None:
        self.concepts = concepts
        self.problems = problems
        self.prefix = prefix
        self.params: dict[str, Any] = {}
        self._names: dict[tuple[type, Any], str] = {}
        self._codesets: dict[MatchKeys, int] = {}
        self._keys: dict[str, list[str]] = {name: [] for name in _KEY_COLUMNS}
        self._hits: dict[str, str] = {}
        self._atoms: dict[tuple, tuple[str, str]] = {}

    @property
    def atom_names(self) -> list[str]:
        return [name for name, _ in self._atoms.values()]

    def ctes(self) -> list[str]:
        """The WITH clause: concept set keys, the concept sets, table hits, then the atoms."""
        if not self._codesets:
            return [cte for _, cte in self._atoms.values()]
        keys = [_block("codeset_keys", name=name, columns=", ".join(_KEY_COLUMNS[name]),
                       rows=",\n".join(rows)) for name, rows in self._keys.items() if rows]
        seeds = [_block(_SEED_BLOCKS[name], self.prefix) for name in ("codeset_code", "codeset_name") if self._keys[name]]
        narrower = _block("seed_by_pattern" if self._keys["codeset_pattern"] else "no_narrower", self.prefix)
        codesets = _block("codesets", self.prefix, seeds="\nUNION\n".join(seeds), narrower=narrower)
        return [*keys, codesets, *self._hits.values(), *(cte for _, cte in self._atoms.values())]

    def param(self, value: Any) -> str:
        """A bound parameter for a constant; equal constants share one name."""
        value = number(value) if isinstance(value, float) else value
        key = (type(value), value)
        if key not in self._names:
            self._names[key] = f"p{len(self.params) + 1}"
            self.params[self._names[key]] = value
        return f"${self._names[key]}"

    def atom(self, key: tuple, block: str, **values: str) -> str:
        """The name of the per-person subquery ``block`` fills; equal atoms share one."""
        if key not in self._atoms:
            name = f"a{len(self._atoms) + 1}"
            self._atoms[key] = (name, _block(block, self.prefix, name=name, **values))
        return self._atoms[key][0]

    def criterion(self, criterion: Criterion) -> str:
        if criterion.logic is None:
            body = _block("unknown")
        else:
            body = self.node(criterion.logic)
            if loose_fragments(criterion):       # logic and unknown
                body = f"({body} AND {_block('unknown')})"
        return body

    def node(self, node: Node) -> str:
        match node:
            case And(args):
                return _connect("AND", [self.node(a) for a in args])
            case Or(args):
                return _connect("OR", [self.node(a) for a in args])
            case Not(arg):
                return "(NOT " + _shift(self.node(arg), 5) + ")"
            case Implies(if_, then):
                return _connect("OR", ["(NOT " + _shift(self.node(if_), 5) + ")", self.node(then)])
            case AtLeast(k, args):
                parts = [self.node(a) for a in args]
                k_param = self.param(k)
                return _block("at_least", k=k_param,
                              true_count=" + ".join(_block("count_true", arg=p) for p in parts),
                              possible_count=" + ".join(_block("count_possible", arg=p) for p in parts))
            case Compare():
                return self.compare(node)
            case Concept():
                return self.concept(node)
            case Unparsed():
                return _block("unknown")
        raise TypeError(f"not a logic node: {node!r}")

    # ---- thresholds ------------------------------------------------------------------------

    def compare(self, node: Compare) -> str:
        if is_age(node):
            return self.age(node)
        domain = self.concepts.compare_domain(node)
        table = TABLES[domain]
        if node.reference is not None:
            if domain != "Measurement":
                self.problems.node(node, f"a multiple of the {node.reference.value} needs a measurement "
                                         "reference range; the observation table has none: unknown")
                return _block("unknown")
            value = _block("ratio_value", limit=_LIMIT_COLUMN[node.reference])
        elif node.unit is not None:
            value = self.converted(node)
        else:
            value = _block("plain_value")
        codeset = self.codeset(node, compare_keys(node))
        period = self.period(node, table, node.window, lookback=True)
        name = self.atom(("value", table.name, codeset, value, period), "latest_value", value=value,
                         table=table.name, hit=self.hit(table), codeset=str(codeset), period=period,
                         date=table.start, id=table.id)
        return _block("compare", left=_block("value", name=name), op=SQL_OPS[node.comparator],
                      right=self.param(node.value))

    def converted(self, node: Compare) -> str:
        """The value in the threshold's unit: a factor per unit, NULL (unknown) for other units."""
        unit = node.unit or ""
        conversions = self.concepts.conversions(unit, molar_mass(node))
        by_code = {u.ucum: factor for u, factor in conversions}
        by_code.setdefault(unit, 1.0)
        arms = [_block("unit_arm", unit=self.param(code), factor=self.param(factor)) for code, factor in by_code.items()]
        arms += [_block("unit_source_arm", unit=self.param(code), factor=self.param(factor))
                 for code, factor in by_code.items()]
        return _block("converted_value", arms="\n".join(arms))

    def age(self, node: Compare) -> str:
        blocks = {"a": "age_years", "mo": "age_months"}
        unit = node.unit or "a"
        if unit not in blocks:
            self.problems.node(node, f"age in {unit!r} is not computed (years and months are): unknown")
            return _block("unknown")
        if node.window is not None:
            self.problems.node(node, "a temporal window on age has no meaning here; ignored")
        return _block("compare", left=_block(blocks[unit]), op=SQL_OPS[node.comparator],
                      right=self.param(node.value))

    # ---- concepts --------------------------------------------------------------------------

    def concept(self, node: Concept) -> str:
        sex = sex_of(node)
        if sex is not None:
            gender = self.concepts.gender(sex)
            return _block("sex", gender=self.param(gender.concept_id if gender else -1))
        age = age_group_of(node)
        if age is not None:
            return self.age(age)
        qualifier_problems(node, self.problems, "in SQL", handled=_HANDLED)
        found = searches(node)
        if not found:
            self.problems.node(node, f"no OMOP table holds a {node.domain.value} concept other than sex: unknown")
            return _block("unknown")
        rows = []
        for domain, keys, _ in found:
            table = TABLES[domain]
            rows.append(_block("event_rows", self.prefix, table=table.name, hit=self.hit(table),
                               codeset=str(self.codeset(node, keys)), excepted=self.excepted(node, table),
                               id=table.id, start=table.start, end=self.end(table),
                               period=self.period(node, table, node.window), negative=self.recorded_no(table)))
        lasted = self.lasted(node)
        name = self.atom(("events", *rows, lasted), "events", rows="\nUNION ALL\n".join(rows), lasted=lasted)
        closed = is_closed(node)
        return _block("found", name=name, present=self.limited(node, name, closed),
                      absent=_block("false" if closed else "unknown"))

    def excepted(self, node: Concept, table: OmopTable) -> str:
        """The test that leaves out rows of the kinds ``node`` excepts that ``table`` holds
        (their concept sets), or nothing."""
        codesets = sorted({self.codeset(other, keys) for other, keys in excepted_searches(node, table)})
        if not codesets:
            return ""
        return " " + _block("excepted", hit=self.hit(table), id=table.id, codesets=", ".join(map(str, codesets)))

    def limited(self, node: Concept, name: str, closed: bool) -> str:
        """The truth of a concept the person has: TRUE, or its count and duration bounds in
        Kleene logic (the evaluator's: a count short of "at least k" is open unless the tables
        are complete; no dose is read, so a dose bound is unknown)."""
        if node.dose is not None:
            self.problems.node(node, "the dose bound is not read (drug_exposure quantities are not doses "
                                     "per day): unknown when the drug is found, as in the evaluator")
            return _block("unknown")
        tests = []
        if node.count is not None:
            comparator = node.count.comparator
            grows = comparator in (Comparator.GE, Comparator.GT)
            tests.append(_block("count_test", name=name, op=SQL_OPS[comparator], k=self.param(node.count.value),
                                holds=_block("true" if grows or closed else "unknown"),
                                fails=_block("false" if closed or not grows else "unknown")))
        if node.duration is not None:
            tests.append(_block("duration_test", name=name))
        if not tests:
            return _block("true")
        return tests[0] if len(tests) == 1 else _connect("AND", tests)

    def recorded_no(self, table: OmopTable) -> str:
        """1 for an observation row recording the answer "no" (the evaluator's false value)."""
        if table.name != TABLES["Observation"].name:
            return _block("zero")
        no = answers()["no"]
        return _block("recorded_no", codeset=str(self.codeset_id(no.keys)),
                      strings=", ".join(self.param(s) for s in no.strings))

    def lasted(self, node: Concept) -> str:
        """How many rows lasted as the duration bound says (days from start to end, or to the
        assessment date while ongoing), compared in days."""
        duration = node.duration
        if duration is None or node.dose is not None:
            return _block("zero")
        from ..units import UnitError, convert

        try:
            days = float(f"{convert(duration.value, duration.unit or 'd', 'd'):.12g}")
        except UnitError:
            self.problems.node(node, f"duration unit {duration.unit!r} is not a time: no row lasts")
            return _block("zero")
        return _block("lasted", op=SQL_OPS[duration.comparator], days=self.param(days))

    def codeset(self, node: Compare | Concept, keys: MatchKeys) -> int:
        """The id of the concept set for ``keys`` (resolved once in the WITH clause)."""
        if not keys.typed:
            self.problems.node(node, "no code: the concept set is resolved from the vocabulary by name only")
        return self.codeset_id(keys)

    def codeset_id(self, keys: MatchKeys) -> int:
        if keys not in self._codesets:
            number_ = len(self._codesets) + 1
            self._codesets[keys] = number_
            for code in sorted(keys.typed, key=lambda c: (c.system, c.code)):
                vocabulary = self.param(code.system)
                self._key("codeset_code", number_, vocabulary, self.param(code.code))
                if systems()[code.system].prefix_hierarchy:
                    self._key("codeset_pattern", number_, vocabulary, self.param(code.code.replace(".", "") + "%"))
            for text in _texts(keys):
                self._key("codeset_name", number_, self.param(text))
        return self._codesets[keys]

    def _key(self, table: str, codeset: int, *values: str) -> None:
        self._keys[table].append(_block("key_row", values=", ".join((str(codeset), *values))))

    def hit(self, table: OmopTable) -> str:
        name = f"{table.name}_hit"
        if name not in self._hits:
            self._hits[name] = _block("hit", self.prefix, name=name, table=table.name, id=table.id,
                                      column=table.concept, source_column=table.source_concept,
                                      source_value=table.source)
        return name

    # ---- time --------------------------------------------------------------------------

    def end(self, table: OmopTable) -> str:
        """A row's last day: its end date; an ongoing condition lasts until the assessment date."""
        if table.ongoing:
            return f"COALESCE(v.{table.end}, {self.anchor(Anchor.ENROLLMENT)})"
        if table.end:
            return f"COALESCE(v.{table.end}, v.{table.start})"
        return f"v.{table.start}"

    def period(self, node: Compare | Concept, table: OmopTable, window: Window | None,
               lookback: bool = False) -> str:
        """Events up to the assessment date (values: within the look-back), or overlapping the
        window around its anchor (without its near edge, when it has one)."""
        end = self.end(table)
        if window is None:
            if lookback:
                return _block("overlaps", start=table.start, end=end,
                              low=self.anchor(Anchor.ENROLLMENT, "-", lookback_days()),
                              high=self.anchor(Anchor.ENROLLMENT))
            return _block("until", start=table.start, high=self.anchor(Anchor.ENROLLMENT))
        days = window_days(window)
        if days is None:
            self.problems.node(node, f"window unit {window.unit!r} cannot be counted in days: "
                                     "any time up to the assessment date is used")
            return _block("until", start=table.start, high=self.anchor(Anchor.ENROLLMENT))
        near = window_days(replace(window, value=window.start)) if window.start is not None else 0
        if window.relation is Relation.BEFORE:
            low, high = self.anchor(window.anchor, "-", days), self.anchor(window.anchor, "-", near)
        elif window.relation is Relation.AFTER:
            low, high = self.anchor(window.anchor, "+", near), self.anchor(window.anchor, "+", days)
        else:
            low, high = self.anchor(window.anchor, "-", days), self.anchor(window.anchor, "+", days)
        return _block("overlaps", start=table.start, end=end, low=low, high=high)

    def anchor(self, anchor: Anchor, sign: str | None = None, days: int | None = None) -> str:
        name = "index_date" if anchor in INDEX_ANCHORS else f"{anchor.value}_date"
        if sign is None or not days:
            return _block("anchor", date=f"${name}")
        return _block("anchor_shifted", date=f"${name}", sign=sign, days=self.param(days))


def _texts(keys: MatchKeys) -> list[str]:
    """The criterion's own names and codes, lower case, as a source value may carry them."""
    return sorted({*keys.texts, *(c.lower() for c in keys.codes)})


# ---- templates -----------------------------------------------------------------------------

@cache
def _blocks() -> dict[str, str]:
    """The named blocks of blocks.sql, comment lines removed."""
    blocks: dict[str, str] = {}
    name = None
    lines: list[str] = []
    for line in sql_file("blocks.sql").read_text(encoding="utf-8").splitlines() + ["-- name: <end>"]:
        if line.startswith("-- name:"):
            if name is not None:
                blocks[name] = "\n".join(lines).strip()
            name, lines = line.split(":", 1)[1].strip(), []
        elif name is not None and not line.lstrip().startswith("--"):
            lines.append(line)
    blocks.pop("<end>", None)
    return blocks


def _block(block: str, prefix: str = "", /, **values: str) -> str:
    return _fill(_blocks()[block], f"blocks.sql:{block}", prefix, values)


def _template(file: str, cdm_schema: str | None, **values: str) -> str:
    """A whole-statement template: values are placed as given (they carry their own layout)."""
    return _fill(sql_file(file).read_text(encoding="utf-8"), file, _prefix(cdm_schema), values, indent=False)


def _prefix(cdm_schema: str | None) -> str:
    """``"schema."`` for table names, or nothing."""
    if cdm_schema is None:
        return ""
    if not _IDENTIFIER.fullmatch(cdm_schema):
        raise ExportError(f"not a schema name: {cdm_schema!r}")
    return f"{cdm_schema}."


def _fill(text: str, where: str, prefix: str, values: Mapping[str, str], indent: bool = True) -> str:
    text = text.replace("@cdm_schema.", prefix)
    wanted = set(_PLACEHOLDER.findall(text))
    if wanted != set(values):
        raise ExportError(f"template {where}: placeholders {sorted(wanted)} but values for {sorted(values)}")
    if not indent:
        return _PLACEHOLDER.sub(lambda m: values[m.group(1)], text)
    # a multi-line value continues at the column of its placeholder
    return _PLACEHOLDER.sub(lambda m: _shift(values[m.group(1)], m.start() - text.rfind("\n", 0, m.start()) - 1), text)


def _shift(text: str, columns: int) -> str:
    """Indent the continuation lines of a fragment placed ``columns`` to the right."""
    return text.replace("\n", "\n" + " " * columns)


def _connect(keyword: str, parts: list[str]) -> str:
    """``(a\n AND b)`` with each part's continuation lines kept under the part."""
    out = "(" + _shift(parts[0], 1)
    for part in parts[1:]:
        out += f"\n {keyword} " + _shift(part, len(keyword) + 2)
    return out + ")"


def _where(inclusions: list[tuple[Criterion, str]], exclusions: list[tuple[Criterion, str]]) -> str:
    """The WHERE condition, laid out for the ``WHERE`` keyword at column 1."""
    lines: list[str] = []
    for index, (criterion, body) in enumerate(inclusions):
        lead = "" if index == 0 else "\n   AND "
        lines.append(f"{lead}-- {_comment(criterion.id)}: {_comment(criterion.text)}\n       " + _shift(body, 7))
    if exclusions:
        parts = []
        for index, (criterion, body) in enumerate(exclusions):
            lead = "" if index == 0 else "\n          OR "
            parts.append(f"{lead}-- {_comment(criterion.id)}: {_comment(criterion.text)}\n             " + _shift(body, 13))
        lead = "" if not inclusions else "\n   AND "
        lines.append(f"{lead}NOT (" + "".join(parts) + "\n       )")
    return "".join(lines) if lines else "TRUE"


def _executable(text: str) -> str:
    """The text without its ``--`` comments (no string literal ever holds "--" here)."""
    return "\n".join(line.split("--", 1)[0] for line in text.splitlines())


def _comment(text: str) -> str:
    """Text safe inside a ``--`` comment: one line, printable characters only."""
    return " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())
