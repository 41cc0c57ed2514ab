"""The recommendations pages' wording in every language, from ``templates/strings.yml``."""

from __future__ import annotations

from pathlib import Path

from iopcsite.config.template_strings import template_string_table

STRINGS_PATH = Path(__file__).parent / "templates" / "strings.yml"
string_table = template_string_table(STRINGS_PATH)


class Words:
    """The wording for one language: ``words('due-by', date=...)``."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.strings = string_table().strings

    def __call__(self, key: str, **values: object) -> str:
        text = self.strings[key].en if self.language == "en" else (self.strings[key].cy or self.strings[key].en)
        return text.format(**values) if values else text

    def joined(self, names: list[str]) -> str:
        """'A, B and C'; in Welsh 'A, B a C' with the mutation 'a' causes (a Choleg, ac Heddlu, a'r Swyddfa)."""
        if len(names) < 2:
            return "".join(names)
        last = names[-1]
        if self.language == "cy":
            return ", ".join(names[:-1]) + " " + _welsh_and(last)
        return ", ".join(names[:-1]) + f" {self('and')} " + last


ASPIRATE = {"C": "Ch", "P": "Ph", "T": "Th"}


def _welsh_and(name: str) -> str:
    """'a' before a name: aspirate mutation of c, p, t; 'ac' before a vowel; "a'r" for 'Y'."""
    if name.startswith("Y "):
        return "a'r " + name[2:]
    if name[:1] in ASPIRATE and name[1:2] != "h":
        return "a " + ASPIRATE[name[0]] + name[1:]
    if name[:1] in "AEIOUWYÂÊÎÔÛŴŶ":
        return "ac " + name
    return "a " + name
