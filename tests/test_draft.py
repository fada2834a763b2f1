"""``fsu render --draft`` renders a document whose files have errors, marked UTKAST on every page: in the
PDF's page margin, in the Word header, and as a line at the top of HTML and Markdown. Without it the same
document is refused."""

from __future__ import annotations

import pytest

from conftest import edit

BROKEN = ("data/cases/ssu/2025/04.yaml", "outcome: adopted", "outcome: adoptd")


@pytest.fixture
def broken(community):
    """The example with a misspelt outcome in the case of SSU's meeting of 12 June 2025."""
    edit(community / BROKEN[0], BROKEN[1], BROKEN[2])
    return community


def test_without_draft_nothing_is_written(fsu, broken, tmp_path):
    out = tmp_path / "rapport.pdf"
    result = fsu("render", "report", "ssu", "2025", "--format", "pdf", "-o", out, "--repo", broken)
    assert result.exit_code == 1 and not out.exists()
    assert "render a draft with --draft" in result.stderr


def test_every_page_of_a_draft_pdf_says_utkast(fsu, broken, tmp_path):
    from pypdf import PdfReader

    out = tmp_path / "rapport.pdf"
    result = fsu("render", "report", "ssu", "2025", "--format", "pdf", "-o", out, "--repo", broken, "--draft")
    assert result.exit_code == 0, result.stderr
    assert "Rendering a draft (marked UTKAST)" in result.stderr and " FSU105 " in result.stderr
    pages = [page.extract_text() for page in PdfReader(str(out)).pages]
    assert len(pages) >= 2
    assert all("UTKAST" in text for text in pages)


def test_a_draft_word_document_has_utkast_in_its_header(fsu, broken, tmp_path):
    import docx

    out = tmp_path / "protokoll.docx"
    result = fsu("render", "minutes", "ssu", "2025-06-12", "--format", "docx", "-o", out, "--repo", broken, "--draft")
    assert result.exit_code == 0, result.stderr
    document = docx.Document(str(out))
    for section in document.sections:
        assert section.header.paragraphs[0].text == "UTKAST"
        assert section.header.paragraphs[0].runs[0].bold
    assert document.paragraphs[0].text.startswith("UTKAST – ikke endelig")
    assert "Protokoll" in "\n".join(p.text for p in document.paragraphs)


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_draft_starts_with_the_mark(fsu, broken, fmt):
    result = fsu("render", "minutes", "ssu", "2025-06-12", "--format", fmt, "--repo", broken, "--draft")
    assert result.exit_code == 0, result.stderr
    if fmt == "md":
        assert result.lines[0] == "**UTKAST – ikke endelig: dokumentet er laget fra data som kan ha feil.**"
    else:
        body = result.stdout.split("<body>", 1)[1]
        assert body.startswith('<p class="utkast">UTKAST – ikke endelig')
        assert '@top-center { content: "UTKAST"' in result.stdout.split("</head>")[0]


def test_a_clean_document_is_not_marked(fsu, community):
    """Without --draft a document from clean files carries no mark, and with it, the mark says it is a draft."""
    clean = fsu("render", "minutes", "ssu", "2025-06-12", "--repo", community)
    assert clean.exit_code == 0 and "UTKAST" not in clean.stdout
    draft = fsu("render", "minutes", "ssu", "2025-06-12", "--repo", community, "--draft")
    assert draft.exit_code == 0 and draft.lines[0].startswith("**UTKAST") and draft.stderr.count("UTKAST") == 0


def test_a_letterheads_first_page_header_is_marked_too(fsu, broken, tmp_path):
    """A letterhead with its own first-page header: the first page shows that one, so it says UTKAST too."""
    import docx

    letterhead = docx.Document()
    section = letterhead.sections[0]
    section.different_first_page_header_footer = True
    section.first_page_header.paragraphs[0].text = "Helsefellesskapet Fjordvik – brevark"
    section.header.paragraphs[0].text = "{{ committee }}"
    (broken / "templates").mkdir()
    letterhead.save(str(broken / "templates" / "letterhead.docx"))
    out = tmp_path / "rapport.docx"
    result = fsu("render", "report", "ssu", "2025", "--format", "docx", "-o", out, "--repo", broken, "--draft")
    assert result.exit_code == 0, result.stderr
    section = docx.Document(str(out)).sections[0]
    first_page = [p.text for p in section.first_page_header.paragraphs]
    assert first_page == ["UTKAST", "Helsefellesskapet Fjordvik – brevark"]
    assert [p.text for p in section.header.paragraphs] == ["UTKAST", "Strategisk samarbeidsutvalg"]
