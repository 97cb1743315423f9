"""Workbooks made to cost: a cell in the far corner (however it is spelt), cells and rows without references, ZIP
bombs honest and lying, too many parts, SpreadsheetML indexes, formats hkh does not read. Each is refused with one
line before python-calamine or openpyxl sees it; a sound export of the same shape still imports."""

from __future__ import annotations

import base64
import os
import zipfile
from pathlib import Path

import pytest
from attack_helpers import FIXTURES, assert_one_line_error, hkh, snapshot, sound_project, write_xlsx_by_hand
from zip_bombs import Member, bomb_workbook, deflated, workbook_members, write_zip

A1 = '<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row>'
FAR = "XFD1048576"
EXTENT = "reaches cell XFD1048576"

# one far cell, written in every way a reader accepts
FAR_CORNERS = {
    "plain": (f'<sheetData>{A1}<row r="1048576"><c r="{FAR}" t="inlineStr"><is><t>x</t></is></c></row></sheetData>', {}),
    "declared-only": (f"<sheetData>{A1}</sheetData>", {"dimension": f'<dimension ref="A1:{FAR}"/>'}),
    "reference-not-first": (f'<sheetData>{A1}<row r="1048576"><c t="inlineStr" r="{FAR}"><is><t>x</t></is></c></row></sheetData>', {}),
    "single-quotes": (f"<sheetData>{A1}<row r='1048576'><c r='{FAR}' t='inlineStr'><is><t>x</t></is></c></row></sheetData>", {}),
    "blanks-around-equals": (f'<sheetData>{A1}<row r = "1048576"><c r = "{FAR}" t="inlineStr"><is><t>x</t></is></c></row></sheetData>', {}),
    "lower-case": (f'<sheetData>{A1}<row r="1048576"><c r="xfd1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>', {}),
    "tab-before-r": (f'<sheetData>{A1}<row r="1048576"><c\tr="{FAR}" t="inlineStr"><is><t>x</t></is></c></row></sheetData>', {}),
    "cell-row-beyond-its-row": (f'<sheetData>{A1}<row r="2"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row>'
                                f'<row r="3"><c r="XFD3"><v>1</v></c></row></sheetData>', {}),
    "cells-without-references": (
        f'<sheetData>{A1}<row r="2">' + "<c/>" * 16_383 + '<c t="inlineStr"><is><t>x</t></is></c></row>'
        '<row r="1048576"><c><v>1</v></c></row></sheetData>', {}),
    "rows-without-references": (
        f"<sheetData>{A1}" + "<row/>" * 200_000 + '<row><c r="ZZ1"><v>1</v></c></row></sheetData>', {}),
    "prefixed-tags": (
        '<x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row>'
        f'<x:row r="1048576"><x:c r="{FAR}"><x:v>2</x:v></x:c></x:row></x:sheetData>',
        {"root": "x:worksheet", "namespace": 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'},
    ),
}


@pytest.mark.parametrize("kind", list(FAR_CORNERS))
def test_a_far_corner_cell_is_refused_before_reading(kind: str, tmp_path: Path) -> None:
    root = sound_project(tmp_path / "p")
    data, options = FAR_CORNERS[kind]
    export = write_xlsx_by_hand(tmp_path / "eksport.xlsx", data, **options)
    before = snapshot(root)
    result = hkh("import", export, "-p", root, "-s", "s")
    line = assert_one_line_error(result, "eksport.xlsx: ")
    # refused for its extent, or (rows without references compress a thousandfold) as a ZIP bomb
    assert "the sheet xl/worksheets/sheet1.xml reaches cell" in line or "unpacks to more than 100 times its size" in line
    assert snapshot(root) == before


def test_the_committed_far_corner_fixture_is_refused(tmp_path: Path) -> None:
    root = sound_project(tmp_path / "p")
    result = hkh("import", FIXTURES / "far-corner" / "eksport.xlsx", "-p", root, "-s", "s")
    assert_one_line_error(result, EXTENT, "(17,179,869,184 cells, of which only 2 are filled)")


def test_a_3_mb_zip_bomb_is_refused_by_its_declared_size(tmp_path: Path) -> None:
    root = sound_project(tmp_path / "p")
    bomb = bomb_workbook(tmp_path / "eksport.xlsx")
    assert bomb.stat().st_size < 4 * 1024 * 1024
    assert_one_line_error(hkh("import", bomb, "-p", root), "the workbook unpacks to more than 1,024 MB")


def test_a_zip_bomb_that_lies_about_its_size_is_stopped_as_it_unpacks(tmp_path: Path) -> None:
    root = sound_project(tmp_path / "p")
    bomb = bomb_workbook(tmp_path / "eksport.xlsx", honest=False)
    assert_one_line_error(hkh("import", bomb, "-p", root), "eksport.xlsx: ")


def test_a_member_that_unpacks_to_200_times_its_size_is_refused(tmp_path: Path) -> None:
    root = sound_project(tmp_path / "p")
    sheet = deflated(b'<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>')
    strings = deflated(b"<sst>" + b"<si><t>a</t></si>" * (4 * 1024 * 1024) + b"</sst>")
    bomb = write_zip(tmp_path / "eksport.xlsx", [
        *workbook_members(), Member("xl/worksheets/sheet1.xml", sheet.data, sheet.size, sheet.crc),
        Member("xl/sharedStrings.xml", strings.data, strings.size, strings.crc),
    ])
    assert_one_line_error(hkh("import", bomb, "-p", root), "unpacks to more than 100 times its size")


def test_too_many_zip_members_are_refused(tmp_path: Path) -> None:
    root = sound_project(tmp_path / "p")
    export = write_xlsx_by_hand(tmp_path / "eksport.xlsx", f"<sheetData>{A1}</sheetData>",
                                extra={f"xl/media/x{i}.bin": b"" for i in range(2_001)})
    assert_one_line_error(hkh("import", export, "-p", root), "parts; hkh reads workbooks of at most 2,000")


def test_a_tag_longer_than_a_megabyte_is_refused(tmp_path: Path) -> None:
    root = sound_project(tmp_path / "p")
    noise = base64.b64encode(os.urandom(4_500_000)).decode()  # 6 MB in one tag, across pieces; does not compress
    export = write_xlsx_by_hand(tmp_path / "eksport.xlsx", f'<sheetData>{A1}<row r="2"><c r="A2" x="{noise}"/></row></sheetData>')
    assert_one_line_error(hkh("import", export, "-p", root), "a tag or text over 1 MB long")


def test_a_damaged_zip_is_one_line(tmp_path: Path) -> None:
    root = sound_project(tmp_path / "p")
    export = tmp_path / "eksport.xlsx"
    export.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    assert_one_line_error(hkh("import", export, "-p", root))


def test_an_opendocument_sheet_is_refused_with_what_to_do(tmp_path: Path) -> None:
    root = sound_project(tmp_path / "p")
    export = tmp_path / "eksport.ods"
    with zipfile.ZipFile(export, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", '<table:table-row table:number-rows-repeated="1048576"/>')
    assert_one_line_error(hkh("import", export, "-p", root), "OpenDocument spreadsheet (.ods); save it as .xlsx")


def test_an_old_xls_workbook_is_refused_with_what_to_do(tmp_path: Path) -> None:
    root = sound_project(tmp_path / "p")
    export = tmp_path / "eksport.xls"
    export.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2000)
    assert_one_line_error(hkh("import", export, "-p", root), "old Excel workbook (.xls); save it as .xlsx")


# ------------------------------------------------------------------------------------ SpreadsheetML (Excel 2003 XML)


@pytest.mark.parametrize(
    "body",
    [
        '<Row><Cell><Data ss:Type="String">a</Data></Cell><Cell ss:Index="16384"><Data ss:Type="String">b</Data></Cell></Row>'
        '<Row ss:Index="1048576"><Cell><Data ss:Type="String">c</Data></Cell></Row>',
        '<Row><Cell ss:MergeAcross="16000"><Data ss:Type="String">a</Data></Cell></Row>'
        '<Row ss:Index="1048576"><Cell><Data ss:Type="String">c</Data></Cell></Row>',
        '<Row ss:Index="900000"><Cell ss:Index="300"><Data ss:Type="String">c</Data></Cell></Row>',
    ],
    ids=["far-corner", "merge-across", "far-row"],
)
def test_a_spreadsheetml_index_bomb_is_refused_as_it_is_read(body: str, tmp_path: Path) -> None:
    root = sound_project(tmp_path / "p")
    export = tmp_path / "eksport.xml"
    export.write_text(
        '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
        'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="Dataset"><Table>'
        f"{body}</Table></Worksheet></Workbook>",
        "utf-8",
    )
    assert_one_line_error(hkh("import", export, "-p", root), "eksport.xml: the XML workbook reaches")


def test_the_committed_400_byte_spreadsheetml_fixture_is_refused(tmp_path: Path) -> None:
    root = sound_project(tmp_path / "p")
    export = FIXTURES / "spreadsheetml-bomb" / "eksport.xml"
    assert export.stat().st_size <= 400
    assert_one_line_error(hkh("import", export, "-p", root), "the XML workbook reaches 1,048,576 rows and 16,384 columns")


def test_xml_entities_do_not_expand(tmp_path: Path) -> None:
    root = sound_project(tmp_path / "p")
    laughs = '<!ENTITY l0 "lol">' + "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    export = tmp_path / "eksport.xml"
    export.write_text(
        f'<?xml version="1.0"?><!DOCTYPE Workbook [{laughs}]><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">'
        '<Worksheet Name="Dataset"><Table><Row><Cell><Data>&l9;</Data></Cell></Row></Table></Worksheet></Workbook>',
        "utf-8",
    )
    result = hkh("import", export, "-p", root)
    assert_one_line_error(result, "eksport.xml")


# ------------------------------------------------------------------------------------------- statistics workbooks


def stats_project(tmp_path: Path, workbook: Path) -> Path:
    root = sound_project(tmp_path / "p")
    (root / "data" / "stats").mkdir(parents=True)
    workbook.replace(root / "data" / "stats" / "tabell.xlsx")
    return root


def test_a_statistics_workbook_with_a_far_corner_cell_stops_the_report(tmp_path: Path) -> None:
    root = stats_project(tmp_path, write_xlsx_by_hand(tmp_path / "t.xlsx", f'<sheetData>{A1}<row r="1048576"><c r="{FAR}"><v>1</v></c></row></sheetData>', sheet="Ark1"))
    result = hkh("report", "-p", root)
    assert_one_line_error(result, "tabell.xlsx: the sheet xl/worksheets/sheet1.xml reaches cell XFD1048576", "1,000,000 cells")
    assert not (root / "out").exists()


def test_a_statistics_workbook_declaring_a_huge_area_stops_the_report(tmp_path: Path) -> None:
    root = stats_project(tmp_path, write_xlsx_by_hand(tmp_path / "t.xlsx", f"<sheetData>{A1}</sheetData>", sheet="Ark1",
                                                      dimension=f'<dimension ref="A1:{FAR}"/>'))
    assert_one_line_error(hkh("report", "-p", root), "reaches cell XFD1048576")


def test_a_statistics_csv_of_a_million_lines_is_refused(tmp_path: Path) -> None:
    root = sound_project(tmp_path / "p")
    (root / "data" / "stats").mkdir(parents=True)
    (root / "data" / "stats" / "tabell.csv").write_text("år;antall\n" + "2020;1\n" * 1_000_000, "utf-8")
    assert_one_line_error(hkh("report", "-p", root), "tabell.csv: the table has 1,000,001 lines")


def test_a_sound_export_of_the_same_shape_still_imports(tmp_path: Path) -> None:
    from hkh.survey.synthetic import export_tables, random_survey, write_xlsx

    root = sound_project(tmp_path / "p")
    export = write_xlsx(export_tables(random_survey(5, respondents=200, questions=12)), tmp_path / "eksport.xlsx")
    result = hkh("import", export, "-p", root, "-s", "s")
    assert result.exit_code == 0, result.output
    assert (root / "data" / "survey" / "s" / "responses.csv").is_file()
