"""Case papers as real secretariats write them: their sections, the route through the committees
(saksgang) derived from ``referred_from``, the sending committee's recommendation, the follow-up of
decisions, ``fsu case trail``, ``fsu followup``, and the annual report's own words."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import PROJECT, edit, line_of, validation_findings
from test_render import docx_text, pdf_text, squash

SSU_CASE = "data/cases/ssu/2026/04.yaml"  # referred from fsu-pasientforlop/2026/2, with follow-up
FSU_CASE = "data/cases/fsu-pasientforlop/2026/02.yaml"


def codes(findings: list[dict], path: str | None = None) -> list[str]:
    return [f["code"] for f in findings if path is None or f["path"] == path]


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


# --- the case paper ------------------------------------------------------------------------


def test_a_referred_case_paper_has_its_header_route_sections_recommendation_and_follow_up(fsu):
    result = fsu("render", "case", "ssu/2026/4", "--repo", PROJECT)
    assert result.exit_code == 0, result.stderr
    lines = result.lines
    for fact in ("Saksbehandler: Camilla Strand, Sykehuset Fjordvik HF  ", "Dato: 03.09.2026  ",
                 "Arkivsak: 26/01187  ", "Møtedato: 17.09.2026  "):
        assert fact in lines
    route = lines.index("Saksgang:")
    assert lines[route + 4:route + 6] == [
        "| FSU pasientforløp | 2026.02 | 21.05.2026 | Vedtatt |",
        "| **SSU** | 04-2026 | 17.09.2026 | Vedtatt |",
    ]
    headings = [line for line in lines if line.startswith("## ")]
    assert headings == ["## Innledning", "## Bakgrunn", "## Vurdering",
                        "## Innstilling fra FSU pasientforløp 21.05.2026:", "## Innstilling til konsensus:",
                        "## Vedtak (17.09.2026): Vedtatt", "## Oppfølging av vedtaket"]
    recommendation = lines.index("## Innstilling fra FSU pasientforløp 21.05.2026:")
    assert lines[recommendation + 2].startswith("FSU pasientforløp anbefaler at SSU godkjenner")
    assert "| Sekretariatet sender rutinen til alle partnerne | Felles sekretariat | 01.10.2026 | " \
           "Utført 24.09.2026 |" in lines
    assert "| Rutinen innført hos alle partnerne | FSU pasientforløp | 01.03.2027 | Åpen |" in lines


def test_the_route_is_derived_both_ways_and_shows_what_is_still_to_come(fsu, community):
    sender = fsu("render", "case", "fsu-pasientforlop/2026/2", "--repo", community)
    assert "| **FSU pasientforløp** | 2026.02 | 21.05.2026 | Vedtatt |" in sender.lines
    assert "| SSU | 04-2026 | 17.09.2026 | Vedtatt |" in sender.lines
    # the SSU's case for the final report, at its next meeting, is referred from the FSU psykisk helse's
    later = fsu("render", "case", "fsu-psykisk-helse/2026/1", "--repo", community)
    assert later.exit_code == 0, later.stderr
    assert "| SSU | 05-2026 | 26.11.2026 | Ikke behandlet ennå |" in later.lines


def test_a_case_alone_has_no_route_and_an_information_case_is_taken_note_of(fsu):
    result = fsu("render", "case", "ssu/2025/1", "--repo", PROJECT)
    assert "Saksgang:" not in result.lines
    assert "## Vedtak (13.02.2025): Tatt til orientering" in result.lines


@pytest.mark.parametrize("form", ["html", "docx", "pdf"])
def test_the_route_recommendation_and_follow_up_render_in_every_format(fsu, tmp_path, form):
    out = tmp_path / f"sak.{form}"
    result = fsu("render", "case", "ssu/2026/4", "--format", form, "--output", out, "--repo", PROJECT)
    assert result.exit_code == 0, result.stderr
    if form == "html":
        text = squash(out.read_text(encoding="utf-8"))
        assert '<tr class="current"><td><strong>SSU</strong></td><td>04-2026</td>' in text
        assert "<h2>Innstilling fra FSU pasientforløp 21.05.2026:</h2>" in text
        assert "<h1>" in text and "<h3>" not in text and "<h4>" not in text  # one level at a time
        return
    text = squash(" ".join(docx_text(out)) if form == "docx" else pdf_text(out))
    for expected in ("Arkivsak: 26/01187", "Dato: 03.09.2026", "Saksgang",
                     "FSU pasientforløp", "Innstilling fra FSU pasientforløp 21.05.2026:",
                     "Rutinen innført hos alle partnerne", "Oppfølging av vedtaket", "Utført 24.09.2026"):
        assert expected in text, (form, expected)
    if form == "docx":
        import docx

        levels = [p.style.name for p in docx.Document(str(out)).paragraphs if p.style.name.startswith("Heading")]
        assert set(levels) == {"Heading 1", "Heading 2"}


def test_a_public_paper_shows_no_recommendation_taken_from_an_exempt_sender(fsu, community):
    """Without its own 'recommendation', a paper shows what the sending committee decided; not to the
    public when that case is exempt. A recommendation written in the paper itself is the paper's own."""
    edit(community / FSU_CASE, "kind: decision", "kind: decision\nexemption: {basis: offl. § 14, "
         "public_title: Intern sak om utskrivning}")
    internal = fsu("render", "case", "ssu/2026/4", "--repo", community)
    public = fsu("render", "case", "ssu/2026/4", "--public", "--repo", community)
    assert "## Innstilling fra FSU pasientforløp 21.05.2026:" in internal.lines
    assert "Innstilling fra FSU pasientforløp" not in public.stdout
    assert "FSU pasientforløp anbefaler" not in public.stdout
    edit(community / SSU_CASE, "referred_from: fsu-pasientforlop/2026/2",
         "referred_from: fsu-pasientforlop/2026/2\nrecommendation: FSU anbefaler rutinen.")
    public = fsu("render", "case", "ssu/2026/4", "--public", "--repo", community)
    assert public.lines[public.lines.index("## Innstilling fra FSU pasientforløp 21.05.2026:") + 2] == \
        "FSU anbefaler rutinen."


