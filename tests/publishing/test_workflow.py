"""The GitHub Actions workflow is valid, runs the README's commands, and publishes safely."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from ruamel.yaml import YAML
from support.project import PROJECT_ROOT

WORKFLOW = PROJECT_ROOT / ".github/workflows/site.yml"
README = PROJECT_ROOT / "README.md"
PINNED = re.compile(r"^[\w.-]+/[\w.-]+@[0-9a-f]{40}$")


def workflow() -> dict:
    return YAML(typ="safe").load(WORKFLOW.read_text(encoding="utf-8"))


def readme_pull_request_commands() -> list[str]:
    """The commands in the README's 'What runs on every pull request' code block."""
    text = README.read_text(encoding="utf-8")
    section = text.split("## What runs on every pull request", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", section, re.S).group(1)
    return [line.strip() for line in block.splitlines() if line.strip()]


def test_workflow_is_valid_against_the_github_workflow_schema():
    checker = Path(sys.executable).with_name("check-jsonschema")
    result = subprocess.run([str(checker), "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_run_steps_are_exactly_the_readme_commands():
    steps = workflow()["jobs"]["site"]["steps"]
    assert [step["run"] for step in steps if "run" in step] == readme_pull_request_commands()
    assert readme_pull_request_commands() == ["make check", "make build", "make test"]


def test_every_action_is_pinned_to_a_commit_with_its_version_named():
    lines = [line.strip() for line in WORKFLOW.read_text(encoding="utf-8").splitlines() if "uses:" in line]
    assert lines
    for line in lines:
        action, _, comment = line.split("uses:", 1)[1].strip().partition(" # ")
        assert PINNED.match(action), line
        assert re.match(r"^v\d+\.\d+\.\d+$", comment), line


def test_pull_requests_upload_a_preview_and_main_deploys_to_pages():
    data = workflow()
    triggers = data.get("on") or data.get(True)  # YAML 1.1 reads the key 'on' as true
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    steps = data["jobs"]["site"]["steps"]
    uses = {step["uses"].split("@")[0]: step for step in steps if "uses" in step}
    assert uses["actions/upload-artifact"]["if"] == "github.event_name == 'pull_request'"
    assert uses["actions/upload-artifact"]["with"]["path"] == "site/"
    assert uses["actions/upload-pages-artifact"]["with"]["path"] == "site/"
    assert "refs/heads/main" in uses["actions/upload-pages-artifact"]["if"]
    deploy = data["jobs"]["deploy"]
    assert deploy["needs"] == "site" and "refs/heads/main" in deploy["if"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")
    assert data["permissions"] == {"contents": "read"}


def test_readme_commands_are_make_targets():
    makefile = (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")
    for command in readme_pull_request_commands():
        target = command.removeprefix("make ")
        assert re.search(rf"^{target}:", makefile, re.M), command
