"""Quantities: number words, durations, windows, money, percentages, dates, jurisdictions."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from termcheck.quantities import (
    find_dates, find_durations, find_jurisdiction, find_money, find_pay, find_percentages, find_vague_time, words_to_number,
    find_date_range, yearless_range_start,
)

ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def english(n: int) -> str:
    """Spell 0-999 in English words."""
    if n < 20:
        return ONES[n]
    if n < 100:
        return TENS[n // 10] + ("-" + ONES[n % 10] if n % 10 else "")
    rest = n % 100
    return ONES[n // 100] + " hundred" + (" and " + english(rest) if rest else "")


@given(st.integers(min_value=0, max_value=999))
def test_english_number_words(n):
    assert words_to_number(english(n)) == n


@pytest.mark.parametrize(
    "words, n",
    [("vingt et un", 21), ("soixante-dix", 70), ("quatre-vingts", 80), ("quatre-vingt-dix", 90), ("septante", 70),
     ("deux cents", 200), ("mille", 1000), ("a", 1), ("a two", 2),
     # a unit adds to a round number only: "one thirteen (13) week cycle" is one cycle of thirteen weeks (sixty-third session)
     ("one thirteen", 13), ("dix-sept", 17), ("soixante et onze", 71), ("quatre-vingt-dix-neuf", 99)],
)
def test_french_and_odd_number_words(words, n):
    assert words_to_number(words) == n


@given(st.integers(min_value=1, max_value=99), st.sampled_from(["year", "month", "week", "day"]))
def test_durations_in_words_and_digits(n, unit):
    text = f"for a period of {english(n)} ({n}) {unit}{'s' if n != 1 else ''} from signature"
    found = find_durations(text)
    assert len(found) == 1
    factor = {"year": 1, "month": 1 / 12, "week": 7 / 365, "day": 1 / 365}[unit]
    assert abs(found[0].years - n * factor) < 1e-9
    assert found[0].conflict is None


@given(st.integers(min_value=1, max_value=20), st.integers(min_value=1, max_value=11), st.sampled_from(["and", ", and", "plus"]))
def test_years_and_months_are_one_duration(years, months, joiner):
    """'two years and six months' is 2.5 years, one duration over both units (not 2 and 0.5)."""
    text = f"the licence lasts {english(years)} years{joiner if joiner.startswith(',') else ' ' + joiner} {english(months)} months"
    found = find_durations(text)
    assert len(found) == 1
    assert abs(found[0].years - (years + months / 12)) < 1e-9
    assert found[0].text.startswith(english(years)) and found[0].text.endswith("months")


@pytest.mark.parametrize(
    "text, years",
    [("for two and a half years", 2.5), ("a year and a half", 1.5), ("for 1 ½ years", 1.5), ("deux ans et demi", 2.5),
     ("one and a half (1.5) years", 1.5), ("on the third anniversary of signature", 3), ("au troisième anniversaire", 3),
     ("until the 5th anniversary", 5), ("within a fortnight", 14 / 365),
     # seasons named by their years: a list counts each, a range counts from first to last
     ("for the 2027/28 and 2028/29 seasons", 2), ("the 2027/28 to 2029/30 seasons", 3), ("the 2027-28 season", 1),
     ("the 2027/28, 2028/29 and 2029/30 seasons", 3),
     # ... one season of one year, and one school year (never "28 school years")
     ("during the 2027 season", 1), ("the 2027-2028 season", 1), ("during the 2027-28 school year", 1),
     ("pendant l'année scolaire 2027-2028", 1), ("academic year 2027/2028", 1),
     # ... a French season, and seasons with both years in full (fiftieth session)
     ("valable pour la saison 2027-2028", 1), ("la saison sportive 2027/2028", 1), ("the 2027-2028 and 2028-2029 seasons", 2),
     # ... and school years listed (sixty-third session)
     ("for the 2027-28, 2028-29 and 2029-30 school years", 3), ("the 2027-28 and 2028-29 academic years", 2),
     # ... and the school year under way, to its end: at most one (sixty-eighth session)
     ("kept on the parent portal until the end of the school year", 1), ("through the end of the current academic year", 1),
     ("jusqu'à la fin de l'année scolaire", 1)],
)
def test_halves_and_anniversaries(text, years):
    assert [d.years for d in find_durations(text)] == [years]


@pytest.mark.parametrize(
    "text, years",
    [("within 30 days and 6 months later", [30 / 365, 0.5]),  # the second is longer: two windows, not one
     ("one year and a half-day", [1.0]),
     ("5 business days and 2 days", [5 / 365, 2 / 365])],  # a business window is not added to a calendar one
)
def test_what_is_not_joined_or_halved(text, years):
    assert [round(d.years, 6) for d in find_durations(text)] == [round(y, 6) for y in years]


@pytest.mark.parametrize("text", ["until the end of the school year in which the Pupil leaves the School", "jusqu'à la fin de l'année scolaire au cours de laquelle l'élève quitte l'école"])
def test_the_end_of_a_school_year_not_yet_known_is_no_period(text):
    """The year the pupil leaves may be years away: no length is read (sixty-eighth session)."""
    assert find_durations(text) == []


@pytest.mark.parametrize("text", ["l'enfant Léa Dubois, âgée de 8 ans", "the Child, aged 11 years", "a 9-year-old child", "who is 9 years old", "a child of 9 years of age"])
def test_a_persons_age_is_no_period(text):
    """A child's age in a parent's consent is not how long the licence lasts (fiftieth session: « âgée de 8 ans » read as 8 years)."""
    assert find_durations(text) == []


def test_a_number_in_brackets_alone_starts_at_its_bracket():
    d = find_durations("payable within (30) days")[0]
    assert d.text == "(30) days"


def test_words_and_digits_that_disagree_are_flagged_and_the_larger_kept():
    d = find_durations("a term of three (5) years")[0]
    assert d.years == 5 and "3" in d.conflict and "5" in d.conflict


def test_windows_business_days_months_and_vague_words():
    assert find_durations("within 10 business days")[0].days == 14
    assert find_durations("within one month of the request")[0].days == 30
    assert find_durations("dans un délai de quinze (15) jours ouvrés")[0].days == 21
    assert find_vague_time("The Company shall promptly delete") == "promptly"
    assert find_vague_time("dans les meilleurs délais") is not None
    assert find_vague_time("within 30 days") is None


@pytest.mark.parametrize(
    "text, amount",
    [("USD 500", "USD 500"), ("$1,500.00 per session", "$1,500.00"), ("1 500,00 € brut", "1 500,00 €"),
     ("£ 1.200", "£ 1.200"), ("a fee of $[INSERT FEE]", "$[INSERT FEE]"), ("EUR 300", "EUR 300"), ("500 euros", "500 euros"),
     ("₹5 per audio minute", "₹5"), ("INR 2,000", "INR 2,000"), ("a fee of ¥50,000", "¥50,000"), ("NZ$400", "NZ$400"),
     ("2,000 rupees", "2,000 rupees"), ("a fee of one thousand dollars", "one thousand dollars"),
     ("five hundred pounds sterling", "five hundred pounds sterling"), ("mille cinq cents euros", "mille cinq cents euros"),
     ("250 (two hundred fifty) U.S. Dollars", "250 (two hundred fifty) U.S. Dollars"), ("200 U.S. dollars", "200 U.S. dollars"),
     # an Indian grouping is one amount, a Western one is not read as Indian
     ("INR 1,20,000 in two instalments", "INR 1,20,000"), ("$12,345,678.50 in total", "$12,345,678.50")],
)
def test_money(text, amount):
    assert find_money(text)[0][0] == amount


@pytest.mark.parametrize(
    "text, amounts",
    [("We pay monthly once your balance exceeds $25; you earn $5 per clip.", ["$5"]),
     ("Payouts are sent when your earnings reach USD 20.", []), ("The minimum payout is $10.", []),
     ("a payout threshold of £50", []), ("a fee of $500, paid once the session ends", ["$500"])],
)
def test_a_payout_threshold_is_no_pay(text, amounts):
    assert [a for a, _, _ in find_pay(text)] == amounts


@pytest.mark.parametrize(
    "text, amounts",
    [("One Thousand Dollars (US $1,000)", ["$1,000"]), ("($1,000) one thousand dollars", ["$1,000"]),
     ("$500 and two hundred dollars", ["$500", "two hundred dollars"]),
     ("Cero point five one nine two dollars", [])],  # digits read one by one are no amount
)
def test_an_amount_in_words_gives_way_to_the_same_in_digits(text, amounts):
    assert [a for a, _, _ in find_money(text)] == amounts


@pytest.mark.parametrize(
    "text",
    ["₹5", "INR 2,000", "¥50,000", "NZ$400", "HK$ 300", "R$ 200", "2,000 rupees", "5 000 roupies", "Rs. 5,000", "€300",
     "300 €", "USD 500", "£ 1.200", "CHF 900", "SEK 300", "500 yen", "$[INSERT FEE]",
     "KES 500", "KSh 1,000", "NGN 5,000", "500 Kenyan shillings", "₵200", "2 000 francs CFA", "300 pesos", "AED 750"],
)
def test_the_rules_and_the_value_reader_know_the_same_currencies(text):
    """The lexicon's {money} (which makes a sentence state pay) and find_money (which reads its value)
    are two regexes: an amount one of them knows and the other does not is a payment without a value."""
    import re

    from termcheck.api import load_ruleset
    from termcheck.rules.phrases import phrase_regex

    lexicon = load_ruleset().lexicon
    money = re.compile("|".join(phrase_regex(p, lexicon) for p in lexicon["money"]))
    assert money.search(text.lower()) and find_money(text)


@pytest.mark.parametrize(
    "text, pct",
    [("20%", 20.0), ("20 %", 20.0), ("twenty percent", 20.0), ("vingt pour cent", 20.0), ("12.5 per cent", 12.5),
     ("net profits split 50/50", 50.0), ("on a 50-50 basis", 50.0),
     ("net revenue shall be split equally between the Company and the Performer", 50.0),
     ("Talent shares equally with Company in all income", 50.0),
     ("partagées à parts égales entre la Société et l'Artiste", 50.0)],
)
def test_percentages(text, pct):
    assert find_percentages(text)[0][0] == pct


@pytest.mark.parametrize(
    "text",
    ["split 60/40", "invoice 150/50", "clause 50/500", "on 50/50.5 terms", "shared equally among the Performers",
     "split equally between the Company, the Agent and the Performer", "shared equally with the Company and the Agent"],
)
def test_an_uneven_split_or_a_reference_is_no_percentage(text):
    assert find_percentages(text) == []


def test_dates():
    got = [d for d, _, _ in find_dates("from 1 January 2026 until December 31, 2028, signed 2026-02-03, le 1er mars 2026")]
    assert got == [date(2026, 1, 1), date(2028, 12, 31), date(2026, 2, 3), date(2026, 3, 1)]


MONTHS_EN = "January February March April May June July August September October November December".split()


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2080, 12, 31)), st.integers(0, 364), st.booleans())
@example(date(2028, 2, 29), 300, True)  # a leap day, ended the next year
def test_a_range_takes_its_start_s_year_from_its_end(start, days, day_first):
    """'from 1 March to 31 May 2027': the start is the latest such day before the end (across a new year too)."""
    end = date.fromordinal(start.toordinal() + days + 1)
    month = MONTHS_EN[start.month - 1]
    said = f"from {start.day} {month} to " if day_first else f"from {month} {start.day} to "
    assert yearless_range_start("The licence runs " + said, end) == start


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("runs from 1 January 2026 to 31 December 2027.", date(2026, 1, 1), date(2027, 12, 31)),
        ("court du 1er janvier 2026 au 31 décembre 2027.", date(2026, 1, 1), date(2027, 12, 31)),
        ("runs from 1 March to 31 May 2027.", date(2027, 3, 1), date(2027, 5, 31)),
    ],
)
def test_a_range_of_dates_is_read_whole_or_with_its_start_s_year_left_out(text, start, end):
    found = find_date_range(text)
    assert found is not None and found[:2] == (start, end) and text[:found[2]].endswith("2027")


def test_two_dates_that_are_no_range_are_none():
    assert find_date_range("Signed on 1 January 2026; delivered by 31 December 2027.") is None


@pytest.mark.parametrize("before", ["from 31 February to ", "from 1 Brumaire to ", "the 1 March to ", "from 1 March 2026 to "])
def test_what_is_no_yearless_range_start(before):
    assert yearless_range_start(before, date(2027, 5, 31)) is None


@pytest.mark.parametrize(
    "text, place",
    [
        ("shall be governed by the laws of the State of New York, without regard to", "New York"),
        ("GOVERNED BY THE LAWS OF THE STATE OF DELAWARE APPLICABLE TO CONTRACTS", "Delaware"),
        ("governed by the internal laws, and not by the laws regarding conflicts of laws, of the State of North Carolina.", "North Carolina"),
        ("made in the State of California and governed by the laws thereof", "California"),
        ("is governed by English law", "England"),
        ("California law applies to these Terms.", "California"),
        ("Le présent contrat est régi par le droit français.", "France"),
        ("governed by the laws of England & Wales", "England and Wales"),
        ("the laws of the State of [California / Your State]", "California"),
        ("the laws of the PRC.", "China"),
        ("governed by the laws of the U.S.A. and", "United States"), ("governed by the laws of the P.R.C.", "China"),
        ("governed by the laws of St. Kitts and Nevis.", "St Kitts and Nevis"),
    ],
)
def test_jurisdictions(text, place):
    assert find_jurisdiction(text)[0] == place


def test_a_party_s_country_is_no_place_name():
    """'the law applicable in the Performer's country of residence' names no place to report."""
    assert find_jurisdiction("governed by the law applicable in the Performer's country of residence") is None


