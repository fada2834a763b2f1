"""What each page of the public website says: the pages as (path, template, context), public content only.

Every case is seen through ``case_view(..., public=True)``, so an exempt case keeps only its public title and the
legal basis, as ``fsu render --public`` shows it. The agenda, minutes and annual report are the documents
``fsu render`` makes, set into the site's pages (``site_html``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fsu_cli.domain.mandates import mandate_in_force
from fsu_cli.domain.office import in_office
from fsu_cli.domain.records import Case, Committee, Date, Meeting, Repository, hierarchy
from fsu_cli.render import words
from fsu_cli.render.i18n import _
from fsu_cli.render.casepaper import case_view, nb
from fsu_cli.render.documents import _member_lists, mandate_document, meeting_document, report_document
from fsu_cli.render.views import CaseView


@dataclass(frozen=True)
class Page:
    path: str  # relative to the site's folder, with '/'
    template: str  # e.g. site/committee.html.j2
    context: dict[str, Any]
    documents: tuple[tuple[str, dict[str, Any]], ...] = ()  # fsu render documents set into the page


# --- where each page lives ------------------------------------------------------------------


def committee_path(committee: Committee) -> str:
    return f"utvalg/{committee.id}.html"


def meeting_path(committee: Committee, day: Date) -> str:
    return f"moter/{committee.id}/{day.isoformat()}.html"


def case_path(case: Case) -> str:
    return f"saker/{case.committee}/{case.year}/{case.number:02d}.html"


def report_path(committee: Committee, year: int) -> str:
    return f"arsrapporter/{committee.id}/{year}.html"


DECISIONS = "vedtak.html"
DECISIONS_JSON = "vedtak.json"
STYLE = "stil.css"


def root_of(path: str) -> str:
    """The relative way back to the site's top from a page, e.g. '../../' (links work from file:// too)."""
    return "../" * path.count("/")


# --- the site -------------------------------------------------------------------------------


def committees(repo: Repository) -> list[Committee]:
    return sorted(repo.committees.values(), key=hierarchy)


def dated_meetings(committee: Committee) -> list[Meeting]:
    return sorted((m for m in committee.meetings if m.date), key=lambda m: m.date)


def published_cases(repo: Repository) -> list[Case]:
    """Every case whose committee and number are known, in committee, year and number order."""
    known = repo.cache.get("site_cases")
    if known is None:
        cases = (c for c in repo.all_cases if c.committee in repo.committees and c.year and c.number)
        known = repo.cache["site_cases"] = sorted(cases, key=lambda c: (c.committee, c.year, c.number))
    return known


def cases_at(repo: Repository, committee: Committee, day: Date) -> list[Case]:
    """The published cases of one meeting, in number order (indexed once: a site has every meeting)."""
    index = repo.cache.get("site_cases_at")
    if index is None:
        index = repo.cache["site_cases_at"] = {}
        for case in published_cases(repo):
            index.setdefault((case.committee, case.meeting), []).append(case)
    return index.get((committee.id, day), [])


def report_years(repo: Repository, committee: Committee, today: Date) -> list[int]:
    """The years with something to report: a meeting held, or the committee's own words, up to this year."""
    years = {m.date.year for m in committee.meetings if m.date and m.status == "held"}
    years |= {r.year for r in repo.all_reports if r.committee == committee.id and r.year}
    return sorted(y for y in years if y <= today.year)


def pages(repo: Repository, today: Date, dated: bool = True) -> list[Page]:
    views = {case.ref: case_view(repo, case, True, today) for case in published_cases(repo)}
    site = {"community": repo.name or "", "language": getattr(repo, "language", None) or "nb"}
    found: list[Page] = [front_page(repo, today, views, site), decisions_page(repo, views, site)]
    for committee in committees(repo):
        found.append(committee_page(repo, committee, today, site, dated))
        found += [meeting_page(repo, committee, m, views, site) for m in dated_meetings(committee)]
        found += [report_page(repo, committee, year, today, site) for year in report_years(repo, committee, today)]
    found += [case_page(repo, case, views[case.ref], site) for case in published_cases(repo)]
    return found


