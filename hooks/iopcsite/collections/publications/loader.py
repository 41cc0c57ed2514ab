"""Read every publication file, and check what a model alone cannot: ids, dates in order, tags."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from iopcsite.authoring.errors import ProblemList
from iopcsite.authoring.model_files import load_model_file
from iopcsite.authoring.yaml_source import YamlDocument
from iopcsite.config.site_config import DATA_DIR
from iopcsite.config.taxonomy import Taxonomy
from iopcsite.collections.publications.models import Publication, PublicationFile, first_day

PUBLICATIONS_DIR = DATA_DIR / "publications"
KEY = "publications"


@dataclass(frozen=True)
class LoadedPublication:
    """A publication with where it was written, for messages."""

    publication: Publication
    document: YamlDocument
    index: int

    @property
    def file(self) -> str:
        return self.document.file

    @property
    def loc(self) -> tuple[str | int, ...]:
        return (KEY, self.index)

    @property
    def line(self) -> int | None:
        return self.document.position(self.loc)[0]

    def problem(self, *field: str | int, message: str, hint: str | None = None):
        """A problem with one field of this publication, at its line."""
        return self.document.problem(self.loc + field, message, hint)


def load_publications(root: Path, taxonomy: Taxonomy | None, problems: ProblemList) -> list[LoadedPublication]:
    """Every valid publication in every file, in file order; the problems of the rest go to ``problems``."""
    loaded: list[LoadedPublication] = []
    first_seen: dict[str, LoadedPublication] = {}
    for path in sorted((root / PUBLICATIONS_DIR).glob("*.yml")):
        found, document = load_model_file(path, PublicationFile, root, problems)
        for index, publication in _valid(found, document):
            item = LoadedPublication(publication, document, index)
            found_problems = _item_problems(item, taxonomy)
            problems.extend(found_problems)
            earlier = first_seen.get(publication.id)
            if earlier is not None:
                problems.add(item.problem("id", message=f"the id '{publication.id}' is already used in "
                                                        f"{earlier.file} line {earlier.line}.",
                                          hint="Give this publication an id of its own; never change the id "
                                               "of a published one."))
                continue
            first_seen[publication.id] = item
            if not found_problems:  # planned only when right: the build stops on the problems anyway
                loaded.append(item)
    return loaded


def _valid(found: PublicationFile | None, document: YamlDocument | None) -> list[tuple[int, Publication]]:
    """(index, publication) of every valid one: all, or those that pass in a file with mistakes."""
    if found is not None:
        return list(enumerate(found.publications))
    data = document.data if document is not None else None
    entries = data.get(KEY) if isinstance(data, dict) else None
    valid = []
    for index, entry in enumerate(entries if isinstance(entries, list) else []):
        try:
            valid.append((index, Publication.model_validate(entry)))
        except ValidationError:
            continue  # reported already by the whole file's validation
    return valid


def _item_problems(item: LoadedPublication, taxonomy: Taxonomy | None) -> list:
    publication = item.publication
    problems = []
    if publication.updated and not publication.published:
        problems.append(item.problem("updated", message="an updated date is given, but no published date.",
                                     hint="Write the published date too, or remove 'updated'."))
    elif publication.updated and first_day(publication.updated) < first_day(publication.published):
        problems.append(item.problem("updated", message=f"it was updated ({publication.updated}) before it was "
                                                        f"published ({publication.published}).",
                                     hint="Check both dates: 'updated' must be the same as or after 'published'."))
    if (publication.series is None) != (publication.issue is None):
        missing = "issue" if publication.issue is None else "series"
        problems.append(item.problem(missing, message="a series needs an issue number, and an issue number a series.",
                                     hint=f"Add '{missing}', or remove the other."))
    if publication.series is not None and publication.series != publication.type:
        problems.append(item.problem("series", message=f"an issue of '{publication.series}' must have that type, "
                                                       f"not '{publication.type}'.",
                                     hint=f"Write 'type: {publication.series}'."))
    if taxonomy is not None:
        problems += taxonomy.tag_problems("topic", publication.topics, item.document, item.loc + ("topics",))
        problems += taxonomy.tag_problems("key_area", publication.key_area, item.document, item.loc + ("key_area",))
    return problems