# --- referral rules ------------------------------------------------------------------------


def test_a_referral_to_a_case_that_does_not_exist_is_fsu205(fsu, community):
    edit(community / SSU_CASE, "referred_from: fsu-pasientforlop/2026/2", "referred_from: fsu-pasientforlop/2026/9")
    findings = validation_findings(fsu, community)
    assert [(f["code"], f["line"]) for f in findings] == [("FSU205", line_of(community / SSU_CASE, "referred_from"))]


def test_a_referral_from_the_same_committee_is_fsu371(fsu, community):
    edit(community / SSU_CASE, "referred_from: fsu-pasientforlop/2026/2", "referred_from: ssu/2026/1")
    assert codes(validation_findings(fsu, community)) == ["FSU371"]


def test_a_referral_decided_before_its_sender_is_fsu372(fsu, community):
    edit(community / FSU_CASE, "  date: 2026-05-21\n  outcome: adopted", "  date: 2026-09-20\n  outcome: adopted")
    found = validation_findings(fsu, community)
    assert "FSU372" in codes(found, SSU_CASE)
    edit(community / FSU_CASE, "decision:\n  date: 2026-09-20\n  outcome: adopted\n", "")
    assert codes(validation_findings(fsu, community), SSU_CASE) == ["FSU372"]


def test_referrals_in_a_loop_are_fsu373_once(fsu, community):
    edit(community / FSU_CASE, "kind: decision", "kind: decision\nreferred_from: ssu/2026/4")
    found = validation_findings(fsu, community)
    assert codes(found).count("FSU373") == 1
    assert "fsu-pasientforlop/2026/2" in next(f["message"] for f in found if f["code"] == "FSU373")


