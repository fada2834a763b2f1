"""``fsu publish einnsyn``: the example community in eInnsyn's publishing model, read back and checked
against schemas/einnsyn.schema.json; nothing exempt, no identity number, no text over 500 characters."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from conftest import PROJECT, edit

EXEMPT = "data/cases/ssu/2024/04.yaml"
# Words of the exempt case's title, background, proposal and attachment, found nowhere else in the example.
SECRET_WORDS = ("intermediære", "forhandlingsposisjon", "tilbudt foretaket", "fullmakt til å forhandle",
                "forhandlingsrammer")
PUBLIC_CASE = "data/cases/ssu/2024/02.yaml"


def assert_no_secret(data: bytes, where: Path) -> None:
    text = data.decode("utf-8").casefold()
    for word in SECRET_WORDS:
        assert word.casefold() not in text, f"{word!r} in {where}"
        assert word.encode("utf-8") not in data


def validator(name: str) -> Draft202012Validator:
    schema = json.loads((PROJECT / "schemas" / name).read_text(encoding="utf-8"))
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def cases(export: dict) -> dict[tuple[str, int, int], dict]:
    return {(folder["utvalg"], case["moetesaksaar"], case["moetesakssekvensnummer"]): case
            for folder in export["moetemappe"] for case in folder["moetesak"]}


def folder(export: dict, title: str) -> dict:
    [found] = [f for f in export["moetemappe"] if f["offentligTittel"] == title]
    return found


@pytest.fixture
def exported(fsu, community, tmp_path) -> Path:
    out = tmp_path / "einnsyn.json"
    result = fsu("publish", "einnsyn", out, "--repo", community)
    assert result.exit_code == 0, result.stderr
    return out


def test_the_export_follows_its_schema(exported):
    export = json.loads(exported.read_bytes())
    errors = sorted(validator("einnsyn.schema.json").iter_errors(export), key=str)
    assert not errors, errors[0]
    assert len(cases(export)) == 34  # every case of the example


def test_a_meeting_with_its_cases_and_documents(exported):
    export = json.loads(exported.read_bytes())
    meeting = folder(export, "Møte i FSU pasientforløp 21.05.2026")
    assert meeting["moetedato"] == "2026-05-21T09:00:00+02:00"
    assert meeting["moetested"] == "Teams"
    assert meeting["videoLink"] == "https://meet.example.no/fsu-pasientforlop"
    assert meeting["utvalg"] == "Faglig samarbeidsutvalg for helhetlige pasientforløp"
    assert [d["moetedokumenttype"] for d in meeting["moetedokument"]] == ["innkalling", "protokoll"]
    assert meeting["moetenummer"].endswith("/2026")
    cancelled = folder(export, "Møte i FSU pasientforløp 18.06.2026 – AVLYST")
    assert [d["moetedokumenttype"] for d in cancelled["moetedokument"]] == ["innkalling"]
    draft_minutes = folder(export, "Møte i FSU pasientforløp 19.11.2026")  # held, minutes not yet approved
    assert [d["moetedokumenttype"] for d in draft_minutes["moetedokument"]] == ["innkalling"]


def test_a_public_case_carries_its_texts_and_decision(exported):
    export = json.loads(exported.read_bytes())
    case = cases(export)[("Strategisk samarbeidsutvalg", 2024, 2)]
    assert case["offentligTittel"] == case["offentligTittelSensitiv"]
    assert case["moetesakstype"] == "moete"
    assert case["utredning"]["saksbeskrivelse"]["tekstInnhold"]
    assert case["innstilling"]["tekstFormat"] == "text/plain"
    assert case["vedtak"]["dato"] == "2024-02-15"
    assert [d["tilknyttetRegistreringSom"] for d in case["dokumentbeskrivelse"]] == ["vedlegg", "vedlegg"]


def test_an_exempt_case_is_its_public_title_in_both_fields_and_nothing_else(exported):
    export = json.loads(exported.read_bytes())
    case = cases(export)[("Strategisk samarbeidsutvalg", 2024, 4)]
    assert case["offentligTittel"] == case["offentligTittelSensitiv"] == "Forhandlinger om avtale om tjenestekjøp"
    assert case["beskrivelse"] == "Unntatt offentlighet, jf. offl. § 23 første ledd"
    assert not {"utredning", "innstilling", "vedtak", "dokumentbeskrivelse"} & set(case)
    assert_no_secret(exported.read_bytes(), exported)


def test_system_ids_are_unique_and_stay_when_the_data_changes(fsu, community, exported, tmp_path):
    before = json.loads(exported.read_bytes())
    ids = [value for where, value in _strings(before) if where.endswith("systemId")]
    objects = {json.dumps(o, sort_keys=True) for o in _objects(before) if "systemId" in o}
    assert len(set(ids)) == len(objects)  # one id per object (the proposal appears twice, as one object)
    edit(community / PUBLIC_CASE, "title: Forslag til handlingsplan", "title: Revidert forslag til handlingsplan")
    assert fsu("publish", "einnsyn", exported, "--repo", community).exit_code == 0  # replaces its own file
    after = json.loads(exported.read_bytes())
    old, new = (cases(e)[("Strategisk samarbeidsutvalg", 2024, 2)] for e in (before, after))
    assert new["offentligTittel"].startswith("Revidert")
    assert old["systemId"] == new["systemId"]


def test_two_runs_give_the_same_bytes(fsu, community, exported, tmp_path):
    again = tmp_path / "again.json"
    assert fsu("publish", "einnsyn", again, "--repo", community).exit_code == 0
    assert again.read_bytes() == exported.read_bytes()


def test_an_identity_number_in_a_case_stops_the_export(fsu, community, tmp_path):
    from test_privacy import NUMBER

    edit(community / PUBLIC_CASE, "background: |\n", f"background: |\n  Kontaktperson har fnr. {NUMBER}.\n")
    out = tmp_path / "einnsyn.json"
    result = fsu("publish", "einnsyn", out, "--repo", community)
    assert result.exit_code == 1
    assert f"{PUBLIC_CASE} (introduction and background): FSU361 311299***** in moetemappe[" in result.stderr
    assert "utredning.saksbeskrivelse.tekstInnhold" in result.stderr
    assert NUMBER not in result.stderr + result.stdout
    assert not out.exists()


def test_an_identity_number_in_an_exempt_case_is_not_exported_and_does_not_stop_it(fsu, community, tmp_path):
    from test_privacy import NUMBER

    edit(community / EXEMPT, "background: |\n", f"background: |\n  Fnr. {NUMBER}.\n")
    out = tmp_path / "einnsyn.json"
    assert fsu("publish", "einnsyn", out, "--repo", community).exit_code == 0  # fsu validate still finds it
    assert NUMBER.encode() not in out.read_bytes()


def _long(length: int) -> str:
    words = ("Samhandling om utskrivning krever felles rutiner og tydelig ansvar. " * 20)[:length - 1] + "."
    return "  " + words + "\n"


def test_a_case_text_over_500_characters_goes_to_the_case_paper_with_a_warning(fsu, community, tmp_path):
    out = tmp_path / "einnsyn.json"
    edit(community / PUBLIC_CASE, "background: |\n", "background: |\n" + _long(501) + "\n")
    result = fsu("publish", "einnsyn", out, "--repo", community)
    assert result.exit_code == 0, result.stderr
    assert f"{PUBLIC_CASE} (introduction and background): warning: moetemappe[" in result.stderr
    assert "utredning.saksbeskrivelse.tekstInnhold is " in result.stderr
    case = cases(json.loads(out.read_bytes()))[("Strategisk samarbeidsutvalg", 2024, 2)]
    note = case["utredning"]["saksbeskrivelse"]["tekstInnhold"]
    assert note.startswith("Teksten har ") and "saksfremlegget" in note and len(note) <= 500
    assert "Samhandling om utskrivning" not in out.read_text(encoding="utf-8")  # not a piece of it either


def test_a_title_over_500_characters_stops_the_export_and_names_it(fsu, community, tmp_path):
    out = tmp_path / "einnsyn.json"
    out.write_bytes(b'{"eksport": "einnsyn", "versjon": 1}\n')  # an earlier export stays as it was
    edit(community / PUBLIC_CASE, "title: ", "title: " + _long(501).strip() + " ")
    result = fsu("publish", "einnsyn", out, "--repo", community)
    assert result.exit_code == 1, result.stderr
    assert "eInnsyn takes at most 500 characters in a text field, and fsu cuts no text short" in result.stderr
    assert "offentligTittel is " in result.stderr
    assert out.read_bytes() == b'{"eksport": "einnsyn", "versjon": 1}\n'


def test_a_text_of_exactly_500_characters_is_sent_whole(fsu, community, tmp_path):
    text = _long(500).strip()
    edit(community / PUBLIC_CASE, "decision:\n", f"decision:\n  text: \"{text}\"\n")
    out = tmp_path / "einnsyn.json"
    assert fsu("publish", "einnsyn", out, "--repo", community).exit_code == 0, out
    case = cases(json.loads(out.read_bytes()))[("Strategisk samarbeidsutvalg", 2024, 2)]
    assert case["vedtak"]["vedtakstekst"]["tekstInnhold"] == text and len(text) == 500


def test_an_exempt_case_with_a_long_text_is_exported(fsu, community, tmp_path):
    edit(community / EXEMPT, "background: |\n", "background: |\n" + _long(900) + "\n")
    out = tmp_path / "einnsyn.json"
    assert fsu("publish", "einnsyn", out, "--repo", community).exit_code == 0


def test_a_folder_that_does_not_exist(fsu, community, tmp_path):
    out = tmp_path / "missing" / "einnsyn.json"
    result = fsu("publish", "einnsyn", out, "--repo", community)
    assert result.exit_code == 2
    assert f"The folder {out.parent} does not exist." in result.stderr


def test_a_broken_case_file_stops_the_export(fsu, community, tmp_path):
    edit(community / PUBLIC_CASE, "title:", "titel:")
    out = tmp_path / "einnsyn.json"
    result = fsu("publish", "einnsyn", out, "--repo", community)
    assert result.exit_code == 1
    assert f"{PUBLIC_CASE}:" in result.stderr and "FSU101" in result.stderr
    assert not out.exists()


def _strings(value, where=""):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{where}.{key}")
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item, where)
    elif isinstance(value, str):
        yield where, value


def _objects(value):
    if isinstance(value, dict):
        yield value
        for item in value.values():
            yield from _objects(item)
    elif isinstance(value, list):
        for item in value:
            yield from _objects(item)
