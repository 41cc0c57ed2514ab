"""The Content-Security-Policy and the headers file: the functions, then every built page."""

from __future__ import annotations

import logging
import re

import pytest
from iopcsite.search.pagefind_index import indexed_pages
from iopcsite.finish.security import (
    HEADERS_FILE,
    SHIPPED_SCRIPTS,
    ShippedScript,
    add_content_security_policy,
    content_security_policy,
    headers_file,
    inline_script_hashes,
    inline_scripts,
    refuse_unshipped_scripts,
    script_hash,
    script_hashes_in_headers_file,
    shipped_script_hashes,
    shipped_script_text,
    write_headers_file,
)
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from support.project import PROJECT_ROOT, copy_project, replace_in

CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def directives(policy: str) -> dict[str, list[str]]:
    return {name: values for name, *values in (part.split() for part in policy.split("; "))}


def test_script_hash_is_the_base64_sha256_browsers_expect():
    # The SHA-256 of the empty string, as browsers print it in CSP errors.
    assert script_hash("") == "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
    assert script_hash("a") != script_hash("a ")


def test_only_scripts_the_browser_runs_are_hashed():
    html = (
        '<script>one()</script>'
        '<script src="x.js"></script>'
        '<script type="application/json">{"a": 1}</script>'
        '<script type="application/ld+json">{"@type": "FAQPage"}</script>'
        '<script type="module">two()</script>'
        "<SCRIPT type='text/javascript'>three()</SCRIPT>"
    )
    assert inline_scripts(html) == ["one()", "two()", "three()"]
    assert inline_script_hashes(html) == sorted({script_hash("one()"), script_hash("two()"), script_hash("three()")})


def test_policy_allows_only_this_site_and_the_hashed_scripts():
    policy = directives(content_security_policy(["'sha256-abc='"]))
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'", "'wasm-unsafe-eval'", "'sha256-abc='"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert "'unsafe-inline'" not in sum(policy.values(), [])
    assert "'unsafe-eval'" not in sum(policy.values(), [])
    assert "frame-ancestors" not in policy, "browsers ignore frame-ancestors in <meta>: it belongs in the headers"


def test_only_the_local_preview_allows_any_inline_script():
    policy = directives(content_security_policy(["'sha256-abc='"], allow_any_inline_script=True))
    assert policy["script-src"] == ["'self'", "'wasm-unsafe-eval'", "'unsafe-inline'"]


def test_policy_meta_goes_first_in_head():
    html = '<!doctype html><html><head><title>T</title><script>go()</script></head><body></body></html>'
    secured = add_content_security_policy(html, [script_hash("go()")])
    head = secured.split("<head>", 1)[1]
    assert head.startswith('<meta http-equiv="Content-Security-Policy"')
    policy = directives(CSP_META.search(secured).group(1))
    assert policy["script-src"] == ["'self'", "'wasm-unsafe-eval'", script_hash("go()")]


def test_only_the_character_set_comes_before_the_policy():
    html = '<html><head>\n  <meta charset="utf-8">\n<meta name="x"><script>go()</script></head></html>'
    secured = add_content_security_policy(html, [])
    assert secured.startswith('<html><head>\n  <meta charset="utf-8"><meta http-equiv="Content-Security-Policy"')


@pytest.mark.parametrize("html, problem", [
    ("<html><body><script>go()</script></body></html>", "no <head>"),
    ('<html><head><meta http-equiv="content-security-policy" content="default-src *"></head></html>', "already has"),
])
def test_a_page_that_cannot_be_protected_stops_the_build(html, problem):
    with pytest.raises(ValueError, match=problem):
        add_content_security_policy(html, [])


def test_headers_file_protects_every_path():
    text = headers_file(["'sha256-abc='"])
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    assert lines[0] == "/*"
    headers = dict(line.strip().split(": ", 1) for line in lines[1:])
    assert all(line.startswith("  ") for line in lines[1:]), "headers must be indented under their path"
    policy = directives(headers["Content-Security-Policy"])
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["script-src"] == ["'self'", "'wasm-unsafe-eval'", "'sha256-abc='"]
    assert {k: v for k, v in policy.items() if k != "frame-ancestors"} == directives(content_security_policy(["'sha256-abc='"]))
    assert headers["Strict-Transport-Security"].startswith("max-age=")
    assert int(headers["Strict-Transport-Security"].split("=")[1]) >= 31536000
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["X-Frame-Options"] == "DENY"
    for feature in ("camera", "microphone", "geolocation", "browsing-topics"):
        assert f"{feature}=()" in headers["Permissions-Policy"]


def test_a_script_off_the_shipped_list_is_refused_and_data_is_not():
    allowed = [script_hash("ours()")]
    refuse_unshipped_scripts('<script>ours()</script><script type="application/json">{"a": 1}</script>'
                             '<script src="x.js"></script>', allowed)
    with pytest.raises(ValueError, match="does not ship, starting 'theirs\\(\\)'"):
        refuse_unshipped_scripts("<script>ours()</script><SCRIPT type='module'>theirs()</SCRIPT>", allowed)


