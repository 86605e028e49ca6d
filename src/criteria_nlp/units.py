"""The package's one pint UnitRegistry, a UCUM reader in front of it, and cached conversions.

Clinical records and criteria write UCUM codes ("10*9/L", "mL/min/{1.73_m2}", "m[IU]/mL")
that pint cannot read as they are; the reader turns a code into a scale factor and a pint
unit. Parsing and conversion factors are cached: evaluation converts the same few unit pairs
over and over. Clinical definitions live in ``data/units.txt``, UCUM spellings in
``data/ucum.tsv``, molar masses in ``data/analytes.tsv``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from .errors import CriteriaNLPError, RuleError
from .resources import data_file
from .tables import read_table, split_list

_POWER = re.compile(r"10[*^](?P<exp>[+-]?\d+)")
_INTEGER = re.compile(r"\d+")
_ATOM = re.compile(r"(?P<atom>(?:[^\d\[\]{}*^]|\[[^\]]*\])+?)(?P<exp>[+-]?\d+)?")
_ANNOTATION = re.compile(r"\{[^{}]*\}")

if TYPE_CHECKING:
    import pint


class UnitError(CriteriaNLPError):
    """A unit code that cannot be read, or two units that do not convert."""

    code = "E350"


@dataclass(frozen=True, slots=True)
class ParsedUnit:
    """A UCUM code as ``scale`` x pint ``unit``: "10*9/L" is 1e9 x 1/liter."""

    code: str
    scale: float
    unit: pint.Unit


@dataclass(frozen=True, slots=True)
class Conversion:
    """``target = value * scale + offset`` (offset is non-zero only for temperatures)."""

    scale: float
    offset: float = 0.0

    def __call__(self, value: float) -> float:
        return value * self.scale + self.offset


@dataclass(frozen=True, slots=True)
class Analyte:
    name: str
    molar_mass: float
    codes: tuple[str, ...]
    names: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _UcumTable:
    atoms: dict[str, str]
    prefixes: dict[str, str]


@cache
def registry() -> pint.UnitRegistry:
    """The one registry of the package: pint's defaults plus ``data/units.txt``. pint is
    imported here, not at module level: parsing needs only ``unit_facts``."""
    import pint

    ureg = pint.UnitRegistry()
    try:
        ureg.load_definitions(data_file("units.txt").read_text(encoding="utf-8").splitlines())
    except Exception as err:  # pint raises several unrelated types for a bad definition
        raise RuleError(f"units.txt: {err}") from err
    return ureg


@cache
def _ucum_table() -> _UcumTable:
    atoms: dict[str, str] = {}
    prefixes: dict[str, str] = {}
    for row in read_table("ucum.tsv", ("kind", "ucum", "pint")):
        target = {"atom": atoms, "prefix": prefixes}.get(row["kind"])
        if target is None:
            raise RuleError(f"ucum.tsv: unknown kind {row['kind']!r}")
        target[row["ucum"]] = row["pint"]
    return _UcumTable(atoms, prefixes)


@lru_cache(maxsize=4096)
def parse(code: str) -> ParsedUnit:
    """Read a UCUM code; raises UnitError naming the code when it is not a unit we know."""
    text = code.strip()
    if text in ("", "1"):
        return ParsedUnit(code, 1.0, registry().dimensionless)
    from pint.errors import PintError

    try:
        tokens = _tokens(text)
        scale, unit, rest = _expression(tokens)
        if rest:
            raise ValueError("unbalanced parentheses")
    except (ValueError, PintError, AttributeError) as err:
        raise UnitError(f"unknown unit {code!r}") from err
    return ParsedUnit(code, scale, unit)


def _tokens(text: str) -> list[str]:
    """Operators '.', '/', '(' and ')' outside brackets and braces; everything else a term."""
    tokens: list[str] = []
    term, depth = "", 0
    for char in text:
        if char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
        if depth == 0 and char in "./()":
            if term:
                tokens.append(term)
            tokens.append(char)
            term = ""
        else:
            term += char
    if depth != 0:
        raise ValueError("unbalanced brackets")
    if term:
        tokens.append(term)
    return tokens


def _expression(tokens: list[str]) -> tuple[float, pint.Unit, list[str]]:
    """``[/] term (('.'|'/') term)*``, left to right as UCUM reads it; stops at ')'."""
    scale, unit = 1.0, registry().dimensionless
    sign = 1
    if tokens and tokens[0] == "/":
        sign, tokens = -1, tokens[1:]
    while True:
        if not tokens:
            raise ValueError("missing term")
        if tokens[0] == "(":
            term_scale, term_unit, tokens = _expression(tokens[1:])
            if not tokens or tokens[0] != ")":
                raise ValueError("unclosed parenthesis")
            tokens = tokens[1:]
        else:
            term_scale, term_unit = _term(tokens[0])
            tokens = tokens[1:]
        scale *= term_scale ** sign
        unit = unit * term_unit ** sign
        if not tokens or tokens[0] == ")":
            return scale, unit, tokens
        if tokens[0] not in "./":
            raise ValueError(f"unexpected {tokens[0]!r}")
        sign = 1 if tokens[0] == "." else -1
        tokens = tokens[1:]


def _term(term: str) -> tuple[float, pint.Unit]:
    ureg = registry()
    bare = _ANNOTATION.sub("", term)
    if not bare:
        return 1.0, ureg.dimensionless
    if match := _POWER.fullmatch(bare):
        return 10.0 ** int(match["exp"]), ureg.dimensionless
    if _INTEGER.fullmatch(bare):
        return float(bare), ureg.dimensionless
    match = _ATOM.fullmatch(bare)
    if match is None:
        raise ValueError(f"not a unit term: {term!r}")
    exponent = int(match["exp"]) if match["exp"] else 1
    return 1.0, ureg.parse_units(_pint_name(match["atom"])) ** exponent


def _pint_name(atom: str) -> str:
    table = _ucum_table()
    if atom in table.atoms:
        return table.atoms[atom]
    if atom[:1] in table.prefixes and atom[1:] in table.atoms:
        return table.prefixes[atom[:1]] + table.atoms[atom[1:]]
    if not atom.replace("_", "").isalpha():
        raise ValueError(f"not a unit atom: {atom!r}")
    return atom


@lru_cache(maxsize=4096)
def conversion(source: str, target: str, molar_mass: float | None = None) -> Conversion:
    """How to turn a value in UCUM ``source`` into ``target``.

    Mass and molar concentrations convert only with the analyte's ``molar_mass`` (g/mol).
    """
    src, dst = parse(source), parse(target)
    ureg = registry()
    if src.unit.dimensionality == dst.unit.dimensionality:
        def convert(value: float) -> float:
            return ureg.Quantity(value * src.scale, src.unit).to(dst.unit).magnitude / dst.scale
    elif molar_mass:
        mw = ureg.Quantity(molar_mass, "g/mol")

        def convert(value: float) -> float:
            quantity = ureg.Quantity(value * src.scale, src.unit)
            return quantity.to(dst.unit, "chemistry", mw=mw).magnitude / dst.scale
    else:
        hint = " without the analyte's molar mass" if _concentrations(src, dst) else ""
        raise UnitError(f"cannot convert {source!r} to {target!r}{hint}")
    from pint.errors import PintError

    try:
        zero = convert(0.0)
        return Conversion(convert(1.0) - zero, zero)
    except (PintError, ArithmeticError) as err:
        raise UnitError(f"cannot convert {source!r} to {target!r}") from err


@dataclass(frozen=True, slots=True)
class UnitFacts:
    """What parsing asks about a unit code, answered once by pint."""

    time: bool  # a length of time
    kind: tuple[tuple[str, float], ...]  # dimensions, mass and amounts as one (``same_kind``)


def _facts_of(code: str) -> UnitFacts | None:
    """None for a code pint cannot read."""
    try:
        parsed = parse(code)
    except UnitError:
        return None
    dims = dict(parsed.unit.dimensionality)
    time = dims == dict(registry().second.dimensionality)
    for amount in ("[substance]", "[equivalent]"):
        if amount in dims:
            dims["[mass]"] = dims.get("[mass]", 0) + dims.pop(amount)
    return UnitFacts(time, tuple(sorted((k, float(v)) for k, v in dims.items() if v)))


def _lexicon_facts() -> dict[str, UnitFacts | None]:
    from .lexicon import default_lexicon

    lexicon = default_lexicon()
    codes = {*lexicon.units.values(), *lexicon.unit_by_kind.values(),
             *(entry.unit for entry in lexicon.variables.values() if entry.unit),
             *(unit for _, unit in lexicon.unit_codes), *(unit for _, unit in lexicon.unit_by_kind)}
    return {code: _facts_of(code) for code in sorted(codes)}


@cache
def _known_facts() -> dict[str, UnitFacts | None]:
    """The facts of every unit code the lexicon writes, from the start-up cache: parsing only
    meets these codes, so it never loads pint (a third of start-up before)."""
    from .cache import cached

    return cached("unit-facts", _lexicon_facts)


@lru_cache(maxsize=4096)
def unit_facts(code: str) -> UnitFacts | None:
    known = _known_facts()
    return known[code] if code in known else _facts_of(code)


@lru_cache(maxsize=4096)
def same_kind(source: str, target: str) -> bool:
    """Whether two units measure the same kind of thing, counting mass, amount of substance
    and equivalents as one (a molar mass or a valence bridges them). Unreadable units give
    no verdict: True."""
    a, b = unit_facts(source), unit_facts(target)
    return a is None or b is None or a.kind == b.kind


def _concentrations(src: ParsedUnit, dst: ParsedUnit) -> bool:
    kinds = {"[mass] / [length] ** 3", "[substance] / [length] ** 3"}
    return {str(src.unit.dimensionality), str(dst.unit.dimensionality)} == kinds


@lru_cache(maxsize=4096)
def _base(code: str) -> tuple[str, float]:
    parsed = parse(code)
    base = registry().Quantity(parsed.scale, parsed.unit).to_base_units()
    annotations = "".join(_ANNOTATION.findall(code))  # "mL/min/{1.73_m2}" is not plain mL/min
    return f"{base.units:~}{annotations}", float(base.magnitude)


def canonical(value: float, code: str | None) -> tuple[str, float]:
    """``(kind, value)`` with the value in base units: two quantities are equal exactly when
    both parts are ("1500/uL" and "1.5 10*9/L"; "6 mo" and "0.5 a"). An unreadable unit
    is its own kind, its value unchanged."""
    from pint.errors import PintError

    if not code:
        return "", value
    try:
        kind, factor = _base(code)
    except (UnitError, PintError):
        return code, value
    return kind, value * factor


def convert(value: float, source: str, target: str, molar_mass: float | None = None) -> float:
    return conversion(source, target, molar_mass)(value)


@lru_cache(maxsize=1024)
def is_time(code: str | None) -> bool:
    """A length of time ("a", "wk", "min"): what windows, durations and ages are written in."""
    if not code:
        return False
    facts = unit_facts(code)
    return facts is not None and facts.time


def is_unitless(code: str | None) -> bool:
    """A bare number on its own scale: no unit, "1" or an annotation such as "{score}".

    "%" is not unitless: 45 % is 0.45, so it never compares with a bare 45.
    """
    if code is None:
        return True
    try:
        return conversion(code, "1") == Conversion(1.0)
    except UnitError:
        return False


@cache
def _analytes() -> tuple[dict[str, Analyte], dict[str, Analyte]]:
    by_code: dict[str, Analyte] = {}
    by_name: dict[str, Analyte] = {}
    for row in read_table("analytes.tsv", ("analyte", "molar_mass", "loinc", "names")):
        try:
            mass = float(row["molar_mass"])
        except ValueError as err:
            raise RuleError(f"analytes.tsv: {row['analyte']}: bad molar mass {row['molar_mass']!r}") from err
        analyte = Analyte(row["analyte"], mass, split_list(row["loinc"]),
                          tuple(dict.fromkeys((row["analyte"], *split_list(row["names"])))))
        for code in analyte.codes:
            by_code[code] = analyte
        for name in analyte.names:
            by_name[name.lower()] = analyte
    return by_code, by_name


def analyte(code: str | None = None, name: str | None = None) -> Analyte | None:
    """The analyte a LOINC code, else a (lower-case) name, stands for."""
    by_code, by_name = _analytes()
    if code and code in by_code:
        return by_code[code]
    return by_name.get(name.lower()) if name else None
