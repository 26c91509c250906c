"""Quantities in contract language: durations, day windows, money, percentages, jurisdictions.

English and French number words are understood ("thirty-six (36) months", « deux (2) ans »); when the
words and the digits disagree ("three (5) years") the quantity says so and keeps the larger value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Optional, Pattern

from termcheck.rules.precompiled import code_regex
from termcheck.trie import trie_regex

_UNITS_EN = {
    "zero": 0, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
_UNITS_FR = {
    "zéro": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9,
    "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20, "trente": 30,
    "quarante": 40, "cinquante": 50, "soixante": 60, "septante": 70, "octante": 80, "huitante": 80, "nonante": 90,
}
_SCALES = {"hundred": 100, "cent": 100, "cents": 100, "thousand": 1000, "mille": 1000, "million": 1_000_000, "millions": 1_000_000}
_FILLER = {"and", "et"}
_WORDS = set(_UNITS_EN) | set(_UNITS_FR) | set(_SCALES) | _FILLER | {"quatre-vingt", "quatre-vingts"}
_NUM_WORDS_RE = "(?:" + trie_regex([w for w in _WORDS if w not in ("a", "an")]) + ")"  # a trie: tried at every word
NUMBER_RE = code_regex(
    rf"(?P<words>\b(?:a|an|{_NUM_WORDS_RE})(?:[\s-]+{_NUM_WORDS_RE}){{0,6}}\b)(?:\s*\(\s*(?P<paren>\d+(?:[.,]\d+)?)\s*\))?"
    rf"|\(\s*(?P<paren2>\d+(?:[.,]\d+)?)\s*\)"
    rf"|(?P<digits>\b\d+(?:[.,]\d+)?\b)",
    re.IGNORECASE,
)

_TOKEN_SPLIT = code_regex(r"[\s-]+")


def words_to_number(text: str) -> Optional[int]:
    """'thirty-six' -> 36, 'quatre-vingt-dix' -> 90, 'vingt et un' -> 21, 'one hundred' -> 100; None if not a number."""
    tokens = [t for t in _TOKEN_SPLIT.split(text.lower().strip()) if t]
    if len(tokens) > 1 and tokens[0] in ("a", "an"):
        tokens = tokens[1:]  # "a two-year term" is two years
    if not tokens:
        return None
    total = current = 0
    seen = False
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t in _FILLER:
            i += 1
            continue
        if t == "quatre" and i + 1 < len(tokens) and tokens[i + 1] in ("vingt", "vingts"):
            current += 80
            i += 2
            seen = True
            continue
        if t in ("quatre-vingt", "quatre-vingts"):
            current += 80
        elif t in _UNITS_EN or t in _UNITS_FR:
            value = _UNITS_EN.get(t, _UNITS_FR.get(t, 0))
            # a unit adds to a round number ("twenty one", « dix-sept », « soixante et onze »), not to another unit: "one
            # thirteen (13) week cycle" is one cycle of thirteen weeks, not fourteen
            current = value if current % 10 else current + value
        elif t in _SCALES:
            scale = _SCALES[t]
            if scale >= 1000:
                total += max(current, 1) * scale
                current = 0
            else:
                current = max(current, 1) * scale
        else:
            return None
        seen = True
        i += 1
    return total + current if seen else None


@dataclass
class Number:
    """A number as written: its value, and a note when words and digits disagree."""

    value: float
    start: int
    end: int
    conflict: Optional[str] = None


def _to_float(digits: str) -> float:
    """'1.5' or '1,5' -> 1.5 (a decimal comma is French)."""
    return float(digits.replace(",", "."))


def find_numbers(text: str, start: int = 0, end: Optional[int] = None) -> list[Number]:
    """Every number in text (or in text[start:end], offsets still in text), in digits, words, or both ('three (3)')."""
    out = []
    for m in NUMBER_RE.finditer(text, start, len(text) if end is None else end):
        if m.group("digits"):
            out.append(Number(_to_float(m.group("digits")), m.start(), m.end()))
            continue
        words, paren = m.group("words"), m.group("paren") or m.group("paren2")
        if not words and not paren:
            continue
        wv = words_to_number(words) if words else None
        if words and wv is None and not paren:
            continue
        pv = _to_float(paren) if paren else None
        if wv is not None and pv is not None and wv != pv:
            out.append(Number(max(wv, pv), m.start(), m.end(), conflict=f"'{m.group().strip()}': the words say {wv:g} but the digits say {pv:g}"))
        elif pv is not None or wv is not None:
            value = pv if pv is not None else float(wv)  # type: ignore[arg-type]
            out.append(Number(value, m.start("words") if words else m.start(), m.end(), None))
    return out


_UNIT = (
    r"(?P<unit>years?|yrs?|months?|weeks?|fortnights?|days?|hours?|hrs?|(?:calendar|academic|school|consecutive|successive)\s+(?:days?|weeks?|months?|years?)|business\s+days?|working\s+days?"
    r"|ans?|années?|mois|semaines?|heures?|jours?(?:\s+(?:ouvrés|ouvrables|calendaires|francs))?)"
)
_UNIT_RE = code_regex(rf"\b{_UNIT}\b", re.IGNORECASE)
_YEAR_FACTOR = {"y": 1.0, "m": 1 / 12, "w": 7 / 365, "f": 14 / 365, "d": 1 / 365, "h": 1 / (24 * 365)}


@dataclass
class Duration:
    """A span of time found in text."""

    years: float
    days: float
    text: str
    start: int
    end: int
    business: bool = False
    conflict: Optional[str] = None


def _unit_kind(unit: str) -> str:
    """'y', 'm', 'w', 'f', 'd' or 'h' for a unit as written ('working days' is days, not weeks)."""
    u = unit.lower()
    if " " in u and not u.startswith(("business", "working", "jour")):  # "one calendar month", "three academic years"
        u = u.split(None, 1)[1]
    if "day" in u or u.startswith("jour"):
        return "d"
    if u.startswith(("y", "an", "ann")):
        return "y"
    if u.startswith(("mo", "mois")):
        return "m"
    if u.startswith(("w", "sem")):
        return "w"
    if u.startswith("f"):  # a fortnight
        return "f"
    if u.startswith("h"):  # hours, hrs, heures
        return "h"
    return "d"


# How far before a unit its number may start: "one hundred and twenty-five thousand (125,000)" is 46 characters.
_NUMBER_REACH = 64


# "two and a half years" (the half between the number and its unit), "a year and a half", « deux ans et demi »
_HALF_BEFORE = code_regex(r"\s*(?:(?:and\s+)?a\s+half|½)[\s-]*", re.IGNORECASE)
_HALF_AFTER = code_regex(r"\s+(?:and\s+a\s+half|et\s+demie?)(?![\w-])", re.IGNORECASE)
# "two years and six months": one duration written in two units
_JOINS_UNITS = code_regex(r"\s*,?\s*(?:and|et|plus)\s+", re.IGNORECASE)
_CONNECTOR_FIRST = code_regex(r"(?:and|et|plus)\s", re.IGNORECASE)  # a number read with its "and": "and six months"
# "ends on the third anniversary of the Session Date": that many years
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
    "tenth": 10, "premier": 1, "deuxième": 2, "troisième": 3, "quatrième": 4, "cinquième": 5,
    "sixième": 6, "septième": 7, "huitième": 8, "neuvième": 9, "dixième": 10,
}
_ANNIVERSARY = code_regex(
    r"\b(?P<ord>" + "|".join(_ORDINALS) + r"|(?P<n>\d{1,2})(?:st|nd|rd|th|e|ème))\s+(?:anniversary|anniversaire)\b", re.IGNORECASE
)


def find_durations(text: str) -> list[Duration]:
    """Durations: 'three (3) years', '36 months', 'a two-year term', « deux (2) ans », 'within one month',
    'two and a half years', 'two years and six months', 'the third anniversary'."""
    out: list[Duration] = []
    units = list(_UNIT_RE.finditer(text))
    for m in units:
        # Only the number right before the unit counts, so only the text just before it is read
        # (from a word start, so that 'thirty-six' is not read as 'six').
        window = floor = max(0, m.start() - _NUMBER_REACH)
        while window > max(0, floor - 40) and not text[window - 1].isspace():
            window -= 1
        numbers = find_numbers(text, window, m.start())
        half = 0.0
        before = [n for n in numbers if n.end <= m.start() and not text[n.end:m.start()].strip(" -()")]
        if not before:
            before = [n for n in numbers if n.end <= m.start() and _HALF_BEFORE.fullmatch(text, n.end, m.start())]
            half = 0.5
        if not before:
            continue
        n = before[-1]
        if _YEAR_RANGE_START.search(text, max(0, n.start - 8), n.start):
            continue  # "the 2027-28 school year": the end of a range of years, not 28 of them
        if _AGE_BEFORE.search(text, max(0, n.start - 14), n.start) or _AGE_AFTER.match(text, m.end()):
            continue  # « âgée de 8 ans », "aged 11 years", "a 9-year-old child": a person's age, not a period
        unit = m.group("unit")
        number_text = text[n.start:n.end].lower()
        if unit.lower() in ("an", "ans") and not re.search(r"\d", number_text) and not any(
            w in _UNITS_FR for w in _TOKEN_SPLIT.split(number_text)
        ):
            continue  # English "(a) an exclusive licence" is not « un an »
        end = m.end()
        after = _HALF_AFTER.match(text, end) if not half else None
        if after:
            half, end = 0.5, after.end()
        kind = _unit_kind(unit)
        value = n.value + half
        business = bool(re.search(r"business|working|ouvrés|ouvrables", unit, re.IGNORECASE))
        days = value * {"y": 365, "m": 30, "w": 7, "f": 14, "d": 1, "h": 1 / 24}[kind] * (7 / 5 if business else 1)
        out.append(Duration(value * _YEAR_FACTOR[kind], days, text[n.start:end], n.start, end, business, n.conflict))
    for a in _ANNIVERSARY.finditer(text):
        years = float(a.group("n") or _ORDINALS[a.group("ord").lower()])
        out.append(Duration(years, years * 365, a.group(), a.start(), a.end()))
    for m in _SEASONS.finditer(text):
        years = float(_season_count(m.group("list")))
        out.append(Duration(years, years * 365, m.group(), m.start(), m.end()))
    for m in _SCHOOL_YEAR.finditer(text):
        out.append(Duration(1.0, 365.0, m.group(), m.start(), m.end()))
    return _join_compound(sorted(out, key=lambda d: d.start), text)


# Sports or theatre seasons named by their years: "for the 2027/28 and 2028/29 seasons" (two), "the 2027/28
# to 2029/30 seasons" (three), "the 2027-28 season" (one), "the 2026-27 and 2027-28 football seasons" (two);
# a season within one year: "during the 2027 season" (one; not the first year of "2027-2028")
_SEASON_YEAR = r"(?:19|20)\d\d(?:[/–-](?:(?:19|20)\d\d|\d\d)\b|(?![/–-]\d))"
# ... and school years listed so: "for the 2027-28, 2028-29 and 2029-30 school years" (three)
_SEASONS = code_regex(
    rf"\b(?P<list>{_SEASON_YEAR}(?:\s*(?:,|and|&|to|through|until|–|-)\s*(?:the\s+)?{_SEASON_YEAR})*)"
    r"(?:(?:\s+[a-z]+){0,2}?\s+seasons?|\s+(?:school|academic)\s+years)\b",
    re.IGNORECASE,
)


# a person's age: « l'enfant Léa Dubois, âgée de 8 ans », "aged 11 years", "a child of 9 years of age", "9 years old",
# "under the age of 18 years", "18 years or older"
_AGE_BEFORE = code_regex(r"\b(?:âgée?s?\s+de|aged|age|age\s+of|âge\s+de)\s+$", re.IGNORECASE)
_AGE_AFTER = code_regex(r"[\s-]*(?:old\b|of\s+age\b|d['’]âge\b|(?:or|and)\s+(?:older|over|above|under|younger)\b)", re.IGNORECASE)


# the start of a range of years right before a number: "2027-" of "2027-28"
_YEAR_RANGE_START = code_regex(r"\b(?:19|20)\d\d\s*[/–-]\s*$")
# One school year named by its years: "the 2027-28 school year", "academic year 2027/2028", « l'année scolaire 2027-2028 »,
# and one season named the French way: « pour la saison 2027-2028 », « la saison sportive 2027/2028 »
_SCHOOL_YEAR_SPAN = r"(?:19|20)\d\d\s*[/–-]\s*(?:19|20)?\d\d\b"
_SCHOOL_YEAR = code_regex(
    rf"\b(?:{_SCHOOL_YEAR_SPAN}\s+(?:school|academic)\s+year\b|(?:school|academic)\s+year\s+{_SCHOOL_YEAR_SPAN}"
    rf"|ann[ée]e\s+(?:scolaire|universitaire)\s+{_SCHOOL_YEAR_SPAN}|saison\s+(?:sportive\s+|théâtrale\s+|culturelle\s+)?{_SCHOOL_YEAR_SPAN}"
    # ... or the one under way, to its end (at most a year): "until the end of the school year", « jusqu'à la fin de l'année scolaire »
    r"|(?:until|till|to|through)\s+the\s+end\s+of\s+the\s+(?:current\s+|present\s+|this\s+)?(?:school|academic)\s+year\b(?!\s+(?:in|during|after|when|that|following|of)\b)"
    r"|jusqu['’]\s*(?:à|a)\s+la\s+fin\s+de\s+l['’]\s*ann[ée]e\s+(?:scolaire|universitaire)\b(?!\s+(?:au\s+cours|pendant|durant|où|lors|de|suivant)\b))",
    re.IGNORECASE,
)


_SEASON_RANGE = code_regex(rf"\b(?:to|through|until)\b|\d\s*[–-]\s*(?:the\s+)?{_SEASON_YEAR}", re.IGNORECASE)


def _season_count(listed: str) -> int:
    """How many seasons a list ("2027/28 and 2028/29") or a range ("2027/28 to 2029/30") of season years names."""
    starts = [int(y[:4]) for y in re.findall(_SEASON_YEAR, listed)]
    if _SEASON_RANGE.search(listed):
        return max(starts) - min(starts) + 1
    return len(starts)


def _join_compound(found: list[Duration], text: str) -> list[Duration]:
    """'two years and six months' is one duration of 2.5 years, not two of 2 and 0.5."""
    out: list[Duration] = []
    for d in found:
        prev = out[-1] if out else None
        if (
            prev is not None and d.years < prev.years and not prev.business and not d.business
            and (
                _JOINS_UNITS.fullmatch(text, prev.end, d.start)
                or (not text[prev.end:d.start].strip(" ,") and _CONNECTOR_FIRST.match(d.text) is not None)
            )
        ):
            out[-1] = Duration(prev.years + d.years, prev.days + d.days, text[prev.start:d.end], prev.start, d.end, False, prev.conflict or d.conflict)
            continue
        out.append(d)
    return out


_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8, "september": 9,
    "october": 10, "november": 11, "december": 12, "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4,
    "mai": 5, "juin": 6, "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12,
    "decembre": 12,
}
_DATE = code_regex(
    r"\b(?:(?P<d1>\d{1,2})(?:er|st|nd|rd|th)?\s+(?P<m1>[a-zéû]+)\s*,?\s+(?P<y1>(?:19|20)\d\d)"
    r"|(?P<m2>[a-z]+)\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y2>(?:19|20)\d\d)"
    r"|(?P<y3>(?:19|20)\d\d)-(?P<m3>\d\d)-(?P<d3>\d\d))\b",
    re.IGNORECASE,
)


def find_dates(text: str) -> list[tuple[date, int, int]]:
    """Calendar dates: '31 December 2028', 'December 31, 2028', '2028-12-31', « 1er janvier 2026 »."""
    out = []
    for m in _DATE.finditer(text):
        try:
            if m.group("y1"):
                month = _MONTHS.get(m.group("m1").lower())
                day, year = int(m.group("d1")), int(m.group("y1"))
            elif m.group("y2"):
                month = _MONTHS.get(m.group("m2").lower())
                day, year = int(m.group("d2")), int(m.group("y2"))
            else:
                month, day, year = int(m.group("m3")), int(m.group("d3")), int(m.group("y3"))
            if month:
                out.append((date(year, month, day), m.start(), m.end()))
        except ValueError:
            continue
    return out


# The words around a range of dates: "from 1 January 2026 to 31 December 2027", « du 1er janvier 2026 au 31 décembre 2027 »
_RANGE_OPEN = r"\b(?:from|between|du|entre\s+le)\s+(?:the\s+|le\s+)?"
_RANGE_FROM = code_regex(_RANGE_OPEN + r"$", re.IGNORECASE)
_RANGE_TO = code_regex(r"^\s*(?:to|and|au|et\s+le|[-–])\s*(?:the\s+|le\s+)?$", re.IGNORECASE)
# ... and a start that leaves its year to the end date: "from 1 March to 31 May 2027", « du 1er mars au 31 mai 2027 »
_YEARLESS_RANGE_START = code_regex(
    _RANGE_OPEN
    + r"(?:(?P<d1>\d{1,2})(?:er|st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>[a-zéû]+)|(?P<m2>[a-z]+)\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?)"
    r"\s*(?:to|and|until|till|through|au|et\s+le|[-–])\s*(?:the\s+|le\s+)?$",
    re.IGNORECASE,
)


def find_date_range(text: str, dates: Optional[list[tuple[date, int, int]]] = None) -> Optional[tuple[date, date, int]]:
    """A range of dates in the text, its start, its end and where the end date ends: 'from 1 January 2026 to 31 December
    2027', « du 1er janvier 2026 au 31 décembre 2027 », 'from 1 March to 31 May 2027' (dates: find_dates(text), if read)."""
    dates = find_dates(text) if dates is None else dates
    for (d1, s1, e1), (d2, s2, e2) in zip(dates, dates[1:]):
        if d2 > d1 and _RANGE_FROM.search(text[max(0, s1 - 16):s1]) and _RANGE_TO.match(text[e1:s2]):
            return d1, d2, e2
    for d2, s2, e2 in dates:
        start = yearless_range_start(text[max(0, s2 - 40):s2], d2)
        if start is not None:
            return start, d2, e2
    return None


