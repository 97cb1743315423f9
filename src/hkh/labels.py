"""Words that hkh writes into outputs, in bokmål (nb), nynorsk (nn) and English (en).

One table per concept keeps related words together; `text(key, language)` finds a key in any of them. A missing
nynorsk text falls back to bokmål (closest written form), anything else to English, so output never shows a raw key
unless the key itself is wrong (which a test catches).
"""

from __future__ import annotations

from typing import Mapping

Table = Mapping[str, Mapping[str, str]]

STEPS: Table = {
    "request": {"nb": "Avklare forespørsel og mandat", "nn": "Avklare førespurnad og mandat", "en": "Clarify the request"},
    "steering_group": {"nb": "Etablere styrings-/referansegruppe", "nn": "Etablere styrings-/referansegruppe", "en": "Set up a steering group"},
    "initial_consultation": {"nb": "Innledende konsultasjon", "nn": "Innleiande konsultasjon", "en": "Initial consultation"},
    "mapping": {"nb": "Kartlegge problemet og pågående innsats", "nn": "Kartleggje problemet og pågåande innsats", "en": "Map the problem and ongoing efforts"},
    "gap_analysis": {"nb": "Analyse av hull", "nn": "Analyse av hol", "en": "Gap analysis"},
    "final_consultation": {"nb": "Avsluttende konsultasjon", "nn": "Avsluttande konsultasjon", "en": "Final consultation"},
    "report": {"nb": "Rapport med handlingsplan", "nn": "Rapport med handlingsplan", "en": "Report with action plan"},
}

STEP_STATES: Table = {
    "not_started": {"nb": "ikke startet", "nn": "ikkje starta", "en": "not started"},
    "in_progress": {"nb": "pågår", "nn": "pågår", "en": "in progress"},
    "done": {"nb": "ferdig", "nn": "ferdig", "en": "done"},
}

METHODS: Table = {
    "survey": {"nb": "Spørreundersøkelse", "nn": "Spørjeundersøking", "en": "Survey"},
    "target_interview": {"nb": "Intervju med målgruppen", "nn": "Intervju med målgruppa", "en": "Target-group interviews"},
    "service_interview": {"nb": "Intervju med tjenester", "nn": "Intervju med tenester", "en": "Service interviews"},
    "field_reports": {"nb": "Feltrapporter", "nn": "Feltrapportar", "en": "Field reports"},
    "observation": {"nb": "Observasjon", "nn": "Observasjon", "en": "Observation"},
    "statistics": {"nb": "Statistikk", "nn": "Statistikk", "en": "Statistics"},
    "documents": {"nb": "Dokumenter", "nn": "Dokument", "en": "Documents"},
    "initial_consultation": {"nb": "Innledende konsultasjon", "nn": "Innleiande konsultasjon", "en": "Initial consultation"},
    "final_consultation": {"nb": "Avsluttende konsultasjon", "nn": "Avsluttande konsultasjon", "en": "Final consultation"},
}

PLAN: Table = {
    "goal": {"nb": "Delmål", "nn": "Delmål", "en": "Sub-goal"},
    "measure": {"nb": "Forslag til tiltak", "nn": "Forslag til tiltak", "en": "Proposed measure"},
    "responsible": {"nb": "Ansvarlig og involverte", "nn": "Ansvarleg og involverte", "en": "Responsible and involved"},
    "timing": {"nb": "Tid", "nn": "Tid", "en": "Timing"},
    "theme": {"nb": "Tema", "nn": "Tema", "en": "Theme"},
    "addresses": {"nb": "Svarer på", "nn": "Svarar på", "en": "Addresses"},
    "cost": {"nb": "Økonomi", "nn": "Økonomi", "en": "Cost"},
    "status": {"nb": "Status", "nn": "Status", "en": "Status"},
    "contact": {"nb": "Kontaktperson", "nn": "Kontaktperson", "en": "Contact"},
    "plan_sheet": {"nb": "Handlingsplan", "nn": "Handlingsplan", "en": "Action plan"},
    "follow_up_sheet": {"nb": "Funn som bør følges opp", "nn": "Funn som bør følgjast opp", "en": "Findings to follow up"},
    "trace_sheet": {"nb": "Sporing", "nn": "Sporing", "en": "Traceability"},
    "plan_file": {"nb": "handlingsplan", "nn": "handlingsplan", "en": "action-plan"},
    "measure_id": {"nb": "Tiltak", "nn": "Tiltak", "en": "Measure"},
    "finding": {"nb": "Funn", "nn": "Funn", "en": "Finding"},
    "statement": {"nb": "Beskrivelse", "nn": "Skildring", "en": "Statement"},
    "strength": {"nb": "Styrke", "nn": "Styrke", "en": "Strength"},
    "follow_up_text": {"nb": "Hva bør følges opp", "nn": "Kva bør følgjast opp", "en": "What to follow up"},
    "lead": {"nb": "Ansvarlig", "nn": "Ansvarleg", "en": "Lead"},
    "involved": {"nb": "Involverte", "nn": "Involverte", "en": "Involved"},
    "none": {"nb": "(ingen)", "nn": "(ingen)", "en": "(none)"},
    "ungrouped": {"nb": "Uten gruppe", "nn": "Utan gruppe", "en": "Ungrouped"},
}

STRENGTH: Table = {
    "single": {"nb": "én kilde", "nn": "éi kjelde", "en": "single source"},
    "triangulated": {"nb": "triangulert", "nn": "triangulert", "en": "triangulated"},
    "robust": {"nb": "robust", "nn": "robust", "en": "robust"},
    "disputed": {"nb": "omstridt", "nn": "omstridd", "en": "disputed"},
    "none": {"nb": "uten belegg", "nn": "utan belegg", "en": "no evidence"},
}

TABLES: tuple[Table, ...] = (STEPS, STEP_STATES, METHODS, PLAN, STRENGTH)


def text(key: str, language: str, *tables: Table) -> str:
    """The label for `key` in `language`, searching the given tables (or all of them)."""
    for table in tables or TABLES:
        entry = table.get(key)
        if entry is None:
            continue
        return entry.get(language) or entry.get("nb" if language == "nn" else "en") or entry.get("en") or key
    return key


def method_label(method: str, language: str) -> str:
    return text(method, language, METHODS)
