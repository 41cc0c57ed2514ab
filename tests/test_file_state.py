"""Values made from files are made again once a file changes, and only then."""

from __future__ import annotations

import os

from iopcsite.authoring.file_state import cached_until_changed


def test_a_value_is_made_again_only_when_its_file_changes(tmp_path):
    source = tmp_path / "strings.yml"
    source.write_text("one", encoding="utf-8")
    made = []

    @cached_until_changed(lambda: [source])
    def text() -> str:
        made.append(1)
        return source.read_text(encoding="utf-8")

    assert (text(), text(), len(made)) == ("one", "one", 1)
    source.write_text("two, longer", encoding="utf-8")
    assert (text(), len(made)) == ("two, longer", 2)
    # Same size, but written later: made again too.
    source.write_text("six, longer", encoding="utf-8")
    os.utime(source, ns=(source.stat().st_atime_ns, source.stat().st_mtime_ns + 1_000_000_000))
    assert (text(), len(made)) == ("six, longer", 3)
    text.cache_clear()
    assert (text(), len(made)) == ("six, longer", 4)
