"""Run a Circe cohort definition the way ATLAS would, on a DuckDB CDM: OHDSI's Python Circe
(circepy, PyPI ``ohdsi-circe-python-alpha``) builds the cohort SQL, the Python port of OHDSI
SqlRender in ``duckcdm`` renders it and translates it to DuckDB. Also circepy's checks."""

from __future__ import annotations

import warnings


def circe_select(connection, expression_json: str) -> list[int]:
    """The person ids of the cohort (each person's first visit at which every rule holds)."""
    from circe.api import build_cohort_query, cohort_expression_from_json
    from circe.cohortdefinition import BuildExpressionQueryOptions
    from duckcdm.sqlrender import render, split_sql, translate

    options = BuildExpressionQueryOptions()
    options.cdm_schema = options.vocabulary_schema = "main"
    options.target_table = "main.cohort"
    options.cohort_id = 1
    options.generate_stats = False
    sql = build_cohort_query(cohort_expression_from_json(expression_json), options)
    sql = translate(render(sql), "duckdb")
    connection.execute("CREATE OR REPLACE TABLE cohort (cohort_definition_id INTEGER, subject_id BIGINT, "
                       "cohort_start_date DATE, cohort_end_date DATE)")
    for statement in split_sql(sql):
        if statement.strip():
            connection.execute(statement)
    return [row[0] for row in connection.execute("SELECT DISTINCT subject_id FROM cohort ORDER BY 1").fetchall()]


def circe_warnings(expression_json: str) -> list[tuple[str, str]]:
    """(severity, message) of every warning circepy's Checker (circe-be's checks) reports."""
    from circe.api import cohort_expression_from_json
    from circe.check import Checker

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = Checker().check(cohort_expression_from_json(expression_json))
    return [(w.severity.name, w.to_message()) for w in found]
