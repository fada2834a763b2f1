"""The secretariat's dashboard: what is coming up and what is overdue, as of a date.

Each section is a list of ``Item`` records; the command only formats them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from fsu_cli.domain.dates import add_months, norwegian_date
from fsu_cli.domain.followup import register, responsible_name
from fsu_cli.domain.leadership import advice_sentence, leadership_terms, next_term, term_in_office
from fsu_cli.domain.mandates import exists_on, mandate_in_force, rules_of
from fsu_cli.domain.office import appointment_end, in_office
from fsu_cli.domain.records import Case, Committee, Date, Repository, case_label

HORIZON_MONTHS = 3
DEVIATIONS = "Deviations decided by a case"
NOTICE_DAYS = 7  # the notice period when the mandate sets no rules.meetings.notice_days
WEEK = 7


@dataclass(slots=True)
class Item:
    when: Date | None
    committee: str  # the committee's label
    text: str
    overdue: bool = False


def dashboard(repo: Repository, today: Date) -> dict[str, list[Item]]:
    horizon = add_months(today, HORIZON_MONTHS)
    active = [c for c in repo.committees.values() if exists_on(c, today)]
    sections = {
        "Next meetings": _next_meetings(repo, active, today),
        "Notices due this week": _notices(repo, active, today),
        "Minutes awaiting approval": _minutes(repo, today),
        "Leadership terms ending": _terms(repo, active, today, horizon),
        "Appointments expiring": _appointments(repo, active, today, horizon),
        "Mandates": _mandates(repo, active, today, horizon),
        "Reports and evaluations due": _reports(repo, active, today, horizon),
        "Cases waiting for a decision": _cases(repo, today, horizon),
        "Follow-up of decisions": _follow_up(repo, today, horizon),
        DEVIATIONS: _deviations(repo, today),
    }
    for title, items in sections.items():
        undated = Date.max if title == DEVIATIONS else Date.min  # a deviation without an end lasts longest
        items.sort(key=lambda i: (i.when or undated, i.committee))
    return sections


def _next_meetings(repo: Repository, active: list[Committee], today: Date) -> list[Item]:
    items = []
    for committee in active:
        upcoming = sorted(m.date for m in committee.meetings if m.status == "planned" and m.date and m.date >= today)
        if upcoming:
            day = upcoming[0]
            cases = sum(1 for c in repo.all_cases if c.committee == committee.id and c.meeting == day)
            what = f"meeting {norwegian_date(day)}, {cases} case(s) on the agenda"
            agenda = committee.meeting_on(day).agenda  # a meeting file's agenda, when it has one
            if agenda:
                others = sum(1 for item in agenda if item.kind == "information")
                what += f", {others} briefing(s) (orienteringer)" if others else ""
            items.append(Item(day, committee.label, what))
        elif rules_of(mandate_in_force(repo, committee.id, today)).meetings.min_per_year:
            items.append(Item(None, committee.label, "no meeting planned", overdue=True))
    return items


def _notices(repo: Repository, active: list[Committee], today: Date) -> list[Item]:
    """Planned meetings whose notice (innkalling) is due within a week, or was due, and is not recorded as sent.
    Without the mandate's notice_days the default of a week is advice, never overdue, and only for meetings
    with a file: a meeting in the committee's list cannot record a notice, and a community that does not
    keep meeting files should not be told about every meeting every week."""
    items = []
    for committee in active:
        for meeting in committee.meetings:
            if meeting.status != "planned" or meeting.date is None or meeting.date < today \
                    or meeting.notice_sent is not None:
                continue
            days = rules_of(mandate_in_force(repo, committee.id, meeting.date)).meetings.notice_days
            stated = days is not None
            if not stated and not meeting.in_file:
                continue
            days = days if stated else NOTICE_DAYS
            due = meeting.date - timedelta(days=days)
            if due > today + timedelta(days=WEEK):
                continue
            rule = f"the mandate's {days} days" if stated else f"{days} days, the default: the mandate sets no " \
                "notice_days"
            items.append(Item(due, committee.label, f"notice for the meeting {norwegian_date(meeting.date)} "
                              f"{'was' if due < today else 'is'} due {norwegian_date(due)} ({rule}); once sent: "
                              f"fsu meeting notice {committee.id} {meeting.date.isoformat()}",
                              overdue=stated and due < today))  # overdue only against the mandate's own rule
    return items


def _minutes(repo: Repository, today: Date) -> list[Item]:
    """Held meetings with a file whose minutes are not approved; overdue past the mandate's minutes_within_days."""
    from fsu_cli.domain.attendance import approvals_of_minutes

    approved_at = approvals_of_minutes(repo)  # a later held meeting's agenda approves them, as fsu validate counts
    items = []
    for meeting in repo.all_meetings:
        if meeting.status != "held" or meeting.date is None or meeting.date > today:
            continue
        if meeting.minutes is not None and meeting.minutes.status == "approved":
            continue
        if approved_at.get((meeting.committee, meeting.date), Date.max) <= today:
            continue
        committee = repo.committees.get(meeting.source.path.split("/")[2])
        if committee is None:
            continue
        within = rules_of(mandate_in_force(repo, committee.id, meeting.date)).meetings.minutes_within_days
        due = meeting.date + timedelta(days=within) if within is not None else None
        state = "in draft" if meeting.minutes is not None and meeting.minutes.status == "draft" else "not approved"
        limit = f", to be approved by {norwegian_date(due)} (the mandate's {within} days)" if due else ""
        items.append(Item(meeting.date, committee.label, f"minutes of the meeting {norwegian_date(meeting.date)} "
                          f"{state}{limit}", overdue=due is not None and due < today))
    return items


