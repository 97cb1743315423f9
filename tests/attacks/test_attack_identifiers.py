"""Identifiers in an export and in the team's texts never reach data/survey/ or out/.

The export below has identifiers under 20 different column names and question texts (bokmål, nynorsk, English,
German, SurveyXact's own), two columns that say nothing but hold identifiers, and identity numbers, phone numbers,
e-mail addresses and names inside free-text answers. After `hkh import` and `hkh run`, every byte of every file
written (workbooks and Word files unpacked) is searched for each of them."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest
from attack_helpers import FILES, hkh, national_ids, sound_project

from hkh.survey.synthetic import SynthQuestion, SynthSurvey, export_tables, write_xlsx

RESPONDENTS = 40
IDS = national_ids(RESPONDENTS * 3)
PHONES = [f"9{index:07d}"[:8] for index in range(1234567, 1234567 + RESPONDENTS)]
MAILS = [f"person{index}@eksempel.no" for index in range(RESPONDENTS)]
NAMES = [f"Kari{chr(65 + index % 26)}son" for index in range(RESPONDENTS)]
IPS = [f"10.{index}.20.30" for index in range(RESPONDENTS)]


def identifying_questions() -> list[tuple[SynthQuestion, list[object]]]:
    """20 columns named or asked as identifiers, and 2 named neutrally that hold them, with their answers."""
    birth = [dt.datetime(1980 + i % 20, 1 + i % 12, 1 + i % 28) for i in range(RESPONDENTS)]
    named: list[tuple[str, str, str, list[object]]] = [
        ("mobilnummer", "open", "Mobilnummer", PHONES),
        ("fodselsnr", "open", "Fødselsnummer (11 siffer)", IDS[:RESPONDENTS]),
        ("personnr", "open", "Personnummer", IDS[RESPONDENTS:2 * RESPONDENTS]),
        ("telefonnummer", "open", "Telefonnummer", PHONES),
        ("ssn", "number", "SSN", [int(x) for x in IDS[2 * RESPONDENTS:]]),
        ("fodselsdato", "date", "Fødselsdato", birth),
        ("q_navn", "open", "Ditt navn", NAMES),
        ("q_tlf", "open", "Telefon (mobil)", PHONES),
        ("q_adresse", "open", "Bostedsadresse (gateadresse)", [f"Storgata {i}" for i in range(RESPONDENTS)]),
        ("q_epost", "open", "E-postadresse", MAILS),
        ("etternavn", "open", "Etternavn", NAMES),
        ("q_kva", "open", "Kva heiter du?", NAMES),
        ("ip_address", "open", "IP address", IPS),
        ("kontakt_mobil", "open", "Kontaktopplysninger - Mobil", PHONES),
        ("dnummer", "open", "D-nummer", IDS[:RESPONDENTS]),
        ("q_name", "open", "Wie heißen Sie?", NAMES),
        ("q_phone", "open", "What is your phone number?", PHONES),
        ("q_post", "open", "Postnummer og poststed", [f"0{150 + i} Oslo" for i in range(RESPONDENTS)]),
        ("q_mail", "open", "Your e-mail address", MAILS),
        ("fornavn", "open", "Fornavn", NAMES),
        # named for nothing, found by what they hold
        ("q98", "open", "Kontakt meg gjerne", MAILS),
        ("q99", "number", "Antall", [int(x) for x in IDS[RESPONDENTS:2 * RESPONDENTS]]),
    ]
    return [(SynthQuestion(name, kind, text), answers) for name, kind, text, answers in named]  # type: ignore[arg-type]


FREE_TEXT = [
    "Mitt fødselsnummer er {id}, ring meg på {phone}",
    "Jeg heter Ola Nordmann og e-posten min er {mail}",
    "fnr {id_spaced} – skriv til {mail}",
    "Ta kontakt på +47 {phone_spaced}",
]


def export(path: Path) -> Path:
    questions = [
        SynthQuestion("kjonn", "single", "Kjønn", [(1, "Mann"), (2, "Kvinne")]),
        SynthQuestion("fritekst", "open", "Noe mer du vil si?"),
    ]
    identifying = identifying_questions()
    questions += [question for question, _ in identifying]
    answers = []
    for row in range(RESPONDENTS):
        answer: dict[str, object] = {"kjonn": 1 + row % 2}
        number = IDS[row]
        answer["fritekst"] = FREE_TEXT[row % len(FREE_TEXT)].format(
            id=number, id_spaced=f"{number[:6]} {number[6:]}", phone=PHONES[row],
            phone_spaced=f"{PHONES[row][:3]} {PHONES[row][3:5]} {PHONES[row][5:]}", mail=MAILS[row],
        )
        for question, values in identifying:
            answer[question.name] = values[row]
        answers.append(answer)
    survey = SynthSurvey(questions, answers, [4] * RESPONDENTS, title="Brukerundersøkelse")
    return write_xlsx(export_tables(survey), path)


def every_byte(folder: Path) -> bytes:
    """Every file below `folder`, and the members of those that are ZIPs (workbooks, Word files), unpacked."""
    found = bytearray()
    for path in sorted(folder.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        found += data
        if data.startswith(b"PK"):
            with zipfile.ZipFile(path) as archive:
                for name in archive.namelist():
                    found += archive.read(name)
    return bytes(found)


def secrets() -> list[str]:
    values = [*IDS, *PHONES, *MAILS, *NAMES, *IPS, "Ola Nordmann", "Storgata 1"]
    values += [f"{n[:6]} {n[6:]}" for n in IDS]
    return values


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    root = sound_project(tmp_path_factory.mktemp("id") / "p")
    sources = FILES["sources.yaml"] + "  - id: undersokelse\n    method: survey\n    title: Brukerundersøkelse\n"
    (root / "sources.yaml").write_text(sources, "utf-8")
    result = hkh("import", export(root.parent / "eksport.xlsx"), "-p", root, "-s", "undersokelse")
    assert result.exit_code == 0, result.output
    run = hkh("run", "-p", root)
    assert run.exit_code == 0, run.output
    return root, result


def test_no_identifier_reaches_data_survey_or_out(imported: tuple[Path, object]) -> None:
    root, _ = imported
    stored = every_byte(root / "data" / "survey") + every_byte(root / "out")
    assert len(stored) > 10_000  # the survey and the outputs are there
    found = [value for value in secrets() if value.encode() in stored]
    assert not found, found[:10]


def test_the_raw_export_stays_in_data_raw(imported: tuple[Path, object]) -> None:
    root, _ = imported
    raw = every_byte(root / "data" / "raw")
    assert MAILS[0].encode() in raw and IDS[0].encode() in raw


def test_every_identifying_column_is_dropped_with_its_reason(imported: tuple[Path, object]) -> None:
    root, result = imported
    output = result.stdout
    for question, _ in identifying_questions():
        if question.name == "q_post":
            continue
        assert f"dropped column {question.name}: " in output, question.name
    assert "dropped column q98: e-mail address (content: 40 of 40 answers are e-mail addresses)" in output
    assert "dropped column q99: national identity number (content: 40 of 40 answers are national identity numbers)" in output
    assert "dropped column fodselsnr: national identity number (the question text says “Fødselsnummer”)" in output
    assert "fritekst: identifiers masked in 40 free-text answers" in output


def test_the_masked_answers_keep_their_other_words(imported: tuple[Path, object]) -> None:
    root, _ = imported
    answers = (root / "data" / "survey" / "undersokelse" / "responses.csv").read_text("utf-8")
    assert "Mitt fødselsnummer er [•••], ring meg på [•••]" in answers
    assert "Jeg heter [•••] og e-posten min er [•••]" in answers
    codebook = (root / "data" / "survey" / "undersokelse" / "codebook.yaml").read_text("utf-8")
    assert "masked: 40" in codebook


def test_checked_text_stores_a_question_unmasked_and_says_so(tmp_path: Path) -> None:
    root = sound_project(tmp_path / "p")
    result = hkh("import", export(tmp_path / "eksport.xlsx"), "-p", root, "-s", "s", "--checked-text", "fritekst")
    assert result.exit_code == 0, result.output
    assert "fritekst: free-text answers stored unmasked (--checked-text: you have checked them)" in result.stdout
    answers = (root / "data" / "survey" / "s" / "responses.csv").read_text("utf-8")
    assert IDS[0] in answers
    assert "checked: true" in (root / "data" / "survey" / "s" / "codebook.yaml").read_text("utf-8")
    # the next import without the option masks again: nothing carries the decision over silently
    again = hkh("import", tmp_path / "eksport.xlsx", "-p", root, "-s", "s", "--force", "--replace")
    assert again.exit_code == 0 and IDS[0] not in (root / "data" / "survey" / "s" / "responses.csv").read_text("utf-8")


def test_checked_text_naming_no_open_question_is_refused(tmp_path: Path) -> None:
    root = sound_project(tmp_path / "p")
    result = hkh("import", export(tmp_path / "eksport.xlsx"), "-p", root, "-s", "s", "--checked-text", "kjonn")
    assert result.exit_code == 2 and "--checked-text kjonn: not an open-text question of this export" in result.stderr
    assert not (root / "data" / "survey").exists()


def test_keep_identifiers_warns_even_when_quiet(tmp_path: Path) -> None:
    root = sound_project(tmp_path / "p")
    result = hkh("import", export(tmp_path / "eksport.xlsx"), "-p", root, "-s", "s", "--keep-identifiers", "-q")
    assert result.exit_code == 0, result.output
    assert "WARNING: kept identifying column fodselsnr (--keep-identifiers)" in result.stderr
    assert "WARNING: data/survey/ now holds directly identifying personal data" in result.stderr
    assert result.stdout == ""


def test_an_identity_number_in_a_number_question_is_removed(tmp_path: Path) -> None:
    questions = [SynthQuestion("dager", "number", "Hvor mange dager?")]
    answers: list[dict[str, object]] = [{"dager": day % 7} for day in range(30)]
    answers[3]["dager"] = int(IDS[5])
    root = sound_project(tmp_path / "p")
    path = write_xlsx(export_tables(SynthSurvey(questions, answers, [4] * 30)), tmp_path / "e.xlsx")
    result = hkh("import", path, "-p", root, "-s", "s")
    assert result.exit_code == 0, result.output
    assert "dager: 1 number answers that were national identity numbers removed" in result.stdout
    assert IDS[5] not in (root / "data" / "survey" / "s" / "responses.csv").read_text("utf-8")


def test_an_option_label_holding_an_identifier_is_masked(tmp_path: Path) -> None:
    questions = [SynthQuestion("hvem", "single", "Hvem snakket du med?", [(1, "Saksbehandler"), (2, f"Ring {PHONES[0]}"), (3, "Ingen")])]
    answers: list[dict[str, object]] = [{"hvem": 1 + i % 3} for i in range(30)]
    root = sound_project(tmp_path / "p")
    path = write_xlsx(export_tables(SynthSurvey(questions, answers, [4] * 30)), tmp_path / "e.xlsx")
    result = hkh("import", path, "-p", root, "-s", "s")
    assert result.exit_code == 0, result.output
    assert "hvem: identifiers masked in 1 answer options" in result.stdout
    assert PHONES[0] not in (root / "data" / "survey" / "s" / "codebook.yaml").read_text("utf-8")


# --------------------------------------------------------------------------------------------- the team's texts


def texts_project(tmp_path: Path, *, checked: bool = False) -> Path:
    flag = "\n        checked: true" if checked else ""
    findings = FILES["findings.yaml"].replace(
        "        quote: Det er farlig her\n", f"        quote: \"Det er farlig her, ring meg på {PHONES[1]}\"{flag}\n"
    )
    efforts = FILES["efforts.yaml"].replace("description: Varm mat om kvelden", f"description: Varm mat; skriv til {MAILS[2]}")
    return sound_project(tmp_path / "p", findings_yaml=findings, efforts_yaml=efforts)


def test_check_warns_with_file_and_line_about_personal_data_in_texts(tmp_path: Path) -> None:
    root = texts_project(tmp_path)
    result = hkh("check", "-p", root)
    assert result.exit_code == 0
    line = next(i for i, text in enumerate((root / "findings.yaml").read_text("utf-8").splitlines(), start=1) if "quote:" in text)
    assert (f"findings.yaml:{line}: warning: `quote` of evidence for finding `f1` seems to hold phone number; it is "
            "masked in every output. Remove it, or write `checked: true` in the evidence") in result.stderr
    assert "efforts.yaml:7: warning: `description` of effort `kafe` seems to hold e-mail address" in result.stderr
    assert PHONES[1] not in result.output and MAILS[2] not in result.output


def test_texts_with_personal_data_are_masked_in_every_output_until_checked(tmp_path: Path) -> None:
    root = texts_project(tmp_path)
    assert hkh("run", "-p", root).exit_code == 0
    written = every_byte(root / "out")
    assert PHONES[1].encode() not in written and MAILS[2].encode() not in written
    assert "Det er farlig her, ring meg på [•••]".encode() in written
    terminal = hkh("triangulate", "-p", root)
    assert PHONES[1] not in terminal.output


def test_checked_true_lets_a_text_through(tmp_path: Path) -> None:
    root = texts_project(tmp_path / "c", checked=True)
    check = hkh("check", "-p", root)
    assert "`quote` of evidence" not in check.stderr and "`description` of effort" in check.stderr
    assert hkh("report", "-p", root).exit_code == 0
    report = (root / "out" / "report.html").read_text("utf-8")
    assert PHONES[1] in report and MAILS[2] not in report


def test_a_coded_column_whose_codes_are_phone_numbers_is_dropped(tmp_path: Path) -> None:
    phones = [int(p) for p in PHONES[:5]]
    questions = [
        SynthQuestion("kjonn", "single", "Kjønn", [(1, "Mann"), (2, "Kvinne")]),
        SynthQuestion("bakgrunn", "single", "Bakgrunnsvariabel", [(code, f"Gruppe {i}") for i, code in enumerate(phones)]),
    ]
    answers: list[dict[str, object]] = [{"kjonn": 1 + i % 2, "bakgrunn": phones[i % 5]} for i in range(30)]
    root = sound_project(tmp_path / "p")
    path = write_xlsx(export_tables(SynthSurvey(questions, answers, [4] * 30)), tmp_path / "e.xlsx")
    result = hkh("import", path, "-p", root, "-s", "s")
    assert result.exit_code == 0, result.output
    assert "dropped column bakgrunn: phone number (content: 30 of 30 answers are phone numbers)" in result.stdout
    stored = (root / "data" / "survey" / "s" / "responses.csv").read_text("utf-8")
    assert all(str(phone) not in stored for phone in phones)