def yearless_range_start(before: str, end: date) -> Optional[date]:
    """The start of a range that takes its year from its end date ('from 1 March to 31 May 2027'), if one ends here."""
    m = _YEARLESS_RANGE_START.search(before)
    month = m and _MONTHS.get((m.group("m1") or m.group("m2")).lower())
    if not month:
        return None
    day = int(m.group("d1") or m.group("d2"))
    # the latest such day before the end: "from 1 November to 31 January 2028" began the year before
    for year in (end.year, end.year - 1):
        try:
            start = date(year, month, day)
        except ValueError:
            continue  # 29 February in a year without one, or 31 February
        if start < end:
            return start
    return None


_VAGUE = code_regex(
    r"\b(?:promptly|as\s+soon\s+as\s+(?:reasonably\s+)?(?:practicable|possible)|without\s+undue\s+delay|in\s+a\s+timely\s+manner"
    r"|within\s+a\s+reasonable\s+(?:time|period)|reasonable\s+time|forthwith|expeditiously|commercially\s+reasonable"
    r"|dans\s+les\s+meilleurs\s+délais|sans\s+délai|dans\s+un\s+délai\s+raisonnable|rapidement)\b",
    re.IGNORECASE,
)


def find_vague_time(text: str) -> Optional[str]:
    """A vague deadline word ('promptly', « dans les meilleurs délais »), if any."""
    m = _VAGUE.search(text)
    return m.group() if m else None


