"""The patient generator of the equality benchmark yields eligible and ineligible patients,
with no birthday that would make Circe's calendar-year age differ at an age bound."""

from __future__ import annotations

import datetime as dt

from criteria_nlp.evaluate import Verdict, evaluate

from ..export.helpers import gold_trial
from .generate import AS_OF, OPTIONS, patients_for


def test_half_of_the_patients_are_eligible():
    patients = patients_for(gold_trial(), 16)
    verdicts = [evaluate(gold_trial(), p, OPTIONS).verdict for p in patients]
    assert verdicts.count(Verdict.ELIGIBLE) == 8 and len(patients) == 16
    assert len({p.id for p in patients}) == 16


def test_ages_next_to_a_bound_are_calendar_ages():
    """The reference trial asks 18 to 75: a patient aged 17, 18, 75 or 76 has had the
    birthday of the assessment year (so Circe's age, a difference of years, is the same)."""
    near = 0
    for patient in patients_for(gold_trial(), 16):
        completed = (AS_OF.year - patient.birth_date.year
                     - ((AS_OF.month, AS_OF.day) < (patient.birth_date.month, patient.birth_date.day)))
        if completed in (17, 18, 75, 76):
            near += 1
            assert dt.date(AS_OF.year, patient.birth_date.month, patient.birth_date.day) <= AS_OF
    assert near > 0
