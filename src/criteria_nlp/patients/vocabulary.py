"""What a criterion's names and codes are called in a patient record, and where to look.

The matching rules of evaluation (``data/evaluation.json``: which record lists answer each
domain, statuses, the age variable, sex words) and the name/code sets from the variable
lexicon, ``data/concept_matches.tsv`` and the analyte table. The evaluator and every
exporter that must find the same facts (SQL, JSON Logic, CQL) read them from here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ..errors import RuleError
from ..lexicon import default_lexicon, load_future_words, load_judged_words
from ..logic import Comparator, Domain, Limit
from ..resources import load_json
from ..tables import read_table, split_list
from ..terminology import Code, concept_codes, systems
from ..units import analyte, is_time

_PUNCTUATION = re.compile(r"[^\w\s]|_")
LISTS = ("observations", "conditions", "medications", "procedures", "allergies")


@dataclass(frozen=True, slots=True)
class Rules:
    lookback_days: int
    age_codes: frozenset[str]
    age_names: frozenset[str]
    domains: dict[Domain, tuple[str, ...]]
    closed_world_lists: frozenset[str]
    allergy_prefixes: tuple[str, ...]
    negating_statuses: frozenset[str]
    void_statuses: frozenset[str]
    ongoing_statuses: frozenset[str]
    sexes: dict[str, str]
    age_groups: dict[str, Limit]
    future_qualifiers: frozenset[str]  # a concept so qualified is a plan, which no record holds
    judged_words: frozenset[str]  # a qualifier with one of them is someone's judgement, which no record holds

    def judged(self, qualifiers: tuple[str, ...]) -> str | None:
        """The first qualifier that leaves its concept to someone's judgement ("that would
        interfere with the study"), if any."""
        return next((q for q in qualifiers if self.judged_words.intersection(_LETTERS.findall(q.lower()))), None)


_LETTERS = re.compile(r"[a-z]+")
_RULE_KEYS = {"_doc", "lookback_days", "domains", "closed_world_lists", "allergy_prefixes",
              "negating_statuses", "void_statuses", "ongoing_statuses", "sexes", "age_groups"}


@cache
def rules() -> Rules:
    return rules_from_dict(load_json("evaluation.json"))


def rules_from_dict(raw: dict) -> Rules:
    """Validated rules from the content of ``evaluation.json``: every key but ``_doc`` is
    required and no other is allowed, lists hold strings, record lists are known ones, every
    domain is mapped; any fault is a RuleError naming the file and the key."""
    if not isinstance(raw, dict):
        raise RuleError("evaluation.json: must be an object")
    unknown, missing = set(raw) - _RULE_KEYS, _RULE_KEYS - {"_doc"} - set(raw)
    if unknown:
        raise RuleError(f"evaluation.json: unknown keys {sorted(unknown)}")
    if missing:
        raise RuleError(f"evaluation.json: missing keys {sorted(missing)}")
    age = default_lexicon().age  # the variable computed from the birth date
    lookback = raw["lookback_days"]
    if not isinstance(lookback, int) or isinstance(lookback, bool) or lookback < 0:
        raise RuleError(f"evaluation.json: lookback_days must be a whole number of days, got {lookback!r}")
    domains = {}
    for name, lists in _mapping(raw, "domains").items():
        try:
            domain = Domain(name)
        except ValueError:
            raise RuleError(f"evaluation.json: domains: unknown domain {name!r}") from None
        domains[domain] = _record_lists(lists, f"domains.{name}")
    unmapped = sorted(domain.value for domain in set(Domain) - set(domains))
    if unmapped:
        raise RuleError(f"evaluation.json: domains must map every domain, missing {unmapped}")
    age_groups = {normalize(name): _age_bound(bound, f"age_groups.{name}")
                  for name, bound in _mapping(raw, "age_groups").items()}
    return Rules(
        lookback_days=lookback,
        age_codes=frozenset([age.code] if age.code else []),
        age_names=frozenset([normalize(age.name)]),
        domains=domains,
        closed_world_lists=frozenset(_record_lists(raw["closed_world_lists"], "closed_world_lists")),
        allergy_prefixes=tuple(normalize(p) + " " for p in _strings(raw["allergy_prefixes"], "allergy_prefixes")),
        negating_statuses=frozenset(_strings(raw["negating_statuses"], "negating_statuses")),
        void_statuses=frozenset(_strings(raw["void_statuses"], "void_statuses")),
        ongoing_statuses=frozenset(_strings(raw["ongoing_statuses"], "ongoing_statuses")),
        sexes={normalize(word): sex for sex, words in _mapping(raw, "sexes").items()
               for word in _strings(words, f"sexes.{sex}")},
        age_groups=age_groups,
        future_qualifiers=load_future_words(),
        judged_words=load_judged_words(),
    )


def _age_bound(bound: object, where: str) -> Limit:
    """``[comparator, number, UCUM unit of time]``."""
    if isinstance(bound, list) and len(bound) == 3:
        comparator, value, unit = bound
        if (comparator in {c.value for c in Comparator} and isinstance(value, (int, float))
                and not isinstance(value, bool) and isinstance(unit, str) and is_time(unit)):
            return Limit(Comparator(comparator), float(value), unit)
    raise RuleError(f"evaluation.json: {where} must be [comparator, number, UCUM unit of time], got {bound!r}")


def _mapping(raw: dict, key: str) -> dict:
    if not isinstance(raw[key], dict):
        raise RuleError(f"evaluation.json: {key} must be an object, got {raw[key]!r}")
    return raw[key]


def _strings(value: object, where: str) -> tuple[str, ...]:
    """A list of non-empty strings (a bare string would read as a set of letters)."""
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        raise RuleError(f"evaluation.json: {where} must be a list of non-empty strings, got {value!r}")
    return tuple(value)