# the second of two sides, after "and" / « et »: "... and the Performer" (not a third: "..., the Agent and")
_OTHER_SIDE = r"\s+(?:the\s+|l['’]|la\s+|le\s+)?(?!(?:the|la|le)\b)[\w'’-]+\b(?!\s*(?:,|and\b|et\b))"
_PERCENT = code_regex(
    r"(?P<num>\d+(?:[.,]\d+)?)\s*(?:%|per\s*cent\b|percent\b|pour\s*cent\b)"
    r"|(?P<words>\b[a-zéè-]+(?:[\s-]+[a-zéè-]+){0,3})\s+(?:per\s*cent|percent|pour\s*cent)\b"
    # an even split: "split 50/50", "on a 50-50 basis" (an uneven one does not say whose share is whose)
    r"|(?P<even>(?<![\d.,/])50\s*[/:–-]\s*50(?![\d.,/%]))"
    # ... or in words, between two sides: "split equally between the Company and the Performer", "shared equally
    # with the Company", « à parts égales entre la Société et l'Artiste » (not "equally among the performers")
    r"|(?P<even_words>\b(?:split|shares?|shared|sharing|divided|allocated|distributed)\s+(?:equally|evenly)\s+"
    rf"(?:between\s+(?:[\w'’-]+\s+){{1,3}}?and|with){_OTHER_SIDE}"
    rf"|\bin\s+equal\s+shares\s+between\s+(?:[\w'’-]+\s+){{1,3}}?and{_OTHER_SIDE}"
    rf"|\bà\s+parts\s+égales\s+entre\s+(?:[\w'’-]+\s+){{1,3}}?et{_OTHER_SIDE})",
    re.IGNORECASE,
)


