"""HTML (from fsu's own templates) to a Word document on the secretariat's letterhead.

A governance repository may keep its letterhead as ``templates/letterhead.docx``:
its page set-up, header, footer and styles are kept, placeholders such as
``{{ community }}`` in the header, footer or body are filled in, and the body is
replaced by the document. Without one, fsu makes a plain A4 letterhead.

The same input gives the same bytes: fixed document properties and fixed
timestamps inside the file. A letterhead that is not a Word file (or is one too
large to be a letterhead) stops fsu with a plain message, never a crash.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path
from typing import Any

from fsu_cli.errors import UsageError
from fsu_cli.render.columns import breakable_emails, column_widths
from fsu_cli.render.i18n import gettext as _

FIXED_TIME = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)
MAX_LETTERHEAD_BYTES = 20 * 1024 * 1024
MAX_LETTERHEAD_UNPACKED = 100 * 1024 * 1024
_PLACEHOLDER = re.compile(r"\{\{\s*(\w+)\s*\}\}")
CHAR_WIDTH = 10.5 * 0.52  # points: an average character of the body text (Calibri 10.5 pt), for column widths
_BLOCKS = {"p", "div", "ul", "ol", "dl", "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "hr",
           "header", "section"}


# Word's language tags for the målform: spelling and grammar are checked in it
WORD_LANGUAGE = {"nb": "nb-NO", "nn": "nn-NO"}


def html_to_docx(html: str, letterhead: Path | None, fields: dict[str, str], draft: bool = False,
                 language: str = "nb") -> bytes:
    tag = WORD_LANGUAGE.get(language, WORD_LANGUAGE["nb"])
    document = _letterhead(letterhead) if letterhead else _default_letterhead()
    _fill_placeholders(document, fields)
    if draft:
        _draft_headers(document)
    _norwegian(document, tag)
    _clear_body(document)
    import lxml.html

    tree = lxml.html.document_fromstring(html)
    body = tree.find("body")
    writer = _Writer(document)
    for element in body if body is not None else []:
        writer.block(element)
    props = document.core_properties
    props.title = fields.get("title", "")
    props.author = fields.get("community", "")
    props.last_modified_by = ""
    props.comments = ""
    props.keywords = ""
    props.subject = fields.get("document", "")
    props.language = tag
    props.revision = 1
    props.created = props.modified = FIXED_TIME.replace(tzinfo=None)
    props.last_printed = FIXED_TIME.replace(tzinfo=None)
    raw = io.BytesIO()
    document.save(raw)
    return _stable_zip(raw.getvalue())


def _letterhead(path: Path) -> Any:
    """The repository's letterhead, read as a Word document, or a UsageError that says what to do."""
    import lxml.etree
    from docx import Document
    from docx.exceptions import PythonDocxError
    from docx.opc.exceptions import OpcError

    from fsu_cli.render.confined import read

    data = read(path, "templates/letterhead.docx", MAX_LETTERHEAD_BYTES, "letterhead")
    reason = "it is not a .docx file"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            if sum(info.file_size for info in package.infolist()) > MAX_LETTERHEAD_UNPACKED:
                reason = "it unpacks to more than 100 MB"
                raise ValueError(reason)
        reason = "it is not a complete Word document"
        return Document(io.BytesIO(data))
    except (zipfile.BadZipFile, OpcError, PythonDocxError, lxml.etree.LxmlError, KeyError, ValueError):
        raise UsageError(f"{path} cannot be read as a Word document: {reason}. Save the letterhead from Word as "
                         f"'Word Document (.docx)' again, or remove it to use fsu's plain letterhead.") from None


