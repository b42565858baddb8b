"""Fixtures for the cross-cutting suites: a live web server on loopback."""

import os
import shutil
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
		# a portal session has a CSRF token from sign-in: its pages carry it, and a POST sends it
		home = r.json().get("home_page") or ""
		if home and not home.startswith("/app"):
			page = s.get(f"{self.url}{home if home.startswith('/') else '/' + home}", timeout=60)
			if token := csrf_token_in(page.text):
				s.headers["X-Frappe-CSRF-Token"] = token
		return s


def csrf_token_in(html: str) -> str | None:
	"""The token a Frappe page hands its scripts (`frappe.csrf_token = "..."`)."""
	import re

	found = re.search(r'frappe\.csrf_token\s*=\s*"([^"]+)"', html)
	return found.group(1) if found else None


# Debian's Chromium (scripts/test.sh installs it), never a browser download
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
	"--no-sandbox",
	"--disable-gpu",
	"--disable-quic",
	"--no-first-run",
	"--disable-background-networking",
	"--disable-component-update",
	"--disable-sync",
]


@pytest.fixture(scope="module")
def browser():
	"""One headless Chromium per test module (the browser suites open their own pages in it)."""
	from playwright.sync_api import sync_playwright

	with sync_playwright() as p:
		chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
		yield chromium
		chromium.close()


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
	deadline = time.monotonic() + 120
	while True:
		try:
			if site.session().get(f"{site.url}/api/method/ping", timeout=60).ok:
				break
		except requests.RequestException:  # not listening yet, or too busy to answer in time
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


REPORTS = (
	"Employer Pipeline",
	"Partnership Health",
	"Employer Placement Summary",
	"Outcomes Follow-up",
	"Participant Outcomes",
	"WIOA Employer Services Performance",
	"Incentive Spend",
)
SAMPLE_PERIOD = {"from_date": "2019-01-01", "to_date": "2019-12-31"}


@pytest.fixture(scope="module")
def report_sample():
	"""A small agency year (2019) every report has figures for, committed so the web server sees
	it, with a default letter head; removed when the module's tests are done (so that no other
	suite counts it)."""
	from employment_partners.tests.factories import (
		make_employer_lead,
		make_job_order,
		make_participant,
		make_placement,
	)

	made: list[tuple[str, str]] = []
	letter_head = frappe.get_doc(
		{
			"doctype": "Letter Head",
			"letter_head_name": "Sample Agency Letter Head",
			"source": "HTML",
			"content": "<div><b>Riverside Employment Agency</b></div>",
			"is_default": 1,
		}
	).insert(ignore_permissions=True)
	made.append(("Letter Head", letter_head.name))
	lead = make_employer_lead(organisation_name="Sample Report Foods")
	frappe.db.sql(
		"update `tabEmployer Lead Stage History` set changed_on = '2019-01-10 12:00:00' where parent = %s",
		lead.name,
	)
	made.append(("Employer Lead", lead.name))
	order = make_job_order(job_title="Sample Report Associate", openings=5, placement_type="Test and Hire")
	made += [("Job Order", order.name), ("Hiring Partnership", order.hiring_partnership)]
	people = []
	for first, start, extra in (
		("Sam", "2019-01-07", {}),
		("Ria", "2019-03-04", {}),
		(
			"Tao",
			"2019-06-03",
			{
				"incentive_amount": 1000,
				"training_plan": "Six weeks on site",
				"incentive_duration_weeks": 6,
				"skill_complexity": "Low",
				"incentive_payments": [{"milestone": "Hire", "amount": 500, "paid_on": "2019-07-01"}],
			},
		),
	):
		person = make_participant(first_name=first, last_name="Sample", enrolment_date="2018-06-04")
		placement = make_placement(order.name, person.name, start_date=start, **extra)
		people.append((person, placement))
	ria = people[1][1]
	ria.update({"status": "Ended", "end_date": "2019-04-15", "separation_reason": "Quit"})
	ria.save()
	exited = make_participant(
		first_name="Una",
		last_name="Sample",
		enrolment_date="2018-06-04",
		# co-enrolled: her 15D outcomes and her WIOA quarters (the sample WIOA check below)
		programs=["Employment Ontario (15D Outcomes)", "WIOA Title I"],
		exit_date="2019-02-15",
	)
	from employment_partners import jobs

	jobs.run_queued()  # commits: the exit's follow-ups are made by a worker
	close = frappe.get_doc(
		"Retention Follow-up", {"participant": exited.name, "schedule_row_id": "outcomes-15d-close"}
	)
	close.update(
		{
			"outcome": "Employed - Other Employer",
			"current_employer": "Sample Cafe",
			"hourly_wage": 19,
			"hours_per_week": 32,
			"completed_on": "2019-02-20",
		}
	)
	close.save()
	frappe.get_doc(
		{
			"doctype": "Retention Follow-up",
			"participant": exited.name,
			"label": "Sample WIOA check",
			"due_date": "2019-08-01",
			"outcome": "Employed - Other Employer",
			"employer_partnership": order.hiring_partnership,
			"hourly_wage": 20,
			"hours_per_week": 40,
			"completed_on": "2019-08-01",
		}
	).insert()
	feedback = frappe.get_doc(
		{
			"doctype": "Employer Feedback",
			"hiring_partnership": order.hiring_partnership,
			"satisfaction": 4,
			"received_on": "2019-05-01",
		}
	).insert()
	allocation = frappe.get_doc(
		{
			"doctype": "Incentive Allocation",
			"fiscal_year": "Sample FY 2019",
			"year_start": "2019-01-01",
			"year_end": "2019-12-31",
			"employer_incentive_allocation": 5000,
			"participant_bonus_allocation": 1000,
		}
	).insert()
	frappe.db.commit()
	participants = [person.name for person, _placement in people] + [exited.name]
	yield {"participants": participants, "partnership": order.hiring_partnership}
	follow_ups = frappe.get_all(
		"Retention Follow-up", filters={"participant": ("in", participants)}, pluck="name"
	)
	frappe.db.delete("ToDo", {"reference_type": "Retention Follow-up", "reference_name": ("in", follow_ups)})
	frappe.db.delete("Retention Follow-up", {"name": ("in", follow_ups)})
	for _person, placement in people:
		frappe.delete_doc("Placement", placement.name, force=True, ignore_permissions=True)
	for name in participants:
		frappe.delete_doc("Participant", name, force=True, ignore_permissions=True)
	for doctype, name in [
		("Employer Feedback", feedback.name),
		("Incentive Allocation", allocation.name),
		*made,
	]:
		frappe.delete_doc(doctype, name, force=True, ignore_permissions=True)
	frappe.db.commit()
