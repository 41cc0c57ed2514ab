"""The site's settings: ``site.yml`` and the interface strings ``strings.yml``."""

from __future__ import annotations

import datetime as dt

from pydantic import Field, HttpUrl

from iopcsite.authoring.base_models import Bilingual, LanguageCode, Slug, Strict, Text


class Organisation(Strict):
    """The organisation's public details. Used everywhere from here, never copied."""

    name: Bilingual = Field(description="Full name, in English and Welsh.")
    short_name: Bilingual = Field(description="Short name or initials.")
    website: HttpUrl = Field(description="Main website address.")
    phone: str | None = Field(None, description="Main public phone number, as people dial it.")
    phone_hours: Bilingual | None = Field(None, description="When the phone line is open.")
    postal_address: list[Text] | None = Field(None, description="Postal address, one line per item.")
    complaint_form_url: HttpUrl = Field(description="The online complaint form.")
    review_form_url: HttpUrl = Field(description="The online form to apply for a review.")
    police_forces_url: HttpUrl | None = Field(None, description="A list of police forces and how to contact them.")


class LanguageConfig(Strict):
    """One language the site is published in."""

    code: LanguageCode = Field(description="The language code: en for English, cy for Welsh.")
    name: Text = Field(description="The language's own name, for the switcher (English, Cymraeg).")
    path: str = Field(description="URL prefix: '' for the main language, 'cy/' for Welsh.")


class SiteConfig(Strict):
    """``docs/_data/site.yml``: organisation details and site-wide settings."""

    organisation: Organisation = Field(description="The organisation's public details, used on every page.")
    languages: list[LanguageConfig] = Field(min_length=1, description="The languages the site is published in, main language first.")
    exit_page_url: HttpUrl = Field(description="Where 'Exit this page' goes: a neutral site.")
    content_last_checked: dt.date | None = Field(None, description="When the organisation's details were last checked.")




class StringTable(Strict):
    """``docs/_data/strings.yml``: every interface string of our own, by key."""

    strings: dict[Slug, Bilingual] = Field(description="Each string's key, with its English and Welsh text.")
