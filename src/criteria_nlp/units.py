"""The package's one pint UnitRegistry, a UCUM reader in front of it, and cached conversions.

Clinical records and criteria write UCUM codes ("10*9/L", "mL/min/{1.73_m2}", "m[IU]/mL")
that pint cannot read as they are; the reader turns a code into a scale factor and a pint
unit. Parsing and conversion factors are cached: evaluation converts the same few unit pairs
over and over. Clinical definitions live in ``data/units.txt``, UCUM spellings in
``data/ucum.tsv``, molar masses in ``data/analytes.tsv``.
"""

from __future__ import annotations

import math
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
    return load_registry()


def load_registry(text: str | None = None, ureg: pint.UnitRegistry | None = None) -> pint.UnitRegistry:
    """``ureg`` (default: a new registry of pint's definitions) plus the definitions of ``text``
    (default: ``data/units.txt``) in the line forms that file documents.

    Each line is loaded and each name it defines resolved on its own, so an unreadable line,
    a unit defined twice, or a definition that names a unit nobody defined (which pint
    accepts until the first conversion that needs it) is a RuleError naming the line.
    """
    import pint

    if text is None:
        text = data_file("units.txt").read_text(encoding="utf-8")
    if ureg is None:
        ureg = pint.UnitRegistry(on_redefinition="raise")
    for number, line in enumerate(text.splitlines(), 1):
        definition = line.partition("#")[0].strip()
        if not definition:
            continue
        fields = [field.strip() for field in definition.split("=")]
        alias = fields[0].startswith("@alias ")
        if len(fields) < 2 or not all(fields) or (fields[0].startswith("@") and not alias):
            raise RuleError(f"units.txt: line {number}: not a unit definition or @alias line: {definition!r}")
        names = fields[1:] if alias else [fields[0], *(f for f in fields[2:] if f != "_")]
        if alias and fields[0].removeprefix("@alias ").strip() not in ureg:
            raise RuleError(f"units.txt: line {number}: {definition!r}: no unit to alias")
        try:
            ureg.load_definitions([definition])
            for name in names:
                ureg.get_dimensionality(name)
        except Exception as err:  # pint raises several unrelated types for a bad definition
            reason = str(err).splitlines()[0] if str(err) else type(err).__name__
            raise RuleError(f"units.txt: line {number}: {definition!r}: {reason}") from err
    return ureg


@cache
def _ucum_table() -> _UcumTable:
    return load_ucum()


def load_ucum(text: str | None = None) -> _UcumTable:
    """UCUM atoms and prefixes as pint names (``text``: ucum.tsv's text; default the file)."""
    atoms: dict[str, str] = {}
    prefixes: dict[str, str] = {}
    for row in read_table("ucum.tsv", ("kind", "ucum", "pint"), text=text):
        target = {"atom": atoms, "prefix": prefixes}.get(row["kind"])
        if target is None:
            raise RuleError(f"ucum.tsv: unknown kind {row['kind']!r} (atom or prefix)")
        if not row["ucum"] or not row["pint"]:
            raise RuleError(f"ucum.tsv: {row['kind']} {row['ucum']!r} needs a UCUM code and a pint name")
        if row["ucum"] in target:
            raise RuleError(f"ucum.tsv: {row['kind']} {row['ucum']!r} is listed twice")
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


@cache
def _scales() -> dict[tuple[str, str, str], Conversion]:
    """``data/scale_conversions.tsv``, both directions: (variable, from, to) -> conversion."""
    table: dict[tuple[str, str, str], Conversion] = {}
    for row in read_table("scale_conversions.tsv", ("variable", "from", "to", "scale", "offset", "source")):
        try:
            scale, offset = float(row["scale"]), float(row["offset"])
        except ValueError as err:
            raise RuleError(f"scale_conversions.tsv: {row['variable']}: bad number ({err})") from err
        if not scale:
            raise RuleError(f"scale_conversions.tsv: {row['variable']}: scale 0 cannot be reversed")
        table[(row["variable"], row["from"], row["to"])] = Conversion(scale, offset)
        table[(row["variable"], row["to"], row["from"])] = Conversion(1 / scale, -offset / scale)
    return table


