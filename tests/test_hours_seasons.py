"""Opening hours with calendar rules said in words (the report, the workbooks): seasons, dates, weeks, holidays."""

from __future__ import annotations

import pytest

from hkh.project.hours_seasons import describe_hours


@pytest.mark.parametrize(
    ("text", "language", "words"),
    [
        ("Jun-Aug Fr,Sa 20:00-02:00", "nb", "Juni–august: natt til lørdag og søndag 20.00–02.00"),
        ("Jun-Aug Fr,Sa 20:00-02:00", "en", "June–August: overnight into Saturday and Sunday 20:00–02:00"),
        ("Mo-Fr 09:00-15:00; PH off", "nb", "Mandag–fredag 09.00–15.00; helligdager: stengt"),
        ("Mo-Fr 09:00-15:00; PH off", "nn", "Måndag–fredag 09.00–15.00; heilagdagar: stengt"),
        ("Mo-Fr 09:00-15:00; Dec 24 off", "en", "Monday–Friday 09:00–15:00; 24 December: closed"),
        ("week 01-26 Mo-Fr 09:00-15:00", "nb", "Uke 1–26: mandag–fredag 09.00–15.00"),
        ("Jan-Jun,Aug-Dec Mo-Fr 18:00-22:00", "nb", "Januar–juni, august–desember: mandag–fredag 18.00–22.00"),
        ("Mo-Fr 09:00-15:00; PH 10:00-12:00", "nb", "Mandag–fredag 09.00–15.00; helligdager: 10.00–12.00"),
        # weekly hours as before, and what cannot be said in words is given as written
        ("Mo-Th 08:00-24:00; Fr 08:00-04:00, Sa 10:00-04:00", "nb", "Mandag–torsdag 08.00–24.00; fredag 08.00–04.00; lørdag 10.00–04.00"),
        ("2020 Mo 10:00-12:00", "nb", "2020 Mo 10:00-12:00"),
        ("easter off", "nb", "easter off"),
    ],
)
def test_hours_in_words(text: str, language: str, words: str) -> None:
    assert describe_hours(text, language) == words
