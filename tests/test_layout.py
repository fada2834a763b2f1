"""Tables sized to their content and kept within A4, in Word and in PDF: the files are rendered with
``fsu render`` and read back (python-docx and the XML inside the .docx; the PDF's words with their positions
from poppler's ``pdftotext -bbox``, and its text from pypdf)."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET

import pytest

from conftest import PROJECT, edit

LONG = "kari.nordmann-hansen.lengre@kommunehelsetjenesten-eksempel.kommune.no"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
MARGIN = 20 / 25.4 * 72  # points: the PDF's left and right margins (base.html.j2)


@pytest.fixture
def long_address(community):
    """The example, with a member of FSU pasientforløp who has a very long e-mail address."""
    title = "    title: enhetsleder, hjemmetjenesten\n"
    edit(community / "data/committees/fsu-pasientforlop.yaml", title, f"{title}    email: {LONG}\n")
    return community


def render(fsu, repo, tmp_path, fmt: str, *document: str):
    out = tmp_path / f"dokument.{fmt}"
    result = fsu("render", *document, "--format", fmt, "-o", out, "--repo", repo)
    assert result.exit_code == 0, result.stderr
    return out


def grid(table) -> list[int]:
    return [int(column.get(f"{W}w")) for column in table._tbl.tblGrid.findall(f"{W}gridCol")]


def text_width(document) -> int:
    """The body's text width in twentieths of a point: the page less its margins."""
    section = document.sections[-1]
    return (section.page_width - section.left_margin - section.right_margin) // 635


@pytest.mark.parametrize("document", [("members", "fsu-pasientforlop"), ("report", "ssu", "2025")])
def test_word_tables_have_fixed_widths_within_the_page(fsu, long_address, tmp_path, document):
    import docx

    word = docx.Document(str(render(fsu, long_address, tmp_path, "docx", *document)))
    assert word.tables
    for table in word.tables:
        widths = grid(table)
        assert all(width > 0 for width in widths)
        assert text_width(word) * 0.98 <= sum(widths) <= text_width(word)  # the whole text width, no more
        assert table._tbl.tblPr.find(f"{W}tblLayout").get(f"{W}type") == "fixed"
        assert table._tbl.tblPr.find(f"{W}tblW").get(f"{W}w") == str(sum(widths))
        for row in table._tbl.tr_lst:
            cells = [tc.tcPr.find(f"{W}tcW") for tc in row.tc_lst]
            assert [int(cell.get(f"{W}w")) for cell in cells] == widths
            assert {cell.get(f"{W}type") for cell in cells} == {"dxa"}


def test_word_columns_follow_their_content(fsu, long_address, tmp_path):
    """The e-mail column is wider than the column of short roles, and the name column, of short words, is
    narrower than the organization column; the long address may break, and links to itself whole."""
    import docx

    word = docx.Document(str(render(fsu, long_address, tmp_path, "docx", "members", "fsu-pasientforlop")))
    table = word.tables[0]
    header = [cell.text for cell in table.rows[0].cells]
    widths = dict(zip(header, grid(table)))
    assert widths["E-post"] > widths["Verv"] and widths["Organisasjon"] > widths["Navn"]
    [cell] = [row.cells[header.index("E-post")] for row in table.rows
              if row.cells[0].text == "Trine Løken"]
    assert cell.text != LONG and cell.text.replace("\u200b", "") == LONG  # places to break, nothing else
    assert "\u200b." in cell.text and "@\u200b" in cell.text
    [link] = cell.paragraphs[0]._p.findall(f"{W}hyperlink")
    assert word.part.rels[link.get(R_ID)].target_ref == f"mailto:{LONG}"


def pdf_words(path) -> list[tuple[float, float, float, float, str]]:
    """Every word of the PDF as (page width, x min, x max, y min, text), from pdftotext -bbox."""
    xhtml = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    words = []
    for page in ET.fromstring(xhtml).iter("{http://www.w3.org/1999/xhtml}page"):
        for word in page.iter("{http://www.w3.org/1999/xhtml}word"):
            words.append((float(page.get("width")), float(word.get("xMin")), float(word.get("xMax")),
                          float(word.get("yMin")), word.text or ""))
    return words


