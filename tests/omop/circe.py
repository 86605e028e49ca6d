"""Run a Circe cohort definition the way ATLAS would, on a DuckDB CDM: OHDSI's Python Circe
(circepy, PyPI ``ohdsi-circe-python-alpha``) builds the cohort SQL, the Python port of OHDSI
SqlRender in ``duckcdm`` renders it and translates it to DuckDB. Also circepy's checks."""

from __future__ import annotations

import warnings


def _statements(expression_json: str) -> list[str]:
    from circe.api import build_cohort_query, cohort_expression_from_json
    from circe.cohortdefinition import BuildExpressionQueryOptions
    from duckcdm.sqlrender import render, split_sql, translate

    options = BuildExpressionQueryOptions()
    options.cdm_schema = options.vocabulary_schema = "main"
    options.target_table = "main.cohort"
    options.cohort_id = 1
    options.generate_stats = False
    sql = translate(render(build_cohort_query(cohort_expression_from_json(expression_json), options)), "duckdb")
    return [statement for statement in split_sql(sql) if statement.strip()]


def circe_select(connection, expression_json: str) -> list[int]:
    """The person ids of the cohort (each person's first visit at which every rule holds)."""
    connection.execute("CREATE OR REPLACE TABLE cohort (cohort_definition_id INTEGER, subject_id BIGINT, "
                       "cohort_start_date DATE, cohort_end_date DATE)")
    for statement in _statements(expression_json):
        connection.execute(statement)
    return [row[0] for row in connection.execute("SELECT DISTINCT subject_id FROM cohort ORDER BY 1").fetchall()]


def circe_rules(connection, expression_json: str) -> dict[int, list[int]]:
    """The persons each inclusion rule holds for (by rule index), read from circe-be's
    inclusion_events table before the cohort SQL clears it: one run tests many criteria."""
    connection.execute("CREATE OR REPLACE TABLE cohort (cohort_definition_id INTEGER, subject_id BIGINT, "
                       "cohort_start_date DATE, cohort_end_date DATE)")
    found: dict[int, list[int]] = {}
    for statement in _statements(expression_json):
        if statement.lstrip().upper().startswith("DELETE FROM INCLUSION_EVENTS"):
            for rule, person in connection.execute("SELECT DISTINCT inclusion_rule_id, person_id FROM inclusion_events "
                                                   "ORDER BY 1, 2").fetchall():
                found.setdefault(rule, []).append(person)
        connection.execute(statement)
    return found


def circe_warnings(expression_json: str) -> list[tuple[str, str]]:
    """(severity, message) of every warning circepy's Checker (circe-be's checks) reports."""
    from circe.api import cohort_expression_from_json
    from circe.check import Checker

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = Checker().check(cohort_expression_from_json(expression_json))
    return [(w.severity.name, w.to_message()) for w in found]
