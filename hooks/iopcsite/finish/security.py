"""The browser's rules for every page: Content-Security-Policy and the static host's headers file.

The policy lets the site load only its own files. Inline scripts are allowed
one by one, by the SHA-256 hash of their exact text, and only those the project
ships: ``SHIPPED_SCRIPTS`` names each, and its text is read from the template
that writes it. A page holding any other inline script stops the build, so a
script that came in with the content can never run, nor be allowed by the policy.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import importlib.resources
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

HEADERS_FILE = "_headers"

SCRIPT = re.compile(r"<script\b(?P<attrs>[^>]*)>(?P<body>.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
SCRIPT_TYPE = re.compile(r"""\btype\s*=\s*["']?(?P<type>[^"'\s>]*)""", re.IGNORECASE)
SCRIPT_SRC = re.compile(r"\bsrc\s*=", re.IGNORECASE)
HEAD_START = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
LEADING_CHARSET = re.compile(r"\s*<meta\s+charset\s*=[^>]*>", re.IGNORECASE)
CSP_META = re.compile(r"<meta\b[^>]*http-equiv\s*=\s*[\"']?content-security-policy", re.IGNORECASE)

# Types the browser runs as script; anything else (JSON, JSON-LD) is data and needs no hash.
JAVASCRIPT_TYPES = frozenset({"", "module", "text/javascript", "application/javascript", "text/ecmascript",
                              "application/ecmascript"})

THIS_FILE = "hooks/iopcsite/finish/security.py"
OUR_TEMPLATES = "overrides"  # mkdocs.yml: custom_dir, looked in before Material's own templates
TEMPLATE_MARKUP = ("{{", "{%", "{#")


@dataclass(frozen=True)
class ShippedScript:
    """An inline script the site ships on its pages, and the template that writes it."""

    purpose: str
    template: str  # found as MkDocs finds it: in overrides/, else in Material's templates
    begins: str = ""  # the start of its text, to tell it from the template's other scripts


# Every inline script a page may run. Those of Material are read from the installed theme, so
# an upgrade that changes their text changes their hashes with it; one that adds a script
# stops the build until the script is listed here.
SHIPPED_SCRIPTS: tuple[ShippedScript, ...] = (
    ShippedScript("storage helpers that keep nothing on the reader's device (ours)", "partials/javascripts/base.html"),
    ShippedScript("open the content tab a link points at (Material's)", "partials/javascripts/content.html",
                  begins="var target="),
)


class UnshippedScript(ValueError):
    """A finished page holds an inline script that is not one of ``SHIPPED_SCRIPTS``."""

    def __init__(self, body: str):
        start = " ".join(body.split())[:60]
        super().__init__(
            f"the page holds an inline script the site does not ship, starting '{start}'. "
            f"Only the scripts in SHIPPED_SCRIPTS ({THIS_FILE}) may run: if it came from a page or a question, "
            "remove it there; if a template writes it, add it to that list.")


# What a page may load, besides inline scripts. Material draws its icons with data: SVG images.
BASE_DIRECTIVES: tuple[tuple[str, str], ...] = (
    ("default-src", "'self'"),
    # 'wasm-unsafe-eval' lets search (Pagefind) compile its WebAssembly, and nothing else: it does not
    # allow eval() or new Function(), which 'unsafe-eval' would, and no script from anywhere but here.
    ("script-src", "'self' 'wasm-unsafe-eval'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),
    ("manifest-src", "'self'"),
    ("frame-src", "'none'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)

# Browsers ignore frame-ancestors in a <meta> policy, so only the headers file carries it.
HEADER_ONLY_DIRECTIVES: tuple[tuple[str, str], ...] = (("frame-ancestors", "'none'"),)

# Powerful browser features no page of this site needs, switched off for every page.
PERMISSIONS_POLICY = ", ".join(f"{feature}=()" for feature in (
    "accelerometer", "browsing-topics", "camera", "display-capture", "geolocation", "gyroscope",
    "magnetometer", "microphone", "midi", "payment", "usb",
))

# One year. includeSubDomains and preload affect the whole domain, so the domain's owner decides those.
STRICT_TRANSPORT_SECURITY = "max-age=31536000"


def script_hash(body: str) -> str:
    """The CSP source that allows exactly this inline script text: ``'sha256-…'``."""
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script the browser would run, in page order."""
    found = []
    for match in SCRIPT.finditer(html):
        attrs = match.group("attrs")
        if SCRIPT_SRC.search(attrs):
            continue
        script_type = SCRIPT_TYPE.search(attrs)
        if script_type and script_type.group("type").lower() not in JAVASCRIPT_TYPES:
            continue
        found.append(match.group("body"))
    return found


def inline_script_hashes(html: str) -> list[str]:
    """Sorted, distinct hash sources for the inline scripts of a page."""
    return sorted({script_hash(body) for body in inline_scripts(html)})


@functools.cache
def shipped_script_hashes(root: Path) -> tuple[str, ...]:
    """Sorted hash sources of ``SHIPPED_SCRIPTS``, read from the templates of the project at ``root``.

    Raises ValueError when a listed script is not where the list says, or is not plain text.
    """
    return tuple(sorted({script_hash(shipped_script_text(script, Path(root))) for script in SHIPPED_SCRIPTS}))


def shipped_script_text(script: ShippedScript, root: Path) -> str:
    """The exact text a page carries for ``script``, from the template that writes it."""
    template = _template_text(script, root)
    for body in inline_scripts(template):
        if body.startswith(script.begins):
            if any(markup in body for markup in TEMPLATE_MARKUP):
                raise ValueError(f"the shipped script '{script.purpose}' ({script.template}) is filled in by the "
                                 "template, so its hash cannot be known before the page is built; write it as plain text")
            return body
    raise ValueError(f"the shipped script '{script.purpose}' is no longer in {script.template}; "
                     f"update SHIPPED_SCRIPTS in {THIS_FILE}")


def _template_text(script: ShippedScript, root: Path) -> str:
    for folder in (root / OUR_TEMPLATES, importlib.resources.files("material") / "templates"):
        path = folder / script.template
        if path.is_file():
            return path.read_text(encoding="utf-8")
    raise ValueError(f"the shipped script '{script.purpose}' is in {script.template}, which neither overrides/ "
                     f"nor Material has; update SHIPPED_SCRIPTS in {THIS_FILE}")


def refuse_unshipped_scripts(html: str, allowed: Iterable[str]) -> None:
    """Raise UnshippedScript for the first inline script of ``html`` whose hash is not ``allowed``."""
    allowed = set(allowed)
    for body in inline_scripts(html):
        if script_hash(body) not in allowed:
            raise UnshippedScript(body)


def content_security_policy(script_hashes: Iterable[str] = (), *, for_header: bool = False,
                            allow_any_inline_script: bool = False) -> str:
    """The policy text. ``allow_any_inline_script`` is only for ``mkdocs serve``, whose live
    reload adds an inline script after the page is built."""
    directives = dict(BASE_DIRECTIVES)
    if allow_any_inline_script:
        directives["script-src"] += " 'unsafe-inline'"
    else:
        directives["script-src"] = " ".join([directives["script-src"], *sorted(set(script_hashes))])
    if for_header:
        directives.update(HEADER_ONLY_DIRECTIVES)
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def add_content_security_policy(html: str, script_hashes: Iterable[str], *,
                                allow_any_inline_script: bool = False) -> str:
    """Put the page's policy in a ``<meta>`` tag first in ``<head>``, so it covers everything after it.

    Only a ``<meta charset>`` that opens the head stays before it: browsers look for the
    encoding in the first 1024 bytes, and a long policy must not push it out of them.

    ``script_hashes`` are the inline scripts the policy allows: ``shipped_script_hashes``.

    Raises ValueError when the page has no ``<head>`` or already has a policy: both mean a
    template changed in a way that would leave the page unprotected or doubly restricted.
    """
    head = HEAD_START.search(html)
    if head is None:
        raise ValueError("the page has no <head>, so it cannot carry a Content-Security-Policy")
    if CSP_META.search(html):
        raise ValueError("the page already has a Content-Security-Policy <meta> tag")
    policy = content_security_policy(script_hashes, allow_any_inline_script=allow_any_inline_script)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    charset = LEADING_CHARSET.match(html, head.end())
    at = charset.end() if charset else head.end()
    return html[:at] + meta + html[at:]


def headers_file(script_hashes: Iterable[str]) -> str:
    """A ``_headers`` file (Netlify and Cloudflare Pages) giving every path the same protection.

    ``script_hashes`` must hold the inline scripts of every page (``shipped_script_hashes``):
    a policy sent in a header applies on top of the page's own one, so it must allow them all.
    """
    headers = (
        ("Content-Security-Policy", content_security_policy(script_hashes, for_header=True)),
        ("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"),
        ("Permissions-Policy", PERMISSIONS_POLICY),
        ("X-Frame-Options", "DENY"),
    )
    lines = [
        "# Security headers for static hosts that read a _headers file (Netlify, Cloudflare Pages).",
        "# Generated by the site build: edit hooks/iopcsite/finish/security.py, not this file.",
        "/*",
        *(f"  {name}: {value}" for name, value in headers),
    ]
    return "\n".join(lines) + "\n"


def write_headers_file(site_dir: Path, script_hashes: Iterable[str]) -> Path:
    """Write ``_headers`` at the root of a built site, allowing ``script_hashes``: the inline
    scripts the pages' own policies allow, collected as the build wrote them.

    Run once the site is complete (after every language is in place): static files are copied
    before pages are rendered, so MkDocs' own file list cannot carry a file that depends on them.
    """
    target = Path(site_dir) / HEADERS_FILE
    target.write_text(headers_file(sorted(set(script_hashes))), encoding="utf-8")
    return target


def script_hashes_in_headers_file(path: Path) -> list[str]:
    """The inline script hashes a ``_headers`` file written by ``write_headers_file`` allows."""
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        name, _, policy = line.strip().partition(": ")
        if name == "Content-Security-Policy":
            return [source for directive in policy.split(";") if directive.split()[:1] == ["script-src"]
                    for source in directive.split()[1:] if source.startswith("'sha256-")]
    raise ValueError(f"{path} has no Content-Security-Policy line")