def test_overdue_and_unclear_follow_up_are_warnings(fsu, community):
    edit(community / SSU_CASE, "      due: 2027-02-15", "      due: 2026-11-01")
    edit(community / SSU_CASE, "      status: open", "      status: open\n      done: 2026-10-01")
    edit(community / SSU_CASE, "      done: 2026-09-24", "      done: null")
    found = validation_findings(fsu, community)
    assert sorted(codes(found)) == ["FSU374", "FSU375", "FSU375"]
    assert all(f["severity"] == "warning" for f in found)
    overdue = next(f for f in found if f["code"] == "FSU374")
    assert overdue["line"] == line_of(community / SSU_CASE, "due: 2026-11-01")
    assert "fsu-pasientforlop" in overdue["message"]


def test_a_follow_up_with_a_status_not_known_is_a_schema_error_and_blocks_the_paper(fsu, community):
    edit(community / SSU_CASE, "      status: in-progress", "      status: underveis")
    assert codes(validation_findings(fsu, community)) == ["FSU105"]
    refused = fsu("render", "case", "ssu/2026/4", "--repo", community)
    assert refused.exit_code == 1
    assert "underveis" in refused.stderr


# --- fsu case trail ------------------------------------------------------------------------


def test_case_trail_prints_the_path_both_ways(fsu):
    for ref in ("ssu/2026/4", "fsu-pasientforlop/2026/2"):
        result = fsu("case", "trail", ref, "--repo", PROJECT)
        assert result.exit_code == 0, result.stderr
        text = result.stdout
        assert text.index("fsu-pasientforlo") < text.index("ssu/2026/4")
        assert "2 cases on the path." in text
    alone = fsu("case", "trail", "ssu/2025/1", "--repo", PROJECT)
    assert "was not referred from another committee" in alone.stdout


def test_case_trail_names_a_case_that_does_not_exist(fsu):
    for ref, message in (("ssu/2031/1", "There is no case ssu/2031/1 (no file for it in data/cases/ssu/)."),
                         ("ssu-2026-4", "is not a case reference"), ("sus/2026/4", "There is no committee 'sus'. Known committees:")):
        result = fsu("case", "trail", ref, "--repo", PROJECT)
        assert result.exit_code == 2
        assert message in result.stderr
        assert "Traceback" not in result.stderr


# --- fsu followup and fsu status -----------------------------------------------------------


def test_followup_lists_every_item_in_json_md_and_text(fsu):
    listed = json.loads(fsu("followup", "--format", "json", "--repo", PROJECT).stdout)
    assert [(i["case"], i["status"], i["due"]) for i in listed["items"]] == [
        ("ssu/2026/4", "done", "2026-10-01"), ("ssu/2026/4", "in-progress", "2027-02-15"),
        ("ssu/2026/4", "open", "2027-03-01")]
    assert not any(i["overdue"] for i in listed["items"])
    md = fsu("followup", "--format", "md", "--repo", PROJECT).lines
    assert md[:2] == ["| Sak | Nr. | Hva | Ansvarlig | Frist | Status |", "|---|---|---|---|---|---|"]
    assert md[3] == ("| SSU sak 04-2026 | 2 | Opplæring i rutinen i alle sengeposter og kommunale tjenester | "
                     "FSU pasientforløp | 15.02.2027 | Under arbeid |")
    text = fsu("followup", "--repo", PROJECT).stdout
    assert "3 item(s); nothing overdue on 22.11.2026." in text


def test_followup_overdue_and_by_committee(fsu):
    late = fsu("followup", "--overdue", "--as-of", "2027-02-20", "--format", "json", "--repo", PROJECT)
    assert [i["what"] for i in json.loads(late.stdout)["items"]] == [
        "Opplæring i rutinen i alle sengeposter og kommunale tjenester"]
    none = fsu("followup", "--overdue", "--repo", PROJECT)
    assert none.exit_code == 0 and "Nothing is overdue on 22.11.2026." in none.stdout
    other = fsu("followup", "--committee", "fsu-akuttmedisin", "--format", "md", "--repo", PROJECT)
    assert other.lines == ["Ingen vedtak har oppfølgingspunkter."]
    wrong = fsu("followup", "--committee", "nobody", "--repo", PROJECT)
    assert wrong.exit_code == 2 and "There is no committee 'nobody'" in wrong.stderr


