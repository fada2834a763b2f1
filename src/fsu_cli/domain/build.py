"""Typed records from loaded documents (plain mappings and lists).

The builders are forgiving: a document with schema errors still contributes what
is well-formed, so one typo does not hide every other finding, and checks never
meet a value of the wrong type (such values become ``None`` or are left out).
"""

from __future__ import annotations

import re
from functools import lru_cache

from fsu_cli.domain.mandate_rules import parse_rules
from fsu_cli.domain.records import (
    Approval,
    Assessment,
    Attachment,
    Case,
    Committee,
    Date,
    Decision,
    FollowUp,
    Deviation,
    Exemption,
    AgendaItem,
    Absence,
    Attendee,
    Mandate,
    Meeting,
    MinutesRecord,
    Recusal,
    Report,
    ReportApproval,
    Substitute,
    Member,
    Office,
    Organization,
    Proposal,
    Section,
    Source,
)


def _str(data: dict, key: str) -> str | None:
    value = data.get(key)
    return value if isinstance(value, str) else None


def _strings(data: dict, key: str) -> list[str]:
    """A key that holds one text or a list of texts, as a list."""
    value = data.get(key)
    if isinstance(value, str):
        return [value]
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _int(data: dict, key: str) -> int | None:
    value = data.get(key)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _date(data: dict, key: str) -> Date | None:
    value = data.get(key)
    return _iso_date(value) if isinstance(value, str) and len(value) == 10 else None


@lru_cache(maxsize=4096)
def _iso_date(text: str) -> Date | None:
    """A repository holds the same few hundred dates many times over: each is parsed once."""
    try:
        return Date.fromisoformat(text)
    except ValueError:
        return None


def _dicts(data: dict, key: str) -> list[tuple[int, dict]]:
    value = data.get(key)
    if not isinstance(value, list):
        return []
    return [(i, item) for i, item in enumerate(value) if isinstance(item, dict)]


def build_organizations(data: dict, source: Source) -> list[Organization]:
    return [
        Organization(_str(o, "id") or "", _str(o, "name"), _str(o, "short_name"), _str(o, "side"), source.at("organizations", i))
        for i, o in _dicts(data, "organizations")
        if _str(o, "id")
    ]


def build_committee(data: dict, source: Source) -> Committee:
    members = [
        Member(_str(m, "name"), _str(m, "organization"), _str(m, "title"), _str(m, "email"),
               _date(m, "start_date"), _date(m, "end_date"), source.at("members", i),
               role=_str(m, "role") or "member", appointed_by=_str(m, "appointed_by"))
        for i, m in _dicts(data, "members")
    ]
    leadership = [
        Office(_str(o, "role"), _str(o, "name"), _date(o, "start_date"), _date(o, "end_date"), source.at("leadership", i))
        for i, o in _dicts(data, "leadership")
    ]
    meetings = []
    for i, m in _dicts(data, "meetings"):
        present, absent = _strings(m, "present"), _strings(m, "absent")
        where = source.at("meetings", i)
        meetings.append(Meeting(_date(m, "date"), _str(m, "status"), _str(m, "location"), _str(m, "time"),
                                present, absent, where,
                                absences=[Absence(name, None, where.at("absent", j)) for j, name in enumerate(absent)],
                                attendance_recorded="present" in m or "absent" in m))
    return Committee(
        id=_str(data, "id") or "",
        name=_str(data, "name"),
        short_name=_str(data, "short_name"),
        kind=_str(data, "kind"),
        parent=_str(data, "parent"),
        description=_str(data, "description"),
        founded=_date(data, "founded"),
        dissolved=_date(data, "dissolved"),
        case_number_format=_str(data, "case_number_format"),
        members=members,
        leadership=leadership,
        meetings=meetings,
        source=source,
        records_from=_date(data, "records_from"),
        area=_str(data, "area"),
    )


