"""ZIP files written by hand, for the attacks a ZIP writer would not make: members of a few megabytes that unpack to
gigabytes, and members whose declared sizes lie. Made in well under a second (the deflate stream of zeros repeats)."""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

from attack_helpers import CONTENT_TYPES, RELS, WORKBOOK_RELS, workbook_xml

CHUNK = 32 * 1024 * 1024


@dataclass(frozen=True)
class Member:
    name: str
    data: bytes  # raw deflate stream (or stored bytes when `method` is 0)
    size: int  # the uncompressed size the ZIP declares
    crc: int = 0
    method: int = 8


def deflated(data: bytes) -> Member:
    """An honest deflated member."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    raw = compressor.compress(data) + compressor.flush()
    return Member("", raw, len(data), zlib.crc32(data))


def zeros(chunks: int) -> bytes:
    """A raw deflate stream of `chunks` × 32 MB of zeros: one chunk compressed and repeated (a full flush resets the
    compressor, so each repetition is the same bytes)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(bytes(CHUNK)) + compressor.flush(zlib.Z_FULL_FLUSH)
    return block * chunks + compressor.flush(zlib.Z_FINISH)


def write_zip(path: Path, members: list[Member]) -> Path:
    local = bytearray()
    central = bytearray()
    for member in members:
        name = member.name.encode()
        offset = len(local)
        compressed = len(member.data)
        local += struct.pack(
            "<IHHHHHIIIHH", 0x04034B50, 20, 0, member.method, 0, 0, member.crc, compressed, member.size, len(name), 0
        )
        local += name + member.data
        central += struct.pack(
            "<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, member.method, 0, 0, member.crc, compressed, member.size,
            len(name), 0, 0, 0, 0, 0, offset,
        )
        central += name
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(central), len(local), 0)
    path.write_bytes(bytes(local) + bytes(central) + end)
    return path


def workbook_members(sheet: str = "Dataset") -> list[Member]:
    """The parts of a one-sheet workbook other than the sheet itself."""
    members = []
    for name, text in (
        ("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS), ("xl/workbook.xml", workbook_xml(sheet)),
        ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
    ):
        member = deflated(text.encode())
        members.append(Member(name, member.data, member.size, member.crc))
    return members


def bomb_workbook(path: Path, *, chunks: int = 96, honest: bool = True, member: str = "xl/sharedStrings.xml") -> Path:
    """A workbook of about 3 MB whose `member` unpacks to `chunks` × 32 MB of zeros (3 GB by default); `honest`
    declares that size, otherwise the ZIP claims a few kilobytes."""
    sheet = deflated(b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                     b'<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>')
    size = chunks * CHUNK if honest else 4096
    # the declared size must fit 32 bits for this simple writer; 127 chunks is just under 4 GB
    size = min(size, 0xFFFFFFFF)
    return write_zip(
        path,
        [*workbook_members(), Member("xl/worksheets/sheet1.xml", sheet.data, sheet.size, sheet.crc),
         Member(member, zeros(chunks), size)],
    )
