"""Over REST, as a real employer login would try it: no participant data comes back."""

import frappe
import pytest

from employment_partners.tests.factories import make_participant, make_user

PASSWORD = "Employer-pass-9!"


@pytest.fixture
def employer_and_participant():
	from frappe.utils.password import update_password

	email = make_user("Employer Partner")
	frappe.db.set_value("User", email, "user_type", "Website User")
	update_password(email, PASSWORD)
	person = make_participant(first_name="Private", last_name="Person")
	frappe.db.commit()  # the web server is another process
	yield email, person.name
	frappe.delete_doc("Participant", person.name, force=True, ignore_permissions=True)
	frappe.delete_doc("User", email, force=True, ignore_permissions=True)
	frappe.db.commit()


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
	# placements: only those of the employer's partnerships (the portal), and this login has none
	r = employer.get(f"{live_site.url}/api/resource/Placement")
	assert (r.status_code, r.json()) == (200, {"data": []}), r.text[:200]
	r = employer.get(
		f"{live_site.url}/api/method/employment_partners.api.hiring.find_job_orders",
		params={"participant": participant},
	)
	assert r.status_code == 403, r.text[:200]
	assert "Private" not in r.text
