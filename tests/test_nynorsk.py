"""language: nn in fsu.yaml: every document in nynorsk, from the gettext catalog; bokmål stays the default.

The documents are rendered from a copy of the example community with ``language: nn`` added, in Markdown and
HTML, and once each as Word and PDF, read back. The catalog is checked against the texts Babel extracts from
the templates and the code, so a new text without a nynorsk translation fails here (the fix:
``python3 -m fsu_cli.render.i18n update``, translate the empty msgstr, run it again).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import pytest

from conftest import edit, line_of

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture
def nynorsk(community: Path) -> Path:
    edit(community / "fsu.yaml", "name: ", "language: nn\nname: ")
    return community


def render(fsu, root: Path, *args: str) -> str:
    result = fsu("render", *args, "--repo", root)
    assert result.exit_code == 0, result.stderr
    return result.stdout


# --- the documents ----------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_case_paper_says_sakshandsamar_and_framlegg_til_vedtak(fsu, nynorsk, fmt):
    text = render(fsu, nynorsk, "case", "fsu-pasientforlop/2026/1", "--format", fmt)  # a decision proposal
    assert "Sakshandsamar:" in text and "Saksbehandler" not in text
    assert "Framlegg til vedtak:" in text and "Forslag til vedtak" not in text
    if fmt == "html":
        assert '<div class="kind">Saksframlegg</div>' in text


def test_a_case_paper_with_a_route_and_follow_up_in_nynorsk(fsu, nynorsk):
    text = render(fsu, nynorsk, "case", "ssu/2026/4")
    assert "| Utval | Saksnr. | Møtedato | Handsaming |" in text
    assert "| FSU pasientforløp | 2026.02 | 21.05.2026 | Vedteke |" in text
    assert "## Innstilling frå FSU pasientforløp 21.05.2026:" in text
    assert "(ikkje t)" in text and "(ikke t)" not in text
    assert "| Kva | Ansvarleg | Frist | Status |" in text
    assert "| 01.03.2027 | Open |" in text


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_member_list_says_leiar_nestleiar_and_medlemer(fsu, nynorsk, fmt):
    text = render(fsu, nynorsk, "members", "ssu", "--format", fmt)
    assert "Medlemer i Strategisk samarbeidsutvalg" in text and "Medlemmer i" not in text
    assert re.search(r"Bjørn Moen \| leiar \||<td>Bjørn Moen</td><td>leiar</td>", text)
    assert re.search(r"Ingrid Solbakken \| nestleiar \||<td>Ingrid Solbakken</td><td>nestleiar</td>", text)
    assert "Namn" in text and "helseføretak" in text


def names_in_tables(markdown: str) -> list[str]:
    return [line.split("|")[1].strip() for line in markdown.splitlines()
            if line.startswith("| ") and not line.startswith(("| Namn ", "| Navn "))]


def test_the_member_list_keeps_its_order_leader_first(fsu, nynorsk):
    """Members are ordered by their office, not by the word for it: the same order in both målformer."""
    in_nynorsk = names_in_tables(render(fsu, nynorsk, "members", "ssu"))
    edit(nynorsk / "fsu.yaml", "language: nn\n", "")
    assert names_in_tables(render(fsu, nynorsk, "members", "ssu")) == in_nynorsk
    assert in_nynorsk[:2] == ["Bjørn Moen", "Ingrid Solbakken"]


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_an_agenda_gives_the_day_the_place_and_the_members(fsu, nynorsk, fmt):
    text = render(fsu, nynorsk, "agenda", "fsu-pasientforlop", "2026-05-21", "--format", fmt)
    assert re.search(r"Dato:(</strong>)? torsdag 21\.05\.2026", text)
    assert re.search(r"Møtestad:(</strong>)? Teams", text)
    assert "Innkalla medlemer" in text and "Sakliste" in text
    assert "Marte Haugland (leiar)" in text and "Trine Løken (nestleiar)" in text
    assert "Forfall skal meldast til" in text


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_minutes_say_til_stades(fsu, nynorsk, fmt):
    text = render(fsu, nynorsk, "minutes", "fsu-pasientforlop", "2026-05-21", "--format", fmt)
    assert re.search(r"(## |<h2>)Til stades", text) and "Til stede" not in text
    assert "Marte Haugland (leiar)" in text and "Trine Løken (nestleiar)" in text
    assert "(medlem oppnemnd av kommunane)" in text
    assert re.search(r"Møteleiar:(</strong>)? Marte Haugland", text)
    assert "Protokoll frå møte i" in text


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_annual_report_in_nynorsk(fsu, nynorsk, fmt):
    text = render(fsu, nynorsk, "report", "fsu-pasientforlop", "2026", "--format", fmt)
    assert re.search(r"(^## |<h2>)Samansetting", text, re.MULTILINE)
    assert not re.search(r"(^## |<h2>)Sammensetning", text, re.MULTILINE)  # the mandate's own heading is data
    assert "Medlemer per 22.11.2026:" in text
    assert re.search(r"\| Periode \| Leiar \| Nestleiar \||<th>Periode</th><th>Leiar</th><th>Nestleiar</th>", text)
    assert "Utvalet heldt 5 møte i 2026; mandatet krev minst 4." in text  # nynorsk: eitt møte, fleire møte
    assert "Til stades" in text
    assert "nestleiaren frå kommunane" in text


def test_html_says_it_is_nynorsk(fsu, nynorsk):
    html = render(fsu, nynorsk, "case", "ssu/2026/4", "--format", "html")
    assert '<html lang="nn">' in html
    assert 'content: "Side " counter(page) " av " counter(pages)' in html


def test_word_spell_checks_in_nynorsk(fsu, nynorsk, tmp_path):
    import docx
    import lxml.etree

    out = tmp_path / "sak.docx"
    assert fsu("render", "case", "fsu-pasientforlop/2026/1", "--format", "docx", "-o", out, "--repo",
               nynorsk).exit_code == 0
    with zipfile.ZipFile(out) as package:
        styles = lxml.etree.fromstring(package.read("word/styles.xml"))
        core = package.read("docProps/core.xml").decode("utf-8")
    [default] = styles.findall(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert default.get(f"{W}val") == "nn-NO"
    assert "<dc:language>nn-NO</dc:language>" in core
    document = docx.Document(str(out))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Sakshandsamar:" in text and "Framlegg til vedtak:" in text
    footer = "".join(t.text for t in document.sections[0].footer.paragraphs[0]._p.iter(f"{W}t"))
    assert footer.endswith("Side 1 av 1")


def test_a_pdf_in_nynorsk(fsu, nynorsk, tmp_path):
    from pypdf import PdfReader

    out = tmp_path / "protokoll.pdf"
    assert fsu("render", "minutes", "fsu-pasientforlop", "2026-05-21", "--format", "pdf", "-o", out, "--repo",
               nynorsk).exit_code == 0
    reader = PdfReader(str(out))
    assert reader.trailer["/Root"]["/Lang"] == "nn"  # from <html lang="nn">
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "Til stades" in text and "Møteleiar: Marte Haugland" in text and "Møtestad: Teams" in text


def test_a_draft_is_marked_in_nynorsk(fsu, nynorsk):
    text = render(fsu, nynorsk, "case", "ssu/2026/4", "--draft")
    assert text.startswith("**UTKAST – ikkje endeleg: dokumentet er laga frå data som kan ha feil.**")


# --- bokmål stays as it was ---------------------------------------------------------------------


def test_bokmaal_is_the_default_and_nb_says_so_explicitly(fsu, community):
    absent = {args: render(fsu, community, *args) for args in
              [("case", "ssu/2026/4", "--format", "html"), ("members", "ssu"), ("report", "ssu", "2025")]}
    assert "Saksbehandler:" in absent[("case", "ssu/2026/4", "--format", "html")]
    assert '<html lang="nb">' in absent[("case", "ssu/2026/4", "--format", "html")]
    assert "| Bjørn Moen | leder |" in absent[("members", "ssu")]
    edit(community / "fsu.yaml", "name: ", "language: nb\nname: ")
    for args, text in absent.items():
        assert render(fsu, community, *args) == text


def test_a_bokmaal_agenda_names_the_day_too(fsu, community):
    assert "Dato: torsdag 21.05.2026  " in render(fsu, community, "agenda", "fsu-pasientforlop", "2026-05-21")


def test_day_names_in_both_maalformer():
    from fsu_cli.render import words
    from fsu_cli.render.i18n import speaking

    week = [dt.date(2026, 11, 23) + dt.timedelta(days=n) for n in range(7)]  # a Monday to a Sunday
    assert [words.day_and_date(d).split()[0] for d in week] == [
        "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"]
    with speaking("nn"):
        assert [words.day_and_date(d) for d in week[:2]] == ["måndag 23.11.2026", "tysdag 24.11.2026"]
        assert [words.day_and_date(d).split()[0] for d in week[2:]] == [
            "onsdag", "torsdag", "fredag", "laurdag", "sundag"]
    assert words.ROLE["leader"] == "leder"  # the målform ends with its block


# --- the catalog ---------------------------------------------------------------------------------


def test_every_text_has_a_nynorsk_translation():
    """Every text Babel extracts from the templates and the code (babel.cfg) is in the catalog, translated."""
    from babel.messages.pofile import read_po

    from fsu_cli.render import i18n

    with i18n.catalog_path("nn").open("rb") as po:
        catalog = read_po(po, locale="nn")
    extracted = [message.id for message in i18n.extract() if message.id]
    assert len(extracted) > 150
    missing = [m for m in extracted if m not in catalog]
    assert not missing, f"not in the catalog (run python3 -m fsu_cli.render.i18n update): {missing}"
    untranslated = i18n.untranslated(catalog)
    assert not untranslated, f"no nynorsk yet in {i18n.catalog_path('nn')}: {untranslated}"


def test_the_compiled_catalog_is_the_po_compiled():
    """The shipped .mo is what the .po compiles to, so a translation edited by hand is not lost."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    from fsu_cli.render import i18n

    with i18n.catalog_path("nn").open("rb") as po:
        catalog = read_po(po, locale="nn")
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    assert i18n.catalog_path("nn", ".mo").read_bytes() == compiled.getvalue(), (
        "the .mo is older than the .po: run python3 -m fsu_cli.render.i18n update")