@given(st.text(alphabet="abcdefghij klmnop0123456789-()\n", max_size=300))
def test_a_duration_is_read_whatever_text_comes_before_it(prefix):
    # Only the text just before a unit is searched for its number; what precedes it must not matter.
    text = prefix + " for a term of thirty-six (36) months"
    found = find_durations(text)
    assert found and found[-1].years == 3 and text[found[-1].start:found[-1].end] == "thirty-six (36) months"


@pytest.mark.parametrize(
    ("text", "days"),
    [("within 7 working days", 9.8), ("within 10 business days", 14.0), ("within 3 calendar days", 3.0),
     ("sous 5 jours ouvrés", 7.0), ("within 2 weeks", 14.0), ("within 48 hours", 2.0), ("dans un délai de 72 heures", 3.0),
     ("within one calendar month", 30.0), ("within two (2) calendar months", 60.0), ("within 2 calendar weeks", 14.0)],
)
def test_day_windows_in_every_unit(text, days):
    from termcheck.quantities import find_durations

    assert [round(d.days, 1) for d in find_durations(text)] == [days]


def test_the_governing_law_rule_names_every_french_law_adjective_the_extractor_reads():
    """« le droit californien » must reach the extractor: the rule's phrases have to know the adjective."""
    import yaml

    from termcheck.quantities import FR_LAW_ADJECTIVES
    from termcheck.rules.loader import builtin_pack_paths

    pack = next(p for p in builtin_pack_paths() if p.name == "local-law.yaml")
    phrases = [p for r in yaml.safe_load(pack.read_text(encoding="utf-8"))["rules"] for t in r["triggers"] for p in t["phrases"]]
    droit = next(p for p in phrases if p.startswith("droit français")).split()[1].split("|")
    loi = next(p for p in phrases if p.startswith("loi|lois ") and "française" in p).split()[1].split("|")
    assert sorted(droit) == sorted(FR_LAW_ADJECTIVES)
    assert sorted(loi) == sorted({form for f, _ in FR_LAW_ADJECTIVES.values() for form in (f, f + "s")})