def _page(site: dict, path: str, template: str, title: str, **context: Any) -> Page:
    return Page(path, template, {**site, "root": root_of(path), "path": path, "title": title, **context})


def _link(path: str, text: str, **more: Any) -> dict[str, Any]:
    return {"href": path, "text": text, **more}


# --- the front page and the decisions ---------------------------------------------------------


def front_page(repo: Repository, today: Date, views: dict[str, CaseView], site: dict) -> Page:
    coming = sorted(((m.date, c.label, c) for c in committees(repo) for m in dated_meetings(c)
                     if m.date >= today and m.status == "planned"), key=lambda t: (t[0], t[1]))[:8]
    latest = [d for d in decision_rows(repo, views)][-8:][::-1]
    listed = [_link(committee_path(c), c.name or c.label, label=c.label, dissolved=bool(c.dissolved),
                    area=words.area(c.area) if c.area else "") for c in committees(repo)]
    return _page(site, "index.html", "site/index.html.j2", repo.name or "Helsefellesskapet",
                 committees=listed,
                 coming=[_link(meeting_path(c, day), f"{label} {nb(day)}") for day, label, c in coming],
                 latest=latest)


def decision_rows(repo: Repository, views: dict[str, CaseView]) -> list[dict[str, Any]]:
    """Every public decision, oldest first: what the decisions page lists and its index holds."""
    rows = []
    for case in published_cases(repo):
        view = views[case.ref]
        if view.decision is None:
            continue  # an exempt case shown to the public has no decision to show
        committee = repo.committees[case.committee]
        day = case.decision_date or case.meeting
        rows.append({"id": f"v-{case.committee}-{case.year}-{case.number:02d}", "href": case_path(case),
                     "number": view.number, "title": view.title, "committee": committee.label,
                     "committee_id": committee.id, "year": day.year if day else case.year,
                     "date": nb(day), "sort": day.isoformat() if day else "", "outcome": view.decision.outcome,
                     "text": view.decision.text})
    rows.sort(key=lambda r: (r["sort"], r["committee_id"], r["href"]))
    return rows


def decisions_page(repo: Repository, views: dict[str, CaseView], site: dict) -> Page:
    rows = decision_rows(repo, views)
    return _page(site, DECISIONS, "site/decisions.html.j2", "Vedtak", rows=rows[::-1],
                 committees=sorted({(r["committee_id"], r["committee"]) for r in rows}, key=lambda t: t[1].casefold()),
                 years=sorted({r["year"] for r in rows}, reverse=True))


def decision_index(repo: Repository, today: Date) -> list[dict[str, Any]]:
    """The decisions page's search index: the rows, newest first, with the text to search in."""
    views = {case.ref: case_view(repo, case, True, today) for case in published_cases(repo)}
    return [{"id": r["id"], "href": r["href"], "number": r["number"], "title": r["title"],
             "committee": r["committee_id"], "year": r["year"], "date": r["sort"], "outcome": r["outcome"],
             "text": r["text"]} for r in decision_rows(repo, views)[::-1]]


# --- committees -------------------------------------------------------------------------------


def committee_page(repo: Repository, committee: Committee, today: Date, site: dict, dated: bool = True) -> Page:
    mandate = mandate_in_force(repo, committee.id, today)
    offices = {o.role: o.name for o in in_office(committee.leadership, on=today)}
    meetings = dated_meetings(committee)
    return _page(site, committee_path(committee), "site/committee.html.j2", committee.name or committee.label,
                 label=committee.label, area=words.area(committee.area) if committee.area else "",
                 description=committee.description or "", dissolved=nb(committee.dissolved),
                 mandate=mandate_document(repo, mandate.id, True) if mandate else None,
                 leader=offices.get("leader") or "", deputy=offices.get("deputy") or "",
                 sides=member_sides(repo, committee, today), members_on=nb(today) if dated else "",
                 coming=[_meeting_link(committee, m) for m in meetings if m.date >= today],
                 past=[_meeting_link(committee, m) for m in reversed(meetings) if m.date < today],
                 reports=[_link(report_path(committee, y), f"Årsrapport {y}")
                          for y in reversed(report_years(repo, committee, today))],
                 parent=_parent(repo, committee))


