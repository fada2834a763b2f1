"""A secretary's year, by command only: from ``fsu init`` to the annual report in Word, with no YAML
edited by hand. Each step's output and what it wrote are asserted, and the repository validates
(warnings at most) after every step."""

from __future__ import annotations

from pathlib import Path

import docx

FSU = "data/committees/fsu-barn.yaml"
MANDATE = "data/mandates/fsu-barn-2025.yaml"


class Secretary:
    def __init__(self, fsu, root: Path):
        self.fsu, self.root = fsu, root

    def run(self, *args: str) -> list[str]:
        result = self.fsu(*args, "--repo", self.root)
        assert result.exit_code == 0, (args, result.stdout, result.stderr)
        check = self.fsu("validate", "--repo", self.root)
        assert check.exit_code == 0, (args, check.stdout)  # warnings at most, after every step
        return result.lines

    def text(self, rel: str) -> str:
        text = (self.root / rel).read_text(encoding="utf-8")
        assert "&" not in text and "*" not in text.replace("**", "")  # plain YAML, no anchors
        return text


def test_a_year_from_init_to_the_annual_report_by_command(fsu, tmp_path):
    root = tmp_path / "agder"
    assert fsu("init", root, "--name", "Helsefellesskapet i Agder", "--as-of", "2025-01-01").exit_code == 0
    me = Secretary(fsu, root)

    # the partners
    assert me.run("org", "add", "sshf", "--name", "Sørlandet sykehus HF", "--short-name", "SSHF", "--side",
                  "hospital") == ["Added the organization sshf (Sørlandet sykehus HF, hospital) to fsu.yaml."]
    me.run("org", "add", "kristiansand", "--name", "Kristiansand kommune", "--side", "municipality")
    me.run("org", "add", "fastlegene", "--name", "Fastlegene i Agder", "--side", "gp")
    organizations = me.text("fsu.yaml")
    assert "  - id: sshf\n    name: Sørlandet sykehus HF\n    short_name: SSHF\n    side: hospital\n" in organizations
    assert "  - id: fastlegene\n    name: Fastlegene i Agder\n    side: gp\n" in organizations

    # a committee for children and young people
    assert me.run("new", "committee", "fsu-barn", "--name", "Faglig samarbeidsutvalg for barn og unge",
                  "--short-name", "FSU barn", "--kind", "fsu", "--parent", "ssu", "--founded", "2025-01-01",
                  "--case-number-format", "{number}.{yy}")[0] == f"Created FSU barn: {FSU}"
    assert "kind: fsu\nparent: ssu\nfounded: 2025-01-01\n" in me.text(FSU)

    # its members, one by one: a substitute, an observer and a user representative the municipalities appoint
    people = [("Hilde Haugland", "sshf", ()), ("Henrik Holm", "sshf", ()),
              ("Kristin Kvam", "kristiansand", ()), ("Kåre Kleven", "kommune-a", ()),
              ("Frida Fastlege", "fastlegene", ()),
              ("Bjørg Bruker", "brukerutvalget", ("--appointed-by", "municipality")),
              ("Vidar Vara", "kommune-b", ("--role", "substitute", "--end", "2026-12-31")),
              ("Olga Observatør", "helseforetaket", ("--role", "observer"))]
    for name, org, extra in people:
        me.run("member", "add", "fsu-barn", "--name", name, "--organization", org, "--start", "2025-01-01", *extra)
    members = me.text(FSU)
    assert ("  - name: Bjørg Bruker\n    organization: brukerutvalget\n    appointed_by: municipality\n"
            "    start_date: 2025-01-01\n    end_date: null\n") in members
    assert ("  - name: Vidar Vara\n    organization: kommune-b\n    role: substitute\n    start_date: 2025-01-01\n"
            "    end_date: 2026-12-31\n") in members
    assert "  - name: Olga Observatør\n    organization: helseforetaket\n    role: observer\n" in members

    # the year's meetings, and SSU's meeting that approves the mandate
    for day in ("2025-02-12", "2025-04-09", "2025-06-11", "2025-09-10", "2025-11-12"):
        me.run("new", "meeting", "fsu-barn", day, "--status", "held", "--location", "Kristiansand")
    for day in ("2026-02-11", "2026-04-15", "2026-06-10", "2026-09-09"):
        me.run("new", "meeting", "fsu-barn", day, "--status", "held")
    assert "meetings:\n  - date: 2025-02-12\n    status: held\n    location: Kristiansand\n" in me.text(FSU)
    me.run("new", "meeting", "ssu", "2025-01-15", "--status", "held")
    assert me.run("new", "case", "ssu", "--meeting", "2025-01-15", "--title", "Mandat for FSU barn og unge") == [
        "SSU sak 01-2025: data/cases/ssu/2025/01.yaml"]
    me.run("decide", "ssu/2025/1", "--outcome", "adopted", "--text", "SSU godkjenner mandatet for FSU barn og unge.")
    assert "decision:\n  date: 2025-01-15\n  outcome: adopted\n" in me.text("data/cases/ssu/2025/01.yaml")

    # the mandate: a draft from SSU's, then approved in that case
    assert me.run("new", "mandate", "fsu-barn-2025", "--committee", "fsu-barn", "--title",
                  "Mandat for FSU barn og unge", "--valid-from", "2025-02-01", "--from", "ssu-2025")[0] == (
        f"Created the draft mandate fsu-barn-2025 for FSU barn, with the sections and rules of ssu-2025: {MANDATE}")
    assert "status: draft\n" in me.text(MANDATE) and "  meetings:\n    min_per_year: 4\n" in me.text(MANDATE)
    assert me.run("mandate", "approve", "fsu-barn-2025", "--by", "ssu", "--date", "2025-01-15", "--case",
                  "ssu/2025/1") == [
        f"Approved the mandate fsu-barn-2025 (by SSU, 2025-01-15, in ssu/2025/1) in {MANDATE}."]
    assert "status: approved\napproved:\n  by: ssu\n  date: 2025-01-15\n  case: ssu/2025/1\n" in me.text(MANDATE)

    # leaders for the first term, and a by-election when the leader leaves
    assert me.run("elect", "fsu-barn", "--leader", "Hilde Haugland", "--deputy", "Kristin Kvam", "--start",
                  "2025-02-01") == [
        f"Recorded leader Hilde Haugland and deputy Kristin Kvam, 2025-02-01 to 2027-01-31, in {FSU}."]
    assert me.run("elect", "fsu-barn", "--leader", "Henrik Holm", "--start", "2025-09-01", "--by-election") == [
        f"By-election: Henrik Holm is leader, 2025-09-01 to 2027-01-31; Hilde Haugland served until 2025-08-31, "
        f"in {FSU}."]
    assert ("  - role: leader\n    name: Hilde Haugland\n    start_date: 2025-02-01\n    end_date: 2025-08-31\n"
            in me.text(FSU))
    assert ("  - role: leader\n    name: Henrik Holm\n    start_date: 2025-09-01\n    end_date: 2027-01-31\n"
            in me.text(FSU))

    leaders = fsu("leaders", "--repo", root).stdout
    assert "Next term: 01.02.2027–31.01.2029: leader from the municipalities, deputy from the hospital" in leaders

    # the cases of the year, and their decisions
    assert me.run("new", "case", "fsu-barn", "--meeting", "2025-04-09", "--title", "Orientering om ventetider i BUP",
                  "--kind", "information") == ["FSU barn sak 1.25: data/cases/fsu-barn/2025/01.yaml"]
    me.run("decide", "fsu-barn/2025/1", "--outcome", "noted")
    assert me.text("data/cases/fsu-barn/2025/01.yaml").endswith("decision:\n  date: 2025-04-09\n  outcome: noted\n")
    me.run("new", "case", "fsu-barn", "--meeting", "2025-06-11", "--title", "Felles rutine for utskrivning",
           "--officer", "Felles sekretariat")
    me.run("decide", "fsu-barn/2025/2", "--outcome", "adopted", "--text", "Rutinen vedtas.")
    me.run("new", "case", "fsu-barn", "--meeting", "2025-09-10", "--title", "Henvendelse om enkeltpasient",
           "--kind", "discussion", "--exemption", "offl. § 13", "--public-title", "Henvendelse om pasientforløp")
    assert ("exemption:\n  basis: offl. § 13\n  public_title: Henvendelse om pasientforløp\n"
            in me.text("data/cases/fsu-barn/2025/03.yaml"))
    me.run("decide", "fsu-barn/2025/3", "--outcome", "noted")
    me.run("new", "case", "fsu-barn", "--meeting", "2025-11-12", "--title", "Årsrapport og evaluering 2025",
           "--kind", "information", "--reports-for", "fsu-barn", "--evaluates", "fsu-barn")
    assert "reports_for: fsu-barn\nevaluates: fsu-barn\n" in me.text("data/cases/fsu-barn/2025/04.yaml")
    me.run("decide", "fsu-barn/2025/4", "--outcome", "noted")

    # the annual report, in Word, read back
    out = tmp_path / "arsrapport-2025.docx"
    result = fsu("render", "report", "fsu-barn", "2025", "--format", "docx", "--output", out, "--repo", root)
    assert result.exit_code == 0, result.stderr
    document = docx.Document(str(out))
    words = "\n".join([p.text for p in document.paragraphs]
                      + [cell.text for table in document.tables for row in table.rows for cell in row.cells])
    for expected in ("Faglig samarbeidsutvalg for barn og unge", "Henrik Holm", "Kristin Kvam", "Bjørg Bruker",
                     "Orientering om ventetider i BUP", "Felles rutine for utskrivning", "12.02.2025",
                     "12.11.2025"):
        assert expected in words, expected
    assert fsu("validate", "--repo", root).exit_code == 0