def test_every_shipped_script_is_read_from_its_template():
    hashes = shipped_script_hashes(PROJECT_ROOT)
    assert len(hashes) == len(SHIPPED_SCRIPTS), "two entries of SHIPPED_SCRIPTS name the same script"


@pytest.mark.parametrize("script, problem", [
    (ShippedScript("gone", "partials/javascripts/base.html", begins="nothing like it"), "is no longer in"),
    (ShippedScript("moved", "partials/no-such-template.html"), "neither overrides/ nor Material has"),
    (ShippedScript("filled in", "partials/javascripts/outdated.html"), "filled in by the template"),
])
def test_a_shipped_script_that_is_not_where_the_list_says_stops_the_build(script, problem):
    with pytest.raises(ValueError, match=problem):
        shipped_script_text(script, PROJECT_ROOT)


def test_a_template_that_writes_a_script_off_the_list_stops_the_build_naming_the_page(tmp_path, monkeypatch, caplog):
    root = copy_project(tmp_path / "project")
    replace_in(root / "overrides" / "404.html", "<h1>", "<script>track(location.href)</script><h1>")
    monkeypatch.setenv("IOPC_LANGUAGES", "en")
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build(config)
    assert "404.html: the page holds an inline script the site does not ship, starting 'track(location.href)'" in caplog.text


# --- The built site ---------------------------------------------------------------


def built_pages(built_site):
    return sorted(built_site.rglob("*.html"))


def test_the_hashes_a_headers_file_allows_can_be_read_back(tmp_path):
    hashes = [script_hash("a()"), script_hash("b()")]
    assert script_hashes_in_headers_file(write_headers_file(tmp_path, reversed(hashes))) == sorted(hashes)


def test_every_built_page_starts_its_head_with_a_policy_for_exactly_the_shipped_scripts(built_site):
    for html_file in built_pages(built_site):
        html = html_file.read_text(encoding="utf-8")
        name = html_file.relative_to(built_site)
        head = re.search(r"<head>\s*(?:<meta charset=\"utf-8\">)?(<[^>]*>)", html)
        assert head and head.group(1).startswith('<meta http-equiv="Content-Security-Policy"'), \
            f"{name}: the CSP <meta> must come first in <head>, after only the character set"
        assert html.index('<meta charset="utf-8">') < 1024, f"{name}: the character set is not in the first 1024 bytes"
        policy = directives(CSP_META.search(html).group(1))
        hashes = [source for source in policy["script-src"] if source.startswith("'sha256-")]
        assert hashes == list(shipped_script_hashes(PROJECT_ROOT)), f"{name}: the CSP hashes are not the shipped scripts'"
        assert set(inline_script_hashes(html)) <= set(hashes), f"{name}: an inline script is not allowed by the policy"
        assert "'unsafe-inline'" not in policy["script-src"], f"{name}: a built page must not allow any inline script"
        # Search compiles its WebAssembly; no page may run eval() or new Function().
        assert "'wasm-unsafe-eval'" in policy["script-src"] and "'unsafe-eval'" not in policy["script-src"], name
        assert '<meta name="referrer" content="no-referrer">' in html, f"{name}: no referrer policy"


def test_headers_file_allows_the_inline_scripts_of_every_page(built_site):
    text = (built_site / HEADERS_FILE).read_text(encoding="utf-8")
    header_policy = directives(re.search(r"Content-Security-Policy: (.*)", text).group(1))
    for html_file in built_pages(built_site):
        for source in inline_script_hashes(html_file.read_text(encoding="utf-8")):
            assert source in header_policy["script-src"], \
                f"{html_file.relative_to(built_site)}: its inline script {source} would be blocked by the host's policy"
    assert text == headers_file(s for s in header_policy["script-src"] if s.startswith("'sha256-"))
    assert script_hashes_in_headers_file(built_site / HEADERS_FILE) == list(shipped_script_hashes(PROJECT_ROOT))


def test_every_shipped_script_runs_on_the_built_site(built_site):
    # A listed script no page carries would be allowed for nothing: take it off the list.
    on_pages = {source for html_file in built_pages(built_site)
                for source in inline_script_hashes(html_file.read_text(encoding="utf-8"))}
    assert set(shipped_script_hashes(PROJECT_ROOT)) <= on_pages


def test_headers_file_is_not_a_page(built_site):
    assert not (built_site / HEADERS_FILE / "index.html").exists()
    assert HEADERS_FILE not in (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert not any(HEADERS_FILE in page["url"] for pages in indexed_pages(built_site / "pagefind").values()
                   for page in pages)


def test_every_link_to_another_site_sends_no_referrer(built_site):
    external = re.compile(r'<a\b[^>]*\bhref="(?:https?:)?//[^"]*"[^>]*>', re.IGNORECASE)
    for html_file in built_pages(built_site):
        for anchor in external.findall(html_file.read_text(encoding="utf-8")):
            rel = re.search(r'\brel="([^"]*)"', anchor)
            assert rel and "noreferrer" in rel.group(1).split(), f"{html_file.relative_to(built_site)}: {anchor}"