def _record_lists(value: object, where: str) -> tuple[str, ...]:
    lists = _strings(value, where)
    unknown = sorted(set(lists) - set(LISTS))
    if unknown:
        raise RuleError(f"evaluation.json: {where}: unknown record lists {unknown} (one of {', '.join(LISTS)})")
    return lists


@lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """Lower case, punctuation and hyphens as spaces, simple plurals singular (cached: the
    same few names come back for every patient)."""
    return " ".join(_singular(word) for word in _PUNCTUATION.sub(" ", text.lower()).split())


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@dataclass(frozen=True, slots=True)
class Entry:
    """Names and codes that all mean one thing (a variable or a concept).

    ``typed``: the codes whose system is known (for vocabulary look-ups); ``under``: those of
    systems whose codes carry the hierarchy (ICD-10-CM, ATC): a record code under one matches.
    ``spellings``: the names as the tables write them, lower case (hyphens kept), for
    comparisons with text that was not normalised the way ``names`` are.
    """

    names: frozenset[str]
    codes: frozenset[str]
    typed: frozenset[Code] = frozenset()
    spellings: frozenset[str] = frozenset()

    @property
    def under(self) -> frozenset[Code]:
        return frozenset(c for c in self.typed if systems()[c.system].prefix_hierarchy)


@cache
def _variables() -> tuple[dict[str, Entry], dict[str, Entry]]:
    """The parser's variable lexicon, indexed by every normalised name and by LOINC code
    (the variable's own and those it takes in other units: HbA1c in mmol/mol is 59261-8)."""
    by_name: dict[str, Entry] = {}
    by_code: dict[str, Entry] = {}
    lexicon = default_lexicon()
    for variable in lexicon.variables.values():
        codes = {variable.code} | {code for (name, _), code in lexicon.unit_codes.items() if name == variable.name}
        entry = Entry(frozenset(normalize(n) for n in variable.synonyms),
                      frozenset(codes - {None}),
                      spellings=frozenset(_spelling(n) for n in variable.synonyms))
        for name in entry.names:
            by_name.setdefault(name, entry)
        for code in entry.codes:
            by_code.setdefault(code, entry)
    return by_name, by_code


@cache
def _concepts() -> dict[tuple[Domain, str], Entry]:
    return load_concept_matches()


def load_concept_matches(text: str | None = None) -> dict[tuple[Domain, str], Entry]:
    """Each name and synonym of a row of ``data/concept_matches.tsv`` (or of ``text``) ->
    everything a matching fact may be called."""
    rows: dict[tuple[Domain, str], Entry] = {}
    header = ("name", "domain", "synonyms", "members", "codes")
    for row in read_table("concept_matches.tsv", header, text=text):
        try:
            domain = Domain(row["domain"])
        except ValueError as err:
            raise RuleError(f"concept_matches.tsv: {row['name']}: unknown domain {row['domain']!r}") from err
        same = frozenset(normalize(n) for n in (row["name"], *split_list(row["synonyms"])))
        members = frozenset(normalize(n) for n in split_list(row["members"]))
        spellings = frozenset(_spelling(n) for n in (row["name"], *split_list(row["synonyms"]), *split_list(row["members"])))
        entry = Entry(same | members, frozenset(split_list(row["codes"])), spellings=spellings)
        for name in same:
            if rows.setdefault((domain, name), entry) is not entry:
                raise RuleError(f"concept_matches.tsv: {name!r} is listed twice under {domain.value}")
    return rows


@lru_cache(maxsize=4096)
def variable_keys(name: str, code: str | None) -> Entry:
    """Every name and LOINC code an observation answering this variable may carry."""
    by_name, by_code = _variables()
    key = normalize(name)
    names, codes, spellings = {key}, {code} if code else set(), {_spelling(name)}
    entry = (by_code.get(code) if code else None) or by_name.get(key)
    if entry is not None:
        names |= entry.names
        codes |= entry.codes
        spellings |= entry.spellings
    found = analyte(code, key) if code else analyte(name=key)
    if found is not None:
        names |= {normalize(n) for n in found.names}
        codes |= set(found.codes)
        spellings |= {_spelling(n) for n in found.names}
    return Entry(frozenset(names), frozenset(codes), frozenset(Code("LOINC", c) for c in codes), frozenset(spellings))


@dataclass(frozen=True, slots=True)
class ConceptQuery:
    lists: tuple[str, ...]
    match: Entry
    allergy: Entry | None   # "hypersensitivity to X": what an allergy to X is called


@lru_cache(maxsize=4096)
def concept_query(domain: Domain, name: str, code: str | None, system: str | None = None) -> ConceptQuery:
    """Where to look for a concept and what a matching fact may be called."""
    rule = rules()
    key = normalize(name)
    match = _concept_entry(domain, name, key, code, system)
    allergy = None
    for prefix in rule.allergy_prefixes:
        if key.startswith(prefix):
            rest = key[len(prefix):]
            allergy = _concept_entry(Domain.DRUG, rest, rest, None, None)
            break
    return ConceptQuery(rule.domains[domain], match, allergy)


def _concept_entry(domain: Domain, name: str, key: str, code: str | None, system: str | None) -> Entry:
    """The names of concept_matches.tsv and the codes of the concept (terminology.concept_codes)."""
    row = _concepts().get((domain, key))
    typed = frozenset(concept_codes(domain, _spelling(name), code, system))
    codes = {c.code for c in typed} | ({code} if code else set())
    if row is None:
        return Entry(frozenset({key}), frozenset(codes), typed, frozenset({_spelling(name)}))
    return Entry(row.names, row.codes | codes, typed, row.spellings | {_spelling(name)})


def _spelling(text: str) -> str:
    return " ".join(text.lower().split())
