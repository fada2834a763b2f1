"""The commands a secretary needs for a whole year, in a repository made by ``fsu init``: members with
an end date, a role and the side that appointed them; decisions noted; exempt and report cases;
organizations, committees and mandates; and a by-election inside a term."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import edit

SSU = "data/committees/ssu.yaml"
MANDATE = "data/mandates/ssu-2026.yaml"


@pytest.fixture
def fresh(fsu, tmp_path: Path) -> Path:
    """A repository just made by ``fsu init`` (on the tests' day, 2026-11-22)."""
    root = tmp_path / "hf"
    result = fsu("init", root, "--name", "Helsefellesskapet i Test")
    assert result.exit_code == 0, result.stderr
    return root


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*")
            if p.is_file() and ".git" not in p.parts}


def refused_with_nothing_written(fsu, root: Path, *args: str, code: int = 2) -> str:
    before = snapshot(root)
    result = fsu(*args, "--repo", root)
    assert result.exit_code == code, result.stdout + result.stderr
    assert snapshot(root) == before
    assert "Traceback" not in result.stderr
    return result.stderr


def six_per_side(root: Path) -> None:
    """The SSU mandate approved (by hand, as a starting point), requiring six from each side."""
    edit(root / MANDATE, "status: draft\n", "status: approved\napproved:\n  by: ssu\n  date: 2026-01-01\n")
    edit(root / MANDATE, "  meetings:\n    min_per_year: 4\n",
         "  meetings:\n    min_per_year: 4\n  composition:\n    hospital: {min: 6}\n    municipality: {min: 6}\n")


# --- 1. the first of six members ------------------------------------------------------------------------


def test_members_are_added_one_by_one_to_a_committee_that_needs_six_per_side(fsu, fresh):
    six_per_side(fresh)
    assert "has 0 member(s) from the municipalities" in fsu("validate", "--repo", fresh).stdout
    for i in range(1, 4):
        result = fsu("member", "add", "ssu", "--name", f"Kommune Person {i}", "--organization", "kommune-a",
                     "--start", "2026-11-01", "--repo", fresh)
        assert result.exit_code == 0, result.stderr
        assert result.lines == [f"Added Kommune Person {i} (kommune-a) to {SSU}."]
    check = fsu("validate", "--repo", fresh).stdout
    assert "has 3 member(s) from the municipalities in office on 2026-11-22; its mandate ssu-2026 requires at " \
           "least 6" in check


# --- 2. fsu member add --end --role --appointed-by ---------------------------------------------------


def test_member_add_writes_end_role_and_the_appointing_side(fsu, fresh):
    (fresh / SSU).write_text((fresh / SSU).read_text(encoding="utf-8").replace(
        "members: []\n", "members: []   # medlemmer\n"), encoding="utf-8")
    assert fsu("member", "add", "ssu", "--name", "Vera Vara", "--organization", "kommune-a", "--start",
               "2026-01-01", "--end", "2027-12-31", "--role", "substitute", "--repo", fresh).lines == [
        f"Added Vera Vara (kommune-a, substitute) to {SSU}."]
    assert fsu("member", "add", "ssu", "--name", "Bror Bruker", "--organization", "brukerutvalget", "--start",
               "2026-01-01", "--appointed-by", "municipality", "--repo", fresh).lines == [
        f"Added Bror Bruker (brukerutvalget, appointed by the municipality side) to {SSU}."]
    assert fsu("member", "add", "ssu", "--name", "Olav Observatør", "--organization", "helseforetaket", "--start",
               "2026-01-01", "--role", "observer", "--repo", fresh).exit_code == 0
    text = (fresh / SSU).read_text(encoding="utf-8")
    assert [line.split() for line in text.splitlines() if line.startswith("members:")] == [
        ["members:", "#", "medlemmer"]]
    assert ("  - name: Vera Vara\n    organization: kommune-a\n    role: substitute\n    start_date: 2026-01-01\n"
            "    end_date: 2027-12-31\n") in text
    assert ("  - name: Bror Bruker\n    organization: brukerutvalget\n    appointed_by: municipality\n"
            "    start_date: 2026-01-01\n    end_date: null\n") in text
    assert "    role: observer\n" in text and "&" not in text and "*" not in text
    assert fsu("validate", "--repo", fresh).exit_code == 0


