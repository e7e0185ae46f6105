"""Exports for researchers: the archive as WACZ (``wacz``) and the data as CSV / JSON Lines /
Parquet with a Frictionless data dictionary (``data``), both filtered by ``filters``."""

from govcrawl.export.cli import add_export_parser

__all__ = ["add_export_parser"]
