"""A stand-in for a collection another branch builds: it publishes the section pages the hub links to,
so a test can see the hub's entry appear once its collection exists."""

from __future__ import annotations

from iopcsite.authoring.base_models import TranslationStatus
from iopcsite.config.languages import language_prefixes
from iopcsite.content.collection import Plan, PlannedPage
from iopcsite.content.page_templates import framed_page


class FakePublications:
    name = "publications"
    sources = ()
    editor_schemas = ()
    pages = ("publications/focus.md", "publications/learning-the-lessons.md", "publications/consultation-responses.md")

    def load(self, data, problems) -> None:
        pass

    def items(self):
        return []

    def unreadable_paths(self):
        return set()

    def check_references(self, content):
        return []

    def plan(self, content) -> Plan:
        plan = Plan()
        for language, prefix in language_prefixes(content.config).items():
            for uri in self.pages:
                plan.pages.append(PlannedPage(prefix + uri, language, uri, TranslationStatus.complete, "Section", None,
                                              framed_page({"title": "Section", "description": "A section."}, "Text."),
                                              self.name, in_menu=False))
        return plan

    def draw(self, content, plan):
        return plan
