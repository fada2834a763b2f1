"""``fsu publish einnsyn``: meetings, cases and meeting documents in eInnsyn's publishing model.

The objects and field names are eInnsyn's own (felleslosninger/einnsyn-api-spec,
typespec/einnsyn.arkiv.models.tsp): Moetemappe, Moetesak, Utredning, Moetesaksbeskrivelse, Vedtak,
Moetedokument, Dokumentbeskrivelse. Every object has a ``systemId``, a UUID made from the committee,
the date and the case number, so publishing again updates the same objects and never duplicates them.
An exempt case is its public title, in both title fields, and its legal basis; none of its content.
No text goes over 500 characters, and none is cut: a longer case text (utredning, innstilling, vedtak) is
sent as a note that the text is in the case paper, with a warning naming it; a longer title or name stops
the export and names its field.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from fsu_cli.domain.records import Case, Committee, Meeting, Repository
from fsu_cli.errors import ExitCode, Stop
from fsu_cli.publish import public
from fsu_cli.render.i18n import _, language_of, speaking
from fsu_cli.render import words

MARK = "einnsyn"  # the export's own name, in every file fsu writes; a file without it is not replaced
VERSION = 1
MAX_TEXT = 500  # characters in any text field
# systemIds: UUID5 in this fixed namespace of a name such as 'moetesak/ssu/2024/4'. The community's
# name is left out on purpose: renaming the community must not make every object new.
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:fsu:einnsyn")
OSLO = ZoneInfo("Europe/Oslo")
# fsu's kinds of case as eInnsyn's moetesakstype: a case decided in the meeting is a 'moete' case
# ('politisk' is for elected bodies, 'delegert' for delegated decisions; neither fits a partnership).
CASE_TYPE = {"decision": "moete", "information": "orientering", "discussion": "annet"}
# An export field, by the end of its path, as the data file calls it (for messages).
_FIELDS = tuple((re.compile(pattern + "$"), name) for pattern, name in (
    (r"utredning\.saksbeskrivelse\.tekstInnhold", "introduction and background"),
    (r"innstilling\.tekstInnhold", "proposal"),
    (r"vedtakstekst\.tekstInnhold", "decision text, or the proposal it adopted"),
    (r"dokumentbeskrivelse\[\d+\]\.tittel(Sensitiv)?", "attachment title"),
    (r"moetesak\[\d+\]\.offentligTittel(Sensitiv)?", "title, or an exempt case's public_title"),
    (r"moetesak\[\d+\]\.beskrivelse", "exemption basis"),
    (r"\.offentligTittel(Sensitiv)?", "the committee's short_name"),
    (r"\.utvalg", "the committee's name"),
    (r"\.moetested", "location"),
    (r"\.videoLink", "video"),
))
# Fields whose value is not text for the reader, and not held to the 500 characters.
_NOT_TEXT = frozenset({"systemId", "videoLink", "entity", "moetedato", "dato", "tekstFormat"})


def publish_einnsyn(repo: Path | None, out: Path, as_of: str | None) -> int:
    loaded = public.load(repo)
    public.as_of(as_of, loaded.root)  # a wrong --as-of is an error here as in every command
    public.check_target(out, looks_like_ours)
    builder = Builder(loaded.repo)
    with speaking(language_of(loaded.repo)):  # the titles in the community's målform
        export = builder.export()
    public.guard_identity_numbers(export, out, builder.origin)
    _move_long_texts(builder, export)
    _refuse_long_texts(builder, export, out)
    return public.write(out, dumps(export), looks_like_ours)


def dumps(export: dict) -> bytes:
    return (json.dumps(export, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def looks_like_ours(data: bytes) -> bool:
    try:
        parsed = json.loads(data)
    except ValueError:
        return False
    return isinstance(parsed, dict) and parsed.get("eksport") == MARK


def system_id(*parts: object) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join(str(p) for p in parts)))


@dataclass
class Builder:
    """Builds the export, remembering which data file each object came from (for the messages)."""

    repo: Repository
    origins: dict[str, str] = field(default_factory=dict)  # export path prefix -> data file

    def export(self) -> dict:
        folders = []
        for committee in public.committees(self.repo):
            for number, meeting in _numbered(public.meetings(committee)):
                where = f"moetemappe[{len(folders)}]"
                self.origins[where] = meeting.path
                folders.append(self.meeting(committee, meeting, number, where))
        return {"eksport": MARK, "versjon": VERSION, "helsefellesskap": self.repo.name or "",
                "moetemappe": folders}

    def origin(self, where: str) -> str:
        """The data file behind an export path (the longest known prefix's), and the field there:
        'data/cases/ssu/2024/02.yaml (background)'."""
        found = [prefix for prefix in self.origins if where == prefix or where.startswith((prefix + ".",
                                                                                           prefix + "["))]
        if not found:
            return ""
        field_name = next((name for pattern, name in _FIELDS if pattern.search(where)), "")
        path = self.origins[max(found, key=len)]
        return f"{path} ({field_name})" if field_name else path

    def meeting(self, committee: Committee, meeting: Meeting, number: str, where: str) -> dict:
        day = meeting.date
        title = _("Møte i %(name)s") % {"name": committee.label} + f" {day.strftime('%d.%m.%Y')}"
        if meeting.status == "cancelled":
            title += f" – {words.CANCELLED}"
        cases = public.meeting_cases(self.repo, committee, day)
        folder = {
            "entity": "Moetemappe",
            "systemId": system_id("moetemappe", committee.id, day.isoformat()),
            "offentligTittel": title,
            "offentligTittelSensitiv": title,
            "moetenummer": number,
            "utvalg": committee.name or committee.label,
            "moetedato": _when(meeting),
        }
        if meeting.location:
            folder["moetested"] = meeting.location
        if meeting.video:
            folder["videoLink"] = meeting.video
        folder["moetesak"] = [self.case(committee, case, f"{where}.moetesak[{i}]") for i, case in enumerate(cases)]
        folder["moetedokument"] = documents(committee, meeting, title)
        return folder

    def case(self, committee: Committee, case: Case, where: str) -> dict:
        self.origins[where] = case.source.path
        title = public.public_title(case)
        item = {
            "entity": "Moetesak",
            "systemId": system_id("moetesak", case.committee, case.year, case.number),
            "offentligTittel": title,
            "offentligTittelSensitiv": title,  # the public title here too: the export holds nothing exempt
            "moetesakstype": CASE_TYPE.get(case.kind or "", "annet"),
            "moetesaksaar": case.year,
            "moetesakssekvensnummer": case.number,
            "utvalg": committee.name or committee.label,
        }
        if case.exemption is not None:
            item["beskrivelse"] = words.exemption_note(case.exemption.basis or "")
            return item
        return {**item, **content(case)}


def content(case: Case) -> dict:
    """A public case's texts: the background (utredning), the proposal (innstilling) and the decision."""
    ref = f"{case.committee}/{case.year}/{case.number}"
    result: dict = {}
    proposal = case.proposal.text if case.proposal is not None and case.proposal.text else None
    innstilling = _text(proposal, "innstilling", ref) if proposal else None
    background = "\n\n".join(t.strip() for t in (case.introduction, case.background) if t and t.strip())
    if background:
        result["utredning"] = {"entity": "Utredning", "systemId": system_id("utredning", ref),
                               "saksbeskrivelse": _text(background, "saksbeskrivelse", ref)}
        if innstilling:
            result["utredning"]["innstilling"] = innstilling
    if innstilling:
        result["innstilling"] = innstilling
    decision = case.decision
    if decision is not None and decision.outcome:
        text = public.decision_text(case)
        result["vedtak"] = {"entity": "Vedtak", "systemId": system_id("vedtak", ref),
                            "vedtakstekst": _text(text, "vedtakstekst", ref),
                            "dato": (decision.date or case.meeting).isoformat()}
    attachments = [a for a in case.attachments if a.title]
    if attachments:
        result["dokumentbeskrivelse"] = [
            {"entity": "Dokumentbeskrivelse", "systemId": system_id("vedlegg", ref, number),
             "tittel": a.title, "tittelSensitiv": a.title, "dokumentnummer": number,
             "tilknyttetRegistreringSom": "vedlegg"} for number, a in enumerate(attachments, start=1)]
    return result


def _text(text: str, what: str, ref: str) -> dict:
    return {"entity": "Moetesaksbeskrivelse", "systemId": system_id(what, ref), "tekstInnhold": text.strip(),
            "tekstFormat": "text/plain"}


def documents(committee: Committee, meeting: Meeting, title: str) -> list[dict]:
    """The notice and agenda of every meeting, and the minutes of a held meeting whose minutes are approved
    (or that has no meeting file, where the cases' decisions are its record)."""
    day = meeting.date.isoformat()
    made = [("innkalling", f"{_('Innkalling og saksliste')} – {title}")]
    minutes_approved = meeting.minutes is None or meeting.minutes.status == "approved"
    if meeting.status == "held" and minutes_approved:
        made.append(("protokoll", f"{_('Protokoll')} – {title}"))
    return [{"entity": "Moetedokument", "systemId": system_id("moetedokument", committee.id, day, kind),
             "offentligTittel": text, "offentligTittelSensitiv": text, "moetedokumenttype": kind}
            for kind, text in made]


def _numbered(meetings: list[Meeting]) -> list[tuple[str, Meeting]]:
    """Each meeting's number within its year, '3/2026': the committee's third meeting that year."""
    count: dict[int, int] = {}
    numbered = []
    for meeting in meetings:
        count[meeting.date.year] = count.get(meeting.date.year, 0) + 1
        numbered.append((f"{count[meeting.date.year]}/{meeting.date.year}", meeting))
    return numbered


def _when(meeting: Meeting) -> str:
    """The meeting's start in Oslo time with its offset; midnight when no time is written."""
    clock = public.times(meeting)
    start = clock[0] if clock else dt.time(0, 0)
    return dt.datetime.combine(meeting.date, start, tzinfo=OSLO).isoformat()


def long_texts(export: dict) -> list[tuple[str, int]]:
    """(where, length) of every text over the limit."""
    return [(where, len(text)) for where, text in public.strings(export)
            if not where.endswith(" (key)") and where.rsplit(".", 1)[-1] not in _NOT_TEXT and len(text) > MAX_TEXT]


LONG_TEXT_NOTE = "Teksten har {length} tegn, mer enn eInnsyn tar imot ({limit}); den står i sin helhet i saksfremlegget."


def _move_long_texts(builder: Builder, export: dict) -> None:
    """A case text over the limit goes to the document: the field says the case paper holds it, and a warning
    names the case file and field, so nothing is cut short unseen."""
    for where, length in long_texts(export):
        if not where.endswith(".tekstInnhold"):
            continue
        holder: object = export
        for step in re.findall(r"[^.\[\]]+|\[\d+\]", where)[:-1]:
            holder = holder[int(step[1:-1])] if step.startswith("[") else holder[step]  # type: ignore[index]
        holder["tekstInnhold"] = LONG_TEXT_NOTE.format(length=length, limit=MAX_TEXT)  # type: ignore[index]
        print(f"{builder.origin(where)}: warning: {where} is {length} characters, more than eInnsyn's {MAX_TEXT}; "
              "it is sent as a note that the full text is in the case paper.", file=sys.stderr)


def _refuse_long_texts(builder: Builder, export: dict, out: Path) -> None:
    over = long_texts(export)
    if not over:
        return
    print(f"Nothing was written to {out}: eInnsyn takes at most {MAX_TEXT} characters in a text field, and fsu "
          "cuts no text short.", file=sys.stderr)
    for where, length in over:
        print(f"{builder.origin(where)}: {where} is {length} characters long.", file=sys.stderr)
    print(f"    hint: Shorten the text in the case file to {MAX_TEXT} characters or fewer, and keep the full text in "
          "an attachment (vedlegg) to the case paper.", file=sys.stderr)
    raise Stop(ExitCode.FINDINGS)
