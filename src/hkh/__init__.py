"""hkh: a command-line toolkit for HKH (Hurtig kartlegging og handling) mapping projects."""

__version__ = "0.1.0"

# Errors carry codes and values, not words (hkh.core.errors); the word tables give them their words. Importing the
# tables' entry point here means any `str(error)` finds its English, whichever part of hkh was imported first.
from hkh import i18n as _i18n  # noqa: E402, F401
