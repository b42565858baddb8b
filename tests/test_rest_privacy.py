"""Over REST, as a real employer login would try it: no participant data comes back."""

import json

import frappe
import pytest

from employment_partners.tests.factories import make_participant, make_user

PASSWORD = "Employer-pass-9!"


def login_and_participant(role: str, user_type: str | None = None, **person):
	"""A login with PASSWORD and a participant, committed for the web server (another process);
	removed afterwards."""
	from frappe.utils.password import update_password

	email = make_user(role)
	if user_type:
		frappe.db.set_value("User", email, "user_type", user_type)
	update_password(email, PASSWORD)
	made = make_participant(**person)
	frappe.db.commit()
	yield email, made.name
	frappe.delete_doc("Participant", made.name, force=True, ignore_permissions=True)
	frappe.delete_doc("User", email, force=True, ignore_permissions=True)
	frappe.db.commit()


@pytest.fixture
def employer_and_participant():
	yield from login_and_participant(
		"Employer Partner", "Website User", first_name="Private", last_name="Person"
	)


def test_employer_login_gets_no_participant_over_rest(live_site, employer_and_participant):
	email, participant = employer_and_participant
	employer = live_site.login(email, PASSWORD)
	for url in (
		f"{live_site.url}/api/resource/Participant",
		f"{live_site.url}/api/resource/Participant/{participant}",
		f"{live_site.url}/api/resource/Referral",
	):
		r = employer.get(url)
		assert r.status_code == 403, (url, r.status_code, r.text[:200])
		assert "Private" not in r.text
	# placements too: the REST API is closed to portal sessions (they read through the portal)
	r = employer.get(f"{live_site.url}/api/resource/Placement")
	assert r.status_code == 403, r.text[:200]
	r = employer.get(
		f"{live_site.url}/api/method/employment_partners.api.hiring.find_job_orders",
		params={"participant": participant},
	)
	assert r.status_code == 403, r.text[:200]
	assert "Private" not in r.text


@pytest.fixture
def rep_and_participant():
	yield from login_and_participant(
		"Business Services Rep",
		first_name="Sensitive",
		last_name="Person",
		date_of_birth="1988-02-03",
		barrier_health=1,
		barrier_legal=1,
		has_disability=1,
		source_of_income="Social assistance",
		phone="555-0100",
		email="sensitive.person@participant.invalid",
	)


def test_a_rep_gets_no_sensitive_participant_fields_over_rest(live_site, rep_and_participant):
	"""The issue's own request: a Business Services Rep asking for them by name gets none back."""
	email, participant = rep_and_participant
	rep = live_site.login(email, PASSWORD)
	sensitive = [
		"date_of_birth",
		"has_disability",
		"barrier_health",
		"barrier_legal",
		"source_of_income",
		"phone",
		"email",
	]
	listed = rep.get(
		f"{live_site.url}/api/resource/Participant",
		params={
			"fields": json.dumps(["name", "first_name", *sensitive]),
			"filters": json.dumps([["name", "=", participant]]),
		},
	)
	assert listed.status_code == 200, listed.text[:200]
	assert listed.json()["data"] == [{"name": participant, "first_name": "Sensitive"}]
	single = rep.get(f"{live_site.url}/api/resource/Participant/{participant}").json()["data"]
	assert not any(single.get(field) for field in sensitive), single
	assert "555-0100" not in json.dumps(single) and "1988" not in json.dumps(single)
	printed = rep.get(f"{live_site.url}/printview", params={"doctype": "Participant", "name": participant})
	assert printed.status_code == 200 and "Sensitive" in printed.text
	assert (
		"555-0100" not in printed.text
		and "02-03-1988" not in printed.text
		and "1988-02-03" not in printed.text
	)
