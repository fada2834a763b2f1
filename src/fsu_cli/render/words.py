"""The Norwegian words documents use for the data's English keys and values.

Written in bokmål, and marked for the nynorsk catalog (``i18n``): the tables give each word in the
målform being spoken when it is looked up, and so do the single words below (``words.MEMBER``).
"""

from __future__ import annotations

from typing import Any

from fsu_cli.render.i18n import N_
from fsu_cli.render.i18n import gettext as _


class _Words(dict):
    """A table of bokmål words, each given in the målform being spoken when it is looked up."""

    def __getitem__(self, key: Any) -> str:
        return _(super().__getitem__(key))

    def get(self, key: Any, default: Any = None) -> Any:
        word = super().get(key)
        return default if word is None else _(word)


KIND = _Words({"information": N_("Til orientering"), "discussion": N_("Til drøfting"),
               "decision": N_("Til beslutning")})
PROPOSAL = _Words({"consensus": N_("Innstilling til konsensus"), "decision": N_("Forslag til vedtak")})
OUTCOME = _Words({
    "adopted": N_("Vedtatt"),
    "amended": N_("Vedtatt med endringer"),
    "postponed": N_("Utsatt"),
    "returned": N_("Sendt tilbake"),
    "rejected": N_("Ikke vedtatt"),
    "noted": N_("Tatt til orientering"),
})
STATUS = _Words({"held": N_("Avholdt"), "planned": N_("Planlagt"), "cancelled": N_("Avlyst")})
ROLE = _Words({"leader": N_("leder"), "deputy": N_("nestleder")})
SIDE = _Words({
    "hospital": N_("helseforetaket"),
    "municipality": N_("kommunene"),
    "user": N_("brukerne"),
    "gp": N_("fastlegene"),
    "employee": N_("de ansatte"),
    "external": N_("eksterne"),
    "secretariat": N_("sekretariatet"),
})
SIDE_SINGULAR = _Words({
    "hospital": N_("helseforetak"),
    "municipality": N_("kommune"),
    "user": N_("brukerrepresentant"),
    "gp": N_("fastlege"),
    "employee": N_("ansattrepresentant"),
    "external": N_("ekstern"),
    "secretariat": N_("sekretariat"),
})
ASSESSMENT = _Words({
    "municipality": N_("Kommunenes vurdering"),
    "user": N_("Brukerrepresentantenes vurdering"),
    "gp": N_("Fastlegenes vurdering"),
    "employee": N_("Ansattrepresentantenes vurdering"),
    "external": N_("Eksterne samarbeidspartneres vurdering"),
    "secretariat": N_("Sekretariatets vurdering"),
})


def genitive(name: str) -> str:
    """'Sykehuset Fjordvik HF' -> 'Sykehuset Fjordvik HFs'; names ending in s, x or z take an apostrophe."""
    return f"{name}'" if name.endswith(("s", "x", "z")) else f"{name}s"


def assessment_of(name: str) -> str:
    """'Sykehuset Fjordvik HFs vurdering' (nynorsk: 'Vurderinga til Sykehuset Fjordvik HF')."""
    return _("%(genitive)s vurdering") % {"genitive": genitive(name), "name": name}


def exemption_note(basis: str) -> str:
    return _("Unntatt offentlighet, jf. %(basis)s") % {"basis": basis}


FORM = _Words({
    "physical": N_("Fysisk møte"),
    "digital": N_("Digitalt møte"),
    "hybrid": N_("Hybridmøte (fysisk og digitalt)"),
    "written": N_("Skriftlig behandling (per e-post)"),
})
# what a member with a role other than member is called in a roll call
MEMBER_ROLE = _Words({"substitute": N_("vararepresentant"), "observer": N_("observatør")})
FOLLOW_UP_STATUS = _Words({"open": N_("Åpen"), "in-progress": N_("Under arbeid"), "done": N_("Utført"),
                           "dropped": N_("Bortfalt")})

# Single words, read as words.MEMBER: given in the målform being spoken (module __getattr__).
_SINGLE = {
    "MEMBER": N_("medlem"),
    "SUBSTITUTE": N_("vara"),
    "CHAIR": N_("møteleder"),
    "SUBSTITUTES": N_("Vararepresentanter"),
    "OBSERVERS": N_("Observatører"),
    "OBSERVERS_NOTE": N_("med tale- og forslagsrett"),
    "CANCELLED": N_("AVLYST"),
    "NOTICE_APPROVAL": N_("Godkjenning av innkalling og saksliste"),
    "NOTICE_APPROVED": N_("Innkalling og saksliste ble godkjent."),
    "INFORMATION": N_("Orientering"),
    "ANY_OTHER_BUSINESS": N_("Eventuelt"),
    "NOT_APPROVED": N_("Protokollen er ikke godkjent ennå."),
    "OVERDUE": N_("forfalt"),
    "NOT_YET": N_("Ikke behandlet ennå"),
}


