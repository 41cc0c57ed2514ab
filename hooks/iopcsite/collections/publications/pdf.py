"""A publication's PDF, drawn from the same Markdown as its page: tagged PDF/UA, its language and
title set, checked for text that overflows, and kept in the render cache by a hash of its inputs."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import markdown
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from iopcsite.authoring.errors import ContentError, ContentProblem
from iopcsite.authoring.file_state import cached_until_changed, files_under
from iopcsite.authoring.yaml_source import field_name
from iopcsite.collections.publications.models import first_day
from iopcsite.authoring.markdown_text import EXTERNAL, INLINE_LINK, page_url, resolve_link
from iopcsite.collections.publications.views import View, item_uri
from iopcsite.feeds.atom import absolute
from iopcsite.config.localiser import Localiser
from iopcsite.pdf.render_cache import CachedRender, RenderCache, code_fingerprint, render_key

PACKAGE_DIR = Path(__file__).parent
TEMPLATES = PACKAGE_DIR / "templates"
CACHE_SUBDIR = Path(".cache") / "iopcsite" / "publications"
# Lets copies of the project (tests that break content) share one cache: the key is a hash of every input.
CACHE_VARIABLE = "IOPC_PUBLICATION_CACHE"
# The page templates shape no PDF, so editing them draws nothing again.
NOT_IN_PDFS = (".md",)
EPOCH_WITHOUT_DATE = dt.date(2020, 1, 1)
# One converter for every body: making a Markdown instance costs more than converting a body.
_BODY_HTML = markdown.Markdown(extensions=["sane_lists", "tables", "def_list"], output_format="html")


@dataclass(frozen=True)
class PdfJob:
    """One PDF to draw: its HTML, and where the author wrote what it shows (for messages)."""

    html: str
    file: str
    line: int | None
    fields: dict[str, tuple[int | None, str]]  # 'title', 'body' -> (line, field name) in the author's file
    epoch: int

    @property
    def key(self) -> str:
        return render_key([self.html, str(self.epoch)], code=[code_fingerprint(PACKAGE_DIR, NOT_IN_PDFS)])


@cached_until_changed(lambda: files_under(TEMPLATES))
def environment() -> Environment:
    """Jinja for the PDF template, autoescaped (made again when a template changes: make serve)."""
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                       trim_blocks=True, lstrip_blocks=True)


def absolute_links(text: str, written_from: str, site: str) -> str:
    """The body's links to the site's own pages as full addresses: a PDF is read away from the site."""

    def full(match) -> str:
        target = match.group("target")
        if EXTERNAL.match(target) or target.startswith("#"):
            return match.group(0)
        page, anchor = resolve_link(written_from, target)
        address = absolute(site, page_url(page) if page.endswith(".md") else page) + (f"#{anchor}" if anchor else "")
        return match.group(0).replace(f"({target}", f"({address}", 1)

    return INLINE_LINK.sub(full, text)


def pdf_html(v: View, local: Localiser, org_name: str, site: str) -> str:
    """The HTML a publication's PDF is drawn from, in the language its body is written in (``local``)."""
    text = absolute_links(v.body or "", item_uri(v.publication.id), site)
    body = _BODY_HTML.reset().convert(text)
    return environment().get_template("publication.html").render(
        lang=local.language, title=v.title, kind=v.kind, t=local.string, org_name=org_name,
        published=v.published or local.string("date-not-published"), updated=v.updated,
        created=v.publication.published or "", modified=v.publication.updated or v.publication.published or "",
        footer=v.title if len(v.title) <= 90 else v.title[:87] + "...", body_html=Markup(body),
        from_line=local.string("pdf-from").format(org=org_name))


def pdf_job(v: View, local: Localiser, org_name: str, loaded, site: str) -> PdfJob:
    """The job for ``v``'s PDF, naming the title and body fields it is drawn from."""
    translated = v.body_language != "en"
    base = loaded.loc + (("translations", v.body_language) if translated else ())
    fields = {name: (loaded.document.position(base + (name,))[0], field_name(base + (name,)))
              for name in ("title", "body")}
    day = v.publication.updated or v.publication.published
    epoch_day = first_day(day) if day else EPOCH_WITHOUT_DATE
    epoch = int(dt.datetime(epoch_day.year, epoch_day.month, epoch_day.day, tzinfo=dt.timezone.utc).timestamp())
    return PdfJob(pdf_html(v, local, org_name, site), loaded.file, loaded.line, fields, epoch)


def draw(job: PdfJob) -> CachedRender | list[ContentProblem]:
    """The PDF, or the problems that stop it: text that overflows, no title or language."""
    from iopcsite.pdf import layout_checks, tagged  # WeasyPrint is slow to import: only a drawing build pays

    try:
        document = tagged.layout(job.html, TEMPLATES.resolve().as_uri() + "/", job.file)
    except tagged.RenderError as error:
        line, name = job.fields["title"]
        return [ContentProblem(job.file, line, None, name, f"the PDF cannot be drawn: {error}.",
                               "Give the publication a title; if it has one, the PDF template is broken.")]
    # The body flows on to as many pages as it needs: only text too wide for the page is cut off.
    problems = [_overflow(job, found) for found in layout_checks.overflows(document)
                if found.field == "title" or found.direction == "across"]
    if problems:
        return problems
    data = tagged.write(document, job.key[:32], job.file, job.epoch)
    return CachedRender({"pdf": data}, len(document.pages))


def _overflow(job: PdfJob, found) -> ContentProblem:
    line, name = job.fields[found.field]
    where = "too long" if found.direction == "down" else "too wide"
    hint = ("Shorten the title." if found.field == "title" else
            "Break up the long word or address (write a link with words), so nothing is cut off.")
    return ContentProblem(job.file, line, None, name, f"the {found.field} is {where} for the PDF's page "
                                                      f"(page {found.page}): it is {found.over_mm:g} mm over.", hint)


def cache_for(root: Path) -> RenderCache:
    """The render cache of the project at ``root`` (or the one IOPC_PUBLICATION_CACHE names)."""
    configured = os.environ.get(CACHE_VARIABLE)
    return RenderCache(Path(configured) if configured else root / CACHE_SUBDIR)


def draw_all(jobs: list[PdfJob], cache: RenderCache) -> tuple[dict[str, bytes], int]:
    """Every job's PDF by key, from the cache or drawn now (on every core): (PDFs, how many were drawn).
    Raises ContentError with every problem."""
    code_fingerprint.cache_clear()  # make serve builds again in one process after an edit to a template
    wanted = {job.key: job for job in jobs}
    found = {key: cache.get(key) for key in wanted}
    missing = [job for key, job in wanted.items() if found[key] is None]
    workers = min(len(missing), os.cpu_count() or 1)
    if workers > 1:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
            outcomes = list(pool.map(draw, missing))
    else:
        outcomes = [draw(job) for job in missing]
    problems = []
    for job, outcome in zip(missing, outcomes):
        if isinstance(outcome, CachedRender):
            cache.put(job.key, outcome)
            found[job.key] = outcome
        else:
            problems += outcome
    if problems:
        raise ContentError(problems)
    return {key: render.files["pdf"] for key, render in found.items()}, len(missing)