def test_status_shows_overdue_follow_up(fsu):
    result = fsu("status", "--as-of", "2027-02-20", "--repo", PROJECT)
    section = result.stdout[result.stdout.index("Follow-up of decisions"):]
    assert "OVERDUE SSU sak 04-2026: Opplæring i rutinen" in squash(section)
    assert "Rutinen innført hos alle partnerne" in squash(section)  # due within three months, not yet overdue
    quiet = fsu("status", "--as-of", "2026-10-15", "--repo", PROJECT).stdout
    assert "Follow-up of decisions\n  nothing due" in quiet  # the one due before 2027-01-15 is done


# --- the annual report ---------------------------------------------------------------------


def test_the_annual_report_has_the_committees_own_words_and_the_whole_mandate(fsu):
    result = fsu("render", "report", "fsu-pasientforlop", "2025", "--repo", PROJECT)
    assert result.exit_code == 0, result.stderr
    lines = result.lines
    headings = [line for line in lines if line.startswith("## ")]
    assert headings == ["## Oppsummering", "## Mandat", "## Sammensetning", "## Ledelse", "## Møter", "## Vedtak",
                        "## Evaluering", "## Planer for 2026"]
    mandate = [line for line in lines if line.startswith("### ")]
    assert mandate[:6] == ["### Forankring", "### Formål", "### Oppdrag", "### Rammer og drift",
                           "### Sammensetning", "### Endringer i 2025"]
    assert lines[-1] == "Årsrapporten ble godkjent i SSU 12.02.2026 (SSU sak 01-2026)."
    assert "Medlemmer per 31.12.2025:" in lines


def test_the_report_sorts_members_by_side_role_and_surname(fsu):
    lines = fsu("render", "report", "fsu-pasientforlop", "2025", "--repo", PROJECT).lines
    start = lines.index("| Navn | Verv | Organisasjon | Part |") + 2
    rows = []
    for line in lines[start:]:
        if not line.startswith("| "):
            break
        rows.append([cell.strip() for cell in line.strip("|").split("|")])
    hospital = [r[0] for r in rows if r[3] == "helseforetak"]
    assert hospital[0] == "Marte Haugland"  # the leader first within the side
    assert hospital[1:] == sorted(hospital[1:], key=lambda name: name.split()[-1])
    sides = [r[3] for r in rows]
    assert sides.index("kommune") > max(i for i, s in enumerate(sides) if s == "helseforetak")


def test_the_report_lists_follow_up_and_referrals(fsu, tmp_path):
    ssu = fsu("render", "report", "ssu", "2026", "--repo", PROJECT)
    assert "Mottatt fra andre utvalg:" in ssu.lines
    assert ("- SSU sak 04-2026 Felles rutine for utskrivning av skrøpelige eldre, fra FSU pasientforløp sak 2026.02"
            " – vedtatt") in ssu.lines
    assert "| Rutinen innført hos alle partnerne | FSU pasientforløp | 01.03.2027 | Åpen |" in ssu.lines
    fsu_report = fsu("render", "report", "fsu-pasientforlop", "2026", "--repo", PROJECT)
    assert any(line.startswith("- FSU pasientforløp sak 2026.02") and "til SSU sak 04-2026 (17.09.2026)" in line
               for line in fsu_report.lines)
    out = tmp_path / "rapport.docx"
    assert fsu("render", "report", "ssu", "2026", "--format", "docx", "-o", out, "--repo", PROJECT).exit_code == 0
    text = squash(" ".join(docx_text(out)))
    assert "Saker til og fra andre utvalg" in text and "Rutinen innført hos alle partnerne" in text


