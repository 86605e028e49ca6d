"""Fixtures of the evaluation tests: the synthetic patients of the reference trial."""

from __future__ import annotations

import pytest

from criteria_nlp.patients import load_patient

from ..conftest import CORPORA

PATIENTS = CORPORA / "patients" / "NCT00846833"


@pytest.fixture(scope="session")
def corpus_patient():
    return lambda name: load_patient(PATIENTS / f"{name}.json")
