"""The GitHub Action (``action.yml``) and its example workflow: read with PyYAML, and the
action's shell steps run with bash as a runner runs them (inputs through env, defaults
filled in, ``$RUNNER_TEMP`` and ``$GITHUB_PATH`` set), on fixtures of our own.

The install step really installs this checkout into a fresh venv (once for the module,
~10 s); every later run uses that venv, so a broken step fails here, not in a user's CI.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import FIXTURES, REPO

ACTION = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
EXAMPLE_PATH = REPO / "docs" / "examples" / "resume-ci.yml"
EXAMPLE = yaml.safe_load(EXAMPLE_PATH.read_text(encoding="utf-8"))
INPUTS: dict[str, Any] = ACTION["inputs"]
STEPS: list[dict[str, Any]] = ACTION["runs"]["steps"]
#: Variables a runner sets for every step (the scripts may use them without env:).
RUNNER_VARIABLES = {
    "RUNNER_TEMP",
    "GITHUB_PATH",
    "GITHUB_ENV",
    "GITHUB_OUTPUT",
    "GITHUB_WORKSPACE",
    "GITHUB_ACTION_PATH",
}
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def _expressions(value: Any) -> list[str]:
    if isinstance(value, str):
        return EXPRESSION.findall(value)
    if isinstance(value, dict):
        return [e for v in value.values() for e in _expressions(v)]
    if isinstance(value, list):
        return [e for v in value for e in _expressions(v)]
    return []


def test_the_action_is_composite_and_its_steps_use_only_its_inputs() -> None:
    assert ACTION["runs"]["using"] == "composite"
    assert set(INPUTS) == {
        "files",
        "schema-version",
        "convert-targets",
        "outputs-dir",
        "fail-on-stale",
    }
    assert INPUTS["files"]["required"] is True
    used: set[str] = set()
    for step in STEPS:
        assert step["shell"] == "bash" and step["name"]
        assert "${{" not in step["run"], f"{step['name']}: an expression inside run: is code"
        for expression in _expressions(step.get("env", {})):
            assert re.fullmatch(r"inputs\.[a-z-]+|github\.action_path", expression), expression
            if expression.startswith("inputs."):
                name = expression.removeprefix("inputs.")
                assert name in INPUTS, f"{step['name']} uses an input that does not exist: {name}"
                used.add(name)
        assigned = set(re.findall(r"(?m)^\s*([A-Za-z_]\w*)=", step["run"]))
        assigned |= set(re.findall(r"\b([A-Za-z_]\w*)=\(", step["run"]))
        for variable in re.findall(r"\$\{?([A-Za-z_]\w*)", step["run"]):
            known = set(step.get("env", {})) | RUNNER_VARIABLES | assigned
            assert variable in known, f"{step['name']}: ${variable} is never set"
    assert used == set(INPUTS), f"inputs no step uses: {set(INPUTS) - used}"


def _action_step(workflow: dict[str, Any]) -> dict[str, Any]:
    steps = [s for job in workflow["jobs"].values() for s in job["steps"]]
    ours = [s for s in steps if "resumeconv" in s.get("uses", "")]
    assert len(ours) == 1
    return ours[0]


def test_the_example_workflow_gives_the_action_inputs_it_has() -> None:
    assert EXAMPLE.get("on", EXAMPLE.get(True))  # PyYAML reads the key `on` as True
    step = _action_step(EXAMPLE)
    given = step["with"]
    assert set(given) <= set(INPUTS)
    assert {n for n, spec in INPUTS.items() if spec.get("required")} <= set(given)
    assert not (REPO / ".github" / "workflows").exists() or not any(
        p.read_text(encoding="utf-8") == EXAMPLE_PATH.read_text(encoding="utf-8")
        for p in (REPO / ".github" / "workflows").iterdir()
    ), "the example must not run on this repository's own CI"


@dataclass
class Ran:
    name: str
    status: int
    output: str


def _run_steps(
    steps: list[dict[str, Any]],
    inputs: dict[str, str],
    cwd: Path,
    runner: Path,
    action: Path = REPO,
) -> list[Ran]:
    """Run ``steps`` as a runner does: each script with ``bash --noprofile --norc -eo
    pipefail``, its env with the expressions filled in; stop at the first failure."""
    values = {n: str(spec.get("default", "")) for n, spec in INPUTS.items()}
    values.update(inputs)
    ran: list[Ran] = []
    for i, step in enumerate(steps):
        env = {k: v for k, v in os.environ.items() if k != "VIRTUAL_ENV"}
        env.update(
            RUNNER_TEMP=str(runner),
            GITHUB_PATH=str(runner / "github_path"),
            GITHUB_WORKSPACE=str(cwd),
            GITHUB_ACTION_PATH=str(action),
            CI="true",
        )
        for key, value in step.get("env", {}).items():
            env[key] = EXPRESSION.sub(
                lambda m: (
                    str(action)
                    if m.group(1) == "github.action_path"
                    else values[m.group(1).removeprefix("inputs.")]
                ),
                str(value),
            )
        script = runner / f"step-{i}.sh"
        script.write_text(step["run"], encoding="utf-8")
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        ran.append(Ran(step["name"], done.returncode, done.stdout + done.stderr))
        if done.returncode != 0:
            break
    return ran


@pytest.fixture(scope="module")
def runner(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A runner's temp folder after the install step: a venv with this checkout, installed
    from a copy of its sources as ``uses:`` checks them out (and so that the build leaves
    nothing in the working tree)."""
    folder = tmp_path_factory.mktemp("runner")
    action = folder / "action"
    junk = (
        ".venv",
        ".git",
        "build",
        "dist",
        "*.egg-info",
        "__pycache__",
        ".*_cache",
        ".hypothesis",
        ".work",
    )
    shutil.copytree(REPO, action, ignore=shutil.ignore_patterns(*junk))
    install = [s for s in STEPS if s["name"] == "Install resumeconv"]
    [ran] = _run_steps(install, {"files": "unused"}, folder, folder, action)
    assert ran.status == 0, ran.output
    assert "resumeconv 0.1.0" in ran.output
    assert (folder / "github_path").read_text().strip() == str(folder / "resumeconv-venv" / "bin")
    return folder