@pytest.mark.parametrize("args, message", [
    (("--end", "2025-12-31"), "The end date 2025-12-31 is before the start date 2026-01-01."),
    (("--end", "2026-02-30"), "--end must be a real date written YYYY-MM-DD (got '2026-02-30')."),
    (("--role", "leader"), "Invalid value for '--role'"),
    (("--appointed-by", "user"), "Invalid value for '--appointed-by'"),
])
def test_member_add_refuses_bad_input_and_writes_nothing(fsu, fresh, args, message):
    stderr = refused_with_nothing_written(fsu, fresh, "member", "add", "ssu", "--name", "A", "--organization",
                                          "kommune-a", "--start", "2026-01-01", *args)
    assert message in " ".join(stderr.replace("│", " ").split())


def test_an_unknown_organization_says_how_to_add_it(fsu, fresh):
    stderr = refused_with_nothing_written(fsu, fresh, "member", "add", "ssu", "--name", "A", "--organization",
                                          "larvik", "--start", "2026-01-01")
    assert stderr.endswith("If it is new, add it first: fsu org add larvik --name NAME --side SIDE\n")
    assert "Did you mean" not in stderr
    typo = refused_with_nothing_written(fsu, fresh, "member", "add", "ssu", "--name", "A", "--organization",
                                        "kommune-aa", "--start", "2026-01-01")
    assert "There is no organization 'kommune-aa' in fsu.yaml. Did you mean 'kommune-a'?" in typo


# --- 3. fsu decide --outcome noted -------------------------------------------------------------------


def information_case(fsu, root: Path, day: str = "2026-11-20") -> str:
    assert fsu("new", "meeting", "ssu", day, "--status", "held", "--repo", root).exit_code == 0
    result = fsu("new", "case", "ssu", "--meeting", day, "--title", "Orientering om økonomi", "--kind",
                 "information", "--repo", root)
    assert result.exit_code == 0, result.stderr
    return result.lines[0].split(": ")[1]


def test_an_information_case_is_noted(fsu, fresh):
    rel = information_case(fsu, fresh)
    result = fsu("decide", "ssu/2026/1", "--outcome", "noted", "--repo", fresh)
    assert result.lines == [f"Recorded the decision (noted, 2026-11-20) in {rel}."]
    assert (fresh / rel).read_text(encoding="utf-8").endswith("decision:\n  date: 2026-11-20\n  outcome: noted\n")
    assert fsu("validate", "--repo", fresh).exit_code == 0


# --- 4. fsu new case --exemption --public-title --reports-for --evaluates ------------------------------


def test_an_exempt_case_that_handles_a_report_and_an_evaluation(fsu, fresh):
    assert fsu("new", "meeting", "ssu", "2026-12-03", "--repo", fresh).exit_code == 0
    result = fsu("new", "case", "ssu", "--meeting", "2026-12-03", "--title", "Årsrapport og evaluering",
                 "--exemption", "offl. § 14", "--public-title", "Årsrapport", "--reports-for", "SSU",
                 "--evaluates", "ssu", "--repo", fresh)
    assert result.lines == ["SSU sak 01-2026: data/cases/ssu/2026/01.yaml"]
    text = (fresh / "data/cases/ssu/2026/01.yaml").read_text(encoding="utf-8")
    assert ("exemption:\n  basis: offl. § 14\n  public_title: Årsrapport\nreports_for: ssu\nevaluates: ssu\n"
            in text)
    assert fsu("validate", "--repo", fresh).exit_code == 0


@pytest.mark.parametrize("args, message", [
    (("--exemption", "offl. § 13"), "An exempt case needs both --exemption"),
    (("--public-title", "Sak"), "An exempt case needs both --exemption"),
    (("--reports-for", "fsu-x"), "--reports-for: There is no committee 'fsu-x'. Known committees: ssu."),
    (("--evaluates", "nope"), "--evaluates: There is no committee 'nope'. Known committees: ssu."),
])
def test_new_case_refuses_half_an_exemption_and_unknown_committees(fsu, fresh, args, message):
    assert fsu("new", "meeting", "ssu", "2026-12-03", "--repo", fresh).exit_code == 0
    stderr = refused_with_nothing_written(fsu, fresh, "new", "case", "ssu", "--meeting", "2026-12-03", "--title",
                                          "Sak", *args)
    assert message in stderr


# --- 5. fsu org add ---------------------------------------------------------------------------------


