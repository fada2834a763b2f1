"""What each document says: view models built from the records, for the templates.

Everything a reader sees is decided here, including what a public document leaves
out: an exempt case keeps only its public title and the legal basis, and its
attachments are dropped. Templates only lay the content out.
"""

from __future__ import annotations

from typing import Any

from fsu_cli.domain.leadership import leadership_terms, next_term, period_label
from fsu_cli.domain.mandates import mandate_in_force
from fsu_cli.domain.meetings import year_tally
from fsu_cli.domain.office import in_office
from fsu_cli.domain.records import (PARTNERS, Case, Committee, Date, Meeting, Repository, case_label,
                                    parse_case_ref)
from fsu_cli.errors import UsageError
from fsu_cli.render import words
from fsu_cli.render.casepaper import base_context, case_document, case_view  # noqa: F401  (case_document: part of this API)
from fsu_cli.render.casepaper import nb as _nb
from fsu_cli.render.i18n import N_, in_language_of_repo
from fsu_cli.render.i18n import gettext as _
from fsu_cli.render.views import AgendaItemView, AttendanceRow, AttendanceView, CaseView, MemberRow, Signer


def _date(text: str, what: str) -> Date:
    try:
        return Date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{what} must be a date written YYYY-MM-DD (got '{text}').") from None


def _meeting(committee: Committee, day: Date) -> Meeting:
    meeting = committee.meeting_on(day)
    if meeting is None:
        dates = ", ".join(m.date.isoformat() for m in committee.meetings if m.date and m.date.year == day.year)
        raise UsageError(
            f"{committee.label} has no meeting on {day.isoformat()}."
            + (f" Its meetings in {day.year}: {dates}." if dates else "")
        )
    return meeting


# --- mandates ------------------------------------------------------------------------


@in_language_of_repo
def mandate_document(repo: Repository, mandate_id: str, public: bool) -> dict[str, Any]:
    mandate = repo.mandates.get(mandate_id)
    if mandate is None:
        raise UsageError(f"There is no mandate '{mandate_id}'. Known mandates: {', '.join(repo.mandates)}.")
    committee = repo.committees.get(mandate.committee or "")
    approval = ""
    if mandate.status == "approved" and mandate.approved is not None and mandate.approved.by == PARTNERS:
        approval = words.approved_by_partners(_nb(mandate.approved.date), mandate.approved.document or "")
    elif mandate.status == "approved" and mandate.approved is not None:
        approver = repo.committees.get(mandate.approved.by or "")
        approval = words.approved_in(approver.name if approver else mandate.approved.by or "", _nb(mandate.approved.date))
        approving_case = repo.case(mandate.approved.case) if mandate.approved.case else None
        if approving_case is not None:
            approval += f" ({case_label(repo.committees.get(approving_case.committee or ''), approving_case)})"
    validity = ""
    if mandate.valid_from:
        validity = words.validity(_nb(mandate.valid_from), _nb(mandate.valid_until))
    replaced = [repo.mandates[old].title or old if old in repo.mandates else old for old, _ in mandate.supersedes]
    return {
        **base_context(repo, committee, mandate.title or mandate.id, public),
        "document": _("Mandat"),
        "draft": mandate.status != "approved",
        "approval": approval,
        "validity": validity,
        "supersedes": replaced,
        "sections": [{"heading": s.heading or "", "body": s.body or ""} for s in mandate.sections],
    }


# --- meetings: agenda and minutes --------------------------------------------------------


def _member_lists(repo: Repository, committee: Committee, day: Date, by_side: bool = False
                  ) -> dict[str, list[MemberRow]]:
    """The members in office on the day, with the substitutes (vararepresentanter) and the observers apart;
    leaders first, or (``by_side``, for a report) by side, then role, then surname."""
    return {"members": _member_rows(repo, committee, day, "member", by_side),
            "substitutes": _member_rows(repo, committee, day, "substitute", by_side),
            "observers": _member_rows(repo, committee, day, "observer", by_side)}


def _surname(name: str) -> tuple[str, str]:
    parts = name.split()
    return (parts[-1].casefold(), name.casefold()) if parts else ("", "")


