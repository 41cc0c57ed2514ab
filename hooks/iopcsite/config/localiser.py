"""Strings and dates in the reader's language."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date

from iopcsite.config.models import StringTable

BABEL_LOCALES = {"en": "en_GB", "cy": "cy"}


class Localiser:
    """The interface strings and date format of one language."""

    def __init__(self, language: str, strings: StringTable):
        self.language = language
        self._strings = strings

    def string(self, key: str) -> str:
        """Our own interface text for ``key``, in this language (English if untranslated)."""
        return self._strings.strings[key].get(self.language)

    def date(self, value: dt.date) -> str:
        """A date as people write it: '22 November 2026', '22 Tachwedd 2026'."""
        return format_date(value, format="long", locale=BABEL_LOCALES[self.language])

    def nav_section(self, english_title: str) -> str:
        """A menu section's title: strings.yml 'nav-<title in kebab case>', else the English title."""
        key = "nav-" + "-".join(english_title.lower().split())
        return self.string(key) if key in self._strings.strings else english_title

    def all_strings(self) -> dict[str, str]:
        """Every string in this language, for templates."""
        return {key: text.get(self.language) for key, text in self._strings.strings.items()}
