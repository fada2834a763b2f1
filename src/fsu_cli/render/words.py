"""The Norwegian words documents use for the data's English keys and values."""

from __future__ import annotations

KIND = {"information": "Til orientering", "discussion": "Til drøfting", "decision": "Til beslutning"}
PROPOSAL = {"consensus": "Innstilling til konsensus", "decision": "Forslag til vedtak"}
OUTCOME = {
    "adopted": "Vedtatt",
    "amended": "Vedtatt med endringer",
    "postponed": "Utsatt",
    "returned": "Sendt tilbake",
    "rejected": "Ikke vedtatt",
    "noted": "Tatt til orientering",
}
STATUS = {"held": "Avholdt", "planned": "Planlagt", "cancelled": "Avlyst"}
ROLE = {"leader": "leder", "deputy": "nestleder"}
SIDE = {
    "hospital": "helseforetaket",
    "municipality": "kommunene",
    "user": "brukerne",
    "gp": "fastlegene",
    "employee": "de ansatte",
    "external": "eksterne",
    "secretariat": "sekretariatet",
}
SIDE_SINGULAR = {
    "hospital": "helseforetak",
    "municipality": "kommune",
    "user": "brukerrepresentant",
    "gp": "fastlege",
    "employee": "ansattrepresentant",
    "external": "ekstern",
    "secretariat": "sekretariat",
}
ASSESSMENT = {
    "municipality": "Kommunenes vurdering",
    "user": "Brukerrepresentantenes vurdering",
    "gp": "Fastlegenes vurdering",
    "employee": "Ansattrepresentantenes vurdering",
    "external": "Eksterne samarbeidspartneres vurdering",
    "secretariat": "Sekretariatets vurdering",
}


def genitive(name: str) -> str:
    """'Sykehuset Fjordvik HF' -> 'Sykehuset Fjordvik HFs'; names ending in s, x or z take an apostrophe."""
    return f"{name}'" if name.endswith(("s", "x", "z")) else f"{name}s"


def exemption_note(basis: str) -> str:
    return f"Unntatt offentlighet, jf. {basis}"


FORM = {
    "physical": "Fysisk møte",
    "digital": "Digitalt møte",
    "hybrid": "Hybridmøte (fysisk og digitalt)",
    "written": "Skriftlig behandling (per e-post)",
}
MEMBER = "medlem"
# what a member with a role other than member is called in a roll call
MEMBER_ROLE = {"substitute": "vararepresentant", "observer": "observatør"}
SUBSTITUTES = "Vararepresentanter"
OBSERVERS = "Observatører"
OBSERVERS_NOTE = "med tale- og forslagsrett"


def appointed(side_word: str, appointed_by: str) -> str:
    """'brukerrepresentant' appointed by the municipalities -> 'brukerrepresentant oppnevnt av kommunene'."""
    by = SIDE.get(appointed_by, appointed_by)
    return f"{side_word} oppnevnt av {by}" if side_word else f"oppnevnt av {by}"


def approved_by_partners(day: str, document: str) -> str:
    """A mandate adopted by the partners' own boards and councils, in the agreement that holds it."""
    text = f"Vedtatt av partnerne {day}" if day else "Vedtatt av partnerne"
    return f"{text} i «{document}»" if document else text


def area(name: str) -> str:
    return f"Område: {name}"
CANCELLED = "AVLYST"
NOTICE_APPROVAL = "Godkjenning av innkalling og saksliste"
NOTICE_APPROVED = "Innkalling og saksliste ble godkjent."
INFORMATION = "Orientering"
ANY_OTHER_BUSINESS = "Eventuelt"
NOT_APPROVED = "Protokollen er ikke godkjent ennå."


def minutes_approval(day: str) -> str:
    """The agenda item that approves an earlier meeting's minutes."""
    return f"Godkjenning av protokoll fra møtet {day}" if day else "Godkjenning av protokoll"


def minutes_approved(day: str) -> str:
    return f"Protokollen fra møtet {day} ble godkjent." if day else "Protokollen ble godkjent."


def substitute_for(name: str) -> str:
    return f"vara for {name}"


def recusal(name: str, basis: str) -> str:
    return f"{name} fratrådte som inhabil, jf. {basis}." if basis else f"{name} fratrådte som inhabil."


def approval_line(by: str, day: str) -> str:
    """How the minutes were approved: at a later meeting, by e-mail, or by signatures."""
    if by == "email":
        return f"Godkjent per e-post {day}." if day else "Godkjent per e-post."
    if by == "signatures":
        return f"Protokollen ble godkjent ved signatur {day}." if day else "Protokollen ble godkjent ved signatur."
    if by == "meeting" and day:
        return f"Protokollen ble godkjent i møte {day}."
    return f"Protokollen ble godkjent {day}." if day else "Protokollen er godkjent."


def clock(time: str) -> str:
    """'09:00-12:00' -> 'kl. 09.00–12.00'; anything else is shown as written."""
    parts = time.split("-")
    if all(len(p) == 5 and p[2] == ":" and (p[:2] + p[3:]).isdigit() for p in parts) and len(parts) <= 2:
        return "kl. " + "–".join(p.replace(":", ".") for p in parts)
    return time

FOLLOW_UP_STATUS = {"open": "Åpen", "in-progress": "Under arbeid", "done": "Utført", "dropped": "Bortfalt"}
OVERDUE = "forfalt"
NOT_YET = "Ikke behandlet ennå"


def recommendation_heading(committee: str, day: str) -> str:
    """'Innstilling fra FSU pasientforløp 21.05.2026': the sending committee's recommendation."""
    return f"Innstilling fra {committee}" + (f" {day}" if day else "")


def attachment_mark(printed: bool) -> str:
    return "(t)" if printed else "(ikke t)"


def report_approved(by: str, day: str, case: str) -> str:
    """'Årsrapporten ble godkjent i SSU 12.02.2026 (SSU sak 01-2026).'"""
    text = f"Årsrapporten ble godkjent i {by}" + (f" {day}" if day else "")
    return text + (f" ({case})." if case else ".")
