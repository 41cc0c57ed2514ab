"""The key areas of work and the topics every kind of content is tagged with (docs/_data/taxonomy.yml).

One list for news, publications, recommendations and campaigns, so a tag means the same
everywhere and a misspelt one is caught where it is written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator

from iopcsite.authoring.base_models import Bilingual, Slug, Strict
from iopcsite.authoring.errors import ContentProblem, ProblemList, suggest
from iopcsite.authoring.model_files import load_model_file
from iopcsite.authoring.yaml_source import YamlDocument

TAXONOMY_FILE = Path("docs/_data/taxonomy.yml")
TagKind = Literal["key_area", "topic"]


class Term(Strict):
    """One key area or topic."""

    id: Slug = Field(description="Used in content files and in page addresses: lower case words joined by hyphens.")
    name: Bilingual = Field(description="What readers see, in English and Welsh.")


class Taxonomy(Strict):
    """The site's key areas of work and topics."""

    key_areas: list[Term] = Field(description="The key areas of work; each has its own page.")
    topics: list[Term] = Field(description="The topics items are tagged with; each has its own news page and feed.")

    @model_validator(mode="after")
    def _ids_are_unique(self) -> "Taxonomy":
        for terms in (self.key_areas, self.topics):
            ids = [term.id for term in terms]
            repeated = sorted({term for term in ids if ids.count(term) > 1})
            if repeated:
                raise ValueError(f"each id may appear once; repeated: {', '.join(repeated)}")
        return self

    def terms(self, kind: TagKind) -> list[Term]:
        """The key areas or the topics, in the file's order."""
        return self.key_areas if kind == "key_area" else self.topics

    def term(self, kind: TagKind, term_id: str) -> Term:
        """The key area or topic with this id (checked already by ``tag_problems``)."""
        return next(term for term in self.terms(kind) if term.id == term_id)

    def tag_problems(self, kind: TagKind, values: list[str] | str | None, document: YamlDocument,
                     loc: tuple[str | int, ...]) -> list[ContentProblem]:
        """A problem for every tag at ``loc`` in ``document`` that is not in the taxonomy, with the nearest id."""
        if values is None:
            return []
        known = [term.id for term in self.terms(kind)]
        listed = [(loc, values)] if isinstance(values, str) else [(loc + (index,), value)
                                                                  for index, value in enumerate(values)]
        noun = "key area" if kind == "key_area" else "topic"
        return [document.problem(where, f"unknown {noun} '{value}'.",
                                 (suggest(value, known) or f"Use one of: {', '.join(known)}.")
                                 + f" The {noun}s are listed in {TAXONOMY_FILE.as_posix()}.")
                for where, value in listed if value not in known]


def load_taxonomy(root: Path, problems: ProblemList) -> Taxonomy | None:
    """Read docs/_data/taxonomy.yml; its problems go into ``problems``."""
    taxonomy, _ = load_model_file(root / TAXONOMY_FILE, Taxonomy, root, problems)
    return taxonomy
