"""What an author runs: 'make serve' previews drafts, the dev container and pre-commit hook are wired up."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import time
import urllib.request

from ruamel.yaml import YAML
from support.project import PROJECT_ROOT, SECRETS, project_with_held_back_content


def read_jsonc(path) -> dict:
    """JSON with // comments, as VS Code writes it."""
    text = re.sub(r"^\s*//.*$", "", path.read_text(encoding="utf-8"), flags=re.M)
    return json.loads(text)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str, deadline: float) -> str:
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def test_make_serve_shows_drafts_with_a_banner_on_the_chosen_address(tmp_path):
    root = project_with_held_back_content(tmp_path / "project")
    port = free_port()
    server = subprocess.Popen(["make", "--no-print-directory", "-C", str(root), "serve",
                               f"SERVE_ADDRESS=127.0.0.1:{port}"],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True,
                              env={**os.environ, "IOPC_NOW": "2026-11-22T12:00"})
    try:
        deadline = time.monotonic() + 90
        draft = fetch(f"http://127.0.0.1:{port}/plans/", deadline)
        topic = fetch(f"http://127.0.0.1:{port}/faqs/reviews/", deadline)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    assert SECRETS["draft page"] in draft and "<strong>Draft</strong>" in draft
    assert SECRETS["draft FAQ"] in topic and SECRETS["embargoed FAQ"] in topic
    assert "Embargoed until 1 December 2026 at 09:00 (London time)" in topic


def test_dev_container_sets_up_and_forwards_the_preview():
    config = read_jsonc(PROJECT_ROOT / ".devcontainer/devcontainer.json")
    assert "3.11" in config["image"]
    assert config["postCreateCommand"] == "make setup"
    assert 8000 in config["forwardPorts"]
    assert config["containerEnv"]["SERVE_ADDRESS"] == "0.0.0.0:8000"
    assert "redhat.vscode-yaml" in config["customizations"]["vscode"]["extensions"]
    makefile = (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")
    assert "--dev-addr $(SERVE_ADDRESS)" in makefile and "IOPC_PREVIEW=1" in makefile


def test_pre_commit_runs_make_check():
    config = YAML(typ="safe").load((PROJECT_ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = [hook for repo in config["repos"] for hook in repo["hooks"]]
    assert [(hook["entry"], hook["language"], hook["pass_filenames"]) for hook in hooks] == [("make check", "system", False)]