def _after_install(inputs: dict[str, str], cwd: Path, runner: Path) -> list[Ran]:
    return _run_steps([s for s in STEPS if s["name"] != "Install resumeconv"], inputs, cwd, runner)


def test_the_installed_command_is_this_checkout(runner: Path) -> None:
    done = subprocess.run(
        [str(runner / "resumeconv-venv" / "bin" / "resumeconv"), "serve", "--help"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0 and "--port" in done.stdout


def test_the_example_fails_on_missing_outputs_then_passes(runner: Path, tmp_path: Path) -> None:
    repo = tmp_path / "cv-repo"
    shutil.copytree(FIXTURES / "site", repo)
    given = {k: str(v) for k, v in _action_step(EXAMPLE)["with"].items()}

    ran = _after_install(given, repo, runner)
    assert [r.status for r in ran] == [0, 1], ran
    assert "::error" not in ran[0].output
    assert "::warning file=" in ran[0].output  # the fixture's broken collection document
    assert "files/cv.html: missing" in ran[1].output

    ran = _after_install({**given, "fail-on-stale": "false"}, repo, runner)  # writes them
    assert [r.status for r in ran] == [0, 0], ran
    assert (repo / "files" / "cv.html").is_file() and (repo / "files" / "cv.json").is_file()

    ran = _after_install(given, repo, runner)
    assert [r.status for r in ran] == [0, 0], ran

    page = repo / "_pages" / "cv.md"
    page.write_text(page.read_text("utf-8").replace("Ph.D in Computing", "PhD in Computing"))
    ran = _after_install(given, repo, runner)
    assert [r.status for r in ran] == [0, 1], ran
    assert "files/cv.html: out of date" in ran[1].output


def test_an_invalid_resume_is_annotated_and_fails(runner: Path, tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "batch" / "bad" / "invalid.json", tmp_path / "resume.json")
    ran = _after_install({"files": "resume.json", "convert-targets": "html"}, tmp_path, runner)
    assert [r.status for r in ran] == [1], ran  # the convert step does not run
    assert "::error file=resume.json,line=2," in ran[0].output


def test_files_are_a_list_of_paths_and_globs(runner: Path, tmp_path: Path) -> None:
    (tmp_path / "more").mkdir()
    shutil.copy(FIXTURES / "batch" / "good" / "ada.json", tmp_path / "ada.json")
    shutil.copy(FIXTURES / "batch" / "good" / "bo.json", tmp_path / "more" / "bo.json")
    inputs = {
        "files": "ada.json\nmore/*.json",
        "convert-targets": "json",
        "fail-on-stale": "false",
        "outputs-dir": "out dir/",
    }
    ran = _after_install(inputs, tmp_path, runner)
    assert [r.status for r in ran] == [0, 0], ran
    assert sorted(p.name for p in (tmp_path / "out dir").iterdir()) == ["ada.json", "bo.json"]


def test_schema_version_and_fail_on_stale_are_checked(runner: Path, tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "batch" / "good" / "ada.json", tmp_path / "ada.json")
    ran = _after_install({"files": "ada.json", "schema-version": "0.9"}, tmp_path, runner)
    assert [r.status for r in ran] == [2], ran
    inputs = {"files": "ada.json", "convert-targets": "json", "fail-on-stale": "yes"}
    ran = _after_install(inputs, tmp_path, runner)
    assert [r.status for r in ran] == [0, 2], ran
    assert "::error::fail-on-stale must be true or false" in ran[1].output
