"""One row of docs/_data/forces.csv: a police force, named as the statistics tables name it."""

from __future__ import annotations

from pydantic import Field

from iopcsite.authoring.base_models import Slug, Strict, Text


class Force(Strict):
    """A police force. The columns are those of the research file it came from; the ``*_source``,
    ``*_status`` and ``notes`` columns are provenance, kept in the repository and off the pages."""

    key: Slug = Field(description="The force's id, used in page addresses: lower case words joined by hyphens.")
    name_in_iopc_statistics_tables: Text = Field(description="The force's name exactly as the statistics tables "
                                                             "write it, for example 'Avon & Somerset'.")
    force_name: Text = Field(description="The force's own name, for example 'Avon and Somerset Constabulary'.")
    welsh_name: Text | None = Field(None, description="The force's Welsh name, where it has one.")
    country: Text = Field(description="England, Wales, or for British Transport Police where it polices.")
    force_type: Text = Field(description="territorial, or the kind of special force.")
    local_policing_body: Text | None = Field(None, description="Who holds the force to account locally.")
    local_policing_body_type: Text | None = Field(None, description="PCC, PFCC, mayor, police authority.")
    local_policing_body_source: Text | None = Field(None, description="Where the local policing body was checked.")
    local_policing_body_status: Text | None = Field(None, description="'verified' when the body's name was seen "
                                                                      "on an official page; anything else is generic.")
    notes: Text | None = Field(None, description="Notes for the team; never shown.")
    force_name_source: Text | None = Field(None, description="Where the force's name was checked.")
    iopc_name_source: Text | None = Field(None, description="Where the statistics tables' name was checked.")

    @property
    def local_policing_body_verified(self) -> bool:
        """True when the local policing body's name was seen on an official page: only then is it shown."""
        return (self.local_policing_body_status or "").startswith("verified") and bool(self.local_policing_body)

    @property
    def welsh_name_verified(self) -> bool:
        """False where the notes say the Welsh name is unverified: it is then not shown (data/README.md)."""
        said = [part for part in (self.notes or "").split(".") if "welsh name" in part.lower()]
        return bool(self.welsh_name) and not any("unverified" in part.lower() for part in said)

    def name(self, language: str) -> str:
        """The force's name in ``language``: its Welsh name on Welsh pages where it has a checked one."""
        return (self.welsh_name if language == "cy" and self.welsh_name_verified else None) or self.force_name