def find_percentages(text: str) -> list[tuple[float, int, int]]:
    """Percentages: '20%', '20 %', 'twenty percent', « vingt pour cent », an even split ('50/50', 'split equally between A and B')."""
    out = []
    for m in _PERCENT.finditer(text):
        if m.group("even") or m.group("even_words"):
            out.append((50.0, m.start(), m.end()))
        elif m.group("num"):
            out.append((_to_float(m.group("num")), m.start(), m.end()))
        else:
            words = m.group("words").split()
            for k in range(len(words)):
                v = words_to_number(" ".join(words[k:]))
                if v is not None:
                    out.append((float(v), m.start(), m.end()))
                    break
    return out


CURRENCY = (
    r"(?:US\$|CA\$|AU\$|NZ\$|HK\$|R\$|S\$|C\$|A\$|\$|€|£|₹|¥|₩|₦|₱|euros?\b|dollars?\b|pounds?\b|rupees?\b|roupies?\b|yen\b"
    # a code ends where its letters do ("EUR500" is EUR, but "§4 Cadence pays" holds no "4 CAD")
    r"|(?:USD|EUR|GBP|CAD|AUD|CHF|INR|JPY|NZD|SGD|HKD|ZAR|BRL|MXN|SEK|NOK|DKK|PLN|CNY)(?![a-z])|₵|₺|₫|₴|₽|₪|฿"
    # word-bounded: "years 5" holds "ARS 5", "dollars" holds "ARS"
    r"|\b(?:KES|KSh\.?|NGN|GHS|UGX|TZS|RWF|ZMW|ETB|XOF|XAF|EGP|AED|SAR|QAR|KWD|PKR|BDT|LKR|NPR|IDR|MYR|THB|VND|KRW|TWD|ARS"
    r"|CLP|COP|HUF|CZK|ISK)(?![a-z])"
    r"|shillings?\b|naira\b|cedis?\b|rand\b|kronor\b|kroner\b|kronur\b|zlotys?\b|złoty\b|dirhams?\b|riyals?\b|pesos?\b"
    r"|reais\b|birr\b|kwacha\b|forints?\b|francs?\s+CFA\b)"
)
# "500 Kenyan shillings", "200 US dollars": a nation's adjective between the amount and its currency
_NATIONAL_CURRENCY = r"(?:us|u\.s\.|[a-z]+(?:an|ese|ish|i))\s+(?:dollars?|pounds?|euros?|rupees?|shillings?|pesos?|francs?|rand|dirhams?)\b"
# (an Indian grouping first: "INR 1,20,000" is one lakh twenty thousand)
_AMOUNT = r"(?:\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d{1,2})?|\d{1,3}(?:[ ,.\u00a0\u202f]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)(?:\s*(?:k|m|million|thousand))?"
_CURRENCY_BEFORE_ONLY = r"\bRs\.?"  # "Rs. 5,000" (after an amount, "rs" is too often something else)
# An amount in words: "one thousand dollars", « mille cinq cents euros », "five hundred pounds sterling"
_WORDS_AMOUNT = rf"\b(?!(?:and|et)\b){_NUM_WORDS_RE}(?:[\s-]+{_NUM_WORDS_RE}){{0,6}}\s+(?:{_NATIONAL_CURRENCY}|(?:dollars?|pounds?|euros?|francs?)\b)(?:\s+sterling\b)?"
# ... and in digits with the words after it: "250 (two hundred fifty) U.S. Dollars"
_SPELLED_AFTER = r"\s*\([a-zé\s-]{3,60}\)"
# what may stand between an amount in words and the same in digits: "One Thousand Dollars (US $1,000)"
_NEXT_TO = code_regex(r"[\s()\[\]\-–,]*(?:(?!(?:and|et|or|ou|plus)\b)[A-Za-z.]{1,4}[\s()\[\]]*)?", re.IGNORECASE)
# digits read out one by one ("point five one nine two dollars") are no amount in words
_DIGIT_WORD = "(?:" + "|".join(w for w, v in _UNITS_EN.items() if 1 <= v <= 9 and w not in ("a", "an")) + ")"
_DIGIT_BY_DIGIT = code_regex(rf"\b{_DIGIT_WORD}[\s-]+{_DIGIT_WORD}\b", re.IGNORECASE)


