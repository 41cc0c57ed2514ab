"""A synthetic site at scale, written from the same typed models authors' files are checked against.

The site copies the real settings, strings, journey, theme overrides, stylesheets
and ``mkdocs.yml`` (with a generated menu), and links to the real pipeline, so a
build of it runs exactly the code a build of the real site runs. Pages and FAQs
are made from ``PageMeta``, ``Faq`` and ``FaqTopic`` and dumped as YAML; the same
seed always gives the same files.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
import re
import shutil
from dataclasses import dataclass, replace
from pathlib import Path

from iopcsite.authoring.markdown_text import heading_anchors, resolve_link
from iopcsite.authoring.yaml_source import (
    ProblemRaised,
    load_yaml_file,
    split_front_matter,
)
from iopcsite.collections.faqs.models import (
    Faq,
    FaqFile,
    FaqTopic,
    FaqTopicList,
    FaqTopicTranslation,
    FaqTranslation,
    RelatedLink,
)
from iopcsite.collections.pages.loader import discover_pages, split_language
from iopcsite.collections.pages.models import Journey, PageMeta
from ruamel.yaml import YAML

REVIEWED = dt.date(2026, 11, 22)
REVIEW_BY = dt.date(2027, 5, 22)
GUIDES_PER_SECTION = 20
COPIED = ("mkdocs.yml", "overrides", "docs/assets")
GENERATED_DATA = ("faqs", "faq-topics.yml")  # made here; every other settings file is the real one

ENGLISH = [
    "You can complain about the police if you are unhappy with how they treated you.",
    "This page tells you what happens next and what you can do.",
    "Keep a copy of every letter you get about your complaint.",
    "You can ask someone you trust to help you write your complaint.",
    "The police will contact you to talk about your complaint.",
    "If you are in danger now, call 999.",
    "We are independent of the police.",
    "Read your outcome letter carefully.",
    "You should be treated fairly and with respect.",
    "You can use this site safely on a shared phone.",
    "Write down what happened, when it happened and who was there.",
    "You do not have to give your name to read this site.",
    "Tell us if you need the information in another format.",
    "It is free to complain.",
]
WELSH = [
    "Gallwch gwyno am yr heddlu os ydych yn anhapus â sut y cawsoch eich trin.",
    "Mae'r dudalen hon yn dweud beth sy'n digwydd nesaf a beth allwch chi ei wneud.",
    "Cadwch gopi o bob llythyr a gewch am eich cwyn.",
    "Gallwch ofyn i rywun rydych yn ymddiried ynddo eich helpu i ysgrifennu eich cwyn.",
    "Bydd yr heddlu'n cysylltu â chi i siarad am eich cwyn.",
    "Os ydych mewn perygl nawr, ffoniwch 999.",
    "Rydym yn annibynnol ar yr heddlu.",
    "Darllenwch eich llythyr canlyniad yn ofalus.",
    "Dylech gael eich trin yn deg a gyda pharch.",
    "Gallwch ddefnyddio'r wefan hon yn ddiogel ar ffôn a rennir.",
    "Ysgrifennwch beth ddigwyddodd, pryd y digwyddodd a phwy oedd yno.",
    "Does dim rhaid i chi roi eich enw i ddarllen y wefan hon.",
    "Dywedwch wrthym os oes angen yr wybodaeth mewn fformat arall arnoch.",
    "Mae'n rhad ac am ddim i gwyno.",
]
ENGLISH_WORDS = ["complaint", "review", "outcome", "letter", "police", "help", "safety", "contact", "evidence",
                 "support", "rights", "time", "form", "phone", "meeting", "advice"]
WELSH_WORDS = ["cwyn", "adolygiad", "canlyniad", "llythyr", "heddlu", "help", "diogelwch", "cyswllt", "tystiolaeth",
               "cymorth", "hawliau", "amser", "ffurflen", "ffôn", "cyfarfod", "cyngor"]


@dataclass(frozen=True)
class Scale:
    """How big the synthetic site is. ``translated`` is the share of pages and FAQs with a Welsh text."""

    pages: int = 400
    faqs: int = 1000
    topics: int = 20
    campaigns: int = 10
    publications: int = 200
    publications_with_body: int = 50  # each drawn as a PDF
    recommendation_batches: int = 400
    recommendations_per_batch: int = 5
    news: int = 500
    translated: float = 0.9
    seed: int = 8

    def doubled(self) -> "Scale":
        """The same site at twice the size: twice the pages, questions, news, publications and
        recommendations (the campaigns stay as they are: their products are the same whatever the
        size of the site, and slow to draw)."""
        return replace(self, pages=self.pages * 2, faqs=self.faqs * 2, topics=self.topics * 2, news=self.news * 2,
                       publications=self.publications * 2, publications_with_body=self.publications_with_body * 2,
                       recommendation_batches=self.recommendation_batches * 2)


@dataclass(frozen=True)
class SyntheticSite:
    root: Path
    guide_pages: list[str]
    faq_files: list[Path]
    nav: list
    campaigns: list[str]


def generate_site(source_root: Path, target: Path, scale: Scale = Scale()) -> SyntheticSite:
    """Write a synthetic project into ``target`` (emptied first); the pipeline is linked, not copied."""
    source_root = Path(source_root).resolve()
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for name in COPIED:
        source, destination = source_root / name, target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, destination)
    (target / "docs/_data").mkdir(parents=True, exist_ok=True)
    for source in sorted((source_root / "docs/_data").iterdir()):
        if source.name not in GENERATED_DATA and source.is_file():
            shutil.copy2(source, target / "docs/_data" / source.name)
    (target / "hooks").symlink_to(source_root / "hooks", target_is_directory=True)
    rng = random.Random(scale.seed)
    docs = target / "docs"
    journey = Journey.model_validate(load_yaml_file(target / "docs/_data/journey.yml", "journey.yml").data)
    anchors = _journey_anchors(journey)
    for uri, found in _real_page_anchors(source_root / "docs").items():
        anchors.setdefault(uri, set()).update(found)
    structural = sorted(set(anchors) - {"index.md"})
    _write_page(docs / "index.md", _meta("Complaints about the police", rng), _body(rng, ENGLISH, ["index"], links=structural))
    for uri in structural:
        title = uri[:-3].replace("-", " ").capitalize()
        headings = sorted(anchors[uri]) + ["more"]
        _write_page(docs / uri, _meta(title, rng), _body(rng, ENGLISH, headings, links=[]))
        _write_page(docs / f"{uri[:-3]}.cy.md", _meta(title, rng, welsh=True), _body(rng, WELSH, headings, links=[]))
    guides = [f"guides/guide-{number:03d}.md" for number in range(1, scale.pages + 1)]
    for index, uri in enumerate(guides):
        neighbour = guides[(index + 1) % len(guides)].split("/")[-1] + "#section-1"
        words = rng.sample(ENGLISH_WORDS, 3)
        title = f"Guide {index + 1}: {' and '.join(words)}"
        _write_page(docs / uri, _meta(title, rng), _body(rng, ENGLISH, ["section-1", "section-2", "section-3"], links=[neighbour]))
        if rng.random() < scale.translated:
            welsh_title = f"Canllaw {index + 1}: {' a '.join(WELSH_WORDS[ENGLISH_WORDS.index(word)] for word in words)}"
            _write_page(docs / f"{uri[:-3]}.cy.md", _meta(welsh_title, rng, welsh=True),
                        _body(rng, WELSH, ["section-1", "section-2", "section-3"], links=[neighbour]))
    topics = _topics(scale)
    _dump(target / "docs/_data/faq-topics.yml", FaqTopicList(topics=topics))
    faq_files = _write_faqs(target / "docs/_data/faqs", topics, guides, rng, scale)
    campaigns = _write_campaigns(source_root / "campaigns", target / "campaigns", scale.campaigns)
    write_recommendations(target, rng, scale)
    nav = (_nav(structural, guides, topics, campaigns) + ["recommendations/index.md"]  # the register is always built
           + _write_news_and_learning(source_root, target, scale) + _write_statistics(source_root, target, scale))
    nav += _write_publications(target, scale, random.Random(scale.seed + 1))
    _write_mkdocs_nav(target / "mkdocs.yml", nav)
    return SyntheticSite(target, guides, faq_files, nav, campaigns)


RECOMMENDATION_STATUSES = ("awaiting", "received", "published", None)


def write_recommendations(target: Path, rng: random.Random, scale: Scale) -> int:
    """``scale.recommendation_batches`` batches of learning recommendations, one file each, to the real
    forces and national bodies (copied settings files), tagged from the real taxonomy; returns how many
    recommendations. Self-contained: it reads nothing the other generators write."""
    from iopcsite.collections.recommendations.models import Batch, NationalBodyList, Recommendation, Response
    from iopcsite.config.taxonomy import Taxonomy

    data = target / "docs/_data"
    folder = data / "recommendations"
    folder.mkdir(parents=True, exist_ok=True)
    with (data / "forces.csv").open(encoding="utf-8") as forces_file:
        forces = [row["force_name"] for row in csv.DictReader(forces_file)]
    bodies = NationalBodyList.model_validate(load_yaml_file(data / "recommendation-bodies.yml", "bodies").data).bodies
    recipients = forces + [body.name.en for body in bodies]
    taxonomy = Taxonomy.model_validate(load_yaml_file(data / "taxonomy.yml", "taxonomy").data)
    start = dt.date(2015, 1, 1)
    made_count = 0
    for number in range(1, scale.recommendation_batches + 1):
        made = start + dt.timedelta(days=rng.randrange(0, 11 * 365))
        batch_recipients = rng.sample(recipients, rng.choice((1, 1, 1, 2)))
        recommendations = []
        for item in range(1, scale.recommendations_per_batch + 1):
            status = rng.choice(RECOMMENDATION_STATUSES)
            received = made + dt.timedelta(days=rng.randrange(20, 70)) if status in ("received", "published") else None
            published = received + dt.timedelta(days=rng.randrange(5, 30)) if status == "published" else None
            response = Response(status=status, outcome=rng.choice(("accepted", "not-accepted")) if received else None,
                                received=received, published=published,
                                summary=rng.choice(ENGLISH) if status == "published" else None)
            recommendations.append(Recommendation(
                number=item, heading=" ".join(rng.sample(ENGLISH_WORDS, 4)),
                text=" ".join(rng.sample(ENGLISH, 2)), text_complete=True, response=response))
        batch = Batch(id=f"synthetic-batch-{number:03d}", title=f"Recommendations - {batch_recipients[0]}, {made:%B %Y}",
                      month=f"{made:%Y-%m}", reference=f"{made.year}/{number:06d}", date_made=made,
                      recipients=batch_recipients, context=rng.choice(ENGLISH),
                      key_areas=rng.sample([term.id for term in taxonomy.key_areas], rng.choice((0, 1))),
                      topics=rng.sample([term.id for term in taxonomy.topics], 2), recommendations=recommendations,
                      sources=[f"https://www.example.org/recommendations/{number}"], status="verified")
        _dump(folder / f"{batch.id}.yml", batch)
        made_count += len(recommendations)
    return made_count


def _write_campaigns(source: Path, target: Path, count: int) -> list[str]:
    """``count`` campaigns made from the real ones, each with its own slug and title.

    Every campaign is validated by the campaign model before it is written, so the
    synthetic ones are campaigns an author could have written."""
    templates = sorted(path.parent for path in source.glob("*/campaign.yml"))
    if not templates or count < 1:
        return []
    from iopcsite.collections.campaigns.models import Campaign

    slugs = []
    for number in range(1, count + 1):
        template = templates[(number - 1) % len(templates)]
        campaign = Campaign.model_validate(load_yaml_file(template / "campaign.yml", "campaign.yml").data)
        slug = f"{campaign.slug[:70]}-{number:02d}"
        copy = campaign.copy_.model_copy(update={"title": f"{campaign.copy_.title[:50]} {number}"})
        translations = {language: text.model_copy(update={"title": f"{text.title[:50]} {number}"})
                        for language, text in campaign.translations.items()}
        changed = campaign.model_copy(update={"slug": slug, "copy_": copy, "translations": translations})
        Campaign.model_validate(changed.model_dump(by_alias=True))
        shutil.copytree(template, target / slug)
        data = changed.model_dump(mode="json", by_alias=True, exclude_defaults=True)
        (target / slug / "campaign.yml").write_text(_yaml_text(data), encoding="utf-8")
        slugs.append(slug)
    return slugs


def _write_news_and_learning(source_root: Path, target: Path, scale: Scale) -> list:
    """``scale.news`` news items (a share of them translated) and the real learning files; their menu entries.

    Each item is checked by the news model before it is written; tags come from the real taxonomy."""
    from iopcsite.collections.news.models import NewsMeta, NewsTranslationMeta
    from iopcsite.config.taxonomy import Taxonomy

    shutil.copytree(source_root / "docs/_data/learning", target / "docs/_data/learning")
    taxonomy = Taxonomy.model_validate(load_yaml_file(target / "docs/_data/taxonomy.yml", "taxonomy.yml").data)
    topics, key_areas = [term.id for term in taxonomy.topics], [term.id for term in taxonomy.key_areas]
    folder = target / "docs/_data/news"
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(scale.seed + 1)
    first = dt.date(2020, 1, 1)
    for number in range(1, scale.news + 1):
        published = first + dt.timedelta(days=rng.randrange(0, 2500))
        words = rng.sample(ENGLISH_WORDS, 3)
        meta = NewsMeta(id=f"news-{number:04d}", title=f"News {number}: {' and '.join(words)}", published=published,
                        updated=published + dt.timedelta(days=rng.randrange(0, 30)) if rng.random() < 0.2 else None,
                        type=rng.choice(["news", "statement", "comment", "publication"]), topics=rng.sample(topics, 2),
                        key_area=rng.choice(key_areas) if rng.random() < 0.3 else None,
                        summary=_paragraph(rng, ENGLISH)[:290], sources=[f"https://www.policeconduct.gov.uk/news/{number}"])
        name = f"{published.isoformat()}-{number:04d}"
        _write_front_matter(folder / f"{name}.md", meta, "\n\n".join(_paragraph(rng, ENGLISH) for _ in range(3)))
        if rng.random() < scale.translated:
            welsh_title = f"Newyddion {number}: {' a '.join(WELSH_WORDS[ENGLISH_WORDS.index(word)] for word in words)}"
            welsh = NewsTranslationMeta(title=welsh_title, summary=_paragraph(rng, WELSH)[:290], translation="complete")
            _write_front_matter(folder / f"{name}.cy.md", welsh, "\n\n".join(_paragraph(rng, WELSH) for _ in range(3)))
    return [{"Learning": ["learning/index.md", "key-areas/index.md", "about/our-strategy.md"]}, {"News": "news/index.md"}]


def _write_front_matter(path: Path, model, body: str) -> None:
    front = _yaml_text(model.model_dump(mode="json", exclude_defaults=True))
    path.write_text(f"---\n{front}---\n\n{body}\n", encoding="utf-8")


def _real_page_anchors(docs: Path) -> dict[str, set[str]]:
    """The real site's English pages and their heading ids: the theme, journey and campaign pages link to them."""
    found = {}
    for path in discover_pages(docs):
        uri = path.relative_to(docs).as_posix()
        if split_language(uri)[1] != "en" or "/" in uri:
            continue
        try:
            _, body, _ = split_front_matter(path.read_text(encoding="utf-8"), uri)
        except ProblemRaised:
            body = ""
        found[uri] = heading_anchors(body)
    return found