def _default_letterhead() -> Any:
    from docx import Document
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt, RGBColor
    from docx.text.run import Run

    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin, section.bottom_margin = Cm(2.2), Cm(2.2)
    styles = document.styles
    styles["Normal"].font.name = "Calibri"
    styles["Normal"].font.size = Pt(10.5)
    for name in ("Heading 1", "Heading 2", "Heading 3", "Heading 4"):
        styles[name].font.color.rgb = RGBColor(0x1F, 0x3B, 0x57)
    header = section.header.paragraphs[0]
    header.text = "{{ community }}\t\t{{ committee }}"
    header.paragraph_format.tab_stops.add_tab_stop(section.page_width - section.left_margin - section.right_margin,
                                                   WD_TAB_ALIGNMENT.RIGHT)
    footer = section.footer.paragraphs[0]
    footer.text = "{{ title }}\t\t" + _("Side") + " "
    footer.paragraph_format.tab_stops.add_tab_stop(section.page_width - section.left_margin - section.right_margin,
                                                   WD_TAB_ALIGNMENT.RIGHT)
    _field(footer, "PAGE")
    footer.add_run(" " + _("av") + " ")
    _field(footer, "NUMPAGES")
    for paragraph in (header, footer):
        for run in paragraph._p.iter(qn("w:r")):
            run = Run(run, paragraph)
            run.font.size = Pt(8.5)
            run.font.color.rgb = RGBColor(0x55, 0x55, 0x55)
    quote = styles["Quote"]
    quote.paragraph_format.left_indent = quote.paragraph_format.right_indent = Cm(1)
    return document


def _draft_headers(document: Any) -> None:
    """UTKAST first in every header a page can show (each section's, and its first-page and even-page headers
    where the letterhead uses them), so every page of the draft says so."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    from fsu_cli.render.draft import MARK

    even = document.settings.odd_and_even_pages_header_footer
    for section in document.sections:
        headers = [section.header]
        headers += [section.first_page_header] if section.different_first_page_header_footer else []
        headers += [section.even_page_header] if even else []
        for header in headers:
            if header.is_linked_to_previous and section is not document.sections[0]:
                continue  # shows the previous section's header, already marked
            first = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
            mark = first.insert_paragraph_before()
            mark.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = mark.add_run(_(MARK))
            run.bold = True
            run.font.size = Pt(12)
            run.font.color.rgb = RGBColor(0xB0, 0x00, 0x20)


def _field(paragraph: Any, instruction: str) -> None:
    """A simple field (PAGE, NUMPAGES) at the end of a paragraph; Word fills in its number."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), f" {instruction} ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _norwegian(document: Any, tag: str = "nb-NO") -> None:
    """The document's Norwegian (``nb-NO`` bokmål, ``nn-NO`` nynorsk) as the language of the text, in the document
    defaults and in the Normal style, so Word spell-checks in it (a letterhead saved with another language gets
    it too: fsu writes only Norwegian)."""
    from docx.oxml.ns import qn

    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = styles.makeelement(qn("w:docDefaults"), {})
        styles.insert(0, defaults)
    r_default = defaults.find(qn("w:rPrDefault"))
    if r_default is None:
        r_default = defaults.makeelement(qn("w:rPrDefault"), {})
        defaults.insert(0, r_default)
    properties = [r_default.find(qn("w:rPr"))]
    if properties[0] is None:
        properties[0] = r_default.makeelement(qn("w:rPr"), {})
        r_default.append(properties[0])
    try:
        properties.append(document.styles["Normal"].element.get_or_add_rPr())
    except KeyError:
        pass
    for rpr in properties:
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = rpr._add_lang() if hasattr(rpr, "_add_lang") else rpr.makeelement(qn("w:lang"), {})
            if lang.getparent() is None:
                rpr.append(lang)
        lang.set(qn("w:val"), tag)
        lang.set(qn("w:eastAsia"), tag)


def _fill_placeholders(document: Any, fields: dict[str, str]) -> None:
    """Replace {{ name }} in headers, footers and the body, even when Word split it over runs."""
    parts = [document]
    for section in document.sections:
        parts += [section.header, section.footer, section.first_page_header, section.first_page_footer,
                  section.even_page_header, section.even_page_footer]
    for part in parts:
        for paragraph in _paragraphs(part):
            if "{{" not in paragraph.text:
                continue
            for run in paragraph.runs:  # each placeholder within one run: the runs between (fields) stay
                if "{{" in run.text:
                    run.text = _PLACEHOLDER.sub(lambda m: fields.get(m.group(1), ""), run.text)
            if "{{" not in paragraph.text:
                continue
            text = _PLACEHOLDER.sub(lambda m: fields.get(m.group(1), ""), paragraph.text)
            runs = paragraph.runs
            if runs:
                runs[0].text = text
                for run in runs[1:]:
                    run.text = ""


