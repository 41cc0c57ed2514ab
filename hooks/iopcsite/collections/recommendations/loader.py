"""Reading and checking the batches (docs/_data/recommendations/*.yml) and the national bodies."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from iopcsite.authoring.errors import ContentProblem, ProblemList
from iopcsite.authoring.model_files import load_model_file
from iopcsite.authoring.yaml_source import YamlDocument
from iopcsite.config.site_config import DATA_DIR
from iopcsite.config.taxonomy import Taxonomy

from iopcsite.collections.recommendations.models import Batch, NationalBody, NationalBodyList

BATCH_DIR = DATA_DIR / "recommendations"
BODIES_FILE = DATA_DIR / "recommendation-bodies.yml"


@dataclass(frozen=True)
class LoadedBatch:
    """A batch with the file it was written in, for messages."""

    batch: Batch
    document: YamlDocument
    line: int | None

    @property
    def file(self) -> str:
        return self.document.file


def load_bodies(root: Path, problems: ProblemList) -> list[NationalBody]:
    """The national bodies (none when the file has problems, already reported)."""
    bodies, document = load_model_file(root / BODIES_FILE, NationalBodyList, root, problems)
    if bodies is None:
        return []
    seen: set[str] = set()
    for index, body in enumerate(bodies.bodies):
        if body.id in seen:
            problems.add(document.problem(("bodies", index, "id"), f"the id '{body.id}' is used twice.",
                                          "Give each body its own id."))
        seen.add(body.id)
    return list(bodies.bodies)


def load_batches(root: Path, taxonomy: Taxonomy | None, problems: ProblemList) -> tuple[list[LoadedBatch], bool]:
    """Every valid batch, in file order, and whether every file loaded without a problem."""
    loaded: list[LoadedBatch] = []
    first_seen: dict[str, LoadedBatch] = {}
    whole = True
    for path in sorted((root / BATCH_DIR).glob("*.yml")):
        found_before = ProblemList()
        batch, document = load_model_file(path, Batch, root, found_before)
        problems.extend(found_before)
        if found_before or batch is None:
            whole = False
            continue
        item = LoadedBatch(batch, document, document.position(())[0])
        found = batch_problems(batch, document)
        if taxonomy is not None:
            found += taxonomy.tag_problems("key_area", batch.key_areas, document, ("key_areas",))
            found += taxonomy.tag_problems("topic", batch.topics, document, ("topics",))
        if batch.id in first_seen:
            earlier = first_seen[batch.id]
            found.append(document.problem(("id",), f"the batch id '{batch.id}' is already used in {earlier.file}.",
                                          "Give this batch a new id; never change the id of a published batch."))
        problems.extend(found)
        whole = whole and not found
        if batch.id not in first_seen:
            first_seen[batch.id] = item
            loaded.append(item)
    return loaded, whole


def batch_problems(batch: Batch, document: YamlDocument) -> list[ContentProblem]:
    """What types alone cannot catch: repeated numbers, dates in the wrong order, a published reply with no words."""
    found: list[ContentProblem] = []
    numbers: set[int] = set()
    for index, recommendation in enumerate(batch.recommendations):
        loc = ("recommendations", index)
        if recommendation.number in numbers:
            found.append(document.problem(loc + ("number",), f"recommendation {recommendation.number} is listed twice.",
                                          "Give each recommendation the number the watchdog gives it."))
        numbers.add(recommendation.number)
        response = recommendation.response
        if response.received and batch.date_made and response.received < batch.date_made:
            found.append(document.problem(loc + ("response", "received"),
                                          f"the response was received ({response.received}) before the recommendation "
                                          f"was made ({batch.date_made}).", "Check both dates against the source."))
        if response.published and response.received and response.published < response.received:
            found.append(document.problem(loc + ("response", "published"),
                                          f"the response was published ({response.published}) before it was received "
                                          f"({response.received}).", "Check both dates against the source."))
        if response.status == "published" and response.summary is None:
            found.append(document.problem(loc + ("response", "status"),
                                          "the status is 'published', but there is no response text.",
                                          "Write the response in 'summary', or leave 'status' empty until it is published."))
        if recommendation.text is None and recommendation.text_complete is not None:
            found.append(document.problem(loc + ("text_complete",), "there is no text, so it cannot be complete or not.",
                                          "Leave 'text_complete' out until the text is written."))
    return found

