"""Generate a synthetic governance repository with N case files, valid to the data contract.

    python bench/generate.py 3000 bench/out/repo-3000

Committees, members and meetings are scaled so that every case has a meeting to
point at. Texts are Norwegian-like and about the size of real case papers
(1-3 KB per case). The output is the same for the same N (fixed random seed).
"""

from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

WORDS = (
    "samhandling pasientforløp kommunene foretaket utskrivning oppfølging helsetjenester "
    "rutine avtale delavtale kompetanse rekruttering psykisk helse rus eldre barn unge "
    "fastlege legevakt ambulanse beredskap digital hjemmeoppfølging prosjekt evaluering "
    "handlingsplan tiltak ressurser ansvar oppgaver brukere pårørende felles sekretariat"
).split()

MUNICIPALITIES = ["a", "b", "c", "d", "e", "f", "g", "h"]


def sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return (" ".join(words)).capitalize() + "."


def paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(sentence(rng, rng.randint(8, 16)) for _ in range(sentences))


def block(text: str, indent: int = 2) -> str:
    """A literal block scalar body, wrapped at about 76 columns."""
    pad = " " * indent
    lines, line = [], ""
    for word in text.split():
        if len(line) + len(word) + 1 > 76 - indent:
            lines.append(pad + line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(pad + line)
    return "\n".join(lines)


def generate(n_cases: int, out: Path, seed: int = 2024) -> None:
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    (out / "data" / "committees").mkdir(parents=True)
    (out / "data" / "mandates").mkdir(parents=True)

    orgs = ["  - {id: hf, name: Helseforetaket HF, side: hospital}"]
    orgs += [f"  - {{id: k-{m}, name: Kommune {m.upper()}, side: municipality}}" for m in MUNICIPALITIES]
    orgs += ["  - {id: bruker, name: Brukerutvalget, side: user}", "  - {id: alu, name: Allmennlegeutvalget, side: gp}"]
    (out / "fsu.yaml").write_text("name: Syntetisk helsefellesskap\norganizations:\n" + "\n".join(orgs) + "\n")

    committees = ["ssu"] + [f"fsu-{i:02d}" for i in range(1, max(2, n_cases // 400) + 1)]
    years = list(range(2005, 2027))
    meetings_per_year = 6
    per_committee_year = max(1, n_cases // (len(committees) * len(years)) + 1)
    for cid in committees:
        members = []
        for i in range(14):
            org = "hf" if i < 6 else ("bruker" if i == 12 else "alu" if i == 13 else f"k-{MUNICIPALITIES[i % 8]}")
            members.append(
                f"  - name: Person {cid} {i}\n    organization: {org}\n    title: rådgiver\n"
                f"    start_date: 2005-01-01\n    end_date: null"
            )
        meetings = [
            f"  - {{date: {y}-{m:02d}-15, status: held, location: Teams}}"
            for y in years
            for m in range(1, 13, 12 // meetings_per_year)
        ]
        leadership = []
        for y in range(2005, 2027, 2):
            leader, deputy = ("Person {c} 0", "Person {c} 6") if (y // 2) % 2 else ("Person {c} 6", "Person {c} 0")
            leadership.append(
                f"  - {{role: leader, name: {leader.format(c=cid)}, start_date: {y}-01-01, end_date: {y + 1}-12-31}}"
            )
            leadership.append(
                f"  - {{role: deputy, name: {deputy.format(c=cid)}, start_date: {y}-01-01, end_date: {y + 1}-12-31}}"
            )
        parent = "" if cid == "ssu" else "parent: ssu\n"
        (out / "data" / "committees" / f"{cid}.yaml").write_text(
            f"id: {cid}\nname: Utvalg {cid}\nshort_name: {cid.upper()}\nkind: {'ssu' if cid == 'ssu' else 'fsu'}\n"
            f"{parent}founded: {'2004-01-01' if cid == 'ssu' else '2005-01-01'}\ndissolved: null\n"
            "case_number_format: \"{number:02d}-{year}\"\n"
            "members:\n" + "\n".join(members) + "\nleadership:\n" + "\n".join(leadership)
            + "\nmeetings:\n" + "\n".join(meetings) + "\n"
        )
        (out / "data" / "mandates" / f"{cid}-2005.yaml").write_text(
            f"id: {cid}-2005\ncommittee: {cid}\ntitle: Mandat for {cid}\nstatus: approved\n"
            f"approved: {{by: ssu, date: 2004-12-01}}\nvalid_from: 2005-01-01\nvalid_until: null\n"
            "sections:\n  - heading: Formål\n    body: |\n" + block(paragraph(rng, 4), 6) + "\n"
            "rules:\n  leadership: {term_years: 2, alternate: [hospital, municipality], deputy_from_other_side: true}\n"
            "  meetings: {min_per_year: 4}\n"
            "  composition: {hospital: {min: 6}, municipality: {min: 6}, user: {min: 1}, gp: {min: 1}}\n"
        )

    written = 0
    for cid in committees:
        for year in years:
            for number in range(1, per_committee_year + 1):
                if written >= n_cases:
                    break
                month = 1 + 12 // meetings_per_year * rng.randrange(meetings_per_year)
                folder = out / "data" / "cases" / cid / str(year)
                folder.mkdir(parents=True, exist_ok=True)
                kind = rng.choice(["information", "discussion", "decision", "decision"])
                text = [
                    f"committee: {cid}",
                    f"year: {year}",
                    f"number: {number}",
                    f"meeting: {year}-{month:02d}-15",
                    f"title: {sentence(rng, 6)}",
                    f"kind: {kind}",
                    "case_officer: Felles sekretariat",
                ]
                if number > 1:
                    text += [
                        "attachments:",
                        f"  - title: Sak {number - 1:02d}-{year}",
                        "    printed: false",
                        f"    case: {cid}/{year}/{number - 1}",
                    ]
                if kind == "decision":
                    text += ["proposal:", "  kind: consensus", "  text: |", block(paragraph(rng, 3), 4)]
                text += ["background: |", block(paragraph(rng, rng.randint(4, 10)), 2)]
                text += [
                    "assessments:",
                    "  - side: municipality",
                    "    text: |",
                    block(paragraph(rng, 2), 6),
                    "  - side: hospital",
                    "    text: |",
                    block(paragraph(rng, 2), 6),
                ]
                text += ["decision:", f"  date: {year}-{month:02d}-15", "  outcome: adopted"]
                (folder / f"{number:02d}.yaml").write_text("\n".join(text) + "\n")
                written += 1
    if written < n_cases:
        raise SystemExit(f"only {written} cases fit; raise the number of committees")


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    target = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(f"bench/out/repo-{count}")
    generate(count, target)
    print(f"wrote {count} cases to {target}")
