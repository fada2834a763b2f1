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