def scale_conversion(variable: str, source: str, target: str) -> Conversion | None:
    """A variable's own equation between two clinical scales (HbA1c % <-> mmol/mol)."""
    return _scales().get((variable, source, target))


@lru_cache(maxsize=4096)
def conversion(source: str, target: str, molar_mass: float | None = None) -> Conversion:
    """How to turn a value in UCUM ``source`` into ``target``.

    Mass and molar concentrations convert only with the analyte's ``molar_mass`` (g/mol).
    Two units that some variable reports as two clinical scales (``scale_conversions.tsv``)
    never convert here: that variable's own equation does (``scale_conversion``)."""
    if any((s, t) == (source, target) for _, s, t in _scales()):
        raise UnitError(f"{source!r} and {target!r} are two clinical scales: no unit conversion between them")
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
    seconds: float | None = None  # for a length of time, how many seconds one unit lasts


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
    seconds = float(registry().Quantity(parsed.scale, parsed.unit).to("second").magnitude) if time else None
    return UnitFacts(time, tuple(sorted((k, float(v)) for k, v in dims.items() if v)), seconds)


def _lexicon_facts() -> dict[str, UnitFacts | None]:
    from .lexicon import default_lexicon

    lexicon = default_lexicon()
    codes = {*lexicon.units.values(), *lexicon.unit_by_kind.values(), *DOSE_KINDS,
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


def is_dimensionless(code: str | None) -> bool:
    """A share, a rank or a count on a scale ("%", "{percentile}", "{score}"): of no kind
    that a measured variable could disagree with."""
    facts = unit_facts(code) if code else None
    return facts is not None and not facts.kind


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


DOSE_KINDS = ("g", "g/d", "g/kg", "g/m2", "mg/kg/d", "mL", "mol", "[iU]", "[iU]/d")


@lru_cache(maxsize=1024)
def is_dose(code: str | None) -> bool:
    """An amount of a drug: a mass, volume or amount, per day or per kg of body weight."""
    if not code or unit_facts(code) is None:
        return False
    return any(same_kind(code, kind) for kind in DOSE_KINDS)


@lru_cache(maxsize=1024)
def is_period(code: str | None) -> bool:
    """A time of a minute or longer: how long an illness, a treatment or a stay lasts,
    where seconds are the value of a timed test ("Timed Up and Go < 12 seconds")."""
    facts = unit_facts(code) if code else None
    return facts is not None and facts.time and (facts.seconds or 0) >= _MINUTE


_MINUTE = 60.0


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
    return load_analytes()


def load_analytes(text: str | None = None) -> tuple[dict[str, Analyte], dict[str, Analyte]]:
    """Analytes by LOINC code and by lower-case name (``text``: analytes.tsv's text; default
    the file). A molar mass must be a positive number; a code or name names one analyte."""
    by_code: dict[str, Analyte] = {}
    by_name: dict[str, Analyte] = {}
    for row in read_table("analytes.tsv", ("analyte", "molar_mass", "loinc", "names"), text=text):
        try:
            mass = float(row["molar_mass"])
        except ValueError:
            mass = math.nan
        if not (math.isfinite(mass) and mass > 0):
            raise RuleError(f"analytes.tsv: {row['analyte']}: bad molar mass {row['molar_mass']!r}")
        analyte = Analyte(row["analyte"], mass, split_list(row["loinc"]),
                          tuple(dict.fromkeys((row["analyte"], *split_list(row["names"])))))
        for table, keys in ((by_code, analyte.codes), (by_name, [name.lower() for name in analyte.names])):
            for key in dict.fromkeys(keys):
                if key in table:
                    raise RuleError(f"analytes.tsv: {key!r} names both {table[key].name!r} and {analyte.name!r}")
                table[key] = analyte
    return by_code, by_name


def analyte(code: str | None = None, name: str | None = None) -> Analyte | None:
    """The analyte a LOINC code, else a (lower-case) name, stands for."""
    by_code, by_name = _analytes()
    if code and code in by_code:
        return by_code[code]
    return by_name.get(name.lower()) if name else None