def test_org_add_puts_the_organization_beside_its_side_and_keeps_the_comments(fsu, fresh):
    result = fsu("org", "add", "larvik", "--name", "Larvik kommune", "--side", "municipality", "--repo", fresh)
    assert result.lines == ["Added the organization larvik (Larvik kommune, municipality) to fsu.yaml."]
    assert fsu("org", "add", "siv", "--name", "Sykehuset i Vestfold HF", "--short-name", "SiV", "--side",
               "hospital", "--repo", fresh).exit_code == 0
    text = (fresh / "fsu.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=schemas/fsu.schema.json\n")
    assert ("    name: Helseforetaket HF           # bytt til helseforetakets navn\n    side: hospital\n"
            "  - id: siv\n    name: Sykehuset i Vestfold HF\n    short_name: SiV\n    side: hospital\n"
            "  - id: kommune-a\n") in text
    assert ("  - id: kommune-b\n    name: Kommune B\n    side: municipality\n  - id: larvik\n"
            "    name: Larvik kommune\n    side: municipality\n  - id: brukerutvalget\n") in text
    assert fsu("validate", "--repo", fresh).exit_code == 0


@pytest.mark.parametrize("args, message", [
    (("kommune-a", "--name", "Kommune A", "--side", "municipality"),
     "There is already an organization 'kommune-a' in fsu.yaml (Kommune A)."),
    (("Larvik", "--name", "Larvik kommune", "--side", "municipality"), "The organization id 'Larvik' must be"),
    (("larvik", "--name", " ", "--side", "municipality"), "The organization needs a name (--name)."),
    (("larvik", "--name", "Larvik", "--side", "county"), "Invalid value for '--side'"),
])
def test_org_add_refuses_bad_input(fsu, fresh, args, message):
    stderr = refused_with_nothing_written(fsu, fresh, "org", "add", *args)
    assert message in " ".join(stderr.replace("│", " ").split())


# --- 6. fsu new committee -------------------------------------------------------------------------


def test_new_committee_writes_a_file_that_validates(fsu, fresh):
    result = fsu("new", "committee", "omr-nord", "--name", "Områdeutvalg Nord", "--short-name", "OU Nord",
                 "--kind", "area", "--parent", "SSU", "--founded", "2026-02-01", "--case-number-format",
                 "{number}.{yy}", "--area", "Nordhordland", "--repo", fresh)
    assert result.lines == [
        "Created OU Nord: data/committees/omr-nord.yaml",
        "Next: fsu new mandate omr-nord-2026 --committee omr-nord --title TITLE --valid-from 2026-02-01"]
    assert (fresh / "data/committees/omr-nord.yaml").read_text(encoding="utf-8") == (
        "# OU Nord. Legg til medlemmer (fsu member add), ledelse (fsu elect) og møter (fsu new meeting).\n"
        "id: omr-nord\nname: Områdeutvalg Nord\nshort_name: OU Nord\nkind: area\narea: Nordhordland\nparent: ssu\n"
        "founded: 2026-02-01\ndissolved: null\ncase_number_format: \"{number}.{yy}\"\nmembers: []\n"
        "leadership: []\nmeetings: []\n")
    assert fsu("validate", "--repo", fresh).exit_code == 0


@pytest.mark.parametrize("args, message", [
    (("ssu", "--name", "X", "--kind", "fsu", "--founded", "2026-01-01"),
     "There is already a committee 'ssu' (data/committees/ssu.yaml)."),
    (("fsu-x", "--name", "X", "--kind", "fsu", "--founded", "2026-01-01", "--short-name", "ssu"),
     "The short name 'ssu' is already ssu's."),
    (("fsu-x", "--name", "X", "--kind", "fsu", "--founded", "2026-01-01", "--parent", "ssx"),
     "There is no committee 'ssx'. Known committees: ssu."),
    (("fsu-x", "--name", "X", "--kind", "fsu", "--founded", "2026-01-01", "--case-number-format", "{nr}"),
     "--case-number-format '{nr}' is not a format fsu can use"),
    (("fsu-x", "--name", "X", "--kind", "fsu", "--founded", "2026-01-01", "--case-number-format", "{year}"),
     "must contain {number}"),
    (("../x", "--name", "X", "--kind", "fsu", "--founded", "2026-01-01"), "The committee id '../x' must be"),
    (("fsu-x", "--name", "X", "--kind", "fsu", "--founded", "01.01.2026"),
     "--founded must be a real date written YYYY-MM-DD"),
])
def test_new_committee_refuses_bad_input(fsu, fresh, args, message):
    stderr = refused_with_nothing_written(fsu, fresh, "new", "committee", *args)
    assert message in stderr


