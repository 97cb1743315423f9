"""How well a finding is supported."""

from __future__ import annotations

from hkh.i18n.types import Words

WORDS: Words = {
    "single": {"nb": "én kilde", "nn": "éi kjelde", "en": "single source"},
    "triangulated": {"nb": "triangulert", "nn": "triangulert", "en": "triangulated"},
    "robust": {"nb": "robust", "nn": "robust", "en": "robust"},
    "disputed": {"nb": "omstridt", "nn": "omstridd", "en": "disputed"},
    "none": {"nb": "uten belegg", "nn": "utan belegg", "en": "no evidence"},
}