def build_mandate(data: dict, source: Source) -> Mandate:
    approved = data.get("approved")
    approval = (
        Approval(_str(approved, "by"), _date(approved, "date"), _str(approved, "case"), source.at("approved"),
                 _str(approved, "document"))
        if isinstance(approved, dict)
        else None
    )
    supersedes_list = data.get("supersedes")
    supersedes = (
        [(s, source.at("supersedes", i)) for i, s in enumerate(supersedes_list) if isinstance(s, str)]
        if isinstance(supersedes_list, list)
        else []
    )
    return Mandate(
        id=_str(data, "id") or "",
        committee=_str(data, "committee"),
        title=_str(data, "title"),
        status=_str(data, "status"),
        approved=approval,
        valid_from=_date(data, "valid_from"),
        valid_until=_date(data, "valid_until"),
        supersedes=supersedes,
        sections=[Section(_str(s, "heading"), _str(s, "body")) for _, s in _dicts(data, "sections")],
        rules=parse_rules(data.get("rules")),
        source=source,
    )


def _named(data: dict, key: str, source: Source) -> list[tuple[str, Source]]:
    """A key that holds one id or a list of ids, each with where it was written."""
    value = data.get(key)
    if isinstance(value, str):
        return [(value, source.at(key))]
    if isinstance(value, list):
        return [(v, source.at(key, i)) for i, v in enumerate(value) if isinstance(v, str)]
    return []


def _mapping(data: dict, key: str) -> dict | None:
    value = data.get(key)
    return value if isinstance(value, dict) else None


def build_case(data: dict, source: Source) -> Case:
    # Written out with local look-ups, not the helpers above: a large repository builds tens of thousands.
    get = data.get

    def text(value: object) -> str | None:
        return value if isinstance(value, str) else None

    attachments = [
        Attachment(_str(a, "title"), a.get("printed") if isinstance(a.get("printed"), bool) else None,
                   _str(a, "case"), source.at("attachments", i))
        for i, a in _dicts(data, "attachments")
    ] if "attachments" in data else []
    proposal, decision, exemption = get("proposal"), get("decision"), get("exemption")
    year, number, meeting = get("year"), get("number"), get("meeting")
    return Case(
        committee=text(get("committee")),
        year=year if isinstance(year, int) and not isinstance(year, bool) else None,
        number=number if isinstance(number, int) and not isinstance(number, bool) else None,
        meeting=_iso_date(meeting) if isinstance(meeting, str) and len(meeting) == 10 else None,
        title=text(get("title")),
        kind=text(get("kind")),
        case_officer=text(get("case_officer")),
        attachments=attachments,
        proposal=(Proposal(text(proposal.get("kind")), text(proposal.get("text")))
                  if isinstance(proposal, dict) else None),
        background=text(get("background")),
        assessments=[Assessment(_str(a, "side"), _str(a, "heading"), _str(a, "text"))
                     for _, a in _dicts(data, "assessments")] if "assessments" in data else [],
        decision=(Decision(_date(decision, "date"), text(decision.get("outcome")), text(decision.get("text")),
                           _follow_up(decision, source) if "follow_up" in decision else ())
                  if isinstance(decision, dict) else None),
        exemption=(Exemption(text(exemption.get("basis")), text(exemption.get("public_title")))
                   if isinstance(exemption, dict) else None),
        reports_for=_named(data, "reports_for", source) if "reports_for" in data else [],
        evaluates=_named(data, "evaluates", source) if "evaluates" in data else [],
        keys=frozenset(data),
        source=source,
        deviations=_deviations(data, source) if "deviations" in data else [],
        introduction=text(get("introduction")),
        assessment=text(get("assessment")),
        status_since_last=text(get("status_since_last")),
        archive_ref=text(get("archive_ref")),
        date=_date(data, "date") if "date" in data else None,
        referred_from=text(get("referred_from")),
        recommendation=text(get("recommendation")),
    )