def _parent(repo: Repository, committee: Committee) -> dict[str, Any] | None:
    parent = repo.committees.get(committee.parent or "")
    return _link(committee_path(parent), parent.name or parent.label) if parent else None


def _meeting_link(committee: Committee, meeting: Meeting) -> dict[str, Any]:
    return _link(meeting_path(committee, meeting.date), nb(meeting.date),
                 status=words.STATUS.get(meeting.status or "", ""), location=meeting.location or "")


def _side_headings() -> dict[str, str]:
    """Each side's singular to its plural ('kommune' → 'kommunene') in the active målform, longest first."""
    plurals = {words.SIDE_SINGULAR[key]: words.SIDE[key] for key in list(words.SIDE_SINGULAR) if key in words.SIDE}
    return dict(sorted(plurals.items(), key=lambda pair: -len(pair[0])))


def _side_heading(side: str, plurals: dict[str, str]) -> str:
    """'kommune' (a member's side, perhaps '… oppnevnt av kommunene') to 'Kommunene'."""
    singular = next((word for word in plurals if side == word or side.startswith(word + " ")), None)
    return (plurals[singular] if singular else side or _("Andre")).capitalize()


def member_sides(repo: Repository, committee: Committee, today: Date) -> list[dict[str, Any]]:
    """The members in office by side (in the order the sides are known), leaders first within a side, then
    the substitutes and the observers."""
    lists = _member_lists(repo, committee, today, by_side=True)
    groups: list[dict[str, Any]] = []
    plurals = _side_headings()
    for row in lists["members"]:
        heading = _side_heading(row.side, plurals)
        if not groups or groups[-1]["heading"] != heading:
            groups.append({"heading": heading, "rows": []})
        groups[-1]["rows"].append(row)
    for key, heading in (("substitutes", words.SUBSTITUTES), ("observers", words.OBSERVERS)):
        if lists[key]:
            groups.append({"heading": heading, "rows": lists[key]})
    return groups


# --- meetings, cases, reports -------------------------------------------------------------------


def meeting_page(repo: Repository, committee: Committee, meeting: Meeting, views: dict[str, CaseView],
                 site: dict) -> Page:
    day = meeting.date.isoformat()
    cases = cases_at(repo, committee, meeting.date)
    documents = [("agenda.html.j2", meeting_document(repo, committee.id, day, True, minutes=False))]
    if meeting.status == "held":
        documents.append(("minutes.html.j2", meeting_document(repo, committee.id, day, True, minutes=True)))
    page = _page(site, meeting_path(committee, meeting.date), "site/meeting.html.j2",
                 f"Møte i {committee.label} {nb(meeting.date)}",
                 committee=_link(committee_path(committee), committee.name or committee.label),
                 status=words.STATUS.get(meeting.status or "", ""),
                 cases=[_link(case_path(c), f"{views[c.ref].number} {views[c.ref].title}",
                              redacted=views[c.ref].redacted) for c in cases])
    return Page(page.path, page.template, page.context, tuple(documents))


def case_page(repo: Repository, case: Case, view: CaseView, site: dict) -> Page:
    committee = repo.committees[case.committee]
    meeting = committee.meeting_on(case.meeting) if case.meeting else None
    return _page(site, case_path(case), "site/case.html.j2", f"{view.number} {view.title}", case=view,
                 committee=_link(committee_path(committee), committee.name or committee.label),
                 meeting=_link(meeting_path(committee, meeting.date), f"Møtet {nb(meeting.date)}") if meeting else None)


def report_page(repo: Repository, committee: Committee, year: int, today: Date, site: dict) -> Page:
    document = report_document(repo, committee.id, year, today, True)
    page = _page(site, report_path(committee, year), "site/report.html.j2",
                 f"Årsrapport {year} for {committee.name or committee.label}",
                 committee=_link(committee_path(committee), committee.name or committee.label))
    return Page(page.path, page.template, page.context, (("report.html.j2", document),))
