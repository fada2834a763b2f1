"""``fsu render``: documents read back from the files written (Word through python-docx,
PDF through pypdf), public versions, safety against data that looks like code, and
writes that never lose a file."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import AS_OF, PROJECT, edit

CASE = "data/cases/ssu/2024/02.yaml"


def docx_text(path: Path) -> list[str]:
    import docx

    document = docx.Document(str(path))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" | ".join(cell.text for cell in row.cells))
    return lines


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def squash(text: str) -> str:
    return " ".join(text.split())


# --- the case paper in every format ------------------------------------------------------


def test_case_paper_in_markdown(fsu):
    result = fsu("render", "case", "ssu/2024/2", "--repo", PROJECT)
    assert result.exit_code == 0
    lines = result.lines
    assert lines[0] == "# SSU sak 02-2024 Forslag til handlingsplan 2024–2027 for Helsefellesskapet Fjordvik"
    assert "Møtedato: 15.02.2024  " in lines
    attachments = lines.index("Vedlegg:")
    assert lines[attachments + 2:attachments + 4] == ["1. Utkast til handlingsplan 2024–2027 (t)",
                                                     "2. Innspill fra brukerutvalget (ikke t)"]
    headings = [line for line in lines if line.startswith("## ")]
    assert headings == [  # in the order real papers use: the sections, then the proposal, then the decision
        "## Bakgrunn",
        "## Kommunenes vurdering",
        "## Sykehuset Fjordvik HFs vurdering",
        "## Innstilling til konsensus:",
        "## Vedtak (15.02.2024): Vedtatt",
    ]
    assert headings[3] in lines[:attachments]  # the attachments follow the proposal


def test_case_paper_in_word(fsu, tmp_path):
    out = tmp_path / "sak.docx"
    result = fsu("render", "case", "ssu/2024/2", "--format", "docx", "--output", out, "--repo", PROJECT)
    assert result.exit_code == 0, result.stderr
    import docx

    document = docx.Document(str(out))
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0] == ("Heading 1",
                           "SSU sak 02-2024\nForslag til handlingsplan 2024–2027 for Helsefellesskapet Fjordvik")
    assert headings[1:] == [("Heading 2", "Bakgrunn"), ("Heading 2", "Kommunenes vurdering"),
                            ("Heading 2", "Sykehuset Fjordvik HFs vurdering"),
                            ("Heading 2", "Innstilling til konsensus:"), ("Heading 2", "Vedtak (15.02.2024): Vedtatt")]
    text = [p.text for p in document.paragraphs]
    assert text[text.index("Vedlegg:") + 1:text.index("Vedlegg:") + 3] == [
        "Utkast til handlingsplan 2024–2027 (t)", "Innspill fra brukerutvalget (ikke t)"]
    assert "Møtedato: 15.02.2024" in text
    assert document.sections[0].header.paragraphs[0].text == "Helsefellesskapet Fjordvik\t\tStrategisk samarbeidsutvalg"
    assert document.core_properties.title == "SSU sak 02-2024"


def test_case_paper_in_pdf_a(fsu, tmp_path):
    out = tmp_path / "sak.pdf"
    result = fsu("render", "case", "ssu/2024/2", "--format", "pdf", "--output", out, "--repo", PROJECT)
    assert result.exit_code == 0, result.stderr
    text = squash(pdf_text(out))
    for expected in ("SSU sak 02-2024", "Forslag til handlingsplan 2024–2027", "Møtedato: 15.02.2024",
                     "Vedlegg: Utkast til handlingsplan 2024–2027 (t) Innspill fra brukerutvalget (ikke t)",
                     "Innstilling til konsensus:", "Kommunenes vurdering", "Sykehuset Fjordvik HFs vurdering",
                     "Vedtak (15.02.2024): Vedtatt"):
        assert expected in text, expected


def test_pdf_is_pdf_a_2b_with_every_font_embedded(fsu, tmp_path):
    from pypdf import PdfReader

    out = tmp_path / "sak.pdf"
    fsu("render", "case", "ssu/2024/2", "--format", "pdf", "--output", out, "--repo", PROJECT)
    reader = PdfReader(str(out))
    root = reader.trailer["/Root"]
    [intent] = root["/OutputIntents"]
    assert intent["/S"] == "/GTS_PDFA1"
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert re.search(r'pdfaid:part(="|>)2', xmp) and re.search(r'pdfaid:conformance(="|>)B', xmp)
    assert not reader.is_encrypted
    fonts = []
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            descriptor = (descendants[0].get_object() if descendants else font)["/FontDescriptor"]
            fonts.append(any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")))
    assert fonts and all(fonts)


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html", "md"])
def test_the_same_input_gives_the_same_bytes(tmp_path, fmt):
    """Two separate processes, so nothing cached in one run can hide a difference."""
    digests = []
    for i in range(2):
        out = tmp_path / f"{i}.{fmt}"
        subprocess.run([sys.executable, "-m", "fsu_cli", "render", "case", "ssu/2024/2", "--format", fmt,
                        "--output", str(out), "--repo", str(PROJECT)], check=True, capture_output=True,
                       env={**os.environ, "FSU_AS_OF": AS_OF})
        digests.append(hashlib.sha256(out.read_bytes()).hexdigest())
    assert digests[0] == digests[1]


def test_html_stands_alone(fsu):
    html = fsu("render", "case", "ssu/2024/2", "--format", "html", "--repo", PROJECT).stdout
    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="nb">' in html and "<style>" in html
    assert "<link" not in html and "<script" not in html and "http" not in html.split("<body>")[1]


# --- the other documents --------------------------------------------------------------------


def test_mandate_sections_in_order_with_approval(fsu, tmp_path):
    result = fsu("render", "mandate", "fsu-pasientforlop-2025", "--repo", PROJECT)
    lines = result.lines
    assert lines[0] == "# Mandat for FSU pasientforløp"
    assert "Godkjent i Strategisk samarbeidsutvalg 18.09.2025 (SSU sak 06-2025)  " in lines
    assert "Gjelder fra 01.10.2025" in lines
    assert "Erstatter: Mandat for FSU barn og unge" in lines
    assert [line for line in lines if line.startswith("## ")] == [
        "## Forankring", "## Formål", "## Oppdrag", "## Rammer og drift", "## Sammensetning"]
    out = tmp_path / "mandat.docx"
    fsu("render", "mandate", "fsu-pasientforlop-2025", "--format", "docx", "-o", out, "--repo", PROJECT)
    text = docx_text(out)
    order = [text.index(h) for h in ("Forankring", "Formål", "Oppdrag", "Rammer og drift", "Sammensetning")]
    assert order == sorted(order)
    assert any("Godkjent i Strategisk samarbeidsutvalg 18.09.2025" in line for line in text)


def test_draft_mandate_is_marked(fsu):
    result = fsu("render", "mandate", "fsu-akuttmedisin-2027", "--repo", PROJECT)
    assert "**UTKAST – ikke godkjent**" in result.lines


def test_public_agenda_shows_an_exempt_case_only_by_its_public_title(fsu, tmp_path):
    public = fsu("render", "agenda", "ssu", "2024-09-19", "--public", "--repo", PROJECT).stdout
    assert "### SSU sak 04-2024 Forhandlinger om avtale om tjenestekjøp" in public
    assert "**Unntatt offentlighet, jf. offl. § 23 første ledd**" in public
    for secret in ("intermediære senger", "fullmakt til å forhandle", "forhandlingsrammer", "Til beslutning"):
        assert secret not in public
    internal = fsu("render", "agenda", "ssu", "2024-09-19", "--repo", PROJECT).stdout
    assert "intermediære senger" in internal and "Unntatt offentlighet" in internal
    out = tmp_path / "agenda.pdf"
    fsu("render", "agenda", "ssu", "2024-09-19", "--public", "--format", "pdf", "-o", out, "--repo", PROJECT)
    text = squash(pdf_text(out))
    assert "Forhandlinger om avtale om tjenestekjøp" in text and "intermediære" not in text


def test_public_case_paper_of_an_exempt_case_has_nothing_of_its_content(fsu, tmp_path):
    out = tmp_path / "sak.docx"
    fsu("render", "case", "ssu/2024/4", "--public", "--format", "docx", "-o", out, "--repo", PROJECT)
    text = " ".join(docx_text(out))
    assert "Forhandlinger om avtale om tjenestekjøp" in text
    assert "Unntatt offentlighet, jf. offl. § 23 første ledd" in text
    assert "intermediære" not in text and "Notat om forhandlingsrammer" not in text


def test_minutes_carry_the_decisions(fsu, tmp_path):
    result = fsu("render", "minutes", "ssu", "2025-06-12", "--repo", PROJECT)
    text = result.stdout
    assert result.lines[0] == "# Protokoll fra møte i Strategisk samarbeidsutvalg"
    assert "### SSU sak 03-2025 Digital hjemmeoppfølging – breddeinnføring i alle kommunene (ny behandling)" in text
    assert "Vedtak (12.06.2025): Vedtatt med endringer" in text
    assert "løpet av 2026 og 2027" in text
    assert "### SSU sak 04-2025 Videre organisering av de faglige samarbeidsutvalgene" in text
    out = tmp_path / "protokoll.pdf"
    fsu("render", "minutes", "ssu", "2025-06-12", "--format", "pdf", "-o", out, "--repo", PROJECT)
    assert "Vedtatt med endringer" in squash(pdf_text(out))


def test_minutes_list_attendance_when_recorded(fsu, community):
    edit(community / "data/committees/ssu.yaml", "  - date: 2025-06-12\n    status: held\n",
         "  - date: 2025-06-12\n    status: held\n    present: [Ingrid Solbakken, Bjørn Moen]\n    absent: [Terje Vik]\n")
    text = fsu("render", "minutes", "ssu", "2025-06-12", "--repo", community).stdout
    assert "## Til stede\n\n- Ingrid Solbakken\n- Bjørn Moen\n" in text
    assert "## Forfall\n\n- Terje Vik\n" in text


def test_annual_report_lists_every_meeting_and_the_leadership(fsu, tmp_path):
    result = fsu("render", "report", "ssu", "2025", "--repo", PROJECT)
    text = result.stdout
    held = ["13.02.2025", "22.05.2025", "12.06.2025", "18.09.2025", "27.11.2025"]
    assert [line for line in result.lines if line.startswith("### Møte ")] == [
        f"### Møte {day}{place}" for day, place in zip(held, [
            ", Sykehuset Fjordvik", ", Lundheim rådhus", ", Teams", ", Sykehuset Fjordvik", ", Havnøy kulturhus"])]
    assert "28.08.2025" not in text  # the cancelled meeting
    assert "| 2024–2025 | Ingrid Solbakken (Sykehuset Fjordvik HF) | Bjørn Moen (Storelv kommune) |" in text
    assert "Utvalget holdt 5 møter i 2025; mandatet krever minst 4. Kravet i mandatet er oppfylt." in text
    assert "- SSU sak 05-2025 Etablering av FSU pasientforløp og tidsavgrenset FSU psykisk helse – vedtatt" in text
    out = tmp_path / "rapport.docx"
    fsu("render", "report", "ssu", "2025", "--format", "docx", "-o", out, "--repo", PROJECT)
    lines = docx_text(out)
    assert sum(line.startswith("Møte ") for line in lines) == 5
    assert "2024–2025 | Ingrid Solbakken (Sykehuset Fjordvik HF) | Bjørn Moen (Storelv kommune)" in lines


def test_member_list(fsu):
    result = fsu("render", "members", "ssu", "--repo", PROJECT)
    assert "| Bjørn Moen | leder | Storelv kommune | kommune | kommunedirektør | bjorn.moen@storelv.kommune.no |" \
        in result.lines
    assert "Heidi Rønning" not in result.stdout  # left in 2025


# --- data that looks like code stays text ---------------------------------------------------


HOSTILE_TITLE = "Plan {{ 7*7 }} {% raw %}x <script>alert(1)</script> <b>fet</b>"


@pytest.fixture
def hostile(community: Path) -> Path:
    edit(community / CASE, "title: Forslag til handlingsplan 2024–2027 for Helsefellesskapet Fjordvik",
         f'title: "{HOSTILE_TITLE}"')
    edit(community / CASE, "background: |\n", "background: |\n  <img src=x onerror=alert(2)> {{ config }}\n")
    return community


def test_template_syntax_and_html_in_the_data_are_plain_text_in_html(fsu, hostile):
    html = fsu("render", "case", "ssu/2024/2", "--format", "html", "--repo", hostile).stdout
    assert "{{ 7*7 }}" in html and "49" not in html.split("<body>")[1]
    assert "{% raw %}" in html
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img" not in html and "&lt;img src=x onerror=alert(2)&gt;" in html
    assert "{{ config }}" in html


def test_template_syntax_and_html_in_the_data_are_plain_text_in_markdown(fsu, hostile):
    text = fsu("render", "case", "ssu/2024/2", "--repo", hostile).stdout
    assert "{{ 7*7 }}" in text and "{% raw %}" in text
    assert "<script>" not in text and "&lt;script&gt;" in text


def test_template_syntax_and_html_in_the_data_are_plain_text_in_word_and_pdf(fsu, hostile, tmp_path):
    fsu("render", "case", "ssu/2024/2", "--format", "docx", "-o", tmp_path / "a.docx", "--repo", hostile)
    assert any(HOSTILE_TITLE in line for line in docx_text(tmp_path / "a.docx"))
    fsu("render", "case", "ssu/2024/2", "--format", "pdf", "-o", tmp_path / "a.pdf", "--repo", hostile)
    text = "".join(pdf_text(tmp_path / "a.pdf").split())  # line breaks may fall anywhere in the title
    assert "{{7*7}}" in text and "<script>alert(1)</script>" in text


# --- templates from the repository, and the sandbox -----------------------------------------


def test_repository_template_overrides_the_shipped_one(fsu, community):
    (community / "templates").mkdir()
    (community / "templates" / "case.md.j2").write_text("EGEN MAL: {{ case.number }} – {{ case.title | md }}\n",
                                                       encoding="utf-8")
    result = fsu("render", "case", "ssu/2024/2", "--repo", community)
    assert result.lines == ["EGEN MAL: SSU sak 02-2024 – Forslag til handlingsplan 2024–2027 for Helsefellesskapet Fjordvik"]
    # other documents still use fsu's own templates
    assert fsu("render", "members", "ssu", "--repo", community).lines[0] == "# Medlemmer i Strategisk samarbeidsutvalg"


def test_templates_run_sandboxed(fsu, community):
    (community / "templates").mkdir()
    (community / "templates" / "case.md.j2").write_text(
        "{{ case.__class__.__mro__[1].__subclasses__() }}\n", encoding="utf-8")
    result = fsu("render", "case", "ssu/2024/2", "--repo", community)
    assert result.exit_code == 2
    assert "The template" in result.stderr
    assert "object" not in result.stdout


def test_a_broken_template_names_its_line(fsu, community):
    (community / "templates").mkdir()
    (community / "templates" / "case.md.j2").write_text("line one\n{% if %}\n", encoding="utf-8")
    result = fsu("render", "case", "ssu/2024/2", "--repo", community)
    assert result.exit_code == 2
    assert "case.md.j2:2" in result.stderr


def test_word_letterhead_from_the_repository(fsu, community, tmp_path):
    import docx

    letterhead = docx.Document()
    letterhead.sections[0].header.paragraphs[0].text = "BREVHODE {{ community }} – {{ committee }}"
    letterhead.add_paragraph("this body text is replaced")
    (community / "templates").mkdir()
    letterhead.save(str(community / "templates" / "letterhead.docx"))
    out = tmp_path / "sak.docx"
    fsu("render", "case", "ssu/2024/2", "--format", "docx", "-o", out, "--repo", community)
    document = docx.Document(str(out))
    assert document.sections[0].header.paragraphs[0].text == (
        "BREVHODE Helsefellesskapet Fjordvik – Strategisk samarbeidsutvalg")
    assert "this body text is replaced" not in [p.text for p in document.paragraphs]


# --- nothing lost ------------------------------------------------------------------------------


def test_an_existing_file_is_never_overwritten_without_force(fsu, tmp_path):
    out = tmp_path / "sak.md"
    out.write_text("mine\n", encoding="utf-8")
    result = fsu("render", "case", "ssu/2024/2", "--output", out, "--repo", PROJECT)
    assert result.exit_code == 2
    assert "already exists. Use --force" in result.stderr
    assert out.read_text(encoding="utf-8") == "mine\n"
    assert fsu("render", "case", "ssu/2024/2", "--output", out, "--force", "--repo", PROJECT).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("# SSU sak 02-2024")


def test_a_write_that_fails_before_the_rename_leaves_the_old_file(fsu, tmp_path, monkeypatch):
    out = tmp_path / "sak.pdf"
    out.write_bytes(b"old")

    def crash(*args):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    result = fsu("render", "case", "ssu/2024/2", "--format", "pdf", "-o", out, "--force", "--repo", PROJECT)
    assert result.exit_code == 2  # the environment's trouble, said plainly: not a fault in fsu
    assert result.stderr == f"fsu: Could not write {out}: disk full. Nothing was changed.\n"
    assert out.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sak.pdf"]  # no temporary file left behind


def test_word_and_pdf_need_an_output_file(fsu):
    result = fsu("render", "case", "ssu/2024/2", "--format", "pdf", "--repo", PROJECT)
    assert result.exit_code == 2
    assert "--output" in result.stderr


@pytest.mark.parametrize(
    "args, message",
    [
        (["case", "ssu/2024/99"], "There is no case ssu/2024/99"),
        (["case", "ssu-2024-2"], "is not a case reference"),
        (["mandate", "fsu-2099"], "There is no mandate 'fsu-2099'"),
        (["agenda", "ssu", "2024-09-20"], "SSU has no meeting on 2024-09-20. Its meetings in 2024: 2024-02-15"),
        (["minutes", "nope", "2024-09-19"], "There is no committee 'nope'"),
        (["agenda", "ssu", "19.09.2024"], "must be a date written YYYY-MM-DD"),
    ],
)
def test_a_missing_reference_is_a_clear_error(fsu, args, message):
    result = fsu("render", *args, "--repo", PROJECT)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


# --- large cases: linear time in WeasyPrint, nothing lost ------------------------------------------


def long_background(paragraph: int, items: int, rows: int) -> str:
    """A background with one paragraph of about ``paragraph`` characters, a numbered list and a table."""
    words = " ".join(f"ord{i:05d}" for i in range(paragraph // 9))
    listing = "\n".join(f"{i}. Punkt {i:04d} i lista" for i in range(1, items + 1))
    table = "| Rad | Ansvar |\n|---|---|\n" + "\n".join(f"| Rad {i:04d} | kommunene |" for i in range(1, rows + 1))
    return f"{words}\n\n{listing}\n\n{table}"


def with_background(root: Path, text: str) -> None:
    path = root / CASE
    yaml = path.read_text(encoding="utf-8")
    start, end = yaml.index("background: |\n"), yaml.index("assessments:")
    indented = "".join(f"  {line}\n" if line else "\n" for line in text.split("\n"))
    path.write_text(yaml[:start] + "background: |\n" + indented + yaml[end:], encoding="utf-8")


def test_a_large_case_reaches_the_pdf_whole_and_in_order(fsu, community, tmp_path):
    """A paragraph long enough to be cut into pieces, and a list and a table long enough to be set simply."""
    from fsu_cli.render.plain_blocks import LONG_LIST, LONG_TABLE

    with_background(community, long_background(6_000, LONG_LIST + 1, LONG_TABLE + 1))
    out = tmp_path / "sak.pdf"
    result = fsu("render", "case", "ssu/2024/2", "--format", "pdf", "-o", out, "--repo", community)
    assert result.exit_code == 0, result.stderr
    text = squash(pdf_text(out))  # page by page, so page headers and footers come between
    assert re.findall(r"ord\d{5}", text) == [f"ord{i:05d}" for i in range(6_000 // 9)]
    items = re.findall(r"(\d+)\. Punkt (\d{4}) i lista", text)
    assert items == [(str(i), f"{i:04d}") for i in range(1, LONG_LIST + 2)]
    rows = re.findall(r"Rad (\d{4})", text)
    assert rows == [f"{i:04d}" for i in range(1, LONG_TABLE + 2)]
    assert text.count("kommunene") >= LONG_TABLE + 1


def test_ordinary_documents_go_to_weasyprint_unchanged():
    from fsu_cli.render.paginate import prepare

    small = "<html><body><p>kort</p></body></html>"
    assert prepare(small) is small
    many = "<!DOCTYPE html><html><head></head><body>" + "<p>Et avsnitt med vanlig lengde.</p>" * 4_000 + \
           "<ul>" + "<li>punkt</li>" * 500 + "</ul><table><tbody>" + "<tr><td>a</td></tr>" * 100 + \
           "</tbody></table></body></html>"
    assert len(many) > 64 * 1024 and prepare(many) is many


def test_long_runs_and_tables_are_cut_into_pieces_with_the_same_content():
    import lxml.html

    from fsu_cli.render.paginate import ROW_GROUP, TEXT_PIECE, prepare

    run = " ".join(f"ord{i}" for i in range(20_000))
    blob = "x" * 7_000  # no space to cut at
    rows = "".join(f"<tr><td>{i}</td></tr>" for i in range(ROW_GROUP * 3 + 1))
    html = f"<html><head></head><body><p>{run}<b>fet</b>{run}</p><pre>{blob}</pre><table><tbody>{rows}" \
           f"</tbody></table></body></html>"
    prepared = lxml.html.document_fromstring(prepare(html))
    paragraph, pre = prepared.find(".//p"), prepared.find(".//pre")
    assert paragraph.text_content() == f"{run}fet{run}" and pre.text_content() == blob
    pieces = [len(span.text) for span in paragraph.iter("span")] + [len(paragraph.text)]
    assert len(pieces) > 2 * len(run) // TEXT_PIECE - 2 and max(pieces) < 2 * TEXT_PIECE
    groups = prepared.findall(".//tbody")
    assert [len(group) for group in groups] == [ROW_GROUP] * 3 + [1]
    assert [row.text_content() for group in groups for row in group] == [str(i) for i in range(ROW_GROUP * 3 + 1)]


def test_very_long_lists_get_text_markers_and_very_long_tables_columns_of_text():
    import lxml.html

    from fsu_cli.render.paginate import prepare
    from fsu_cli.render.plain_blocks import LINE, LONG_LIST, LONG_TABLE

    items = "".join(f"<li>punkt {i}</li>" for i in range(LONG_LIST + 1))
    rows = "".join(f"<tr><td>{'lang tekst ' * 12}{i}</td><td>kommunene</td></tr>" for i in range(LONG_TABLE + 1))
    html = (f'<html><head></head><body><ol start="7">{items}</ol><ul>{items}</ul>'
            f"<table><thead><tr><th>Tiltak</th><th>Ansvar</th></tr></thead><tbody>{rows}</tbody></table></body></html>")
    prepared = lxml.html.document_fromstring(prepare(html))
    numbered, bullets = prepared.find(".//ol"), prepared.find(".//ul")
    assert "fsu-list" in numbered.get("class") and "text-indent" in numbered.get("style")
    assert [li.text_content() for li in numbered][:2] == ["7.\u00a0punkt 0", "8.\u00a0punkt 1"]
    assert numbered[-1].text_content() == f"{7 + LONG_LIST}.\u00a0punkt {LONG_LIST}"
    assert {li.text_content()[:2] for li in bullets} == {"•\u00a0"}
    assert prepared.find(".//table") is None
    lines = prepared.find(".//div[@class='fsu-grid']").text_content().split("\n")
    assert lines[0].startswith("Tiltak") and "│ Ansvar" in lines[0] and set(lines[1]) == {"─"}
    assert max(len(line) for line in lines) <= LINE
    assert sum("kommunene" in line for line in lines) == LONG_TABLE + 1
    assert ".fsu-grid" in prepared.find(".//head/style").text


def test_a_document_is_not_rendered_from_records_with_errors(fsu, community):
    """A misspelt outcome would print "Vedtak: " with nothing after it: the document is refused, with the
    mistake at its line, and a document of another committee still renders."""
    from conftest import edit

    edit(community / "data/cases/ssu/2025/04.yaml", "outcome: adopted", "outcome: adoptd")
    refused = fsu("render", "minutes", "ssu", "2025-06-12", "--repo", community)
    assert refused.exit_code == 1 and refused.stdout == ""
    assert "Nothing was rendered: the document's own files have errors" in refused.stderr
    assert "data/cases/ssu/2025/04.yaml:24:12: FSU105 'adoptd' is not an allowed value for 'outcome'." \
        in refused.stderr
    assert fsu("render", "case", "ssu/2025/4", "--repo", community).exit_code == 1
    assert fsu("render", "case", "ssu/2025/1", "--repo", community).exit_code == 0
    assert fsu("render", "members", "fsu-pasientforlop", "--repo", community).exit_code == 0
