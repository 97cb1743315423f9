"""How well a finding is supported."""

from __future__ import annotations

from hkh.i18n.types import Words

WORDS: Words = {
    # one method, however many sources of that kind: two interviews with services are still one method
    "single": {"nb": "én metode", "nn": "éin metode", "en": "one method"},
    "triangulated": {"nb": "triangulert", "nn": "triangulert", "en": "triangulated"},
    "robust": {"nb": "robust", "nn": "robust", "en": "robust"},
    "disputed": {"nb": "omstridt", "nn": "omstridd", "en": "disputed"},
    "none": {"nb": "uten belegg", "nn": "utan belegg", "en": "no evidence"},
}