# --- 7. fsu new mandate ---------------------------------------------------------------------------


def test_new_mandate_is_a_draft_and_from_another_copies_its_sections_and_rules(fsu, fresh):
    six_per_side(fresh)
    (fresh / MANDATE).write_text((fresh / MANDATE).read_text(encoding="utf-8").replace(
        "  meetings:\n", "  meetings:            # møtefrekvens\n"), encoding="utf-8")
    result = fsu("new", "mandate", "ssu-2027", "--committee", "ssu", "--title", "Mandat for SSU fra 2027",
                 "--valid-from", "2027-01-01", "--from", "ssu-2026", "--repo", fresh)
    assert result.lines == [
        "Created the draft mandate ssu-2027 for SSU, with the sections and rules of ssu-2026, superseding it: "
        "data/mandates/ssu-2027.yaml",
        "Approve it with: fsu mandate approve ssu-2027 --by COMMITTEE|partners --date DATE"]
    text = (fresh / "data/mandates/ssu-2027.yaml").read_text(encoding="utf-8")
    assert text == (
        "# Utkast til mandat, kopiert fra ssu-2026. Godkjennes med fsu mandate approve.\n"
        "id: ssu-2027\ncommittee: ssu\ntitle: Mandat for SSU fra 2027\nstatus: draft\nvalid_from: 2027-01-01\n"
        "valid_until: null\nsupersedes: [ssu-2026]\nsections:\n  - heading: Formål\n    body: |\n"
        "      Skriv formålet her.\nrules:\n  leadership:\n    term_years: 2\n"
        "    alternate: [hospital, municipality]\n    deputy_from_other_side: true\n"
        "    eligible_sides: [hospital, municipality]\n  meetings:\n    min_per_year: 4\n  composition:\n"
        "    hospital: {min: 6}\n    municipality: {min: 6}\n")
    blank = fsu("new", "mandate", "ssu-x", "--committee", "ssu", "--title", "Utkast", "--valid-from", "2027-01-01",
                "--repo", fresh)
    assert blank.exit_code == 0, blank.stderr
    assert "status: draft\n" in (fresh / "data/mandates/ssu-x.yaml").read_text(encoding="utf-8")


def test_a_copy_of_a_mandate_written_with_anchors_has_none(fsu, fresh):
    (fresh / MANDATE).write_text((fresh / MANDATE).read_text(encoding="utf-8").replace(
        "    alternate: [hospital, municipality]\n", "    alternate: &sides [hospital, municipality]\n").replace(
        "    eligible_sides: [hospital, municipality]\n", "    eligible_sides: *sides\n"), encoding="utf-8")
    assert fsu("new", "mandate", "ssu-2027", "--committee", "ssu", "--title", "Mandat", "--valid-from",
               "2027-01-01", "--from", "ssu-2026", "--repo", fresh).exit_code == 0
    text = (fresh / "data/mandates/ssu-2027.yaml").read_text(encoding="utf-8")
    assert "&" not in text and "*" not in text
    assert "    alternate: [hospital, municipality]\n" in text
    assert "    eligible_sides: [hospital, municipality]\n" in text


@pytest.mark.parametrize("args, message", [
    (("ssu-2026", "--committee", "ssu", "--title", "T", "--valid-from", "2027-01-01"),
     "There is already a mandate 'ssu-2026' (data/mandates/ssu-2026.yaml)."),
    (("ssu-2027", "--committee", "fsu", "--title", "T", "--valid-from", "2027-01-01"),
     "There is no committee 'fsu'."),
    (("ssu-2027", "--committee", "ssu", "--title", "T", "--valid-from", "2027-01-01", "--from", "ssu-1999"),
     "There is no mandate 'ssu-1999' to copy. Known mandates: ssu-2026."),
    (("ssu-2027", "--committee", "ssu", "--title", "T", "--valid-from", "2027-13-01"),
     "--valid-from must be a real date"),
])
def test_new_mandate_refuses_bad_input(fsu, fresh, args, message):
    stderr = refused_with_nothing_written(fsu, fresh, "new", "mandate", *args)
    assert message in stderr


# --- 8. fsu mandate approve -------------------------------------------------------------------------