def test_a_report_file_in_the_wrong_place_is_fsu381_and_fsu382(fsu, community):
    report = community / "data/reports/fsu-pasientforlop/2025.yaml"
    edit(report, "year: 2025", "year: 2024")
    assert [(f["code"], f["line"]) for f in validation_findings(fsu, community)] == [("FSU381", 2)]
    edit(report, "year: 2024", "year: 2025")
    stray = community / "data/reports/fsu-pasientforløp"
    stray.mkdir()
    (stray / "2025.yaml").write_text("committee: fsu-pasientforløp\nyear: 2025\n", encoding="utf-8")
    found = codes(validation_findings(fsu, community), "data/reports/fsu-pasientforløp/2025.yaml")
    assert "FSU382" in found and "FSU381" not in found


def test_a_report_approved_by_an_unknown_committee_or_case_is_reported(fsu, community):
    report = community / "data/reports/fsu-pasientforlop/2025.yaml"
    edit(report, "  by: ssu", "  by: sus")
    edit(report, "  case: ssu/2026/1", "  case: ssu/2026/11")
    assert sorted(codes(validation_findings(fsu, community))) == ["FSU204", "FSU205"]


# --- headings, one level at a time ---------------------------------------------------------

DOCUMENTS = [("case", "ssu/2026/4"), ("case", "ssu/2024/2"), ("mandate", "fsu-pasientforlop-2025"),
             ("agenda", "ssu", "2026-11-26"), ("agenda", "fsu-pasientforlop", "2026-05-21"),
             ("minutes", "ssu", "2026-09-17"), ("minutes", "fsu-pasientforlop", "2026-05-21"),
             ("report", "ssu", "2026"), ("report", "fsu-pasientforlop", "2025"), ("members", "ssu")]


@pytest.mark.parametrize("document", DOCUMENTS, ids=["-".join(d) for d in DOCUMENTS])
def test_headings_go_down_one_level_at_a_time(fsu, document):
    import re

    for form, pattern in (("html", r"<h([1-6])[ >]"), ("md", r"^(#{1,6}) ")):
        result = fsu("render", *document, "--format", form, "--repo", PROJECT)
        assert result.exit_code == 0, result.stderr
        levels = [len(m) if form == "md" else int(m) for m in re.findall(pattern, result.stdout, re.M)]
        assert levels[0] == 1, (form, levels)
        assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), (form, levels)


# --- by command ----------------------------------------------------------------------------