@lru_cache(maxsize=None)
def _money_re() -> Pattern[str]:
    """Amounts of money (compiled on first use: ~5 ms, and only pay clauses need it)."""
    return re.compile(
        rf"(?:(?:{CURRENCY}|{_CURRENCY_BEFORE_ONLY})\s?(?:{_AMOUNT}|\[[^\]]{{0,60}}\]|_{{3,}})"
        rf"|(?:{_AMOUNT}|\[[^\]]{{0,60}}\]|_{{3,}})(?:{_SPELLED_AFTER})?\s?(?:{CURRENCY}|{_NATIONAL_CURRENCY})"
        rf"|(?P<words>{_WORDS_AMOUNT}))",
        re.IGNORECASE,
    )


def find_money(text: str) -> list[tuple[str, int, int]]:
    """Amounts of money, including bracketed amount fields ('$[INSERT FEE]', '1 500,00 €'); an amount in words
    only where no amount in digits stands next to it ('One Thousand Dollars ($1,000)' is '$1,000')."""
    found = [m for m in _money_re().finditer(text) if not (m.group("words") and _DIGIT_BY_DIGIT.search(m.group()))]
    digits = [m for m in found if not m.group("words")]
    return [
        (m.group(), m.start(), m.end()) for m in found
        if not m.group("words")
        or not any(_NEXT_TO.fullmatch(text[min(m.end(), d.end()):max(m.start(), d.start())]) for d in digits)
    ]


# What a payout waits for is no pay: "once your balance exceeds [$25]", "minimum payout of [$10]".
_PAYOUT_THRESHOLD = code_regex(
    r"(?:\b(?:balance|earnings|payouts?)\s+(?:\w+\s+){0,2}?(?:exceeds?|reach(?:es)?|is\s+(?:above|over|at\s+least))"
    r"|\bminimum\s+(?:payout|withdrawal|balance)(?:\s+(?:amount|is|of))*"
    r"|\b(?:payout|withdrawal)\s+(?:threshold|minimum)(?:\s+(?:amount|is|of))*)\s*$",
    re.IGNORECASE,
)


def find_pay(text: str) -> list[tuple[str, int, int]]:
    """Amounts of money that may be pay: every amount but a payout threshold ('once your balance exceeds $25')."""
    return [m for m in find_money(text) if not _PAYOUT_THRESHOLD.search(text, max(0, m[1] - 60), m[1])]


