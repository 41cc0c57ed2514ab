"""A news item written wrong stops 'make check' and 'make build' with its file, line, field and what to do."""

from __future__ import annotations

import pytest
from support.project import line_of, replace_in, run_tool

from news.helpers import NEWS, write_item

ITEM = f"{NEWS}/2025-11-27-complaints-data.md"

# (what to change in ITEM, the text on the line the message names, what the message must say)
MISTAKES = {
    "missing date": ("published: 2025-11-27\n", "", "# From news.yml", ("'published' is missing",)),
    "impossible date": ("published: 2025-11-27", "published: 2025-02-30", "published:", ("There is no such day",)),
    "unknown topic": ("topics: [complaints-statistics,", "topics: [complaint-statistics,", "topics:",
                      ("unknown topic 'complaint-statistics'", "Did you mean 'complaints-statistics'?")),
    "unknown key area": ("type: news\n", "type: news\nkey_area: violence-against-women\n", "key_area:",
                         ("unknown key area 'violence-against-women'", "Did you mean 'violence-against-women-and-girls'?")),
    "updated before published": ("type: news\n", "type: news\nupdated: 2025-11-01\n", "updated:",
                                 ("updated (2025-11-01) is before published (2025-11-27)", "correct one of the two dates")),
}


@pytest.mark.parametrize("name", sorted(MISTAKES))
def test_a_mistake_is_named_with_file_line_and_what_to_do(project_copy, name):
    old, new, on_line, says = MISTAKES[name]
    replace_in(project_copy / ITEM, old, new)
    result = run_tool(project_copy, "check")
    assert result.returncode != 0, f"make check passed with a {name}"
    line = line_of(project_copy / ITEM, on_line)
    [message] = [text.split(". ", 1)[1] for text in result.stdout.splitlines() if f" {ITEM}:" in text]
    assert message.startswith(f"{ITEM}:{line}"), message
    for words in says:
        assert words in message, message


def test_a_duplicate_id_names_the_first_use(project_copy):
    path = write_item(project_copy, "2026-01-01-again", "complaints-data-2024-25", "2026-01-01")
    result = run_tool(project_copy, "check")
    assert result.returncode != 0
    shown = f"{NEWS}/{path.name}:2"
    output = result.stdout + result.stderr
    assert shown in output and f"the id 'complaints-data-2024-25' is already used in {ITEM} line 3" in output, output


def test_the_build_stops_too(project_copy):
    replace_in(project_copy / ITEM, "published: 2025-11-27", "published: 2025-13-01")
    result = run_tool(project_copy, "build-site")
    assert result.returncode != 0 and f"{ITEM}:" in result.stdout + result.stderr
