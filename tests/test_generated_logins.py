"""Each staff role the generated agency (`make-demo`) makes can sign in and open the desk: its users
are made through Frappe's user creation (Notification Settings and the rest), not rows written
around it.  Committed for the web server, removed afterwards."""

import frappe
import pytest

from employment_partners.demo_data import agency
from tests.cleanup import remove_users


@pytest.fixture
def generated_staff():
	made = agency.Agency(
		agency.Config(employers=60, participants=120, placements=150, seed=4, progress=False)
	)
	made.make_staff()  # the reps and the case managers, as make-demo makes them
	director = made.staff_email("Robin", "Director")  # the director's role, under a name of its own
	made.make_user(director, "Robin", "Director", ["Partnership Manager"])
	made.out.close()  # their password, as make-demo writes it
	frappe.db.commit()
	staff = {"Business Services Rep": made.bsrs[0], "Case Manager": made.case_managers[0]}
	staff["Partnership Manager"] = director
	yield staff
	frappe.db.rollback()
	remove_users([*made.bsrs, *made.case_managers, director])
	frappe.db.commit()


def test_each_generated_staff_role_signs_in_and_opens_the_desk(live_site, generated_staff):
	for role, email in generated_staff.items():
		assert frappe.db.exists("Notification Settings", email), role
		session = live_site.login(email, agency.PASSWORD)
		desk = session.get(f"{live_site.url}/app", timeout=60)
		assert desk.status_code == 200, f"{role} {email}: {desk.status_code}"
		assert "SessionBootFailed" not in desk.text and "frappe.boot" in desk.text, role
		me = session.get(f"{live_site.url}/api/method/frappe.auth.get_logged_user", timeout=30)
		assert me.json()["message"] == email, role