def test_a_case_sent_on_is_created_decided_and_followed_up_by_command(fsu, community):
    made = fsu("new", "case", "ssu", "--meeting", "2026-11-26", "--title", "Oppfølging av rutinen",
               "--referred-from", "fsu-pasientforlop/2026/2", "--archive-ref", "26/02001", "--repo", community)
    assert made.exit_code == 0, made.stderr
    assert made.stdout == "SSU sak 07-2026: data/cases/ssu/2026/07.yaml\n"
    paper = fsu("render", "case", "ssu/2026/7", "--repo", community).lines
    assert "Dato: 22.11.2026  " in paper  # the paper's date: today (the example's as-of) unless --date gives it
    assert "| **SSU** | 07-2026 | 26.11.2026 | Ikke behandlet ennå |" in paper
    assert "## Innstilling fra FSU pasientforløp 21.05.2026:" in paper
    assert "1. FSU pasientforløp sak 2026.02 Utskrivning av skrøpelige eldre – forslag til felles rutine (ikke t)" \
        in paper
    decided = fsu("decide", "ssu/2026/7", "--outcome", "adopted", "--follow-up", "Sende rutinen; sekretariatet; "
                  "2026-12-01", "--follow-up", "Evaluere rutinen", "--as-of", "2026-11-27", "--repo", community)
    assert decided.exit_code == 0, decided.stderr
    assert "with 2 follow-up item(s)" in decided.stdout
    items = json.loads(fsu("followup", "--committee", "ssu", "--format", "json", "--as-of", "2026-12-02",
                           "--repo", community).stdout)["items"]
    mine = [(i["item"], i["what"], i["responsible"], i["due"], i["overdue"]) for i in items if i["case"] == "ssu/2026/7"]
    assert mine == [(1, "Sende rutinen", "sekretariatet", "2026-12-01", True), (2, "Evaluere rutinen", "", None, False)]
    done = fsu("followup-update", "ssu/2026/7", "1", "--status", "done", "--date", "2026-11-30",
               "--as-of", "2026-12-02", "--repo", community)
    assert done.exit_code == 0, done.stderr
    text = (community / "data/cases/ssu/2026/07.yaml").read_text(encoding="utf-8")
    assert "      status: done\n      done: 2026-11-30\n" in text
    late = fsu("followup", "--overdue", "--as-of", "2026-12-02", "--format", "json", "--repo", community)
    assert json.loads(late.stdout)["items"] == []
    again = fsu("decide", "ssu/2026/7", "--outcome", "amended", "--force", "--as-of", "2026-11-27", "--repo", community)
    assert again.exit_code == 0
    assert "Evaluere rutinen" in (community / "data/cases/ssu/2026/07.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("args, message", [
    (("new", "case", "ssu", "--meeting", "2026-11-26", "--title", "x", "--referred-from", "ssu/2026/1"),
     "is SSU's own case"),
    (("new", "case", "ssu", "--meeting", "2026-11-26", "--title", "x", "--referred-from", "fsu/2026/9"),
     "there is no case fsu/2026/9"),
    (("decide", "ssu/2026/5", "--outcome", "adopted", "--follow-up", "x; y; 2026-13-01"), "got '2026-13-01'"),
    (("decide", "ssu/2026/5", "--outcome", "adopted", "--follow-up", " ; y"), "separated by ';'"),
    (("followup-update", "ssu/2026/4", "9", "--status", "open"), "there is no item 9"),
    (("followup-update", "ssu/2026/4", "2", "--status", "done"), "with --date"),
    (("followup-update", "ssu/2026/3", "1", "--status", "done", "--date", "2026-11-01"), "has no follow-up items"),
    (("followup-update", "ssu/2026/4", "1"), "Say what to record"),
])
def test_follow_up_and_referral_commands_refuse_mistakes_and_change_nothing(fsu, community, args, message):
    before = {p: p.read_bytes() for p in (community / "data").rglob("*.yaml")}
    result = fsu(*args, "--as-of", "2026-11-27", "--repo", community)
    assert result.exit_code == 2, result.stdout + result.stderr
    assert message in result.stderr
    assert {p: p.read_bytes() for p in (community / "data").rglob("*.yaml")} == before


def test_the_route_stays_right_when_case_files_change_after_it_was_cached(fsu, community):
    """The senders are kept by file signature: a file changed later (even to an old time) is read again."""
    import os

    old = 1_600_000_000
    for path in (community / "data/cases").rglob("*.yaml"):
        os.utime(path, (old, old))
    first = fsu("render", "case", "fsu-akuttmedisin/2025/1", "--repo", community)
    assert "Saksgang:" not in first.lines
    later = community / "data/cases/ssu/2026/06.yaml"
    edit(later, "kind: decision", "kind: decision\nreferred_from: fsu-akuttmedisin/2025/1")
    os.utime(later, (old + 60, old + 60))
    second = fsu("render", "case", "fsu-akuttmedisin/2025/1", "--repo", community)
    assert "| SSU | 06-2026 | 26.11.2026 | Ikke behandlet ennå |" in second.lines
    edit(later, "referred_from: fsu-akuttmedisin/2025/1\n", "")
    os.utime(later, (old + 120, old + 120))
    assert "Saksgang:" not in fsu("render", "case", "fsu-akuttmedisin/2025/1", "--repo", community).lines


