"""The report as a Word document (python-docx), drawn from the same model as the HTML (`hkh.outputs.report.model.Report`).

Teams finish the text by hand in Word and the municipality publishes from it, so the document is built from real
Word structures rather than pasted HTML: the built-in Title and Heading 1–3 styles (Word's navigation pane and
table of contents pick them up), real tables with a repeated header row, figures as inline pictures, captions in
Word's Caption style, and a page break before every chapter. It opens in LibreOffice as well as in Word.
python-docx is imported only inside the functions.
"""

from __future__ import annotations

import io
from typing import Any

from hkh.core.safe_text import document_text
from hkh.outputs.report.model import Bullets, Facts, Figure, Paragraph, Quote, Report, Section, Table

ACCENT = "1F4E79"
ACCENT_LIGHT = "DDEBF7"
CONTENT_WIDTH_CM = 16.0  # A4 (21 cm) less 2.5 cm margins each side
# Word's proofing language per mapping language: without it every Norwegian word is underlined as misspelt English
PROOFING = {"nb": "nb-NO", "nn": "nn-NO", "en": "en-GB"}
CELL_PADDING_CM = 0.4  # Word's default cell margins (0.19 cm each side) and a little air


def _shade(cell: Any, colour: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    properties.append(shading)


def _repeat_header(row: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _keep_row_together(row: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = row._tr.get_or_add_trPr()
    cant_split = OxmlElement("w:cantSplit")
    cant_split.set(qn("w:val"), "true")
    properties.append(cant_split)


def _add_text(paragraph: Any, text: str, **font: Any) -> None:
    """Text with its line breaks kept (opening hours are written one rule per line), and without the characters a
    Word document cannot hold (python-docx refuses them: a control character in a text stopped the report)."""
    lines = document_text(text).split("\n")
    for index, line in enumerate(lines):
        run = paragraph.add_run(line)
        for name, value in font.items():
            if name == "color":
                run.font.color.rgb = value
            else:
                setattr(run.font, name, value)
        if index < len(lines) - 1:
            run.add_break()


def _one_line(text: str) -> str:
    return document_text(text).replace("\n", " ")


class _Writer:
    def __init__(self, report: Report) -> None:
        from docx import Document
        from docx.shared import Cm, Pt, RGBColor

        self.report = report
        self.document = Document()
        self.Cm, self.Pt, self.RGBColor = Cm, Pt, RGBColor
        section = self.document.sections[0]
        section.page_height, section.page_width = Cm(29.7), Cm(21.0)
        for side in ("left_margin", "right_margin"):
            setattr(section, side, Cm(2.5))
        section.top_margin, section.bottom_margin = Cm(2.2), Cm(2.2)
        styles = self.document.styles
        normal = styles["Normal"]
        normal.font.name = "Calibri"
        normal.font.size = Pt(11)
        for name, size in (("Title", 24), ("Heading 1", 18), ("Heading 2", 14), ("Heading 3", 12)):
            style = styles[name]
            style.font.color.rgb = RGBColor.from_string(ACCENT)
            style.font.size = Pt(size)
        # python-docx searches every style for the one named, and again for the default style, each time a style is
        # set (a third of the document's time): the ids are looked up once and set directly
        self.style_ids = {
            name: styles[name].style_id
            for name in ("Title", "Heading 1", "Heading 2", "Heading 3", "List Bullet", "Quote", "Caption", "Table Grid")
        }
        _set_language(self.document, PROOFING.get(report.language, "en-GB"))
        _set_properties(self.document, report)
        _no_hyphenation(self.document)

    # --------------------------------------------------------------------------------------------- document

    def write(self) -> bytes:
        self.cover()
        self.contents()
        self.page_numbers()
        for chapter in self.report.chapters:
            self.document.add_page_break()
            self.section(chapter)
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()

    def cover(self) -> None:
        report = self.report
        subtitle = self.document.add_paragraph()
        _add_text(subtitle, report.subtitle.upper(), size=self.Pt(9), color=self.RGBColor.from_string("595959"))
        self.heading(_one_line(report.title), 0)
        if report.meta:
            table = self.document.add_table(rows=0, cols=2)
            for label, value in report.meta:
                cells = table.add_row().cells
                cells[0].text = ""
                _add_text(cells[0].paragraphs[0], label, bold=True)
                cells[1].text = document_text(value)
            self._widths(table, [4.0, CONTENT_WIDTH_CM - 4.0])
        generated = self.document.add_paragraph()
        _add_text(generated, report.generated, size=self.Pt(9), color=self.RGBColor.from_string("595959"))

    def contents(self) -> None:
        """A table of contents as Word's own field (headings 1-3, linked), filled in when the file is opened."""
        from hkh.i18n import t

        language = self.report.language
        self.document.add_page_break()
        # not a Heading style: the contents would list themselves
        heading = self.document.add_paragraph()
        _add_text(heading, self.report.labels()["contents"], size=self.Pt(18), color=self.RGBColor.from_string(ACCENT))
        heading.paragraph_format.keep_with_next = True
        # until Word fills the field in (it asks when the file is opened), it shows the chapters and sections
        shown = "\n".join(
            f"{chapter.heading}" + "".join(f"\n    {section.heading}" for section in chapter.sections if chapter.number)
            for chapter in self.report.chapters
        )
        _add_field(self.document.add_paragraph(), 'TOC \\o "1-3" \\h \\z \\u', shown or t("layout.toc_placeholder", language))
        note = self.document.add_paragraph()
        _add_text(note, t("layout.toc_note", language), size=self.Pt(8.5), italic=True,
                  color=self.RGBColor.from_string("595959"))
        _update_fields_on_open(self.document)

    def page_numbers(self) -> None:
        """The page number, centred in every page's footer (the cover's too: a printed report is counted whole)."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        footer = self.document.sections[0].footer
        paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _add_field(paragraph, "PAGE", "1", size=self.Pt(9))

    def section(self, section: Section) -> None:
        self.heading(_one_line(section.heading), min(section.level, 3))
        for block in section.blocks:
            self.block(block)
        for child in section.sections:
            self.section(child)

    def add_paragraph(self, style: str, text: str = "") -> Any:
        """`Document.add_paragraph(text, style)`, the same XML, with the style's id looked up once."""
        paragraph = self.document.add_paragraph(text)
        paragraph._p.style = self.style_ids[style]
        return paragraph

    def heading(self, text: str, level: int) -> None:
        """What `Document.add_heading` does."""
        self.add_paragraph("Title" if level == 0 else f"Heading {level}", text)

    # ------------------------------------------------------------------------------------------------ blocks

    def block(self, block: Any) -> None:
        if isinstance(block, Paragraph):
            self.paragraph(block)
        elif isinstance(block, Bullets):
            for item in block.items:
                _add_text(self.add_paragraph("List Bullet"), item)
        elif isinstance(block, Facts):
            self.facts(block)
        elif isinstance(block, Quote):
            quote = self.add_paragraph("Quote")
            marks = ("“", "”") if self.report.language == "en" else ("«", "»")
            _add_text(quote, f"{marks[0]}{block.text}{marks[1]}")
            if block.attribution:
                _add_text(quote, f"\n– {block.attribution}", italic=False, size=self.Pt(9))
            elif block.cited_from:
                _add_text(quote, f"\n{block.cited_from}", italic=False, size=self.Pt(9))
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, Figure):
            self.figure(block)

    def paragraph(self, block: Paragraph) -> None:
        paragraph = self.document.add_paragraph()
        if block.style == "label":
            _add_text(paragraph, block.text, bold=True)
            paragraph.paragraph_format.space_after = self.Pt(2)
            paragraph.paragraph_format.keep_with_next = True
            return
        if block.style == "draft":
            _add_text(paragraph, block.text, italic=True, color=self.RGBColor.from_string("C55A11"))
            return
        if block.style == "figure-sentence":
            paragraph.paragraph_format.left_indent = self.Cm(0.5)
        if block.text.rstrip().endswith(":"):
            paragraph.paragraph_format.keep_with_next = True  # a lead-in stays with the list or table it opens
        _add_text(paragraph, block.text)

    def facts(self, block: Facts) -> None:
        table = self.document.add_table(rows=0, cols=2)
        for label, value in block.items:
            row = table.add_row()
            _keep_row_together(row)  # "Styrke" on one page and its text on the next reads as two facts
            cells = row.cells
            cells[0].text = ""
            _add_text(cells[0].paragraphs[0], label, bold=True, size=self.Pt(10))
            cells[1].text = ""
            _add_text(cells[1].paragraphs[0], value, size=self.Pt(10))
        self._widths(table, [3.5, CONTENT_WIDTH_CM - 3.5])
        self.document.add_paragraph().paragraph_format.space_after = self.Pt(0)

    def caption(self, kind: str, number: int | None, text: str, *, before: bool) -> None:
        caption = self.add_paragraph("Caption")
        prefix = f"{kind} {number}. " if number is not None else ""
        _add_text(caption, prefix, bold=True)
        _add_text(caption, text)
        if before:
            caption.paragraph_format.keep_with_next = True

    def table(self, block: Table) -> None:
        from docx.enum.table import WD_TABLE_ALIGNMENT
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        labels = self.report.labels()
        if block.caption:
            self.caption(labels["table"], block.number, block.caption, before=True)
        columns = len(block.headers)
        table = self.document.add_table(rows=1, cols=columns)
        table._tbl.tblStyle_val = self.style_ids["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        small = self.Pt(8) if block.style == "matrix" else self.Pt(9.5)
        header = table.rows[0]
        _repeat_header(header)
        header_cells = header.cells  # python-docx works the cells out again on every `.cells`
        upright = _upright_columns(block)
        for index, text in enumerate(block.headers):
            cell = header_cells[index]
            cell.text = ""
            _add_text(cell.paragraphs[0], text, bold=True, size=small, color=self.RGBColor.from_string("FFFFFF"))
            _shade(cell, ACCENT)
            if index in upright:
                _write_upwards(cell)
        if upright:
            from hkh.outputs.text_measure import widest_line

            tallest = max(widest_line(block.headers[index], small.pt, bold=True) for index in upright)
            from docx.enum.table import WD_ROW_HEIGHT_RULE

            header.height = self.Pt(tallest + 8)
            header.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
        laid_out = block.layout()
        first_row_of_group: dict[int, int] = {}
        for row_index, (_row, cells) in enumerate(laid_out, start=1):
            word_row = table.add_row()
            _keep_row_together(word_row)
            row_cells = word_row.cells
            for cell in cells:
                target = row_cells[cell.column]
                target.text = ""
                paragraph = target.paragraphs[0]
                _add_text(paragraph, cell.text, size=small, bold=cell.column == block.merge_column)
                if cell.column in block.numeric_columns:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                if block.style == "matrix" and 0 < cell.column < columns - 1:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                if cell.column == block.merge_column:
                    _shade(target, ACCENT_LIGHT)
                    if cell.rowspan > 1:
                        first_row_of_group[row_index] = cell.rowspan
        if block.merge_column is not None:
            for first, span in first_row_of_group.items():
                top = table.cell(first, block.merge_column)
                top.merge(table.cell(first + span - 1, block.merge_column))
        self._widths(table, self._column_widths(block))
        if block.note:
            note = self.document.add_paragraph()
            _add_text(note, block.note, size=self.Pt(8.5), italic=True)
        else:
            self.document.add_paragraph().paragraph_format.space_after = self.Pt(0)

    def _column_widths(self, block: Table) -> list[float]:
        """Widths in cm that hold every header's longest word whole (headers written upwards excepted)."""
        from hkh.outputs.text_measure import widest_word

        widths = self._share_widths(block)
        size = 8.0 if block.style == "matrix" else 9.5
        upright = _upright_columns(block)
        least = [
            0.0 if index in upright else widest_word(header, size, bold=True) / 28.35 + CELL_PADDING_CM
            for index, header in enumerate(block.headers)
        ]
        short = {index for index, width in enumerate(widths) if width < least[index]}
        if not short:
            return widths
        fixed = sum(least[index] for index in short)
        rest = [index for index in range(len(widths)) if index not in short]
        spare = sum(widths[index] for index in rest)
        room = max(CONTENT_WIDTH_CM - fixed, 0.5 * len(rest))
        return [least[index] if index in short else widths[index] * room / spare for index in range(len(widths))]

    def _share_widths(self, block: Table) -> list[float]:
        count = len(block.headers)
        if block.style == "plan" and count == 4:
            return [3.5, 6.1, 3.7, 2.7]
        if block.style == "matrix" and count > 2:
            narrow = min(1.0, (CONTENT_WIDTH_CM - 8.0) / max(count - 2, 1))
            return [6.0, *([narrow] * (count - 2)), CONTENT_WIDTH_CM - 6.0 - narrow * (count - 2)]
        if block.style == "survey" and count == 4:
            return [6.5, 2.2, 2.2, 5.1]
        # otherwise share the text column by how much each column holds (Word and LibreOffice would squeeze it)
        longest = [len(header) for header in block.headers]
        for row in block.rows:
            for index, text in enumerate(row.cells[:count]):
                longest[index] = max(longest[index], min(len(text), 60))
        floor = 1.4 if count > 6 else 2.0
        total = sum(max(length, 4) for length in longest)
        widths = [max(floor, CONTENT_WIDTH_CM * max(length, 4) / total) for length in longest]
        scale = CONTENT_WIDTH_CM / sum(widths)
        return [width * scale for width in widths]

    def _widths(self, table: Any, widths_cm: list[float]) -> None:
        table.autofit = False
        # Word reads the cells' widths, LibreOffice the table grid's: set both
        for index, width in enumerate(widths_cm):
            if index < len(table.columns):
                table.columns[index].width = self.Cm(width)
        for row in table.rows:
            cells = row.cells
            for index, width in enumerate(widths_cm):
                if index < len(cells):
                    cells[index].width = self.Cm(width)

    def figure(self, block: Figure) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        width_px, _height = block.size
        # charts are drawn at 150 dpi; show them at that size, but never wider than the text column
        width_cm = min(CONTENT_WIDTH_CM, width_px / 150 * 2.54) if width_px else CONTENT_WIDTH_CM
        picture = self.document.add_paragraph()
        picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
        picture.paragraph_format.keep_with_next = True
        picture.add_run().add_picture(io.BytesIO(block.png), width=self.Cm(width_cm))
        self.caption(self.report.labels()["figure"], block.number, block.caption, before=False)
        if block.note:
            note = self.document.add_paragraph()
            _add_text(note, block.note, size=self.Pt(8.5), italic=True)


def _upright_columns(block: Table) -> set[int]:
    """The triangulation matrix's method columns: narrow columns of marks, their names written upwards."""
    if block.style == "matrix" and len(block.headers) > 2:
        return set(range(1, len(block.headers) - 1))
    return set()


def _write_upwards(cell: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = cell._tc.get_or_add_tcPr()
    direction = OxmlElement("w:textDirection")
    direction.set(qn("w:val"), "btLr")
    properties.append(direction)
    alignment = OxmlElement("w:vAlign")
    alignment.set(qn("w:val"), "bottom")
    properties.append(alignment)


def _add_field(paragraph: Any, instruction: str, shown: str, **font: Any) -> None:
    """A Word field (PAGE, TOC): begin, instruction, separate, the text shown until Word updates it, end."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def run_with(element: Any) -> None:
        run = paragraph.add_run()
        for name, value in font.items():
            setattr(run.font, name, value)
        run._r.append(element)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    begin.set(qn("w:dirty"), "true")
    run_with(begin)
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    run_with(code)
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run_with(separate)
    text_run = paragraph.add_run()
    for index, line in enumerate(document_text(shown).split("\n")):
        if index:
            text_run.add_break()
        text_run.add_text(line)
    for name, value in font.items():
        setattr(text_run.font, name, value)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def _update_fields_on_open(document: Any) -> None:
    """Ask Word to update the fields (the table of contents) when the file is opened."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    settings = document.settings.element
    update = settings.find(qn("w:updateFields"))
    if update is None:
        update = OxmlElement("w:updateFields")
        settings.append(update)
    update.set(qn("w:val"), "true")


def _no_hyphenation(document: Any) -> None:
    """No automatic hyphenation: a table header broken into syllables is hard to read."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    settings = document.settings.element
    for element in settings.findall(qn("w:autoHyphenation")):
        settings.remove(element)
    hyphenation = OxmlElement("w:autoHyphenation")
    hyphenation.set(qn("w:val"), "false")
    settings.append(hyphenation)


def _lang_element(tag: str) -> Any:
    from docx.oxml import OxmlElement

    return OxmlElement(tag)


def _set_language(document: Any, language: str) -> None:
    """The proofing language on the document defaults and on every style (a style may carry its own)."""
    from docx.oxml.ns import qn

    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    targets = []
    if defaults is not None:
        run_defaults = defaults.find(qn("w:rPrDefault"))
        if run_defaults is None:
            run_defaults = _lang_element("w:rPrDefault")
            defaults.insert(0, run_defaults)
        properties = run_defaults.find(qn("w:rPr"))
        if properties is None:
            properties = _lang_element("w:rPr")
            run_defaults.append(properties)
        targets.append(properties)
    for style in document.styles:
        element = style.element
        if element.get(qn("w:type")) not in ("paragraph", "character", "table"):
            continue
        targets.append(element.get_or_add_rPr())
    for properties in targets:
        lang = properties.find(qn("w:lang"))
        if lang is None:
            lang = _lang_element("w:lang")
            properties.append(lang)
        lang.set(qn("w:val"), language)
        lang.set(qn("w:eastAsia"), language)
        lang.set(qn("w:bidi"), language)


def _set_properties(document: Any, report: Report) -> None:
    """Title, author and date of this report, and none of the template's own (python-docx's, from 2013)."""
    import datetime as dt

    properties = document.core_properties
    properties.title = _one_line(report.title)
    properties.subject = _one_line(report.subtitle)
    properties.author = _one_line(report.author or report.title)
    properties.last_modified_by = _one_line(report.author or report.title)
    properties.comments = ""
    properties.keywords = ""
    properties.category = ""
    properties.content_status = ""
    properties.identifier = ""
    properties.version = ""
    properties.language = PROOFING.get(report.language, "en-GB")
    properties.revision = 1
    when = dt.datetime.combine(dt.date.fromisoformat(report.date), dt.time(12)) if report.date else dt.datetime.now()
    properties.created = when
    properties.modified = when
    properties.last_printed = when


def docx_bytes(report: Report) -> bytes:
    """The report as the bytes of a .docx file (written through the output guard by the caller)."""
    return _Writer(report).write()
