"""Month names, by number."""

from __future__ import annotations

from hkh.i18n.types import Words

WORDS: Words = {
    "1": {"nb": "januar", "nn": "januar", "en": "January"},
    "2": {"nb": "februar", "nn": "februar", "en": "February"},
    "3": {"nb": "mars", "nn": "mars", "en": "March"},
    "4": {"nb": "april", "nn": "april", "en": "April"},
    "5": {"nb": "mai", "nn": "mai", "en": "May"},
    "6": {"nb": "juni", "nn": "juni", "en": "June"},
    "7": {"nb": "juli", "nn": "juli", "en": "July"},
    "8": {"nb": "august", "nn": "august", "en": "August"},
    "9": {"nb": "september", "nn": "september", "en": "September"},
    "10": {"nb": "oktober", "nn": "oktober", "en": "October"},
    "11": {"nb": "november", "nn": "november", "en": "November"},
    "12": {"nb": "desember", "nn": "desember", "en": "December"},
}
