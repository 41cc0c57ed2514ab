"""Every FAQ is published at a stable anchor, in site search and in the page's FAQPage JSON-LD."""

from __future__ import annotations

import json

import pytest
from built_html import parse
from iopcsite.authoring.markdown_text import page_url
from iopcsite.collections.faqs.questions import faq_text, topic_page_uri
from iopcsite.config.languages import language_prefixes
from support.content import languages, site_content
from support.search import indexed_text


def faq_cases():
    """Every FAQ in every language, named language:id."""
    content = site_content()
    return [pytest.param(item.faq, language, id=f"{language}:{item.faq.id}")
            for item in content.faqs for language in content.languages]


def test_there_are_at_least_thirty_real_questions(content):
    assert len(content.faqs) >= 30
    assert {item.faq.topic for item in content.faqs} == {topic.id for topic in content.topics}


@pytest.mark.for_each("faq, language", faq_cases)
def test_faq_is_at_its_anchor_and_in_the_json_ld(built_site, content, faq, language):
    url = page_url(language_prefixes(content.config)[language] + topic_page_uri(faq.topic))
    tree = parse(built_site, url)
    heading = tree.get_element_by_id(faq.id)
    text = faq_text(faq, language)
    assert heading.tag == "h2"
    assert text.question in heading.text_content()
    [script] = tree.xpath('//script[@type="application/ld+json"]')
    data = json.loads(script.text)
    assert data["@type"] == "FAQPage"
    questions = {entity["@id"]: entity for entity in data["mainEntity"]}
    assert questions[f"#{faq.id}"]["name"] == text.question
    assert questions[f"#{faq.id}"]["acceptedAnswer"]["text"].strip()


@pytest.mark.for_each("language", languages)
def test_every_faq_is_in_the_search_index_of_its_language(built_site, content, language):
    prefix = language_prefixes(content.config)[language]
    indexed = indexed_text(built_site, language)
    for item in content.faqs:
        text = faq_text(item.faq, language)
        assert " ".join(text.question.split())[:40] in indexed[f"{prefix}faqs/{item.faq.topic}/"], item.faq.id
