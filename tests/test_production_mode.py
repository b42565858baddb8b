"""A production site (developer_mode off, then `bench migrate`) gives a guest's refused or failed
request a message and never a Python traceback (install.hide_tracebacks_in_production)."""

import json
import random

import frappe
import pytest
from frappe.installer import update_site_config

from employment_partners import install

WEB_FORM_ACCEPT = "/api/method/frappe.website.doctype.web_form.web_form.accept"


def guest_requests(live_site) -> list[tuple[str, object]]:
	"""What a stranger on the internet would try; each answer is (what was tried, response)."""
	s = live_site.session()
	s.headers["X-Forwarded-For"] = f"10.{random.randint(0, 255)}.{random.randint(0, 255)}.7"
	url = live_site.url
	return [
		("list participants", s.get(f"{url}/api/resource/Participant")),
		("read a participant", s.get(f"{url}/api/resource/Participant/PT-2026-00001")),
		("write a placement", s.put(f"{url}/api/resource/Placement/PL-2026-00001", json={"status": "Ended"})),
		(
			"a staff method",
			s.get(
				f"{url}/api/method/employment_partners.api.hiring.find_job_orders",
				params={"participant": "x"},
			),
		),
		(
			"a forged pulse answer",
			s.post(
				f"{url}/api/method/employment_partners.api.portal.answer_pulse",
				data={"token": "forged", "answer": "All Good"},
			),
		),
		(
			"a web form",
			s.post(f"{url}{WEB_FORM_ACCEPT}", data={"web_form": "report-a-concern", "data": json.dumps({})}),
		),
		("a method that does not exist", s.get(f"{url}/api/method/employment_partners.api.nope")),
		("a bad login", s.post(f"{url}/api/method/login", data={"usr": "nobody@example.com", "pwd": "x"})),
		("a pulse page with a forged token", s.get(f"{url}/partner/pulse", params={"token": "forged"})),
		("a malformed filter", s.get(f"{url}/api/resource/Job Order", params={"filters": "[[[["})),
	]


def tracebacks(answers) -> list[str]:
	shown = []
	for what, r in answers:
		body = r.text
		if "Traceback (most recent call last)" in body or 'File \\"' in body or "frappe/app.py" in body:
			shown.append(f"{what}: {r.status_code} {body[:200]}")
	return shown


@pytest.fixture
def production_mode():
	"""developer_mode off for the test site (its own site_config beats the bench's), as an operator
	would set it, then the migrate step; put back afterwards."""
	before = frappe.db.get_single_value("System Settings", "allow_error_traceback")
	update_site_config("developer_mode", 0)
	frappe.local.conf.developer_mode = 0
	yield
	update_site_config("developer_mode", "None")  # removes the key: the bench's setting applies again
	frappe.local.conf = frappe._dict(frappe.get_site_config())
	frappe.db.set_single_value("System Settings", "allow_error_traceback", before)
	frappe.db.commit()
	frappe.clear_cache()


def test_a_guest_gets_no_traceback_on_a_production_site(live_site, production_mode):
	# developer mode with Frappe's default settings shows tracebacks: the check below can fail
	frappe.db.set_single_value("System Settings", "allow_error_traceback", 1)
	frappe.db.commit()
	frappe.clear_cache()
	assert tracebacks(guest_requests(live_site)), "Frappe's default shows tracebacks; nothing to prove"

	install.after_migrate()  # what `bench migrate` runs on the production site
	frappe.db.commit()
	assert not frappe.db.get_single_value("System Settings", "allow_error_traceback")
	answers = guest_requests(live_site)
	assert tracebacks(answers) == []
	# refused, each with a status a client can act on, and no server error
	statuses = {what: r.status_code for what, r in answers}
	# Frappe itself answers a filter that is not JSON with a 500 before any app code runs; the
	# answer carries no traceback (above) and the app's own endpoints never do (tests/test_fuzz.py)
	# (now refused before Frappe reads it: the REST API is closed to guests, security/methods.py)
	assert statuses.pop("a malformed filter") in (403, 417, 500)
	assert all(code in (200, 401, 403, 404, 417, 429) for code in statuses.values()), statuses
	assert statuses["list participants"] == 403
	assert statuses["read a participant"] in (403, 404)  # 404: no such participant
	assert statuses["a bad login"] == 401


def test_developer_mode_keeps_the_settings_as_they_are():
	"""On a development bench (developer_mode on) the migrate step leaves System Settings alone."""
	frappe.local.conf.developer_mode = 1
	frappe.db.set_single_value("System Settings", "allow_error_traceback", 1)
	install.hide_tracebacks_in_production()
	assert frappe.db.get_single_value("System Settings", "allow_error_traceback") == 1
	frappe.db.rollback()
