"""The site's own stylesheets are sent minified, with every rule they had and nothing else."""

from __future__ import annotations

import gzip

import pytest
import tinycss2
from support.project import PROJECT_ROOT

SOURCES = PROJECT_ROOT / "docs"
STYLESHEETS = sorted(path.relative_to(SOURCES).as_posix() for path in (SOURCES / "assets/css").glob("*.css"))


# A space beside these (or a {} block), or at either end of a list of tokens, means nothing to the browser;
# anywhere else (between two words of a value, or the descendant space in a selector) it is part of the rule.
PUNCTUATION = {",", ":", ";", ">", "+", "~", "!", "/", "="}


def _space_means_nothing_beside(token) -> bool:
    return token in PUNCTUATION or (isinstance(token, tuple) and token[0] == "{} block")


def tokens(values) -> list:
    """The tokens of a stylesheet as the browser reads them, without comments or spaces that mean nothing."""
    read = []
    for token in values:
        if token.type == "comment":
            continue
        if token.type == "whitespace":
            read.append(" ")
        elif token.type in ("() block", "[] block", "{} block"):
            read.append((token.type, tuple(tokens(token.content))))
        elif token.type == "function":
            read.append((token.lower_name, tuple(tokens(token.arguments))))
        else:
            read.append(token.serialize())
    kept = []
    for place, token in enumerate(read):
        following = read[place + 1] if place + 1 < len(read) else None
        if token == " " and (not kept or following is None or following == " "
                             or _space_means_nothing_beside(kept[-1]) or _space_means_nothing_beside(following)):
            continue
        kept.append(token)
    while kept and kept[-1] == ";":  # the last declaration's semicolon is optional
        kept.pop()
    return kept


def rules(css: str) -> list:
    """Each rule of a stylesheet, as its tokens."""
    parsed = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    assert not [rule for rule in parsed if rule.type == "error"], "the stylesheet does not parse"
    return [tokens(rule.prelude) + tokens(rule.content or []) for rule in parsed]


def test_there_are_stylesheets_to_check():
    assert "assets/css/site.css" in STYLESHEETS


@pytest.mark.parametrize("stylesheet", STYLESHEETS)
def test_the_built_stylesheet_has_the_same_rules_and_no_comments(built_site, stylesheet):
    source = (SOURCES / stylesheet).read_text(encoding="utf-8")
    built = (built_site / stylesheet).read_text(encoding="utf-8")
    assert rules(built) == rules(source)
    assert "/*" not in built, f"{stylesheet} is sent with its comments"
    assert len(gzip.compress(built.encode(), 9)) < len(gzip.compress(source.encode(), 9))
