"""The real content, loaded once per test session, and only when a test or a parameter list first asks.

Never call these at module level (``PAGES = all_page_urls()``): a content error would then break the
collection of every test. Parametrise with ``@pytest.mark.for_each("path", all_page_urls)`` instead.
"""

from __future__ import annotations

import functools

from iopcsite.authoring.markdown_text import page_url
from iopcsite.config.languages import language_prefixes
from iopcsite.content.site_content import SiteContent, load_site_content

from support.project import PROJECT_ROOT


@functools.cache
def _load() -> tuple[SiteContent | None, Exception | None]:
    try:
        return load_site_content(PROJECT_ROOT), None
    except Exception as error:  # noqa: BLE001 - kept, so that a content error is found once, not once per test
        return None, error


def site_content() -> SiteContent:
    """The real content, loaded once per test session (a content error is raised again, not looked for again)."""
    content, error = _load()
    if error is not None:
        raise error
    return content


def all_page_uris() -> list[str]:
    """Every page the site publishes, in every language, as src_uri."""
    return sorted(site_content().published)


def all_page_urls() -> list[str]:
    """Every published page's URL path, relative to the site root."""
    return [page_url(uri) for uri in all_page_uris()]


def languages() -> list[str]:
    """The site's languages, English first."""
    return list(site_content().languages)


def url_prefixes() -> dict[str, str]:
    """Each language's URL prefix ('' for English, 'cy/' for Welsh)."""
    return language_prefixes(site_content().config)


def review_rules():
    """The review helpers' rules (docs/_data/review-rules.yml) and their table of cases."""
    return site_content().review_rules


def deadline_cases() -> list:
    """The review deadline helper's cases, from the rules file."""
    return list(review_rules().tests.deadline)


def checker_cases() -> list:
    """The 'who reviews' checker's cases, from the rules file."""
    return list(review_rules().tests.checker)


def case_name(case) -> str:
    """A review rules case's test id: its name."""
    return case.name


def problems_for(root, draw: bool = False) -> list[str]:
    """Every problem loading the project at ``root`` reports, as an author reads it (the load must fail)."""
    import pytest
    from iopcsite.authoring.errors import ContentError

    with pytest.raises(ContentError) as raised:
        load_site_content(root, draw=draw)
    return [str(problem) for problem in raised.value.problems]
