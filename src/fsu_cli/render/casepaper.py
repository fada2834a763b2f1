"""What a case paper (saksfremlegg) says: its header, its sections, its route through the
committees, the sending committee's recommendation, its decision and the decision's follow-up.

An exempt case shown to the public keeps only its public title and the legal basis.
"""

from __future__ import annotations

from typing import Any

from fsu_cli.domain.dates import norwegian_date
from fsu_cli.domain.followup import responsible_name
from fsu_cli.domain.lineage import route
from fsu_cli.domain.records import (Assessment, Case, Date, Decision, FollowUp, Repository, case_label, case_number,
                                    parse_case_ref)
from fsu_cli.errors import UsageError
from fsu_cli.render import words
from fsu_cli.render.i18n import gettext as _
from fsu_cli.render.i18n import in_language_of_repo
from fsu_cli.render.views import (AssessmentView, AttachmentView, CaseView, DecisionView, FollowUpView,
                                  ProposalView, RecommendationView, RouteStep)

NOTED_KINDS = ("information", "discussion")


def nb(day: Date | None) -> str:
    return norwegian_date(day) if day else ""


def case_view(repo: Repository, case: Case, public: bool, today: Date | None = None) -> CaseView:
    committee = repo.committees.get(case.committee or "")
    number = case_label(committee, case)
    exemption = case.exemption
    note = words.exemption_note(exemption.basis or "") if exemption else ""
    if exemption and public:
        return CaseView(number=number, title=exemption.public_title or "", exempt=True, redacted=True,
                        exemption_note=note, meeting=nb(case.meeting), kind="", case_officer="", printed=(),
                        not_printed=(), attachments=False, proposal=None, background="", assessments=(),
                        decision=None)
    printed = tuple(a.title for a in case.attachments if a.title and a.printed is not False)
    not_printed = tuple(a.title for a in case.attachments if a.title and a.printed is False)
    proposal = case.proposal
    return CaseView(
        number=number,
        title=case.title or "",
        exempt=exemption is not None,
        redacted=False,
        exemption_note=note,
        meeting=nb(case.meeting),
        kind=words.KIND.get(case.kind or "", ""),
        case_officer=case.case_officer or "",
        printed=printed,
        not_printed=not_printed,
        attachments=bool(printed or not_printed),
        proposal=ProposalView(words.PROPOSAL.get(proposal.kind or "") or words.PROPOSAL["decision"], proposal.text or "")
        if proposal else None,
        background=case.background or "",
        assessments=tuple(AssessmentView(_assessment_heading(repo, a), a.text or "") for a in case.assessments),
        decision=_decision(case),
        introduction=case.introduction or "",
        assessment=case.assessment or "",
        status_since_last=case.status_since_last or "",
        archive_ref=case.archive_ref or "",
        date=nb(case.date),
        route=_route(repo, case, public),
        recommendation=_recommendation(repo, case, public),
        attachment_list=tuple(AttachmentView(i, a.title, words.attachment_mark(a.printed is not False))
                              for i, a in enumerate((a for a in case.attachments if a.title), start=1)),
        follow_up=follow_up_views(repo, case.decision, today) if case.decision else (),
    )


def outcome_word(case: Case) -> str:
    """The decision's outcome as the paper writes it: an information or discussion case that was 'adopted'
    was taken note of (tatt til orientering), as real papers say."""
    outcome = case.decision.outcome or "" if case.decision else ""
    if outcome == "adopted" and case.kind in NOTED_KINDS:
        outcome = "noted"
    return words.OUTCOME.get(outcome, outcome)


def _decision(case: Case) -> DecisionView | None:
    decision = case.decision
    if decision is None:
        return None
    text = decision.text or ""
    if not text and decision.outcome == "adopted" and case.proposal:
        text = case.proposal.text or ""  # adopted as proposed
    return DecisionView(nb(decision.date), outcome_word(case), text)


def _route(repo: Repository, case: Case, public: bool) -> tuple[RouteStep, ...]:
    """The committees that handled or will handle the matter, from the ``referred_from`` chain both ways;
    empty when the case alone handles it."""
    steps = route(repo, case)
    if len(steps) < 2:
        return ()
    return tuple(_step(repo, step, step is case) for step in steps)


def _step(repo: Repository, case: Case, current: bool) -> RouteStep:
    committee = repo.committees.get(case.committee or "")
    name = committee.label if committee else (case.committee or "")
    outcome = outcome_word(case) if case.decision else words.NOT_YET
    return RouteStep(name, case_number(committee, case), nb(case.meeting), outcome, current)


def _recommendation(repo: Repository, case: Case, public: bool) -> RecommendationView | None:
    """The sending committee's innstilling: as written in the case, else what that committee decided."""
    if not case.referred_from and not case.recommendation:
        return None
    sender = repo.case(case.referred_from) if case.referred_from else None
    sender_committee = repo.committees.get(sender.committee or "") if sender else None
    text = case.recommendation or ""
    if not text and sender is not None and not (sender.exemption and public):
        text = _decision(sender).text if sender.decision else ""  # type: ignore[union-attr]
    if not text:
        return None
    name = sender_committee.label if sender_committee else (case.referred_from or "").split("/")[0]
    day = sender.decision_date or sender.meeting if sender else None
    return RecommendationView(words.recommendation_heading(name, nb(day)), text)


def follow_up_views(repo: Repository, decision: Decision, today: Date | None, case: str = "") -> tuple[FollowUpView, ...]:
    return tuple(follow_up_view(repo, item, today, case) for item in decision.follow_up)


def follow_up_view(repo: Repository, item: FollowUp, today: Date | None, case: str = "") -> FollowUpView:
    return FollowUpView(
        what=item.what or "",
        responsible=responsible_name(repo, item.responsible),
        due=nb(item.due),
        status=words.FOLLOW_UP_STATUS.get(item.status, item.status),
        done=nb(item.done),
        note=item.note or "",
        overdue=today is not None and item.overdue(today),
        case=case,
    )


def _assessment_heading(repo: Repository, assessment: Assessment) -> str:
    if assessment.heading:
        return assessment.heading
    side = assessment.side or ""
    if side == "hospital":
        hospitals = [o.name for o in repo.organizations.values() if o.side == "hospital" and o.name]
        return words.assessment_of(hospitals[0]) if len(hospitals) == 1 else _("Sykehusets vurdering")
    return words.ASSESSMENT.get(side) or _("Vurdering")


@in_language_of_repo
def case_document(repo: Repository, ref: str, public: bool, today: Date | None = None) -> dict[str, Any]:
    parsed = parse_case_ref(ref)
    if parsed is None:
        raise UsageError(f"'{ref}' is not a case reference; write it as committee/year/number, e.g. ssu/2024/5.")
    case = repo.cases.get(parsed)
    if case is None:
        raise UsageError(f"There is no case {ref} (no file for number {parsed[2]} in data/cases/{parsed[0]}/{parsed[1]}/).")
    committee = repo.committees.get(case.committee or "")
    view = case_view(repo, case, public, today)
    return {**base_context(repo, committee, view.number, public), "document": _("Saksfremlegg"), "case": view}


def base_context(repo: Repository, committee: Any, title: str, public: bool) -> dict[str, Any]:
    """What every document's head and footer say: the community, the committee, the title."""
    return {
        "community": repo.name or "",
        "committee": committee.name if committee else "",
        "committee_label": committee.label if committee else "",
        "title": title,
        "public": public,
        "area": words.area(committee.area) if committee and committee.area else "",
    }