_DEMONYMS = {
    "english": "England", "british": "England", "french": "France", "german": "Germany", "vietnamese": "Vietnam",
    "swiss": "Switzerland", "irish": "Ireland", "scottish": "Scotland", "scots": "Scotland", "dutch": "Netherlands",
    "belgian": "Belgium", "canadian": "Canada", "australian": "Australia", "italian": "Italy", "spanish": "Spain",
    "japanese": "Japan", "chinese": "China", "indian": "India", "colombian": "Colombia", "brazilian": "Brazil",
    "mexican": "Mexico", "korean": "Korea", "israeli": "Israel", "singaporean": "Singapore", "austrian": "Austria",
    "swedish": "Sweden", "danish": "Denmark", "norwegian": "Norway", "finnish": "Finland", "polish": "Poland",
    "portuguese": "Portugal", "greek": "Greece", "turkish": "Turkey", "russian": "Russia", "indonesian": "Indonesia",
    "argentine": "Argentina", "argentinian": "Argentina", "chilean": "Chile", "peruvian": "Peru", "taiwanese": "Taiwan",
    "lithuanian": "Lithuania", "latvian": "Latvia", "estonian": "Estonia", "czech": "Czech Republic", "hungarian": "Hungary",
    "romanian": "Romania", "bulgarian": "Bulgaria", "croatian": "Croatia", "slovak": "Slovakia", "slovenian": "Slovenia",
    "maltese": "Malta", "cypriot": "Cyprus", "icelandic": "Iceland", "ukrainian": "Ukraine", "thai": "Thailand",
    "malaysian": "Malaysia", "philippine": "Philippines", "nigerian": "Nigeria", "kenyan": "Kenya", "egyptian": "Egypt",
    "moroccan": "Morocco", "welsh": "Wales", "luxembourgish": "Luxembourg", "emirati": "United Arab Emirates",
    "luxembourg": "Luxembourg", "québec": "Quebec", "quebec": "Quebec",
}  # the French adjectives (« français », « belge » ...) are FR_LAW_ADJECTIVES, below
_ALIASES = {"prc": "China", "p.r.c.": "China", "u.s.": "United States", "u.s.a.": "United States", "usa": "United States",
            "united states of america": "United States", "uk": "UK", "u.k.": "UK"}
# "laws of", "Laws, other than its conflict rules, of", « droit du/de la », then the place.
_LAWS_OF = code_regex(
    r"(?i:\b(?:laws?|droit|lois?|legislation|législation|regulations)\b)(?:,[^,.;]{0,80},)?\s+(?i:in\s+force\s+)?"
    r"(?:(?i:de\s+l['’])\s*|(?i:of|du|de\s+la|des|de|in|applicable\s+in)\s+)"
)
_PREFIX = code_regex(
    r"^(?i:the\s+)?(?i:(?:internal|substantive|domestic)\s+(?:laws?\s+of\s+(?:the\s+)?)?)?"
    r"(?i:(?:state|commonwealth|province|republic|federal\s+republic|kingdom|people['’]s\s+republic|grand\s+duchy|canton|territory)\s+of\s+(?:the\s+)?)?"
    r"(?i:(?:l['’]\s*)?(?:état|etat|province|république|canton|territoire)\s+(?:de\s+(?:la\s+|l['’]\s*)?|du\s+|d['’]\s*))?"
)
# French names of places whose English name differs (the value is reported in English, as the
# rest of the report is); longest first, so "Irlande du Nord" is not read as "Irlande".
_FR_PLACES = {
    "angleterre et du pays de galles": "England and Wales", "angleterre et pays de galles": "England and Wales",
    "irlande du nord": "Northern Ireland", "caroline du nord": "North Carolina", "caroline du sud": "South Carolina",
    "nouvelle-galles du sud": "New South Wales", "colombie-britannique": "British Columbia",
    "royaume-uni": "UK", "états-unis d'amérique": "United States", "états-unis": "United States",
    "etats-unis": "United States", "nouveau-mexique": "New Mexico", "pays-bas": "Netherlands",
    "angleterre": "England", "écosse": "Scotland", "ecosse": "Scotland", "irlande": "Ireland", "californie": "California",
    "floride": "Florida", "géorgie": "Georgia", "pennsylvanie": "Pennsylvania", "virginie": "Virginia",
    "louisiane": "Louisiana", "allemagne": "Germany", "belgique": "Belgium", "suisse": "Switzerland",
    "espagne": "Spain", "italie": "Italy", "autriche": "Austria", "suède": "Sweden", "danemark": "Denmark",
    "norvège": "Norway", "pologne": "Poland", "grèce": "Greece", "japon": "Japan", "chine": "China", "inde": "India",
    "mexique": "Mexico", "brésil": "Brazil", "singapour": "Singapore", "australie": "Australia",
    "nouvelle-zélande": "New Zealand", "québec": "Quebec",
}
_FR_PLACE = code_regex(
    r"(?i)(?:" + "|".join(re.escape(k).replace(r"\ ", r"\s+").replace("'", "['’]")
                          for k in sorted(_FR_PLACES, key=len, reverse=True)) + r")(?![\w-])"
)
_STOP = {
    "applicable", "without", "excluding", "exclusive", "shall", "will", "as", "in", "other", "regardless", "irrespective",
    "notwithstanding", "that", "which", "including", "except", "to", "for", "with", "by", "governing", "apply", "applies",
    "provided", "hereto", "thereof", "therein", "governs", "govern", "but", "sans", "à", "et", "excepting", "exclusion",
}
_NOT_PLACES = {"territory", "country", "jurisdiction", "company", "licensor", "licensee", "state", "party", "parties",
               "agreement", "seller", "buyer", "such", "that", "said", "any", "each", "all", "applicable", "federal",
               "local", "foreign", "international", "national", "common", "civil", "case", "statutory", "bankruptcy",
               "contract", "patent", "copyright", "trademark", "competition", "antitrust", "employment", "tax", "securities",
               "the", "a", "an"}  # "THE LAWS OF THE" at the foot of a page: the place is on the next one
