"""The site configuration: ``docs/_data/site.yml``."""

from __future__ import annotations

from pathlib import Path

from iopcsite.authoring.errors import ProblemList
from iopcsite.authoring.model_files import load_model_file
from iopcsite.config.models import SiteConfig, StringTable

DATA_DIR = Path("docs/_data")
SITE_FILE = DATA_DIR / "site.yml"
STRINGS_FILE = DATA_DIR / "strings.yml"


def load_site_config(root: Path, problems: ProblemList | None = None) -> SiteConfig | None:
    """Read ``site.yml``; with no problem list given, raise on any problem."""
    own = problems is None
    problems = ProblemList() if own else problems
    config, _ = load_model_file(root / SITE_FILE, SiteConfig, root, problems)
    if own:
        problems.raise_if_any()
    return config


def load_strings(root: Path, problems: ProblemList) -> StringTable | None:
    """Read the interface strings table."""
    strings, _ = load_model_file(root / STRINGS_FILE, StringTable, root, problems)
    return strings


def organisation_values(config: SiteConfig, language: str) -> dict[str, str]:
    """The organisation's details as the ``{{ org.* }}`` placeholders see them."""
    org = config.organisation
    values = {
        "name": org.name.get(language),
        "short_name": org.short_name.get(language),
        "website": str(org.website),
        "complaint_form_url": str(org.complaint_form_url),
        "review_form_url": str(org.review_form_url),
    }
    if org.phone:
        values["phone"] = org.phone
    if org.phone_hours:
        values["phone_hours"] = org.phone_hours.get(language)
    if org.postal_address:
        values["postal_address"] = ", ".join(org.postal_address)
    if org.police_forces_url:
        values["police_forces_url"] = str(org.police_forces_url)
    return values
