"""The gap-analysis workbook: uncovered hours, needs without an effort, overlaps, capacity, plan coverage, the week.

Written for people who read it, on screen and on paper: findings by their titles, needs by their texts, efforts by
their names, opening hours in words (the opening-hours text, which hkh and OSM read, in a column of its own), and
the ids the team's files use kept in the last column. The terminal's tables (`gap_tables`) stay compact with ids.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from hkh.analysis.gaps import HOURS_IN_DAY, GapAnalysis, NeedCoverage
from hkh.i18n import t
from hkh.outputs.gap_tables import change_text, evaluation_words, need_details, not_counted_text
from hkh.project import hours

if TYPE_CHECKING:  # pragma: no cover - typing only
    from openpyxl.workbook.workbook import Workbook

# the week sheet's colours: the same single-hue scale as the heatmap (readable without telling red from green),
# and "nothing open" hatched grey, distinct from every count
NOTHING_OPEN_FILL = "D9D9D9"
ZERO_HIDDEN = "0;-0;;@"  # the count stays 0 (to filter and sum) but is not shown


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else round(value, 2)


class _Names:
    """Titles and names for the ids of the analysis (the id itself when the folder does not know it)."""

    def __init__(self, result: GapAnalysis, finding_titles: dict[str, str]) -> None:
        self.result = result
        self.findings = finding_titles
        self.language = result.language

    def finding(self, finding_id: str | None) -> str:
        return self.findings.get(finding_id or "", finding_id or "")

    def efforts(self, ids: list[str], unknown: tuple[str, ...] | list[str] = ()) -> str:
        """The efforts' names; those without opening hours marked so (they cannot count as covering)."""
        named = [self.result.effort_names.get(effort, effort) for effort in ids]
        marked = t("layout.hours_unknown_mark", self.language)
        named += [f"{self.result.effort_names.get(effort, effort)} ({marked})" for effort in unknown]
        return ", ".join(named)

    def words(self, text: str) -> str:
        from hkh.project.hours_seasons import describe_hours

        return describe_hours(text, self.language) if text else ""

    def need(self, need: NeedCoverage) -> str:
        details = need_details(need)
        text = need.text or need.offer
        return f"{text} ({', '.join(details)})" if details else text


def _w(key: str, language: str) -> str:
    """A column's label: the workbook's own words first (hours in words), then those of the analysis on the calendar
    (why not counted, changes), then the gap analysis's."""
    from hkh.i18n import namespace

    space = next((name for name in ("layout", "coverage") if key in namespace(name)), "gaps")
    return t(f"{space}.{key}", language)


def _uncovered(names: _Names) -> tuple[list[str], list[list[Any]], dict[int, str]]:
    keys = ["finding", "need", "offer", "window_words", "uncovered_words", "uncovered_hours", "covered_hours", "efforts",
            "not_counted", "window_osm", "uncovered_osm", "need_id"]
    effort_names = names.result.effort_names
    rows = [
        [
            names.finding(n.finding), names.need(n), n.offer, names.words(n.when), n.uncovered_words(),
            _number(n.uncovered_hours), _number(n.covered_hours), names.efforts(n.efforts, n.hours_unknown),
            not_counted_text(n, effort_names), n.when, n.uncovered_text(), n.need,
        ]
        for n in names.result.uncovered
    ]
    return keys, rows, {5: "hours", 6: "hours"}


def _no_effort(names: _Names) -> tuple[list[str], list[list[Any]], dict[int, str]]:
    keys = ["finding", "need", "offer", "window_words", "window_hours", "status", "not_counted", "window_osm", "need_id"]
    language = names.language
    rows = [
        [names.finding(n.finding), names.need(n), n.offer, names.words(n.when), _number(n.window_hours),
         t(f"gaps.status_{n.status}", language), not_counted_text(n, names.result.effort_names), n.when, n.need]
        for n in names.result.no_effort
    ]
    return keys, rows, {4: "hours"}


