"""Questions and answers, and the topics that group them."""

from __future__ import annotations

from pydantic import Field

from iopcsite.authoring.base_models import (
    HoldableItem,
    LanguageCode,
    Markdown,
    ReviewedItem,
    Slug,
    Strict,
    Text,
    TranslatedItem,
)


class RelatedLink(Strict):
    """A link to another page, shown under an answer."""

    text: Text = Field(description="The words of the link.")
    link: Text = Field(description="A page of this site, such as 'ask-for-a-review.md#the-28-day-limit'.")


class FaqTranslation(TranslatedItem):
    """A question and answer in another language."""

    question: Text = Field(description="The question, translated.")
    answer: Markdown = Field(description="The answer, translated, in Markdown.")
    related: list[RelatedLink] | None = Field(None, description="Related links in this language, if they differ.")


class Faq(HoldableItem, ReviewedItem):
    """One question and answer."""

    id: Slug = Field(description="Stable id: becomes the anchor. Never change it once published.")
    topic: Slug = Field(description="The topic id from faq-topics.yml.")
    question: Text = Field(max_length=150, description="The question, as a reader would ask it.")
    answer: Markdown = Field(description="The answer, in Markdown.")
    related: list[RelatedLink] = Field(default_factory=list, description="Links to pages that say more.")
    translations: dict[LanguageCode, FaqTranslation] = Field(default_factory=dict, description="The question in other languages, such as cy for Welsh.")


class FaqTopicTranslation(TranslatedItem):
    """A topic's title and description in another language."""

    title: Text = Field(description="The topic title, translated.")
    description: Text = Field(description="The topic description, translated.")


class FaqTopic(Strict):
    """A group of FAQs, shown as one page."""

    id: Slug = Field(description="Stable id: the topic page is /faqs/<id>/. FAQs name it in 'topic'.")
    title: Text = Field(description="The topic page title.")
    description: Text = Field(max_length=200, description="One or two sentences under the title.")
    translations: dict[LanguageCode, FaqTopicTranslation] = Field(default_factory=dict, description="The topic in other languages, such as cy for Welsh.")


class FaqTopicList(Strict):
    """``docs/_data/faq-topics.yml``: the FAQ topics, in the order they appear."""

    topics: list[FaqTopic] = Field(min_length=1, description="The topics, each becoming one page of questions.")


class FaqFile(Strict):
    """One file of FAQs in ``docs/_data/faqs/``."""

    faqs: list[Faq] = Field(min_length=1, description="The questions and answers in this file.")