def test_translations_keep_their_placeholders():
    from babel.messages.pofile import read_po

    from fsu_cli.render import i18n

    with i18n.catalog_path("nn").open("rb") as po:
        catalog = read_po(po, locale="nn")
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set(re.findall(r"%\((\w+)\)s", ids[0])) - {"genitive"}  # the name, not its genitive
        for string in strings:
            assert wanted <= set(re.findall(r"%\((\w+)\)s", string)), (message.id, string)


# --- the setting -----------------------------------------------------------------------------------


def test_an_unknown_language_is_a_schema_error(fsu, community):
    edit(community / "fsu.yaml", "name: ", "language: xx\nname: ")
    result = fsu("validate", "--repo", community)
    assert result.exit_code == 1
    line = line_of(community / "fsu.yaml", "language: xx")
    assert f"fsu.yaml:{line}:11: FSU105 'xx' is not an allowed value for 'language'." in result.stdout
    assert "hint: Allowed values: nb, nn." in result.stdout


def test_the_website_is_nynorsk_too(fsu, nynorsk, tmp_path):
    """The site's own texts and the documents set into it, in nynorsk; the data's own words stay as written."""
    out = tmp_path / "site"
    result = fsu("publish", "site", out, "--repo", nynorsk)
    assert result.exit_code == 0, result.stderr
    front = (out / "index.html").read_text(encoding="utf-8")
    assert '<html lang="nn">' in front
    assert "Framside" in front and "Hovudmeny" in front and "Forside" not in front
    committee = (out / "utvalg" / "ssu.html").read_text(encoding="utf-8")
    assert "Leiar" in committee and "Nestleiar" in committee and "Medlemer" in committee
    assert "Leder:" not in committee and "Medlemmer" not in committee
    case = next((out / "saker").rglob("*.html")).read_text(encoding="utf-8")
    assert "Sakshandsamar" in case or "Unnateke offentlegheit" in case


def test_the_calendar_and_the_einnsyn_export_are_nynorsk_too(fsu, nynorsk, tmp_path):
    calendar, export = tmp_path / "møte.ics", tmp_path / "einnsyn.json"
    assert fsu("publish", "ics", calendar, "--repo", nynorsk).exit_code == 0
    assert fsu("publish", "einnsyn", export, "--repo", nynorsk).exit_code == 0
    text = calendar.read_text(encoding="utf-8")
    assert "Halde" in text and "Avholdt" not in text
    json_text = export.read_text(encoding="utf-8")
    assert "Innkalling og sakliste – Møte i" in json_text and "Innkalling og saksliste" not in json_text
    assert "Unnateke offentlegheit, jf." in json_text and "Unntatt offentlighet" not in json_text


def test_a_language_fsu_does_not_know_stops_documents_instead_of_giving_bokmal(fsu, community):
    edit(community / "fsu.yaml", "name:", "language: nynorsk\nname:")
    result = fsu("render", "case", "ssu/2026/4", "--repo", community)
    assert result.exit_code == 1
    assert "FSU105 'nynorsk' is not an allowed value for 'language'." in result.stderr
