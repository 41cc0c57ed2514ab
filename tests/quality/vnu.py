"""The Nu HTML Checker (npm vnu-jar), run once over a whole folder of pages."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlparse

from support.project import PROJECT_ROOT

from .findings import Finding

VNU_JAR = PROJECT_ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


class GateToolMissing(RuntimeError):
    """A gate's tool is not installed: say how to get it."""


def vnu_command() -> list[str]:
    """How to start the checker; a missing Java or jar is an error that says what to run."""
    java = shutil.which("java")
    if java is None or not VNU_JAR.exists():
        raise GateToolMissing("The Nu HTML Checker needs Java and node_modules/vnu-jar: run 'make test', which installs both.")
    return [java, "-Xss4m", "-jar", str(VNU_JAR)]


def check_html_folder(folder: Path) -> dict[str, list[Finding]]:
    """Every error in every HTML file under ``folder``, by path relative to it (``faqs/index.html``)."""
    folder = Path(folder).resolve()
    command = vnu_command() + ["--format", "json", "--stdout", "--skip-non-html", str(folder)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    if not result.stdout.strip():
        raise RuntimeError(f"The Nu HTML Checker gave no report (exit {result.returncode}): {result.stderr[-2000:]}")
    by_file: dict[str, list[Finding]] = {}
    for message in json.loads(result.stdout)["messages"]:
        if message["type"] == "info":
            continue  # warnings; the gate is zero errors
        name = _relative_name(message.get("url", ""), folder)
        by_file.setdefault(name, []).append(_finding(name, message))
    return by_file


def _relative_name(url: str, folder: Path) -> str:
    path = Path(unquote(urlparse(url).path))
    try:
        return path.relative_to(folder).as_posix()
    except ValueError:
        return url


def _finding(name: str, message: dict) -> Finding:
    where = f"line {message.get('lastLine', '?')}, column {message.get('firstColumn', message.get('lastColumn', '?'))}"
    extract = " ".join(message.get("extract", "").split())
    return Finding(name, f"html {message['type']}", f"{where}: {extract[:160]}", message["message"])
