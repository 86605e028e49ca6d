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
from collections.abc import Mapping
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
    INDEX_ANCHORS, ExportResult, Problems, criteria_of, is_age, lookback_days, number,
    qualifier_problems, sex_of, window_days,
)
from .concepts import (
    LIST_DOMAINS, TABLES, ConceptMap, MatchKeys, OmopConcept, OmopTable, compare_keys, concept_lookup,
    concept_map, molar_mass,
)

SQL_OPS = {Comparator.LT: "<", Comparator.LE: "<=", Comparator.GT: ">", Comparator.GE: ">=",
           Comparator.EQ: "=", Comparator.NE: "<>"}
_LIMIT_COLUMN = {Reference.ULN: "range_high", Reference.LLN: "range_low"}
RUNTIME = {"index_date": "the assessment date; enrollment, screening and 'now' windows count from it",
           "first_dose_date": "the first-dose date, for windows anchored at the first dose"}
PARAMETERS_PREFIX = "-- parameters: "
_PLACEHOLDER = re.compile(r"@([a-z_]+)")
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
    runtime = [name for name in RUNTIME if f"${name}" in _executable(eligibility)]
    header = [
        f"criteria-nlp export: persons eligible for trial {_comment(trial.id)} (OMOP CDM v5.4).",
        "Named parameters are written $name (DuckDB, SQLite). Bind at run time:",
        *(f"  ${name}: {RUNTIME[name]}" for name in runtime),
        "and the constants below (criteria_nlp.export.sql.run binds both).",
        "Unknown (no value, no reference range, unknown unit) is SQL NULL; a person is",
        "returned only when every inclusion criterion is TRUE and every exclusion FALSE.",
        PARAMETERS_PREFIX[3:] + json.dumps(builder.params, ensure_ascii=False),
    ]
    text = _template("eligible_persons.sql", cdm_schema,
                     header="\n".join(f"-- {line}".rstrip() for line in header),
                     codesets=("WITH " + ",\n".join(builder.codesets)) if builder.codesets else "",
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
    header = [line.replace("written $name (DuckDB, SQLite)", "written %(name)s (psycopg)") for line in header]
    header.append(PARAMETERS_PREFIX + json.dumps(dict(result.parameters), ensure_ascii=False))
    return ExportResult("\n".join(header) + "\n" + statement + "\n", result.unsupported, result.parameters)


def resolve_concepts(connection: Any, keys: MatchKeys, *, cdm_schema: str | None = None) -> tuple[OmopConcept, ...]:
    """The standard concepts the vocabulary tables of ``connection`` give a concept's codes and
    names (the concept set the SQL export uses, before descendants), for a Circe concept set."""
    builder = _Builder(concept_map(), Problems(), _prefix(cdm_schema))
    name = builder.codeset(keys)
    statement = "WITH " + builder.codesets[0] + "\n" + _block("resolve", builder.prefix, standard=f"{name}_standard")
    rows = connection.execute(statement, builder.params).fetchall()
    return tuple(OmopConcept(int(r[0]), r[1], r[2], r[3], r[4], "vocabulary") for r in rows)


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
         first_dose_date: date | str | None = None) -> dict[str, Any]:
    """All parameters of the query: the constants plus the run-time dates it uses."""
    bound = dict(parameters)
    executable = _executable(text)
    if "$index_date" in executable:
        bound["index_date"] = str(index_date)
    if "$first_dose_date" in executable:
        if first_dose_date is None:
            raise ExportError("this query has a window anchored at the first dose: give first_dose_date")
        bound["first_dose_date"] = str(first_dose_date)
    return bound


def run(connection: Any, sql: "ExportResult | str", *, index_date: date | str,
        first_dose_date: date | str | None = None) -> list[int]:
    """Run an exported query on a DB-API connection with ``$name`` parameters (DuckDB, SQLite)."""
    text = sql.content if isinstance(sql, ExportResult) else sql
    constants = sql.parameters if isinstance(sql, ExportResult) else parameters_from_sql(text)
    rows = connection.execute(text, bind(text, constants, index_date=index_date,
                                         first_dose_date=first_dose_date)).fetchall()
    return [row[0] for row in rows]


# ---- builder -----------------------------------------------------------------------------

