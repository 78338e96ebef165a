"""Shop settings ▸ Email design: the look of designed emails and the languages messages speak.

Colours and the logo are the shop's, not each email's, so a change of brand colour reaches
every designed email at once (engine.email_render bakes them into each node's skeleton). The
logo and the social profiles are public addresses, since a mail app loads nothing from this
machine. The fallback language is what a customer gets whose language a message has no
variant for (engine.variants).
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

COLOURS = (("primary", "#2f6f4f"), ("background", "#f2f2f2"), ("content", "#ffffff"), ("text", "#222222"))
SOCIAL = (("instagram", "Instagram"), ("facebook", "Facebook"), ("x", "X"), ("tiktok", "TikTok"),
          ("youtube", "YouTube"), ("pinterest", "Pinterest"), ("linkedin", "LinkedIn"))
_URL = re.compile(r"^https?://[^\s/?#]+\S*$")
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_LANGUAGE = re.compile(r"^[a-z]{2,3}(_[A-Z]{2})?$")


class ColourEdit(QWidget):
    """#rrggbb as text, with a swatch that opens the colour picker."""

    def __init__(self, value: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line = QLineEdit(value)
        self.line.setMaxLength(7)
        self.swatch = QPushButton()
        self.swatch.setFixedWidth(36)
        self.swatch.clicked.connect(self._pick)
        self.line.textChanged.connect(self._paint)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.line, 1)
        row.addWidget(self.swatch)
        self._paint()

    def text(self) -> str:
        return self.line.text().strip()

    def _paint(self, *_: Any) -> None:
        colour = self.text() if _COLOUR.match(self.text()) else "#ffffff"
        self.swatch.setStyleSheet(f"background: {colour}; border: 1px solid #888;")

    def _pick(self) -> None:
        chosen = QColorDialog.getColor(QColor(self.text() if _COLOUR.match(self.text()) else "#ffffff"), self)
        if chosen.isValid():
            self.line.setText(chosen.name())


class EmailDesignGroup(QGroupBox):
    """The group in the Shop settings dialog; `values()` are the settings to store."""

    def __init__(self, settings: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Email design and languages"))
        self.setObjectName("email_design_group")
        design = settings.get("email_design") or {}
        self.website = QLineEdit(settings.get("website") or "")
        self.website.setObjectName("shop_website")
        self.website.setPlaceholderText("https://your-shop.example")
        self.logo = QLineEdit(design.get("logo_url") or "")
        self.logo.setObjectName("logo_url")
        self.logo.setPlaceholderText("https://your-shop.example/logo.png")
        self.colours = {key: ColourEdit(design.get(key) or default) for key, default in COLOURS}
        for key, edit in self.colours.items():
            edit.line.setObjectName(f"colour_{key}")
        social = design.get("social") or {}
        self.social = {key: QLineEdit(social.get(key) or "") for key, _label in SOCIAL}
        self.fallback = QComboBox()
        self.fallback.setObjectName("fallback_language")
        self.fallback.setEditable(True)
        for code in ("en", "de", "ru", "es"):
            self.fallback.addItem(code)
        self.fallback.setCurrentText(settings.get("fallback_language") or settings.get("locale") or "en")
        self.languages = QLineEdit(", ".join(settings.get("languages") or []))
        self.languages.setObjectName("shop_languages")
        self.languages.setPlaceholderText(self.tr("more languages, like fr, it, pt_BR"))
        form = QFormLayout(self)
        form.addRow(self.tr("Website"), self.website)
        form.addRow(self.tr("Logo (web address)"), self.logo)
        names = {"primary": self.tr("Buttons and links"), "background": self.tr("Around the email"),
                 "content": self.tr("Behind the blocks"), "text": self.tr("Text")}
        for key, edit in self.colours.items():
            form.addRow(names[key], edit)
        for key, label in SOCIAL:
            self.social[key].setPlaceholderText(f"https://{key}.com/…")
            form.addRow(label, self.social[key])
        form.addRow(self.tr("Fallback language"), self.fallback)
        form.addRow(self.tr("Other languages"), self.languages)

    def problems(self) -> list[str]:
        out: list[str] = []
        for name, text in (("website", self.website.text()), ("logo", self.logo.text()),
                           *((key, edit.text()) for key, edit in self.social.items())):
            if text.strip() and not _URL.match(text.strip()):
                out.append(self.tr("{field}: a web address like https://shop.example").format(field=name))
        for key, edit in self.colours.items():
            if not _COLOUR.match(edit.text()):
                out.append(self.tr("{field}: a colour like #2f6f4f").format(field=key))
        if not _LANGUAGE.match(self.fallback.currentText().strip()):
            out.append(self.tr("The fallback language is a code like en or pt_BR."))
        if any(not _LANGUAGE.match(code) for code in self._language_codes()):
            out.append(self.tr("Other languages: codes like fr, it or pt_BR, separated by commas."))
        return out

    def _language_codes(self) -> list[str]:
        return [code.strip() for code in self.languages.text().split(",") if code.strip()]

    def values(self) -> dict[str, Any]:
        design: dict[str, Any] = {key: edit.text().lower() for key, edit in self.colours.items()}
        if self.logo.text().strip():
            design["logo_url"] = self.logo.text().strip()
        social = {key: edit.text().strip() for key, edit in self.social.items() if edit.text().strip()}
        if social:
            design["social"] = social
        return {"website": self.website.text().strip(), "email_design": design,
                "fallback_language": self.fallback.currentText().strip(),
                "languages": self._language_codes() or None}