def test_mandate_approve_records_who_approved_it_when_and_in_which_case(fsu, fresh):
    assert fsu("new", "meeting", "ssu", "2026-11-22", "--status", "held", "--repo", fresh).exit_code == 0
    assert fsu("new", "case", "ssu", "--meeting", "2026-11-22", "--title", "Mandat", "--repo", fresh).exit_code == 0
    assert fsu("new", "mandate", "ssu-2027", "--committee", "ssu", "--title", "Mandat for SSU", "--valid-from",
               "2027-01-01", "--repo", fresh).exit_code == 0
    result = fsu("mandate", "approve", "ssu-2027", "--by", "SSU", "--date", "2026-11-22", "--case", "ssu/2026/1",
                 "--repo", fresh)
    assert result.lines == ["Approved the mandate ssu-2027 (by SSU, 2026-11-22, in ssu/2026/1) in "
                            "data/mandates/ssu-2027.yaml."]
    text = (fresh / "data/mandates/ssu-2027.yaml").read_text(encoding="utf-8")
    assert ("title: Mandat for SSU\nstatus: approved\napproved:\n  by: ssu\n  date: 2026-11-22\n"
            "  case: ssu/2026/1\nvalid_from: 2027-01-01\n") in text
    assert fsu("validate", "--repo", fresh).exit_code == 0
    again = refused_with_nothing_written(fsu, fresh, "mandate", "approve", "ssu-2027", "--by", "ssu", "--date",
                                         "2026-11-22")
    assert "The mandate ssu-2027 is already approved (by ssu on 2026-11-22); make a new version with fsu new " \
           "mandate --from." in again


def test_approval_by_the_partners_is_written_with_its_document(fsu, fresh):
    assert fsu("new", "mandate", "ssu-2027", "--committee", "ssu", "--title", "Mandat for SSU", "--valid-from",
               "2027-01-01", "--repo", fresh).exit_code == 0
    path = fresh / "data/mandates/ssu-2027.yaml"
    edit(path, "status: draft", "status: draft   # utkast")
    result = fsu("mandate", "approve", "ssu-2027", "--by", "partners", "--date", "2026-06-20", "--document",
                 "Samarbeidsavtalen", "--repo", fresh)
    assert result.exit_code == 0, result.stderr
    text = path.read_text(encoding="utf-8")
    assert [line.split() for line in text.splitlines() if line.startswith("status:")] == [
        ["status:", "approved", "#", "utkast"]]
    assert "approved:\n  by: partners\n  date: 2026-06-20\n  document: Samarbeidsavtalen\nvalid_from: 2027-01-01\n" \
        in text
    assert fsu("validate", "--repo", fresh).exit_code == 0  # no committee called 'partners' is needed


def test_approving_a_mandate_whose_rules_the_committee_does_not_meet_yet_is_refused_with_advice(fsu, fresh):
    six_per_side(fresh)
    edit(fresh / MANDATE, "status: approved\napproved:\n  by: ssu\n  date: 2026-01-01\n", "status: draft\n")
    edit(fresh / MANDATE, "valid_from: 2026-11-22", "valid_from: 2026-11-22")
    stderr = refused_with_nothing_written(fsu, fresh, "mandate", "approve", "ssu-2026", "--by", "ssu", "--date",
                                          "2026-11-22", code=1)
    assert "FSU331 SSU has 0 member(s) from the hospital in office on 2026-11-22" in stderr
    assert stderr.rstrip().endswith("or give the mandate a later --valid-from.")


@pytest.mark.parametrize("args, message", [
    (("ssu-1999", "--by", "ssu", "--date", "2026-11-22"), "There is no mandate 'ssu-1999'. Known mandates: ssu-2026."),
    (("ssu-2026", "--by", "fsu", "--date", "2026-11-22"), "There is no committee 'fsu'."),
    (("ssu-2026", "--by", "ssu", "--date", "2026-11-22", "--case", "ssu-2026-1"), "--case must name a case as"),
    (("ssu-2026", "--by", "ssu", "--date", "2026-11-22", "--case", "ssu/2026/4"), "There is no case ssu/2026/4."),
    (("ssu-2026", "--by", "ssu", "--date", "22.11.2026"), "--date must be a real date"),
    (("ssu-2026", "--by", "partners", "--date", "2026-11-22"), "names the document that adopted it: add --document"),
])
def test_mandate_approve_refuses_bad_input(fsu, fresh, args, message):
    stderr = refused_with_nothing_written(fsu, fresh, "mandate", "approve", *args)
    assert message in stderr


# --- 9. fsu elect --by-election ---------------------------------------------------------------------