def _terms(repo: Repository, active: list[Committee], today: Date, horizon: Date) -> list[Item]:
    items = []
    for committee in active:
        terms = leadership_terms(repo, committee)
        current = term_in_office(terms, today)
        if current is None:
            if terms or rules_of(mandate_in_force(repo, committee.id, today)).leadership.stated:
                advice = next_term(repo, committee, today)
                fixed = f"; elect for {advice_sentence(repo, advice)}" if advice is not None and advice.fixed else ""
                items.append(Item(today, committee.label, "no leader in office" + fixed, overdue=True))
            continue
        if current.end is None or current.end > horizon:
            continue
        following = [t for t in terms if t.start > current.end]
        if following:
            text = f"term ends {norwegian_date(current.end)}; the next term is recorded"
        else:
            advice = next_term(repo, committee, today)
            text = f"term ends {norwegian_date(current.end)}; elect for " + (
                advice_sentence(repo, advice) if advice else "the next term"
            )
        items.append(Item(current.end, committee.label, text))
    return items


def _appointments(repo: Repository, active: list[Committee], today: Date, horizon: Date) -> list[Item]:
    items = []
    for committee in active:
        years = rules_of(mandate_in_force(repo, committee.id, today)).appointment_years
        if years is None:
            continue
        for member in in_office(committee.members, on=today):
            if not member.holds_seat:  # substitutes and observers have no appointment term
                continue
            expiry = appointment_end(member, years)
            if expiry <= horizon:
                items.append(Item(expiry, committee.label,
                                  f"{member.name}: appointment ({years} years from {norwegian_date(member.start)}) "
                                  f"ends {norwegian_date(expiry)}", overdue=expiry < today))
    return items


def _mandates(repo: Repository, active: list[Committee], today: Date, horizon: Date) -> list[Item]:
    items = []
    for committee in active:
        mandate = mandate_in_force(repo, committee.id, today)
        if mandate is None:
            items.append(Item(today, committee.label, "no approved mandate in force", overdue=True))
        elif mandate.valid_until is not None and mandate.valid_until <= horizon:
            items.append(Item(mandate.valid_until, committee.label,
                              f"time-limited mandate {mandate.id} ends {norwegian_date(mandate.valid_until)}"))
    for mandate in repo.mandates.values():
        if mandate.status == "draft" and mandate.valid_from is not None and mandate.valid_from <= horizon:
            committee = repo.committees.get(mandate.committee or "")
            label = committee.label if committee else (mandate.committee or "?")
            items.append(Item(mandate.valid_from, label,
                              f"draft mandate {mandate.id} is to take effect {norwegian_date(mandate.valid_from)} "
                              "but is not approved", overdue=mandate.valid_from <= today))
    return items


