"""Opening hours in words."""

from __future__ import annotations

from hkh.i18n.types import Words

WORDS: Words = {
    "day_Mo": {"nb": "mandag", "nn": "måndag", "en": "Monday"},
    "day_Tu": {"nb": "tirsdag", "nn": "tysdag", "en": "Tuesday"},
    "day_We": {"nb": "onsdag", "nn": "onsdag", "en": "Wednesday"},
    "day_Th": {"nb": "torsdag", "nn": "torsdag", "en": "Thursday"},
    "day_Fr": {"nb": "fredag", "nn": "fredag", "en": "Friday"},
    "day_Sa": {"nb": "lørdag", "nn": "laurdag", "en": "Saturday"},
    "day_Su": {"nb": "søndag", "nn": "sundag", "en": "Sunday"},
    "day_short_Mo": {"nb": "man", "nn": "mån", "en": "Mon"},
    "day_short_Tu": {"nb": "tir", "nn": "tys", "en": "Tue"},
    "day_short_We": {"nb": "ons", "nn": "ons", "en": "Wed"},
    "day_short_Th": {"nb": "tor", "nn": "tor", "en": "Thu"},
    "day_short_Fr": {"nb": "fre", "nn": "fre", "en": "Fri"},
    "day_short_Sa": {"nb": "lør", "nn": "lau", "en": "Sat"},
    "day_short_Su": {"nb": "søn", "nn": "sun", "en": "Sun"},
    "and": {"nb": "og", "nn": "og", "en": "and"},
    "every_day": {"nb": "alle dager", "nn": "alle dagar", "en": "every day"},
    "every_night": {"nb": "hver natt", "nn": "kvar natt", "en": "every night"},
    "night_to": {"nb": "natt til", "nn": "natt til", "en": "overnight into"},
    "all_day": {"nb": "hele døgnet", "nn": "heile døgeret", "en": "all day"},
    "after": {"nb": "etter", "nn": "etter", "en": "after"},
    "after_midnight": {"nb": "etter midnatt", "nn": "etter midnatt", "en": "after midnight"},
    "before": {"nb": "før", "nn": "før", "en": "before"},
    "until": {"nb": "fram til", "nn": "fram til", "en": "until"},
    "always": {"nb": "hele døgnet, alle dager", "nn": "heile døgeret, alle dagar", "en": "all day, every day"},
    "never": {"nb": "ingen timer", "nn": "ingen timar", "en": "no hours"},
}