def _member_rows(repo: Repository, committee: Committee, day: Date, role: str = "member",
                 by_side: bool = False) -> list[MemberRow]:
    offices = {o.name: o.role or "" for o in in_office(committee.leadership, on=day)}
    sides = list(words.SIDE)
    keyed = []
    for member in in_office(committee.members, on=day):
        if member.role != role:
            continue
        organization = repo.organizations.get(member.organization or "")
        side = organization.side if organization and organization.side else ""
        side_word = words.SIDE_SINGULAR.get(side, "") if side else ""
        appointed = ""
        if member.appointed_by and member.appointed_by != side:
            side_word, appointed = words.appointed(side_word, member.appointed_by), words.appointed("", member.appointed_by)
        row = MemberRow(
            name=member.name or "",
            title=member.title or "",
            organization=(organization.name or organization.id) if organization else (member.organization or ""),
            side=side_word,
            email=member.email or "",
            role=words.ROLE.get(offices.get(member.name, ""), "") if member.holds_seat else "",
            appointed=appointed,
        )
        office = offices.get(member.name, "") if member.holds_seat else ""
        rank, side_rank = {"leader": 0, "deputy": 1}.get(office, 2), sides.index(side) if side in sides else 99
        order = ((side_rank, rank, _surname(row.name)) if by_side else (rank, side_rank, row.organization, row.name))
        keyed.append((order, row))
    return [row for _, row in sorted(keyed, key=lambda pair: pair[0])]


def _meeting_cases(repo: Repository, committee: Committee, day: Date, public: bool,
                   today: Date | None = None) -> list[CaseView]:
    cases = sorted(
        (c for c in repo.all_cases if c.committee == committee.id and c.meeting == day),
        key=lambda c: (c.year or 0, c.number or 0),
    )
    return [case_view(repo, c, public, today) for c in cases]


@in_language_of_repo
def meeting_document(repo: Repository, committee_name: str, day_text: str, public: bool, minutes: bool) -> dict:
    committee = repo.committee_named(committee_name)
    day = _date(day_text, "The meeting date")
    meeting = _meeting(committee, day)
    lists = _member_lists(repo, committee, day)
    document = _("Protokoll") if minutes else _("Innkalling og saksliste")
    cases = _meeting_cases(repo, committee, day, public)
    context = {
        **base_context(repo, committee, f"{document} {committee.label} {_nb(day)}", public),
        "document": document,
        # a notice names the meeting's day, as real notices do: torsdag 26.11.2026
        "meeting": {"date": _nb(day), "date_line": _nb(day) if minutes else words.day_and_date(day), "time": words.clock(meeting.time) if meeting.time else "",
                    "location": meeting.location or "", "status": words.STATUS.get(meeting.status or "", ""),
                    "held": meeting.status == "held",
                    "cancelled": meeting.status == "cancelled", "cancelled_note": words.CANCELLED,
                    "video": meeting.video or "", "form": words.FORM.get(meeting.form or "", ""),
                    "notice_sent": _nb(meeting.notice_sent)},
        **lists,
        "observers_note": words.OBSERVERS_NOTE,
        "cases": cases,
        "items": _agenda_items(repo, committee, meeting, cases, public) if meeting.agenda is not None else [],
        "apologies_to": _apologies_to(repo, day) if meeting.status != "cancelled" else "",  # nobody to meet
        "present": [],
        "absent": [],
        "attendance": None,
        "chair": "",
        "minute_taker": "",
        "approval": "",
        "signers": [],
    }
    if minutes:
        context["present"] = meeting.present
        context["absent"] = meeting.absent
        if meeting.in_file:
            context["attendance"] = _attendance(repo, committee, meeting) if meeting.attendance_recorded else None
            context["chair"] = meeting.chair or next(
                (o.name or "" for o in in_office(committee.leadership, on=day) if o.role == "leader"), "")
            context["minute_taker"] = meeting.minute_taker or ""
        context["approval"], by = _approval(committee, meeting)
        if by == "signatures":
            context["signers"] = _signers(committee, meeting)
    return context


def _agenda_items(repo: Repository, committee: Committee, meeting: Meeting, cases: list[CaseView],
                  public: bool) -> list[AgendaItemView]:
    """The meeting file's agenda in its order, numbered; the meeting's cases it does not name come after its
    last case (or before the orienteringer and eventuelt)."""
    agenda = meeting.agenda or []
    named = {parse_case_ref(item.case) for item in agenda if item.case}
    unnamed = [c for c in repo.all_cases if c.committee == committee.id and c.meeting == meeting.date
               and (c.committee, c.year, c.number) not in named]
    unnamed.sort(key=lambda c: (c.year or 0, c.number or 0))
    entries: list = list(agenda)
    if unnamed:
        last_case = max((i for i, item in enumerate(agenda) if item.kind == "case"), default=None)
        later = next((i for i, item in enumerate(agenda) if item.kind in ("information", "any-other-business")),
                     len(agenda))
        at = last_case + 1 if last_case is not None else later
        entries[at:at] = unnamed
    views = []
    for number, entry in enumerate(entries, start=1):
        if isinstance(entry, Case):
            view = case_view(repo, entry, public)
            views.append(AgendaItemView(number, "case", f"{view.number} {view.title}", view, "", "", "", "", (), ""))
        else:
            views.append(_agenda_item(repo, entry, number, public))
    return views