def _paragraphs(part: Any):
    yield from part.paragraphs
    for table in getattr(part, "tables", []):
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs


def _clear_body(document: Any) -> None:
    body = document.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)


class _Writer:
    """Turns the small set of HTML elements fsu's templates and Markdown produce into Word."""

    def __init__(self, document: Any):
        from docx.oxml.ns import qn

        self.document = document
        self.end = document.element.body.find(qn("w:sectPr"))  # the body's last element, kept last
        self.style_ids: dict[str, str] = {}
        self.quote = 0  # how many blockquotes the next paragraph is in
        self.in_table = False  # e-mail addresses in a table cell may break (columns are narrow)
        self.text_width = _text_width(document.sections[-1])  # the body's page set-up is the last section's

    def add_paragraph(self, style: str | None = None) -> Any:
        """A new last paragraph, in a named style. python-docx would search the whole body for its end, and
        every style for the name, on each call: thousands of paragraphs would take quadratic time."""
        from docx.oxml import OxmlElement
        from docx.text.paragraph import Paragraph

        if self.end is None:
            paragraph = self.document.add_paragraph()
        else:
            self.end.addprevious(OxmlElement("w:p"))
            paragraph = Paragraph(self.end.getprevious(), self.document._body)
        if style is None and self.quote:
            style = self.quote_style()
        if style is not None:
            if style not in self.style_ids:
                self.style_ids[style] = self.document.styles[style].style_id
            paragraph._p.style = self.style_ids[style]
        return paragraph

    def block(self, element: Any, list_style: str | None = None) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == "header":
            for child in element:
                paragraph = self.add_paragraph()
                self.inline(paragraph, child, bold=True)
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            level = min(int(tag[1]), 4)
            paragraph = self.add_paragraph(f"Heading {level}")
            self.inline(paragraph, element)
        elif tag == "p":
            paragraph = self.add_paragraph()
            cls = element.get("class", "")
            self.inline(paragraph, element, bold="banner" in cls or "draft" in cls or "utkast" in cls)
        elif tag in ("ul", "ol"):
            self.list(element, 1)
        elif tag == "dl":
            paragraph = None
            for child in element:
                if child.tag == "dt":
                    paragraph = self.add_paragraph()
                    self.inline(paragraph, child, bold=True)
                elif child.tag == "dd":
                    paragraph = paragraph or self.add_paragraph()
                    paragraph.add_run(" ")
                    self.inline(paragraph, child)
                    paragraph = None
        elif tag == "table":
            self.table(element)
        elif tag == "pre":
            paragraph = self.add_paragraph()
            run = paragraph.add_run(element.text_content())
            run.font.name = "Courier New"
        elif tag == "hr":
            self.add_paragraph().add_run("―" * 20)
        elif tag == "blockquote":
            self.quote += 1
            self.children(element)
            self.quote -= 1
        elif tag in ("div", "section"):
            self.children(element)
        elif tag:
            paragraph = self.add_paragraph()
            self.inline(paragraph, element)

    def children(self, element: Any) -> None:
        """Block children of a container; loose text is gathered into paragraphs."""
        pending = []
        if element.text and element.text.strip():
            pending.append(element.text)
        for child in element:
            if isinstance(child.tag, str) and child.tag in _BLOCKS:
                self._flush(pending)
                pending = []
                self.block(child)
            else:
                pending.append(child)
            if child.tail and child.tail.strip():
                pending.append(child.tail)
        self._flush(pending)

    def _flush(self, pending: list) -> None:
        if not pending:
            return
        paragraph = self.add_paragraph()
        for piece in pending:
            if isinstance(piece, str):
                paragraph.add_run(_squash(piece))
            else:
                self.inline(paragraph, piece, tail=False)

    def quote_style(self) -> str:
        """The paragraph style of quoted text: the letterhead's Quote, or one fsu adds, indented on both sides."""
        from docx.enum.style import WD_STYLE_TYPE
        from docx.shared import Cm

        if "Quote" not in self.style_ids:
            try:
                self.document.styles["Quote"]
            except KeyError:
                style = self.document.styles.add_style("Quote", WD_STYLE_TYPE.PARAGRAPH)
                style.base_style = self.document.styles["Normal"]
                style.font.italic = True
                style.paragraph_format.left_indent = style.paragraph_format.right_indent = Cm(1)
        return "Quote"

    def list(self, element: Any, level: int) -> None:
        """A list, level 1 or nested (2). A numbered list starts at its own start number (1 unless the Markdown
        said otherwise), never where the document's previous list stopped."""
        ordered = element.tag == "ol"
        style = ("List Number" if ordered else "List Bullet") + ("" if level == 1 else " 2")
        number = None
        if ordered:
            start = element.get("start", "1")
            number = self.numbering(style, int(start) if start.isdigit() and len(start) < 10 else 1)
        for item in element:
            if getattr(item, "tag", "") == "li":
                self.list_item(item, style, number, level)

    def numbering(self, style: str, start: int) -> tuple[str, str] | None:
        """A new Word numbering (w:num) on the numbering of ``style``, restarting at ``start``: the numId and
        level to give its paragraphs. None when the style is not numbered (a letterhead's own list styles)."""
        from docx.oxml.ns import qn

        try:
            numbered = self.document.styles[style].element.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        except KeyError:
            return None
        num_id = numbered.find(qn("w:numId")) if numbered is not None else None
        if num_id is None:
            return None
        ilvl = numbered.find(qn("w:ilvl"))
        level = ilvl.get(qn("w:val")) if ilvl is not None else "0"
        numbering = self.document.part.numbering_part.element
        for num in numbering.findall(qn("w:num")):
            if num.get(qn("w:numId")) == num_id.get(qn("w:val")):
                abstract = num.find(qn("w:abstractNumId")).get(qn("w:val"))
                break
        else:
            return None
        new = numbering.add_num(int(abstract))
        new.add_lvlOverride(ilvl=int(level)).add_startOverride(start)
        return str(new.numId), level

    def list_item(self, item: Any, style: str, number: tuple[str, str] | None = None, level: int = 1) -> None:
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        paragraph = self.add_paragraph(style)
        if number is not None:
            numbered = OxmlElement("w:numPr")
            for name, value in (("w:ilvl", number[1]), ("w:numId", number[0])):
                child = OxmlElement(name)
                child.set(qn("w:val"), value)
                numbered.append(child)
            paragraph._p.get_or_add_pPr().insert(1, numbered)  # after the style, as the schema orders them
        if item.text and item.text.strip():
            text = _squash(item.text)
            paragraph.add_run(text.rstrip() if len(item) and item[0].tag in ("ul", "ol") else text)
        for child in item:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag in ("ul", "ol"):
                self.list(child, 2)
            elif tag == "p":
                if paragraph.text:
                    paragraph = self.add_paragraph("List Continue")
                self.inline(paragraph, child)
            else:
                self.inline(paragraph, child, tail=True)
                continue
            if child.tail and child.tail.strip():
                paragraph.add_run(_squash(child.tail))

    def table(self, element: Any) -> None:
        rows = [row.findall("th") + row.findall("td") for row in element.iter("tr")]
        if not rows:
            return
        width = max(len(row) for row in rows)
        table = self.document.add_table(rows=len(rows), cols=width)  # at once: adding rows one by one is quadratic
        table.style = "Table Grid"
        self.in_table = True
        for row, word_row in zip(rows, table.rows):
            word_cells = word_row.cells
            for i, cell in enumerate(row):
                self.inline(word_cells[i].paragraphs[0], cell, bold=cell.tag == "th", tail=False)
        self.in_table = False
        widths = column_widths([[_squash(cell.text_content()) for cell in row] for row in rows],
                               self.text_width / CHAR_WIDTH)
        _fix_widths(table, [int(self.text_width * share * 20) for share in widths])

    def inline(self, paragraph: Any, element: Any, bold: bool = False, italic: bool = False,
               tail: bool = False) -> None:
        """The text of an element and its inline children as runs (bold, italic, line breaks)."""
        tag = element.tag if isinstance(element.tag, str) else ""
        bold = bold or tag in ("strong", "b", "th", "dt")
        italic = italic or tag in ("em", "i")
        if tag == "a" and element.get("href"):
            self.link(paragraph, element, bold, italic)
        elif tag == "br":
            paragraph.add_run().add_break()
        elif element.text:
            run = paragraph.add_run(self.text(element.text))
            run.bold, run.italic = bold or None, italic or None
            if tag == "code":
                run.font.name = "Courier New"
        if tag != "a" or not element.get("href"):
            for child in element:
                if isinstance(child.tag, str) and child.tag in ("ul", "ol"):
                    continue
                self.inline(paragraph, child, bold, italic, tail=True)
        if tail and element.tail:
            paragraph.add_run(self.text(element.tail))

    def text(self, text: str) -> str:
        """Text from HTML as a run holds it; in a table, with places to break long e-mail addresses."""
        return breakable_emails(_squash(text)) if self.in_table else _squash(text)

    def link(self, paragraph: Any, element: Any, bold: bool, italic: bool) -> None:
        """A link as a Word hyperlink to its address, its text blue and underlined; an address Word should
        not open (not http, https or mailto) is written out after the text instead."""
        from docx.opc.constants import RELATIONSHIP_TYPE
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        from docx.shared import RGBColor
        from docx.text.run import Run

        href = element.get("href")
        first = len(paragraph._p)
        if element.text:
            run = paragraph.add_run(self.text(element.text))
            run.bold, run.italic = bold or None, italic or None
        for child in element:
            self.inline(paragraph, child, bold, italic, tail=True)
        runs = [child for child in paragraph._p[first:] if child.tag == qn("w:r")]
        if not re.match(r"(?i)(https?:|mailto:)", href):
            paragraph.add_run(f" ({href})")
            return
        hyperlink = OxmlElement("w:hyperlink")
        hyperlink.set(qn("r:id"), paragraph.part.relate_to(href, RELATIONSHIP_TYPE.HYPERLINK, is_external=True))
        for run in runs:
            Run(run, paragraph).font.underline = True
            Run(run, paragraph).font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
            hyperlink.append(run)  # moved out of the paragraph into the link
        paragraph._p.append(hyperlink)


