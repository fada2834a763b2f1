"""Word output keeps the text as written: a date at the start of a line stays a date, each numbered list
counts from its own start, links keep their address, quotes stay quotes, the language is Norwegian bokmål
and the footer says "Side X av Y". Every test renders a case paper with ``fsu render`` and reads the
.docx back (python-docx, and the XML inside the file where python-docx has no word for it)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from conftest import edit

CASE = "data/cases/ssu/2024/02.yaml"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
BACKGROUND = """background: |
  Nasjonal helse- og samhandlingsplan forventer at hvert helsefellesskap har en
  felles handlingsplan med prioriterte pasientgrupper. Felles sekretariat har
  laget et utkast etter innspill fra kommunene, foretaket og brukerutvalget.
"""


def render_with_background(fsu, community: Path, tmp_path: Path, markdown: str) -> Path:
    """The case paper ssu/2024/2 with ``markdown`` as its background, in Word."""
    text = "".join(f"  {line}\n" if line else "\n" for line in markdown.splitlines())
    edit(community / CASE, BACKGROUND, "background: |\n" + text)
    out = tmp_path / "sak.docx"
    result = fsu("render", "case", "ssu/2024/2", "--format", "docx", "-o", out, "--repo", community)
    assert result.exit_code == 0, result.stderr
    return out


def numbered(paragraph) -> tuple[str, str] | None:
    """The numId and level a paragraph is numbered with, its own or its style's."""
    for element in (paragraph._p.pPr, paragraph.style.element.pPr):
        numbering = element.find(f"{W}numPr") if element is not None else None
        if numbering is not None and numbering.find(f"{W}numId") is not None:
            ilvl = numbering.find(f"{W}ilvl")
            return numbering.find(f"{W}numId").get(f"{W}val"), ilvl.get(f"{W}val") if ilvl is not None else "0"
    return None


def start_of(document, num_id: str, level: str) -> int:
    """Where Word starts counting a numbering: its start override, else its abstract numbering's start."""
    root = document.part.numbering_part.element
    [num] = [n for n in root.findall(f"{W}num") if n.get(f"{W}numId") == num_id]
    for override in num.findall(f"{W}lvlOverride"):
        start = override.find(f"{W}startOverride")
        if override.get(f"{W}ilvl") == level and start is not None:
            return int(start.get(f"{W}val"))
    abstract_id = num.find(f"{W}abstractNumId").get(f"{W}val")
    [abstract] = [a for a in root.findall(f"{W}abstractNum") if a.get(f"{W}abstractNumId") == abstract_id]
    [lvl] = [lvl for lvl in abstract.findall(f"{W}lvl") if lvl.get(f"{W}ilvl") == level]
    start = lvl.find(f"{W}start")
    return int(start.get(f"{W}val")) if start is not None else 0


@pytest.mark.parametrize("markdown", [
    "Arbeidsgruppen ble satt ned\n1. oktober 2024 og la fram sin rapport i mars.",
    "Møtene i år:\n1. januar 2025 i Fjordvik\n2. mars 2025 på video\n3. juli 2025 i Nordby",
    "1. oktober 2024 ble arbeidsgruppen satt ned.",
])
def test_a_line_that_starts_with_a_date_is_text_not_a_list(fsu, community, tmp_path, markdown):
    import docx

    document = docx.Document(str(render_with_background(fsu, community, tmp_path, markdown)))
    paragraphs = [p for p in document.paragraphs if "oktober" in p.text or "januar" in p.text]
    assert len(paragraphs) == 1
    [paragraph] = paragraphs
    assert paragraph.text == " ".join(markdown.split())
    assert numbered(paragraph) is None


def test_a_numbered_line_inside_a_paragraph_is_text(fsu, community, tmp_path):
    import docx

    document = docx.Document(str(render_with_background(fsu, community, tmp_path,
                                                        "Vi har behandlet dette i\n2. halvår og i styret.")))
    [paragraph] = [p for p in document.paragraphs if "halvår" in p.text]
    assert paragraph.text == "Vi har behandlet dette i 2. halvår og i styret."
    assert numbered(paragraph) is None


