"""How wide a text is in Calibri (or Carlito, its metric twin that LibreOffice uses), and how many lines it takes
when wrapped in a given width: so that a workbook's row heights and column widths come from its content.

Excel and LibreOffice do not grow a row for wrapped text that a program wrote; they show the height the file says.
A height too small makes text run over the rows below in print, so the lines are counted here from the font's real
advance widths (Carlito's, in units of 1/2048 em, for the characters a Norwegian or English text uses; any other
character counts as a wide one, so a row is never too short).
"""

from __future__ import annotations

from functools import lru_cache

UNITS_PER_EM = 2048
# the code points the tables below cover, in order
RANGES = ((0x20, 0x7E), (0xA0, 0x17F), (0x2010, 0x2026))
UNKNOWN_WIDTH = 1854  # the widest Latin letter: a symbol (✓, ✖) or a letter outside the table is never too narrow

_REGULAR = """
    463 667 821 1020 1038 1464 1397 452 621 621 1020 1020 511 627 517 791 1038 1038 1038 1038 1038 1038 1038 1038
    1038 1038 548 548 1020 1020 1020 949 1831 1185 1114 1092 1260 1000 941 1292 1276 516 653 1064 861 1751 1322 1356
    1058 1378 1112 941 998 1314 1162 1822 1063 998 959 628 791 628 1020 1020 596 981 1076 866 1076 1019 625 964 1076
    470 490 931 470 1636 1076 1080 1076 1076 714 801 686 1076 925 1464 887 927 809 644 943 644 1020 0 667 1020 1038
    1020 1038 1020 1020 804 1709 824 1049 1020 0 1038 807 694 1020 688 685 598 1126 1200 517 629 504 865 1049 1303
    1375 1383 949 1185 1185 1185 1185 1185 1185 1563 1092 1000 1000 1000 1000 516 516 516 516 1279 1322 1356 1356
    1356 1356 1356 1020 1359 1314 1314 1314 1314 998 1058 1080 981 981 981 981 981 981 1583 866 1019 1019 1019 1019
    470 470 470 470 1076 1076 1080 1080 1080 1080 1080 1020 1084 1076 1076 1076 1076 927 1076 927 1185 981 1185 981
    1185 981 1092 866 1092 866 1092 866 1092 866 1260 1164 1279 1130 1000 1019 1000 1019 1000 1019 1000 1019 1000
    1019 1292 964 1292 964 1292 964 1292 964 1276 1076 1344 1091 516 470 516 470 516 470 516 470 516 470 1170 960
    653 490 1064 931 931 861 470 861 470 866 540 1118 765 880 507 1322 1076 1322 1076 1322 1076 1186 1287 1076 1356
    1080 1356 1080 1356 1080 1775 1740 1112 714 1112 714 1112 714 941 801 941 801 941 801 941 801 998 686 998 708
    998 700 1314 1076 1314 1076 1314 1076 1314 1076 1314 1076 1314 1076 1822 1464 998 927 998 959 809 959 809 959
    809 497 0 0 1038 1020 1854 1854 809 1020 511 511 511 511 857 857 857 856 1020 1020 1020 0 0 0 1414
"""
_BOLD = """
    463 667 898 1020 1038 1493 1443 478 638 638 1020 1020 528 627 547 880 1038 1038 1038 1038 1038 1038 1038 1038
    1038 1038 565 565 1020 1020 1020 949 1840 1241 1148 1084 1291 999 940 1305 1292 546 678 1120 866 1790 1349 1385
    1090 1405 1153 968 1014 1337 1211 1856 1128 1064 979 665 880 665 1020 1020 615 1011 1099 857 1099 1031 648 971
    1099 503 523 983 503 1666 1099 1101 1099 1099 728 817 710 1099 969 1526 941 970 814 704 973 704 1020 0 667 1020
    1038 1020 1038 1020 1020 849 1709 852 1103 1020 0 1038 799 701 1020 692 688 616 1154 1224 548 621 517 891 1103
    1347 1415 1437 949 1241 1241 1241 1241 1241 1241 1588 1084 999 999 999 999 546 546 546 546 1309 1349 1385 1385
    1385 1385 1385 1020 1394 1337 1337 1337 1337 1064 1090 1136 1011 1011 1011 1011 1011 1011 1587 857 1031 1031
    1031 1031 503 503 503 503 1099 1099 1101 1101 1101 1101 1101 1020 1114 1099 1099 1099 1099 970 1099 970 1241
    1011 1241 1011 1241 1011 1084 857 1084 857 1084 857 1084 857 1291 1222 1309 1165 999 1031 999 1031 999 1031 999
    1031 999 1031 1305 971 1305 971 1305 971 1305 971 1292 1099 1347 1121 546 503 546 503 546 503 546 503 546 503
    1225 1027 678 523 1120 983 983 866 503 866 503 881 627 1150 865 886 540 1349 1099 1349 1099 1349 1099 1274 1313
    1099 1385 1101 1385 1101 1385 1101 1790 1726 1153 728 1153 728 1153 728 968 817 968 817 968 817 968 817 1014 710
    1014 744 1014 726 1337 1099 1337 1099 1337 1099 1337 1099 1337 1099 1337 1099 1856 1526 1064 970 1064 979 814
    979 814 979 814 529 0 0 1038 1020 1854 1854 985 1022 528 528 528 528 891 891 891 891 1020 1020 1020 0 0 0 1457
"""


@lru_cache(maxsize=2)
def _table(bold: bool) -> dict[str, int]:
    values = [int(v) for v in (_BOLD if bold else _REGULAR).split()]
    table: dict[str, int] = {}
    position = 0
    for first, last in RANGES:
        for code in range(first, last + 1):
            if values[position]:
                table[chr(code)] = values[position]
            position += 1
    return table


def text_width(text: str, size: float = 11.0, bold: bool = False) -> float:
    """The width of one line of `text` in points, at `size` points."""
    table = _table(bold)
    units = sum(table.get(character, UNKNOWN_WIDTH) for character in text)
    return units * size / UNITS_PER_EM


def widest_line(text: str, size: float = 11.0, bold: bool = False) -> float:
    """The width in points of the widest of the text's lines (its explicit line breaks kept)."""
    return max((text_width(line, size, bold) for line in text.split("\n")), default=0.0)


def widest_word(text: str, size: float = 11.0, bold: bool = False) -> float:
    """The width in points of the longest word: a column narrower than this breaks a word in the middle."""
    return max((text_width(word, size, bold) for word in text.split()), default=0.0)


def line_count(text: str, width: float, size: float = 11.0, bold: bool = False) -> int:
    """How many lines `text` takes when wrapped at spaces into `width` points, as a spreadsheet wraps it: greedy,
    line breaks kept, a word wider than the line broken between characters."""
    if width <= 0:
        return max(1, text.count("\n") + 1)
    space = text_width(" ", size, bold)
    lines = 0
    for paragraph in text.split("\n"):
        lines += 1
        used = 0.0
        for word in paragraph.split(" "):
            word_width = text_width(word, size, bold)
            if used and used + space + word_width <= width:
                used += space + word_width
                continue
            if used:
                lines += 1
            if word_width <= width:
                used = word_width
                continue
            # a word wider than the line: broken where it no longer fits
            used = 0.0
            for character in word:
                character_width = text_width(character, size, bold)
                if used + character_width > width and used:
                    lines += 1
                    used = 0.0
                used += character_width
    return lines
