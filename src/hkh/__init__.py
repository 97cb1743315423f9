"""hkh: a command-line toolkit for HKH (Hurtig kartlegging og handling) mapping projects."""

__version__ = "0.1.0"
