"""The app's own icons: line drawings (resources/icons/actions/*.svg, drawn in
`currentColor`) painted in the palette's text colour when they are painted, greyed when
disabled. So they read on a light toolbar and a dark one alike, and follow the desktop
when it switches between the two while the app runs (the style's stock pixmaps are black
whatever the palette, and nearly vanish on a dark toolbar)."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from moderator.config import RESOURCES_DIR

ICONS_DIR = RESOURCES_DIR / "icons" / "actions"


@cache
def _drawing(name: str) -> str:
    return (ICONS_DIR / f"{name}.svg").read_text(encoding="utf-8")


class PaletteIconEngine(QIconEngine):
    def __init__(self, name: str):
        super().__init__()
        self._name = name
        self._renderers: dict[str, QSvgRenderer] = {}  # by colour: a palette has two or three

    def _renderer(self, mode: QIcon.Mode) -> QSvgRenderer:
        group = QPalette.ColorGroup.Disabled if mode == QIcon.Mode.Disabled else QPalette.ColorGroup.Normal
        colour = QGuiApplication.palette().color(group, QPalette.ColorRole.ButtonText).name()
        if colour not in self._renderers:
            self._renderers[colour] = QSvgRenderer(QByteArray(_drawing(self._name).replace("currentColor", colour).encode()))
        return self._renderers[colour]

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        self._renderer(mode).render(painter, QRectF(rect))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float) -> QPixmap:
        pixmap = QPixmap(size * scale)
        pixmap.setDevicePixelRatio(scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.paint(painter, QRect(QPoint(0, 0), size), mode, state)
        painter.end()
        return pixmap

    def clone(self) -> QIconEngine:
        return PaletteIconEngine(self._name)


def icon(name: str) -> QIcon:
    """resources/icons/actions/<name>.svg, in the palette's text colour."""
    return QIcon(PaletteIconEngine(name))
