"""Word output keeps the text as written: a date at the start of a line stays a date. Every test renders a case paper with ``fsu render`` and reads the
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