# "the law of Your country", "THE LAWS OF SOME STATES": a place named by who or how many, not by name.
_NOT_FIRST_WORDS = {"your", "you", "my", "our", "his", "her", "their", "its", "some", "certain", "other", "many", "most",
                    "these", "those", "this", "every", "no", "votre", "vos", "leur", "leurs", "son", "sa", "ses"}


def _names_a_place(place: str, also_not_first: frozenset[str] = frozenset()) -> bool:
    """True when words found where a place should be name one ("New York"), not a role, a kind of law or "Your country"."""
    if not place or len(place) > 60 or place.lower() in _NOT_PLACES:
        return False
    first = place.split()[0].lower()
    # "the law applicable in the Performer's country of residence": a party's place, not a place's name
    return first not in _NOT_FIRST_WORDS and first not in also_not_first and not first.endswith(("'s", "’s", "s'", "s’"))


_COURTS_OF = code_regex(r"(?i:\bcourts?\s+(?:located\s+)?(?:of|in)\s+)")
_BACKREF = code_regex(r"(?i:\b(?:state|commonwealth|province)\s+of\s+)(?P<place>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})")
_PLACE_LAW = code_regex(
    r"\b(?P<place>[A-ZÀ-Ý][a-zà-ÿ]+(?:\s+[A-ZÀ-Ý][a-zà-ÿ]+){0,2})\s+(?:private\s+|civil\s+|commercial\s+|substantive\s+)?law\b"
    r"(?=\s+(?:applies|governs|shall\s+(?:apply|govern)|will\s+(?:apply|govern)|without|excluding|except|regardless|notwithstanding|exclusive|by|before|in\s+force)\b|[.,;:)]|\s+and\b|\s*$)"
)
# « le droit californien », « la loi new-yorkaise »: the law named by its adjective (masculine for
# « droit », feminine for « loi »), to the place it names.
FR_LAW_ADJECTIVES = {
    "français": ("française", "France"), "belge": ("belge", "Belgium"), "suisse": ("suisse", "Switzerland"),
    "luxembourgeois": ("luxembourgeoise", "Luxembourg"), "canadien": ("canadienne", "Canada"),
    "québécois": ("québécoise", "Quebec"), "anglais": ("anglaise", "England"), "allemand": ("allemande", "Germany"),
    "californien": ("californienne", "California"), "new-yorkais": ("new-yorkaise", "New York"),
    "ontarien": ("ontarienne", "Ontario"), "écossais": ("écossaise", "Scotland"), "irlandais": ("irlandaise", "Ireland"),
    "espagnol": ("espagnole", "Spain"), "italien": ("italienne", "Italy"), "néerlandais": ("néerlandaise", "Netherlands"),
    "américain": ("américaine", "United States"), "britannique": ("britannique", "UK"), "monégasque": ("monégasque", "Monaco"),
    "autrichien": ("autrichienne", "Austria"), "portugais": ("portugaise", "Portugal"), "texan": ("texane", "Texas"),
}
_FR_LAW_PLACE = {form: place for masculine, (feminine, place) in FR_LAW_ADJECTIVES.items() for form in (masculine, feminine)}
_FR_LAW = code_regex(
    r"\bdroit\s+(?P<fr>" + "|".join(map(re.escape, FR_LAW_ADJECTIVES)) + r")(?![\w-])"
    r"|\blois?\s+(?P<fr_f>" + "|".join(sorted({re.escape(f) for f, _ in FR_LAW_ADJECTIVES.values()})) + r")s?(?![\w-])",
    re.IGNORECASE,  # « Droit français. » opening its paragraph under « Droit applicable »
)


def _place_words(rest: str) -> str:
    """The capitalised words at the start of rest that name a place ('New York', 'England and Wales')."""
    words: list[str] = []
    rest = re.split(r"[,;:()]", rest, maxsplit=1)[0]
    for m in re.finditer(r"[^\s]+", rest):
        w = m.group().rstrip(".")
        low = w.lower()
        if low in _STOP and words:
            break
        if words and all(x.isupper() for x in words if x.isalpha()) and not w.isupper():
            break  # "NEW YORK The Franchisee ...": a place in capitals ends where the capitals do
        if w[:1].isupper() or w.startswith("["):
            words.append(w)
            # a full stop ends the place, not one after initials ("U.S.") or a saint's "St." ("St. Kitts and Nevis")
            if m.group().endswith(".") and not re.fullmatch(r"(?:[A-Z]\.)+|St\.|Ste\.", m.group()):
                break
        elif low in ("and", "&", "of", "et") and words:
            words.append(w)
        else:
            break
    while words and words[-1].lower() in ("and", "&", "of", "et"):
        words.pop()
    return " ".join(words)


# Every other way of naming a place, to the English name the report uses: "U.S.A.", "Lithuanian", « Californie ».
_PLACE_NAMES = {**_FR_PLACES, **_DEMONYMS, **_FR_LAW_PLACE, **_ALIASES}


def _place_key(place: str) -> str:
    """A place name as _PLACE_NAMES is keyed: lower case, single spaces, straight apostrophes."""
    return re.sub(r"\s+", " ", place.lower()).replace("’", "'")