def _journey_anchors(journey: Journey) -> dict[str, set[str]]:
    anchors: dict[str, set[str]] = {}
    for step in journey.steps:
        uri, anchor = resolve_link("index.md", step.link)
        anchors.setdefault(uri, set())
        if anchor:
            anchors[uri].add(anchor)
    return anchors


def _meta(title: str, rng: random.Random, welsh: bool = False) -> PageMeta:
    sentences = WELSH if welsh else ENGLISH
    values = {"title": title, "description": rng.choice(sentences), "last_reviewed": REVIEWED, "review_by": REVIEW_BY}
    if welsh:
        values["translation"] = "complete"
    return PageMeta(**values)


def _paragraph(rng: random.Random, sentences: list[str]) -> str:
    return " ".join(rng.sample(sentences, rng.randint(3, 5)))


def _body(rng: random.Random, sentences: list[str], anchors: list[str], links: list[str]) -> str:
    """A few sections of plain sentences, a list, an organisation placeholder and the given links."""
    parts = [_paragraph(rng, sentences), "", "{{ org.name }}.", ""]
    for number, anchor in enumerate(anchors, 1):
        parts += [f"## {rng.choice(sentences).rstrip('.')} {{#{anchor}}}", "", _paragraph(rng, sentences), ""]
        if number == 1:
            parts += [f"- {sentence}" for sentence in rng.sample(sentences, 3)] + [""]
    for link in links:
        parts += [f"[{rng.choice(sentences).rstrip('.')}]({link})", ""]
    return "\n".join(parts)


