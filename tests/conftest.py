"""Fixtures for the cross-cutting suites: a live web server on loopback."""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import frappe
import pytest
import requests


def _free_port() -> int:
	with socket.socket() as s:
		s.bind(("127.0.0.1", 0))
		return s.getsockname()[1]


class LiveSite:
	"""A gunicorn serving the test site on a free loopback port."""

	def __init__(self, site: str, port: int):
		self.site = site
		self.port = port
		self.url = f"http://127.0.0.1:{port}"
		# Chromium resolves *.localhost to loopback, so a browser can reach the site by name
		self.browser_url = f"http://{site}:{port}" if site.endswith(".localhost") else self.url

	def session(self) -> requests.Session:
		s = requests.Session()
		s.headers["X-Frappe-Site-Name"] = self.site
		s.base_url = self.url
		return s

	def login(self, user: str, password: str) -> requests.Session:
		s = self.session()
		r = s.post(f"{self.url}/api/method/login", data={"usr": user, "pwd": password}, timeout=30)
		assert r.status_code == 200, f"login as {user} failed: {r.status_code} {r.text[:200]}"
		return s


@pytest.fixture(scope="session")
def live_site():
	sites = Path(frappe.local.sites_path).resolve()
	port = _free_port()
	log = open(sites.parent / "logs" / "test-gunicorn.log", "w")
	proc = subprocess.Popen(
		[
			str(Path(sys.executable).parent / "gunicorn"),
			"--bind",
			f"127.0.0.1:{port}",
			"--workers",
			"2",
			"--timeout",
			"120",
			"frappe.app:application_with_statics()",
		],
		cwd=sites,
		stdout=log,
		stderr=subprocess.STDOUT,
		env={**os.environ, "FRAPPE_TUNE_GC": "0"},
	)
	site = LiveSite(frappe.local.site, port)
	deadline = time.monotonic() + 60
	while True:
		try:
			if site.session().get(f"{site.url}/api/method/ping", timeout=5).ok:
				break
		except requests.ConnectionError:
			pass
		if proc.poll() is not None or time.monotonic() > deadline:
			proc.kill()
			raise RuntimeError(f"gunicorn did not start; see {log.name}")
		time.sleep(0.3)
	yield site
	proc.terminate()
	try:
		proc.wait(timeout=20)
	except subprocess.TimeoutExpired:
		proc.kill()
	log.close()


@pytest.fixture(scope="session")
def admin_password() -> str:
	return frappe.conf.admin_password or os.environ.get("EP_ADMIN_PASSWORD", "admin")