def elected(fsu, root: Path) -> None:
    """Two from each side in SSU, and a term: Hanne (hospital) leads, Kari (municipality) is deputy."""
    for name, org in (("Hanne Helse", "helseforetaket"), ("Harald Helse", "helseforetaket"),
                      ("Kari Kommune", "kommune-a"), ("Knut Kommune", "kommune-b")):
        assert fsu("member", "add", "ssu", "--name", name, "--organization", org, "--start", "2026-01-01",
                   "--repo", root).exit_code == 0
    assert fsu("elect", "ssu", "--leader", "Hanne Helse", "--deputy", "Kari Kommune", "--start", "2026-01-01",
               "--end", "2027-12-31", "--repo", root).exit_code == 0


def test_a_by_election_fills_the_rest_of_the_term(fsu, fresh):
    elected(fsu, fresh)
    result = fsu("elect", "ssu", "--leader", "Harald Helse", "--start", "2026-09-01", "--by-election",
                 "--repo", fresh)
    assert result.lines == ["By-election: Harald Helse is leader, 2026-09-01 to 2027-12-31; Hanne Helse served "
                            f"until 2026-08-31, in {SSU}."]
    text = (fresh / SSU).read_text(encoding="utf-8")
    assert text.endswith(
        "leadership:\n"
        "  - role: leader\n    name: Hanne Helse\n    start_date: 2026-01-01\n    end_date: 2026-08-31\n"
        "  - role: deputy\n    name: Kari Kommune\n    start_date: 2026-01-01\n    end_date: 2027-12-31\n"
        "  - role: leader\n    name: Harald Helse\n    start_date: 2026-09-01\n    end_date: 2027-12-31\n"
        "meetings: []\n")
    deputy = fsu("elect", "ssu", "--leader", "Harald Helse", "--deputy", "Knut Kommune", "--start", "2026-10-01",
                  "--by-election", "--repo", fresh)
    assert deputy.lines == ["By-election: Knut Kommune is deputy, 2026-10-01 to 2027-12-31; Kari Kommune served "
                            f"until 2026-09-30, in {SSU}."]
    assert fsu("validate", "--repo", fresh).exit_code == 0
    leaders = fsu("leaders", "--repo", fresh).stdout
    assert "01.09.2026–31.12.2027 | Harald Helse      | Knut Kommune |" in leaders
    assert "Next term: from 01.01.2028" in leaders  # the term the by-election filled still ends 2027-12-31


@pytest.mark.parametrize("args, message", [
    (("--leader", "Harald Helse", "--start", "2028-02-01"),
     "SSU has no leadership term in office on 2028-02-01 for a by-election to fill."),
    (("--leader", "Harald Helse", "--start", "2026-09-01", "--end", "2027-12-31"),
     "A by-election ends with the term it fills; leave out --end."),
    (("--leader", "Hanne Helse", "--start", "2026-09-01"), "Hanne Helse already hold these offices on 2026-09-01"),
    (("--leader", "Harald Helse", "--start", "2026-01-01"),
     "Hanne Helse took office as leader on 2026-01-01; a by-election must start after the term began."),
])
def test_a_by_election_outside_a_term_or_without_a_change_is_refused(fsu, fresh, args, message):
    elected(fsu, fresh)
    stderr = refused_with_nothing_written(fsu, fresh, "elect", "ssu", *args, "--by-election")
    assert message in stderr


def test_approval_drops_the_draft_line_fsu_wrote_and_keeps_the_secretarys_comments(fsu, fresh):
    assert fsu("new", "mandate", "ssu-2027", "--committee", "ssu", "--title", "Mandat for SSU", "--valid-from",
               "2027-01-01", "--repo", fresh).exit_code == 0
    path = fresh / "data/mandates/ssu-2027.yaml"
    path.write_text("# Behandlet i SSU i november\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    assert "# Utkast til mandat" in path.read_text(encoding="utf-8")
    result = fsu("mandate", "approve", "ssu-2027", "--by", "partners", "--date", "2026-06-20", "--document",
                 "Samarbeidsavtalen", "--repo", fresh)
    assert result.exit_code == 0, result.stderr
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Behandlet i SSU i november\nid: ssu-2027\n") and "Utkast" not in text


def test_elect_refuses_a_term_that_ends_before_it_starts(fsu, fresh):
    stderr = refused_with_nothing_written(fsu, fresh, "elect", "ssu", "--leader", "A", "--deputy", "B", "--start",
                                          "2028-01-01", "--end", "2027-06-01")
    assert stderr == "fsu: The term cannot end (2027-06-01) before it starts (2028-01-01).\n"
