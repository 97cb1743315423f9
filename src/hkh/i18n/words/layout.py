"""Words of the printed and shared outputs: workbook sheets laid out for print, the report's figures and captions,
the Word file's notes, plan groupings."""

from __future__ import annotations

from hkh.i18n.types import Words

WORDS: Words = {
    # plans
    "no_theme": {"nb": "Uten tema", "nn": "Utan tema", "en": "No theme"},
    "number": {"nb": "Nr.", "nn": "Nr.", "en": "No."},
    # workbooks: ids kept beside the titles people read
    "need": {"nb": "Behov", "nn": "Behov", "en": "Need"},
    "kind": {"nb": "Type", "nn": "Type", "en": "Kind"},
    "id": {"nb": "ID", "nn": "ID", "en": "ID"},
    "finding_id": {"nb": "Funn-ID", "nn": "Funn-ID", "en": "Finding ID"},
    "need_id": {"nb": "Behov-ID", "nn": "Behov-ID", "en": "Need ID"},
    "effort_ids": {"nb": "Innsats-ID", "nn": "Innsats-ID", "en": "Effort IDs"},
    "window_words": {"nb": "Behovets tider", "nn": "Tidene til behovet", "en": "When needed"},
    "window_osm": {
        "nb": "Behovets tider (åpningstidsformat)",
        "nn": "Tidene til behovet (opningstidsformat)",
        "en": "When needed (opening-hours format)",
    },
    "uncovered_words": {"nb": "Udekket tid", "nn": "Udekt tid", "en": "Not covered"},
    "uncovered_osm": {
        "nb": "Udekket tid (åpningstidsformat)",
        "nn": "Udekt tid (opningstidsformat)",
        "en": "Not covered (opening-hours format)",
    },
    "overlap_in_words": {"nb": "Overlapp", "nn": "Overlapp", "en": "Overlap"},
    "week_hatch_note": {
        "nb": "Skraverte ruter: ingen tilbud åpne.",
        "nn": "Skraverte ruter: ingen tilbod opne.",
        "en": "Hatched cells: no effort open.",
    },
    "covered_words": {"nb": "Dekket tid", "nn": "Dekt tid", "en": "Covered hours"},
    "covered_osm": {
        "nb": "Dekket tid (åpningstidsformat)",
        "nn": "Dekt tid (opningstidsformat)",
        "en": "Covered hours (opening-hours format)",
    },
    "nothing_open": {"nb": "Ingen åpne", "nn": "Ingen opne", "en": "None open"},
    "hours_unknown_mark": {"nb": "åpningstid ukjent", "nn": "opningstid ukjend", "en": "hours unknown"},
    # the Word report
    "toc_placeholder": {
        "nb": "Innholdsfortegnelsen fylles inn når dokumentet åpnes.",
        "nn": "Innhaldslista blir fylt inn når dokumentet blir opna.",
        "en": "The table of contents is filled in when the document is opened.",
    },
    "toc_note": {
        "nb": "Innholdsfortegnelsen er et felt: oppdater den etter endringer (høyreklikk og velg «Oppdater felt», eller F9).",
        "nn": "Innhaldslista er eit felt: oppdater henne etter endringar (høgreklikk og vel «Oppdater felt», eller F9).",
        "en": "The table of contents is a field: update it after editing (right-click and choose “Update Field”, or F9).",
    },
    # the report
    "see_figure": {
        "nb": "Svarene på «{text}» er vist i figur {number}.",
        "nn": "Svara på «{text}» er viste i figur {number}.",
        "en": "The answers to “{text}” are shown in figure {number}.",
    },
    "stats_source": {"nb": "Kilde: {title}.", "nn": "Kjelde: {title}.", "en": "Source: {title}."},
    "heatmap_caption": {
        "nb": "Hvor mange tilbud som er åpne, time for time gjennom uka. Øverst alle tilbud, med antallet i hver "
              "rute; under det hvert slag tilbud, med en egen fargeskala. Skraverte timer har ingen tilbud åpne.",
        "nn": "Kor mange tilbod som er opne, time for time gjennom veka. Øvst alle tilbod, med talet i kvar rute; "
              "under det kvart slag tilbod, med ein eigen fargeskala. Skraverte timar har ingen tilbod opne.",
        "en": "How many services are open, hour by hour through the week. At the top all services, with the number "
              "in each cell; below, each kind of service, on a colour scale of its own. Hatched hours have no "
              "service open.",
    },
}