def test_case_trail_takes_a_reference_in_capitals_and_says_when_the_sender_is_missing(fsu, community):
    assert "this case" in fsu("case", "trail", "SSU/2026/4", "--as-of", "2027-01-01", "--repo", community).stdout
    edit(community / SSU_CASE, "referred_from: fsu-pasientforlop/2026/2", "referred_from: fsu-pasientforlop/2026/9")
    result = fsu("case", "trail", "ssu/2026/4", "--repo", community)
    assert "ssu/2026/4 is referred from fsu-pasientforlop/2026/9, which does not exist" in squash(result.stdout)


def test_a_follow_up_with_a_misspelt_status_still_shows_when_overdue(fsu, community):
    edit(community / SSU_CASE, "      status: in-progress", "      status: ferdig")
    late = fsu("followup", "--overdue", "--as-of", "2027-02-20", "--format", "json", "--repo", community)
    assert [i["status"] for i in json.loads(late.stdout)["items"]] == ["ferdig"]


def test_a_follow_up_may_leave_out_who_but_give_the_due_date(fsu, community):
    result = fsu("decide", "ssu/2026/3", "--outcome", "amended", "--force", "--follow-up", "Gjør noe; 2026-12-30",
                 "--repo", community)
    assert result.exit_code == 0, result.stderr
    text = (community / "data/cases/ssu/2026/03.yaml").read_text(encoding="utf-8")
    assert "    - what: Gjør noe\n      due: 2026-12-30\n      status: open\n" in text
    undecided = fsu("followup-update", "ssu/2026/6", "1", "--note", "x", "--repo", community)
    assert undecided.exit_code == 2 and "has no decision yet" in undecided.stderr


def test_a_case_left_with_the_skeletons_text_is_fsu358(fsu, community):
    made = fsu("new", "case", "ssu", "--meeting", "2026-11-26", "--title", "Ny sak", "--repo", community)
    assert made.exit_code == 0, made.stderr
    found = [(f["code"], f["severity"], f["line"]) for f in validation_findings(fsu, community)]
    case = community / "data/cases/ssu/2026/07.yaml"
    assert sorted(found) == sorted([("FSU358", "warning", line_of(case, "text: |")),
                                    ("FSU358", "warning", line_of(case, "background: |"))])


def test_the_annual_report_is_not_made_from_a_report_file_with_errors(fsu, community, tmp_path):
    report = community / "data/reports/fsu-pasientforlop/2025.yaml"
    for old, new, code in (("evaluation:", "evalution:", "FSU101"), ("year: 2025", "year: 2024", "FSU381"),
                           ("  by: ssu", "  by: ssuu", "FSU204")):
        edit(report, old, new)
        out = tmp_path / f"{code}.pdf"
        refused = fsu("render", "report", "fsu-pasientforlop", "2025", "--format", "pdf", "-o", out,
                      "--repo", community)
        assert refused.exit_code == 1, (code, refused.stderr)
        assert code in refused.stderr and not out.exists()
        draft = fsu("render", "report", "fsu-pasientforlop", "2025", "--draft", "--repo", community)
        assert draft.exit_code == 0 and "UTKAST" in draft.stdout
        edit(report, new, old)
    assert fsu("render", "report", "fsu-pasientforlop", "2025", "--repo", community).exit_code == 0


def test_a_refused_change_names_the_line_in_the_text_it_would_have_written(fsu, community):
    """The findings of an edit that is refused point into the text it would have written, not at line 1."""
    refused = fsu("decide", "ssu/2026/5", "--outcome", "adopted", "--date", "2026-11-20", "--repo", community)
    assert refused.exit_code == 1
    line = next(line for line in refused.stderr.splitlines() if "FSU352" in line)
    assert not line.startswith("data/cases/ssu/2026/05.yaml:1:1:"), line
    text = (community / "data/cases/ssu/2026/05.yaml").read_text(encoding="utf-8")
    assert "\ndecision:" not in text  # nothing written
    assert line.startswith(f"data/cases/ssu/2026/05.yaml:{len(text.splitlines()) + 2}:")  # 'date:' under decision
