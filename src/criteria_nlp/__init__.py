"""criteria-nlp: clinical-trial eligibility criteria into executable, span-anchored logic."""

__version__ = "0.1.0"
