"""The Export page of the main window (design.md §7): selection, preview with the decisions on
possible names, confirmed writing, and a viewer for sealed files."""

from .page import PAGE_KEY, ExportPage, export_page

__all__ = ["PAGE_KEY", "ExportPage", "export_page"]
