"""Parsed YAML is reused between builds only while the text is unchanged, with its line numbers."""

from __future__ import annotations

from iopcsite.authoring.yaml_source import parse_yaml, parsed_yaml_cache

TEXT = "faqs:\n  - id: first\n    topic: reviews\n  - id: second\n    topic: complaining\n"


def test_cached_parse_keeps_data_and_lines(tmp_path):
    with parsed_yaml_cache(tmp_path):
        first = parse_yaml(TEXT, "faqs.yml")
        assert len(list(tmp_path.glob("*.pickle"))) == 1
        again = parse_yaml(TEXT, "other.yml", line_offset=1)
    assert again.data == first.data == parse_yaml(TEXT, "faqs.yml").data
    assert first.position(("faqs", 1, "topic")) == (5, 5)
    assert again.position(("faqs", 1, "topic")) == (6, 5)
    assert again.file == "other.yml"


def test_an_edit_is_parsed_again(tmp_path):
    with parsed_yaml_cache(tmp_path):
        parse_yaml(TEXT, "faqs.yml")
        edited = parse_yaml(TEXT.replace("second", "changed"), "faqs.yml")
    assert edited.data["faqs"][1]["id"] == "changed"
    assert len(list(tmp_path.glob("*.pickle"))) == 2


def test_a_damaged_cache_file_is_ignored(tmp_path):
    with parsed_yaml_cache(tmp_path):
        parse_yaml(TEXT, "faqs.yml")
        for cached in tmp_path.glob("*.pickle"):
            cached.write_bytes(b"not a pickle")
        assert parse_yaml(TEXT, "faqs.yml").data["faqs"][0]["id"] == "first"
