"""The set-up script (scripts/lib.sh) picks a Python Frappe 15 runs on and refuses an old Node.js
with a clear message.  Each check sources the script in a shell with stand-in programs on PATH."""

import os
import subprocess
import textwrap
from pathlib import Path

import pytest

LIB = Path(__file__).resolve().parent.parent / "scripts" / "lib.sh"


def fake_python(folder: Path, name: str, version: str) -> Path:
	"""A program that answers lib.sh's two questions as Python `version` would."""
	major, minor = (int(part) for part in version.split("."))
	supported = (3, 10) <= (major, minor) <= (3, 12)
	path = folder / name
	path.write_text(
		textwrap.dedent(
			f"""\
			#!/bin/sh
			case "$2" in
				*sys.exit*) exit {0 if supported else 1} ;;
				*print*) echo {version} ;;
			esac
			"""
		)
	)
	path.chmod(0o755)
	return path


def run(script: str, path_prefix: Path | None = None, **env) -> subprocess.CompletedProcess:
	environment = {**os.environ, **env}
	if path_prefix:
		environment["PATH"] = f"{path_prefix}:{environment['PATH']}"
	return subprocess.run(
		["bash", "-c", f"source '{LIB}'; {script}"],
		capture_output=True,
		text=True,
		env=environment,
		timeout=30,
	)


def test_ep_python_names_the_interpreter(tmp_path):
	python = fake_python(tmp_path, "python3.12", "3.12")
	result = run('choose_python; echo "chose $EP_PYTHON"', EP_PYTHON=str(python))
	assert result.returncode == 0, result.stderr
	assert result.stdout.strip() == f"chose {python}"


def test_a_python_frappe_15_does_not_run_on_is_refused_clearly(tmp_path):
	python = fake_python(tmp_path, "python3.13", "3.13")
	result = run("choose_python", EP_PYTHON=str(python))
	assert result.returncode == 1
	assert "is Python 3.13; Frappe 15 needs Python 3.10, 3.11 or 3.12" in result.stderr


def test_a_missing_ep_python_is_refused_clearly():
	result = run("choose_python", EP_PYTHON="/nowhere/python3.11")
	assert result.returncode == 1
	assert "EP_PYTHON='/nowhere/python3.11' is not a program on this machine" in result.stderr


def test_without_ep_python_the_newest_supported_system_python_is_chosen():
	system = [
		f"{folder}/{name}"
		for name in ("python3.12", "python3.11", "python3.10")
		for folder in ("/usr/local/bin", "/usr/bin", "/bin")
		if os.access(f"{folder}/{name}", os.X_OK)
	]
	if not system:
		pytest.skip("no Python 3.10-3.12 in /usr/local/bin, /usr/bin or /bin on this machine")
	result = run('choose_python; echo "$EP_PYTHON"', EP_PYTHON="")
	assert result.returncode == 0, result.stderr
	assert result.stdout.strip() == system[0]


@pytest.mark.parametrize(
	("version", "ok"), [("12.22.9", False), ("16.20.2", False), ("18.19.0", True), ("20.20.2", True)]
)
def test_node_older_than_18_is_refused_clearly(tmp_path, version, ok):
	node = tmp_path / "node"
	node.write_text(f"#!/bin/sh\necho {version.split('.')[0]}\n")
	node.chmod(0o755)
	result = run("check_node && echo fine", tmp_path)
	if ok:
		assert (result.returncode, result.stdout.strip()) == (0, "fine"), result.stderr
	else:
		assert result.returncode == 1
		assert (
			f"Node.js {version.split('.')[0]} is too old: Frappe 15 needs Node.js 18 or newer"
			in result.stderr
		)
