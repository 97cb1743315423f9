"""Plan timing texts read into date spans (hkh.project.timing)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hkh.project.timing import REASONS, SEASONS, Timing, read_timing

D = date
EXAMPLE_PLAN = Path(__file__).resolve().parents[1] / "examples" / "brugata_storgata" / "plan.yaml"

# (text, start, end, ongoing, certain, reason)
CASES: list[tuple[str, date | None, date | None, bool, bool, str | None]] = [
    # seasons on the working and school year (the module docstring says why): autumn term Aug-Dec, spring Jan-Jun
    ("Fra høst 2020", D(2020, 8, 1), None, False, True, None),
    ("Høsten 2020", D(2020, 8, 1), D(2020, 12, 31), False, True, None),
    ("Høst 2020", D(2020, 8, 1), D(2020, 12, 31), False, True, None),
    ("Vår 2021", D(2021, 1, 1), D(2021, 6, 30), False, True, None),
    ("Sommer 2021", D(2021, 6, 1), D(2021, 8, 31), False, True, None),
    ("Frå hausten 2020", D(2020, 8, 1), None, False, True, None),
    ("From autumn 2020", D(2020, 8, 1), None, False, True, None),
    ("vinteren 2020/2021", D(2020, 12, 1), D(2021, 2, 28), False, True, None),
    ("vinter 2021", D(2021, 1, 1), D(2021, 2, 28), False, False, "ambiguous_season"),
    ("høst 2020 - vår 2021", D(2020, 8, 1), D(2021, 6, 30), False, True, None),
    ("Fra høst 2020 til våren 2021", D(2020, 8, 1), D(2021, 6, 30), False, True, None),
    ("før sommeren 2021", None, D(2021, 5, 31), False, True, None),
    ("etter sommeren 2021", D(2021, 9, 1), None, False, True, None),
    # months, deadlines and ranges
    ("Innen juni 2021", None, D(2021, 6, 30), False, True, None),  # still on time on the last of June
    ("By June 2021", None, D(2021, 6, 30), False, True, None),
    ("januar 2021", D(2021, 1, 1), D(2021, 1, 31), False, True, None),
    ("jan.–mars 2021", D(2021, 1, 1), D(2021, 3, 31), False, True, None),
    ("nov.–feb. 2021", D(2020, 11, 1), D(2021, 2, 28), False, True, None),  # the start one year back
    ("Fra juni 2020", D(2020, 6, 1), None, False, True, None),
    ("Fra september 2020", D(2020, 9, 1), None, False, True, None),
    ("Fra 2021-03", D(2021, 3, 1), None, False, True, None),
    ("t.o.m. 2022", None, D(2022, 12, 31), False, True, None),
    # years, quarters and halves
    ("2021", D(2021, 1, 1), D(2021, 12, 31), False, True, None),
    ("Fra 2021", D(2021, 1, 1), None, False, True, None),
    ("i løpet av 2021", D(2021, 1, 1), D(2021, 12, 31), False, True, None),
    ("2020–2021", D(2020, 1, 1), D(2021, 12, 31), False, True, None),
    ("2020-21", D(2020, 1, 1), D(2021, 12, 31), False, True, None),
    ("2020/2021", D(2020, 1, 1), D(2021, 12, 31), False, False, "school_year"),
    ("Innen utgangen av 2021", None, D(2021, 12, 31), False, True, None),
    ("Q3 2021", D(2021, 7, 1), D(2021, 9, 30), False, True, None),
    ("3. kvartal 2021", D(2021, 7, 1), D(2021, 9, 30), False, True, None),
    ("tredje kvartal 2021", D(2021, 7, 1), D(2021, 9, 30), False, True, None),
    ("første kvartal i 2021", D(2021, 1, 1), D(2021, 3, 31), False, True, None),
    ("Q3-Q4 2021", D(2021, 7, 1), D(2021, 12, 31), False, True, None),
    ("første halvår 2021", D(2021, 1, 1), D(2021, 6, 30), False, True, None),
    ("andre halvår 2021", D(2021, 7, 1), D(2021, 12, 31), False, True, None),
    ("H2 2021", D(2021, 7, 1), D(2021, 12, 31), False, True, None),
    ("1. halvår", None, None, False, False, "no_year"),
    # dates
    ("15.03.2021", D(2021, 3, 15), D(2021, 3, 15), False, True, None),
    ("2021-03-15", D(2021, 3, 15), D(2021, 3, 15), False, True, None),
    ("15. mars 2021", D(2021, 3, 15), D(2021, 3, 15), False, True, None),
    ("March 15, 2021", D(2021, 3, 15), D(2021, 3, 15), False, True, None),
    ("Innen 15.03.2021", None, D(2021, 3, 15), False, True, None),
    ("uke 34 2021", D(2021, 8, 23), D(2021, 8, 29), False, True, None),
    # ongoing, vague, rough
    ("Kontinuerlig", None, None, True, True, None),
    ("løpende", None, None, True, True, None),
    ("fortløpende", None, None, True, True, None),
    ("Continuous", None, None, True, True, None),
    ("Kontinuerlig fra høst 2020", D(2020, 8, 1), None, True, True, None),
    ("snarest", None, None, False, False, "vague"),
    ("straks", None, None, False, False, "vague"),
    ("starten av 2021", D(2021, 1, 1), D(2021, 4, 30), False, False, "approximate"),
    ("slutten av mars 2021", D(2021, 3, 21), D(2021, 3, 31), False, False, "approximate"),
    ("2022-2020", D(2020, 1, 1), D(2022, 12, 31), False, False, "reversed"),
    ("", None, None, False, False, "empty"),
    ("når budsjettet er vedtatt", None, None, False, False, "unread"),
]


@pytest.mark.parametrize(("text", "start", "end", "ongoing", "certain", "reason"), CASES,
                         ids=[case[0] or "empty" for case in CASES])
def test_table(text: str, start: date | None, end: date | None, ongoing: bool, certain: bool,
               reason: str | None) -> None:
    assert read_timing(text) == Timing(start, end, ongoing, certain, text, reason)
    assert reason is None or reason in REASONS


def test_the_table_is_large_enough() -> None:
    assert len(CASES) >= 30


# The 13 measures of the example's plan (chapter 6 of the report), in order; 4.1's cell is empty in the report.
PLAN: list[tuple[str, str | None, date | None, date | None, bool]] = [
    ("1.1", "Fra juni 2020", D(2020, 6, 1), None, False),
    ("1.2", "Fra høst 2020", D(2020, 8, 1), None, False),  # the autumn term: after the summer holidays
    ("1.3", "Kontinuerlig", None, None, True),
    ("1.4", "Fra høst 2020", D(2020, 8, 1), None, False),
    ("2.1", "Kontinuerlig", None, None, True),  # "videreføre": it runs already, so no start either
    ("2.2", "Fra september 2020", D(2020, 9, 1), None, False),
    ("2.3", "Kontinuerlig", None, None, True),
    ("2.4", "Fra høst 2020", D(2020, 8, 1), None, False),
    # "Høst 2020" without "Fra" is a task for the autumn: done by Christmas, not begun then
    ("2.5", "Høst 2020", D(2020, 8, 1), D(2020, 12, 31), False),
    ("2.6", "Fra høst 2020", D(2020, 8, 1), None, False),
    ("3.1", "Fra høst 2020", D(2020, 8, 1), None, False),
    ("3.2", "Fra høst 2020", D(2020, 8, 1), None, False),
    ("4.1", None, None, None, False),
]


@pytest.mark.parametrize(("number", "text", "start", "end", "ongoing"), PLAN, ids=[row[0] for row in PLAN])
def test_the_example_plans_timing(number: str, text: str | None, start: date | None, end: date | None,
                                  ongoing: bool) -> None:
    if text is None:
        return  # no timing written: nothing to read
    timing = read_timing(text)
    assert (timing.start, timing.end, timing.ongoing, timing.certain) == (start, end, ongoing, True)


def test_the_plan_table_holds_every_timing_text_of_the_example() -> None:
    if not EXAMPLE_PLAN.exists():
        pytest.skip("the example project is not in this checkout")
    written = re.findall(r"^\s*timing:\s*(.+?)\s*$", EXAMPLE_PLAN.read_text(encoding="utf-8"), flags=re.MULTILINE)
    assert written == [text for _number, text, *_rest in PLAN if text is not None]
    assert len(PLAN) == 13


def test_seasons_by_convention() -> None:
    autumn = read_timing("Høsten 2020", seasons="meteorological")
    assert (autumn.start, autumn.end) == (D(2020, 9, 1), D(2020, 11, 30))
    spring = read_timing("Vår 2021", seasons="meteorological")
    assert (spring.start, spring.end) == (D(2021, 3, 1), D(2021, 5, 31))
    assert read_timing("Fra høst 2020", seasons="meteorological").start == D(2020, 9, 1)
    assert set(SEASONS) == {"term", "meteorological"}


def test_a_year_from_the_reference_is_never_certain() -> None:
    reference = D(2020, 6, 1)
    half = read_timing("1. halvår", reference=reference)
    assert (half.start, half.end, half.certain, half.reason) == (D(2020, 1, 1), D(2020, 6, 30), False, "no_year")
    june = read_timing("Innen juni", reference=reference)
    assert (june.start, june.end, june.certain) == (None, D(2020, 6, 30), False)
    autumn = read_timing("fra høsten", reference=reference)
    assert (autumn.start, autumn.end, autumn.certain) == (D(2020, 8, 1), None, False)
    # a written year is used whatever the reference says
    assert read_timing("Fra høst 2021", reference=reference) == read_timing("Fra høst 2021")


def test_vague_texts_start_at_the_reference_when_given() -> None:
    timing = read_timing("snarest", reference=D(2020, 6, 1))
    assert (timing.start, timing.end, timing.certain, timing.reason) == (D(2020, 6, 1), None, False, "vague")


def test_a_date_that_does_not_exist_is_not_read() -> None:
    assert read_timing("31.02.2021").reason == "unread"


# -------------------------------------------------------------------------------------------------- properties

PREFIXES = ["", "Fra ", "Frå ", "From ", "Innen ", "Innan ", "By ", "Innen utgangen av ", "Til ", "t.o.m. ", "Før ",
            "Etter ", "i løpet av ", "Kontinuerlig fra ", "starten av ", "slutten av ", "midten av "]
MONTHS = ["januar", "jan.", "februar", "feb", "mars", "april", "mai", "juni", "juli", "august", "sept.", "oktober",
          "nov", "desember", "June", "December"]
SEASON_WORDS = ["høst", "høsten", "hausten", "vår", "våren", "sommer", "sommeren", "vinter", "vinteren", "autumn",
                "spring"]


@st.composite
def periods(draw: st.DrawFn, year: int) -> str:
    kind = draw(st.integers(0, 6))
    if kind == 0:
        return str(year)
    if kind == 1:
        return f"{draw(st.sampled_from(MONTHS))} {year}"
    if kind == 2:
        return f"{draw(st.sampled_from(SEASON_WORDS))} {year}"
    if kind == 3:
        quarter = draw(st.integers(1, 4))
        return draw(st.sampled_from([f"Q{quarter} {year}", f"{quarter}. kvartal {year}"]))
    if kind == 4:
        return f"{draw(st.sampled_from(['første', 'andre', '1.', '2.']))} halvår {year}"
    if kind == 5:
        day = draw(st.dates(min_value=D(year, 1, 1), max_value=D(year, 12, 31)))
        return draw(st.sampled_from([day.strftime("%d.%m.%Y"), day.isoformat()]))
    return draw(st.sampled_from(SEASON_WORDS + MONTHS))  # no year


@st.composite
def timing_texts(draw: st.DrawFn) -> str:
    first_year = draw(st.integers(2015, 2030))
    text = draw(periods(first_year))
    if draw(st.booleans()):
        second = draw(periods(first_year + draw(st.integers(-1, 2))))
        text += draw(st.sampled_from(["–", " - ", " til ", "-"])) + second
    return draw(st.sampled_from(PREFIXES)) + text


@settings(derandomize=True, max_examples=800, deadline=None)
@given(timing_texts(), st.one_of(st.none(), st.dates(min_value=D(2015, 1, 1), max_value=D(2030, 12, 31))))
def test_start_is_never_after_end(text: str, reference: date | None) -> None:
    timing = read_timing(text, reference=reference)
    if timing.start is not None and timing.end is not None:
        assert timing.start <= timing.end, timing
    assert timing.certain == (timing.reason is None)
    assert timing.reason is None or timing.reason in REASONS
    assert timing.text == text


@settings(derandomize=True, max_examples=300, deadline=None)
@given(st.text(max_size=30))
def test_any_text_gives_a_timing_with_start_before_end(text: str) -> None:
    timing = read_timing(text)
    assert timing.start is None or timing.end is None or timing.start <= timing.end