def _write_page(path: Path, meta: PageMeta, body: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    front = _yaml_text(meta.model_dump(mode="python", exclude_defaults=True))
    path.write_text(f"---\n{front}---\n\n{body}", encoding="utf-8")


def _topics(scale: Scale) -> list[FaqTopic]:
    topics = []
    for number in range(1, scale.topics + 1):
        english, welsh = ENGLISH_WORDS[number % len(ENGLISH_WORDS)], WELSH_WORDS[number % len(WELSH_WORDS)]
        topics.append(FaqTopic(
            id=f"topic-{number:02d}", title=f"Questions {number}: {english}",
            description=f"Questions about {english}.",
            translations={"cy": FaqTopicTranslation(title=f"Cwestiynau {number}: {welsh}", description=f"Cwestiynau am {welsh}.")},
        ))
    return topics


def _write_faqs(folder: Path, topics: list[FaqTopic], guides: list[str], rng: random.Random, scale: Scale) -> list[Path]:
    """``scale.faqs`` questions spread over the topics, one file per topic."""
    folder.mkdir(parents=True, exist_ok=True)
    by_topic: dict[str, list[Faq]] = {topic.id: [] for topic in topics}
    for number in range(1, scale.faqs + 1):
        topic = topics[(number - 1) % len(topics)]
        word = ENGLISH_WORDS[number % len(ENGLISH_WORDS)]
        welsh_word = WELSH_WORDS[number % len(WELSH_WORDS)]
        guide = rng.choice(guides)
        translations = {}
        if rng.random() < scale.translated:
            translations["cy"] = FaqTranslation(question=f"Cwestiwn {number}: beth am {welsh_word}?",
                                                answer=_paragraph(rng, WELSH) + "\n")
        by_topic[topic.id].append(Faq(
            id=f"question-{number:04d}", topic=topic.id, question=f"Question {number}: what about {word}?",
            answer=_paragraph(rng, ENGLISH) + "\n",
            related=[RelatedLink(text=rng.choice(ENGLISH).rstrip("."), link=f"{guide}#section-2")],
            last_reviewed=REVIEWED, review_by=REVIEW_BY, translations=translations,
        ))
    files = []
    for topic_id, faqs in by_topic.items():
        if faqs:
            path = folder / f"{topic_id}.yml"
            _dump(path, FaqFile(faqs=faqs))
            files.append(path)
    return files


def _nav(journey_uris: list[str], guides: list[str], topics: list[FaqTopic], campaigns: list[str]) -> list:
    sections = [{f"Guides {start // GUIDES_PER_SECTION + 1}": guides[start:start + GUIDES_PER_SECTION]}
                for start in range(0, len(guides), GUIDES_PER_SECTION)]
    questions = {"Questions": ["faqs/index.md"] + [f"faqs/{topic.id}.md" for topic in topics]}
    menu = [{"Home": "index.md"}, *journey_uris, *sections, questions]
    if campaigns:
        menu.append({"Campaigns": [f"campaigns/{slug}/index.md" for slug in campaigns]})
    return menu


PUBLICATION_KINDS = ("focus", "learning-the-lessons", "consultation-response", "report")


def _write_publications(target: Path, scale: Scale, rng: random.Random) -> list:
    """``scale.publications`` publications in ``docs/_data/publications/`` (one file per type), the first
    ``scale.publications_with_body`` with a body; the menu entry for their list (none without any).

    Each is validated by the publication model before it is written; dates are days, months and
    null, topics come from the real taxonomy, and most have a Welsh title (bodies stay English)."""
    if scale.publications < 1:
        return []
    from iopcsite.collections.publications.models import Publication, PublicationFile
    from iopcsite.config.taxonomy import Taxonomy

    taxonomy = Taxonomy.model_validate(load_yaml_file(target / "docs/_data/taxonomy.yml", "taxonomy.yml").data)
    topics = [term.id for term in taxonomy.topics]
    files: dict[str, list[Publication]] = {kind: [] for kind in PUBLICATION_KINDS}
    for number in range(1, scale.publications + 1):
        kind = PUBLICATION_KINDS[number % len(PUBLICATION_KINDS)]
        series = kind if kind in ("focus", "learning-the-lessons") else None
        words = rng.sample(ENGLISH_WORDS, 2)
        year, month = rng.randint(2012, 2025), rng.randint(1, 12)
        published = rng.choice([f"{year}-{month:02d}", f"{year}-{month:02d}-{rng.randint(1, 28):02d}", None])
        data = {"id": f"publication-{number:03d}", "type": kind, "series": series,
                "issue": number if series else None, "title": f"Publication {number} on {' and '.join(words)}",
                "published": published, "topics": sorted(rng.sample(topics, 2)),
                "sources": [f"https://www.example.org/publications/{number}"],
                "status": rng.choice(["verified", "partial", "unverified"])}
        if number <= scale.publications_with_body:
            headings = ["What we found", "What happens next"]
            data["body"] = "\n\n".join(f"## {heading}\n\n" + " ".join(rng.sample(ENGLISH, 4)) for heading in headings)
        elif rng.random() < scale.translated:
            data["translations"] = {"cy": {"title": f"Cyhoeddiad {number} am "
                                                    f"{' a '.join(WELSH_WORDS[ENGLISH_WORDS.index(word)] for word in words)}"}}
        files[kind].append(Publication.model_validate(data))
    folder = target / "docs/_data/publications"
    folder.mkdir(parents=True, exist_ok=True)
    for kind, publications in files.items():
        if publications:
            data = PublicationFile(publications=publications).model_dump(mode="json", exclude_defaults=True)
            (folder / f"{kind}.yml").write_text(_yaml_text(data), encoding="utf-8")
    return [{"Publications": "publications/index.md"}]
STATISTICS_YEARS = 5


def _write_statistics(source_root: Path, target: Path, scale: Scale) -> list:
    """Five years of each by-force statistics table for the 44 forces (real columns, made-up figures that add
    up and whose percentages match their counts), and the real national figures; the menu entries they need.
    Its own random numbers, so the rest of the synthetic site is the same with or without it."""
    import csv

    from iopcsite.collections.statistics.comparisons import whole_percent
    from iopcsite.collections.statistics.tables import NATIONAL_FILE, STATISTICS_DIR, TABLE_KINDS
    from iopcsite.authoring.csv_source import column_names

    rng = random.Random(scale.seed * 1000 + 16)
    folder = target / STATISTICS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source_root / STATISTICS_DIR / NATIONAL_FILE, folder / NATIONAL_FILE)
    with open(source_root / "docs/_data/forces.csv", encoding="utf-8", newline="") as handle:
        names = [row["name_in_iopc_statistics_tables"] for row in csv.DictReader(handle)]
    for start in range(2024 - STATISTICS_YEARS + 1, 2025):
        year = f"{start}/{(start + 1) % 100:02d}"
        for kind in TABLE_KINDS:
            rows = []
            for name in names:
                row = {}
                for measure in kind.measures:
                    if measure.percent_of:
                        part, whole = (row[column] for column in measure.percent_of)
                        row[measure.column] = whole_percent(part, whole) if whole else "n/a"
                    elif measure.column.endswith("_n"):
                        row[measure.column] = rng.randint(0, row[measure.column.replace("outcome_not_reasonable_and_proportionate_n", "valid_completed")])
                    else:
                        row[measure.column] = rng.randint(1, 300 if measure.unit == "days" else 5000)
                rows.append({"police_force_as_published": name, **row})
            total = {m.column: sum(r[m.column] for r in rows) for m in kind.measures if m.adds_up}
            for m in kind.measures:
                if m.unit == "days":
                    total[m.column] = sum(r[m.column] for r in rows) // len(rows)
                elif m.percent_of:
                    total[m.column] = whole_percent(total[m.percent_of[0]], total[m.percent_of[1]])
            rows.append({"police_force_as_published": "Total", **total})
            columns = column_names(kind.model)
            with open(folder / f"{start}-{(start + 1) % 100:02d}-{kind.id}.csv", "w", encoding="utf-8", newline="") as out:
                writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
                writer.writeheader()
                writer.writerows({"year": year, "source": "https://www.policeconduct.gov.uk/node?page=3", **row}
                                 for row in rows)
    return [{"Police forces": "forces/index.md"}, {"Complaints statistics": "statistics/index.md"}]


NAV_BLOCK = re.compile(r"^nav:\n(?:(?:[ \t-].*|)\n)*", re.M)


def _write_mkdocs_nav(path: Path, nav: list) -> None:
    """Replace the copied mkdocs.yml's menu with the synthetic one; everything else stays as it is."""
    text = path.read_text(encoding="utf-8")
    if not NAV_BLOCK.search(text):
        raise ValueError(f"{path} has no top-level 'nav:' to replace")
    path.write_text(NAV_BLOCK.sub(lambda _: _yaml_text({"nav": nav}), text, count=1), encoding="utf-8")


def _dump(path: Path, model) -> None:
    path.write_text(_yaml_text(model.model_dump(mode="python", exclude_defaults=True)), encoding="utf-8")


def _yaml_text(data) -> str:
    yaml = YAML()
    yaml.default_flow_style = False
    yaml.width = 120
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    return buffer.getvalue()