def _overlaps(names: _Names) -> tuple[list[str], list[list[Any]], dict[int, str]]:
    language = names.language
    # ranked by hours x efforts (`effort_hours`), the low-threshold efforts among them named
    keys = ["offer", "where", "overlap_in_words", "hours_per_week", "effort_hours", "max_efforts", "efforts",
            "low_threshold", "overlap_osm"]
    rows = [
        [o.offer, o.area or t("gaps.all_areas", language), o.hours_words(), _number(o.hours_per_week),
         _number(o.effort_hours), o.max_efforts, names.efforts(o.efforts), names.efforts(o.low_threshold), o.hours_text()]
        for o in names.result.overlaps
    ]
    return keys, rows, {3: "hours", 4: "hours"}


def _capacity(names: _Names) -> tuple[list[str], list[list[Any]], dict[int, str]]:
    keys = ["effort_name", "organisation", "capacity", "places", "visits_per_day", "turned_away", "finding", "offer",
            "sole_hours", "effort", "need_id"]
    rows: list[list[Any]] = []
    for item in names.result.capacity:
        first: list[Any] = [item.name, item.organisation, item.capacity or ""]
        first += ["" if value is None else _number(value) for value in (item.places, item.visits_per_day, item.turned_away_per_week)]
        if not item.needs:
            rows.append(first + ["", "", "", item.effort, ""])
        for dependent in item.needs:
            rows.append(
                first + [names.finding(dependent.finding), dependent.offer, _number(dependent.sole_hours), item.effort,
                         dependent.need]
            )
    return keys, rows, {3: "hours", 4: "hours", 5: "hours", 8: "hours"}


def _unaddressed(names: _Names) -> tuple[list[str], list[list[Any]], dict[int, str]]:
    language = names.language
    keys = ["kind", "finding", "text", "reason", "is_gap", "id"]
    rows = [
        [t(f"gaps.kind_{u.kind}", language), names.finding(u.finding), u.text, u.reason,
         t("gaps.yes", language) if u.gap else "", u.id]
        for u in names.result.unaddressed
    ]
    return keys, rows, {}


def _coverage(names: _Names) -> tuple[list[str], list[list[Any]], dict[int, str]]:
    language = names.language
    # the offer tag and the status are left out here (the need's text and the share say them; the other sheets
    # have them), so that the sheet prints legibly on A4
    keys = ["finding", "need", "window_words", "covered_words", "window_hours", "covered_hours",
            "uncovered_hours", "share_covered", "efforts", "window_osm", "covered_osm", "need_id"]
    rows = []
    for n in names.result.needs:
        covered = hours.slots_to_opening_hours(n.covered)
        rows.append([
            names.finding(n.finding), names.need(n), names.words(n.when),
            hours.describe_slots(n.covered, language, window=n.window) if covered else "",
            _number(n.window_hours), _number(n.covered_hours), _number(n.uncovered_hours),
            None if n.share_covered is None else round(n.share_covered, 4),
            names.efforts(n.efforts, n.hours_unknown), n.when, covered, n.need,
        ])
    return keys, rows, {4: "hours", 5: "hours", 6: "hours", 7: "percent"}


def _changes(names: _Names) -> tuple[list[str], list[list[Any]], dict[int, str]]:
    """One row per date on which a need's coverage can change within the days evaluated."""
    language = names.language
    keys = ["finding", "need", "column_date", "column_what", "need_id"]
    rows = [
        [names.finding(n.finding), names.need(n), change.day.isoformat(),
         change_text(change, language, names.result.effort_names).split(": ", 1)[-1], n.need]
        for n in names.result.needs
        for change in n.changes
    ]
    return keys, rows, {}


TableBuilder = Callable[[_Names], tuple[list[str], list[list[Any]], dict[int, str]]]
SHEETS: tuple[tuple[str, TableBuilder], ...] = (
    ("uncovered_sheet", _uncovered),
    ("no_effort_sheet", _no_effort),
    ("overlaps_sheet", _overlaps),
    ("capacity_sheet", _capacity),
    ("unaddressed_sheet", _unaddressed),
    ("coverage_sheet", _coverage),
    ("changes_sheet", _changes),
)


