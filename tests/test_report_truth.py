"""The example's report says only what its folder says: read back from the built HTML (the text a reader sees) and
held against the project files. The team is who hkh.yaml says did the mapping; interview counts come from the
sources' `n`; a disputed finding is not listed as robust; a finding's strength counts methods and sources as the
triangulation does; quotes speak through roles, documents are cited, not quoted as speakers; offer tags are written
as names; no ASCII spellings; no cross-references to the original report's numbering and no notes to the team."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from lxml import html as lxml_html
from typer.testing import CliRunner

from hkh.analysis.results import Results
from hkh.cli import app
from hkh.i18n import t
from hkh.outputs.report.builder import anchor_of
from hkh.project.load import load_project
from hkh.project.models import Method, Stance
from report_fixtures import ExampleRun, write_small_project

runner = CliRunner()


def _text(element: Any) -> str:
    return " ".join(element.text_content().split())


@pytest.fixture(scope="module")
def example(example_run: ExampleRun) -> tuple[Any, Any]:
    assert example_run.exit_code == 0, example_run.output
    page = lxml_html.fromstring(example_run.report.read_text("utf-8"))
    project = load_project(explicit=example_run.project)
    return page, project


def _section(page: Any, anchor: str) -> Any:
    found = page.xpath(f"//section[@id='{anchor}']")
    assert found, f"no section #{anchor}"
    return found[0]


def _list_after(section: Any, label: str) -> list[str]:
    """The items of the list that follows the paragraph `label` in `section`."""
    paragraph = next(p for p in section.xpath("./p") if _text(p) == label)
    following = paragraph.getnext()
    assert following is not None and following.tag == "ul", f"no list after {label!r}"
    return [_text(item) for item in following.xpath("./li")]


# ------------------------------------------------------------------------------------------------------ the team


def test_the_team_is_who_the_folder_says_did_the_mapping(example: tuple[Any, Any]) -> None:
    page, project = example
    mapping = project.mapping
    section = _section(page, "introduction-team")
    paragraphs = [_text(p) for p in section.xpath("./p")]
    # the team as hkh.yaml describes it: the nine staff of Uteseksjonen, not the two supervisors
    assert mapping.team_description and "ni medarbeidere ved Uteseksjonen" in mapping.team_description
    assert " ".join(mapping.team_description.split()) in paragraphs
    named = _list_after(section, "Navngitte medlemmer av teamet:")
    assert [item.split(" (")[0] for item in named] == [person.name for person in mapping.team]
    supervisors = _list_after(section, "Veiledere:")
    assert [item.split(" (")[0] for item in supervisors] == ["Yvonne Larsen", "Skule Wigenstad"]
    assert all("KoRus Oslo" in item for item in supervisors)
    # the supervisors are nowhere called the team
    assert not {"Yvonne Larsen", "Skule Wigenstad"} & {item.split(" (")[0] for item in named}
    assert "Kartleggingsteamet har bestått av:" not in paragraphs
    steering = _list_after(section, "Styringsgruppen har bestått av:")
    assert [item.split(" (")[0] for item in steering] == [person.name for person in mapping.steering_group]


def test_without_a_description_the_named_people_are_the_team(tmp_path: Path) -> None:
    root = write_small_project(tmp_path / "p", "nb", survey=False)
    text = (root / "hkh.yaml").read_text("utf-8")
    text = text.replace("steps:", "supervisors:\n  - name: Per Veileder\n    organisation: KoRus Øst\nsteps:", 1)
    (root / "hkh.yaml").write_text(text, "utf-8")
    result = runner.invoke(app, ["report", "-p", str(root)])
    assert result.exit_code == 0, result.output
    page = lxml_html.fromstring((root / "out" / "rapport.html").read_text("utf-8"))
    section = _section(page, "introduction-team")
    assert _list_after(section, "Kartleggingsteamet har bestått av:") == ["Kari Nordmann (prosjektleder, Uteseksjonen)"]
    assert _list_after(section, "Veiledere:") == ["Per Veileder (KoRus Øst)"]


# ------------------------------------------------------------------------------------------ interviews, counted


def test_interviews_are_counted_only_from_the_sources_n(example: tuple[Any, Any]) -> None:
    page, project = example
    for method, anchor, phrase in (
        (Method.target_interview, "method-sources-target-interview", "personer i målgruppen"),
        (Method.service_interview, "method-sources-service-interview", "aktører fra tjenestene"),
    ):
        sources = [s for s in project.sources.sources if s.method is method]
        sentence = next(
            sentence
            for p in _section(page, anchor).xpath("./p")
            for sentence in re.split(r"(?<=\.)\s", _text(p))
            if phrase in sentence
        )
        if all(s.n is not None for s in sources):
            assert f"gjennomført {sum(s.n or 0 for s in sources)} intervjuer" in sentence
        else:
            # four service sources without `n` are not "4 interviews": no number at all
            assert not re.search(r"\d", sentence), sentence
    service = [s for s in project.sources.sources if s.method is Method.service_interview]
    assert any(s.n is None for s in service)  # the example has the case this test is about


# ----------------------------------------------------------------------------------------------- the summary


def test_a_disputed_finding_is_never_listed_among_the_robust_ones(example: tuple[Any, Any]) -> None:
    page, project = example
    triangulation = Results(project, "nb").triangulation
    titles = {f.title: f.id for f in project.findings.findings}
    disputed = {fid for fid in titles.values() if triangulation.finding(fid).disputed}
    assert disputed, "the example has disputed findings"
    summary = _section(page, "summary")
    robust = _list_after(summary, "De robuste funnene som ingen kilde motsier, er:")
    assert robust and not {titles[title] for title in robust} & disputed
    assert {titles[t] for t in robust} == {
        fid for fid in titles.values() if triangulation.finding(fid).strength == "robust" and fid not in disputed
    }
    listed = _list_after(summary, "Funnene med motstridende belegg er:")
    assert {titles[title] for title in listed} == disputed


# --------------------------------------------------------------------------------------- strength of a finding


def _finding_sections(page: Any, project: Any) -> Iterator[tuple[Any, Any]]:
    for finding in project.findings.findings:
        yield finding, _section(page, anchor_of(anchor_of("findings", finding.mandate or "other"), finding.id))


def test_each_strength_counts_methods_and_sources_as_the_triangulation_does(example: tuple[Any, Any]) -> None:
    page, project = example
    sources = {s.id: s for s in project.sources.sources}
    seen_one_method_several_sources = False
    for finding, section in _finding_sections(page, project):
        strength = next(
            _text(div.xpath("./dd")[0]) for div in section.xpath("./dl[@class='facts']/div")
            if _text(div.xpath("./dt")[0]) == "Styrke"
        )
        supporting = {e.source for e in finding.evidence if e.stance is Stance.supports and e.source in sources}
        methods = {sources[s].method for s in supporting}
        if len(methods) == 1 and len(supporting) == 1:
            assert strength.startswith("Én kilde:"), strength
        elif len(methods) == 1:
            seen_one_method_several_sources = True
            # two interviews with services are one method, and two sources: never "Én kilde"
            assert strength.startswith(f"Én metode ({len(supporting)} kilder):"), strength
        else:
            assert f"støttet av {len(methods)} metoder ({len(supporting)} kilder)" in strength, strength
        assert "Én kilde" not in strength or len(supporting) == 1
    assert seen_one_method_several_sources, "the example has a finding with two sources of one method"


# ------------------------------------------------------------------------------------------------------ quotes


def test_quotes_speak_through_roles_and_documents_are_cited_not_speakers(example: tuple[Any, Any]) -> None:
    page, project = example
    method_names = {t(f"methods.{m.value}", language) for m in Method for language in ("nb", "nn", "en")}
    roles = {e.role for f in project.findings.findings for e in f.evidence if e.quote and e.role}
    titles = {s.title for s in project.sources.sources}
    quotes = page.xpath("//blockquote")
    assert quotes, "the example has a quote"
    for quote in quotes:
        footer = quote.xpath("./footer")
        if not footer:
            continue
        attribution = _text(footer[0])
        if attribution.startswith("– "):
            speaker = attribution[2:]
            assert speaker in roles, attribution
            assert speaker not in method_names, attribution  # "– Dokumenter" is not a speaker
        else:
            assert attribution.startswith("Kilde: ") and attribution[len("Kilde: "):] in titles, attribution
    assert not any(_text(f) == "– Dokumenter" for f in page.xpath("//blockquote/footer"))


# ---------------------------------------------------------------------------------------------- words as words


def _offer_tags(project: Any) -> set[str]:
    return {offer for effort in project.efforts.efforts for offer in effort.offers}


def test_offer_tags_are_written_as_names_never_as_raw_tags(example: tuple[Any, Any]) -> None:
    page, project = example
    tags = _offer_tags(project)
    assert "oppsøkende" in tags
    for dd in page.xpath("//dl[@class='facts']/div[dt='Tilbud']/dd"):
        for item in _text(dd).split(" · "):
            assert item[:1].isupper(), f"raw tag in {_text(dd)!r}"
    overlaps = page.xpath("//section[@id='analysis-overlaps']//tbody/tr/td[1]")
    assert overlaps
    for cell in overlaps:
        assert _text(cell)[:1].isupper(), _text(cell)
    # the heatmap's panels are titled with names, not tags
    heatmap = page.xpath("//figure[@data-figure='week-heatmap']//svg")[0]
    svg_words = [" ".join(t.split()) for t in heatmap.xpath(".//text()") if t.strip()]
    for tag in tags:
        assert not any(word == tag or word.startswith(f"{tag} (") for word in svg_words if tag[:1].islower()), tag
    # nowhere does a cell or a fact begin with a lower-case offer tag
    for element in page.xpath("//td | //dd | //li"):
        text = _text(element)
        assert not any(re.match(rf"{re.escape(tag)}(\s*\(|\s*$|,)", text) for tag in tags if tag[:1].islower()), text


ASCII_SPELLINGS = ("sproyte", "maaned", "sporreundersokelse", "tilhorighet", "omrade", "apne", "rusmiljo ")


def _visible_text(page: Any) -> str:
    for script in page.xpath("//style | //script"):
        script.getparent().remove(script)
    return " ".join(page.text_content().split())


def test_no_ascii_spellings_in_the_report(example_run: ExampleRun) -> None:
    page = lxml_html.fromstring(example_run.report.read_text("utf-8"))
    text = _visible_text(page)
    lowered = text.casefold()
    assert not [word for word in ASCII_SPELLINGS if word in lowered]
    words = set(re.findall(r"[A-Za-zÆØÅæøåé]+", text))
    folded: dict[str, str] = {}
    for word in words:
        if re.search("[æøåÆØÅ]", word):
            for ascii_form in (
                word.replace("ø", "o").replace("æ", "ae").replace("å", "aa"),
                word.replace("ø", "oe").replace("æ", "ae").replace("å", "a"),
                word.replace("ø", "o").replace("æ", "a").replace("å", "a"),
            ):
                folded[ascii_form] = word
    # a word printed both with and without its æ, ø or å ("sprøyter", "sproyter"); short words are often both real
    assert not {
        word: folded[word] for word in words if len(word) > 4 and word in folded and word != folded[word]
    }


# --------------------------------------------------------------------- cross-references and notes to the team

CROSS_REFERENCE = re.compile(
    r"\bkap\.\s*\d|\bkapittel\s+\d|\bavsnitt\s+\d|\b(se|jf\.?)\s+(kap|kapittel|tabell|figur|vedlegg|avsnitt)\b"
    r"|\b(figur|tabell)\s+\d+(\s*(og|–|-)\s*\d+)?\)?",
    re.IGNORECASE,
)
NOTE_TO_TEAM = re.compile(
    r"README|\brapporten (oppgir|sier|nevner|navngir|gir)\b|\(sammendraget\)|\bTODO\b|\bFIXME\b|\bbare nevnt\b"
    r"|\bFunn som bør følges opp\)",
    re.IGNORECASE,
)


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def test_the_example_texts_have_no_cross_references_or_notes_to_the_team(example: tuple[Any, Any]) -> None:
    _, project = example
    texts = [
        text
        for model in (project.mapping, project.sources, project.efforts, project.findings, project.plan)
        for text in _strings(model.model_dump(mode="json"))
    ]
    assert len(texts) > 300
    assert [text for text in texts if CROSS_REFERENCE.search(text)] == []
    assert [text for text in texts if NOTE_TO_TEAM.search(text)] == []


def test_the_report_refers_only_to_its_own_figures_and_chapters(example_run: ExampleRun) -> None:
    page = lxml_html.fromstring(example_run.report.read_text("utf-8"))
    figures = {int(m) for m in re.findall(r"Figur (\d+)\.", " ".join(_text(c) for c in page.xpath("//figcaption")))}
    text = _visible_text(page)
    assert not re.search(r"\bkap\.\s*\d", text)
    for number in re.findall(r"\bfigur (\d+)", text):
        assert int(number) in figures, f"figur {number} does not exist in this report"