def _follow_up(decision: dict, source: Source) -> tuple[FollowUp, ...]:
    at = source.at("decision")
    return tuple(FollowUp(_str(f, "what"), _str(f, "responsible"), _date(f, "due"),
                          status if isinstance(status := f.get("status"), str) else "open",
                          _date(f, "done"), _str(f, "note"), at.at("follow_up", i))
                 for i, f in _dicts(decision, "follow_up"))


_CODE = re.compile("FSU[0-9]{3}")


def _deviations(data: dict, source: Source) -> list[Deviation]:
    """The well-formed deviations only: one with a malformed code, path or date accepts nothing (the
    schema reports it), so a typo never widens what is accepted."""
    deviations = []
    for i, entry in _dicts(data, "deviations"):
        code, path, until = _str(entry, "code"), entry.get("path"), _date(entry, "until")
        if (code is None or not _CODE.fullmatch(code) or not (path is None or isinstance(path, str) and path)
                or (until is None and "until" in entry)):
            continue
        deviations.append(Deviation(code, path, until, source.at("deviations", i)))
    return deviations


def build_report(data: dict, source: Source) -> Report:
    """An annual report's own words."""
    approved = _mapping(data, "approved")
    return Report(_str(data, "committee"), _int(data, "year"), _str(data, "summary"), _str(data, "evaluation"),
                  _str(data, "plans"),
                  ReportApproval(_str(approved, "by"), _date(approved, "date"), _str(approved, "case"))
                  if approved is not None else None, source)


def build_meeting(data: dict, source: Source) -> Meeting:
    """A meeting file: the whole record of one meeting."""
    attendance = _mapping(data, "attendance") or {}
    at = source.at("attendance")
    absences = [Absence(a["name"], _str(a, "reason"), at.at("absent", i))
                for i, a in _dicts(attendance, "absent") if _str(a, "name")]
    substitutes = [Substitute(s["name"], _str(s, "organization"), _str(s, "for"), at.at("substitutes", i))
                   for i, s in _dicts(attendance, "substitutes") if _str(s, "name")]
    others = [Attendee(o["name"], _str(o, "organization"), _str(o, "role"))
              for _, o in _dicts(attendance, "others") if _str(o, "name")]
    agenda = [_agenda_item(item, source.at("agenda", i)) for i, item in _dicts(data, "agenda")] \
        if "agenda" in data else None
    minutes = _mapping(data, "minutes")
    approved = _mapping(minutes, "approved") if minutes else None
    return Meeting(
        date=_date(data, "date"),
        status=_str(data, "status"),
        location=_str(data, "location"),
        time=_str(data, "time"),
        present=_strings(attendance, "present"),
        absent=[a.name for a in absences],
        source=source,
        in_file=True,
        committee=_str(data, "committee"),
        video=_str(data, "video"),
        form=_str(data, "form"),
        chair=_str(data, "chair"),
        minute_taker=_str(data, "minute_taker"),
        notice_sent=_date(data, "notice_sent"),
        absences=absences,
        substitutes=substitutes,
        others=others,
        agenda=agenda,
        minutes=(MinutesRecord(_str(minutes, "status"), _date(approved, "date") if approved else None,
                               _str(approved, "by") if approved else None, source.at("minutes"))
                 if minutes is not None else None),
        attendance_recorded="present" in attendance or "absent" in attendance,
    )


def _agenda_item(item: dict, source: Source) -> AgendaItem:
    kind = _str(item, "kind") or ("case" if "case" in item else None)
    return AgendaItem(
        kind=kind,
        case=_str(item, "case"),
        meeting=_date(item, "meeting"),
        title=_str(item, "title"),
        time=_str(item, "time"),
        presenter=_str(item, "presenter"),
        recused=[Recusal(r["name"], _str(r, "basis"), source.at("recused", i))
                 for i, r in _dicts(item, "recused") if _str(r, "name")],
        discussion=_str(item, "discussion"),
        notes=_str(item, "notes"),
        source=source,
    )
