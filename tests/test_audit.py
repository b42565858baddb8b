"""Audit: every change to a placement, a follow-up or a retention issue is in Version history;
deletions are in Deleted Documents and a placement with follow-up history cannot be deleted; and
every look at a participant's record by someone who sees its sensitive fields is in the Access
Log (desk form, REST and print), so an agency can answer "who looked at this person's record"."""

import json

import frappe
import pytest

from employment_partners.tests.factories import (
	make_participant,
	make_retention_issue,
	make_retention_placement,
	make_user,
)

PASSWORD = "Audit-pass-9!"


def versions(doctype: str, name: str) -> list[dict]:
	rows = frappe.get_all(
		"Version",
		filters={"ref_doctype": doctype, "docname": name},
		fields=["data", "owner"],
		order_by="creation",
	)
	return [{"owner": r.owner, **json.loads(r.data)} for r in rows]


def changed_fields(version: dict) -> set[str]:
	return {field for field, _old, _new in version.get("changed", [])}


@pytest.fixture
def undone():
	"""The in-process tests' writes are rolled back, whatever happens (they share the module with
	a fixture that commits)."""
	yield
	frappe.db.rollback()
	frappe.set_user("Administrator")


def test_every_change_to_placements_follow_ups_and_issues_is_in_version_history(undone):
	case_manager = make_user("Case Manager")
	placement = make_retention_placement(case_manager=case_manager)
	follow_up = frappe.get_doc("Retention Follow-up", {"placement": placement.name, "status": "Open"})
	issue = make_retention_issue(placement.name)
	frappe.set_user(case_manager)
	try:
		placement.reload()
		placement.hourly_wage = 21.5
		placement.save(ignore_version=False)  # Frappe skips versions under tests unless asked
		follow_up.reload()
		follow_up.append("attempts", {"attempted_on": "2026-03-03 10:00:00", "method": "Phone", "reached": 1})
		follow_up.update({"outcome": "Employed - Same Employer", "hourly_wage": 20, "hours_per_week": 40})
		follow_up.save(ignore_version=False)  # Frappe skips versions under tests unless asked
		issue.reload()
		issue.severity = "High"
		issue.save(ignore_version=False)  # Frappe skips versions under tests unless asked
	finally:
		frappe.set_user("Administrator")

	wage = [
		(v["owner"], old, new)  # as the desk shows them
		for v in versions("Placement", placement.name)
		for field, old, new in v.get("changed", [])
		if field == "hourly_wage"
	]
	assert wage == [(case_manager, frappe.format(20, "Currency"), frappe.format(21.5, "Currency"))]
	follow_up_versions = versions("Retention Follow-up", follow_up.name)
	assert any("outcome" in changed_fields(v) for v in follow_up_versions)
	assert any(row[0] == "attempts" for v in follow_up_versions for row in v.get("added", []))
	issue_versions = versions("Retention Issue Report", issue.name)
	assert any(["severity", "Medium", "High"] in v["changed"] for v in issue_versions)


def test_deleting_keeps_a_copy_and_refuses_a_placement_with_history(undone):
	placement = make_retention_placement()
	issue = make_retention_issue(placement.name)
	copies = {"deleted_doctype": "Retention Issue Report", "deleted_name": issue.name}
	before = frappe.db.count("Deleted Document", copies)  # names of rolled-back tests come back
	frappe.delete_doc("Retention Issue Report", issue.name)
	assert frappe.db.count("Deleted Document", copies) == before + 1
	copy = frappe.get_last_doc("Deleted Document", filters=copies)
	assert json.loads(copy.data)["description"] == issue.description
	follow_up = frappe.get_doc("Retention Follow-up", {"placement": placement.name, "status": "Open"})
	follow_up.append("attempts", {"attempted_on": "2026-03-03 10:00:00", "method": "Phone", "reached": 0})
	follow_up.save()  # still open, but worked: an attempt is history
	with pytest.raises(frappe.LinkExistsError, match="holds the participant's history"):
		frappe.delete_doc("Placement", placement.name)
	assert frappe.db.exists("Placement", placement.name)
	assert frappe.db.exists("Retention Follow-up", follow_up.name)


@pytest.fixture(scope="module")
def people():
	"""A case manager, a rep and a participant of the case manager's, committed for the server."""
	from frappe.utils.password import update_password

	case_manager, rep = make_user("Case Manager"), make_user("Business Services Rep")
	for user in (case_manager, rep):
		update_password(user, PASSWORD)
	person = make_participant(first_name="Audited", case_manager=case_manager, date_of_birth="1990-04-01")
	frappe.db.delete("Access Log", {"reference_document": person.name})  # names come back after rollbacks
	frappe.db.commit()
	yield frappe._dict(case_manager=case_manager, rep=rep, participant=person.name)
	frappe.db.delete("Access Log", {"reference_document": person.name})
	frappe.delete_doc("Participant", person.name, force=True, ignore_permissions=True)
	for user in (case_manager, rep):
		frappe.delete_doc("User", user, force=True, ignore_permissions=True)
	frappe.db.commit()


def access_log(participant: str) -> list[tuple[str, str]]:
	frappe.db.rollback()  # see what the server committed
	return [
		(row.user, row.method)
		for row in frappe.get_all(
			"Access Log",
			filters={"export_from": "Participant", "reference_document": participant},
			fields=["user", "method"],
			order_by="creation",
		)
	]


def test_who_looked_at_a_participant_is_in_the_access_log(live_site, people):
	url, name = live_site.url, people.participant
	case_manager = live_site.login(people.case_manager, PASSWORD)
	assert access_log(name) == []
	r = case_manager.get(f"{url}/api/resource/Participant/{name}")
	assert r.status_code == 200 and r.json()["data"]["date_of_birth"] == "1990-04-01"
	r = case_manager.get(
		f"{url}/api/method/frappe.desk.form.load.getdoc", params={"doctype": "Participant", "name": name}
	)
	assert r.status_code == 200
	r = case_manager.get(f"{url}/printview", params={"doctype": "Participant", "name": name})
	assert r.status_code == 200
	looks = access_log(name)
	assert [user for user, _method in looks] == [people.case_manager] * 3, looks
	assert {method for _user, method in looks} == {
		"/api/resource/Participant/" + name,
		"frappe.desk.form.load.getdoc",
		"Print",  # Frappe's own entry for a print view
	}

	# a rep reads what matching needs and none of the sensitive fields: not a look at them
	rep = live_site.login(people.rep, PASSWORD)
	r = rep.get(f"{url}/api/resource/Participant/{name}")
	assert r.status_code == 200 and "date_of_birth" not in r.json()["data"]
	# and a refused read is no look either
	r = live_site.session().get(f"{url}/api/resource/Participant/{name}")
	assert r.status_code == 403
	assert len(access_log(name)) == 3
