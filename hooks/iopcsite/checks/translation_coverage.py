"""How much of the site is translated, per language and per kind of content, for ``make check``."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from iopcsite.authoring.base_models import TranslationStatus
from iopcsite.config.languages import other_languages
from iopcsite.content.site_content import SiteContent


@dataclass(frozen=True)
class Coverage:
    """Translation states of one language, by kind of item ('page', 'question', 'FAQ topic', 'campaign')."""

    language: str
    kinds: dict[str, Counter]

    def line(self) -> str:
        def part(noun: str, counts: Counter) -> str:
            total = sum(counts.values())
            return (f"{counts[TranslationStatus.complete]}/{total} {noun}{'' if total == 1 else 's'} complete, "
                    f"{counts[TranslationStatus.needs_review]} need review, "
                    f"{counts[TranslationStatus.missing]} missing")
        parts = "; ".join(part(noun, counts) for noun, counts in self.kinds.items())
        return f"Translation into '{self.language}': {parts}."


def translation_coverage(content: SiteContent) -> list[Coverage]:
    """Counts of complete, needs-review and missing translations of every published item, for every language but English."""
    result = []
    for language in other_languages(content.config):
        kinds: dict[str, Counter] = {}
        for item in content.items:
            if language in item.translations and content.shows(item):
                kinds.setdefault(item.noun, Counter())[item.translations[language]] += 1
        result.append(Coverage(language, kinds))
    return result