def _text_width(section: Any) -> float:
    """The width between the margins, in points; a letterhead that leaves out its page size or margins gets
    Word's defaults (A4 here, margins of an inch)."""
    from docx.shared import Cm, Inches

    width = section.page_width or Cm(21)
    return (width - (section.left_margin or Inches(1)) - (section.right_margin or Inches(1))) / 12700


def _fix_widths(table: Any, widths: list[int]) -> None:
    """Column widths (in twentieths of a point) that Word keeps: the grid, every cell, the table's own width,
    and a fixed layout (Word's autofit would size the columns again, by its own measure)."""
    from docx.oxml.ns import qn
    from docx.shared import Twips

    table.autofit = False  # w:tblLayout w:type="fixed"
    table_width = table._tbl.tblPr.find(qn("w:tblW"))  # python-docx makes every table with one (type auto)
    if table_width is not None:
        table_width.set(qn("w:w"), str(sum(widths)))
        table_width.set(qn("w:type"), "dxa")
    for column, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths):
        column.set(qn("w:w"), str(width))
    for row in table._tbl.tr_lst:
        for cell, width in zip(row.tc_lst, widths):
            cell.get_or_add_tcPr().width = Twips(width)  # w:tcW, type dxa


def _squash(text: str) -> str:
    """HTML white space: runs of spaces and line breaks become one space."""
    return re.sub(r"\s+", " ", text)


def _stable_zip(data: bytes) -> bytes:
    """The same .docx with fixed timestamps inside, so the same input gives the same bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    target = io.BytesIO()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2000, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            out.writestr(fixed, source.read(info.filename))
    return target.getvalue()