def _clean_place(place: str) -> str:
    """Tidy a place name: '&' as 'and', capitals, template brackets, and its English name."""
    if place.startswith("["):
        place = place[1:].split("]")[0].split("/")[0].strip()
    place = re.sub(r"\s*&\s*", " and ", place).strip(" .")
    # initials lose their last full stop above ("U.S.A"): look them up with it
    dotted = _PLACE_NAMES.get(_place_key(place) + ".") if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", place) else None
    if dotted:
        return dotted
    if place.isupper() and len(place) > 3:
        place = " ".join(w.capitalize() for w in place.split())
    # "ENGLAND AND WALES", "The Laws Of England And Wales": the joining words in lower case
    place = re.sub(r" (And|Of|Et) ", lambda m: f" {m.group(1).lower()} ", place)
    return _PLACE_NAMES.get(_place_key(place), place)


# A clause that is a place alone, after a run-in title: "California.", "Ontario, Canada."
_PLACE_ALONE = r"(?=[A-Z][\w'’-]*(?:,?\s+(?:of|and|&|[A-Z][\w'’-]*)){0,5}\.\s*$)"
# A form's field: "Governing Law: New York", « Loi applicable : droit français », a table's row "| Governing law | England and Wales |".
_LAW_FIELD = code_regex(
    r"(?:(?i:governing\s+law|applicable\s+law|choice\s+of\s+law|loi\s+applicable|droit\s+applicable)"
    # "Governing Law: California", or a run-in title with the place as its whole clause: "Governing Law. California.",
    # "Governing law. Ontario, Canada."
    rf"(?:\s*[:–|-]\s*|\.\s+{_PLACE_ALONE}"
    # "the Creator Agreement, including its governing law (Colorado), continue to apply"
    r"|\s*\((?=[A-Z][\w'’-]*(?:\s+(?:of|and|&|[A-Z][\w'’-]*)){0,5}\)))"
    # a bare "Law: England and Wales." opening its sentence, with a colon (not "Law. The law of ... applies"),
    # or a run-in "Law. New York." whose clause is the place alone
    r"|^\W*(?:\d+[.)]?\s*)?(?i:law|laws|loi|droit)\s*:\s*"
    rf"|^\W*(?:\d+[.)]?\s*)?(?i:law|laws|loi|droit)\.\s+{_PLACE_ALONE})"
)


def _fuller_place(text: str, place: str, start: int, end: int) -> tuple[str, int, int]:
    """The field's place, or the fuller name the clause gives it: 'Law: Wales (the law of England and Wales)'."""
    m = _LAWS_OF.search(text, end)
    if m:
        prefix = _PREFIX.match(text, m.end())
        at = prefix.end() if prefix else m.end()
        named = _place_words(text[at:])
        fuller = _clean_place(named) if _names_a_place(named) else place
        if fuller != place and re.search(rf"\b{re.escape(place)}\b", fuller):
            return fuller, at, at + len(named)
    return place, start, end


def find_jurisdiction(text: str) -> Optional[tuple[str, int, int]]:
    """The place a governing-law sentence names: 'the laws of the State of New York' -> 'New York'."""
    field = _LAW_FIELD.search(text)
    if field:
        rest = text[field.end():]
        prefix = _PREFIX.match(rest)
        start = field.end() + (prefix.end() if prefix else 0)
        place = _place_words(text[start:])
        # "Governing Law: the laws of ...", a table's "| Droit applicable | Droit français |": read below
        if _names_a_place(place, frozenset({"law", "laws", "droit", "loi"})):
            return _fuller_place(text, _clean_place(place), start, start + len(place))
    for m in _LAWS_OF.finditer(text):
        rest = text[m.end():]
        prefix = _PREFIX.match(rest)
        rest = rest[prefix.end():] if prefix else rest
        low = rest.lower()
        if low.startswith(("that state", "such state", "said state", "the said state", "this state")) or text[m.start():m.end() + 8].lower().endswith("thereof"):
            back = list(_BACKREF.finditer(text[:m.start()]))
            if back:
                return _clean_place(back[-1].group("place")), back[-1].start("place"), back[-1].end("place")
        if low.startswith(("that jurisdiction", "such jurisdiction", "that country", "such country")):
            # "the jurisdiction of the Courts of the Republic of Ireland and ... the law in that jurisdiction"
            for c in reversed(list(_COURTS_OF.finditer(text, 0, m.start()))):
                prefix = _PREFIX.match(text[c.end():])
                start = c.end() + (prefix.end() if prefix else 0)
                place = _place_words(text[start:m.start()])
                if _names_a_place(place):
                    return _clean_place(place), start, start + len(place)
        fr = _FR_PLACE.match(rest)  # « Irlande du Nord »: French names may hold lower-case words
        place = fr.group() if fr else _place_words(rest)
        if _names_a_place(place):
            start = text.index(rest[:len(place)], m.end()) if rest[:len(place)] in text[m.end():] else m.end()
            return _clean_place(place), start, start + len(place)
    if re.search(r"(?i)\blaws\s+thereof\b", text):
        back = list(_BACKREF.finditer(text))
        if back:
            return _clean_place(back[-1].group("place")), back[-1].start("place"), back[-1].end("place")
    p = _PLACE_LAW.search(text)
    if p and _names_a_place(p.group("place"), frozenset({"applicable", "governing", "the"})):
        place = p.group("place")
        name = _clean_place(place)
        if name == place:  # "English private law", "Swiss Federal law": the first word names the place
            name = _PLACE_NAMES.get(_place_key(place.split()[0]), place)
        return name, p.start("place"), p.end("place")
    f = _FR_LAW.search(text)
    if f:
        return _FR_LAW_PLACE[(f.group("fr") or f.group("fr_f")).lower()], f.start(), f.end()
    return None