def __getattr__(name: str) -> str:
    if name in _SINGLE:
        return _(_SINGLE[name])
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def appointed(side_word: str, appointed_by: str) -> str:
    """'brukerrepresentant' appointed by the municipalities -> 'brukerrepresentant oppnevnt av kommunene'."""
    by = SIDE.get(appointed_by, appointed_by)
    if side_word:
        return _("%(role)s oppnevnt av %(side)s") % {"role": side_word, "side": by}
    return _("oppnevnt av %(side)s") % {"side": by}


def approved_by_partners(day: str, document: str) -> str:
    """A mandate adopted by the partners' own boards and councils, in the agreement that holds it."""
    text = _("Vedtatt av partnerne %(date)s") % {"date": day} if day else _("Vedtatt av partnerne")
    return _("%(approval)s i «%(document)s»") % {"approval": text, "document": document} if document else text


def approved_in(committee: str, day: str) -> str:
    """A mandate approved by a committee: 'Godkjent i SSU 12.02.2025'."""
    return _("Godkjent i %(committee)s %(date)s") % {"committee": committee, "date": day}


def validity(start: str, end: str) -> str:
    """'Gjelder fra 01.01.2025', and ' til og med 31.12.2026' when the mandate ends."""
    text = _("Gjelder fra %(date)s") % {"date": start}
    return text + (_(" til og med %(date)s") % {"date": end} if end else "")


def area(name: str) -> str:
    return _("Område: %(area)s") % {"area": name}


def minutes_approval(day: str) -> str:
    """The agenda item that approves an earlier meeting's minutes."""
    return _("Godkjenning av protokoll fra møtet %(date)s") % {"date": day} if day else _("Godkjenning av protokoll")


def minutes_approved(day: str) -> str:
    return (_("Protokollen fra møtet %(date)s ble godkjent.") % {"date": day} if day
            else _("Protokollen ble godkjent."))


def substitute_for(name: str) -> str:
    return _("vara for %(name)s") % {"name": name}


def recusal(name: str, basis: str) -> str:
    if basis:
        return _("%(name)s fratrådte som inhabil, jf. %(basis)s.") % {"name": name, "basis": basis}
    return _("%(name)s fratrådte som inhabil.") % {"name": name}


def approval_line(by: str, day: str) -> str:
    """How the minutes were approved: at a later meeting, by e-mail, or by signatures."""
    date = {"date": day}
    if by == "email":
        return _("Godkjent per e-post %(date)s.") % date if day else _("Godkjent per e-post.")
    if by == "signatures":
        return (_("Protokollen ble godkjent ved signatur %(date)s.") % date if day
                else _("Protokollen ble godkjent ved signatur."))
    if by == "meeting" and day:
        return _("Protokollen ble godkjent i møte %(date)s.") % date
    return _("Protokollen ble godkjent %(date)s.") % date if day else _("Protokollen er godkjent.")


def clock(time: str) -> str:
    """'09:00-12:00' -> 'kl. 09.00–12.00'; anything else is shown as written."""
    parts = time.split("-")
    if all(len(p) == 5 and p[2] == ":" and (p[:2] + p[3:]).isdigit() for p in parts) and len(parts) <= 2:
        return _("kl.") + " " + "–".join(p.replace(":", ".") for p in parts)
    return time


def recommendation_heading(committee: str, day: str) -> str:
    """'Innstilling fra FSU pasientforløp 21.05.2026': the sending committee's recommendation."""
    text = _("Innstilling fra %(committee)s") % {"committee": committee}
    return text + (f" {day}" if day else "")


def attachment_mark(printed: bool) -> str:
    return _("(t)") if printed else _("(ikke t)")


def report_approved(by: str, day: str, case: str) -> str:
    """'Årsrapporten ble godkjent i SSU 12.02.2026 (SSU sak 01-2026).'"""
    text = _("Årsrapporten ble godkjent i %(committee)s") % {"committee": by} + (f" {day}" if day else "")
    return text + (f" ({case})." if case else ".")


def day_and_date(day: Any) -> str:
    """'torsdag 26.11.2026': the day's name, as a notice gives its meeting's date."""
    from fsu_cli.domain.dates import norwegian_date, weekday_name

    return f"{_(weekday_name(day))} {norwegian_date(day)}"
