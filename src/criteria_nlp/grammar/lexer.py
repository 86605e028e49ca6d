"""spaCy tokens and lexicon matches into Lark tokens that carry character offsets.

Lark's custom-lexer pattern: the grammar declares its terminals, this module decides them.
Lexicon spans become one token each; remaining tokens are looked up whole, and tokens glued
around digits or comparator symbols ("≥1,500/mm3", "ECOG<=2") are split by maximal munch
over the same lexicon. Words that play no part in the grammar are returned separately so
the caller can report the ones that matter as unparsed.
"""

from __future__ import annotations

import itertools
import math
import re
import string
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from bisect import bisect_left, bisect_right, insort

from lark import Token
from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LENGTH
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from .. import units
from ..lexicon import OPEN, Lexicon, VariableKind, default_lexicon, load_future_words, normalize, open_concept
from ..logic import Anchor, Domain
from ..pipeline.entities import EntityMatch
from ..pipeline.lexicon_matcher import LexiconMatch, lexicon_patterns
from ..pipeline.tokenizer import SYMBOL_PIECE
from ..errors import RuleError
from ..tables import read_entries, read_phrases, read_table, read_words
from ..spans import Span
from .term_forms import PARTICIPLE, load_term_forms, named_by_form

_COMPARATOR_MARKS = "<>=≥≤≧≦⩾⩽＞＜˂˃"  # comparator symbols written onto a number ("≥10")
_GLUE = re.compile(rf"[\d{_COMPARATOR_MARKS}/×^Ⅰ-Ⅻ]")
# a unit only counts right after what can carry one
_UNIT_AFTER = {"NUMBER", "TIMES", "UNIT"}
SLASHED = "/"  # the OR of two concepts written with a slash between them
DEPTH = {"LPAR": 1, "RPAR": -1}  # how a token moves the parenthesis depth
CANDIDATE = "candidate"  # the QUAL payload of one who may have a treatment, not had it (data/cues.tsv)
QUALIFIES = "qualifies"  # the INCLUDING payload of words that add a requirement, not examples (data/cues.tsv)
EACH = "each"  # the NEG payload of a denial of each alternative apart (data/cues.tsv)


@dataclass(frozen=True, slots=True)
class Stream:
    """Tokens for Lark, and the content words (not fillers) that no token covers."""

    tokens: list[Token]
    words: list[Span]


@dataclass(frozen=True, slots=True)
class DocIndex:
    """Per-document lookups built once, not per criterion: ``Doc.text`` is rebuilt on each
    access and every ``doc[i]`` makes a Token object, so token offsets and flags are read
    out in one vectorised call."""

    text: str
    starts: list[int]
    ends: list[int]
    skip: list[bool]
    matches: dict[int, LexiconMatch]
    entities: dict[int, EntityMatch]

    @classmethod
    def of(cls, doc: Doc, text: str | None = None) -> DocIndex:
        text = doc.text if text is None else text
        columns = doc.to_array([IDX, LENGTH, IS_PUNCT, IS_SPACE]).tolist() if len(doc) else []
        starts = [row[0] for row in columns]
        ends = [row[0] + row[1] for row in columns]
        # punctuation is skipped, but not the middle of a long symbol run the tokenizer kept
        # whole: that is text no rule read, and is reported as such
        skip = [bool(row[3] or (row[2] and row[1] <= SYMBOL_PIECE)) for row in columns]
        matches = {m.start: m for m in doc._.cnlp_lexicon}
        entities: dict[int, EntityMatch] = {}
        for entity in doc._.get("cnlp_entities") or ():
            entity = _after_cues(entity, matches, starts)
            entities[entity.start] = entity
        return cls(text, starts, ends, skip, matches, entities)


def _after_cues(entity: EntityMatch, matches: dict[int, LexiconMatch], starts: list[int]) -> EntityMatch:
    """The mention without the cue words it begins with ("refuses blood transfusion",
    "severe Kawasaki disease"): the cue is read by the grammar, the rest is the mention."""
    match = matches.get(entity.start)
    while match is not None and match.terminal not in _NAMING and match.end < entity.end:
        entity = entity._replace(start=match.end, start_char=starts[match.end])
        match = matches.get(entity.start)
    return entity


def load_number_pattern(text: str | None = None) -> re.Pattern[str]:
    """The NUMBER shape of ``data/shapes.tsv`` (or of ``text`` in its format). It must
    compile and must not match the empty string: ``Tables.scan`` would never move on."""
    shapes: dict[str, str] = {}
    for row in read_table("shapes.tsv", ("terminal", "pattern"), text=text):
        if row["terminal"] != "NUMBER":
            raise RuleError(f"shapes.tsv: unknown terminal {row['terminal']!r} (only NUMBER is read)")
        if row["terminal"] in shapes:
            raise RuleError(f"shapes.tsv: {row['terminal']} is listed twice")
        shapes[row["terminal"]] = row["pattern"]
    if "NUMBER" not in shapes:
        raise RuleError("shapes.tsv has no NUMBER pattern")
    try:
        pattern = re.compile(shapes["NUMBER"])
    except re.error as err:
        raise RuleError(f"shapes.tsv: bad NUMBER pattern: {err}") from err
    if pattern.match(""):
        raise RuleError("shapes.tsv: the NUMBER pattern matches the empty string")
    return pattern