def _agenda_item(repo: Repository, item, number: int, public: bool) -> AgendaItemView:
    kind = item.kind or "case"
    case = repo.case(item.case) if item.case else None
    view = case_view(repo, case, public) if case is not None else None
    resolution = ""
    if kind == "approval-of-notice":
        heading, resolution = words.NOTICE_APPROVAL, words.NOTICE_APPROVED
    elif kind == "approval-of-minutes":
        heading, resolution = words.minutes_approval(_nb(item.meeting)), words.minutes_approved(_nb(item.meeting))
    elif kind == "information":
        heading = item.title or words.INFORMATION
    elif kind == "any-other-business":
        heading = words.ANY_OTHER_BUSINESS
    elif view is not None:
        heading = f"{view.number} {view.title}"
    else:
        heading = item.title or item.case or ""
    redacted = view is not None and view.redacted
    return AgendaItemView(
        number=number,
        kind=kind,
        heading=heading,
        case=view,
        presenter=item.presenter or "",
        time=words.clock(item.time) if item.time else "",
        discussion="" if redacted else item.discussion or "",
        notes=item.notes or "",
        recusals=tuple(words.recusal(r.name, r.basis or "") for r in item.recused),
        resolution=resolution,
    )


def _attendance(repo: Repository, committee: Committee, meeting: Meeting) -> AttendanceView:
    day = meeting.date
    roles = {o.name: words.ROLE.get(o.role or "", "") for o in in_office(committee.leadership, on=day)}
    members = {m.name: m for m in committee.members}

    def organization(name: str, written: str | None = None) -> str:
        member = members.get(name)
        return _org(repo, written or (member.organization if member else None))

    def role(name: str) -> str:
        member = members.get(name)
        if member is not None and not member.holds_seat:
            return words.MEMBER_ROLE.get(member.role, member.role)
        text = roles.get(name) or words.MEMBER
        side = _side(repo, member.organization) if member is not None else ""
        if member is not None and member.appointed_by and member.appointed_by != side:
            text = words.appointed(text, member.appointed_by)  # medlem oppnevnt av kommunene
        return text

    present = [AttendanceRow(name, organization(name), role(name)) for name in meeting.present]
    present += [AttendanceRow(s.name, organization(s.name, s.organization),
                              words.substitute_for(s.stands_for) if s.stands_for else words.SUBSTITUTE)
                for s in meeting.substitutes]
    absent = [AttendanceRow(a.name, organization(a.name), role(a.name), a.reason or "")
              for a in meeting.absences]
    others = [AttendanceRow(o.name, _org(repo, o.organization), o.role or "") for o in meeting.others]
    return AttendanceView(tuple(present), tuple(absent), tuple(others))


def _approval(committee: Committee, meeting: Meeting) -> tuple[str, str]:
    """The approval line of the minutes and how they were approved: from the meeting's own ``minutes``, else from
    a later held meeting whose agenda approves them; a draft says it is not approved yet."""
    record = meeting.minutes
    if record is not None and (record.status == "approved" or record.approved_on or record.approved_by):
        by = record.approved_by or ""
        return words.approval_line(by, _nb(record.approved_on)), by
    for later in sorted((m for m in committee.meetings if m.date and meeting.date and m.date > meeting.date
                         and m.status == "held" and m.agenda), key=lambda m: m.date):
        if any(item.kind == "approval-of-minutes" and item.meeting == meeting.date for item in later.agenda):
            return words.approval_line("meeting", _nb(later.date)), "meeting"
    if meeting.in_file and meeting.status == "held":
        return words.NOT_APPROVED, ""
    return "", ""


def _signers(committee: Committee, meeting: Meeting) -> list[Signer]:
    """Who signs approved minutes: the leader and the deputy in office on the day, or else the chair."""
    offices = in_office(committee.leadership, on=meeting.date)
    signers = [Signer(o.name or "", words.ROLE.get(o.role or "", "")) for role in ("leader", "deputy")
               for o in offices if o.role == role]
    if not signers and meeting.chair:
        signers = [Signer(meeting.chair, words.CHAIR)]
    return signers