def test_every_numbered_list_counts_from_its_own_start(fsu, community, tmp_path):
    import docx

    out = render_with_background(fsu, community, tmp_path,
                                 "Første:\n\n1. en\n2. to\n\nAndre:\n\n1. tre\n2. fire\n\nFortsatt:\n\n7. sju\n8. åtte")
    document = docx.Document(str(out))
    items = {p.text: numbered(p) for p in document.paragraphs
             if p.text in ("en", "to", "tre", "fire", "sju", "åtte")}
    assert all(items.values()), items
    assert items["en"] == items["to"] and items["tre"] == items["fire"] and items["sju"] == items["åtte"]
    assert len({items["en"], items["tre"], items["sju"]}) == 3
    assert start_of(document, *items["en"]) == 1
    assert start_of(document, *items["tre"]) == 1
    assert start_of(document, *items["sju"]) == 7
    # The proposal's own list (1., 2.) came before the background's and still starts at 1.
    proposal = next(p for p in document.paragraphs if p.text.startswith("Strategisk samarbeidsutvalg (SSU) anbefaler"))
    assert numbered(proposal) not in (None, items["en"])
    assert start_of(document, *numbered(proposal)) == 1


def test_a_nested_numbered_list_counts_from_one_too(fsu, community, tmp_path):
    import docx

    out = render_with_background(fsu, community, tmp_path, "1. a\n   1. a1\n   2. a2\n2. b\n   1. b1")
    document = docx.Document(str(out))
    items = {p.text: numbered(p) for p in document.paragraphs if p.text in ("a", "a1", "a2", "b", "b1")}
    assert items["a"] == items["b"] and items["a1"] == items["a2"] and items["a1"] != items["b1"]
    assert start_of(document, *items["a1"]) == start_of(document, *items["b1"]) == 1
    assert document.paragraphs[[p.text for p in document.paragraphs].index("a1")].style.name == "List Number 2"


def test_a_link_keeps_its_address(fsu, community, tmp_path):
    import docx

    out = render_with_background(fsu, community, tmp_path,
                                 "Se [handlingsplanen](https://fjordvik.example/plan?x=1&y=2) for mer.")
    document = docx.Document(str(out))
    [paragraph] = [p for p in document.paragraphs if "handlingsplanen" in p.text]
    assert paragraph.text == "Se handlingsplanen for mer."
    [link] = paragraph.hyperlinks
    assert link.text == "handlingsplanen"
    assert link.address == "https://fjordvik.example/plan?x=1&y=2"


def test_a_blockquote_is_an_indented_quote(fsu, community, tmp_path):
    import docx

    out = render_with_background(fsu, community, tmp_path, "Brukerutvalget skrev:\n\n> Vi ønsker mer tid.\n\nSlutt.")
    document = docx.Document(str(out))
    [quote] = [p for p in document.paragraphs if p.text == "Vi ønsker mer tid."]
    assert quote.style.name == "Quote"
    assert quote.style.paragraph_format.left_indent > 0
    assert [p.style.name for p in document.paragraphs if p.text == "Slutt."] != ["Quote"]


def test_the_language_is_norwegian_bokmaal(fsu, community, tmp_path):
    out = render_with_background(fsu, community, tmp_path, "Tekst.")
    with zipfile.ZipFile(out) as package:
        styles = package.read("word/styles.xml").decode("utf-8")
    import lxml.etree

    root = lxml.etree.fromstring(styles.encode())
    [default] = root.findall(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert default.get(f"{W}val") == "nb-NO"
    [normal] = [s for s in root.findall(f"{W}style") if s.get(f"{W}styleId") == "Normal"]
    assert normal.find(f"{W}rPr/{W}lang").get(f"{W}val") == "nb-NO"
    assert "en-US" not in styles.split("<w:latentStyles")[0].split("</w:docDefaults>")[0]


def test_the_language_is_norwegian_on_a_letterhead_too(fsu, community, tmp_path):
    import docx

    (community / "templates").mkdir()
    docx.Document().save(str(community / "templates" / "letterhead.docx"))
    out = render_with_background(fsu, community, tmp_path, "Tekst.")
    with zipfile.ZipFile(out) as package:
        styles = package.read("word/styles.xml").decode("utf-8")
    assert 'w:val="nb-NO"' in styles and 'w:val="en-US"' not in styles


def test_the_footer_says_side_x_av_y(fsu, community, tmp_path):
    import docx

    out = render_with_background(fsu, community, tmp_path, "Tekst.")
    footer = docx.Document(str(out)).sections[0].footer.paragraphs[0]
    fields = [f.get(f"{W}instr").strip() for f in footer._p.iter(f"{W}fldSimple")]
    assert fields == ["PAGE", "NUMPAGES"]
    text = "".join(t.text for t in footer._p.iter(f"{W}t"))  # with the fields' numbers, until Word counts pages
    assert text == "SSU sak 02-2024Side 1 av 1"
    assert footer.text == "SSU sak 02-2024\t\tSide  av "  # python-docx reads the runs outside the fields