def test_a_law_named_by_that_jurisdiction_is_the_place_of_the_courts_before_it():
    """Ryanair's terms: "... the Courts of the Republic of Ireland and to the application of the law in that jurisdiction"."""
    from termcheck.quantities import find_jurisdiction

    text = "submits to the jurisdiction of the Courts of the Republic of Ireland and to the application of the law in that jurisdiction."
    place, start, end = find_jurisdiction(text)
    assert place == "Ireland" and text[start:end] == "Ireland"
    assert find_jurisdiction("the law in that jurisdiction applies") is None  # nothing to refer back to


@pytest.mark.parametrize("text", ["IN ACCORDANCE WITH, THE LAWS OF THE", "governed by the laws of the", "SUBJECT TO THE LAWS OF A"])
def test_an_article_is_not_a_place(text):
    """A governing-law sentence cut at a page foot names no place yet ('THE LAWS OF THE' used to be 'THE')."""
    assert find_jurisdiction(text) is None


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("§4 Cadence pays the Partner EUR 8,000", ["EUR 8,000"]),  # not "4 Cad"
        ("40 audits a year", []),  # not "40 aud"
        ("5 Kestrel Road", []),
        ("EUR500 on signing", ["EUR500"]),
        ("a fee of 300 GBP.", ["300 GBP"]),
    ],
)
def test_a_currency_code_ends_where_its_letters_do(text, found):
    """A code after an amount is a word of its own: 'Cadence' and 'audits' hold no CAD or AUD."""
    from termcheck.quantities import find_money

    assert [m for m, _, _ in find_money(text)] == found