def _table_sheet(workbook: Any, names: _Names, key: str, build: TableBuilder) -> None:
    """One part of the analysis as a plain table; text columns wrap, hours and shares are formatted."""
    from hkh.outputs import excel

    language = names.language
    title = _w(key, language)
    keys, rows, kinds = build(names)
    sheet = workbook.create_sheet(excel.safe_sheet_name(title, workbook.sheetnames))
    formats = {index: excel.PERCENT_FORMAT if kind == "percent" else excel.DECIMAL_FORMAT for index, kind in kinds.items()}
    header = [_w(k, language) for k in keys]
    excel.write_rows(sheet, header, rows or [[t("gaps.none_found", language)]], number_formats=formats)
    text_columns = [index + 1 for index in range(len(keys)) if index not in kinds]
    excel.finish_table(sheet, header_row=1, wrap=text_columns, landscape=True, title=title, filter_rows=bool(rows))


def _week_sheet(workbook: Any, result: GapAnalysis) -> None:
    from openpyxl.styles import Alignment, PatternFill

    from hkh.outputs import excel
    from hkh.outputs.charts.heatmap import MOST_CLASSES_ALL, MOST_CLASSES_OFFER, count_colour

    language = result.language
    sheet = workbook.create_sheet(excel.safe_sheet_name(t("gaps.week_sheet", language), workbook.sheetnames))
    header = [t("gaps.offer", language), t("gaps.day", language)] + [f"{hour:02d}" for hour in range(HOURS_IN_DAY)]
    rows: list[list[Any]] = []
    for row in result.week:
        for day, counts in enumerate(row.counts):
            rows.append([row.label, t(f"hours.day_short_{hours.DAY_KEYS[day]}", language), *counts])
    last = excel.write_rows(sheet, header, rows)
    # the colours of the heatmap: "all" on its own scale, the kinds of service on theirs
    scales = []
    for row in result.week:
        kin = [other for other in result.week if (other.offer is None) == (row.offer is None)]
        highest = max((max(max(day) for day in other.counts) for other in kin), default=0)
        scales += [(highest, MOST_CLASSES_ALL if row.offer is None else MOST_CLASSES_OFFER)] * len(row.counts)
    for row_number in range(2, last + 1):
        highest, most = scales[row_number - 2]
        for column in range(3, 3 + HOURS_IN_DAY):
            cell = sheet.cell(row=row_number, column=column)
            value = cell.value or 0
            cell.alignment = Alignment(horizontal="center")
            if value == 0:
                cell.fill = PatternFill("lightUp", fgColor="A6A6A6", bgColor=NOTHING_OPEN_FILL)
                cell.number_format = ZERO_HIDDEN  # a blank hatched cell reads as "nothing open", as in the heatmap
                continue
            background, ink = count_colour(value, highest, most)
            cell.fill = PatternFill("solid", start_color=background, end_color=background)
            cell.font = excel.font(color=ink, size=9)
    note = excel.put(sheet, last + 2, 1, t("gaps.week_note", language) + " " + t("layout.week_hatch_note", language))
    note.font = excel.font(italic=True, color="595959")
    evaluated = sheet.cell(row=last + 3, column=1, value=t("coverage.evaluated", language, days=evaluation_words(result.evaluation, language)))
    evaluated.font = excel.font(italic=True, color="595959")
    excel.fit_column_widths(sheet, fixed={1: 24, 2: 6, **{c: 4.2 for c in range(3, 3 + HOURS_IN_DAY)}})
    excel.freeze_below(sheet, 1, columns=2)
    excel.setup_print(sheet, landscape=True, title=t("gaps.week_sheet", language))


def build_workbook(result: GapAnalysis, finding_titles: dict[str, str] | None = None) -> Workbook:
    from hkh.outputs import excel

    names = _Names(result, finding_titles or {})
    workbook = excel.new_workbook()
    for key, build in SHEETS:
        _table_sheet(workbook, names, key, build)
    _week_sheet(workbook, result)
    return workbook


def workbook_bytes(
    result: GapAnalysis, finding_titles: dict[str, str] | None = None, mapping_title: str | None = None
) -> bytes:
    from hkh.outputs import excel

    return excel.to_bytes(build_workbook(result, finding_titles), mapping_title=mapping_title)