def _reports(repo: Repository, active: list[Committee], today: Date, horizon: Date) -> list[Item]:
    items = []
    for committee in active:
        mandate = mandate_in_force(repo, committee.id, today)
        if mandate is None:
            continue
        # nothing received before the records start (records_from) can be known
        start = max(d for d in (committee.founded, mandate.valid_from, committee.records_from) if d is not None)
        every, receiver = mandate.rules.reporting.every_months, mandate.rules.reporting.to
        if every is not None and every > 0:
            received = sorted(d for c in repo.all_cases if c.receives_report_of(committee.id)
                              if (d := _delivered(c)) is not None)
            done = [d for d in received if d <= today]
            scheduled = [d for d in received if d > today]
            due = add_months(done[-1] if done else start, every)
            to = repo.committees[receiver].label if receiver in repo.committees else (receiver or "?")
            if scheduled:
                items.append(Item(scheduled[0], committee.label,
                                  f"report to {to} is on the agenda for {norwegian_date(scheduled[0])}"))
            elif due <= horizon:
                items.append(Item(due, committee.label,
                                  f"report to {to} due {norwegian_date(due)}" +
                                  (f" (last received {norwegian_date(done[-1])})" if done else " (none received yet)"),
                                  overdue=due < today))
        evaluation = mandate.rules.evaluation_every_months
        if evaluation is not None and evaluation > 0:
            presented = sorted(d for c in repo.all_cases if c.presents_evaluation_of(committee.id)
                               if (d := _delivered(c)) is not None and d <= today)
            due = add_months(presented[-1] if presented else start, evaluation)
            if due <= horizon:
                since = (f"last presented {norwegian_date(presented[-1])}" if presented
                         else "none presented yet")
                items.append(Item(due, committee.label, f"evaluation due {norwegian_date(due)} ({since})",
                                  overdue=due < today))
    return items


def _delivered(case: Case) -> Date | None:
    return case.decision_date or case.meeting


def _cases(repo: Repository, today: Date, horizon: Date) -> list[Item]:
    items = []
    for case in repo.all_cases:
        if case.decision is not None or case.meeting is None:
            continue
        committee = repo.committees.get(case.committee or "")
        label = committee.label if committee else (case.committee or "?")
        number = case_label(committee, case)
        if case.meeting < today:
            missing = (", but the case is not recorded as noted (tatt til orientering)"
                       if case.kind in ("information", "discussion") else " with no decision recorded")
            items.append(Item(case.meeting, label, f"{number} {case.title}: meeting "
                              f"{norwegian_date(case.meeting)} has passed{missing}", overdue=True))
        elif case.meeting <= horizon and case.kind == "decision":
            items.append(Item(case.meeting, label, f"{number} {case.title}: for decision "
                              f"{norwegian_date(case.meeting)}"))
    return items


def _follow_up(repo: Repository, today: Date, horizon: Date) -> list[Item]:
    """What decisions asked to be done, past due and not done (overdue), or due before the horizon."""
    items = []
    for entry in register(repo):
        item = entry.item
        if not item.unfinished or item.due is None or item.due > horizon:
            continue
        committee = repo.committees.get(entry.case.committee or "")
        label = committee.label if committee else (entry.case.committee or "?")
        who = f" ({responsible_name(repo, item.responsible)})" if item.responsible else ""
        items.append(Item(item.due, label, f"{case_label(committee, entry.case)}: {item.what}{who}, {item.status}",
                          overdue=item.overdue(today)))
    return items


def _deviations(repo: Repository, today: Date) -> list[Item]:
    """Every deviation in force today, whenever it ends: what the committees have decided not to follow."""
    items = []
    for case in repo.all_cases:
        committee = repo.committees.get(case.committee or "")
        label = committee.label if committee else (case.committee or "?")
        for deviation in case.deviations_in_force(today):
            where = f" in {deviation.path}" if deviation.path else ""
            ends = f"until {norwegian_date(deviation.until)}" if deviation.until else "no end date"
            items.append(Item(deviation.until, label, f"{case_label(committee, case)} accepts {deviation.code}"
                              f"{where} ({ends})"))
    return items
