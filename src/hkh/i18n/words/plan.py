"""The action plan: its columns, sheets and file name."""

from __future__ import annotations

from hkh.i18n.types import Words

WORDS: Words = {
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
    "follow_up_sheet": {
        "nb": "Funn som bør følges opp",
        "nn": "Funn som bør følgjast opp",
        "en": "Findings to follow up",
    },
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
