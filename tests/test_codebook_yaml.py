"""The codebook is written with ruamel's fast safe dumper: whatever text an export holds, the file must read back
the same, both on the fast path (safe loader) and on the round-trip path used for line numbers in messages."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hkh.core.yamlio import load_yaml
from hkh.survey.codebook import Codebook, Option, Question, Respondents

# any text a spreadsheet cell can hold: every plane, controls, YAML indicators, numbers and booleans as text
texts = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=40),
    st.sampled_from(["yes", "No", "~", "null", "1e3", "0o17", "0x1F", ".inf", "-.5", "1:30", "? a", "- b", "#c",
                     "a: b", "[x]", "{y}", "'q'", '"dq"', "`tick", "@at", "%pct", "&amp", "*star", "!bang", "|", ">",
                     " lead", "trail ", "line\nbreak", "tab\there", "\u0085nel", "\u2028ls", "\ufeffbom", "Kjønn"]),
)


def codebook_of(text: str, label: str, name: str) -> Codebook:
    return Codebook(
        source="s",
        imported="2026-01-01T00:00:00+00:00",
        files=[text or "f"],
        respondents=Respondents(rows=3, answered=2, complete=1, partial=1),
        dropped=[name],
        questions=[
            Question(name="q1", type="single", text=text, variables=["q1"],
                     options=[Option(code=1, label=label), Option(code=9, label=text)], non_substantive=[9]),
            Question(name="q2", type="multiple", text=label, group="g", group_text=text, variables=["q2_1", "q2_2"],
                     options=[Option(code=1, label=text, variable="q2_1"), Option(code=2, label=label, variable="q2_2")]),
            Question(name="q3", type="open", text=name, variables=["q3"], other_text=text or "annet", parent="q1"),
        ],
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts, label=texts, name=texts)
def test_codebook_reads_back_as_written(tmp_path: Path, text: str, label: str, name: str) -> None:
    codebook = codebook_of(text, label, name)
    path = tmp_path / "codebook.yaml"
    path.write_text(codebook.to_yaml(), encoding="utf-8")
    assert Codebook.load(path) == codebook
    tree = load_yaml(path)
    assert tree["questions"][0]["text"] == text
    assert tree["questions"][1]["options"][1]["label"] == label
    assert tree["dropped"] == [name]


def test_codebook_layout(tmp_path: Path) -> None:
    written = codebook_of("Hvor gammel er du?", "Vet ikke", "navn").to_yaml()
    assert written.startswith("# Codebook written by `hkh import`.")
    assert "respondents: {rows: 3, answered: 2, complete: 1, partial: 1}\n" in written
    assert '  - {code: 9, label: "Hvor gammel er du?"}\n' in written
    assert "  variables: [q2_1, q2_2]\n" in written
    assert "  non_substantive: [9]\n" in written