class _Builder:
    def __init__(self, concepts: ConceptMap, problems: Problems, prefix: str) -> None:
        self.concepts = concepts
        self.problems = problems
        self.prefix = prefix
        self.params: dict[str, Any] = {}
        self._names: dict[tuple[type, Any], str] = {}
        self.codesets: list[str] = []
        self._codesets: dict[MatchKeys, str] = {}

    def param(self, value: Any) -> str:
        """A bound parameter for a constant; equal constants share one name."""
        value = number(value) if isinstance(value, float) else value
        key = (type(value), value)
        if key not in self._names:
            self._names[key] = f"p{len(self.params) + 1}"
            self.params[self._names[key]] = value
        return f"${self._names[key]}"

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
        concept = self.concept_match(node, table, compare_keys(node))
        latest = _block("latest_value", self.prefix, value=value, table=table.name, concept=concept,
                        period=self.period(node, table, node.window, lookback=True), date=table.start,
                        id=table.id)
        return _block("compare", left=latest, op=SQL_OPS[node.comparator], right=self.param(node.value))

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
        qualifier_problems(node, self.problems, "in SQL")
        lookup = concept_lookup(node)
        closed = set(_rules().closed_world_lists)
        searches: list[tuple[str, MatchKeys, bool]] = [
            (LIST_DOMAINS[name], lookup.keys, name in closed) for name in lookup.lists if name in LIST_DOMAINS]
        if lookup.allergy is not None:
            searches.append((LIST_DOMAINS["allergies"], lookup.allergy, "allergies" in closed))
        if not searches:
            self.problems.node(node, f"no OMOP table holds a {node.domain.value} concept other than sex: unknown")
            return _block("unknown")
        closed_parts, open_parts = [], []
        seen: set[tuple[str, MatchKeys]] = set()
        for domain, keys, is_closed in searches:
            if (domain, keys) in seen:
                continue
            seen.add((domain, keys))
            table = TABLES[domain]
            exists = _block("event_exists", self.prefix, table=table.name,
                            concept=self.concept_match(node, table, keys),
                            period=self.period(node, table, node.window))
            (closed_parts if is_closed else open_parts).append(exists)
        parts = list(closed_parts)
        if open_parts:
            # an absent observation is unknown, not false (the evaluator's open lists)
            parts.append(_block("true_or_unknown", condition=_connect("OR", open_parts)))
        return parts[0] if len(parts) == 1 else _connect("OR", parts)

    def concept_match(self, node: Compare | Concept, table: OmopTable, keys: MatchKeys) -> str:
        """Rows coded with the concept set of ``keys`` (resolved through the vocabulary tables),
        or unmapped rows whose source value is one of its codes or names."""
        if not keys.typed:
            self.problems.node(node, "no code: the concept set is resolved from the vocabulary by name only")
        name = self.codeset(keys)
        return _block("in_codeset", column=table.concept, source_column=table.source_concept,
                      source_value=table.source, set=name, source=f"{name}_source", text=f"{name}_text",
                      texts=", ".join(self.param(t) for t in _texts(keys)))

    def codeset(self, keys: MatchKeys) -> str:
        """The WITH-clause name of the concept set for ``keys``; equal keys share one."""
        if keys not in self._codesets:
            name = f"cs{len(self._codesets) + 1}"
            self._codesets[keys] = name
            tests = []
            by_system: dict[str, list[str]] = {}
            for code in keys.typed:
                by_system.setdefault(code.system, []).append(code.code)
            for system, codes in sorted(by_system.items()):
                vocabulary = self.param(system)
                if systems()[system].prefix_hierarchy:
                    tests += [_block("code_prefix_test", vocabulary=vocabulary,
                                     pattern=self.param(code.replace(".", "") + "%")) for code in sorted(codes)]
                else:
                    tests.append(_block("code_test", vocabulary=vocabulary,
                                        codes=", ".join(self.param(c) for c in sorted(codes))))
            self.codesets.append(_block(
                "codeset", self.prefix, seed=f"{name}_seed", standard=f"{name}_standard", set=name,
                source=f"{name}_source", text=f"{name}_text",
                code_tests=_connect("OR", tests) if tests else "FALSE",
                texts=", ".join(self.param(t) for t in _texts(keys))))
        return self._codesets[keys]

    # ---- time --------------------------------------------------------------------------

    def period(self, node: Compare | Concept, table: OmopTable, window: Window | None,
               lookback: bool = False) -> str:
        """Events up to the assessment date (values: within the look-back), or overlapping the
        window around its anchor."""
        end = f"v.{table.end}" if table.end else f"v.{table.start}"
        if table.ongoing:                       # no end date: still going on at the index date
            end = f"COALESCE(v.{table.end}, {self.anchor(Anchor.ENROLLMENT)})"
        elif table.end:
            end = f"COALESCE(v.{table.end}, v.{table.start})"
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
        before = self.anchor(window.anchor, "-", days) if window.relation is not Relation.AFTER else None
        after = self.anchor(window.anchor, "+", days) if window.relation is not Relation.BEFORE else None
        return _block("overlaps", start=table.start, end=end,
                      low=before or self.anchor(window.anchor), high=after or self.anchor(window.anchor))

    def anchor(self, anchor: Anchor, sign: str | None = None, days: int | None = None) -> str:
        name = "index_date" if anchor in INDEX_ANCHORS else "first_dose_date"
        if sign is None:
            return _block("anchor", date=f"${name}")
        return _block("anchor_shifted", date=f"${name}", sign=sign, days=self.param(days))


def _texts(keys: MatchKeys) -> list[str]:
    """The criterion's own names and codes, lower case, as a source value may carry them."""
    return sorted({*keys.texts, *(c.lower() for c in keys.codes)})


def _rules():
    from ..patients.vocabulary import rules

    return rules()


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


def _block(name: str, prefix: str = "", **values: str) -> str:
    return _fill(_blocks()[name], f"blocks.sql:{name}", prefix, values)


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
