"""How much of the site is translated, per language, for ``make check``."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from iopcsite.authoring.base_models import TranslationStatus
from iopcsite.config.languages import other_languages
from iopcsite.content.site_content import SiteContent


@dataclass(frozen=True)
class Coverage:
    """Translation states of one language's pages and FAQs."""

    language: str
    pages: Counter
    faqs: Counter

    def line(self) -> str:
        def part(counts: Counter, noun: str) -> str:
            total = sum(counts.values())
            return (f"{counts[TranslationStatus.complete.value]}/{total} {noun} complete, "
                    f"{counts[TranslationStatus.needs_review.value]} need review, "
                    f"{counts[TranslationStatus.missing.value]} missing")
        return f"Translation into '{self.language}': {part(self.pages, 'pages')}; {part(self.faqs, 'FAQs')}."


def translation_coverage(content: SiteContent) -> list[Coverage]:
    """Counts of complete, needs-review and missing translations for every language but English."""
    result = []
    for language in other_languages(content.config):
        pages = Counter(page.status.value for page in content.published.values()
                        if page.language == language and page.source is not None)
        faqs = Counter(
            (item.faq.translations[language].translation if language in item.faq.translations else TranslationStatus.missing.value)
            for item in content.faqs
        )
        result.append(Coverage(language, pages, faqs))
    return result
