"""Lark grammars over a spaCy token stream: criteria text into typed logic trees."""