def _apologies_to(repo: Repository, day: Date) -> str:
    """Who takes apologies (forfall): the joint secretariat's own person (a member of a secretariat committee
    from an organization on the secretariat side) with an e-mail address, else that committee's leader with
    one; empty when the data names nobody."""
    for committee in sorted(repo.committees.values(), key=lambda c: c.id):
        if committee.kind != "secretariat":
            continue
        current = [m for m in in_office(committee.members, on=day) if m.email and m.name]
        own = [m for m in current if _side(repo, m.organization) == "secretariat"]
        leaders = {o.name for o in in_office(committee.leadership, on=day) if o.role == "leader"}
        chosen = own[:1] or [m for m in current if m.name in leaders][:1]
        if chosen:
            return f"{chosen[0].name}, {chosen[0].email}"
    return ""


def _side(repo: Repository, organization_id: str | None) -> str:
    organization = repo.organizations.get(organization_id or "")
    return (organization.side or "") if organization else ""


# --- annual report and member list -------------------------------------------------------


@in_language_of_repo
def report_document(repo: Repository, committee_name: str, year: int, as_of: Date, public: bool) -> dict:
    committee = repo.committee_named(committee_name)
    first, last = Date(year, 1, 1), Date(year, 12, 31)
    end = min(last, as_of, committee.dissolved or last)
    mandate = mandate_in_force(repo, committee.id, end) or mandate_in_force(repo, committee.id, first)
    tally = year_tally(repo, committee, year, as_of)
    meetings = []
    held = sorted((m for m in committee.meetings if m.date and m.date.year == year and m.status == "held"),
                  key=lambda m: m.date)
    for meeting in held:
        meetings.append({"date": _nb(meeting.date), "location": meeting.location or "",
                         "cases": _meeting_cases(repo, committee, meeting.date, public, as_of),
                         "information": [{"title": item.title or words.INFORMATION, "presenter": item.presenter or ""}
                                         for item in meeting.agenda or () if item.kind == "information"]})
    joined = [m for m in committee.members if m.start and first <= m.start <= last]
    left = [m for m in committee.members if m.end and first <= m.end <= last]
    all_terms = leadership_terms(repo, committee)
    terms = [t for t in all_terms if t.start <= last and (t.end is None or t.end >= first)]
    # advice only while the next term is still to be chosen (not for a year long past)
    undecided = bool(all_terms) and not any(t.start > last for t in all_terms)
    still_running = committee.dissolved is None or committee.dissolved > last
    advice = next_term(repo, committee, end) if undecided and still_running else None
    return {
        **base_context(repo, committee, _("Årsrapport %(year)s for %(committee)s")
                % {"year": year, "committee": committee.name or committee.label}, public),
        "document": _("Årsrapport"),
        "year": year,
        "mandate": {
            "title": mandate.title or "",
            "sections": [{"heading": s.heading or "", "body": s.body or ""} for s in mandate.sections],
        } if mandate else None,
        **_own_words(repo, committee, year),
        **_member_lists(repo, committee, end, by_side=True),
        "observers_note": words.OBSERVERS_NOTE,
        "members_on": _nb(end),
        "joined": [{"name": m.name, "date": _nb(m.start), "organization": _org(repo, m.organization)} for m in joined],
        "left": [{"name": m.name, "date": _nb(m.end), "organization": _org(repo, m.organization)} for m in left],
        "terms": [{
            "period": period_label(t.start, t.end),
            "leader": ", ".join(f"{h.name} ({h.organization.name if h.organization else '?'})" for h in t.leaders),
            "deputy": ", ".join(f"{h.name} ({h.organization.name if h.organization else '?'})" for h in t.deputies),
        } for t in terms],
        "advice": _advice_nb(repo, advice) if advice else "",
        "meetings": meetings,
        "count": {"held": tally.held, "minimum": tally.minimum, "per_year": tally.per_year,
                  "months": tally.months, "verdict": _verdict_nb(tally.verdict, tally.final)},
        "decisions": [case for meeting in meetings for case in meeting["cases"] if case.decision],
        **_referrals(repo, committee, year, public),
        "attendance": _attendance_summary(repo, committee, held),
    }


def _own_words(repo: Repository, committee: Committee, year: int) -> dict[str, str]:
    """The committee's own account of the year, its evaluation and plans, and who approved the report."""
    report = repo.report(committee.id, year)
    if report is None:
        return {"summary": "", "evaluation": "", "plans": "", "report_approval": ""}
    approval = ""
    if report.approved is not None and report.approved.by:
        approver = repo.committees.get(report.approved.by)
        case = repo.case(report.approved.case) if report.approved.case else None
        number = case_label(repo.committees.get(case.committee or ""), case) if case else ""
        approval = words.report_approved(approver.label if approver else report.approved.by,
                                         _nb(report.approved.date), number)
    return {"summary": report.summary or "", "evaluation": report.evaluation or "", "plans": report.plans or "",
            "report_approval": approval}


