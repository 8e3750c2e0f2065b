"""The session's countertransference feelings as chips: a click (or Space) steps a feeling's
intensity from none to slight, clear, strong and back to none."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QToolButton, QWidget

from ...journal.models import FEELINGS
from .flow_layout import FlowLayout
from .labels import feeling_label, intensity_label


class FeelingChip(QToolButton):
    def __init__(self, feeling: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.feeling = feeling
        self.intensity = 0
        self.setCheckable(True)
        self.set_intensity(0)

    def set_intensity(self, level: int) -> None:
        self.intensity = level
        label = feeling_label(self.feeling)
        dots = "●" * level + "○" * (3 - level)
        self.setText(f"{label}  {dots}" if level else label)
        self.setChecked(level > 0)
        self.setAccessibleName(label)
        self.setAccessibleDescription(
            self.tr("Intensity: %1").replace("%1", intensity_label(level)) if level
            else self.tr("Not felt"))


class FeelingsChips(QWidget):
    """``changed(dict)`` carries every feeling with its intensity after a click."""

    changed = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chips: dict[str, FeelingChip] = {}
        flow = FlowLayout(self)
        for feeling in FEELINGS:
            chip = FeelingChip(feeling, self)
            chip.clicked.connect(lambda _checked, c=chip: self._step(c))
            flow.addWidget(chip)
            self.chips[feeling] = chip

    def values(self) -> dict[str, int]:
        return {f: c.intensity for f, c in self.chips.items() if c.intensity}

    def set_values(self, values: Mapping[str, int]) -> None:
        for feeling, chip in self.chips.items():
            chip.set_intensity(values.get(feeling, 0))

    def _step(self, chip: FeelingChip) -> None:
        chip.set_intensity((chip.intensity + 1) % 4)
        self.changed.emit(self.values())
