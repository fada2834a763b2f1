"""``fsu publish site``: the public website of the example community, what it holds, what it never holds, its
links, its bytes, and ``--check`` for CI."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from conftest import edit

EXEMPT_CASE = "data/cases/ssu/2024/04.yaml"
# Words of the exempt case's title, background, proposal and attachment, found nowhere else in the example.
SECRET_WORDS = ["intermediære", "forhandlingsrammer", "forhandlingsposisjon", "Forhandlinger om avtale om kjøp",
                "fullmakt til å forhandle", "tilbudt foretaket", "Notat om forhandlingsrammer"]


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def published(fsu, community, tmp_path) -> Path:
    out = tmp_path / "nettsted"
    result = fsu("publish", "site", out, "--repo", community)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Published ") and "pages to" in result.stdout
    return out


class Page(HTMLParser):
    """What the tests look at in a page: links, ids, headings, table headers, external resources."""

    def __init__(self, text: str):
        super().__init__()
        self.links, self.ids, self.headings, self.th, self.resources, self.lang = [], set(), [], [], [], None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "html":
            self.lang = attrs.get("lang")
        if tag == "a" and "href" in attrs:
            self.links.append(attrs["href"])
        if tag in ("link", "script", "img", "iframe", "source") and (attrs.get("href") or attrs.get("src")):
            self.resources.append(attrs.get("href") or attrs.get("src"))
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "th":
            self.th.append(attrs.get("scope"))


def pages_of(site: Path) -> dict[str, Page]:
    return {p.relative_to(site).as_posix(): Page(p.read_text(encoding="utf-8")) for p in sorted(site.rglob("*.html"))}


def test_the_site_has_every_kind_of_page(published):
    names = set(tree(published))
    assert {"index.html", "vedtak.html", "vedtak.json", "stil.css", ".fsu-site", "utvalg/ssu.html",
            "utvalg/fsu-pasientforlop.html", "moter/fsu-pasientforlop/2026-05-21.html",
            "moter/fsu-pasientforlop/2026-12-17.html", "saker/ssu/2024/02.html", "saker/ssu/2024/04.html",
            "arsrapporter/fsu-pasientforlop/2025.html", "arsrapporter/ssu/2025.html"} <= names
    committee = (published / "utvalg/ssu.html").read_text(encoding="utf-8")
    for text in ("<h2>Mandat</h2>", "Godkjent i ", "<h2>Leder og nestleder</h2>", "<caption>Kommunene</caption>",
                 "<caption>Helseforetaket</caption>", "<h3>Kommende møter</h3>", "<h3>Tidligere møter</h3>",
                 'href="../moter/ssu/2026-11-26.html"', 'href="../arsrapporter/ssu/2025.html"'):
        assert text in committee, text
    meeting = (published / "moter/fsu-pasientforlop/2026-05-21.html").read_text(encoding="utf-8")
    assert "<h2>Innkalling til møte i" in meeting and "<h2>Protokoll fra møte i" in meeting
    assert 'href="../../saker/fsu-pasientforlop/2026/02.html"' in meeting


def test_an_exempt_case_shows_only_its_public_title_and_legal_basis(published):
    page = (published / "saker/ssu/2024/04.html").read_text(encoding="utf-8")
    assert "<h1>SSU sak 04-2024: Forhandlinger om avtale om tjenestekjøp</h1>" in page
    assert "Unntatt offentlighet, jf. offl. § 23 første ledd" in page
    assert "Vedtak" not in page and "Vedlegg" not in page and "Bakgrunn" not in page


def test_the_exempt_cases_words_are_in_no_published_byte(published, community):
    source = (community / EXEMPT_CASE).read_text(encoding="utf-8")
    data = b"".join(tree(published).values())
    assert data.count("Forhandlinger om avtale om tjenestekjøp".encode()) > 1  # its public title is published
    for words in SECRET_WORDS:
        assert words in source, words  # the words are the case's own
        for form in {words, words.casefold(), words.upper()}:
            assert form.encode() not in data, f"{form!r} from the exempt case is published"
            assert form.encode("unicode_escape") not in data  # nor escaped, as in JSON


def test_pages_are_norwegian_and_well_formed_for_assistive_technology(published):
    for name, page in pages_of(published).items():
        assert page.lang == "nb", name
        assert page.headings.count(1) == 1 and page.headings[0] == 1, name
        jumps = [(a, b) for a, b in zip(page.headings, page.headings[1:]) if b > a + 1]
        assert not jumps, f"{name}: a heading skips a level: {jumps}"
        assert all(scope in ("col", "row") for scope in page.th), f"{name}: a table header without scope"
        assert "innhold" in page.ids and "#innhold" in page.links, name  # the skip link and its target


def test_no_resource_comes_from_elsewhere_and_print_has_styles(published):
    for name, page in pages_of(published).items():
        assert all(not urlsplit(r).scheme and not r.startswith("//") for r in page.resources), (name, page.resources)
    style = (published / "stil.css").read_text(encoding="utf-8")
    assert "@media print" in style and "url(" not in style and "@import" not in style


def test_every_internal_link_leads_to_a_file_and_its_anchor(published):
    pages = pages_of(published)
    checked = 0
    for name, page in pages.items():
        for link in page.links:
            parts = urlsplit(link)
            if parts.scheme or link.startswith("//"):
                continue  # links in the texts to other sites, and mailto:
            assert not link.endswith("/"), f"{name}: {link} must name its index.html (file:// has no index)"
            target = (published / name).parent / unquote(parts.path) if parts.path else published / name
            target = target.resolve()
            assert target.is_file() and published.resolve() in target.parents, f"{name}: {link} leads nowhere"
            if parts.fragment:
                rel = target.relative_to(published.resolve()).as_posix()
                assert parts.fragment in pages[rel].ids, f"{name}: {link}: no id {parts.fragment!r}"
            checked += 1
    assert checked > 500


def test_two_runs_give_the_same_bytes(fsu, community, tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    assert fsu("publish", "site", first, "--repo", community).exit_code == 0
    assert fsu("publish", "site", second, "--repo", community).exit_code == 0
    assert tree(first) == tree(second) and len(tree(first)) > 100


def test_the_decision_index_is_a_file_and_is_in_the_page(published):
    import json

    index = json.loads((published / "vedtak.json").read_text(encoding="utf-8"))
    page = (published / "vedtak.html").read_text(encoding="utf-8")
    assert {"id", "href", "number", "title", "committee", "year", "date", "outcome", "text"} == set(index[0])
    embedded = json.loads(re.search(r'<script type="application/json" id="vedtak-indeks">(.*?)</script>', page,
                                    re.DOTALL).group(1))
    assert [e["id"] for e in embedded] == [e["id"] for e in index]
    assert all((published / e["href"]).is_file() for e in index)


def test_check_passes_on_a_current_site_and_finds_a_one_word_change(fsu, community, published):
    assert fsu("publish", "site", published, "--repo", community, "--check").exit_code == 0
    before = tree(published)
    edit(community / "data/cases/ssu/2025/01.yaml", "årsrapportene", "rapportene")
    result = fsu("publish", "site", published, "--repo", community, "--check")
    assert result.exit_code == 1
    assert "stale: saker/ssu/2025/01.html" in result.lines and "stale: vedtak.json" in result.lines
    assert "is out of date" in result.stderr
    assert tree(published) == before  # --check writes nothing


def test_check_lists_missing_and_extra_files_and_publishing_tidies_them(fsu, community, published):
    (published / "saker/ssu/2024/02.html").unlink()
    (published / "gammel.html").write_text("<p>gammel</p>", encoding="utf-8")
    (published / "CNAME").write_text("fsu.example.no\n", encoding="utf-8")  # a host's file: not fsu's
    result = fsu("publish", "site", published, "--repo", community, "--check")
    assert result.exit_code == 1
    assert result.lines == ["extra: gammel.html", "missing: saker/ssu/2024/02.html"]
    tidied = fsu("publish", "site", published, "--repo", community)
    assert tidied.exit_code == 0
    assert "removed: gammel.html" in tidied.lines and tidied.lines[-1].endswith("(2 file(s) changed, 1 removed).")
    assert not (published / "gammel.html").exists() and (published / "saker/ssu/2024/02.html").is_file()
    assert (published / "CNAME").read_text(encoding="utf-8") == "fsu.example.no\n"
    assert fsu("publish", "site", published, "--repo", community, "--check").exit_code == 0


def test_check_of_a_site_never_published(fsu, community, tmp_path):
    result = fsu("publish", "site", tmp_path / "ingen", "--repo", community, "--check")
    assert result.exit_code == 1 and "missing: index.html" in result.lines
    assert not (tmp_path / "ingen").exists()


def test_a_folder_fsu_did_not_write_is_left_alone(fsu, community, tmp_path):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "index.html").write_text("min egen side", encoding="utf-8")
    result = fsu("publish", "site", mine, "--repo", community)
    assert result.exit_code == 2 and "fsu did not write it" in result.stderr
    assert tree(mine) == {"index.html": b"min egen side"}
    afile = tmp_path / "fil.txt"
    afile.write_text("x", encoding="utf-8")
    result = fsu("publish", "site", afile, "--repo", community)
    assert result.exit_code == 2 and "is a file, not a folder" in result.stderr


def test_an_empty_folder_may_be_published_into(fsu, community, tmp_path):
    (tmp_path / "tom").mkdir()
    assert fsu("publish", "site", tmp_path / "tom", "--repo", community).exit_code == 0


def test_nothing_is_published_from_a_broken_file(fsu, community, tmp_path):
    edit(community / "data/cases/ssu/2024/01.yaml", "title:", "titel:")
    result = fsu("publish", "site", tmp_path / "ut", "--repo", community)
    assert result.exit_code == 1
    assert "Nothing was published" in result.stderr and "data/cases/ssu/2024/01.yaml:5:1: FSU101" in result.stderr
    assert not (tmp_path / "ut").exists()


def test_a_wrong_as_of_date_is_a_usage_error(fsu, community, tmp_path):
    result = fsu("publish", "site", tmp_path / "ut", "--repo", community, "--as-of", "2026-13-01")
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.stderr


def test_todays_date_from_the_clock_is_not_printed(fsu, community, tmp_path, monkeypatch):
    """Without --as-of, FSU_AS_OF or as_of in fsu.yaml the site is made as of today, and does not say so: a run
    tomorrow of the same data should differ only where the day changes what is true."""
    edit(community / "fsu.yaml", "as_of: 2026-11-22\n", "")
    monkeypatch.delenv("FSU_AS_OF")
    assert fsu("publish", "site", tmp_path / "i-dag", "--repo", community).exit_code == 0
    assert "Medlemmer per" not in (tmp_path / "i-dag/utvalg/ssu.html").read_text(encoding="utf-8")
    assert fsu("publish", "site", tmp_path / "fast", "--repo", community, "--as-of", "2026-11-22").exit_code == 0
    assert "Medlemmer per 22.11.2026" in (tmp_path / "fast/utvalg/ssu.html").read_text(encoding="utf-8")


def test_a_site_in_a_folder_that_does_not_exist_is_refused(fsu, community, tmp_path):
    result = fsu("publish", "site", tmp_path / "skrivefeil" / "nettsted", "--repo", community)
    assert result.exit_code == 2 and "does not exist" in result.stderr
    assert not (tmp_path / "skrivefeil").exists()