def _referrals(repo: Repository, committee: Committee, year: int, public: bool) -> dict[str, list]:
    """The year's cases received from other committees, and the year's cases sent on to others."""
    received, sent = [], []
    for case in repo.all_cases:
        if case.referred_from is None:
            continue
        sender = repo.case(case.referred_from)
        if case.committee == committee.id and case.year == year and sender is not None:
            received.append((case, sender))
        elif sender is not None and sender.committee == committee.id and sender.year == year:
            sent.append((sender, case))

    def row(ours: Case, theirs: Case) -> dict:
        other = repo.committees.get(theirs.committee or "")
        return {"case": case_view(repo, ours, public), "other": case_view(repo, theirs, public),
                "committee": other.label if other else (theirs.committee or "")}

    received.sort(key=lambda pair: (pair[0].number or 0))
    sent.sort(key=lambda pair: (pair[0].number or 0, pair[1].ref))
    return {"received": [row(*pair) for pair in received], "sent": [row(*pair) for pair in sent]}


def _attendance_summary(repo: Repository, committee: Committee, held: list[Meeting]) -> dict | None:
    """Who came to the year's meetings whose attendance is recorded: counts per meeting, and per member the
    meetings attended of those held while they were a member; None when no meeting recorded attendance."""
    recorded = [m for m in held if m.attendance_recorded]
    if not recorded:
        return None
    per_meeting = [{"date": _nb(m.date), "present": len(m.present), "substitutes": len(m.substitutes),
                    "absent": len(m.absences)} for m in recorded]
    per_member = []
    seen = set()
    for member in committee.members:
        if not member.name or member.name in seen or not member.holds_seat:
            continue  # substitutes meet for a member, and observers hold no seat: their rows would mislead
        eligible = [m for m in recorded if in_office([member], on=m.date)]
        if eligible:
            seen.add(member.name)
            attended = sum(member.name in m.present for m in eligible)
            per_member.append({"name": member.name, "organization": _org(repo, member.organization),
                               "attended": attended, "of": len(eligible)})
    return {"meetings": per_meeting, "members": per_member}


def _org(repo: Repository, organization_id: str | None) -> str:
    organization = repo.organizations.get(organization_id or "")
    return (organization.name or organization.id) if organization else (organization_id or "")


def _verdict_nb(verdict: str, final: bool) -> str:
    text = _VERDICTS[verdict]
    return _(text if final or verdict not in ("met",) else N_("Kravet i mandatet er allerede oppfylt."))


_VERDICTS = {
    "met": N_("Kravet i mandatet er oppfylt."),
    "on pace": N_("Året er ikke omme; med planlagte møter blir kravet oppfylt."),
    "below minimum": N_("Utvalget hadde færre møter enn mandatet krever."),
    "cannot reach minimum": N_("Med møtene som er planlagt, blir kravet i mandatet ikke oppfylt."),
    "above maximum": N_("Utvalget hadde flere møter enn mandatet tillater."),
    "not judged": N_("Mandatet setter ikke krav til antall møter."),
}


def _advice_nb(repo: Repository, advice) -> str:
    if advice.leader_side is None:
        return ""
    def side(s: str) -> str:
        names = [o.name for o in repo.organizations.values() if o.side == s and o.name]
        base = _("sykehuset") if s == "hospital" else words.SIDE.get(s, s)
        return f"{base} ({names[0]})" if len(names) == 1 else base
    text = _("For %(period)s bør lederen komme fra %(side)s") % {"period": advice.period(),
                                                                 "side": side(advice.leader_side)}
    if advice.deputy_side:
        text += _(" og nestlederen fra %(side)s") % {"side": side(advice.deputy_side)}
    return text + "."


@in_language_of_repo
def members_document(repo: Repository, committee_name: str, as_of: Date, public: bool) -> dict:
    committee = repo.committee_named(committee_name)
    return {
        **base_context(repo, committee, _("Medlemmer i %(committee)s") % {"committee": committee.name or committee.label},
                public),
        "document": _("Medlemsliste"),
        **_member_lists(repo, committee, as_of),
        "observers_note": words.OBSERVERS_NOTE,
        "members_on": _nb(as_of),
    }