class Tables:
    """Single-token lookups derived once from the lexicon."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.single: dict[str, tuple[str, str]] = {}
        self.forms: dict[str, tuple[str, str]] = {}
        patterns = lexicon_patterns(lexicon)
        for (terminal, payload), forms in patterns.items():
            for form in forms:
                self.forms.setdefault(form.lower(), (terminal, payload))
                if " " not in form:
                    self.single.setdefault(form.lower(), (terminal, payload))
        self.ratio_pairs = _ratio_pairs(lexicon, self.forms)
        self.exact = lexicon.case_bound_units()
        # every prefix of every form: the munch window ends where no form can go on
        self.prefixes = {form[:size] for form in (*self.single, *(u.lower() for u in self.exact))
                         for size in range(1, len(form) + 1)}
        # unit spellings with their spaces taken out: "ml / min", "Kg / m2", "mL/ min/1.73 m2"
        self.compact = {_compact(alias).lower(): code for alias, code in lexicon.case_free_units().items()}
        self.compact_exact = {_compact(alias): code for alias, code in self.exact.items()}
        self.compact_prefixes = {key.lower()[:size] for key in (*self.compact, *self.compact_exact)
                                 for size in range(len(key) + 1)}
        self.number = load_number_pattern()
        self.fillers = load_filler_words()
        self.generic = load_generic_mentions()
        self.generic_conditions = load_generic_conditions(self.generic)
        self.never_qualifiers = load_never_qualifiers()
        self.never_diagnoses = load_never_diagnoses()
        self.kind_participles = load_kind_participles()
        self.population_words = load_population_words()
        self.study_groups = load_study_groups()
        self.group_first = group_first_pattern(load_numbered_groups())
        self.uncarried = load_uncarried_qualifiers()
        self.body_sites = load_body_sites()
        self.instrument_heads = load_instrument_words()
        self.change_words = load_change_words()
        self.rate_subjects = load_rate_subjects(lexicon)
        self.concept_objects = load_concept_objects(lexicon)
        self.participation = load_study_participation(lexicon)
        self.past_words = load_past_words()
        self.future_words = load_future_words()
        self.languages = load_languages()
        self.language_words = load_language_words()
        self.test_results = load_test_results(lexicon)
        self.instrument = instrument_pattern(self.instrument_heads)
        self.example_cues = frozenset(p.text for p in lexicon.phrases if p.terminal == "INCLUDING" and p.value is None)
        self.proper_instrument = proper_instrument_pattern(self.instrument_heads)
        self.term_forms = load_term_forms()
        self.never_kinds = self.never_qualifiers | MEANING_WORDS
        self.letters = load_scale_letters(lexicon.variables)
        self.short_names = load_scale_short_names(lexicon.variables)
        self.in_weeks = frozenset(v.name for v in lexicon.variables.values() if v.unit == "wk")
        self.age = lexicon.age.name
        self.age_unit = lexicon.age.unit
        # forms that are both the unit of years and the age word ("y.o.", "yo", "y/o")
        units_of = lexicon.case_free_units()
        self.years_old = frozenset(form.lower() for (terminal, _), forms in patterns.items() if terminal == "AGE"
                                   for form in forms if units_of.get(form.lower()) == self.age_unit)
        self.durations = frozenset(v.name for v in lexicon.variables.values() if v.kind is VariableKind.DURATION)
        self.scores = frozenset(v.name for v in lexicon.variables.values() if v.kind in (VariableKind.SCORE, VariableKind.STAGE))
        self.populations = frozenset(c.name for c in lexicon.concepts.values() if c.domain is Domain.DEMOGRAPHIC)
        self.subgroups = load_subgroups(lexicon)
        self.asked = load_asking_phrases()
        self.judgement, self.judges = load_judgement_pattern()
        self.standard, self.standard_heads, self.vague_standards = load_standard_pattern()
        self.grade_letters = frozenset(letter for _, letter in self.letters)
        self.concept = lexicon.concept
        # concepts that name a reaction to an agent ("allergy", "intolerance"), as cues do
        reactions = {payload for terminal, payload in patterns if terminal == "REACTION"}
        self.reactions = frozenset(reactions & set(lexicon.concepts))

    def _unit(self, text: str) -> tuple[str, str] | None:
        code = self.exact.get(text)
        return ("UNIT", code) if code else None

    def is_filler(self, word: str) -> bool:
        """``data/fillers.txt``; a capital letter is content even where it spells a filler
        ("Hepatitis A")."""
        return word.lower() in self.fillers and not (len(word) == 1 and word.isupper())

    def lookup(self, text: str) -> tuple[str, str] | None:
        return self._unit(text) or self.single.get(text.lower())

    def spaced_unit(self, text: str) -> str | None:
        """The UCUM code of a unit written with spaces or odd dots in it, else None."""
        key = _compact(text)
        return self.compact_exact.get(key) or self.compact.get(key.lower())

    def longest_spaced_unit(self, text: str, start: int, after: int, stop: int) -> tuple[int, str] | None:
        """The longest text[start:end], after < end <= stop, that spells a unit in pieces
        (its end not inside a word), with its UCUM code. It stops where no unit spelling
        begins so, which keeps a run of symbols ("%%%%...") linear."""
        best = None
        for end in range(after + 1, stop + 1):
            if _compact(text[start:end]).lower() not in self.compact_prefixes:
                break
            if end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
                continue
            code = self.spaced_unit(text[start:end])
            if code is not None:
                best = (end, code)
        return best

    def scan(self, text: str, offset: int) -> tuple[list[Token], list[Span]]:
        """Maximal munch over numbers and single-token lexicon forms ("≥1,500/mm3",
        "count<100,000/L"). Letters and digits nothing accounts for stay words ("T2*"); a
        number glued to letters before it is part of that word unless those letters were
        read as a lexicon form ("Age18-65"); punctuation is skipped."""
        out: list[Token] = []
        words: list[Span] = []
        i, lower = 0, text.lower()
        while i < len(text):
            best: tuple[int, str, str] | None = None
            number = self.number.match(text, i)
            glued = i and text[i - 1].isalpha() and not (out and out[-1].end_pos == offset + i)
            if number and not glued:
                best = (number.end(), "NUMBER", number.group())
            reach = i
            while reach < len(text) and lower[i : reach + 1] in self.prefixes:
                reach += 1
            inside = bool(i) and text[i - 1].isalpha() and text[i].isalpha() and not (out and out[-1].end_pos == offset + i)
            for end in range(reach, i, -1):
                cuts = (i and _same_class(text[i - 1], text[i])) or (end < len(text) and _same_class(text[end - 1], text[end]))
                # a unit is a word of its own among letters: "um" is none in "sacrum/buttocks",
                # nor "d" in "gastric/duodenal" ("10mg/day" still reads: digits and "/" cut no word)
                split = inside or (end < len(text) and text[end - 1].isalpha() and text[end].isalpha())
                hit = None if split else self._unit(text[i:end])
                if hit is None and not cuts:
                    hit = self.single.get(lower[i:end])
                if hit and (best is None or end > best[0]):
                    best = (end, *hit)
                    break
            if best is None:
                if number:  # a number that belongs to the word before it ("T2", "CD4")
                    words.append(Span(offset + i, offset + number.end()))
                    i = number.end()
                    continue
                if text[i].isalnum():
                    if words and words[-1].end == offset + i:
                        words[-1] = Span(words[-1].start, offset + i + 1)
                    else:
                        words.append(Span(offset + i, offset + i + 1))
                i += 1
                continue
            end, terminal, payload = best
            out.append(_token(terminal, payload, offset + i, offset + end))
            i = end
        return out, words


_UNIT_SIGNS = str.maketrans({"∙": ".", "·": ".", "•": ".", "⋅": ".", "⁄": "/", "∕": "/"})  # odd dots, fraction slashes
_UNIT_PIECE = r"(?:[^\s,;:()\[\]<>=≤≥]|(?<=\d),(?=\d))+"  # a decimal comma stays in ("mL/min/1,73 m2")
_UNIT_RUN = re.compile(rf"{_UNIT_PIECE}(?: {_UNIT_PIECE})*")
_UNIT_LONGEST = 24  # characters a unit written in pieces may take


def _compact(text: str) -> str:
    return "".join(text.split()).translate(_UNIT_SIGNS)


def _same_class(a: str, b: str) -> bool:
    return (a.isalpha() and b.isalpha()) or (a.isdigit() and b.isdigit())


def _token(terminal: str, payload: str, start: int, end: int) -> Token:
    return Token(terminal, payload, start_pos=start, end_pos=end)


def parse_number(text: str) -> float:
    """"1,500" is fifteen hundred; "1,5" is a decimal comma; with a decimal point written,
    every comma groups thousands ("8,530.1")."""
    if "," in text:
        head, _, tail = text.rpartition(",")
        text = text.replace(",", "") if "." in text or len(tail) == 3 else head.replace(",", "") + "." + tail
    return float(text)


def load_scale_letters(variables: Mapping[str, object], text: str | None = None) -> dict[tuple[str, str], str]:
    """(scale variable, letter) -> the number the letter stands for ("Child-Pugh class B"
    is 2), from ``data/scale_letters.tsv`` or ``text``; every variable must be in
    ``variables``, every value a number, every letter one word."""
    letters: dict[tuple[str, str], str] = {}
    for row in read_table("scale_letters.tsv", ("variable", "letter", "value"), text=text):
        key = (row["variable"], row["letter"])
        if row["variable"] not in variables:
            raise RuleError(f"scale_letters.tsv: unknown variable {row['variable']!r}")
        if not row["letter"] or len(row["letter"].split()) != 1:
            raise RuleError(f"scale_letters.tsv: {row['variable']!r}: the letter must be one word, got {row['letter']!r}")
        if not re.fullmatch(r"\d+(?:\.\d+)?", row["value"]):
            raise RuleError(f"scale_letters.tsv: {row['variable']!r} {row['letter']}: value {row['value']!r} is not a number")
        if key in letters:
            raise RuleError(f"scale_letters.tsv: {row['variable']!r} {row['letter']} is listed twice")
        letters[key] = row["value"]
    return letters


def load_scale_short_names(variables: Mapping[str, object], text: str | None = None) -> dict[str, str]:
    """word -> the scale it names right before a letter ("Child B"), from
    ``data/scale_short_names.tsv`` or ``text``; every variable must be in ``variables``."""
    names: dict[str, str] = {}
    for row in read_table("scale_short_names.tsv", ("word", "variable"), text=text):
        word = row["word"]
        if len(word.split()) != 1 or word != word.lower():
            raise RuleError(f"scale_short_names.tsv: {word!r} is not one lower-case word")
        if row["variable"] not in variables:
            raise RuleError(f"scale_short_names.tsv: unknown variable {row['variable']!r}")
        if word in names:
            raise RuleError(f"scale_short_names.tsv: {word!r} is listed twice")
        names[word] = row["variable"]
    return names


# Words that change what a criterion means: never fillers (fillers.txt), never qualifiers.
MEANING_WORDS = frozenset("""not no without neither nor never other only more less least several all any
before after since during until if unless except when serious eligible refuse""".split())


def load_filler_words(text: str | None = None) -> frozenset[str]:
    """``data/fillers.txt`` (or ``text`` in its format): one lower-case word a line, each
    once, none of the words whose loss would change a criterion (``MEANING_WORDS``)."""
    entries = read_words("fillers.txt", text)
    for number, word in entries:
        if word in MEANING_WORDS:
            raise RuleError(f"fillers.txt: line {number}: {word!r} changes what a criterion means; never a filler")
    return frozenset(word for _, word in entries)


def load_never_diagnoses(text: str | None = None) -> frozenset[str]:
    """``data/never_diagnoses.txt`` (or ``text`` in its format): one lower-case word a line."""
    return frozenset(word for _, word in read_words("never_diagnoses.txt", text))


def load_generic_mentions(text: str | None = None) -> frozenset[str]:
    """``data/generic_mentions.txt`` (or ``text`` in its format): one lower-case mention a
    line, each once."""
    return frozenset(mention for _, mention in read_phrases("generic_mentions.txt", text))


def load_generic_conditions(generic: frozenset[str], text: str | None = None) -> frozenset[str]:
    """``data/generic_conditions.txt`` (or ``text`` in its format): each word one of the
    generic mentions."""
    entries = read_words("generic_conditions.txt", text)
    for number, word in entries:
        if word not in generic:
            raise RuleError(f"generic_conditions.txt: line {number}: {word!r} is not in generic_mentions.txt")
    return frozenset(word for _, word in entries)


def load_never_qualifiers(text: str | None = None) -> frozenset[str]:
    """``data/never_qualifiers.txt`` (or ``text`` in its format): one lower-case word a line."""
    return frozenset(word for _, word in read_words("never_qualifiers.txt", text))


def load_body_sites(text: str | None = None) -> frozenset[str]:
    """``data/body_sites.txt`` (or ``text`` in its format): one lower-case word a line."""
    return frozenset(word for _, word in read_words("body_sites.txt", text))


def load_uncarried_qualifiers(text: str | None = None) -> frozenset[str]:
    """``data/uncarried_qualifiers.txt`` (or ``text`` in its format): one lower-case
    qualifier a line, each once."""
    return frozenset(qualifier for _, qualifier in read_phrases("uncarried_qualifiers.txt", text))


def load_kind_participles(text: str | None = None) -> frozenset[str]:
    """``data/kind_participles.txt`` (or ``text`` in its format): one lower-case word a
    line, each ending in "-ing"."""
    entries = read_words("kind_participles.txt", text)
    for number, word in entries:
        if not word.endswith("ing"):
            raise RuleError(f"kind_participles.txt: line {number}: {word!r} does not end in -ing")
    return frozenset(word for _, word in entries)


def load_population_words(text: str | None = None) -> frozenset[str]:
    """``data/population_words.txt`` (or ``text`` in its format): one lower-case word a line."""
    return frozenset(word for _, word in read_words("population_words.txt", text))


def load_numbered_groups(text: str | None = None) -> frozenset[str]:
    """``data/numbered_groups.txt`` (or ``text`` in its format): one lower-case word a line."""
    return frozenset(word for _, word in read_words("numbered_groups.txt", text))


def group_first_pattern(numbered: frozenset[str]) -> re.Pattern[str]:
    """"Non-CP cohort:", "Cohort 1 only:", "Part 2:": a few words ending in a group's word,
    or a numbered group's word (``data/numbered_groups.txt``) and its number or letter, then
    the colon."""
    words = "|".join(sorted(map(re.escape, numbered), key=len, reverse=True))
    return re.compile(rf"[\s\-•*·]*(?:for\s+(?:the\s+)?)?(?P<label>(?P<numbered>(?:{words})\s+[\w-]{{1,3}})"
                      r"|(?:[\w-]+\s+){0,3}?(?P<word>[a-z]+))(?:\s+only)?\s*:", re.IGNORECASE)


def load_study_groups(text: str | None = None) -> frozenset[str]:
    """``data/study_groups.txt`` (or ``text`` in its format): one lower-case word a line."""
    return frozenset(word for _, word in read_words("study_groups.txt", text))


def load_change_words(text: str | None = None) -> frozenset[str]:
    """``data/change_words.txt`` (or ``text`` in its format): one lower-case word a line."""
    return frozenset(word for _, word in read_words("change_words.txt", text))


def load_past_words(text: str | None = None) -> frozenset[str]:
    """``data/past_words.txt`` (or ``text`` in its format): one lower-case word a line."""
    return frozenset(word for _, word in read_words("past_words.txt", text))


def load_languages(text: str | None = None) -> frozenset[str]:
    """``data/languages.txt`` (or ``text`` in its format): one lower-case word a line."""
    return frozenset(word for _, word in read_words("languages.txt", text))


def load_language_words(text: str | None = None) -> dict[str, frozenset[str]]:
    """``data/language_words.tsv`` (or ``text`` in its format): the words that come before
    a language a participant speaks, and those that come after it, by place."""
    places: dict[str, set[str]] = {"before": set(), "after": set()}
    for row in read_table("language_words.tsv", ("place", "word"), text=text):
        if row["place"] not in places:
            raise RuleError(f"language_words.tsv: place {row['place']!r} is not one of before, after")
        if len(row["word"].split()) != 1 or row["word"] != row["word"].lower():
            raise RuleError(f"language_words.tsv: {row['word']!r} is not one lower-case word")
        places[row["place"]].add(row["word"])
    return {place: frozenset(words) for place, words in places.items()}


def load_test_results(lexicon: Lexicon, text: str | None = None) -> dict[str, str]:
    """``data/test_results.tsv`` (or ``text`` in its format): test variable -> the concept
    its result detects."""
    return _variable_concepts("test_results.tsv", ("test", "detects"), lexicon, text)


def load_rate_subjects(lexicon: Lexicon, text: str | None = None) -> dict[str, str]:
    """``data/rate_subjects.tsv`` (or ``text`` in its format): variable -> the habit it counts."""
    return _variable_concepts("rate_subjects.tsv", ("variable", "of"), lexicon, text)


def load_concept_objects(lexicon: Lexicon, text: str | None = None) -> dict[str, frozenset[str]]:
    """``data/concept_objects.tsv`` (or ``text`` in its format): word -> the concepts it is
    an object of."""
    objects: dict[str, set[str]] = {}
    for row in read_table("concept_objects.tsv", ("concept", "word"), text=text):
        if row["concept"] not in lexicon.concepts:
            raise RuleError(f"concept_objects.tsv: unknown concept {row['concept']!r}")
        if row["word"] != row["word"].lower() or " " in row["word"]:
            raise RuleError(f"concept_objects.tsv: {row['word']!r} is not one lower-case word")
        objects.setdefault(row["word"], set()).add(row["concept"])
    return {word: frozenset(concepts) for word, concepts in objects.items()}


@dataclass(frozen=True, slots=True)
class StudyParticipation:
    """``data/study_participation.tsv``: the concept, and a pattern of the act, "in", up to
    six words and the study."""

    concept: str
    pattern: re.Pattern[str]
    itself: frozenset[str]


def load_study_participation(lexicon: Lexicon, text: str | None = None) -> StudyParticipation:
    rows = read_table("study_participation.tsv", ("role", "word"), text=text)
    roles: dict[str, list[str]] = {}
    for row in rows:
        if row["role"] not in ("concept", "act", "head", "itself"):
            raise RuleError(f"study_participation.tsv: unknown role {row['role']!r}")
        if row["role"] != "concept" and (row["word"] != row["word"].lower() or len(row["word"].split()) != 1):
            raise RuleError(f"study_participation.tsv: {row['word']!r} is not one lower-case word")
        roles.setdefault(row["role"], []).append(row["word"])
    if not roles.get("act") or not roles.get("head"):
        raise RuleError("study_participation.tsv: an act and a head are needed")
    concepts = roles.get("concept", [])
    if len(concepts) != 1 or concepts[0] not in lexicon.concepts:
        raise RuleError(f"study_participation.tsv: one lexicon concept needed, not {concepts!r}")

    def either(role: str) -> str:
        return "|".join(re.escape(w) for w in sorted(roles.get(role, []), key=len, reverse=True))
    pattern = re.compile(rf"\b(?:{either('act')})\s+in(?:to)?\s+((?:[\w'-]+,?\s+){{1,6}}?)(?:{either('head')})(?![\w-])",
                         re.IGNORECASE)
    return StudyParticipation(concepts[0], pattern, frozenset(roles.get("itself", [])))


def _variable_concepts(name: str, header: tuple[str, str], lexicon: Lexicon, text: str | None) -> dict[str, str]:
    """A two-column table from a lexicon variable, each once, to a lexicon concept."""
    out: dict[str, str] = {}
    for row in read_table(name, header, text=text):
        variable, concept = row[header[0]], row[header[1]]
        if lexicon.variable(variable) is None:
            raise RuleError(f"{name}: unknown variable {variable!r}")
        if concept not in lexicon.concepts:
            raise RuleError(f"{name}: unknown concept {concept!r}")
        if variable in out:
            raise RuleError(f"{name}: {variable!r} is listed twice")
        out[variable] = concept
    return out


def load_subgroups(lexicon: Lexicon, text: str | None = None) -> frozenset[str]:
    """``data/subgroups.txt`` (or ``text`` in its format): one lexicon concept a line."""
    entries = read_entries("subgroups.txt", text)
    for number, name in entries:
        if name not in lexicon.concepts:
            raise RuleError(f"subgroups.txt: line {number}: unknown concept {name!r}")
    return frozenset(name for _, name in entries)


def load_asking_phrases(text: str | None = None) -> re.Pattern[str]:
    """``data/asking_phrases.txt`` (or ``text`` in its format): the pattern of what asks
    something of a group named first, a colon or one of the phrases, after a restatement in
    parentheses if any ("Women of childbearing potential (WOCBP) must")."""
    entries = read_phrases("asking_phrases.txt", text)
    phrases = "|".join(r"\s+".join(map(re.escape, p.split())) for _, p in sorted(entries, key=lambda e: -len(e[1])))
    return re.compile(rf"\s*(?:\(\w+\)\s*)?(?::|(?:{phrases})\b)", re.IGNORECASE)


def _role_words(name: str, roles: tuple[str, ...], text: str | None) -> dict[str, list[str]]:
    """A role/words table (``data/<name>``, or ``text`` in its format): each role's
    lower-case words, every role with some."""
    listed: dict[str, list[str]] = {role: [] for role in roles}
    for row in read_table(name, ("role", "words"), text=text):
        if row["role"] not in listed:
            raise RuleError(f"{name}: unknown role {row['role']!r}")
        if row["words"] != row["words"].lower() or not row["words"].strip():
            raise RuleError(f"{name}: {row['words']!r} is not lower-case words")
        listed[row["role"]].append(row["words"])
    if not all(listed.values()):
        raise RuleError(f"{name}: every role needs words: {', '.join(roles)}")
    return listed


def _alternation(phrases: list[str]) -> str:
    """The phrases as one regex alternation, longest first, any space between words."""
    return "|".join(r"\s+".join(map(re.escape, p.split())) for p in sorted(phrases, key=len, reverse=True))


def load_judgement_pattern(text: str | None = None) -> tuple[re.Pattern[str], tuple[tuple[str, ...], re.Pattern[str]]]:
    """``data/judgement_phrases.tsv`` (or ``text`` in its format): the pattern of the words
    that leave a criterion to someone's judgement ("in the opinion of the investigator",
    "at the treating physician's discretion"), and the last words of who judges, without
    a plural or possessive mark (the long ones to find in the text, the short ones as a
    pattern of words): where none is written the pattern is not run. Without an own word
    a possessive needs its mark: "physician assessment" may be a procedure."""
    roles = _role_words("judgement_phrases.tsv", ("lead", "own", "judge", "opinion"), text)
    either = {role: _alternation(words) for role, words in roles.items()}
    judge = rf"(?:(?:the|an?|his|her|their)\s+)?(?:{either['judge']})"
    judges = rf"{judge}(?:\s*(?:,|and/or|or|and|/)\s*{judge})*"
    mark = "['’´]"  # a possessive's apostrophe, as typed
    owned = (rf"(?:(?:{either['own']})\s+(?:{judges})(?:{mark}s|s{mark}|{mark})?"
             rf"|(?:(?:{either['own']})\s+)?{judges}(?:{mark}s|s{mark}))")
    pattern = re.compile(rf"\b(?:(?:{either['lead']})\s+{judges}|{owned}\s+(?:{either['opinion']}))\b", re.IGNORECASE)
    last = {_unmarked(w.split()[-1]) for w in roles["judge"]}
    short = sorted(w for w in last if len(w) <= 3)  # looked for as words: "pi" is in "spine"
    words = re.compile(rf"\b(?:{'|'.join(short) or '(?!)'})\b")
    return pattern, (tuple(sorted(w for w in last if len(w) > 3)), words)


def _unmarked(word: str) -> str:
    """A word without its plural or possessive ending, to look up ("investigators'")."""
    return word.lower().rstrip("s'’´")


def load_standard_pattern(text: str | None = None) -> tuple[re.Pattern[str], tuple[str, ...], frozenset[str]]:
    """``data/standard_phrases.tsv`` (or ``text`` in its format): the pattern of the words
    that name the standard a criterion is defined by ("according to the revised 2010
    McDonald criteria"; up to eight words between the lead and the head, none a stop of a
    sentence or clause), the heads, without which the pattern is not run, and the words
    that alone name no standard."""
    roles = _role_words("standard_phrases.tsv", ("lead", "head", "vague"), text)
    either = {role: _alternation(words) for role, words in roles.items()}
    name = r"[^\s,;:]*[^\s,;:.]"  # a word of the standard's name, not the last of a sentence: "DSM-IV", "(ADA)", "v1.1"
    pattern = re.compile(rf"\b(?:{either['lead']})\s+((?:{name}\s+){{0,8}}?(?:{either['head']}))\b", re.IGNORECASE)
    return pattern, tuple(roles["head"]), frozenset(roles["vague"])


def load_instrument_words(text: str | None = None) -> frozenset[str]:
    """``data/instrument_words.txt`` (or ``text`` in its format): one lower-case word a line."""
    return frozenset(word for _, word in read_words("instrument_words.txt", text))


def instrument_pattern(heads: frozenset[str]) -> re.Pattern[str]:
    """An instrument's name from where it starts: up to 60 characters of one phrase, ending
    in one of ``heads`` or its plural."""
    words = "|".join(sorted(map(re.escape, heads)))
    return re.compile(rf"[^\n,;:()\[\]<>=≤≥]{{0,60}}?\b(?:{words})s?\b", re.IGNORECASE)


def proper_instrument_pattern(heads: frozenset[str]) -> re.Pattern[str]:
    """An instrument's proper name in the middle of a sentence: capitalised words after a
    lower-case article or preposition, the last one of ``heads`` ("by the National Adult
    Reading Test"); group 1 is the name."""
    words = "|".join(sorted(re.escape(h.capitalize()) for h in heads))
    return re.compile(rf"\b(?:the|an?|by|using|on|of|with) +((?:[A-Z][\w'’-]* +){{1,6}}(?:{words})s?)\b")


_SHOWN = frozenset({"any"})  # "any history of cancer" is cancer: the word is shown with it, not lost


def is_modifier(word: str, never: frozenset[str], kinds: frozenset[str] = frozenset()) -> bool:
    """Whether a word no rule read can narrow the concept right after it: a word of letters
    that does not change what a criterion means, nor say what someone does ("requiring",
    "able"; ``never_qualifiers.txt``); "pre-existing" and "life-threatening" are kinds,
    "causing" is an act, and ``kinds`` (``kind_participles.txt``: "living", "underlying")
    are kinds too. "any" right before a concept asks for it as the concept alone
    does; as a qualifier it stays in the node instead of leaving the criterion unknown."""
    pieces = word.lower().split()
    return all(len(p) > 1 and p[0].isalpha() and (p not in MEANING_WORDS or p in _SHOWN) and p not in never
               and not (p.endswith("ing") and "-" not in p and p not in kinds) for p in pieces)


@cache
def default_tables() -> Tables:
    return Tables(default_lexicon())


def token_stream(index: DocIndex, span: Span, tables: Tables | None = None) -> Stream:
    tables = tables or default_tables()
    text, starts, ends, matches = index.text, index.starts, index.ends, index.matches
    i = max(bisect_right(starts, span.start) - 1, 0)
    if i < len(ends) and ends[i] <= span.start:
        i += 1
    stop = bisect_left(starts, span.end)
    tokens: list[Token] = []
    words: list[Span] = []
    while i < stop:
        start, end = starts[i], ends[i]
        piece = text[start:end]
        if piece == "(" and _plural_mark(index, i, stop):
            i += 3  # "lesion(s)": the word's own plural, no parenthesis
            continue
        if piece in tables.grade_letters:
            scale = next((t.value for t in tokens[-1:-5:-1] if t.type == "VAR"), None)
            if scale is None and tokens and tokens[-1].type == "CONCEPT":
                scale = _short_scale(tokens, piece, text, tables)
            grade = tables.letters.get((scale, piece))
            if grade is not None:
                tokens.append(_token("NUMBER", grade, start, end))
                i += 1
                continue
        match = matches.get(i)
        if (match is not None and match.terminal == "TIMES" and piece.isalpha()
                and not (tokens and tokens[-1].type == "NUMBER") and not text[end:end + 2].lstrip()[:1].isdigit()):
            words.append(Span(start, end))  # a letter, not a product: "Fragile X syndrome"
            i += 1
            continue
        if match is not None and match.end <= stop:
            tokens.append(_token(match.terminal, match.payload, match.start_char, match.end_char))
            i = match.end
            continue
        freed = _FREE.fullmatch(piece) if piece[-5:].lower() == "-free" else None
        hit = tables.forms.get(freed.group(1).lower()) if freed is not None else None
        if freed is not None and hit is not None and hit[0] == "CONCEPT" and _ends_a_denial(text, end):  # "cancer-free": no cancer
            tokens.append(_token("CONCEPT", hit[1], start, start + freed.end(1)))
            tokens.append(_token("NEGPOST", FREE, start + freed.end(1), end))
            i += 1
            continue
        negated = _NON.fullmatch(piece)
        opposite = _negated_concept(index, i, stop, negated.group(1), tables) if negated is not None else None
        if opposite is not None and negated is not None:
            concept, last = opposite
            tokens.append(_token("NEG", "", start, start + negated.start(1)))
            tokens.append(_token("CONCEPT", concept, start + negated.start(1), index.ends[last]))
            i = last + 1
            continue
        entity = index.entities.get(i)
        head = (entity.end, entity.end_char) if entity is not None and entity.end <= stop else (i + 1, end)
        if (tokens and tokens[-1].type == "CONCEPT" and not text[tokens[-1].end_pos : start].strip()
                and normalize(text[start : head[1]]) in tables.generic):
            # "denosumab treatment", "CPAP therapy": the generic word is the concept's own head
            tokens[-1] = _token("CONCEPT", tokens[-1].value, tokens[-1].start_pos, head[1])
            i = head[0]
            continue
        mention = _entity(index, i, stop, tables)
        if mention is not None:
            tokens.append(mention)
            i = index.entities[i].end
            continue
        skip = index.skip[i]
        i += 1
        hit = tables.lookup(piece)
        if hit is not None:
            tokens.append(_token(*hit, start, end))
        elif tables.number.fullmatch(piece):
            tokens.append(_token("NUMBER", piece, start, end))
        elif len(piece) > _LONGEST_GLUED:  # no glued expression is this long: a word, not scanned
            words.append(Span(start, end))
        elif _GLUE.search(piece):
            found, leftover = tables.scan(piece, start)
            tokens.extend(found)
            words.extend(leftover)
        elif not (skip or tables.is_filler(piece) or opening_article(piece, text, start, span)
                  or everyone_of(piece, text, end, tables)):
            words.append(Span(start, end))
    tokens = _free_for_a_time(_postfixes_without_a_number(tokens, words, text, tables.body_sites), words, text)
    tokens = _other_studies(_everyone(tokens, words, text, tables), words, text, span, tables)
    tokens, words = named_by_form(*_bare_heads_of_lists(tokens, words, text, tables), text, tables.term_forms, tables.never_kinds)
    tokens = _diagnoses_by_title(tokens, words, text, tables)
    tokens = _qualifiers_listed(_shared_heads(tokens, words, tables, text), words, text, tables)
    tokens = _negative_results(_positive_results(_ratios(tokens, words, text, tables), words, text, tables), words, text, tables)
    tokens = _exceptions_listed(_named_durations(_lists_ending_in_or(_others_of_a_kind(_denied_lists(_joined_negations(tokens, text, tables), text, tables), text)), words), tables)
    tokens = _assemble_units(_shared_sites(tokens, words, text, tables), words, text, tables)
    tokens = _concept_objects(_anchors_after_windows(_windows_during(_either_side(tokens, text), words, text), words, text, tables),
                              words, text, tables)
    tokens = _events_outside_windows(tokens, words, text, tables)
    tokens = _changes(_years_old(tokens, text, tables), words, text, tables.change_words)
    tokens = _join_hyphenated_units(_drop_restatements(_split_or_comparators(tokens, tables, text), words, text, tables.study_groups))
    tokens = _spelled_out_ratios(_scores_named(tokens, words, text, tables), words, text, tables)
    tokens = _reactions_with_agents(_agent_reactions(_join_restated_names(_short_forms_before_heads(tokens, words, text, tables), text),
                                                     text, tables), words, text, span, tables)
    tokens = _shared_reactions(tokens, tables)
    tokens = _keep_units_in_place(_units_in_parentheses(tokens), words, text)
    tokens = _languages(_literacy_in_a_language(_shared_leads(tokens, words, text, tables), words, text, tables), words, text, tables)
    tokens = _weeks_and_days(tokens, words, text, tables)
    tokens = _status_over_lists(_adjectives_of_concepts(tokens, text, tables), text, tables)
    tokens = _scale_descriptions(_range_of_one_variable(_days_after_weeks(_written_ranges(tokens, text))), words, text)
    tokens = _proper_instruments(_versions(_age_at_an_event(_at_the_time_of(tokens, words, text), words, tables), words, text), words, text, span,
                                 tables.proper_instrument)
    tokens = _instruments(tokens, words, text, tables.instrument)
    tokens = _verdicts_on_the_study(_measuring_for(tokens, words, text, tables.instrument_heads), words, text, span)
    tokens = _calendar_dates(_negative_numbers(_unit_before_postfix(_multiples_compared(tokens, text), text), text))
    tokens = _finite_numbers(_within_amounts(_population_conditions(_slashed_concepts(tokens, text), words, text, tables), tables, words, text), words)
    tokens = _conditions_of_any_kind(_defined_variables(tokens, words, text), words, text, tables)
    tokens = _judgements(tokens, words, text, span, tables)
    tokens, words = _relative_clauses(tokens, words, text, span, tables)
    tokens, words = _links_after_atoms(tokens, words, text)
    tokens = _optional_parts(_qualifying_parentheses(_colon_lists(tokens, text, tables), words, text), words, text, span)
    tokens = _judgements_placed(_parenthesized_qualifiers(tokens, words), words, text, tables)
    tokens = _standards(tokens, words, text, span, tables)
    tokens = _plans_of_acts(_with_alternatives(_plans_written_after(tokens, text, tables), text, tables), words, text, tables)
    tokens = _risks_of_what_follows(_denials_of_unread_words(_population_colons(tokens, text, tables), words), words, text)
    tokens = _variables_modifying_words(tokens, words, text)
    tokens = _leading_condition(_subgroup_first(_window_comparators(tokens), text, span, tables), words, text, span)
    tokens = _group_named_first(tokens, words, text, span, tables.study_groups, tables.group_first)
    tokens = _group_named_last(_during_the_study(_denied_qualified_mentions(tokens, text), words, text, tables), words, text, span,
                               tables.study_groups)
    tokens = _examples_left_open(tokens, words, text)
    return Stream(_denials_apart(_qualified_counts(tokens, text, tables), words, text), words)


def _examples_left_open(tokens: list[Token], words: list[Span], text: str) -> list[Token]:
    """"chronic diseases (diabetes, hypertension, etc.)", "anticonvulsants, e.g. phenytoin,
    carbamazepine etc.": an "etc" ending a list of examples of a kind says the list is
    open, which the kind already says: read with the kind, it is no word left over, and the
    last example's span reaches over it. After a list with no kind before it, or anywhere
    else, it is reported."""
    tokens = list(tokens)
    for w in [w for w in words if text[w.start:w.end].lower() == "etc"]:
        k = bisect_left([t.start_pos for t in tokens], w.start)
        last = k - 1 - (k > 1 and tokens[k - 1].type == "COMMA")
        if last < 1 or tokens[last].type != "CONCEPT" or not _only_spaces(text, tokens[last].end_pos, w.start, ",;"):
            continue
        opened = next((j for j in range(last - 1, -1, -1) if tokens[j].type in ("INCLUDING", "LPAR", "RPAR")), None)
        if opened is None or tokens[opened].type == "RPAR":
            continue
        if tokens[opened].type == "INCLUDING" or (opened and tokens[opened - 1].type == "CONCEPT"):
            words.remove(w)  # the last example's span takes it in: read, not dropped
            tokens[last] = _token("CONCEPT", tokens[last].value, tokens[last].start_pos, w.end)
    return tokens


def _only_spaces(text: str, start: int, end: int, marks: str) -> bool:
    return not text[start:end].strip(" " + marks)


def everyone_of(piece: str, text: str, end: int, tables: Tables) -> bool:
    """"Any patient with a current case of cellulitis", "All subjects must ...": "any" or
    "all" before a word of the people a criterion is about, itself a filler, says no more
    than that word: everyone the criterion is about."""
    if piece.lower() not in _EVERYONE:
        return False
    following = _WORD_AFTER.match(text, end)
    return following is not None and following.group(1).lower() in tables.population_words and tables.is_filler(following.group(1))


_EVERYONE = frozenset({"any", "all", "every", "each"})


def opening_article(piece: str, text: str, start: int, span: Span) -> bool:
    """"A negative pregnancy test", "A solid-organ transplant": the capital "A" that opens a
    sentence before a lower-case word is the article, a filler, not the letter of "Hepatitis A"."""
    if piece != "A" or not text[start + 1:start + 3].startswith(" ") or not text[start + 2:start + 3].islower():
        return False
    before = text[span.start:start].rstrip()
    return not before or before[-1] in ".:;"


def _diagnoses_by_title(tokens: list[Token], words: list[Span], text: str, tables: Tables) -> list[Token]:
    """"Diagnosis of uncomplicated gastroschisis", "pectus excavatum": words no rule read
    that end in the title of an ICD-10-CM disease, anomaly or symptom name that condition;
    the words before it stay to qualify it. The lexicon cannot list every diagnosis; the
    classification's own titles are the open vocabulary the rules-only mode has. Not words
    that go on to name something else ("oral cholera vaccine") or a value ("prematurity
    (<37 weeks)"); a word alone must be a word, not a short form ("PIN"), and not one of
    ``never_diagnoses.txt``."""
    if not words:
        return tokens
    from ..terminology import ends_a_diagnosis_title, is_diagnosis_title  # not at start-up: most parses never need it

    runs: list[list[Span]] = []
    for word in sorted(words):
        if runs and not text[runs[-1][-1].end:word.start].strip():
            runs[-1].append(word)
        else:
            runs.append([word])
    named: list[tuple[list[Span], int]] = []
    for run in runs:
        if not ends_a_diagnosis_title(run[-1].text(text)):
            continue
        for k in range(max(0, len(run) - _LONGEST_TITLE), len(run)):
            name = text[run[k].start:run[-1].end]
            if (k < len(run) - 1 or _diagnosis_word(name, tables)) and is_diagnosis_title(name):
                named.append((run, k))
                break
    if not named:
        return tokens
    starts = {t.start_pos for k, t in enumerate(tokens) if t.type in _NAMING or t.type == "NUMBER"
              or t.type == "CMP" and tokens[k + 1:k + 2] and tokens[k + 1].type == "NUMBER"}  # a value it names
    found: list[Token] = []
    for run, k in named:
        if _skip_space_on(text, run[-1].end, " (") in starts:
            continue
        found.append(_token("CONCEPT", open_concept(Domain.CONDITION, text[run[k].start:run[-1].end]), run[k].start, run[-1].end))
        for word in run[k:]:
            words.remove(word)
    if not found:
        return tokens
    return sorted([*tokens, *found], key=lambda t: t.start_pos)


def _diagnosis_word(word: str, tables: Tables) -> bool:
    return (len(word) >= _SHORTEST_TITLE and word.isalpha() and not word.isupper()
            and word.lower() not in tables.never_diagnoses and not tables.is_filler(word))


_LONGEST_TITLE = 6  # words: "disruptive mood dysregulation disorder" and longer
_SHORTEST_TITLE = 5  # letters of a title that is one word: "acne" is read by the lexicon, "tic" is a short form


def _free_for_a_time(tokens: list[Token], words: list[Span], text: str) -> list[Token]:
    """"Seizure free for 6 months", "cancer-free for at least 5 years", "free of cancer for 5
    years": no seizure within the last 6 months; the time it has been free is how far back
    the denial reaches, not how long a seizure lasted. "free" after no concept, or naming
    a kind of what follows ("Stroke-Free Status", "gluten-free diet"), is a word."""
    if not any(t.type in ("NEGPOST", "NEG") for t in tokens):
        return tokens
    out: list[Token] = []
    k = 0
    while k < len(tokens):
        token = tokens[k]
        free = token.type == "NEGPOST" and token.value == FREE
        if free and not _free_of_concept(out, token, text):
            words.append(Span(token.start_pos, token.end_pos))
            k += 1
            continue
        after = _time_after(tokens, k + 1, text) if free else 0
        if after:  # the concept right before it, as _free_of_concept found
            concept = out.pop()
            out += [_token("NEG", "", concept.start_pos, concept.start_pos),  # the denial is the concept's own word
                    _token("CONCEPT", concept.value, concept.start_pos, token.end_pos),
                    _token("WITHIN", Anchor.NOW.value, tokens[k + 1].start_pos, tokens[k + after].end_pos)]
            k += 1 + after
            continue
        after = _time_after(tokens, k + 2, text) if token.type == "NEG" else 0
        if (token.type == "NEG" and text[token.start_pos:token.end_pos].lower().startswith(FREE)
                and k + 1 < len(tokens) and tokens[k + 1].type == "CONCEPT" and after):
            out += [token, tokens[k + 1], _token("WITHIN", Anchor.NOW.value, tokens[k + 2].start_pos, tokens[k + 1 + after].end_pos)]
            k += 2 + after
            continue
        out.append(token)
        k += 1
    return out


def _free_of_concept(out: list[Token], free: Token, text: str) -> bool:
    """Whether "free" right after the concept before it denies it: the criterion or sentence
    ends after it, or a preposition or "for" follows ("cancer-free for 5 years")."""
    if not out or out[-1].type != "CONCEPT" or text[out[-1].end_pos:free.start_pos].strip(" -"):
        return False
    return _ends_a_denial(text, free.end_pos)


def _ends_a_denial(text: str, end: int) -> bool:
    """Whether a denying word ending at ``end`` ends its phrase: the text or a clause ends,
    or a preposition follows ("free for 5 years"), not a noun it qualifies ("-free diet")."""
    following = _WORD.search(text, end)
    gap = text[end:following.start() if following else len(text)]
    return following is None or bool(set(gap) & {".", ";", ":", ",", ")"}) or following.group().lower() in _AFTER_NEGATED


def _time_after(tokens: list[Token], k: int, text: str) -> int:
    """How many tokens from ``k`` say "for" and the least time ("for 6", "for at least 6",
    "for more than 6"), when a number and unit follow them, written together; else 0."""
    kinds = [t.type for t in tokens[k:k + 3]]
    if kinds[:1] != ["LASTING"] or any(text[a.end_pos:b.start_pos].strip() for a, b in zip(tokens[k:k + 3], tokens[k + 1:k + 4])):
        return 0
    if kinds[1:2] == ["CMP"] and tokens[k + 1].value in (">=", ">"):
        return 2 if [t.type for t in tokens[k + 2:k + 4]] == ["NUMBER", "UNIT"] else 0
    return 1 if [t.type for t in tokens[k + 1:k + 3]] == ["NUMBER", "UNIT"] else 0


def _denials_apart(tokens: list[Token], words: list[Span], text: str) -> list[Token]:
    """"absence of cardiac motion on ultrasound", "have not adequately responded to
    conventional therapy": a denial with words no rule read between it and what it could
    deny, other than that thing's own modifiers right before it ("without recent
    respiratory system infections"), denies those words first (NEG_APART). Where the grammar
    cannot place it, it is dropped with them, not made the start of a chunk that would deny
    what comes after."""
    if not any(t.type == "NEG" for t in tokens):
        return tokens
    ordered = sorted(words)
    starts = [w.start for w in ordered]
    out = list(tokens)
    for k, token in enumerate(tokens):
        if token.type != "NEG":
            continue
        target = next((t for t in tokens[k + 1:] if t.type in _DENIABLE), None)
        stop = target.start_pos if target is not None else len(text)
        between = ordered[bisect_left(starts, token.end_pos):bisect_left(starts, stop)]
        if not between:
            continue
        edge = stop
        for word in reversed(between):  # the modifiers written right before the target
            if target is None or text[word.end:edge].strip(" -"):
                break
            edge = word.start
        if any(w.start < edge for w in between):
            out[k] = _token("NEG_APART", token.value, token.start_pos, token.end_pos)
    return out


_DENIABLE = frozenset({"CONCEPT", "VAR", "REACTION", "CMP", "NUMBER", "FAMILY", "RISK"})


def _qualified_counts(tokens: list[Token], text: str, tables: Tables) -> list[Token]:
    """"No response to more than one antiarrhythmic drug", "current use of at least 2
    antihypertensives": a qualifier written right before the count of a concept, or with
    fillers between, is of the concept counted (COUNTED_QUAL), not of nothing."""
    out = list(tokens)
    for k, token in enumerate(tokens):
        if (token.type != "QUAL" or k + 2 >= len(tokens)
                or not all(tables.is_filler(w) for w in text[token.end_pos:tokens[k + 1].start_pos].split())):
            continue
        j = next((j for j in range(k + 1, min(k + 7, len(tokens))) if tokens[j].type not in _COUNT_PARTS), None)
        if j is not None and tokens[j].type == "CONCEPT" and any(t.type == "NUMBER" for t in tokens[k + 1:j]):
            out[k] = _token("COUNTED_QUAL", token.value, token.start_pos, token.end_pos)
    return out


_COUNT_PARTS = frozenset({"CMP", "NUMBER", "UNIT", "CMPPOST", "OF"})  # "1 g or more of", "more than three"


def _postfixes_without_a_number(tokens: list[Token], words: list[Span], text: str, sites: frozenset[str]) -> list[Token]:
    """"upper or lower respiratory tract infection", "pain in the knee or lower back": a
    comparator written after a number ("grade 2 or lower") whose word is a body site, with
    no number, unit or limit before it and a word right after, is "or" and that site: an
    alternative of the concept it opens, or words of a site."""
    if not any(t.type == "CMPPOST" for t in tokens):
        return tokens
    out: list[Token] = []
    for k, token in enumerate(tokens):
        written = text[token.start_pos:token.end_pos].split() if token.type == "CMPPOST" else []
        if (len(written) == 2 and written[0].lower() == "or" and written[1].lower() in sites
                and not (out and out[-1].type in _POSTFIX_AFTER)
                and _WORD.match(text, token.end_pos + 1) is not None and text[token.end_pos:token.end_pos + 1] == " "):
            site = Span(text.index(written[1], token.start_pos + 2), token.end_pos)
            if k + 1 < len(tokens) and tokens[k + 1].type == "CONCEPT" and tokens[k + 1].start_pos == token.end_pos + 1:
                out.append(_token("OR", "or", token.start_pos, token.start_pos + 2))
                words.append(site)
            else:
                words.append(Span(token.start_pos, token.end_pos))
            continue
        out.append(token)
    return out


_POSTFIX_AFTER = frozenset({"NUMBER", "UNIT", "REF", "RPAR", "AGE"})


def _multiples_compared(tokens: list[Token], text: str) -> list[Token]:
    """"five times higher than the upper limit of normal", "3-fold above ULN": the comparator
    written between a multiple and its reference compares the multiple, as "> 5 x ULN"
    does; after a comparator of its own ("at least 3 times above the ULN") it repeats it.
    Read in place, the multiple lost its reference and became "== 5 U/L"."""
    if not any(t.type == "TIMES" for t in tokens):
        return tokens
    out: list[Token] = []
    k = 0
    while k < len(tokens):
        piece = tokens[k:k + 4]
        if ([t.type for t in piece] == ["NUMBER", "TIMES", "CMP", "REF"]
                and not any(text[a.end_pos:b.start_pos].strip(" -") for a, b in zip(piece, piece[1:]))):
            number, times, compared, reference = piece
            out += [number, times, reference] if out and out[-1].type == "CMP" else [compared, number, times, reference]
            k += 4
            continue
        out.append(tokens[k])
        k += 1
    return out


def _risks_of_what_follows(tokens: list[Token], words: list[Span], text: str) -> list[Token]:
    """"at increased risk of death from a pre-existing illness": a risk is of what is
    written right after it ("at risk for developing diabetes" allows the verb); with other
    words between, the concept read later is no target of it, and the risk is reported."""
    if not any(t.type == "RISK" for t in tokens):
        return tokens
    out: list[Token] = []
    for k, token in enumerate(tokens):
        after = tokens[k + 1] if k + 1 < len(tokens) else None
        if token.type == "RISK" and (after is None or not all(
                PARTICIPLE.fullmatch(w.lower()) for w in text[token.end_pos:after.start_pos].split())):
            words.append(Span(token.start_pos, token.end_pos))
            continue
        out.append(token)
    return out


def _denials_of_unread_words(tokens: list[Token], words: list[Span]) -> list[Token]:
    """"is not a good candidate for the study or will not be able to follow study
    procedures", "never smoked or not smoking": a denial of what no rule reads (words, or a
    verdict on the study), the next alternative a denial of its own, denies that; read on,
    it denied the second denial, which turned it around. It is reported with its words."""
    if sum(t.type == "NEG" for t in tokens) < 2:
        return tokens
    ordered = sorted(words)
    starts = [w.start for w in ordered]
    reported: set[int] = set()
    for k, token in enumerate(tokens):
        kinds = [t.type for t in tokens[k + 1:k + 4]]
        if token.type != "NEG":
            continue
        if kinds[:2] == ["OR", "NEG"]:
            at = bisect_left(starts, token.end_pos)
            if at < len(ordered) and ordered[at].end <= tokens[k + 1].start_pos:
                reported.add(k)
        elif kinds == ["ELIGIBLE", "OR", "NEG"]:
            reported.update((k, k + 1))
    words.extend(Span(tokens[k].start_pos, tokens[k].end_pos) for k in sorted(reported))
    return [t for k, t in enumerate(tokens) if k not in reported]


def _variables_modifying_words(tokens: list[Token], words: list[Span], text: str) -> list[Token]:
    """"diastolic septal thickness > 15 mm", "end diastolic diameter > 60 mm": a variable
    named by an adjective alone ("diastolic", "systolic") and followed by words no rule read
    before its bound modifies those words; the bound is theirs, not the variable's (diastolic
    blood pressure > 15 mm). A noun ("ASA class 3", "Hemoglobin level > 10") is no modifier."""
    if not words or not any(t.type == "VAR" for t in tokens):
        return tokens
    ordered = sorted(words)
    starts = [w.start for w in ordered]
    dropped: set[int] = set()
    for k in range(len(tokens) - 1):
        variable, bound = tokens[k], tokens[k + 1]
        if variable.type != "VAR" or bound.type not in ("CMP", "CMPPOST", "NUMBER"):
            continue
        at = bisect_left(starts, variable.end_pos)
        name = text[variable.start_pos:variable.end_pos].strip()
        if (name.isalpha() and name.lower().endswith(_NAME_ADJECTIVE_ENDINGS)
                and at < len(ordered) and ordered[at].end <= bound.start_pos
                and _UNREAD_NOUNS.fullmatch(text[variable.end_pos:bound.start_pos]) is not None):
            dropped.add(k)
    if not dropped:
        return tokens
    words.extend(Span(tokens[k].start_pos, tokens[k].end_pos) for k in sorted(dropped))
    return [t for k, t in enumerate(tokens) if k not in dropped]


_UNREAD_NOUNS = re.compile(r"\s*[^\W\d_][^\W\d_ -]*(?:[ -][^\W\d_]+)*\s*", re.UNICODE)  # words only, no punctuation


LEAD_GAP = re.compile(r"[\s\-•*·:;.,()\[\]0-9]")  # what may stand before a criterion's first word


def _subgroup_first(tokens: list[Token], text: str, span: Span, tables: Tables) -> list[Token]:
    """"Women of childbearing potential must have a negative pregnancy test", "Female
    participants of childbearing potential: ...": a group of patients named first and then
    asked for something (a colon, "must", "should") is whom the rest is asked of, as "If of
    childbearing potential, ..." says; side by side, every patient had to be of it."""
    if not tokens or LEAD_GAP.sub("", text[span.start:tokens[0].start_pos]):
        return tokens
    group: list[Token] = []
    k = 0
    while (k < len(tokens) and tokens[k].type == "CONCEPT" and tokens[k].value in tables.subgroups
           and (not group or text[group[-1].end_pos:tokens[k].start_pos].strip().lower() in ("", "of"))):
        group.append(tokens[k])
        k += 2 if k + 2 < len(tokens) and tokens[k + 1].type == "OF" else 1  # "Female participants of childbearing potential"
    if not group or k >= len(tokens) or not tables.asked.match(text, group[-1].end_pos, tokens[k].end_pos):
        return tokens  # up to the next token's end: "must not be pregnant" is a denial
    joined = [group[0]]
    for token in group[1:]:
        joined += [_token("AND", "", token.start_pos, token.start_pos), token]
    return [_token("IFLEAD", "", group[0].start_pos, group[0].start_pos), *joined,
            _token("COMMA", "", group[-1].end_pos, group[-1].end_pos), *tokens[k:]]




def _denied_qualified_mentions(tokens: list[Token], text: str) -> list[Token]:
    """"Absence of documented EKG", "No significant abnormality of ECG": a variable named
    with no bound after a denial and qualifiers is the observation so qualified, denied.
    The grammar leaves a qualifier before a variable to its bound; with the denial in
    front it could read neither, and dropped the denial."""
    if not any(t.type == "NEG" for t in tokens):
        return tokens
    out = list(tokens)
    for k, token in enumerate(out):
        if token.type != "NEG":
            continue
        j = k + 1
        while j < len(out) and out[j].type == "QUAL" and not text[out[j - 1].end_pos:out[j].start_pos].strip():
            j += 1
        if (j > k + 1 and j < len(out) and out[j].type == "VAR" and not text[out[j - 1].end_pos:out[j].start_pos].strip()
                and (j + 1 == len(out) or out[j + 1].type not in _BOUND_STARTS)):
            out[j] = _token("CONCEPT", open_concept(Domain.OBSERVATION, out[j].value), out[j].start_pos, out[j].end_pos)
    return out


_BOUND_STARTS = frozenset({"CMP", "CMPPOST", "NUMBER", "BETWEEN", "FROM", "OF", "SLASH", "AND", "COMMA", "LPAR", "REF"})


def _judgements(tokens: list[Token], words: list[Span], text: str, span: Span, tables: Tables) -> list[Token]:
    """"in the opinion of the investigator", "at the treating physician's discretion": who
    judges becomes one JUDGED qualifier in place of the tokens and words it covers. Set apart
    by commas in a relative clause ("a condition which, in the opinion of the investigator,
    would interfere ..."), it loses its commas, so the clause reads on past it."""
    lowered = text[span.start:span.end].lower()
    if not (any(judge in lowered for judge in tables.judges[0]) or tables.judges[1].search(lowered)):
        return tokens
    for found in tables.judgement.finditer(text, span.start, span.end):
        start, end = found.span()
        if _reached_into(tokens, start, end):
            continue
        k = bisect_left([t.start_pos for t in tokens], start)
        rest = [t for t in tokens[k:] if t.start_pos >= end]
        if k > 2 and tokens[k - 1].type == "COMMA" and tokens[k - 2].type == "TAIL" and tokens[k - 3].type == "CONCEPT":
            k -= 1  # "a condition which, in the opinion of ...,"
            if rest and rest[0].type == "COMMA" and all(tables.is_filler(w) for w in text[end:rest[0].start_pos].split()):
                rest = rest[1:]
        tokens = [*tokens[:k], _token("QUAL", JUDGED, start, end), *rest]
        words[:] = [w for w in words if not (start <= w.start and w.end <= end)]
    return tokens


def _conditions_of_any_kind(tokens: list[Token], words: list[Span], text: str, tables: Tables) -> list[Token]:
    """"Any condition that would interfere with the study", "any other illness which, in
    the opinion of the investigator, ...": a generic word of a condition after "any" or
    "other" and before a relative clause is the condition the clause narrows, an open
    concept as the entity recognizer makes it."""
    if not any(t.type == "TAIL" for t in tokens):
        return tokens
    starts = [t.start_pos for t in tokens]
    for w in [w for w in words if text[w.start:w.end].lower() in tables.generic_conditions]:
        k = bisect_left(starts, w.start)
        kind = (k and tokens[k - 1].type == "QUAL" and tokens[k - 1].value in _ANY_KIND
                and _only_spaces(text, tokens[k - 1].end_pos, w.start, "")) or _ANY_WORD.search(text, max(w.start - 8, 0), w.start)
        if not (kind and k < len(tokens) and tokens[k].type == "TAIL"
                and not text[w.end:tokens[k].start_pos].replace("(s)", "").strip(" ,")):  # "Any condition(s) that"
            continue
        words.remove(w)
        tokens.insert(k, _token("CONCEPT", open_concept(Domain.CONDITION, text[w.start:w.end]), w.start, w.end))
        starts.insert(k, w.start)
    return tokens


_ANY_KIND = frozenset({"any", "other"})  # QUAL payloads of "any other", "other" (cues.tsv)
_ANY_WORD = re.compile(r"\bany\s+$", re.IGNORECASE)


def _judgements_placed(tokens: list[Token], words: list[Span], text: str, tables: Tables) -> list[Token]:
    """A judgement qualifies the concept it opens, past a comma ("In the investigator's
    opinion, unable to comply"), or else the concept it follows ("contraindicated in the
    opinion of the study physician", "any condition that would interfere with the study, as
    judged by the investigator"): it goes before that concept, out of text order, as the
    grammar reads qualifiers. Where it qualifies no concept its words are reported."""
    if not any(t.type == "QUAL" and t.value == JUDGED for t in tokens):
        return tokens
    out: list[Token] = []
    k = 0
    while k < len(tokens):
        token = tokens[k]
        k += 1
        if token.type != "QUAL" or token.value != JUDGED or (out and out[-1].type == "QLPAR"):
            out.append(token)
            continue
        opened = _judged_ahead(tokens, k, text, tables)
        if opened is not None and tokens[k].type != "COMMA":
            out.extend([*tokens[opened[0]:opened[1]], token])
            k = opened[1]
            continue
        followed = _qualified_before(out, len(out), token.start_pos, text, tables)
        if followed is not None:
            back, at = followed
            del out[back:]
            out.insert(at, token)
            continue
        if opened is not None:  # "In the investigator's opinion, unable to comply"
            out.extend([*tokens[opened[0]:opened[1]], token])
            k = opened[1]
            continue
        words.append(Span(token.start_pos, token.end_pos))
    return out


def _standards(tokens: list[Token], words: list[Span], text: str, span: Span, tables: Tables) -> list[Token]:
    """"polycystic ovary syndrome as defined by the Rotterdam criteria", "T2DM as defined by
    American Diabetes Association (ADA) criteria": the standard a concept is defined by
    qualifies that concept, before it out of text order, in place of the tokens and words
    it covers; read apart, "RECIST criteria" was a second requirement and "American
    Diabetes Association" a diabetes. After anything but a concept its words are reported."""
    lowered = text[span.start:span.end].lower()
    if not any(head in lowered for head in tables.standard_heads):
        return tokens
    for found in tables.standard.finditer(text, span.start, span.end):
        start, end = found.span()
        named = found.group(1).split()
        if (_reached_into(tokens, start, end)
                or any(start <= t.start_pos < end and t.type in _TAIL_ABORT | {"VAR"} for t in tokens)
                or found.group().count("(") != found.group().count(")")
                or all(w.lower() in tables.vague_standards for w in named[:-1])):
            continue  # part of something else, a measure ("Fontaine criteria, stage IIa"), or no name
        k = bisect_left([t.start_pos for t in tokens], start)
        rest = [t for t in tokens[k:] if t.start_pos >= end]
        inside = Span(start, end)
        words[:] = [w for w in words if not inside.contains(w)]
        followed = _qualified_before(tokens, k, start, text, tables)
        if followed is None:
            words.append(inside)
            tokens = [*tokens[:k], *rest]
            continue
        back, at = followed
        standard = _token("QUAL", " ".join(named[1:] if named[0].lower() == "the" else named), start, end)
        tokens = [*tokens[:at], standard, *tokens[at:back], *rest]
    return tokens


def _judged_ahead(tokens: list[Token], k: int, text: str, tables: Tables) -> tuple[int, int] | None:
    """Where the concept a judgement ending before ``k`` opens is, past a comma or the "to"
    of "judged by the investigator to be unsuitable": the index of a denial before it
    ("unable to comply"), which the judgement follows, and of the concept's first token."""
    ahead = k + 1 if k < len(tokens) and tokens[k].type in ("COMMA", "TO") else k
    denied = ahead + 1 if ahead < len(tokens) and tokens[ahead].type == "NEG" else ahead
    if denied < len(tokens) and tokens[denied].type in _OPENS_A_CONCEPT and _only_fillers(tokens[k - 1].end_pos, tokens[ahead].start_pos, text, tables):
        return ahead, denied
    return None


def _reached_into(tokens: list[Token], start: int, end: int) -> bool:
    """Whether a token reaches into text[start:end] from outside it: the words are then part
    of something else, and no phrase of their own."""
    return any(t.start_pos < end and t.end_pos > start and not (start <= t.start_pos and t.end_pos <= end) for t in tokens)


def _qualified_before(tokens: list[Token], k: int, at: int, text: str, tables: Tables) -> tuple[int, int] | None:
    """A qualifier written at ``at`` after the concept that ends before ``tokens[k]`` (past a
    comma and the concept's relative clause, with only fillers between): where the tokens
    after the concept start, and where the qualifier goes, at the start of the concept's
    atom. None when no concept there takes it."""
    back = k - (1 if k and tokens[k - 1].type == "COMMA" else 0)
    concept = back - 2 if back >= 2 and tokens[back - 1].type == "TAIL" else back - 1
    if concept < 0 or tokens[concept].type != "CONCEPT" or not _only_fillers(tokens[back - 1].end_pos, at, text, tables):
        return None
    start = _atom_start(tokens, concept)
    return None if start is None else (back, start)


def _atom_start(tokens: list[Token], k: int) -> int | None:
    """Where the atom of the concept at ``k`` starts: at a reaction whose agents it ends
    ("contraindication to supraclavicular blockade"), else at the concept; None for the
    object of a risk ("increased risk of bradycardia"), which takes no qualifier, and for
    what an exception names, which a judgement after it does not qualify."""
    j = k
    while j and tokens[j - 1].type in _TARGET_LIST:
        j -= 1
    if j and tokens[j - 1].type == "RISK":
        return None
    start = j - 1 if j and tokens[j - 1].type == "REACTION" else k
    return None if start and tokens[start - 1].type == "EXCEPT" else start  # "other than PBC, that in the opinion of ...": not PBC's


_TARGET_LIST = frozenset({"CONCEPT", "QUAL", "OR", "AND", "COMMA"})


def _only_fillers(start: int, end: int, text: str, tables: Tables) -> bool:
    return all(tables.is_filler(w) for w in _WORD.findall(text, start, end))


JUDGED = "investigator's judgement"  # the qualifier of what is left to someone's judgement (judgement_phrases.tsv)
_OPENS_A_CONCEPT = frozenset({"QUAL", "CONCEPT", "TREATED", "REACTION"})  # not a risk or family history: no qualifier goes before them


def _during_the_study(tokens: list[Token], words: list[Span], text: str, tables: Tables) -> list[Token]:
    """"Need for surgery during the study", "use of systemic steroids throughout the trial":
    what is to happen while the study runs is ahead of the patient, as a plan is; the
    concept before it is qualified so (a record holds what happened, not what is to come).
    Read as it stood, a past surgery met it. After anything else the words are reported.
    Last of the passes: the qualifier goes before its concept, out of text order."""
    if not any(t.type == "QUAL" and t.value == DURING_THE_STUDY for t in tokens):
        return tokens
    out: list[Token] = []
    for token in tokens:
        if token.type != "QUAL" or token.value != DURING_THE_STUDY:
            out.append(token)
        elif out and out[-1].type == "CONCEPT" and all(tables.is_filler(w) for w in text[out[-1].end_pos:token.start_pos].split()):
            out.insert(len(out) - 1, _token("QUAL", PLANNED, token.start_pos, token.end_pos))
        else:
            words.append(Span(token.start_pos, token.end_pos))
    return out


DURING_THE_STUDY = "during the study"  # the QUAL payload of "during the study", "throughout the trial" (cues.tsv)
PLANNED = "planned"  # the qualifier of what is ahead of the patient (future_words.txt)


def _group_named_first(tokens: list[Token], words: list[Span], text: str, span: Span, groups: frozenset[str],
                       group_first: re.Pattern[str]) -> list[Token]:
    """"Cohort 1 only: within 2 years of completing initial chemotherapy", "Non-CP cohort:
    have had prior adenoidectomy": a group of the study named before a colon opening the
    criterion is whom the rest is asked of, as a leading condition is. Read in place, every
    patient had to be in it (or its words were reported)."""
    if not tokens or tokens[0].type == "IFLEAD":
        return tokens
    named = group_first.match(text, span.start, span.end)
    if named is None or not ((named.group("word") or "").lower() in groups or named.group("numbered")):
        return tokens
    label = Span(named.start("label"), named.end("label"))
    colon = named.end() - 1
    rest = [t for t in tokens if t.start_pos >= named.end()]
    if not rest or any(t.start_pos < named.end() and t.type not in ("CONCEPT", "QUAL", "NUMBER") for t in tokens):
        return tokens
    words[:] = [w for w in words if not (span.start <= w.start and w.end <= named.end())]
    return [_token("IFLEAD", "", label.start, label.start), _token("CONCEPT", open_concept(Domain.OTHER, label.text(text)),
                                                                   label.start, _skip_space_back(text, colon)),
            _token("COMMA", "", colon, colon + 1), *rest]


def _group_named_last(tokens: list[Token], words: list[Span], text: str, span: Span, groups: frozenset[str]) -> list[Token]:
    """"Age >= 30 years (Healthy control group)", "... (for the PTSD group)": a closing
    parenthesis that names a group of the study (``data/study_groups.txt``) says whom the
    criterion is asked of; it leads the criterion as a condition would ("For the healthy
    control group, ..."). Read in place, every patient had to be healthy."""
    if len(tokens) < 3 or tokens[-1].type != "RPAR" or tokens[0].type == "IFLEAD" or text[tokens[-1].end_pos:span.end].strip(" .;"):
        return tokens
    opening = next((k for k in range(len(tokens) - 2, 0, -1) if tokens[k].type in ("LPAR", "QLPAR", "RPAR")), None)
    if opening is None or tokens[opening].type == "RPAR":
        return tokens
    inside = Span(tokens[opening].end_pos, tokens[-1].start_pos)
    named = _GROUP_NAME.fullmatch(inside.text(text))
    if (named is None or named.group(2).lower() not in groups or any(t.type == "VAR" for t in tokens[opening + 1:-1])
            or any(w.lower() in groups for w in _WORD.findall(text, span.start, tokens[opening].start_pos))):
        return tokens  # "(Eastern Cooperative Oncology Group)": a scale's name; "(for the PTSD group) or ...": groups apart
    words[:] = [w for w in words if not inside.contains(w)]
    label = _token("CONCEPT", open_concept(Domain.OTHER, named.group(1)), inside.start, inside.end)
    rest = tokens[:opening]
    while rest and rest[0].type in _CLAUSE_OPENERS:  # "hip or knee OA": words no rule took before the "or"
        rest = rest[1:]
    return [_token("IFLEAD", "", label.start_pos, label.start_pos), label, _token("COMMA", "", label.end_pos, label.end_pos),
            *rest] if rest else tokens


# "for the PTSD group", "Healthy control group", "IBS group only": a few words and the group
_GROUP_NAME = re.compile(r"\s*(?:(?:only )?(?:for|in) (?:the )?)?((?:[\w-]+ ){0,4}?([a-z]+))(?: only)?\s*", re.IGNORECASE)


def _leading_condition(tokens: list[Token], words: list[Span], text: str, span: Span) -> list[Token]:
    """"If female, a negative pregnancy test": a condition that opens the criterion scopes
    all that follows its comma (IFLEAD); one later in it ("... if HER2 positive",
    "Patients will be excluded if ...") follows what it conditions, as the grammar reads IF."""
    if tokens and tokens[0].type == "IF" and not LEAD_GAP.sub("", text[span.start:tokens[0].start_pos]):
        first = tokens[0]
        return [_token("IFLEAD", first.value, first.start_pos, first.end_pos or first.start_pos), *_colon_closes(tokens[1:], words, text)]
    return tokens


def _colon_closes(tokens: list[Token], words: list[Span], text: str) -> list[Token]:
    """"For women: negative pregnancy test", "For patients with diabetes: HbA1c < 8%": the
    colon after a leading condition closes it as its comma does (a comma of no text of
    its own there), with a list marker after it ("...: i. Stable ...")."""
    for k in range(1, len(tokens)):
        if tokens[k - 1].type == "COMMA":
            return tokens
        gap = text[tokens[k - 1].end_pos:tokens[k].start_pos]
        if _COLON_GAP.fullmatch(gap):
            at = tokens[k - 1].end_pos + gap.index(":")
            words[:] = [w for w in words if not (at <= w.start and w.end <= tokens[k].start_pos)]
            return [*tokens[:k], _token("COMMA", "", at, _skip_space_back(text, tokens[k].start_pos)), *tokens[k:]]
    return tokens


_COLON_GAP = re.compile(r"\s*:\s*(?:(?:[ivx]{1,4}|[a-h]|\d{1,2})[.)]\s*)?", re.IGNORECASE)  # a list marker may follow


# what a list of kinds after a colon holds; a name restated in parentheses too ("Cervical cap (Pessary)")
_LISTED = frozenset({"CONCEPT", "QUAL", "COMMA", "OR", "AND", "LPAR", "RPAR"})


def _colon_lists(tokens: list[Token], text: str, tables: Tables) -> list[Token]:
    """"Antifungals: itraconazole, ketoconazole, voriconazole", "Barrier methods: condom,
    diaphragm": a concept, a colon, then a plain list of concepts names the kinds that
    count, as "including" does; side by side they were all required. A population on
    either side ("Pregnancy: Women who are pregnant") or a list holding more than concepts
    ("Statins: simvastatin at doses > 10 mg/d") is left as it was."""
    if not _colon_among(tokens, text):
        return tokens
    out: list[Token] = []
    for k, token in enumerate(tokens):
        out.append(token)
        after = tokens[k + 1] if k + 1 < len(tokens) else None
        if token.type != "CONCEPT" or after is None or after.type != "CONCEPT":
            continue
        end = token.end_pos or token.start_pos
        gap = text[end:after.start_pos]
        if gap.strip() != ":" or tables.concept(token.value).domain is Domain.DEMOGRAPHIC:
            continue
        listed = list(itertools.takewhile(lambda t: t.type != "SEMI", tokens[k + 1:]))
        if not any(t.type in ("COMMA", "OR") for t in listed) or any(t.type not in _LISTED for t in listed):
            continue
        if any(t.type == "CONCEPT" and tables.concept(t.value).domain is Domain.DEMOGRAPHIC for t in listed):
            continue
        colon = end + gap.index(":")
        out.append(_token("INCLUDING", "", colon, colon + 1))
    return out


def _colon_among(tokens: list[Token], text: str) -> bool:
    """Whether a colon stands between the criterion's first and last token (``text`` is the
    whole document, which nearly always has one)."""
    return bool(tokens) and ":" in text[tokens[0].start_pos:tokens[-1].end_pos]


def _population_colons(tokens: list[Token], text: str, tables: Tables) -> list[Token]:
    """"Body weight 55 kg or higher (female: 50 kg or higher)": a population and a colon
    opening a parenthesis before a bound say whom the bound is for, as "if female, ..."
    does; read side by side, the parenthesis made everyone female."""
    if not _colon_among(tokens, text):
        return tokens
    out: list[Token] = []
    for k, token in enumerate(tokens):
        after = tokens[k + 1] if k + 1 < len(tokens) else None
        if (token.type == "CONCEPT" and out and out[-1].type == "LPAR" and after is not None
                and after.type in ("NUMBER", "CMP") and tables.concept(token.value).domain is Domain.DEMOGRAPHIC
                and text[token.end_pos:after.start_pos].strip() == ":"):
            colon = text.index(":", token.end_pos)
            out += [_token("IFLEAD", "", token.start_pos, token.start_pos), token, _token("COMMA", "", colon, colon + 1)]
            continue
        out.append(token)
    return out


def _qualifying_parentheses(tokens: list[Token], words: list[Span], text: str) -> list[Token]:
    """"hepatitis B infection (with a detectable viral load)": "with" opening a parenthesis
    says what the thing before it has, a second requirement; read as the parenthesis of
    examples it was, the viral load alone counted. Such a cue ("as assessed by" too) must
    name something right after it: "as determined by the investigator" says who decides,
    and its words are read as words."""
    if not any(t.type in ("LPAR", "INCLUDING") for t in tokens):
        return tokens
    out: list[Token] = []
    for k, token in enumerate(tokens):
        after = tokens[k + 1] if k + 1 < len(tokens) else None
        if token.type == "INCLUDING" and token.value == QUALIFIES and not _names(after, token.end_pos, text):
            words.append(Span(token.start_pos, token.end_pos))
            continue
        out.append(token)
        opened = _WITH.match(text, token.end_pos or token.start_pos) if token.type == "LPAR" else None
        if opened is not None and _names(after, opened.end(), text):
            out.append(_token("INCLUDING", QUALIFIES, opened.start(1), opened.end(1)))
    return out


def _parenthesized_qualifiers(tokens: list[Token], words: list[Span]) -> list[Token]:
    """"Obsessive compulsive disorder (current)", "mitral stenosis (moderate to severe)": a
    parenthesis of qualifiers alone, right after a concept, opens with QLPAR, which the
    grammar reads as that concept's qualifiers; its words were reported. Not one holding
    words no rule read ("(confirmed on a second day)")."""
    out = list(tokens)
    word_starts = sorted(w.start for w in words)
    for k in range(1, len(tokens)):
        if tokens[k].type != "LPAR" or tokens[k - 1].type != "CONCEPT":
            continue
        close = next((j for j in range(k + 1, len(tokens)) if tokens[j].type not in _QUALIFIER_LIST), None)
        if (close is None or tokens[close].type != "RPAR" or not any(t.type == "QUAL" for t in tokens[k + 1:close])
                or bisect_left(word_starts, tokens[k].end_pos) < bisect_left(word_starts, tokens[close].start_pos)):
            continue  # words no rule read inside
        out[k] = _token("QLPAR", "", tokens[k].start_pos, tokens[k].end_pos)
    return out


_QUALIFIER_LIST = frozenset({"QUAL", "AND", "OR", "COMMA"})  # as the grammar's qualifiers


def _names(token: Token | None, after: int, text: str) -> bool:
    """``token`` names something right after position ``after`` (an article and a word at most between)."""
    return (token is not None and token.type in _QUALIFIED and token.start_pos >= after
            and _ARTICLES.fullmatch(text[after:token.start_pos]) is not None)


def _optional_parts(tokens: list[Token], words: list[Span], text: str, span: Span) -> list[Token]:
    """"chemotherapy with or without radiotherapy": what may go with a thing or not is no
    requirement, so the cue takes in what it names, up to the next separator (and a
    parenthesis right after it), as one OPTIONAL token; dropped by the grammar, it is
    reported whole rather than leaving "radiotherapy" required. When words no rule read stand right before the cue ("able to
    walk 30 metres with or without an assistive device"), its words are read as words. A
    comma before the cue belongs to it."""
    if not any(t.type == "OPTIONAL" for t in tokens):
        return tokens
    out: list[Token] = []
    taken = 0  # tokens before this index are in a part already
    for k, token in enumerate(tokens):
        if k < taken:
            continue
        if token.type != "OPTIONAL":
            out.append(token)
            continue
        if out and out[-1].type == "COMMA":
            out.pop()
        limit = _SENTENCE_END.search(text, token.end_pos or token.start_pos, span.end)
        last = limit.start() if limit is not None else span.end  # "with or without calcifications. Patients will ..."
        end = k + 1
        while end < len(tokens) and tokens[end].start_pos < last:
            named = end > k + 1 or text[token.end_pos or token.start_pos:tokens[end].start_pos].strip()
            if tokens[end].type == "LPAR" and named:  # "with or without any treatment (e.g., surgery)"
                depth = 0
                while end < len(tokens) and tokens[end].start_pos < last:
                    depth += DEPTH.get(tokens[end].type, 0)
                    end += 1
                    if depth == 0:
                        break
                break  # the part ends with its parenthesis
            if tokens[end].type in _PART_ENDS:
                break
            end += 1
        stop = min(tokens[end].start_pos if end < len(tokens) else span.end, last)
        part = Span(token.start_pos, len(text[:stop].rstrip(" .;:\n\t")))  # "osteoplasty of the hip": its words too
        words[:] = [w for w in words if not part.contains(w)]
        before = out[-1].end_pos if out else 0
        if not out or any(c.isalnum() for c in text[before:token.start_pos]):
            words.append(part)
        else:
            out.append(_token("OPTIONAL", "", part.start, part.end))
        taken = end
    return out


_PART_ENDS = frozenset({"COMMA", "SEMI", "RPAR", "LPAR", "AND"})
_SENTENCE_END = re.compile(r"[.;:](?:\s|$)")
def _with_alternatives(tokens: list[Token], text: str, tables: Tables) -> list[Token]:
    """"Diabetes with retinopathy or neuropathy", "Chronic renal insufficiency with Cr > 1.4
    or GFR < 60": alternatives after "with" are what the concept has, one of them; "or"
    binding looser than the side-by-side "and" gave diabetes with retinopathy, or any
    neuropathy. They are read as "(with A or B)" is: the concept and one of them. Only
    plain alternatives up to a comma, semicolon or the end, and not after a population
    ("Women with A or B", whom the list rules read)."""
    if not any(t.type == "OR" for t in tokens):
        return tokens
    out: list[Token] = []
    grouped_to = 0  # tokens before it are in a group already
    for k, token in enumerate(tokens):
        if k < grouped_to:
            continue
        out.append(token)
        after = k + 1
        if (token.type != "CONCEPT" or after == len(tokens)
                or tables.concept(token.value).domain is Domain.DEMOGRAPHIC):
            continue
        cue = _WITH_ONLY.fullmatch(text, token.end_pos, tokens[after].start_pos)
        end = after
        while cue is not None and end < len(tokens) and tokens[end].type in _WITH_PARTS:
            end += 1
        if (cue is None or (end < len(tokens) and tokens[end].type not in ("COMMA", "SEMI"))
                or not any(t.type == "OR" for t in tokens[after:end]) or tokens[end - 1].type == "OR"):
            continue
        last = tokens[end - 1].end_pos
        out += [_token("LPAR", "", cue.start(1), cue.start(1)), _token("INCLUDING", QUALIFIES, cue.start(1), cue.end(1)),
                *tokens[after:end], _token("RPAR", "", last, last)]
        grouped_to = end
    return out


def _plans_written_after(tokens: list[Token], text: str, tables: Tables) -> list[Token]:
    """"Additional colon resection is planned", "surgery is scheduled": a plan said right
    after the act qualifies it as one written before it does ("planned surgery"); left
    after it, the plan was reported and the act read as done."""
    out = list(tokens)
    for k in range(1, len(out)):
        plan, act = out[k], out[k - 1]
        if (plan.type == "QUAL" and plan.value in tables.future_words and act.type == "CONCEPT"
                and text[plan.start_pos:plan.end_pos].lower().startswith(("is ", "are "))
                and not text[act.end_pos:plan.start_pos].strip()):
            out[k - 1], out[k] = plan, act
    return out


def _plans_of_acts(tokens: list[Token], words: list[Span], text: str, tables: Tables) -> list[Token]:
    """"will undergo unilateral breast cancer surgery", "indication for osteoporosis
    therapy": a plan is of the act, but the qualifier goes to the concept right after it,
    here the condition, which the patient has now. Before a condition that only names what
    the act after it is for, the plan's words are reported instead."""
    if not any(t.type == "QUAL" and t.value in tables.future_words for t in tokens):
        return tokens
    generic = {w.start: w for w in words if w.text(text).lower() in tables.generic}  # "osteoporosis therapy"
    out: list[Token] = []
    for k, token in enumerate(tokens):
        named, act = tokens[k + 1:k + 2], tokens[k + 2:k + 3]
        if (token.type == "QUAL" and token.value in tables.future_words and named and named[0].type == "CONCEPT"
                and tables.concept(named[0].value).domain is Domain.CONDITION
                and (generic.get(_skip_space_on(text, named[0].end_pos)) is not None
                     or text[named[0].start_pos:named[0].end_pos].lower().split()[-1] in tables.generic
                     or (act and act[0].type == "CONCEPT" and not text[named[0].end_pos:act[0].start_pos].strip()
                         and tables.concept(act[0].value).domain in (Domain.PROCEDURE, Domain.DRUG)))):
            words.append(Span(token.start_pos, token.end_pos))
            continue
        out.append(token)
    return out


_WITH_ONLY = re.compile(r"\s+(with)\s+", re.IGNORECASE)
_WITH_PARTS = frozenset({"CONCEPT", "QUAL", "VAR", "CMP", "CMPPOST", "NUMBER", "UNIT", "REF", "TIMES", "DASH", "TO",
                         "OR", "SLASH", "OF", "BETWEEN"})
_QUALIFIED = frozenset({"CONCEPT", "VAR", "QUAL", "REACTION", "FAMILY", "RISK"})  # what a cue that adds a requirement names
_ARTICLES = re.compile(r"\s*(?:(?:a|an|the)\s+)?(?:[\w-]+\s+)?", re.IGNORECASE)  # "with a detectable viral load"


_WITH = re.compile(r"\s*(with)\b(?!\s+or\b)", re.IGNORECASE)
_LINKED = frozenset({"CONCEPT", "VAR", "RPAR"})  # what a "due to" may follow right after
_CAUSES = frozenset({"CONCEPT", "VAR", "QUAL", "OR"})  # and what may come right after it


def _links_after_atoms(tokens: list[Token], words: list[Span], text: str) -> tuple[list[Token], list[Span]]:
    """"paralysis due to intracranial hemorrhage": a link ("due to", "secondary to") says
    what causes the thing written right before it. When no concept stands there (the
    word before was not read), the link would tie the cause to an earlier item, and when
    words no rule read follow it ("caused by an etiology other than HCV") the cause is
    not what comes next; either way its words are reported instead."""
    if not any(t.type == "LINK" for t in tokens):
        return tokens, words
    out: list[Token] = []
    loose: list[Span] = []
    starts = [w.start for w in words]
    for k, token in enumerate(tokens):
        end = token.end_pos or token.start_pos
        after = tokens[k + 1] if k + 1 < len(tokens) else None
        if token.type == "LINK" and not (
                out and out[-1].type in _LINKED and not text[out[-1].end_pos or 0:token.start_pos].strip()
                and after is not None and after.type in _CAUSES
                and bisect_left(starts, end) == bisect_left(starts, after.start_pos)):
            loose.append(Span(token.start_pos, end))
            if out and out[-1].type == "NEG" and out[-1].value == EACH and text[out[-1].end_pos or 0:token.start_pos].strip():
                # "Unable to communicate because of severe hearing loss": the inability is of
                # the act no rule read; the cause after the link is not what is denied
                neg = out.pop()
                loose.append(Span(neg.start_pos, neg.end_pos or neg.start_pos))
            continue
        out.append(token)
    return out, sorted([*words, *loose], key=lambda w: w.start) if loose else words


def _short_scale(tokens: list[Token], letter: str, text: str, tables: Tables) -> str | None:
    """"Child B": the concept just read names the scale a letter after it grades
    (``scale_short_names.tsv``); its token becomes the scale's variable."""
    last = tokens[-1]
    end = last.end_pos or last.start_pos
    named = tables.short_names.get(text[last.start_pos:end].lower())
    if named is None or (named, letter) not in tables.letters:
        return None
    tokens[-1] = _token("VAR", named, last.start_pos, end)
    return named


_NON = re.compile(r"non-?([a-z][a-z-]+)", re.IGNORECASE)
_FREE = re.compile(r"([^\W\d_][\w-]*?)-free", re.IGNORECASE)
FREE = "free"  # the NEGPOST payload of "X free" (cues.tsv): no X, for as long as a window says


def _shared_leads(tokens: list[Token], words: list[Span], text: str, tables: Tables) -> list[Token]:
    """"hepatitis B or C", "active hepatitis B and/or C infection": a last word after "or"
    or "and" shares the words before the last of the concept ahead of it, when together
    they name a concept of the lexicon; alone, "C" was reported unparsed and the second
    infection lost. A head noun after it that the named form takes in ("C infection") is
    part of it. A one-word mention the recognizer found ("investigational drug or therapy")
    shares them too, as the same word unread would."""
    starting = {w.start: w for w in words}
    for t in tokens:
        if t.type == "CONCEPT" and t.start_pos is not None and OPEN in t.value and " " not in text[t.start_pos:t.end_pos].strip():
            starting[t.start_pos] = Span(t.start_pos, t.end_pos)
    if not starting:
        return tokens
    out: list[Token] = []
    skip = -1
    for k, token in enumerate(tokens):
        if k <= skip:
            continue
        out.append(token)
        if token.type != "CONCEPT" or k + 1 >= len(tokens) or tokens[k + 1].type not in ("OR", "AND"):
            continue
        lead = text[token.start_pos:token.end_pos].split()[:-1]
        word = starting.get(_skip_space_on(text, tokens[k + 1].end_pos, string.whitespace))
        mention = word is not None and k + 2 < len(tokens) and tokens[k + 2].start_pos == word.start
        if not lead or word is None or (k + 2 < len(tokens) and tokens[k + 2].start_pos < word.end and not mention):
            continue
        named = tables.forms.get(" ".join([*lead, word.text(text)]).lower())
        if named is None or named[0] != "CONCEPT":
            continue
        end = word.end
        after = tokens[k + 3 if mention else k + 2] if k + (3 if mention else 2) < len(tokens) else None
        if (after is not None and after.type == "CONCEPT" and not text[word.end:after.start_pos].strip()
                and tables.forms.get(" ".join([*lead, word.text(text), text[after.start_pos:after.end_pos]]).lower()) == named):
            end, skip = after.end_pos or end, k + (3 if mention else 2)
        out += [tokens[k + 1], *(_token("QUAL", v, word.start, word.start) for v in _qualifiers_before(out, len(out) - 1)),
                _token("CONCEPT", named[1], word.start, end)]
        skip = max(skip, k + (2 if mention else 1))
        if not mention:
            words.remove(word)
    return out


def _qualifiers_before(tokens: list[Token], k: int) -> list[str]:
    """The qualifiers written right before the token at ``k``, listed or side by side
    ("moderate or severe aortic stenosis"), which an item sharing its words shares too."""
    values: list[str] = []
    j = k - 1
    while j >= 0 and tokens[j].type == "QUAL":
        values.insert(0, tokens[j].value)
        j -= 2 if j > 0 and tokens[j - 1].type in ("OR", "AND", "COMMA") else 1
    return values


def _languages(tokens: list[Token], words: list[Span], text: str, tables: Tables) -> list[Token]:
    """"Fluent in Danish", "able to speak Cantonese and read Chinese", "non-English
    speakers": a language (``data/languages.txt``) next to a word that says it is spoken,
    read or understood (``data/language_words.tsv``) is the observation "<language>
    speaking"; "non-" denies it. Unread, such criteria were reported whole."""
    found: list[Token] = []
    used: set[int] = set()
    for word in [w for _ in range(2) for w in list(words)]:  # twice: "Finnish or Swedish speaking"
        if word not in words:
            continue
        piece = text[word.start:word.end].lower()
        denied = _NON.fullmatch(piece)
        named = denied.group(1) if denied is not None else piece
        language, hyphen, tail = named.partition("-")
        if language not in tables.languages or (hyphen and hyphen + tail not in tables.language_words["after"]):
            continue
        start, end = word.start + (denied.start(1) if denied is not None else 0), word.end
        said = bool(hyphen)  # "English-speaking"
        later = [w for w in words if w.start >= end and not text[end:w.start].strip(" -")]
        if later and text[later[0].start:later[0].end].lower() in tables.language_words["after"]:
            said, end = True, later[0].end
            words.remove(later[0])
        listed = any(t.type == "CONCEPT" and t.value.endswith(" speaking") and (
                     t.end_pos <= word.start and _joins_only(text[t.end_pos:word.start], tables)
                     or word.end <= t.start_pos and _joins_only(text[word.end:t.start_pos], tables))
                     for t in [*tokens, *found])
        said = said or listed  # "understand English or Spanish": the second shares the first's words
        cues = _language_cues(text, word.start, words, tables)
        if cues:
            said = True
            fresh = [c for c in cues if c.start not in used]
            if fresh:
                start = min(c.start for c in fresh)
                used.update(c.start for c in fresh)
                for cue in fresh:
                    words.remove(cue)
        if not said:
            continue
        words.remove(word)
        name = f"{language} speaking"
        named = tables.forms.get(name)
        payload = named[1] if named is not None and named[0] == "CONCEPT" else open_concept(Domain.OBSERVATION, name)
        if denied is not None and start == word.start + denied.start(1):
            found.append(_token("NEG", "", word.start, start))
        found.append(_token("CONCEPT", payload, start, end))
    if not found:
        return tokens
    inside = [Span(t.start_pos, t.end_pos) for t in found if t.type == "CONCEPT"]
    kept = [t for t in tokens if t.type not in _SEPARATING
            or not any(s.start <= t.start_pos and t.end_pos <= s.end for s in inside)]
    return sorted([*kept, *found], key=lambda t: t.start_pos or 0)


_SEPARATING = frozenset({"AND", "OR", "COMMA", "SLASH", "OF", "TO"})  # words between a language's cues


def _joins_only(gap: str, tables: Tables) -> bool:
    """Whether a gap holds a list's joining words and nothing else (", or", "and/or"), as
    the cue phrases name them."""
    pieces = _PIECES.findall(gap)
    return bool(pieces) and all(_is_join(piece, tables) for piece in pieces)


def _is_join(word: str, tables: Tables) -> bool:
    cue = tables.forms.get(word.lower())
    return cue is not None and cue[0] in _JOINS


_JOINS = frozenset({"AND", "OR", "COMMA", "SLASH"})
_PIECES = re.compile(r"\w+|[^\w\s]")


def _literacy_in_a_language(tokens: list[Token], words: list[Span], text: str, tables: Tables) -> list[Token]:
    """"Ability to read and write in French", "literate in English": reading and writing a
    language named right after (over fillers) is that language's observation, as "read
    French" is; the lexicon's literacy took the words a language needs."""
    if not any(t.type == "CONCEPT" and t.value == LITERACY for t in tokens):
        return tokens
    out = list(tokens)
    for k, token in enumerate(out):
        if token.type != "CONCEPT" or token.value != LITERACY:
            continue
        following = next((w for w in sorted(words) if w.start >= token.end_pos), None)
        if (following is None or text[following.start:following.end].lower() not in tables.languages
                or not all(tables.is_filler(w) for w in text[token.end_pos:following.start].split())
                or any(token.end_pos <= t.start_pos < following.start and t.type not in ("IN", "OF") for t in out)):
            continue
        name = f"{text[following.start:following.end].lower()} speaking"
        named = tables.forms.get(name)
        payload = named[1] if named is not None and named[0] == "CONCEPT" else open_concept(Domain.OBSERVATION, name)
        out[k] = _token("CONCEPT", payload, token.start_pos, following.end)
        words.remove(following)
    return [t for t in out if not (t.type in ("IN", "OF") and any(c.start_pos < t.start_pos < c.end_pos for c in out))]


LITERACY = "literacy"  # the lexicon concept of reading and writing


def _language_cues(text: str, start: int, words: list[Span], tables: Tables) -> list[Span]:
    """The unread words before a language that say it is spoken or read, over fillers,
    other languages and "and"/"or" ("fluent in written and spoken English"): up to six
    words back, to the first word of another kind."""
    unread = {w.start: w for w in words}
    cues: list[Span] = []
    for match in reversed(list(_WORDS.finditer(text, max(0, start - 80), start))[-6:]):
        word, cue = match.group(0).lower(), unread.get(match.start())
        if word in tables.language_words["before"] and cue is not None:
            cues.append(cue)
        elif not (tables.is_filler(word) or _is_join(word, tables) or (word in tables.languages and cue is not None)):
            break  # a word of another kind, or one a rule already read ("understand English or Spanish")
    return cues


_WORDS = re.compile(r"[\w/'-]+")


def _joined_negations(tokens: list[Token], text: str, tables: Tables) -> list[Token]:
    """"Inability or unwilling to give consent", "who cannot or do not want to": two denials
    of the one thing that follows are one denial, not a double negation that would assert it."""
    out: list[Token] = []

    def said_nothing(start: int, end: int) -> bool:
        return all(tables.is_filler(word) for word in text[start:end].split())

    for token in tokens:
        if (token.type == "NEG" and len(out) >= 2 and out[-1].type in ("OR", "AND", "SLASH")
                and out[-2].type == "NEG" and said_nothing(out[-2].end_pos, out[-1].start_pos)
                and said_nothing(out[-1].end_pos, token.start_pos)):
            out[-2:] = [_token("NEG", out[-2].value or token.value, out[-2].start_pos, token.end_pos)]
            continue
        out.append(token)
    return out


def _denied_lists(tokens: list[Token], text: str, tables: Tables) -> list[Token]:
    """"No history of diabetes and hypertension", "no prior chemotherapy, radiotherapy and
    surgery": a denial of concepts listed with "and" denies each, as one written with "or"
    does, so the list's joiners read as "or" under it (not A and not B is not (A or B));
    read as written, the denial stopped at the first and the others were required. Not a
    denial of each alternative apart ("unable to read and write"), nor "non-" written onto a
    word, nor across a word no rule reads ("not pregnant and willing to use contraception")."""
    dropped: set[int] = set()
    turned: set[int] = set()
    for k, token in enumerate(tokens):
        if token.type != "NEG" or token.value or not text[token.end_pos:token.end_pos + 1].isspace():
            continue
        joiners: list[list[int]] = []
        concepts = 0
        leading = text[token.start_pos:token.end_pos].lower().split()[:1] == ["no"]  # "No definite history of ..."
        j = k + 1
        while j < len(tokens):
            kind = tokens[j].type
            gap = text[tokens[j - 1].end_pos:tokens[j].start_pos].split()
            if (gap if tokens[j - 1].type in ("AND", "COMMA")
                    else not all(tables.is_filler(w) or leading and not concepts and w.lower() not in tables.never_kinds
                                 for w in gap)):
                break  # "not pregnant and on effective contraception": a state of its own
            if kind == "AND" and text[tokens[j].start_pos:tokens[j].end_pos].lower() not in _WRITTEN_AND:
                break  # "no prior chemotherapy but adjuvant chemotherapy ..."
            if kind == "CONCEPT":
                concepts += 1
            elif kind == "AND" and tokens[j - 1].type == "COMMA" and joiners and joiners[-1] == [j - 1]:
                joiners[-1].append(j)  # "A, B, and C"
            elif kind in ("AND", "COMMA") and concepts == len(joiners) + 1:
                joiners.append([j])
            elif kind not in _BEFORE_A_DENIED:
                break
            j += 1
        listed = joiners[:concepts - 1]
        if (j < len(tokens) and tokens[j].type in ("OR", "NEG")  # "no A and B or C": not a list of "and"
                or not any(tokens[m].type == "AND" for joiner in listed for m in joiner)):
            continue
        for joiner in listed:
            dropped.update(joiner[:-1])
            turned.add(joiner[-1])
    if not turned:
        return tokens
    return [_token("OR", t.value, t.start_pos, t.end_pos) if k in turned else t
            for k, t in enumerate(tokens) if k not in dropped]


_BEFORE_A_DENIED = frozenset({"QUAL", "BEFORE", "OF", "TREATED"})
_WRITTEN_AND = frozenset({"and", "&"})


def _others_of_a_kind(tokens: list[Token], text: str) -> list[Token]:
    """"Allergy to acetazolamide and other sulfonamides", "motolimod and other TLR
    agonists": what "and other" lists is one of a kind, so either one counts; as "and",
    both were required together."""
    return [_token("OR", "or", t.start_pos, t.end_pos)
            if t.type == "AND" and k + 1 < len(tokens) and tokens[k + 1].type == "QUAL" and tokens[k + 1].value == "other"
            and not _words_between(t, tokens[k + 1], text) else t for k, t in enumerate(tokens)]


def _lists_ending_in_or(tokens: list[Token]) -> list[Token]:
    """"History of stroke, seizures, head trauma or any diseases of central nervous
    system": a list of concepts whose "or" comes before an item no rule reads is still a
    list of alternatives; with that item gone, only commas joined the rest and made them
    all required. The last comma of such a list becomes its "or"; a list of two must open
    where an item can start ("if receiving SSRI, SNRI or NASA"), or the "or" would bind the
    first item to what stands before it ("allergy to aspirin, ticagrelor or ...")."""
    out = list(tokens)
    for k, token in enumerate(tokens):
        if token.type != "OR":
            continue
        rest = next((m for m in range(k + 1, len(tokens)) if tokens[m].type in _LIST_ENDS), len(tokens))
        if any(t.type in _ITEM_STARTS for t in tokens[k + 1:rest]):
            continue  # the item after "or" has words a rule reads
        j = k - 1 if k and tokens[k - 1].type == "COMMA" else k
        commas: list[int] = []
        while j >= 2 and tokens[j - 1].type == "CONCEPT" and tokens[j - 2].type == "COMMA":
            commas.append(j - 2)
            j -= 2
        opens = j < 2 or tokens[j - 2].type in _LIST_OPENERS  # a list of two must start one
        if commas and (len(commas) >= 2 or opens) and j >= 1 and tokens[j - 1].type == "CONCEPT":
            out[commas[0]] = _token("OR", token.value, tokens[commas[0]].start_pos, tokens[commas[0]].end_pos)
    return out


def _exceptions_listed(tokens: list[Token], tables: Tables) -> list[Token]:
    """"except basal cell and squamous cell skin carcinoma", "other than insomnia, PTSD and
    specific phobias": each thing an exception lists is excepted; read as written, the "and"
    made the last one a requirement of the criterion. An "and" between two concepts of one
    domain in the exception's list is its "or"; after a comma only when commas joined the
    list before it ("except carcinoma in situ, and must be disease-free": a clause of its own)."""
    if not any(t.type == "EXCEPT" for t in tokens):
        return tokens
    out = list(tokens)
    for e in (k for k, t in enumerate(tokens) if t.type == "EXCEPT"):
        domain, commas = None, 0
        for j in range(e + 1, len(tokens)):
            token = tokens[j]
            if token.type == "CONCEPT":
                domain = tables.concept(token.value).domain
            elif token.type == "COMMA":
                commas += 1
            elif token.type == "AND":
                following = next((t for t in tokens[j + 1:] if t.type != "QUAL"), None)
                if (domain is None or following is None or following.type != "CONCEPT"
                        or tables.concept(following.value).domain is not domain
                        or tokens[j - 1].type == "COMMA" and commas < 2):
                    break
                out[j] = _token("OR", "or", token.start_pos, token.end_pos)
            elif token.type not in _EXCEPTED_ITEM_PARTS:
                break
    return out


_EXCEPTED_ITEM_PARTS = frozenset({"QUAL", "TAIL", "OR"})
_ITEM_STARTS = frozenset({"CONCEPT", "QUAL", "VAR", "NEG", "TREATED", "REACTION", "FAMILY", "RISK", "BEFORE", "CMP",
                          "WCMP", "NUMBER", "BETWEEN", "LPAR"})
_LIST_ENDS = frozenset({"COMMA", "SEMI", "AND", "OR"})
_LIST_OPENERS = frozenset({"COMMA", "SEMI", "IF", "OF", "LPAR", "INCLUDING"})


def _positive_results(tokens: list[Token], words: list[Span], text: str, tables: Tables) -> list[Token]:
    """"positive for hepatitis B surface antigen", "HIV serology positive", "positive
    hepatitis C antibody": a test that detects a condition (``data/test_results.tsv``),
    said to be positive, is that condition; as a mere mention of the test, any patient with
    a result, negative too, met it."""
    positive = {w.start: w for w in words if text[w.start:w.end].lower() == "positive"}
    if not positive:
        return tokens
    ends = {w.end: w for w in positive.values()}
    out: list[Token] = []
    for k, token in enumerate(tokens):
        detected = tables.test_results.get(token.value) if token.type == "VAR" else None
        if detected is None:
            out.append(token)
            continue
        word = ends.get(_skip_space_back(text, token.start_pos, " -"))
        if (word is None and out and out[-1].type == "LASTING" and text[out[-1].start_pos:out[-1].end_pos].lower() == "for"
                and not text[out[-1].end_pos:token.start_pos].strip()):
            word = ends.get(_skip_space_back(text, out[-1].start_pos, string.whitespace))
            if word is not None:
                out.pop()  # "positive for": the "for" is part of the phrase
        if word is None:
            word = positive.get(_skip_space_on(text, token.end_pos, " -"))
        if word is None:
            out.append(token)
            continue
        words.remove(word)
        out.append(_token("CONCEPT", detected, min(word.start, token.start_pos), max(word.end, token.end_pos)))
    return out


def _negative_results(tokens: list[Token], words: list[Span], text: str, tables: Tables) -> list[Token]:
    """"Women of childbearing potential must have a negative pregnancy test": "negative"
    right before a test or a condition says its result; read after what came before it, it
    had made the women not of childbearing potential. Not when it follows a name right away
    ("HER2 negative breast cancer": the HER2 status is negative). A condition is
    negated ("negative HIV status"), a test that detects one (``data/test_results.tsv``)
    negates that condition, written before or after it; of any other test the word is
    reported."""
    out: list[Token] = []
    k = 0
    while k < len(tokens):
        token = tokens[k]
        after = tokens[k + 1] if k + 1 < len(tokens) else None
        before = out[-1] if out else None
        if (token.type == "NEGPOST" and before is not None and before.type == "VAR" and before.value in tables.test_results
                and not text[before.end_pos:token.start_pos].strip(" -")):
            # "HIV serology negative": no HIV infection, not "no HIV serology"
            out[-1] = _token("CONCEPT", tables.test_results[before.value], before.start_pos, before.end_pos)
        if (token.type != "NEGPOST" or after is None or after.type not in ("VAR", "CONCEPT")
                or not all(tables.is_filler(w) for w in text[token.end_pos:after.start_pos].split())
                or (before is not None and before.type in ("VAR", "CONCEPT")
                    and not text[before.end_pos:token.start_pos].strip(" -"))
                or _after_a_modifier(text, token.start_pos, tables)):
            out.append(token)
            k += 1
            continue
        detected = tables.test_results.get(after.value) if after.type == "VAR" else after.value
        if detected is None:
            words.append(Span(token.start_pos, token.end_pos))
            out.append(after)
        else:
            out.append(_token("NEG", "", token.start_pos, token.end_pos))
            out.append(_token("CONCEPT", detected, after.start_pos, after.end_pos))
        k += 2
    return out


def _after_a_modifier(text: str, start: int, tables: Tables) -> bool:
    """"triple negative breast cancer", "hormone-receptor negative": a word right before
    "negative" that is no filler and no cue ("no negative pregnancy test") is what is
    negative, not the concept after it."""
    previous = _LAST_WORD.search(text, max(0, start - _WORD_REACH), start)
    return previous is not None and not tables.is_filler(previous.group(1).lower()) and tables.lookup(previous.group(1)) is None


_LAST_WORD = re.compile(r"([^\W\d_][\w'-]*)[ -]*\Z")
_WORD_REACH = 64  # characters looked back for that word: not the whole text before it


def _ratio_pairs(lexicon: Lexicon, forms: Mapping[str, tuple[str, str]]) -> dict[tuple[str, str], str]:
    """The two variables a lexicon ratio is written with, where a bare "a/b" names it
    ("FEV1/FVC", "PaO2/FiO2"): each side is a form of a variable of its own."""
    pairs: dict[tuple[str, str], str] = {}
    for variable in lexicon.variables.values():
        if not variable.name.endswith(" ratio"):
            continue
        for form in variable.synonyms:
            left, slash, right = form.partition("/")
            over, under = forms.get(left.strip()), forms.get(right.strip())
            if (slash and "ratio" not in form and over is not None and under is not None
                    and over[0] == under[0] == "VAR"):
                pairs.setdefault((over[1], under[1]), variable.name)
    return pairs


def _ratio_words(words: list[Span], text: str) -> dict[int, Span]:
    """The unread words "ratio", by where they start."""
    return {w.start: w for w in words if text[w.start:w.end].lower() == "ratio"}


def _ratios(tokens: list[Token], words: list[Span], text: str, tables: Tables) -> list[Token]:
    """"AST/ALT ratio > 2", "BUN to creatinine ratio": two variables, then the word
    "ratio", are one variable, the ratio, named as written unless the lexicon names it
    ("PaO2 / FiO2 ratio"). Without the word, "AST/ALT > 2.5 x ULN" bounds each."""
    ratios = _ratio_words(words, text)
    if not ratios:
        return tokens
    out: list[Token] = []
    k = 0
    while k < len(tokens):
        token = tokens[k]
        if (token.type == "VAR" and k + 2 < len(tokens) and tokens[k + 1].type in ("SLASH", "TO")
                and tokens[k + 2].type == "VAR"):
            end = tokens[k + 2].end_pos
            word = ratios.get(_skip_space_on(text, end, " ", end + 3))
            if word is not None:
                name = (tables.ratio_pairs.get((token.value, tokens[k + 2].value))
                        or " ".join(text[token.start_pos:word.end].lower().split()))
                out.append(_token("VAR", name, token.start_pos, word.end))
                words.remove(word)
                k += 3
                continue
        out.append(token)
        k += 1
    return out


def _spelled_out_ratios(tokens: list[Token], words: list[Span], text: str, tables: Tables) -> list[Token]:
    """"FEV1 [forced expiratory volume in 1 second] / FVC [forced vital capacity] < 70%": a
    ratio the lexicon names by its two variables ("FEV1/FVC") is one variable still when
    each is spelled out on the way; read apart, each side was bounded by the ratio's value.
    The word "ratio" after a ratio named without it ("FEV1 / FVC ratio") is part of it."""
    ratios = _ratio_words(words, text)
    out: list[Token] = []
    k = 0
    while k < len(tokens):
        token = tokens[k]
        named = (tables.ratio_pairs.get((token.value, tokens[k + 2].value))
                 if token.type == "VAR" and k + 2 < len(tokens) and tokens[k + 1].type == "SLASH"
                 and tokens[k + 2].type == "VAR" else None)
        if named is None and not (token.type == "VAR" and token.value.endswith(" ratio")):
            out.append(token)
            k += 1
            continue
        size = 1 if named is None else 3
        end = tokens[k + size - 1].end_pos
        word = ratios.get(_skip_space_on(text, end, " ", end + 3))
        if word is not None:
            end = word.end
            words.remove(word)
        out.append(_token("VAR", named or token.value, token.start_pos, end))
        k += size
    return out


def _negated_concept(index: DocIndex, i: int, stop: int, rest: str, tables: Tables) -> tuple[str, int] | None:
    """"non-pregnant", "non-smoking", "non-childbearing potential": the lexicon concept
    the word after "non" names, and the last token of its name; words after it join the
    name only when the word alone already names the same concept ("childbearing"), so
    "non-sustained ventricular tachycardia" is no negated "sustained ventricular
    tachycardia", and "non-pregnant women" are women. Not when the word only modifies what
    follows ("non-melanoma skin cancer", "non-infectious or autoimmune keratitis",
    "(non-infectious) pneumonitis"): the criterion or sentence ends, or a population word
    or a preposition follows, or a comma and another such word."""
    hit = tables.forms.get(rest.lower())
    if hit is None or hit[0] != "CONCEPT":
        return None
    text = index.text
    last = i
    for extra in (2, 1):
        if i + extra < stop:
            extras = [text[index.starts[j]:index.ends[j]].lower() for j in range(i + 1, i + extra + 1)]
            if tables.forms.get(" ".join([rest.lower(), *extras])) == hit and extras[-1] not in tables.population_words:
                last = i + extra
                break
    following = [text[index.starts[j]:index.ends[j]].lower() for j in range(last + 1, min(last + 3, stop))]
    if not following or following[0] in _ENDS or following[0] in _AFTER_NEGATED or following[0] in tables.population_words:
        return hit[1], last
    if following[0] == "," and len(following) > 1 and (following[1].startswith("non") or following[1] in tables.population_words):
        return hit[1], last  # "non-pregnant, non-lactating female"
    return None


_ENDS = frozenset({".", ";", ":"})
_AFTER_NEGATED = frozenset({"for", "with", "at", "in", "who", "during", "since", "as"})


def _everyone(tokens: list[Token], words: list[Span], text: str, tables: Tables) -> list[Token]:
    """"All patients with diabetes", "All adults aged 18 or older": "all" before the people a
    criterion is about says no more than they do; the first token after it takes it into
    its span."""
    alls = [w for w in words if w.text(text).lower() == "all"]
    if not alls:
        return tokens
    out = list(tokens)
    starts = [t.start_pos for t in out]
    word_starts = sorted(w.start for w in words)
    for word in alls:
        after = _NEXT_WORD.match(text, word.end)
        following = after.group(1).lower().strip(",;:") if after else ""
        named = tables.forms.get(following)
        if not (following in tables.population_words or named is not None and named[1] in tables.populations):
            continue
        k = bisect_left(starts, word.end)
        if (k == len(out) or out[k].type not in _OPENING_A_NODE
                or bisect_left(word_starts, word.end) < bisect_left(word_starts, out[k].start_pos)):
            continue  # a word no rule read stands between
        out[k] = _token(out[k].type, out[k].value, word.start, out[k].end_pos)
        starts[k] = word.start
        words.remove(word)
    return out


_NEXT_WORD = re.compile(r"\s*(\S+)")
_OPENING_A_NODE = frozenset({"CONCEPT", "VAR", "QUAL", "NEG", "CMP"})  # whose span a node's starts with


def _plural_mark(index: DocIndex, i: int, stop: int) -> bool:
    """Whether the "(" at token ``i`` opens "(s)" or "(es)" written onto the word before it."""
    if i == 0 or i + 2 >= stop or index.ends[i - 1] != index.starts[i]:
        return False
    text = index.text
    return (text[index.starts[i + 1]:index.ends[i + 1]] in ("s", "es")
            and text[index.starts[i + 2]:index.ends[i + 2]] == ")")


def _entity(index: DocIndex, i: int, stop: int, tables: Tables) -> Token | None:
    """A mention the entity recognizer found where the lexicon found nothing: an
    observation is a variable known by its words ("EPDS score >= 10"), anything else a
    concept of its domain ("atopic dermatitis"). Not where the lexicon matched inside the
    mention, nor across a comparator or a number with its unit, which the grammar reads."""
    entity = index.entities.get(i)
    if entity is None or entity.end > stop:
        return None
    inside = [index.matches[j] for j in range(i, entity.end) if j in index.matches]
    if inside and not _narrows(index, entity, inside, tables):
        return None
    text = index.text[entity.start_char:entity.end_char]
    if _COMPARING.search(text):
        return None
    if entity.label == "OBSERVATION" and _compared(index, entity, tables):
        return _token("VAR", normalize(text), entity.start_char, entity.end_char)
    return _token("CONCEPT", open_concept(Domain(entity.label.lower()), text), entity.start_char, entity.end_char)


def _narrows(index: DocIndex, entity: EntityMatch, inside: list[LexiconMatch], tables: Tables) -> bool:
    """Whether plain words in front of a lexicon concept make the mention a narrower one
    ("optic disc edema" is not any edema): one CONCEPT match ends where the mention ends,
    and every word before it is content the lexicon and the cues do not know."""
    match = inside[0]
    if len(inside) > 1 or match.terminal != "CONCEPT" or match.end != entity.end:
        return False
    pieces = [index.text[index.starts[j]:index.ends[j]] for j in range(entity.start, match.start)]
    return all(_WORD.fullmatch(p) and not tables.is_filler(p) and tables.lookup(p) is None for p in pieces)


def _compared(index: DocIndex, entity: EntityMatch, tables: Tables) -> bool:
    """Whether the mention is compared: a comparator after it (a parenthesised short form
    may come between: "EPDS score >= 10"), a range after it ("ICDAS scores 1-2", "cycle
    length of 26-39 days"), or a bound right before it ("> 4 METs", ">= 40 on SANDE").
    Only then is an observation the lexicon does not know a variable; a bare number after
    it is too often something else ("IHC 0 or 1+")."""
    def piece(j: int) -> str:
        return index.text[index.starts[j]:index.ends[j]] if 0 <= j < len(index.starts) else ""

    def kind(j: int) -> str | None:
        match = index.matches.get(j)
        if match is not None:
            return match.terminal
        if tables.number.fullmatch(piece(j)):
            return "NUMBER"
        glued = tables.scan(piece(j), 0)[0] if _GLUE.search(piece(j)) else []  # "≥10"
        return glued[0].type if glued else None

    after = entity.end
    while piece(after) in _BRACKETS or kind(after) == "OF":
        after += 1
    if kind(after) in ("CMP", "CMPPOST") or (kind(after) == "NUMBER" and kind(after + 1) in ("DASH", "TO")):
        return True
    before = entity.start - 1
    while piece(before).lower() in _LINKING:
        before -= 1
    return kind(before) == "NUMBER" and kind(before - 1) == "CMP"


_BRACKETS = {"(", ")", "[", "]"}
_LONGEST_GLUED = 256  # characters: longer tokens (runs of one symbol, "x1x1x1...") are never read
_NAMING = {"CONCEPT", "VAR", "UNIT", "REF"}  # lexicon matches that name something, unlike cues
_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")
_LINKING = {"on", "the", "a", "of"}  # ">= 40 on the SANDE"
_COMPARING = re.compile(rf"[{_COMPARATOR_MARKS}]|\d\s*%")
_TAIL_STOP = {"SEMI", "COMMA", "LPAR", "RPAR", "INCLUDING", "UNLESS", "EXCEPT", "ALLOWED", "IF"}
_TAIL_ABORT = {"NUMBER", "CMP", "CMPPOST", "REF", "UNIT"}  # a threshold the grammar must see; a variable alone is of the clause
_CLAUSE_END = re.compile(r":|\.\s")  # a relative clause ends with its sentence or before a colon's list
_CLAUSE_OPENERS = frozenset({"AND", "OR", "COMMA", "SEMI", "LPAR"})
ABLE = "able"  # the TAIL payload of an ability ("able to", "ability to"; cues.tsv)
REQUIRED = "required"  # the QUAL payload of a need ("need for", "requires"; cues.tsv)
_NEEDING = frozenset({"requiring", "needing"})
# after a population ("Women who are pregnant or breastfeeding") a clause naming concepts
# says what they must be: the grammar reads it, it is no description of the women
_TAIL_NAMED = {"CONCEPT", "NEG", "NEGPOST"}


def _relative_clauses(tokens: list[Token], words: list[Span], text: str, span: Span, tables: Tables) -> tuple[list[Token], list[Span]]:
    """"donor willing to donate", "infection who did not respond to ...": a relative clause
    after a concept qualifies it. It becomes one TAIL token carrying its text, unless it
    holds a threshold, which the grammar must see."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.type != "TAIL":
            out.append(token)
            i += 1
            continue
        end = next((j for j in range(i + 1, len(tokens)) if tokens[j].type in _TAIL_STOP), len(tokens))
        inside = tokens[i + 1 : end]
        people = out and out[-1].type == "CONCEPT" and (  # "women of childbearing potential who are not using ..."
            out[-1].value in tables.populations or text[out[-1].start_pos:out[-1].end_pos].split()[0].lower() in tables.population_words)
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        if (token.value == ABLE and (not out or out[-1].type in _CLAUSE_OPENERS) and after is not None
                and after.type == "CONCEPT" and all(tables.is_filler(w) for w in text[token.end_pos:after.start_pos].split())):
            # "Ability to sign informed consent", "Able to read and write in English": an
            # ability opening the clause is met by the act it names; able to take a drug or
            # undergo a procedure is a candidate for it, not one who had it ("Ability to take
            # oral medication")
            if tables.concept(after.value).domain in (Domain.DRUG, Domain.PROCEDURE, Domain.DEVICE):
                out.append(_token("QUAL", CANDIDATE, token.start_pos, token.start_pos))
            out.append(_token("CONCEPT", after.value, token.start_pos, after.end_pos))
            i += 2
            continue
        if (text[token.start_pos:token.end_pos].lower() in _NEEDING
                and (not out or out[-1].type not in ("CONCEPT", "NEG") or people)
                and _parenthesized_clause(out, tokens, end, words) is None
                and not any((out[-1].end_pos if out else span.start) <= w.start and w.end <= token.start_pos for w in words)
                and after is not None and after.type in ("CONCEPT", "QUAL")
                and all(tables.is_filler(w) for w in text[token.end_pos:after.start_pos].split())):
            # "Patients >= 18 years old requiring PCI": what the patients need, no clause of a
            # concept; after words no rule read ("Pulmonary nodule requiring surgery") it stays a word
            out.append(_token("QUAL", REQUIRED, token.start_pos, token.end_pos))
            i += 1
            continue
        opened = _parenthesized_clause(out, tokens, end, words)
        if opened is not None:
            out.pop()
        limit = tokens[end].start_pos if end < len(tokens) else span.end
        stop = _CLAUSE_END.search(text, token.end_pos, limit)
        if stop is not None:  # "Comorbidities that can be associated with elevated NP levels: renal insufficiency, ..."
            end = next((j for j in range(i + 1, end) if tokens[j].start_pos >= stop.start()), end)
            inside, limit = tokens[i + 1:end], stop.start()
        last = max([token.end_pos, *(t.end_pos for t in inside), *(w.end for w in words if token.end_pos <= w.start and w.end <= limit)])
        if (not out or out[-1].type != "CONCEPT" or any(t.type in _TAIL_ABORT for t in inside)
                or last == token.end_pos  # "illness which, in the opinion of ...,": the clause is elsewhere
                or (people and any(t.type in _TAIL_NAMED for t in inside)
                    and text[token.start_pos:token.end_pos].lower() != "whose")):  # "whose partner": someone else
            if opened is not None:
                out.append(opened)
            if not tables.is_filler(text[token.start_pos:token.end_pos]):  # "requiring": a word then
                words.append(Span(token.start_pos, token.end_pos))
            i += 1
            if (i < len(tokens) and tokens[i].type in ("OR", "AND")
                    and all(tables.is_filler(w) for w in text[token.end_pos:tokens[i].start_pos].split())):
                i += 1  # "women who are or may become pregnant": the "or" joins two verbs, not the women
            continue
        clause = Span(token.start_pos, last)
        words[:] = [w for w in words if not clause.contains(w)]
        out = _clause_over_list(out, clause.text(text), text, tables)
        out.append(_token("TAIL", clause.text(text), clause.start, clause.end))
        i = end + 1 if opened is not None else end
    return out, words


def _parenthesized_clause(out: list[Token], tokens: list[Token], end: int, words: list[Span]) -> Token | None:
    """"Psoriasis (affecting the scalp)", "anticoagulation therapy (for prevention of
    cerebral infarction)": a clause opening a parenthesis right after a concept, and closing
    it, qualifies that concept; the parenthesis (returned) is no alternative of its own."""
    if not (len(out) >= 2 and out[-1].type == "LPAR" and out[-2].type == "CONCEPT"
            and end < len(tokens) and tokens[end].type == "RPAR"):
        return None
    if any(out[-2].end_pos <= w.start and w.end <= out[-1].start_pos for w in words):
        return None
    return out[-1]


def _clause_over_list(out: list[Token], clause: str, text: str, tables: Tables) -> list[Token]:
    """"Systemic or ocular medications that may confound the outcome", "Cardiac or renal
    disease that would interfere with the study": a relative clause after the last item of
    a list written with nothing but connectives between its concepts qualifies each item;
    on the last alone, the others stood for any medication or disease. Two items joined by
    a word, or items before the last of one word each (kinds of its head: "Autoimmune,
    rheumatologic or inflammatory disease"); in a longer list of full names the clause
    is the last one's ("..., heart failure, chronic diseases that may affect ..."). Not
    over people ("pregnant or breastfeeding or males whose partners ...", "Pregnant women
    or nursing mothers who are not willing to stop breastfeeding")."""
    k = len(out) - 1
    listed = [k]
    while (k >= 2 and out[k - 1].type in _JOINING_TOKENS and out[k - 2].type == "CONCEPT"
           and not _words_between(out[k - 2], out[k - 1], text) and not _words_between(out[k - 1], out[k], text)):
        k -= 2
        listed.append(k)
    if len(listed) < 2 or any(out[j].value in tables.populations
                              or text[out[j].start_pos:out[j].end_pos].split()[-1].lower() in tables.population_words
                              for j in listed):  # "Pregnant women or nursing mothers who are ..."
        return out
    joined = len(listed) == 2 and out[listed[0] - 1].type != "COMMA"
    if not joined and any(" " in text[out[j].start_pos:out[j].end_pos].strip() for j in listed[1:]):
        return out
    shared = [_token("TAIL", clause, out[j].end_pos, out[j].end_pos) for j in listed[1:]]
    for j, tail in zip(listed[1:], shared):
        out.insert(j + 1, tail)
    return out


def _split_or_comparators(tokens: list[Token], tables: Tables, text: str) -> list[Token]:
    """"under 18 or over 50", "more than 50% and less than 70%": an after-number phrase that
    starts with a connective and is followed by a number is that connective and a comparator
    before the number, with the words up to the number ("than") when they complete it."""
    out: list[Token] = []
    for i, token in enumerate(tokens):
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        if token.type == "CMPPOST" and following is not None and following.type == "NUMBER":
            surface = text[token.start_pos : token.end_pos]
            word, _, rest = surface.partition(" ")
            joiner = tables.forms.get(word.lower())
            end = token.end_pos
            comparator = tables.forms.get(" ".join(rest.lower().split()))
            if comparator is None or comparator[0] != "CMP":
                end = following.start_pos
                comparator = tables.forms.get(" ".join(text[token.start_pos + len(word):end].lower().split()))
            if joiner and joiner[0] in ("OR", "AND") and comparator and comparator[0] == "CMP":
                start = token.start_pos + len(word) + (len(rest) - len(rest.lstrip())) + 1
                out.append(_token(joiner[0], joiner[1], token.start_pos, token.start_pos + len(word)))
                out.append(_token("CMP", comparator[1], start, len(text[:end].rstrip())))
                continue
        out.append(token)
    return out


def _verdicts_on_the_study(tokens: list[Token], words: list[Span], text: str, span: Span) -> list[Token]:
    """"are eligible" says who may take part, but "are eligible for surgical resection"
    (a clinical verdict: "for" or "to" what is not the study) makes one a candidate for
    it, and "were included in the radiation field" is no verdict at all: its words are
    read as words. An ELIGIBLE token carries where its sentence (or the parenthesis it
    stands in) starts: what stands before that is what it may be another way into."""
    if not any(t.type in _VERDICTS or (t.type == "QUAL" and t.value == CANDIDATE) for t in tokens):
        return tokens
    out: list[Token] = []
    for token in tokens:
        if token.type == "QUAL" and token.value == CANDIDATE and _ON_THE_STUDY.match(text, token.end_pos):
            token = _token("ELIGIBLE", "", token.start_pos, token.end_pos)  # "are eligible for study enrollment"
        object_ = _VERDICT_OBJECT.match(text, token.end_pos) if token.type in _VERDICTS else None
        if object_ is not None:
            if token.type == "ELIGIBLE" and object_.group(1).lower() == "for":
                # "eligible for surgical resection": a candidate for it, who has not had it
                token = _token("QUAL", CANDIDATE, token.start_pos, object_.end(1))
            else:
                words.append(Span(token.start_pos, token.end_pos))
                continue
        if token.type == "ELIGIBLE":
            ends = [m.end() for m in _SENTENCE_END.finditer(text, span.start, token.start_pos)]
            since = ends[-1] if ends else span.start
            opened = text.rfind("(", since, token.start_pos)  # "X (patients with Y are eligible)": Y alone
            if opened >= 0 and ")" not in text[opened:token.start_pos]:
                since = opened + 1
            token = _token("ELIGIBLE", str(since), token.start_pos, token.end_pos)
        out.append(token)
    return out


_VERDICTS = {"ELIGIBLE", "INELIGIBLE"}
_THE_STUDY = r"(?:the\s+|this\s+|our\s+|study\s+)?(?:study|trial|participat|inclusion|enrol|entry|enter|take part|be included)"
_VERDICT_OBJECT = re.compile(rf"\s+(for|to|in|into)\s+(?!{_THE_STUDY})", re.IGNORECASE)
_ON_THE_STUDY = re.compile(rf"\s*{_THE_STUDY}", re.IGNORECASE)


def _drop_restatements(tokens: list[Token], words: list[Span], text: str, groups: frozenset[str]) -> list[Token]:
    """A parenthesis that only restates the token before it adds nothing to parse:
    "upper limit of normal (ULN)", "less than or equal to (=<)", "40 percent (%)",
    "TBV <4500 ml (above)", "three (3) years": the token before takes it into its span.
    After a variable or concept it is the name's own short form ("Ejection fraction (EF)",
    "creatinine clearance [CrCl]", "(TAPSE)"). One that lists the variables a broader one stands for
    ("aminotransferases (AST, ALT)") replaces it. Anything else ("platelets (or
    hemoglobin)") stays for the grammar."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.type == "LPAR" and out and out[-1].type in _RESTATED:
            close = next((j for j in range(i + 1, min(len(tokens), i + 8)) if tokens[j].type == "RPAR"), None)
            if close is not None:
                inside = [t for t in tokens[i + 1 : close] if t.type not in _LIST_GLUE]
                inner = {t.type for t in inside}
                previous = out[-1]
                restated = inner <= {previous.type} and all(t.value == previous.value for t in inside)
                if previous.type not in ("VAR", "CONCEPT") and inner <= {previous.type}:
                    restated = True
                restated = restated or inner <= {"CMP", "CMPPOST"} and previous.type in ("UNIT", "NUMBER", "AGE")
                written = text[token.end_pos:tokens[close].start_pos].lower().split()
                if not inside and written and written[-1] in groups:
                    restated = False  # "(control group)" names whom the criterion asks (``_group_named_last``)
                if restated:
                    taken = Span(previous.start_pos, tokens[close].end_pos)
                    worded = any(taken.contains(w) for w in words)
                    named = previous.type in ("VAR", "CONCEPT") and (bool(inside) or len(taken) - len(previous) <= _SHORT_FORM)
                    if named or not worded:
                        words[:] = [w for w in words if not taken.contains(w)]
                        out[-1] = _token(previous.type, previous.value, previous.start_pos, taken.end)
                    else:  # words in any other parenthesis stay reported, with its tokens
                        words.extend(Span(t.start_pos, t.end_pos) for t in inside)
                    i = close + 1
                    continue
                listed = tokens[i + 1 : close]
                if previous.type == "VAR" and inner == {"VAR"} and not any(t.type == "OR" for t in listed):
                    first = listed[0]  # the broader name's words stay in the first variable's span
                    out[-1:] = [_token(first.type, first.value, previous.start_pos, first.end_pos), *listed[1:]]
                    i = close + 1
                    continue
        out.append(token)
        i += 1
    return out


_RESTATED = {"VAR", "REF", "CMP", "UNIT", "CONCEPT", "NUMBER", "AGE"}
_SHORT_FORM = 24  # characters of "(...)": a short form, not a clause
_LIST_GLUE = {"COMMA", "SLASH", "AND", "OR"}


def _unit_before_postfix(tokens: list[Token], text: str) -> list[Token]:
    """"18+ years", "18 or more years of age": a comparator written between a number and
    its unit. The unit moves next to its number (each token keeps its own offsets), so the
    grammar reads the usual "18 years or more"."""
    out = list(tokens)
    for i in range(len(out) - 2):
        number, cmp, unit = out[i : i + 3]
        if (number.type, cmp.type, unit.type) == ("NUMBER", "CMPPOST", "UNIT") and not text[cmp.end_pos : unit.start_pos].strip():
            out[i + 1], out[i + 2] = unit, cmp
    return out


def _units_in_parentheses(tokens: list[Token]) -> list[Token]:
    """A unit in parentheses is the unit of the numbers it goes with: after a number
    ("100 (x10^9/L)"), or after a variable whose limits follow without one, as a table
    column is headed ("Serum creatinine (mg/dL) > 1.5", "Total bilirubin (mg/dL) 1.5 or
    less"); read as a word, it had become the variable."""
    out: list[Token] = []
    k = 0
    while k < len(tokens):
        token = tokens[k]
        unit = _parenthesized_unit(tokens, k + 1)
        if unit is None or token.type not in ("NUMBER", "VAR"):
            out.append(token)
            k += 1
            continue
        after = k + 4
        if token.type == "NUMBER":
            out += [token, unit]
            k = after
            continue
        end = after
        while end < len(tokens) and tokens[end].type in _HEADED_BOUND:
            end += 1
        limits = tokens[after:end]
        if not any(t.type == "NUMBER" for t in limits) or any(t.type in ("UNIT", "TIMES") for t in tokens[end:end + 1]):
            out.append(token)
            k += 1
            continue
        out.append(token)
        for limit in limits:
            out.append(limit)
            if limit.type == "NUMBER":
                out.append(unit)
        k = end
    return out


def _parenthesized_unit(tokens: list[Token], k: int) -> Token | None:
    if k + 2 < len(tokens) and tokens[k].type == "LPAR" and tokens[k + 1].type == "UNIT" and tokens[k + 2].type == "RPAR":
        return tokens[k + 1]
    return None


_HEADED_BOUND = frozenset({"CMP", "CMPPOST", "NUMBER", "DASH", "TO", "AND", "OR", "BETWEEN"})


def _keep_units_in_place(tokens: list[Token], words: list[Span], text: str) -> list[Token]:
    """A unit-like word away from a number ("m" in "stage M1", "d" in ">14 follicles on
    day 3") is a word, not a unit: a unit follows its number with nothing but space (or a
    number restated in parentheses, "three (3) years") between them."""
    out: list[Token] = []
    for token in tokens:
        rate = (token.value.startswith("/") and len(out) >= 2 and out[-1].type == "CONCEPT"
                and out[-2].type == "NUMBER")  # "4 seizures/week": a count per time
        between = len(out) >= 2 and out[-1].type == "CMPPOST" and out[-2].type == "NUMBER"  # "18+ years"
        one = (out and out[-1].type == "WITHIN" and units.is_time(token.value)
               and not text[token.start_pos:token.end_pos].lower().endswith("s"))  # "in the past year"
        if token.type == "UNIT" and not rate and not one and (
            not out or (out[-1].type not in _UNIT_AFTER and not between)
            or text[out[-1].end_pos : token.start_pos].strip(" ()0123456789.,-")
        ):
            words.append(Span(token.start_pos, token.end_pos))
            continue
        out.append(token)
    return out


def _shared_heads(tokens: list[Token], words: list[Span], tables: Tables, text: str) -> list[Token]:
    """"hepatic or renal impairment", "cardiac, liver or kidney failure", "renal and hepatic
    function": modifiers listed before a concept or variable share its head noun. A
    modifier becomes a concept (variable) of its own when modifier + head is a lexicon form
    of one, or, for a word of a kind ("endocrinologic") before a head noun of the concept's
    domain ("disease"), a concept outside the lexicon; otherwise the list ends there. Items
    that all name one thing ("serum or urine pregnancy test") are one token. A qualifier
    right before the list is of every item (``_lead_of_list``)."""
    heads = [t for t in tokens if t.type in _SHARED_HEADS and " " in text[t.start_pos : t.end_pos]]
    if not heads or not words and not any(t.type == "QUAL" for t in tokens):
        return tokens
    ending: dict[int, tuple[Span, Token | None]] = {w.end: (w, None) for w in words}
    for t in tokens:
        if t.type in ("QUAL", "CONCEPT") and t.end_pos is not None and t.end_pos not in ending:
            ending[t.end_pos] = (Span(t.start_pos, t.end_pos), t)
    found: list[Token] = []
    taken: list[Span] = []
    for concept in heads:
        written = " ".join(text[concept.start_pos : concept.end_pos].lower().split())
        listed = [(concept, written)]
        left = concept.start_pos
        while True:
            end = _skip_space_back(text, left)
            window = text[max(0, end - 8) : end].lower()
            joiner = next((j for j in (" and/or", " or", " and", ",", "/") if window.endswith(j)), None)  # "neck/back pain"
            piece = (ending.get(_skip_space_back(text, end - len(joiner), " " if joiner == "," else " ,"))
                     if joiner is not None else None)  # "hepatic, hematologic, or immunologic"
            item = _head_shared(piece, ending, concept, written, text, tables) if piece is not None else None
            if item is None:
                break
            listed.append(item)
            left = item[0].start_pos
        if len(listed) == 1:
            continue
        if len({t.value for t, _ in listed}) == 1:  # "read, speak, and understand English": one, and its joiners
            listed = [(_token(concept.type, concept.value, left, concept.end_pos), written)]
        taken += [Span(t.start_pos, t.end_pos) for t, _ in listed]
        items, leads = _lead_of_list(listed[::-1], ending, left, text, tables)
        found += items
        taken += leads
    if not found:
        return tokens
    words[:] = [w for w in words if not any(s.contains(w) for s in taken)]
    kept = [t for t in tokens if not any(s.start <= t.start_pos and t.end_pos <= s.end for s in taken)]
    return sorted(kept + found, key=lambda t: (t.start_pos, t.end_pos))


def _qualifiers_listed(tokens: list[Token], words: list[Span], text: str, tables: Tables) -> list[Token]:
    """"strong and/or moderate CYP3A inducers", "Past or concurrent history": a word that can
    qualify, listed with "or" or "and" before a qualifier, is one of the list; left a word,
    "strong" was reported and the inducers were only moderate ones. Not the last word of a
    name, nor a capitalized word inside a sentence (a name)."""
    if not words or not any(t.type == "QUAL" for t in tokens):
        return tokens
    ending = {w.end: w for w in words}
    named = {t.end_pos for t in tokens if t.type not in _BEFORE_A_QUALIFIER}
    found: list[Token] = []
    for k in range(1, len(tokens)):
        joiner, qualifier = tokens[k - 1], tokens[k]
        if (qualifier.type != "QUAL" or joiner.type not in ("OR", "AND") or text[joiner.end_pos:qualifier.start_pos] != " "
                or qualifier.value in MEANING_WORDS):  # "curettage or other intrauterine surgery": another item
            continue
        word = ending.get(_skip_space_back(text, joiner.start_pos))
        if (word is None or not _lead_word(word.text(text), tables) or text[word.end:joiner.start_pos] != " "
                or _skip_space_back(text, word.start) in ending or _skip_space_back(text, word.start) in named
                or _place(word.text(text).lower(), tables)  # "cardiovascular, cerebrovascular and poorly controlled diabetes"
                or word.text(text).lower().endswith(_NOUN_ENDINGS)  # "calcification or significant cleft"
                or word.text(text)[0].isupper() and text[:word.start].rstrip()[-1:].isalnum()):  # "Ventavis or"
            continue  # after a word or a name the word ends a name: "bleeding diatheses or active infections"
        found.append(_token("QUAL", word.text(text).lower(), word.start, word.end))
    if not found:
        return tokens
    taken = {t.start_pos for t in found}
    words[:] = [w for w in words if w.start not in taken]
    return sorted(tokens + found, key=lambda t: (t.start_pos, t.end_pos))


_NOUN_ENDINGS = ("tion", "sion", "ment", "ness", "ity")
_BEFORE_A_QUALIFIER = frozenset({"QUAL", "NEG", "BEFORE", "OF", "TREATED", "COMMA", "SEMI", "LPAR", "AND", "OR"})
_SHARED_HEADS = frozenset({"CONCEPT", "VAR"})
# a word of these endings says what kind of thing the head is ("endocrinologic disease");
# "-ous", "-ive" and most others say how much or how certain ("serious", "active")
_KIND_ENDINGS = ("ic", "al", "ar", "ary", "ory", "ine")
_KIND_LETTERS = 4  # "oral", "otic" and shorter say no kind


def _head_shared(piece: tuple[Span, Token | None], ending: dict[int, tuple[Span, Token | None]], concept: Token,
                 written: str, text: str, tables: Tables) -> tuple[Token, str] | None:
    """The concept (variable) a listed modifier names with the head noun it shares, and
    that name as written; None when it names none. The head is what follows the concept's
    first word, or less of it when the lexicon names the modifier with that ("endometrial
    or epithelial ovarian cancer"). A modifier of two words is one when the lexicon names
    the three ("basal cell or squamous cell carcinoma") or, inside the list, the first says
    the kind of the second, a part of the body ("gallbladder or biliary tract disease")."""
    span, token = piece
    modifier = " ".join(span.text(text).lower().split())
    own, _, head = written.partition(" ")  # the concept's first word, and the head it shares
    if f"{modifier} {head}" == written:
        return None  # "Uncontrolled asthma, asthma control test < 20": the concept, then a measure of it
    modifiers = [(modifier, span)]
    before = ending.get(_skip_space_back(text, span.start)) if token is None else None
    if before is not None and before[1] is None and text[before[0].end:span.start] == " ":
        pair = (f"{before[0].text(text).lower()} {modifier}", Span(before[0].start, span.end))
        inside = _JOINED_BEFORE.search(text, 0, _skip_space_back(text, before[0].start))
        modifiers = [pair, *modifiers] if inside else [*modifiers, pair]  # at the start the lead may be of all
    heads = head.split()
    # less of the head, not past a place unless the two words are alike ("cardiac,
    # congestive heart failure": no cardiac failure) nor past a function word ("alcohol,
    # drugs of abuse")
    parallel = token is not None or _place(modifier, tables) == _place(own, tables)
    for written_modifier, where in modifiers:
        for k in range(len(heads)):
            if k and not parallel and _place(heads[k - 1], tables):
                break
            name = " ".join([written_modifier, *heads[k:]])
            hit = tables.forms.get(name) or tables.forms.get(name.replace("-", " "))  # "solid-organ or bone marrow"
            if hit is not None and hit[0] == concept.type:
                return _token(*hit, where.start, where.end), name
            if heads[k] in STOP_WORDS:
                break
    domain = _open_domain(concept, head, tables)
    named = (tables.forms.get(head) if domain is None and token is None and len(modifiers) == 1 and modifier in tables.body_sites
             else None)
    if named is not None and named[0] == concept.type == "CONCEPT" and tables.concept(named[1]).domain is tables.concept(concept.value).domain:
        domain = tables.concept(concept.value).domain  # "neck or back pain": the head a concept of its own, at the other site
    if token is not None or domain is None or len(heads) > 1 and not parallel:
        return None
    if len(modifiers) > 1 and modifiers[0][1] != span:
        two, where = modifiers[0]  # the first item's two words are _lead_of_list's to read
        if _kind_word(two.partition(" ")[0], tables) and modifier in tables.body_sites:
            return _token("CONCEPT", open_concept(domain, f"{two} {head}"), where.start, where.end), f"{two} {head}"
    if (_kind_word(modifier, tables) or modifier in tables.body_sites) and _item_starts(span.start, ending, text):
        if modifier in tables.body_sites:  # in place of the head's part: "gallbladder or biliary tract disease"
            head = _past_the_site(heads, tables)
        return _token("CONCEPT", open_concept(domain, f"{modifier} {head}"), span.start, span.end), f"{modifier} {head}"
    return None


def _bare_heads_of_lists(tokens: list[Token], words: list[Span], text: str, tables: Tables) -> tuple[list[Token], list[Span]]:
    """"kidney, liver and intestinal diseases", "cardiovascular, ..., renal and
    endocrinological diseases": a head noun alone that the entity recognizer took as a
    mention, after a list of words that say kinds or places, is a word, so that the last
    kind names the concept by its form and the list shares the head (``_shared_heads``);
    taken alone, the kinds before it were reported. Not after a word of any other sort
    ("Capsule or zonular abnormalities", "Bartter or Gitelman Disease")."""
    heads = [t for t in tokens if t.type == "CONCEPT" and OPEN in t.value and " " not in text[t.start_pos:t.end_pos]
             and text[t.start_pos - 1:t.start_pos] == " " and tables.term_forms.domain(text[t.start_pos:t.end_pos]) is not None]
    if not words or not heads:
        return tokens, words
    ending = {w.end: w for w in words}
    bare = [t for t in heads if _kinds_listed_before(t.start_pos, ending, text, tables)]
    if not bare:
        return tokens, words
    taken = {id(t) for t in bare}
    return [t for t in tokens if id(t) not in taken], sorted([*words, *(Span(t.start_pos, t.end_pos) for t in bare)])


def _kinds_listed_before(at: int, ending: dict[int, Span], text: str, tables: Tables) -> bool:
    """Whether two or more words of kinds or places, listed, end one character before ``at``
    (``ending``: the unread words by where they end)."""
    items = 0
    while True:
        word = ending.get(at - 1)
        if word is None or not _place(word.text(text).lower(), tables):
            return False
        items += 1
        joiner = _LIST_JOINER.search(text, max(0, word.start - len(", and/or ")), word.start)
        if joiner is None:
            return items > 1
        at = joiner.start() + 1


_LIST_JOINER = re.compile(r"(?:,|,? and|,? or| and/or) $")


def _status_over_lists(tokens: list[Token], text: str, tables: Tables) -> list[Token]:
    """"Ongoing treatment with gabapentin, duloxetine or SNRIs", "Current use of warfarin,
    heparin or aspirin": a status written before the act names the act, so every item of
    the list after it has it; on the first item alone, past use of the others counted.
    Not a degree (``data/uncarried_qualifiers.txt``): "severe form of asthma, or diabetes";
    only over items of the first one's domain ("a stable dose of warfarin, liver
    dysfunction"), each named once ("Current treatment with corticosteroids, corticosteroid
    use within 3 months" starts another item), and with no word but fillers or the act's
    before its "of" ("stable doses of"; not "acute attack of LBP, back pain")."""
    shared: dict[int, list[str]] = {}
    for k, token in enumerate(tokens):
        head = _opens_an_act(tokens, k, text, tables)
        if head is not None:
            status = _qualifiers_before(tokens, k) + [token.value]  # "current or prior use of"
            shared.update((item, status) for item in _items_after(tokens, head, text, tables))
    if not shared:
        return tokens
    out: list[Token] = []
    for k, token in enumerate(tokens):
        out += [_token("QUAL", value, token.start_pos, token.start_pos) for value in shared.get(k, ())]
        out.append(token)
    return out


def _opens_an_act(tokens: list[Token], k: int, text: str, tables: Tables) -> int | None:
    """A status, then the act's "of" or "with" and a concept: "Chronic use of opioids", or a
    status cue that holds its act ("daily use of"): the index of the concept, if so."""
    token = tokens[k]
    if token.type != "QUAL" or token.value in tables.uncarried or k + 1 >= len(tokens):
        return None
    if tokens[k + 1].type == "CONCEPT" and _ACT_CUE.search(text, token.start_pos, token.end_pos):
        return k + 1
    if (k + 2 < len(tokens) and tokens[k + 1].type in ("OF", "TREATED") and tokens[k + 2].type == "CONCEPT"
            and all(tables.is_filler(w) or w.lower() in _ACT_NOUNS for w in text[token.end_pos:tokens[k + 1].start_pos].split())):
        return k + 2
    return None


_ACT_CUE = re.compile(r"\s(?:use|usage|intake|treatment|therapy)\s+(?:of|with)$", re.IGNORECASE)  # "daily use of" (cues.tsv)


def _items_after(tokens: list[Token], head: int, text: str, tables: Tables) -> list[int]:
    """Where each later item of the list the concept at ``head`` opens starts: its own
    qualifiers ("other tricyclics") or its concept."""
    domain = tables.concept(tokens[head].value).domain
    named = {tokens[head].value}
    items: list[int] = []
    k = head + 1
    while k + 1 < len(tokens) and tokens[k].type in _JOINING_TOKENS and not _words_between(tokens[k - 1], tokens[k], text):
        first = j = k + (2 if tokens[k].type == "COMMA" and tokens[k + 1].type in ("OR", "AND") else 1)
        while j < len(tokens) and tokens[j].type == "QUAL" and not _words_between(tokens[j - 1], tokens[j], text):
            j += 1
        if (j >= len(tokens) or tokens[j].type != "CONCEPT" or _words_between(tokens[j - 1], tokens[j], text)
                or tables.concept(tokens[j].value).domain is not domain or tokens[j].value in named):
            break
        named.add(tokens[j].value)
        items.append(first)
        k = j + 1
    return items


def _words_between(left: Token, right: Token, text: str) -> bool:
    """Whether anything but spaces stands between two tokens."""
    return bool(text[left.end_pos or left.start_pos:right.start_pos].strip())


_JOINING_TOKENS = frozenset({"COMMA", "OR", "AND"})  # what stands between the items of a list
_ACT_NOUNS = frozenset({"dose", "doses", "dosage", "dosing", "administration", "intake"})  # "stable doses of"


def _adjectives_of_concepts(tokens: list[Token], text: str, tables: Tables) -> list[Token]:
    """"autoimmune hemolytic anemia", "diabetic foot ulcer": a one-word concept whose word is
    an adjective of a kind, written right before another concept, says what kind that one
    is; two concepts side by side were and-ed, and inside a list of alternatives they
    turned the whole list into "and". So is a one-word condition right before another
    condition when the two are one item of a list ("carpal tunnel syndrome, HIV neuropathy,
    or other peripheral neuropathy": a neuropathy of HIV)."""
    out = list(tokens)
    for k in range(len(out) - 1):
        token, after = out[k], out[k + 1]
        word = text[token.start_pos:token.end_pos]
        if token.type != "CONCEPT" or after.type != "CONCEPT" or text[token.end_pos:after.start_pos] != " " or not word.isalpha():
            continue
        if (_kind_word(word.lower(), tables) and not word.isupper()
                and tables.concept(token.value).domain in (Domain.CONDITION, tables.concept(after.value).domain)
                and tables.concept(after.value).domain is not Domain.DEMOGRAPHIC) or _one_listed_item(out, k, text, tables):
            # a condition's adjective, or one of the same domain: not a drug's name ("buprenorphine
            # maintenance therapy"), not "epidural pain treatment"; not before the people
            # ("postmenopausal women" are women who are postmenopausal)
            out[k] = _token("QUAL", word.lower(), token.start_pos, token.end_pos)
    return out


def _one_listed_item(tokens: list[Token], k: int, text: str, tables: Tables) -> bool:
    """Whether the conditions at ``k`` and ``k + 1`` stand between a list's commas or "or"s,
    the second not capitalised after a lower-case first ("anaphylaxis Alcohol or drug
    abuse": two lines run together)."""
    before, after = tokens[k - 1:k], tokens[k + 2:k + 3]
    first, second = text[tokens[k].start_pos or 0], text[tokens[k + 1].start_pos or 0]
    return (bool(before) and before[0].type in _LIST_JOINS and bool(after) and after[0].type in _LIST_JOINS
            and not (first.islower() and second.isupper())
            and tables.concept(tokens[k].value).domain is tables.concept(tokens[k + 1].value).domain is Domain.CONDITION)


_LIST_JOINS = frozenset({"COMMA", "OR"})


def _past_the_site(heads: list[str], tables: Tables) -> str:
    """The words of a head after the last that names a part of the body ("tract disease":
    "disease"); the last word always stays."""
    last = max((k for k, word in enumerate(heads[:-1]) if word in tables.body_sites), default=-1)
    return " ".join(heads[last + 1:])


def _item_starts(start: int, ending: dict[int, tuple[Span, Token | None]], text: str) -> bool:
    """Whether a list item can start at ``start``: not right after a concept or an article,
    inside a phrase ("ovarian cyst removal, laparoscopic tubal ligation", "tattoos near the
    eye, or steel implants")."""
    end = _skip_space_back(text, start)
    piece = ending.get(end)
    if piece is not None and piece[1] is not None and piece[1].type != "QUAL":
        return False
    return text[max(0, end - 4):end].lower().rpartition(" ")[2] not in _ARTICLE


def _place(word: str, tables: Tables) -> bool:
    """Whether a word says where, an organ's adjective or a part of the body."""
    return _kind_word(word, tables) or word in tables.body_sites


def _kind_word(word: str, tables: Tables) -> bool:
    return (word.isalpha() and len(word) > _KIND_LETTERS and word not in tables.never_kinds
            and word not in tables.term_forms.never and word.endswith(_KIND_ENDINGS))


def _open_domain(concept: Token, head: str, tables: Tables) -> Domain | None:
    """The domain of concepts named outside the lexicon after ``concept``'s head noun: the
    head's by its form ("disease": a condition), when the concept is of it ("AV block" is
    a condition, "nerve block" a procedure)."""
    if concept.type != "CONCEPT":
        return None
    form = tables.term_forms.domain(head.rsplit(" ", 1)[-1])
    if form is None or form[1] or tables.concept(concept.value).domain is not form[0]:
        return None
    return form[0]


def _lead_of_list(listed: list[tuple[Token, str]], ending: dict[int, tuple[Span, Token | None]], left: int,
                  text: str, tables: Tables) -> tuple[list[Token], list[Span]]:
    """The items of a list that shares a head, with the qualifier written right before the
    list, and the spans of the words before it that were taken. "Chronic liver or kidney
    disease" is chronic liver disease or chronic kidney disease, named so when the lexicon
    has the names; "Normal renal and hepatic function", "high dose inhaled or systemic
    steroids" qualify each item (a qualifier of no text of its own goes before each later
    one). A word that makes a name with the first item alone is that name's ("Long-standing
    persistent or permanent atrial fibrillation", "bone marrow, renal and hepatic
    function"), and the qualifier may stand before it ("Adequate bone marrow, ..."). A
    qualifier that is itself in a list ("central or mixed") is left to the first item."""
    items = [t for t, _ in listed]
    taken: list[Span] = []
    while True:
        lead = _lead(ending, left, text, tables)
        if lead is None:
            return items, taken
        span, token = lead
        word = span.text(text).lower()
        named = [tables.forms.get(f"{word} {written}") for _, written in listed]
        named = [n if n is not None and n[0] == t.type else None for n, (t, _) in zip(named, listed)]
        hit = named[0] or (_opened(items[0], listed[0][1], word, tables) if token is None else None)
        if hit is None or named[0] is not None and all(named):
            break
        taken.append(span)
        items[0] = _token(hit[0], hit[1], span.start, items[0].end_pos)
        listed[0] = (items[0], f"{word} {listed[0][1]}")
        left = span.start
    if named[0] is not None:
        taken.append(span)
        return [_token(*n, t.start_pos if k else span.start, t.end_pos)
                for k, (n, t) in enumerate(zip(named, items)) if n is not None], taken
    if token is None:
        span = _leading_words(span, ending, text, tables)
    value = token.value if token is not None else " ".join(span.text(text).lower().split())
    values = [value]
    if _QUALIFIERS_JOINED.search(text, 0, _skip_space_back(text, span.start)):
        run = _qualifier_run(ending, span.start, text) if token is not None and items[0].type != "VAR" else None
        if run is None:
            return items, taken
        values = run + values
    if items[0].type == "VAR":  # the grammar reads a qualifier before the first; after, one of the list
        out, shared = [items[0]], "SHARED"
    else:
        out, shared = [_token("QUAL", value, span.start, span.end), items[0]], "QUAL"
        taken.append(span)
    for n, t in zip(named[1:], items[1:]):
        out += ([_token(*n, t.start_pos, t.end_pos)] if n is not None
                else [*(_token(shared, v, t.start_pos, t.start_pos) for v in values), t])
    return out, taken


def _qualifier_run(ending: dict[int, tuple[Span, Token | None]], left: int, text: str) -> list[str] | None:
    """"moderate or severe aortic stenosis or regurgitation": the qualifiers listed before
    the lead of a list, when each is a qualifier token ("central or mixed central and
    obstructive sleep apnea" names a kind, no qualifier list), are every item's too."""
    values: list[str] = []
    while True:
        end = _skip_space_back(text, left)
        joiner = (_QUALIFIERS_JOINED if not values else _JOINED_BEFORE).search(text, max(0, end - 7), end)
        if joiner is None:
            return values or None
        piece = ending.get(_skip_space_back(text, joiner.start(), " ,"))
        if piece is None or piece[1] is None or piece[1].type != "QUAL":
            return None
        values.insert(0, piece[1].value)
        left = piece[0].start


def _opened(item: Token, written: str, word: str, tables: Tables) -> tuple[str, str] | None:
    """A concept outside the lexicon named by a part of the body, with the word of its kind
    before it: "biliary tract disease"."""
    domain, open_mark, _ = item.value.partition(OPEN)
    if not open_mark or written.partition(" ")[0] not in tables.body_sites or not _kind_word(word, tables):
        return None
    return "CONCEPT", open_concept(Domain(domain), f"{word} {written}")


_JOINED_BEFORE = re.compile(r"(?:,|\band|\bor|/)$", re.IGNORECASE)
# "central or mixed central and obstructive sleep apnea"; a comma may end a lead-in ("eg,")
_QUALIFIERS_JOINED = re.compile(r"(?:\band|\bor|/)$", re.IGNORECASE)
_LEAD_WORDS = 3  # "high dose", "very poorly controlled"


def _lead(ending: dict[int, tuple[Span, Token | None]], left: int, text: str,
          tables: Tables) -> tuple[Span, Token | None] | None:
    """The qualifier (a QUAL token, or a word that can be one) written right before ``left``."""
    piece = ending.get(_skip_space_back(text, left))
    if piece is None or text[piece[0].end:left] != " ":
        return None
    span, token = piece
    if token is not None:
        return piece if token.type == "QUAL" else None
    return piece if _lead_word(span.text(text), tables) else None


def _lead_word(word: str, tables: Tables) -> bool:
    return (word.replace("-", "").isalpha() and word.lower() not in STOP_WORDS
            and is_modifier(word, tables.never_qualifiers, tables.kind_participles))


def _leading_words(span: Span, ending: dict[int, tuple[Span, Token | None]], text: str, tables: Tables) -> Span:
    """``span`` and the words that can qualify written right before it, a few at most."""
    for _ in range(_LEAD_WORDS - 1):
        piece = ending.get(_skip_space_back(text, span.start))
        if (piece is None or piece[1] is not None or text[piece[0].end:span.start] != " "
                or not _lead_word(piece[0].text(text), tables)):
            break
        span = Span(piece[0].start, span.end)
    return span


def _shared_sites(tokens: list[Token], words: list[Span], text: str, tables: Tables) -> list[Token]:
    """"brain tumor or aneurysm", "liver cancer, cysts or metastases", "pulmonary embolism
    or hypertension": the body site (or an organ's adjective) that opens a list of
    conditions is where the bare heads after it are too, when the lexicon knows the site
    with that head ("brain aneurysm" is an intracranial aneurysm); read alone, any
    aneurysm anywhere counted. A site no rule read before the first item opens the list
    too ("nasal fracture or surgery"), naming a concept outside the lexicon when a head
    noun of its kind ends it ("surgery": nasal surgery)."""
    if not any(t.type in _SITE_LIST_JOINS for t in tokens):
        return tokens
    ending = {w.end: w for w in words}
    out = list(tokens)
    for k, token in enumerate(out):
        if token.type != "CONCEPT":
            continue
        first, _, rest = text[token.start_pos:token.end_pos].partition(" ")
        before = ending.get(_skip_space_back(text, token.start_pos)) if not rest else None
        unread = False  # the site is a word no rule read, before a one-word first item
        if before is not None and text[before.end:token.start_pos] == " " and before.text(text).lower() in tables.body_sites:
            first, unread = before.text(text), True
        if (not (rest or unread) or not _place(first.lower(), tables)
                or (k >= 2 and out[k - 1].type in _SITE_LIST_JOINS and out[k - 2].type == "CONCEPT")):
            continue  # only the list's first item opens it: "liver disease, kidney disease or cancer"
        j = k + 1
        while j + 1 < len(out) and out[j].type in _SITE_LIST_JOINS:
            if out[j].type == "COMMA" and out[j + 1].type in ("OR", "AND"):
                j += 1
            item = out[j + 1] if j + 1 < len(out) else None
            head = text[item.start_pos:item.end_pos].lower() if item is not None else ""
            if (item is None or item.type != "CONCEPT" or " " in head
                    or text[out[j].end_pos:item.start_pos].strip()):
                break  # a bare head right after its joiner
            sited = tables.forms.get(f"{first.lower()} {head}")
            if (sited is None or sited[0] != "CONCEPT") and unread and not _site_after(text, item.end_pos, tables):
                domain = _open_domain(item, head, tables)
                sited = ("CONCEPT", open_concept(domain, f"{first} {head}")) if domain is not None else None
            if sited is None or sited[0] != "CONCEPT":
                break
            out[j + 1] = _token("CONCEPT", sited[1], item.start_pos, item.end_pos)
            j += 2
    return out


_SITE_LIST_JOINS = frozenset({"COMMA", "OR", "AND", "SLASH"})
# the words that lead to where something is: "in the head and neck", "affecting the knee"
SITE_LEAD = re.compile(r"\s+(?:in|to|at|on|of|involving|affecting)\s+(?:the\s+|his\s+|her\s+|their\s+)?", re.IGNORECASE)


def _site_after(text: str, at: int, tables: Tables) -> bool:
    """Whether a part of the body is named right after ``at``: "leg ulcerations or infections
    in the foot" (not "surgery in the past year")."""
    lead = SITE_LEAD.match(text, at)
    word = _WORD.match(text, lead.end()) if lead is not None else None
    return word is not None and word.group(0).lower() in tables.body_sites


def _skip_space_back(text: str, end: int, chars: str = " ") -> int:
    while end > 0 and text[end - 1] in chars:
        end -= 1
    return end


def _skip_space_on(text: str, start: int, chars: str = " ", stop: int | None = None) -> int:
    stop = len(text) if stop is None else min(stop, len(text))
    while start < stop and text[start] in chars:
        start += 1
    return start


_HYPHENATED = {("NUMBER", "UNIT"), ("UNIT", "AGE")}


def _assemble_units(tokens: list[Token], words: list[Span], text: str, tables: Tables) -> list[Token]:
    """A unit written in pieces after its number ("20 ml / min", "30 Kg / m2",
    "900μmol / L", "<15 mL/ min/1.73 m2") is one unit: the longest stretch from the unit's
    start that spells a known unit once its spaces are taken out replaces the pieces. A
    word glued to the number may begin it ("25th percentile"), and so may a word the
    tokenizer kept whole with the full stop after it ("25 mL.") or a fraction slash in it
    ("40 mg⁄dL"), and so may the slash glued to the number ("150,000/cubic mm") or a power of
    ten ("1.5x10^9/L")."""
    glued = {w.start for w in words}
    odd = {w.start for w in words if text[w.end - 1] == "." or _compact(text[w.start:w.end]) != text[w.start:w.end]}
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        best, start = None, token.start_pos
        if token.type == "UNIT" and out and out[-1].type in _UNIT_AFTER:
            best = _spaced_unit(text, start, token.end_pos, tables)
        elif token.type == "NUMBER" and (
                (joined := token.end_pos in glued or text.startswith("/", token.end_pos)
                 or _GLUED_POWER.match(text, token.end_pos) is not None) or token.end_pos + 1 in odd):
            start = token.end_pos if joined else token.end_pos + 1
            best = _spaced_unit(text, start, start, tables) if text[token.end_pos:start] in ("", " ") else None
            if best is not None:
                out.append(token)
        if best is not None:
            end = best[0]
            out.append(_token("UNIT", best[1], start, end))
            words[:] = [w for w in words if not (start <= w.start and w.end <= end + (text[end:end + 1] == "."))]
            i += 1
            while i < len(tokens) and tokens[i].end_pos <= end:
                i += 1
            continue
        out.append(token)
        i += 1
    return out


_GLUED_POWER = re.compile(r"[x×X]10")  # "1.5x10^9/L": the power of ten glued to the number is its unit


def _spaced_unit(text: str, start: int, after: int, tables: Tables) -> tuple[int, str] | None:
    run = _UNIT_RUN.match(text, start, min(len(text), start + _UNIT_LONGEST))
    if run is None or run.end() <= after:
        return None
    return tables.longest_spaced_unit(text, start, after, run.end())


_YEARS = (1900, 2100)
_DATE_PARTS = {"MONTH", "NUMBER", "COMMA", "DASH", "SLASH"}
_YEAR_NEIGHBOURS = {"BEFORE", "AFTER", "SINCE"}


def _agent_reactions(tokens: list[Token], text: str, tables: Tables) -> list[Token]:
    """"amisulpride allergy", "lactose intolerance": a drug right before a reaction is its
    agent, one condition named as "allergy to amisulpride" is, not a drug and a reaction;
    in "penicillin or sulfa allergy" each drug of the list is an agent."""
    def drug(token: Token) -> bool:
        return token.type == "CONCEPT" and tables.concept(token.value).domain is Domain.DRUG

    def reaction_to(agent: Token, reaction: str, end: int) -> Token:
        name = f"{reaction} to {tables.concept(agent.value).name}"
        return _token("CONCEPT", open_concept(Domain.CONDITION, name), agent.start_pos, end)

    out: list[Token] = []
    for token in tokens:
        if (token.type == "CONCEPT" and token.value in tables.reactions and out and drug(out[-1])
                and not text[out[-1].end_pos:token.start_pos].strip(" -")):
            out[-1] = reaction_to(out[-1], token.value, token.end_pos)
            k = len(out) - 2
            while k >= 1 and out[k].type in ("OR", "AND", "COMMA") and drug(out[k - 1]):
                out[k - 1] = reaction_to(out[k - 1], token.value, out[k - 1].end_pos)
                k -= 2
        else:
            out.append(token)
    return out


def _reactions_with_agents(tokens: list[Token], words: list[Span], text: str, span: Span, tables: Tables) -> list[Token]:
    """Reactions and what they are to: a reaction and its "to" written apart are one
    (``_reactions_read_apart``), unread words after a reaction name its agent
    (``_reaction_targets``), and a reaction whose agent no rule reads stays a concept
    (``_reactions_without_agents``). The unread words are indexed once for the first two."""
    if not any(t.type in ("TO", "REACTION") for t in tokens):
        return tokens
    tokens = _components_of_agents(tokens, words, text)
    ordered = sorted(words)
    starts = [w.start for w in ordered]
    tokens = _reactions_read_apart(tokens, ordered, starts, text, tables)
    return _reactions_without_agents(_reaction_targets(tokens, words, ordered, starts, text, span), text, tables)


def _components_of_agents(tokens: list[Token], words: list[Span], text: str) -> list[Token]:
    """"hypersensitivity to any component of carbidopa-levodopa", "allergy to any of the
    components of the study drug": a reaction to a part of an agent is a reaction to the
    agent; the words between go into the reaction's span (they were reported, and an agent
    outside the lexicon was not read at all)."""
    if not any(t.type == "REACTION" for t in tokens):
        return tokens
    out: list[Token] = []
    skip_to = -1
    for token in tokens:
        if token.start_pos < skip_to:
            continue
        bridge = _COMPONENTS_OF.match(text, token.end_pos) if token.type == "REACTION" else None
        if bridge is not None and not any(t.start_pos < bridge.end() < t.end_pos for t in tokens):
            # not into a name the lexicon reads whole ("components of study drugs")
            skip_to = bridge.end()
            words[:] = [w for w in words if not (token.end_pos <= w.start and w.end <= skip_to)]
            token = _token("REACTION", token.value, token.start_pos, _skip_space_back(text, skip_to))
        out.append(token)
    return out


_COMPONENTS_OF = re.compile(r"\s+(?:any\s+(?:of\s+)?|one\s+of\s+)?(?:the\s+|its\s+)?"
                            r"(?:components?|ingredients?|excipients?|constituents?)\s+of\s+(?:the\s+)?", re.IGNORECASE)


def _reactions_read_apart(tokens: list[Token], ordered: list[Span], starts: list[int], text: str,
                          tables: Tables) -> list[Token]:
    """"allergy/intolerance to aspirin", "contra indication to dexamethasone": words glued
    by a slash, or a spelling no cue lists, leave a reaction and its "to" apart; with an
    agent after them (a concept, "use of" one, or words) they are a reaction to it.
    ``ordered``/``starts``: the unread words in text order and where each starts."""
    if not any(t.type == "TO" for t in tokens):
        return tokens
    out: list[Token] = []
    for k, token in enumerate(tokens):
        after = tokens[k + 1] if k + 1 < len(tokens) else None
        if (token.type == "TO" and out and out[-1].type == "CONCEPT" and out[-1].value in tables.reactions
                and not text[out[-1].end_pos:token.start_pos].strip()
                and ((after is not None and after.type in ("CONCEPT", "OF") and not text[token.end_pos:after.start_pos].strip())
                     or ((after is None or after.type in _AGENT_ENDS) and _agent_words(
                         ordered, starts, text, token.end_pos, len(text) if after is None else after.start_pos, True)))):
            out[-1] = _token("REACTION", out[-1].value, out[-1].start_pos, token.end_pos)
            continue
        out.append(token)
    return out


def _shared_reactions(tokens: list[Token], tables: Tables) -> list[Token]:
    """"Allergy or intolerance to bupivacaine or celecoxib", "Known allergy or previous
    hypersensitivity reaction to dronabinol", "Allergy or contraindication to the use of
    morphine", "allergy/intolerance to aspirin": a reaction named before "or", "and" or a
    slash and a reaction to agents shares those agents, so it is one too."""
    out = list(tokens)
    for k in range(len(out) - 4, -1, -1):
        if out[k].type != "CONCEPT" or out[k].value not in tables.reactions or out[k + 1].type not in ("OR", "AND", "SLASH"):
            continue
        j = k + 2
        while j < len(out) and out[j].type in _BEFORE_A_REACTION:
            j += 1
        if j + 1 < len(out) and out[j].type == "REACTION" and out[j + 1].type == "OF":
            j += 1
        following = next((t for t in out[j + 1:] if t.type != "QUAL"), None)  # "intolerance to any of the study drugs"
        if following is not None and out[j].type in ("REACTION", "OF") and following.type == "CONCEPT":
            out[k] = _token("REACTION", out[k].value, out[k].start_pos, out[k].end_pos)
            if out[k + 1].type == "SLASH":  # "allergy/intolerance to aspirin"
                out[k + 1] = _token("OR", "or", out[k + 1].start_pos, out[k + 1].end_pos)
    return out


def _reaction_targets(tokens: list[Token], words: list[Span], ordered: list[Span], starts: list[int], text: str,
                      span: Span) -> list[Token]:
    """"Allergy to peanuts", "Hypersensitivity for soya, eggs or peanuts": what a reaction
    is to need not be in the lexicon; the few words of an item of its list are the agent,
    by name. An item of unread words after a comma counts only in a list that ends in "or"
    or "and" ("allergy to aspirin, poor venous access" lists two criteria), and an item
    must end where the list goes on or the phrase ends ("allergy to components of ...")."""
    if not any(t.type == "REACTION" for t in tokens):
        return tokens
    tokens = list(tokens)
    found: list[Token] = []
    for k, token in enumerate(tokens):
        if token.type != "REACTION":
            continue
        items: list[tuple[str, Token]] = []  # (separator before, token made of words)
        at, j, separator = token.end_pos, k + 1, "REACTION"
        while True:
            if j < len(tokens) and not text[at:tokens[j].start_pos].strip() and _agent_named(tokens, j, text, span.end):
                at, j = tokens[j].end_pos, j + 1
            else:
                after = tokens[j] if j < len(tokens) else None
                named = _agent_words(ordered, starts, text, at, span.end if after is None else after.start_pos, not items)
                if named is None or (after is not None and after.type not in _AGENT_ENDS):
                    break
                items.append((separator, named))
                at = named.end_pos
            if (j + 1 < len(tokens) and tokens[j].type == "COMMA" and tokens[j + 1].type in _AGENT_JOINS
                    and not text[tokens[j].end_pos:tokens[j + 1].start_pos].strip()):
                at, j = tokens[j].end_pos, j + 1  # ", or"
            if j >= len(tokens) or tokens[j].type not in _AGENT_SEPARATORS or text[at:tokens[j].start_pos].strip():
                break
            separator, at, j = tokens[j].type, tokens[j].end_pos, j + 1
        joined = any(sep in _AGENT_JOINS for sep, _ in items) or any(
            t.type in _AGENT_JOINS for t in tokens[k + 1:j])
        found.extend(named for sep, named in items if sep != "COMMA" or joined)
    if not found:
        return tokens
    taken = {(t.start_pos, t.end_pos) for t in found}
    words[:] = [w for w in words if not any(a <= w.start and w.end <= b for a, b in taken)]
    return sorted(tokens + found, key=lambda t: t.start_pos)


def _agent_named(tokens: list[Token], j: int, text: str, end: int) -> bool:
    """Whether the token at ``j`` names an agent: a concept, or a variable with no bound
    after it ("allergy to progesterone or allopregnanolone": the hormone a laboratory
    measures, here the substance), which then becomes the concept. ``end``: where the
    criterion ends."""
    token = tokens[j]
    after = tokens[j + 1] if j + 1 < len(tokens) else None
    if (token.type == "VAR" and (after is None or after.type in _AGENT_ENDS)
            and not text[token.end_pos:end if after is None else after.start_pos].strip(" .")):
        tokens[j] = _token("CONCEPT", open_concept(Domain.DRUG, text[token.start_pos:token.end_pos]),
                           token.start_pos, token.end_pos)
    return tokens[j].type == "CONCEPT"


def _reactions_without_agents(tokens: list[Token], text: str, tables: Tables) -> list[Token]:
    """"drug hypersensitivity to 18F-Fluciclovine.", "contra-indication to inhalational
    induction (full stomach)": a reaction with no token after it in its clause, its agent
    words no rule reads, is still the reaction, the agent reported with the words; as a
    reaction with nothing after it, the criterion had no logic at all. Not a verb that
    names one ("precluding their participation"): no reaction is named there."""
    out = list(tokens)
    for k, token in enumerate(out):
        if (token.type == "REACTION" and token.value in tables.reactions and not PARTICIPLE.match(text, token.start_pos)
                and (k + 1 == len(out) or out[k + 1].type in ("SEMI", "RPAR"))):
            out[k] = _token("CONCEPT", token.value, token.start_pos, token.end_pos)
    return out


# an agent's name ends in a noun: "contraindications to circumcision, anatomical or hematologic"
_ADJECTIVE_ENDINGS = ("ical", "ic", "ous", "ary")
_NAME_ADJECTIVE_ENDINGS = (*_ADJECTIVE_ENDINGS, "al")  # a variable named by an adjective: "diastolic", "gestational"
_SHORT_NAME = 6  # "garlic", "IC" end so too
_AGENT_JOINS = ("OR", "AND", "SLASH")
_AGENT_SEPARATORS = frozenset({*_AGENT_JOINS, "COMMA"})
_AGENT_ENDS = _AGENT_SEPARATORS | {"SEMI", "RPAR"}
_AGENT_WORDS = 3
_AGENT_END = re.compile(r"\s*(?:[.;)]|$)")
_ARTICLE = frozenset({"the", "a", "an"})


def _agent_words(words: list[Span], starts: list[int], text: str, at: int, stop: int, leading: bool) -> Token | None:
    """A CONCEPT token (domain other) of the unread words from ``at``, side by side, when
    they are all of what stands before ``stop`` (the next token) and a few content words.
    Right after the reaction the words are its agent ("fluoridated anesthetics"); later in
    a list a word of a state ("or impaired mental status") starts another criterion."""
    k = bisect_left(starts, at)
    if k == len(words) or text[at:words[k].start].strip():
        return None
    if text[words[k].start:words[k].end].lower() in _ARTICLE:
        k += 1
    first, end = k, None
    while k < len(words) and words[k].end <= stop and (end is None or text[end:words[k].start] in (" ", "-")):
        piece = text[words[k].start:words[k].end]
        lower = piece.lower()
        if not piece.replace("-", "").isalpha() or lower in STOP_WORDS or lower == "etc" or (not leading and PARTICIPLE.fullmatch(lower)):
            return None
        end = words[k].end
        k += 1
    last = text[words[k - 1].start:end].lower() if end is not None else ""
    if (end is None or k - first > _AGENT_WORDS or (text[end:stop].strip() and not _AGENT_END.match(text, end, stop))
            or (len(last) > _SHORT_NAME and last.endswith(_ADJECTIVE_ENDINGS))):
        return None
    start = words[first].start
    return _token("CONCEPT", open_concept(Domain.OTHER, text[start:end]), start, end)


_BEFORE_A_REACTION = frozenset({"BEFORE", "QUAL"})  # "or previous hypersensitivity reaction to", "or severe allergy to"


def _slashed_concepts(tokens: list[Token], text: str) -> list[Token]:
    """"Pregnancy/nursing", "seizure/epilepsy": a slash between two concepts is an "or" that
    binds the two before anything else (``SLASHED``). Not after words no rule read
    ("childbearing potential planning/being pregnant")."""
    out = list(tokens)
    for k in range(1, len(out) - 1):
        if out[k].type != "SLASH" or out[k - 1].type != "CONCEPT":
            continue
        after = next((j for j in range(k + 1, len(out)) if not (out[j].type == "QUAL" and out[j].start_pos == out[j].end_pos)), k + 1)
        if after < len(out) and out[after].type == "CONCEPT" and not text[out[k - 1].end_pos:out[k].start_pos].strip():
            out[k] = _token("OR", SLASHED, out[k].start_pos, out[k].end_pos)  # past the qualifiers a list's lead gives each item
    return out


def _within_amounts(tokens: list[Token], tables: Tables, words: list[Span], text: str) -> list[Token]:
    """"AST/ALT within 2 times the upper limit of normal": "within" before a multiple of a
    reference limit bounds the value from above; it is no window. So does "within" right
    after a variable that is itself a length of time: "life expectancy within 12 months" is
    at most 12 months of life. Before a range in a unit that is no time it is "between":
    "body mass index within the range 19 - 24.9 kg/m^2" (the word "range" goes with it).
    (Before one share, "within 15% of ideal body weight", it bounds a deviation no variable
    here names: left as is.)"""
    out = list(tokens)
    for k in range(len(out) - 2):
        if out[k].type != "WITHIN" or out[k + 1].type != "NUMBER":
            continue
        timed = k > 0 and out[k - 1].type == "VAR" and out[k - 1].value in tables.durations and out[k + 2].type == "UNIT"
        if out[k + 2].type in ("TIMES", "REF") or timed:
            out[k] = _token("CMP", "<=", out[k].start_pos, out[k].end_pos)
        elif _measured_range(out[k + 1:k + 6]):
            gap = [w for w in words if out[k].end_pos <= w.start and w.end <= out[k + 1].start_pos]
            if all(text[w.start:w.end].lower() == "range" for w in gap):
                for w in gap:
                    words.remove(w)
                out[k] = _token("BETWEEN", "", out[k].start_pos, gap[-1].end if gap else out[k].end_pos)
    return out


def _measured_range(tokens: list[Token]) -> bool:
    """Whether the tokens open with a range whose unit is no length of time: "19 - 24.9
    kg/m^2", "35.0-37.5 °C"."""
    kinds = [t.type for t in tokens]
    for shape in (("NUMBER", "DASH", "NUMBER", "UNIT"), ("NUMBER", "TO", "NUMBER", "UNIT"),
                  ("NUMBER", "UNIT", "DASH", "NUMBER", "UNIT"), ("NUMBER", "UNIT", "TO", "NUMBER", "UNIT")):
        if tuple(kinds[:len(shape)]) == shape:
            return not units.is_time(tokens[len(shape) - 1].value)
    return False


def _changes(tokens: list[Token], words: list[Span], text: str, changes: frozenset[str]) -> list[Token]:
    """"Y-BOCS reduction of < 35%", "decrease in eGFR > 30%": a change word right after a
    variable, or right before it with "in"/"of" between, names what the bound is on: the
    variable's change (a variable of its own, "fev1 improvement"), not its value."""
    if not words:
        return tokens
    by_start = {w.start: w for w in words}
    by_end = {w.end: w for w in words}
    out: list[Token] = []
    for token in tokens:
        if token.type == "VAR":
            after = by_start.get(token.end_pos + 1) or by_start.get(token.end_pos + 2)
            if after is not None and text[token.end_pos:after.start].strip():
                after = None
            before = _change_before(text, token, by_end)
            for word, start, end in ((after, token.start_pos, after.end if after else 0),
                                     (before, before.start if before else 0, token.end_pos)):
                if word is not None and text[word.start:word.end].lower() in changes:
                    words.remove(word)
                    name = f"{token.value} {text[word.start:word.end].lower()}"
                    token = _token("VAR", name, start, end)
                    break
        out.append(token)
    return out


def _change_before(text: str, token: Token, by_end: dict[int, Span]) -> Span | None:
    """The word written before a variable with "in" or "of" between ("decrease in eGFR")."""
    match = _IN_OF_BEFORE.search(text, max(0, token.start_pos - 6), token.start_pos)
    return by_end.get(match.start()) if match else None


_IN_OF_BEFORE = re.compile(r"\s+(?:in|of)\s+$", re.IGNORECASE)


def _defined_variables(tokens: list[Token], words: list[Span], text: str) -> list[Token]:
    """"Body Mass Index (BMI, weight in kg divided by the square of height in meters) of 18.0
    to 30.0 kg/m2", "HbA1c (accordingly to IFCC) 47 mmol/mol - 110 mmol/mol": a
    parenthesis with no value of its own between a variable and its bound says how the
    variable is defined or measured; it goes into the variable's span, and the bound is the
    variable's (the words in it named "meters" or "ifcc" the variable)."""
    out: list[Token] = []
    k = 0
    while k < len(tokens):
        token = tokens[k]
        close = _closing(tokens, k + 1) if token.type == "VAR" else None
        if close is not None and not _UNIT_LIKE.search(text, tokens[k + 1].end_pos, tokens[close].start_pos):
            after = [t.type for t in tokens[close + 1:close + 3]]
            if after[:1] in (["CMP"], ["BETWEEN"], ["NUMBER"]) or after in (["OF", "CMP"], ["OF", "NUMBER"], ["OF", "BETWEEN"]):
                end = tokens[close].end_pos
                words[:] = [w for w in words if not (token.end_pos <= w.start and w.end <= end)]
                out.append(_token("VAR", token.value, token.start_pos, end))
                k = close + 1
                continue
        out.append(token)
        k += 1
    return out


def _closing(tokens: list[Token], k: int) -> int | None:
    """The index of the ")" that closes a "(" at ``k`` with no value inside, or None."""
    if k >= len(tokens) or tokens[k].type != "LPAR":
        return None
    for j in range(k + 1, min(len(tokens), k + 12)):
        kind = tokens[j].type
        if kind == "RPAR":
            return j
        if kind in _VALUE_INSIDE:
            return None
    return None


_VALUE_INSIDE = frozenset({"LPAR", "CMP", "WCMP", "CMPPOST", "NUMBER", "BETWEEN", "REF", "UNIT"})
_UNIT_LIKE = re.compile(r"[/\d]")  # "(mg/dL)": the unit the value is written in, not a definition


def _years_old(tokens: list[Token], text: str, tables: Tables) -> list[Token]:
    """"> 18 y.o.": a written form that is both a unit alias of years and an AGE cue
    (``tables.years_old``) is split: its "y." is the unit and the rest the AGE word, so the
    grammar reads an age and not how long the concept before it lasted."""
    out: list[Token] = []
    for token in tokens:
        written = text[token.start_pos:token.end_pos].lower()
        if token.type == "UNIT" and token.value == tables.age_unit and written in tables.years_old:
            cut = token.start_pos + (2 if written.startswith("y.") else 1)
            out.append(_token("UNIT", token.value, token.start_pos, cut))
            out.append(_token("AGE", "", cut, token.end_pos))
            continue
        out.append(token)
    return out


def _named_durations(tokens: list[Token], words: list[Span]) -> list[Token]:
    """"usual sleep duration <4 hours", "disease duration >= 6 months": "duration" before a
    bound is the last word of what is bounded, which the threshold rules name by its words;
    only after a bound ("of less than 1-year duration") does it say the bound is how long."""
    out: list[Token] = []
    for k, token in enumerate(tokens):
        following = tokens[k + 1].type if k + 1 < len(tokens) else None
        if token.type == "DURATION" and following in ("CMP", "BETWEEN") and token.value == "":
            insort(words, Span(token.start_pos, token.end_pos), key=lambda w: w.start)
            continue
        out.append(token)
    return out


def _window_comparators(tokens: list[Token]) -> list[Token]:
    """"chemotherapy at least 4 weeks before X": a comparator opens a window only right
    after a concept, with a length of time and a relation to an event after it; it is then
    a WCMP, so the grammar never reads "Olanzapine >20 mg/day" as the start of a window and
    loses the bound. Anywhere else ("life expectancy of at least 6 weeks following study
    entry", "for at least 2 weeks before baseline") it stays a comparator."""
    out = list(tokens)
    for k in range(len(out) - 3):
        if (k and out[k - 1].type in ("CONCEPT", "TAIL") and out[k].type == "CMP" and out[k + 1].type == "NUMBER"
                and out[k + 2].type == "UNIT" and units.is_time(out[k + 2].value) and out[k + 3].type in _RELATIONS):
            out[k] = _token("WCMP", out[k].value, out[k].start_pos, out[k].end_pos)
    return out


_RELATIONS = frozenset({"BEFORE", "AFTER", "ANCHOR"})


def _population_conditions(tokens: list[Token], words: list[Span], text: str, tables: Tables) -> list[Token]:
    """"QTc > 470 ms for women", "<7 kg/m2 in men": "for" or "in" before a sex or age
    group makes what comes before a condition of that group (IF), not a duration. An "in"
    anywhere else says nothing the grammar reads and leaves the stream. A group someone
    owns ("oral hygiene for their children") is of other people: its words are reported."""
    out = []
    owned = -1
    for i, token in enumerate(tokens):
        if i == owned:
            continue
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        population = following is not None and following.type == "CONCEPT" and (
            following.value in tables.populations or token.type == "LASTING" and following.value in tables.subgroups)
        if token.type in ("LASTING", "IN") and population and following is not None \
                and _POSSESSIVE.search(text, token.end_pos, following.start_pos):
            words.append(Span(token.start_pos, following.end_pos))
            owned = i + 1
        elif token.type in ("LASTING", "IN") and population:
            out.append(_token("IF", "", token.start_pos, token.end_pos))
        elif token.type != "IN":
            out.append(token)
    return out


_POSSESSIVE = re.compile(r"\b(?:their|his|her|its|your|his/her)\b", re.IGNORECASE)
_VERSION = re.compile(r"(?:\b[Vv]ersion|\bVERSION|\b[A-Z][A-Z0-9-]+[\s,]+[Vv]\.?)\s*$")  # "CTCAE, v 4.0"


def _versions(tokens: list[Token], words: list[Span], text: str) -> list[Token]:
    """"RECIST version 1.1", "CTCAE version 5.0 grade 2", "NCI-CTCAE, v 4.0": the number
    after "version" (or "v" after a name in capitals) names an edition, it is no value; it
    is reported with the words."""
    out: list[Token] = []
    named_to: int | None = -1  # where the last edition number ends: "5.0.1" goes on in pieces
    for token in tokens:
        if token.type == "NUMBER" and (token.start_pos == named_to
                                       or _VERSION.search(text, max(0, token.start_pos - 20), token.start_pos)):
            words.append(Span(token.start_pos, token.end_pos))
            named_to = token.end_pos
            continue
        out.append(token)
    return out


_ON_THE = re.compile(r"\s*\bon\s+(?:the|an?)\s+", re.IGNORECASE)
_VALUE_PARTS = {"NUMBER", "CMP", "CMPPOST", "UNIT", "DASH", "TO", "TIMES"}
_NAMED_IN = {"NUMBER", "CMP", "CMPPOST", "VAR", "AND", "OR", "COMMA", "SEMI", "LPAR", "RPAR"}


def _measuring_for(tokens: list[Token], words: list[Span], text: str, heads: frozenset[str]) -> list[Token]:
    """"Patient Health Questionnaire (PHQ9) for depression score ≥15", "GAD-7 Questionnaire
    for anxiety score ≥10": "for X score" after an instrument says what it measures; the
    bound is the instrument's, and X is no condition of the patient. The instrument's name
    takes the words in, up to "score"."""
    out: list[Token] = []
    k = 0
    while k < len(tokens):
        token = tokens[k]
        if (token.type == "VAR" and k + 3 < len(tokens) and tokens[k + 1].type == "LASTING"
                and text[tokens[k + 1].start_pos:tokens[k + 1].end_pos].lower() == "for"
                and tokens[k + 2].type == "CONCEPT" and tokens[k + 3].type == "CMP"
                and _SCORE_WORD.fullmatch(text, tokens[k + 2].end_pos, tokens[k + 3].start_pos)
                and all(w.lower() in heads for w in text[token.end_pos:tokens[k + 1].start_pos].replace("(", " ").replace(")", " ").split()
                        if w.isalpha())):
            end = tokens[k + 2].end_pos + len(text[tokens[k + 2].end_pos:tokens[k + 3].start_pos].rstrip())
            words[:] = [w for w in words if not (token.start_pos <= w.start and w.end <= end)]
            out.append(_token("VAR", token.value, token.start_pos, end))
            k += 3
            continue
        out.append(token)
        k += 1
    return out


_SCORE_WORD = re.compile(r"\s+scores?\s*", re.IGNORECASE)


def _proper_instruments(tokens: list[Token], words: list[Span], text: str, span: Span, named: re.Pattern[str]) -> list[Token]:
    """"as measured by the National Adult Reading Test", "screened by the High-need
    Community Older Adults Screening Scale": the words of an instrument's proper name
    name no criterion ("adult", "older"); unless one token is the whole name, they are
    read as one name, words a threshold before or after may take."""
    if not tokens:
        return tokens
    for found in named.finditer(text, span.start, span.end):
        start, end = found.span(1)
        inside = [t for t in tokens if start <= t.start_pos and t.end_pos <= end]
        crossing = any(t.start_pos < end and start < t.end_pos and not (start <= t.start_pos and t.end_pos <= end) for t in tokens)
        if not inside or crossing or (len(inside) == 1 and (inside[0].start_pos, inside[0].end_pos) == (start, end)):
            continue
        tokens = [t for t in tokens if not (start <= t.start_pos and t.end_pos <= end)]
        words[:] = [w for w in words if not (start <= w.start and w.end <= end)]
        words.append(Span(start, end))
    return tokens


def _instruments(tokens: list[Token], words: list[Span], text: str, instrument: re.Pattern[str]) -> list[Token]:
    """"a score of > 5 on the Roland-Morris Disability Questionnaire", "< 120 points on the
    Mattis Dementia Rating Scale": an instrument named after the value is whose value it
    is, one variable, not the concepts its name holds ("disability", "dementia"); unless a
    variable or concept stands right before the value ("Pain > 4 on a visual numerical
    scale", where the scale is only how pain was measured)."""
    out: list[Token] = []
    k = 0
    while k < len(tokens):
        token = tokens[k]
        out.append(token)
        k += 1
        if token.type not in ("NUMBER", "UNIT", "CMPPOST") or (k < len(tokens) and tokens[k].type in _VALUE_PARTS):
            continue
        on = _ON_THE.match(text, token.end_pos)
        named = instrument.match(text, on.end()) if on else None
        if named is None or (k < len(tokens) and tokens[k].start_pos < on.end()):
            continue
        inside = k
        while inside < len(tokens) and tokens[inside].start_pos < named.end():
            inside += 1
        if any(t.type in _NAMED_IN or t.end_pos > named.end() for t in tokens[k:inside]) or _subject_before(out, text):
            continue
        out.append(_token("VAR", normalize(named.group()), on.end(), named.end()))
        words[:] = [w for w in words if not (on.end() <= w.start and w.end <= named.end())]
        k = inside
    return out


def _subject_before(out: list[Token], text: str) -> bool:
    """Whether a variable or concept is written right before the value that ends ``out``."""
    j = len(out) - 1
    while j > 0 and out[j - 1].type in _VALUE_PARTS:
        j -= 1
    if j > 0 and out[j - 1].type == "OF":
        j -= 1
    return j > 0 and out[j - 1].type in ("VAR", "CONCEPT") and not text[out[j - 1].end_pos:out[j].start_pos].strip()


_RANGE_ENDS = {"NUMBER", "UNIT", "REF", "AGE", "MONTH"}
_ASIDE = re.compile(r"\s*(?:\([^()]*\))?\s*")  # "20 (microaneurysms only) to 35": a range's end may carry an aside


def _written_ranges(tokens: list[Token], text: str) -> list[Token]:
    """"to" between two values joins them only when they stand right beside it: in "step 1
    treatment, according to GINA Guideline 2016" the words between would otherwise vanish
    from the token stream and leave a range 1 to 2016. That "to" is a plain word, a filler."""
    if not any(t.type == "TO" for t in tokens):
        return tokens
    out: list[Token] = []
    for k, token in enumerate(tokens):
        if token.type == "TO" and 0 < k < len(tokens) - 1 and tokens[k + 1].type in ("NUMBER", "MONTH"):
            j = k - 2 if k >= 2 and (tokens[k - 2].type, tokens[k - 1].type) == ("LPAR", "RPAR") else k - 1
            if not (j >= 0 and tokens[j].type in _RANGE_ENDS and _ASIDE.fullmatch(text, tokens[j].end_pos, token.start_pos)
                    and _ASIDE.fullmatch(text, token.end_pos, tokens[k + 1].start_pos)):
                continue
        out.append(token)
    return out


def _other_studies(tokens: list[Token], words: list[Span], text: str, span: Span, tables: Tables) -> list[Token]:
    """"Have participated in an interventional, medical, surgical, or pharmaceutical study",
    "Enrollment in another trial": taking part in another study, with words of its own
    between (``data/study_participation.tsv``), is that one concept. Read word by word, the
    study was a filler and what it was of became the criterion ("a study involving the use
    of medication": any medication). Not after a word no rule reads ("refrain from
    participation in any other study"), and only over the words and tokens a list of
    kinds is made of."""
    found = [m for m in tables.participation.pattern.finditer(text, span.start, span.end)
             if _kinds_of_a_study(m.group(1).lower().replace(",", " ").split(), tables.participation.itself)
             and _study_ends(text, m.end(), span.end)]
    if not found:
        return tokens
    out = list(tokens)
    for match in found:
        start, end = match.span()
        inside = [t for t in out if t.start_pos < end and t.end_pos > start]
        if any(t.start_pos < start or t.end_pos > end or t.type not in _KINDS_OF_A_STUDY for t in inside):
            continue
        ahead = [t for t in out if t.end_pos <= start and t.type not in _OBJECT_JOINERS]
        act = match.group(0).split()[0].lower()
        if (ahead and ahead[-1].type == "CONCEPT" and ahead[-1].value in tables.concept_objects.get(act, ())
                and all(w.lower() in _OBJECT_PREPOSITIONS for w in text[ahead[-1].end_pos:start].split())):
            continue  # "informed consent to participate in a clinical study": this one
        before = max((w.end for w in words if w.end <= start), default=None)
        if before is not None and all(tables.is_filler(w) or w.lower() in _OBJECT_PREPOSITIONS | {"from"}
                                      for w in text[before:start].split()):
            continue  # "refrain from participation"
        taken = {id(t) for t in inside}
        out = sorted([t for t in out if id(t) not in taken] + [_token("CONCEPT", tables.participation.concept, start, end)],
                     key=lambda t: t.start_pos)
        words[:] = [w for w in words if not (start <= w.start and w.end <= end)]
    return out


def _kinds_of_a_study(between: list[str], itself: frozenset[str]) -> bool:
    """Whether the words between "in" and the study say what kind of study it is: words of
    content, determiners and joiners, never the study itself ("this study") nor a phrase
    of its own ("in a discussion about the study")."""
    return between[0] not in itself and all(w not in STOP_WORDS or w in _STUDY_DETERMINERS for w in between)


def _study_ends(text: str, end: int, stop: int) -> bool:
    """Whether the study ends its phrase: no word goes on it ("study assessments") but a
    function word or a verb's -ing form ("study involving ...")."""
    after = _WORD_AFTER.match(text, end, stop)
    if after is None:
        return True
    word = after.group(1).lower()
    return word in STOP_WORDS or word in _STUDY_FOLLOWERS or word.endswith("ing")


_WORD_AFTER = re.compile(r"\s+([^\W\d_]+)")
_STUDY_FOLLOWERS = frozenset({"prior", "previously", "currently", "concurrently"})
_STUDY_DETERMINERS = frozenset({"a", "an", "any", "other", "another", "or", "and", "and/or"})
_KINDS_OF_A_STUDY = frozenset({"QUAL", "CONCEPT", "COMMA", "OR", "AND", "ANCHOR", "SLASH", "IN", "OF"})


def _concept_objects(tokens: list[Token], words: list[Span], text: str, tables: Tables) -> list[Token]:
    """"informed consent for participation in the study", "consent form to participate": a
    word that only says what the concept before it is of (``data/concept_objects.tsv``) is
    part of it, with the prepositions between ("for", "to")."""
    named = [w for w in words if w.text(text).lower() in tables.concept_objects]
    if not named:
        return tokens
    out = list(tokens)
    starts = [t.start_pos for t in out]
    for word in named:
        written = word.text(text).lower()
        k = bisect_left(starts, word.start) - 1  # the last token before the word
        first = k
        while first > 0 and out[first].type in _OBJECT_JOINERS:
            first -= 1
        if k < 0 or out[first].type != "CONCEPT" or out[first].value not in tables.concept_objects[written]:
            continue
        if not all(tables.is_filler(w) or w.lower() in _OBJECT_PREPOSITIONS  # no word no rule read between
                   for w in text[out[first].end_pos:word.start].split()):
            continue
        out[first:k + 1] = [_token("CONCEPT", out[first].value, out[first].start_pos, word.end)]
        starts[first:k + 1] = [out[first].start_pos]
        words.remove(word)
    return out


_OBJECT_JOINERS = frozenset({"LASTING", "TO", "OF"})  # "for", "to", "of" as the grammar's cues
_OBJECT_PREPOSITIONS = frozenset({"for", "to", "of", "in"})


def _either_side(tokens: list[Token], text: str) -> list[Token]:
    """"within 30 days before or after the procedure": a window on both sides of its anchor
    is one BEFORE token of payload ``EITHER_SIDE``; the grammar dropped the "or after"."""
    if not any(t.type == "AFTER" for t in tokens):
        return tokens
    out: list[Token] = []
    k = 0
    while k < len(tokens):
        kinds = [t.type for t in tokens[k:k + 3]]
        if (kinds in (["BEFORE", "OR", "AFTER"], ["AFTER", "OR", "BEFORE"])
                and not text[tokens[k].end_pos:tokens[k + 2].start_pos].replace(tokens[k + 1].value, "", 1).strip(" ,")):
            out.append(_token("BEFORE", EITHER_SIDE, tokens[k].start_pos, tokens[k + 2].end_pos))
            k += 3
            continue
        out.append(tokens[k])
        k += 1
    return out


EITHER_SIDE = "either side"  # the BEFORE payload of "before or after"


def _windows_during(tokens: list[Token], words: list[Span], text: str) -> list[Token]:
    """"use of systemic antibiotics during 4 weeks before study entry", "during the 2 weeks
    before surgery": "during" right before a length of time and its "before" opens the
    window as "within" does; the window was read without it and the word reported. Not
    before a length alone: "fever during 3 days" says how long it lasted."""
    during = [w for w in words if text[w.start:w.end].lower() == "during"]
    if not during:
        return tokens
    starts = [t.start_pos for t in tokens]
    found: list[Token] = []
    for word in during:
        k = bisect_left(starts, word.end)
        if (k + 2 < len(tokens) and [t.type for t in tokens[k:k + 3]] in (["NUMBER", "UNIT", "BEFORE"], ["NUMBER", "UNIT", "AFTER"])
                and text[word.end:tokens[k].start_pos].strip().lower() in ("", "the")):
            found.append(_token("WITHIN", "", word.start, word.end))
            words.remove(word)
    return sorted(tokens + found, key=lambda t: t.start_pos) if found else tokens


def _scores_named(tokens: list[Token], words: list[Span], text: str, tables: Tables) -> list[Token]:
    """"EASI score >= 16", "Hoehn and Yahr score less than or equal to 3": the word "score"
    right after a scale's name says only that it is a score, and joins the name; reported,
    it left a met criterion unknown. Not after a laboratory value ("IGA score" is no
    immunoglobulin A)."""
    named = [w for w in words if text[w.start:w.end].lower() in _SCORE_WORDS]
    if not named:
        return tokens
    out = list(tokens)
    ends = {t.end_pos: k for k, t in enumerate(out) if t.type == "VAR" and t.value in tables.scores}
    for word in named:
        k = ends.get(_skip_space_back(text, word.start))
        if k is not None and text[out[k].end_pos:word.start] == " ":
            out[k] = _token("VAR", out[k].value, out[k].start_pos, word.end)
            words.remove(word)
    return out


_SCORE_WORDS = frozenset({"score", "scores"})


def _anchors_after_windows(tokens: list[Token], words: list[Span], text: str, tables: Tables) -> list[Token]:
    """"within 7 days of surgery", "one week before operation": right after a window, a
    concept (or a word no rule read: "of procedure") the lexicon names an anchor with "the"
    ("the surgery") is that anchor, the event the window is measured from; read as a
    concept, the window ran from enrollment and a surgery on record was required. An "of"
    between is the window's."""
    if not any(t.type == "UNIT" for t in tokens):
        return tokens  # no window
    pieces: list[tuple[int, Token | None, Span | None]] = sorted(
        [*((t.start_pos or 0, t, None) for t in tokens), *((w.start, None, w) for w in words)], key=lambda p: p[0])
    out: list[Token] = []
    for _, token, word in pieces:
        if token is not None and token.type != "CONCEPT":
            out.append(token)
            continue
        start, end = (word.start, word.end) if word is not None else (token.start_pos, token.end_pos)
        named = tables.forms.get("the " + " ".join(text[start:end].lower().split()))
        of = bool(out) and out[-1].type == "OF"
        window = out[max(0, len(out) - of - _WINDOW_TOKENS):len(out) - of]  # the window's tokens, at most
        if (named is not None and named[0] == "ANCHOR" and window and _window_end(window)
                and all(tables.is_filler(w) for w in text[window[-1].end_pos:start].split() if w.lower() != "of")):
            if of:
                out.pop()
            if word is not None:
                words.remove(word)
            out.append(_token("ANCHOR", named[1], start, end))
        elif token is not None:
            out.append(token)
    return out


def _events_outside_windows(tokens: list[Token], words: list[Span], text: str, tables: Tables) -> list[Token]:
    """"Past or planned surgery affecting gastric acid secretion", "hospital admission for
    COPD exacerbation": an anchor that no window or relation measures from is the event
    itself, the concept its last words name; left an anchor, the grammar had no place for
    it and the criterion lost its object. Its other words are reported. Not the trial's own
    event ("the surgery is converted to laparotomy") nor a moment ("day of surgery")."""
    if not any(t.type == "ANCHOR" for t in tokens):
        return tokens
    out = list(tokens)
    for k, token in enumerate(out):
        before = out[k - 1] if k else None
        if token.type != "ANCHOR" or token.value not in _CARE_EVENTS or before is not None and (
                before.type in _MEASURING or before.type in _WINDOW_LINKS and k > 1 and out[k - 2].type in _MEASURING
                or not all(tables.is_filler(w) for w in text[before.end_pos:token.start_pos].split())):
            continue
        pieces = list(_WORD.finditer(text, token.start_pos, token.end_pos))
        if pieces[0].group().lower() == "the":
            continue  # "whom the surgery is withheld": the trial's own event, spoken of
        for j, first in enumerate(pieces):
            named = tables.forms.get(" ".join(p.group().lower() for p in pieces[j:]))
            if named is not None and named[0] == "CONCEPT":
                if any(p.group().lower() == "of" for p in pieces[:j]):
                    break  # "the day of surgery", "the first dose of study drug": a moment, not the concept
                out[k] = _token("CONCEPT", named[1], first.start(), token.end_pos)
                words.extend(Span(p.start(), p.end()) for p in pieces[:j] if not tables.is_filler(p.group()))
                break
    return out


_CARE_EVENTS = frozenset({Anchor.SURGERY.value, Anchor.ADMISSION.value, Anchor.DIAGNOSIS.value})  # not the study's own moments
_MEASURING = frozenset({"BEFORE", "AFTER", "SINCE", "WITHIN", "UNIT", "NUMBER", "WCMP"})
_WINDOW_LINKS = frozenset({"OF", "TO", "DASH", "FROM"})  # "within 12 hours from hospital admission"


def _window_end(tokens: list[Token]) -> bool:
    """Whether the tokens end in a window still without its anchor: "within 7 days",
    "2 weeks before", "within 24-48 hours after"."""
    kinds = [t.type for t in tokens[-_WINDOW_TOKENS:]]
    if kinds[-1:] in (["BEFORE"], ["AFTER"]):
        kinds = kinds[:-1]
    return kinds[-2:] == ["NUMBER", "UNIT"] and (len(kinds) < 3 or kinds[-3] in ("WITHIN", "WCMP", "DASH", "TO")
                                                 or tokens[-1].type in ("BEFORE", "AFTER"))


_WINDOW_TOKENS = 5  # "within 24 - 48 hours before": the most a window holds before its anchor


def _calendar_dates(tokens: list[Token]) -> list[Token]:
    """Calendar dates are no thresholds: "between January 2019 and July 2020", "from 2008 to
    2015", "31 december 2016", "since 2010" become one DATE token each, which no grammar
    rule takes, so they are reported as text the logic does not cover."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.type == "MONTH" or (_is_year(token) and _dated(tokens, i)):
            start = i
            if start and tokens[start - 1].type == "NUMBER" and token.type == "MONTH" and out and out[-1] is tokens[start - 1]:
                out.pop()
                start -= 1
            end = i + 1
            while end < len(tokens) and (tokens[end].type == "MONTH" or _is_year(tokens[end])
                                         or (tokens[end].type == "NUMBER" and tokens[end - 1].type == "MONTH")):
                end += 1
            out.append(_token("DATE", "", tokens[start].start_pos, tokens[end - 1].end_pos))
            i = end
            continue
        out.append(token)
        i += 1
    return out


def _is_year(token: Token) -> bool:
    return token.type == "NUMBER" and len(token.value) == 4 and token.value.isdigit() and _YEARS[0] <= int(token.value) <= _YEARS[1]


def _dated(tokens: list[Token], i: int) -> bool:
    """A year-like number is a year beside a month, after "before/after/since", or as
    both ends of a range with no unit ("between 2007 and 2016")."""
    before = tokens[i - 1] if i else None
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    if (before is not None and before.type in _YEAR_NEIGHBOURS | {"MONTH"}) or (after is not None and after.type == "MONTH"):
        return True
    if after is not None and after.type in ("AND", "TO", "DASH") and i + 2 < len(tokens) and (
            _is_year(tokens[i + 2]) or tokens[i + 2].type == "MONTH"):
        return not (i + 3 < len(tokens) and tokens[i + 3].type == "UNIT")
    if before is not None and before.type in ("AND", "TO", "DASH") and i >= 2 and (_is_year(tokens[i - 2]) or tokens[i - 2].type == "DATE"):
        return not (after is not None and after.type == "UNIT")
    return False


def _short_forms_before_heads(tokens: list[Token], words: list[Span], text: str, tables: Tables) -> list[Token]:
    """"angiotensin-converting enzyme (ACE) inhibitors", "P-glycoprotein (P-gp) inducers":
    a short form in parentheses, then a head word, that the lexicon names together ("ACE
    inhibitors") are that concept, with the long form written before them; the words had
    all been left unread."""
    if not any(a.type == "LPAR" and b.type == "RPAR" for a, b in zip(tokens, tokens[1:])):
        return tokens  # no short form alone in parentheses
    ending = {w.end: w for w in words}
    starting = {w.start: w for w in words}
    out = list(tokens)
    for k in range(len(out) - 1, 0, -1):
        opening, closing = out[k - 1], out[k]
        if opening.type != "LPAR" or closing.type != "RPAR":
            continue
        short = starting.get(opening.end_pos)
        head = starting.get(closing.end_pos + 1) if text[closing.end_pos:closing.end_pos + 1] == " " else None
        if short is None or short.end != closing.start_pos or head is None:
            continue
        named = tables.forms.get(f"{short.text(text)} {head.text(text)}".lower())
        long = ending.get(_skip_space_back(text, opening.start_pos))
        if named is None or named[0] != "CONCEPT" or long is None:
            continue
        first, letters = long, sum(c.isalpha() for c in short.text(text))
        while ((before := ending.get(_skip_space_back(text, first.start))) is not None and text[before.end:first.start] == " "
               and len(text[before.start:long.end].split()) <= letters):  # no longer than the short form spells
            first = before
        out[k - 1:k + 1] = [_token("CONCEPT", named[1], first.start, head.end)]
        words[:] = [w for w in words if not first.start <= w.start < head.end]
    return out


def _join_restated_names(tokens: list[Token], text: str) -> list[Token]:
    """"Eastern Cooperative Oncology Group (ECOG) performance status", "WHO (ECOG)
    performance status": one variable named twice in a row, the first name perhaps in
    parentheses, is one variable, spanning both names. So is a concept whose head is
    written again after it ("Human Immunodeficiency Virus (HIV) infections")."""
    out: list[Token] = []
    for token in tokens:
        previous = out[-1] if out else None
        if (previous is not None and token.type in ("VAR", "CONCEPT") and previous.type == token.type
                and (previous.value == token.value or token.type == "CONCEPT" and previous.value.endswith(" " + token.value))
                and not text[previous.end_pos:token.start_pos].strip(" -()[]")):
            out[-1] = _token(token.type, previous.value, previous.start_pos, token.end_pos)
            continue
        if (token.type in ("VAR", "CONCEPT") and len(out) >= 3 and [t.type for t in out[-3:]] == ["LPAR", token.type, "RPAR"]
                and out[-2].value == token.value and not text[out[-1].end_pos:token.start_pos].strip()):
            first = out[-2]
            del out[-3:]
            out.append(_token(token.type, token.value, first.start_pos, token.end_pos))
            continue
        out.append(token)
    return out


def _join_hyphenated_units(tokens: list[Token]) -> list[Token]:
    """"1-year duration", "a 6-month history", "a 6-year-old": the hyphen joins a number to
    its unit and a unit to the age word after it."""
    out: list[Token] = []
    for i, token in enumerate(tokens):
        if (token.type == "DASH" and out and i + 1 < len(tokens)
                and (out[-1].type, tokens[i + 1].type) in _HYPHENATED and out[-1].end_pos == token.start_pos
                and token.end_pos == tokens[i + 1].start_pos):
            continue
        out.append(token)
    return out


def _weeks_and_days(tokens: list[Token], words: list[Span], text: str, tables: Tables) -> list[Token]:
    """"24 + 0 weeks of amenorrhea", "37+0 - 42+0 weeks of gestation": the obstetric way of
    writing weeks and days is one number of weeks (36+6 is 36 6/7), not a bound "36 or
    more". Only where the run of numbers ends in weeks; elsewhere a plus written between two
    numbers joins them ("Patient groups 1+2") and bounds nothing: they are reported."""
    if not any(t.type == "CMPPOST" for t in tokens):
        return tokens
    weekly = _ending_in_weeks(tokens, text, tables)
    out: list[Token] = []
    for k, token in enumerate(tokens):
        if (_day_digit(token) and len(out) >= 2 and out[-1].type == "CMPPOST" and out[-2].type == "NUMBER"
                and text[out[-1].start_pos:out[-1].end_pos] == "+" and weekly[k + 1]):
            out.pop()
            out.append(_plus_days(out.pop(), token, token.end_pos))
            continue
        if (token.type == "NUMBER" and len(out) >= 2 and out[-1].type == "CMPPOST" and out[-2].type == "NUMBER"
                and text[out[-2].start_pos:token.end_pos].replace(" ", "") == text[out[-2].start_pos:token.end_pos]
                and text[out[-1].start_pos:out[-1].end_pos] == "+"):
            out.pop()
            words.append(Span(out.pop().start_pos, token.end_pos))
            continue
        out.append(token)
    return out


def _ending_in_weeks(tokens: list[Token], text: str, tables: Tables) -> list[bool]:
    """For each position, whether the run of numbers from there ("- 42+0 weeks") ends in
    weeks: one pass from the right, so a long run stays linear."""
    weekly = [False] * (len(tokens) + 1)
    for k in range(len(tokens) - 1, -1, -1):
        token = tokens[k]
        if (token.type == "UNIT" and token.value == "wk") or (token.type == "VAR" and token.value in tables.in_weeks):
            weekly[k] = True
        elif token.type in ("NUMBER", "DASH", "TO", "AND") or (
                token.type == "CMPPOST" and text[token.start_pos:token.end_pos] == "+"):
            weekly[k] = weekly[k + 1]
    return weekly


def _days_after_weeks(tokens: list[Token]) -> list[Token]:
    """"23 weeks 6 days" is 23 6/7 weeks, one amount."""
    out: list[Token] = []
    for token in tokens:
        if (token.type == "UNIT" and token.value == "d" and len(out) >= 3 and _day_digit(out[-1])
                and out[-2].type == "UNIT" and out[-2].value == "wk" and out[-3].type == "NUMBER"):
            days, weeks_unit = out.pop(), out.pop()
            weeks = out.pop()
            out.append(_plus_days(weeks, days, weeks.end_pos))
            out.append(_token("UNIT", "wk", weeks_unit.start_pos, token.end_pos))
            continue
        out.append(token)
    return out


def _age_at_an_event(tokens: list[Token], words: list[Span], tables: Tables) -> list[Token]:
    """"onset of diabetes after age 30", "a heart condition before the age of 50": the age
    at which something happened, not the patient's age now, which no node here can hold;
    the words are reported, not read as a bound on today's age."""
    out: list[Token] = []
    k = 0
    while k < len(tokens):
        end = _event_age_end(tokens, k, tables) if tokens[k].type in ("BEFORE", "AFTER") else None
        if end is not None:
            words.append(Span(tokens[k].start_pos, tokens[end - 1].end_pos))
            k = end
            continue
        out.append(tokens[k])
        k += 1
    return out


def _at_the_time_of(tokens: list[Token], words: list[Span], text: str) -> list[Token]:
    """"Age < 18 or > 65 years at time of surgery": the bound is as of the event, not its
    length ("65 years of surgery"); the event is when, which no node here holds, so the
    words are reported."""
    if not any(t.type == "OF" for t in tokens):
        return tokens
    out: list[Token] = []
    k = 0
    while k < len(tokens):
        token = tokens[k]
        bound = len(out) - 1 - (len(out) > 1 and out[-1].type == "COMMA")
        at = _AT_THE_TIME.fullmatch(text, out[bound].end_pos, token.start_pos) if token.type == "OF" and out else None
        event = next((j for j in range(k + 1, len(tokens)) if tokens[j].type != "QUAL"), len(tokens)) if at else len(tokens)
        if at is not None and out[bound].type in ("UNIT", "AGE", "CMPPOST") and event < len(tokens) and tokens[event].type == "CONCEPT":
            del out[bound + 1:]
            words[:] = [w for w in words if not (at.start(1) <= w.start and w.end <= tokens[event].end_pos)]
            words.append(Span(at.start(1), tokens[event].end_pos))
            k = event + 1
            continue
        out.append(token)
        k += 1
    return out


_AT_THE_TIME = re.compile(r"[\s,]*(at (?:the )?time)\s*", re.IGNORECASE)


def _event_age_end(tokens: list[Token], k: int, tables: Tables) -> int | None:
    """Where "before/after (the) age (of) N (years) (of age)" from ``k`` ends, if it is one."""
    if k + 1 >= len(tokens) or tokens[k + 1].type != "VAR" or tokens[k + 1].value != tables.age:
        return None
    number = k + 3 if k + 2 < len(tokens) and tokens[k + 2].type == "OF" else k + 2  # "the age of 50"
    if number >= len(tokens) or tokens[number].type != "NUMBER":
        return None
    end = number + 1
    while end < len(tokens) and tokens[end].type in ("UNIT", "AGE"):
        end += 1
    return end


def _day_digit(token: Token) -> bool:
    return token.type == "NUMBER" and len(token.value) == 1 and token.value in "0123456"


def _plus_days(weeks: Token, days: Token, end: int) -> Token:
    """Weeks and days as one number of weeks, from the weeks' number to ``end``."""
    value = parse_number(weeks.value) + int(days.value) / 7
    return _token("NUMBER", f"{value:.4g}", weeks.start_pos, end)


def _range_of_one_variable(tokens: list[Token]) -> list[Token]:
    """"between 24 weeks of gestation and 36 weeks of gestation": a variable written after
    both ends of a range is written once, after the second."""
    drop = {k + 2 for k in range(len(tokens) - 5)
            if tokens[k].type in ("BETWEEN", "FROM") and tokens[k + 1].type == "NUMBER"
            and tokens[k + 2].type == "VAR" and tokens[k + 3].type in ("AND", "TO", "DASH")
            and tokens[k + 4].type == "NUMBER" and tokens[k + 5].type == "VAR"
            and tokens[k + 5].value == tokens[k + 2].value}
    return [t for i, t in enumerate(tokens) if i not in drop] if drop else tokens


_SCALE_BEFORE = re.compile(r"(?:\b(?:on|using|with)\s+(?:a|an|the)\s*|\(\s*)$", re.IGNORECASE)
_SCALE_AFTER = re.compile(r"^[\w\s-]{0,40}?\bscale\b", re.IGNORECASE)


def _scale_descriptions(tokens: list[Token], words: list[Span], text: str) -> list[Token]:
    """"> 3 on a 0-10 pain intensity numeric scale", "pain > 5 (0-10 scale)", "6 or more on
    a 10-point NRS scale": the numbers name the scale's ends or size, they bound nothing;
    their words are reported, not read as a threshold."""
    out: list[Token] = []
    k = 0
    while k < len(tokens):
        low = tokens[k]
        if (low.type == "NUMBER" and k + 1 < len(tokens) and tokens[k + 1].type == "UNIT"
                and tokens[k + 1].value == "{score}" and text[low.end_pos:tokens[k + 1].end_pos].strip(" -") == "point"
                and _SCALE_BEFORE.search(text[max(0, low.start_pos - 12):low.start_pos])
                and _SCALE_AFTER.match(text[tokens[k + 1].end_pos:tokens[k + 1].end_pos + 48])):
            words.append(Span(low.start_pos, tokens[k + 1].end_pos))
            k += 2
            continue
        if (low.type == "NUMBER" and k + 2 < len(tokens) and tokens[k + 1].type in ("DASH", "TO")
                and tokens[k + 2].type == "NUMBER"
                and _SCALE_BEFORE.search(text[max(0, low.start_pos - 12):low.start_pos])
                and _SCALE_AFTER.match(text[tokens[k + 2].end_pos:tokens[k + 2].end_pos + 48])):
            words.append(Span(low.start_pos, tokens[k + 2].end_pos))
            k += 3
            continue
        out.append(low)
        k += 1
    return out


def _negative_numbers(tokens: list[Token], text: str) -> list[Token]:
    """"T-score <-2.5": a dash written onto the number after a comparator is its sign."""
    out: list[Token] = []
    for token in tokens:
        if (token.type == "NUMBER" and len(out) >= 2 and out[-1].type == "DASH" and out[-2].type == "CMP"
                and out[-1].end_pos == token.start_pos):
            dash = out.pop()
            out.append(_token("NUMBER", "-" + token.value, dash.start_pos, token.end_pos))
            continue
        out.append(token)
    return out


def _finite_numbers(tokens: list[Token], words: list[Span]) -> list[Token]:
    """A number too large for a float (309 digits) would become Infinity, which is no JSON
    number and no threshold: it is reported as unparsed text instead."""
    out: list[Token] = []
    for token in tokens:
        if token.type == "NUMBER" and not math.isfinite(parse_number(token.value)):
            words.append(Span(token.start_pos, token.end_pos))
            continue
        out.append(token)
    return out