@pytest.mark.parametrize("document", [("members", "fsu-pasientforlop"), ("report", "fsu-pasientforlop", "2026")])
def test_every_word_of_the_pdf_is_within_the_text_area(fsu, long_address, tmp_path, document):
    words = pdf_words(render(fsu, long_address, tmp_path, "pdf", *document))
    assert len(words) > 50
    outside = [text for width, left, right, _, text in words if left < MARGIN - 1 or right > width - MARGIN + 1]
    assert outside == []


def test_a_long_address_wraps_whole_in_the_pdf(fsu, long_address, tmp_path):
    from pypdf import PdfReader

    out = render(fsu, long_address, tmp_path, "pdf", "members", "fsu-pasientforlop")
    text = "".join(PdfReader(str(out)).pages[0].extract_text().split())
    assert LONG in text  # every character, in order, and no break character left in the text
    pieces = [(y, right, width) for width, _, right, y, word in pdf_words(out)
              if word and word.strip(".@-") and word in LONG and len(word) > 3]
    assert len({y for y, _, _ in pieces}) >= 3  # over several lines of its cell
    assert all(right <= width - MARGIN + 1 for _, right, width in pieces)


def test_the_example_member_list_keeps_its_markdown(fsu):
    """Markdown is not changed by the layout: an address is written as it is."""
    result = fsu("render", "members", "ssu", "--repo", PROJECT)
    assert "| bjorn.moen@storelv.kommune.no |" in result.stdout and "\u200b" not in result.stdout


def test_column_widths_share_the_line_by_content():
    from fsu_cli.render.columns import column_widths

    roomy = column_widths([["Navn", "E-post"], ["Ada", "ada@eksempel.no"]], 100)
    assert abs(sum(roomy) - 1) < 1e-9 and roomy[1] > roomy[0]
    tight = column_widths([["organisasjonsnavn " * 4, "x"], ["samhandlingsrådgiver", "leder"]], 30)
    assert abs(sum(tight) - 1) < 1e-9 and tight[0] * 30 >= len("samhandlingsrådgiver")
    assert column_widths([], 80) == []


def test_word_tables_fit_a_letterhead_with_wide_margins(fsu, long_address, tmp_path):
    """The text width is the letterhead's: its page less its own margins."""
    import docx
    from docx.shared import Cm

    letterhead = docx.Document()
    section = letterhead.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin, section.right_margin = Cm(4), Cm(3.5)
    (long_address / "templates").mkdir()
    letterhead.save(str(long_address / "templates" / "letterhead.docx"))
    word = docx.Document(str(render(fsu, long_address, tmp_path, "docx", "members", "fsu-pasientforlop")))
    assert text_width(word) == int(Cm(13.5).twips)
    for table in word.tables:
        assert text_width(word) * 0.98 <= sum(grid(table)) <= text_width(word)


def test_when_words_must_break_only_the_longest_do():
    """A member list too wide for the page: names and roles keep their width (no 'Camill-a'); only the
    columns of the longest words are cut to a common cap."""
    from fsu_cli.render.columns import PADDING_CHARS, column_widths

    rows = [["Camilla Strand", "nestleder", "Kommunale råd for eldre og personer med funksjonsnedsettelse",
             "brukerrepresentant oppnevnt av kommunene", "samhandlingsrådgiver",
             "anne.lise.grotta@sykehuset-fjordvik.no"]]
    available = 80
    widths = [share * available for share in column_widths(rows, available)]
    assert abs(sum(widths) - available) < 1e-6
    assert widths[0] >= len("Camilla") + PADDING_CHARS and widths[1] >= len("nestleder") + PADDING_CHARS
    assert widths[2] == widths[3] == widths[4] < len("funksjonsnedsettelse") + PADDING_CHARS
