"""The employer portal over HTTP, as two real employer logins would use it: each files, requests
and confirms through the web forms and portal methods, and every attempt across the boundary
(REST, web forms, link search, report and list endpoints, edited IDs) is refused and writes nothing."""

import json
import re
import uuid

import frappe
import pytest

from employment_partners.portal import users
from employment_partners.tests.factories import (
	make_job_order,
	make_retention_issue,
	make_retention_placement,
	make_user,
)

PASSWORD = "Employer-portal-9!"
WEB_FORM_ACCEPT = "/api/method/frappe.website.doctype.web_form.web_form.accept"
OWN = ("Placement", "Job Order", "Retention Issue Report", "Employer Feedback", "Employer Confirmation")
NEVER = ("Participant", "Referral", "Retention Follow-up", "Hiring Partnership", "Employer Pulse", "Contact")


def _side(label: str, case_manager: str) -> dict:
	order = make_job_order(job_title=f"{label} Cook", openings=5)
	partnership = order.hiring_partnership
	email = f"{label.lower()}-{frappe.generate_hash(length=6)}@employer.example.com"
	users.invite(partnership, email, label, "Owner")
	frappe.utils.password.update_password(email, PASSWORD)
	active = make_retention_placement(
		case_manager=case_manager,
		job_order=order.name,
		start_date="2026-09-01",
		incentive_amount=1000,
		incentive_duration_weeks=6,
		training_plan="Two weeks beside a line cook, then the grill",
		skill_complexity="Low",
		participant={"first_name": f"{label}person", "last_name": "Secretsurname"},
	)
	ended = make_retention_placement(case_manager=case_manager, job_order=order.name, start_date="2026-08-03")
	ended.update({"status": "Ended", "end_date": "2026-09-15", "separation_reason": "Quit"})
	ended.save()
	issue = make_retention_issue(active.name, reported_on="2026-10-01 10:00:00")
	feedback = frappe.get_doc(
		{
			"doctype": "Employer Feedback",
			"hiring_partnership": partnership,
			"placement": active.name,
			"milestone": "30 Days",
			"satisfaction": 4,
			"received_on": "2026-10-02",
		}
	).insert()
	paperwork = frappe.get_doc(
		{"doctype": "Employer Confirmation", "placement": active.name, "kind": "Incentive Agreement"}
	).insert()
	return frappe._dict(
		email=email,
		partnership=partnership,
		job_order=order.name,
		placement=active.name,
		participant=active.participant,
		ended=ended.name,
		issue=issue.name,
		feedback=feedback.name,
		paperwork=paperwork.name,
	)


@pytest.fixture(scope="module")
def two_employers():
	frappe.set_user("Administrator")
	case_manager = make_user("Case Manager")
	a, b = _side("Alpha", case_manager), _side("Beta", case_manager)
	event = frappe.get_doc(
		{
			"doctype": "Employer Appreciation Event",
			"event_name": "Beta Champions Breakfast",
			"event_type": "Networking Brunch/Coffee",
			"event_date": frappe.utils.add_days(frappe.utils.today(), 20),
			"budget": 900,
			"invitees": [{"hiring_partnership": b.partnership}],
		}
	).insert()
	b.event = event.name
	a.event = (
		frappe.get_doc(
			{
				"doctype": "Employer Appreciation Event",
				"event_name": "Alpha Hiring Fair",
				"event_type": "Job Fair",
				"event_date": frappe.utils.add_days(frappe.utils.today(), 30),
				"invitees": [{"hiring_partnership": a.partnership}, {"hiring_partnership": b.partnership}],
			}
		)
		.insert()
		.name
	)
	b.file = (
		frappe.get_doc(
			{
				"doctype": "File",
				"file_name": "beta-warning-letter.txt",
				"content": b"Betaperson Secretsurname: written warning",
				"is_private": 1,
				"attached_to_doctype": "Retention Issue Report",
				"attached_to_name": b.issue,
			}
		)
		.insert()
		.file_url
	)
	frappe.db.commit()
	yield a, b
	frappe.set_user("Administrator")
	frappe.db.rollback()
	for side in (a, b):
		_purge(side)
	for name in (event.name, a.event):
		frappe.delete_doc("Employer Appreciation Event", name, force=True, ignore_permissions=True)
	for name in frappe.get_all("File", filters={"file_url": b.file}, pluck="name"):
		frappe.delete_doc("File", name, force=True, ignore_permissions=True)
	frappe.delete_doc("User", case_manager, force=True, ignore_permissions=True)
	frappe.db.commit()


def _purge(side):
	placements = frappe.get_all("Placement", filters={"hiring_partnership": side.partnership}, pluck="name")
	# confirmed paperwork cannot be deleted through the app; these are test records
	frappe.db.delete("Employer Confirmation", {"hiring_partnership": side.partnership})
	for doctype in ("Employer Pulse", "Employer Feedback", "Retention Issue Report"):
		for name in frappe.get_all(doctype, filters={"hiring_partnership": side.partnership}, pluck="name"):
			frappe.delete_doc(doctype, name, force=True, ignore_permissions=True)
	follow_ups = frappe.get_all(
		"Retention Follow-up", filters={"placement": ("in", placements or [""])}, pluck="name"
	)
	frappe.db.delete("ToDo", {"reference_name": ("in", (follow_ups + placements) or [""])})
	for name in follow_ups:
		frappe.delete_doc("Retention Follow-up", name, force=True, ignore_permissions=True)
	for name in placements:
		participant = frappe.db.get_value("Placement", name, "participant")
		frappe.delete_doc("Placement", name, force=True, ignore_permissions=True)
		frappe.delete_doc("Participant", participant, force=True, ignore_permissions=True)
	for name in frappe.get_all("Job Order", filters={"hiring_partnership": side.partnership}, pluck="name"):
		frappe.delete_doc("Job Order", name, force=True, ignore_permissions=True)
	contacts = frappe.get_all(
		"Dynamic Link",
		filters={"link_doctype": "Hiring Partnership", "link_name": side.partnership},
		pluck="parent",
	)
	# the emails queued about it: a later partnership may take its name again
	queued = frappe.get_all("Email Queue", filters={"reference_name": side.partnership}, pluck="name")
	frappe.db.delete("Email Queue Recipient", {"parent": ("in", queued or [""])})
	frappe.db.delete("Email Queue", {"name": ("in", queued or [""])})
	frappe.delete_doc("Hiring Partnership", side.partnership, force=True, ignore_permissions=True)
	for name in contacts:
		frappe.delete_doc("Contact", name, force=True, ignore_permissions=True)
	frappe.delete_doc("User", side.email, force=True, ignore_permissions=True)


def login(live_site, email: str):
	session = live_site.login(email, PASSWORD)
	# its own address for Frappe's per-address rate limits (web forms allow 10 a minute)
	session.headers["X-Forwarded-For"] = f"10.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}.7"
	return session


def submit(session, live_site, web_form: str, data: dict):
	return session.post(
		f"{live_site.url}{WEB_FORM_ACCEPT}", data={"web_form": web_form, "data": json.dumps(data)}, timeout=60
	)


def message_of(response) -> str:
	try:
		body = response.json()
	except ValueError:
		return response.text
	messages = body.get("_server_messages")
	if messages:
		return " ".join(json.loads(m).get("message", "") for m in json.loads(messages))
	return body.get("exception") or body.get("exc_type") or ""


def counts(partnership: str) -> dict:
	frappe.db.rollback()  # see what the web server committed
	return {
		doctype: frappe.db.count(doctype, {"hiring_partnership": partnership})
		for doctype in ("Retention Issue Report", "Job Order", "Employer Feedback", "Employer Confirmation")
	}


def test_an_employer_reads_only_their_own_records_and_no_participant_detail(live_site, two_employers):
	"""The portal shows an employer their own records; the REST API is closed to portal sessions
	(security/methods.py), and the rules the portal's pages apply give only their own rows and no
	level-1 field."""
	a, _b = two_employers
	alpha = login(live_site, a.email)
	for doctype in OWN:
		r = alpha.get(f"{live_site.url}/api/resource/{doctype}", params={"fields": '["name"]'})
		assert r.status_code == 403, (doctype, r.status_code, r.text[:200])
	page = alpha.get(f"{live_site.url}/partner")
	assert page.status_code == 200 and "Alphaperson S." in page.text and "Secretsurname" not in page.text
	frappe.set_user(a.email)
	try:
		for doctype in OWN:
			names = set(frappe.get_list(doctype, pluck="name", limit_page_length=0))
			assert names and all(
				frappe.db.get_value(doctype, n, "hiring_partnership") == a.partnership for n in names
			), (doctype, names)
		own = frappe.get_doc("Placement", a.placement)
		own.apply_fieldlevel_read_permissions()
		assert own.participant_label == "Alphaperson S."
		for hidden in ("participant", "participant_name", "case_manager", "referral"):
			assert not own.get(hidden), hidden
		# asked for by name, side by side (Frappe 15 skipped the field after each one it removed)
		listed = frappe.get_list(
			"Placement", fields=["participant", "participant_name", "case_manager", "referral", "job_title"]
		)
		assert listed and all(set(row) == {"job_title"} for row in listed), listed
		issue = frappe.get_doc("Retention Issue Report", a.issue)
		issue.apply_fieldlevel_read_permissions()
		for hidden in ("interventions", "participant", "case_manager", "resolution"):
			assert not issue.get(hidden), hidden
		assert "Secretsurname" not in frappe.as_json(issue.as_dict())
	finally:
		frappe.set_user("Administrator")


def test_every_channel_across_the_boundary_is_refused(live_site, two_employers):
	a, b = two_employers
	alpha = login(live_site, a.email)
	before = counts(b.partnership), counts(a.partnership)
	url = live_site.url
	theirs = {
		"Placement": b.placement,
		"Job Order": b.job_order,
		"Retention Issue Report": b.issue,
		"Employer Feedback": b.feedback,
		"Employer Confirmation": b.paperwork,
		"Employer Appreciation Event": b.event,
	}
	attempts = []
	for doctype, name in theirs.items():
		attempts += [
			("read", alpha.get(f"{url}/api/resource/{doctype}/{name}")),
			("update", alpha.put(f"{url}/api/resource/{doctype}/{name}", json={"status": "Closed"})),
			("delete", alpha.delete(f"{url}/api/resource/{doctype}/{name}")),
		]
		value = alpha.get(
			f"{url}/api/method/frappe.client.get_value",
			params={"doctype": doctype, "filters": json.dumps({"name": name}), "fieldname": "name"},
		)
		assert name not in value.text, (doctype, value.text[:300])
		listed = alpha.get(
			f"{url}/api/resource/{doctype}", params={"filters": json.dumps([["name", "=", name]])}
		)
		assert listed.status_code in (200, 403) and name not in listed.text, (doctype, listed.text[:300])
		searched = alpha.get(
			f"{url}/api/method/frappe.desk.search.search_link", params={"doctype": doctype, "txt": ""}
		)
		assert name not in searched.text, (doctype, searched.text[:300])
		report_view = alpha.post(
			f"{url}/api/method/frappe.desk.reportview.get",
			data={"doctype": doctype, "fields": json.dumps([f"`tab{doctype}`.`name`"]), "filters": "[]"},
		)
		assert name not in report_view.text, (doctype, report_view.text[:300])
	for doctype in NEVER:
		listed = alpha.get(f"{url}/api/resource/{doctype}")
		# refused, or (Contact: Frappe lets any user list the contacts they own) nothing
		assert listed.status_code == 403 or listed.json() == {"data": []}, (doctype, listed.text[:300])
		searched = alpha.get(
			f"{url}/api/method/frappe.desk.search.search_link", params={"doctype": doctype, "txt": "Beta"}
		)
		assert searched.status_code == 403 or searched.json()["message"] == [], (doctype, searched.text[:300])
	attempts += [
		("participant", alpha.get(f"{url}/api/resource/Participant/{b.participant}")),
		(
			"report",
			alpha.get(
				f"{url}/api/method/frappe.desk.query_report.run",
				params={"report_name": "Partnership Health", "filters": "{}"},
			),
		),
		(
			"rsvp",
			alpha.post(
				f"{url}/api/method/employment_partners.api.portal.rsvp",
				data={"event": b.event, "answer": "Yes"},
			),
		),
		(
			"confirm",
			alpha.post(
				f"{url}/api/method/employment_partners.api.portal.confirm_paperwork",
				data={"name": b.paperwork},
			),
		),
		("edited web form URL", alpha.get(f"{url}/partner/concern/{b.issue}")),
		("their attachment", alpha.get(f"{url}{b.file}")),
		(
			"attach to theirs",
			alpha.post(
				f"{url}/api/method/upload_file",
				data={"doctype": "Retention Issue Report", "docname": b.issue, "is_private": 1},
				files={"file": ("note.txt", b"mine now")},
			),
		),
		(
			"invite",
			alpha.post(
				f"{url}/api/method/employment_partners.api.portal.invite_portal_user",
				data={"partnership": b.partnership, "email": "mole@example.com", "first_name": "Mole"},
			),
		),
	]
	for what, response in attempts:
		assert response.status_code in (403, 404, 417), (what, response.status_code, response.text[:300])
		assert "Betaperson" not in response.text and "Secretsurname" not in response.text, what
	for form, data in (
		(
			"report-a-concern",
			{"placement": b.placement, "issue_type": "Attendance", "description": "Not mine"},
		),
		("placement-feedback", {"placement": b.placement, "milestone": "90 Days", "satisfaction": 1}),
		(
			"request-hires",
			{
				"hiring_partnership": b.partnership,
				"job_title": "Mole",
				"openings": 1,
				"hourly_wage": 20,
				"hours_per_week": 40,
				"employment_type": "Full-time",
				"shift": "Day",
			},
		),
	):
		response = submit(alpha, live_site, form, data)
		assert response.status_code == 417, (form, response.status_code, response.text[:300])
		assert "not one of your" in message_of(response) or "your partnerships" in message_of(response), (
			message_of(response)
		)
	assert (counts(b.partnership), counts(a.partnership)) == before, "nothing written on either side"
	frappe.db.rollback()
	assert frappe.db.get_value("Retention Issue Report", b.issue, "status") == "New"
	assert frappe.db.get_value("Employer Confirmation", b.paperwork, "status") == "Pending"
	assert frappe.db.get_value("Employer Appreciation Invitee", {"parent": b.event}, "rsvp") in (
		None,
		"",
		"Pending",
	)
	assert not frappe.db.exists("User", "mole@example.com")
	assert frappe.db.count("File", {"attached_to_name": b.issue}) == 1, "only the agency's own file"


def test_guests_get_only_the_login_page(live_site, two_employers):
	_a, b = two_employers
	guest = live_site.session()
	page = guest.get(f"{live_site.url}/partner", allow_redirects=False)
	assert page.status_code in (301, 302) and "/login" in page.headers["Location"]
	for doctype in (*OWN, *NEVER):
		assert guest.get(f"{live_site.url}/api/resource/{doctype}").status_code == 403, doctype
	response = submit(guest, live_site, "report-a-concern", {"placement": b.placement, "description": "x"})
	assert response.status_code in (403, 417), response.text[:200]
	refused = guest.get(f"{live_site.url}/partner/pulse", params={"t": "not-a-token", "a": "good"})
	assert refused.status_code == 200 and "This link is not valid" in refused.text


def test_an_employer_files_requests_gives_feedback_and_confirms_through_the_portal(live_site, two_employers):
	a, b = two_employers
	alpha = login(live_site, a.email)
	before = counts(a.partnership)
	concern = submit(
		alpha,
		live_site,
		"report-a-concern",
		{"placement": a.placement, "issue_type": "Attendance", "description": "Missed Monday and Tuesday"},
	)
	assert concern.status_code == 200, message_of(concern)
	name = concern.json()["message"]["name"]
	frappe.db.rollback()
	report = frappe.get_doc("Retention Issue Report", name)
	assert (report.channel, report.reported_by_type, report.reported_by_user, report.status) == (
		"Portal",
		"Employer Contact",
		a.email,
		"New",
	)
	assert report.reporter_contact == users.contact_of(a.email, a.partnership)
	hires = submit(
		alpha,
		live_site,
		"request-hires",
		{
			"hiring_partnership": a.partnership,
			"job_title": "Prep Cook",
			"openings": 2,
			"hourly_wage": 21.5,
			"hours_per_week": 32,
			"employment_type": "Part-time",
			"shift": "Evening",
			"desired_start_date": frappe.utils.add_days(frappe.utils.today(), 14),
		},
	)
	assert hires.status_code == 200, message_of(hires)
	frappe.db.rollback()
	order = frappe.get_doc("Job Order", hires.json()["message"]["name"])
	assert (order.status, order.hiring_partnership, order.openings) == ("Draft", a.partnership, 2)
	feedback = submit(
		alpha,
		live_site,
		"placement-feedback",
		{"placement": a.placement, "milestone": "90 Days", "satisfaction": 5, "would_hire_again": "Yes"},
	)
	assert feedback.status_code == 200, message_of(feedback)
	again = submit(
		alpha,
		live_site,
		"placement-feedback",
		{"placement": a.placement, "milestone": "90 Days", "satisfaction": 3},
	)
	assert again.status_code == 417 and "already recorded" in message_of(again)
	# what an employer reads names the person and the job, never an internal id
	assert a.placement not in message_of(again) and "EF-" not in message_of(again)
	confirmed = alpha.post(
		f"{live_site.url}/api/method/employment_partners.api.portal.confirm_paperwork",
		data={"name": a.paperwork},
	)
	assert confirmed.status_code == 200, confirmed.text[:300]
	rsvp = alpha.post(
		f"{live_site.url}/api/method/employment_partners.api.portal.rsvp",
		data={"event": a.event, "answer": "Yes"},
	)
	assert rsvp.status_code == 200, rsvp.text[:300]
	unsure = alpha.post(
		f"{live_site.url}/api/method/employment_partners.api.portal.rsvp",
		data={"event": a.event, "answer": "Perhaps"},
	)
	assert unsure.status_code == 417 and "Yes, No or Maybe" in message_of(unsure)
	frappe.db.rollback()
	answers = dict(
		frappe.get_all(
			"Employer Appreciation Invitee",
			filters={"parent": a.event},
			fields=["hiring_partnership", "rsvp"],
			as_list=1,
		)
	)
	assert answers[a.partnership] == "Yes" and answers[b.partnership] in (None, "", "Pending"), answers
	paperwork = frappe.get_doc("Employer Confirmation", a.paperwork)
	assert (paperwork.status, paperwork.confirmed_by) == ("Confirmed", a.email) and paperwork.confirmed_on
	after = counts(a.partnership)
	assert after["Retention Issue Report"] == before["Retention Issue Report"] + 1
	assert after["Job Order"] == before["Job Order"] + 1
	assert after["Employer Feedback"] == before["Employer Feedback"] + 1
	# the agency acknowledges; the employer sees when
	staff_report = frappe.get_doc("Retention Issue Report", name)
	staff_report.status = "Acknowledged"
	staff_report.save()
	frappe.db.commit()
	home = alpha.get(f"{live_site.url}/partner")
	assert home.status_code == 200
	assert "Acknowledged" in home.text and "Alphaperson S." in home.text and "Secretsurname" not in home.text
	assert "Betaperson" not in home.text


@pytest.mark.parametrize(
	"data, says",
	[
		({"issue_type": "Attendance", "description": "<script>alert(1)</script>"}, "plain text"),
		({"issue_type": "Attendance", "description": "<img src=x onerror=alert(1)>"}, "plain text"),
		({"issue_type": "Attendance", "description": ""}, "Description"),
		({"issue_type": "Not a type", "description": "Late"}, "Issue Type"),
		({"placement": "ENDED", "issue_type": "Attendance", "description": "Late"}, "has ended"),
		({"placement": "", "issue_type": "Attendance", "description": "Late"}, "Choose the placement"),
	],
)
def test_bad_concerns_get_a_clear_message_and_store_nothing(live_site, two_employers, data, says):
	a, _b = two_employers
	alpha = login(live_site, a.email)
	payload = {"placement": a.placement, **data}
	if payload["placement"] == "ENDED":
		payload["placement"] = a.ended
	before = counts(a.partnership)
	response = submit(alpha, live_site, "report-a-concern", payload)
	assert response.status_code == 417, (response.status_code, response.text[:300])
	assert re.search(says, message_of(response), re.I), message_of(response)
	assert counts(a.partnership) == before


def test_the_forms_offer_only_the_employers_own_placements_and_partnership(live_site, two_employers):
	a, b = two_employers
	alpha = login(live_site, a.email)
	concern = alpha.get(f"{live_site.url}/partner/concern/new")
	assert concern.status_code == 200
	assert a.placement in concern.text and "Alphaperson S." in concern.text
	assert b.placement not in concern.text and "Betaperson" not in concern.text
	assert a.ended not in concern.text, "an ended placement takes no new concern"
	feedback = alpha.get(f"{live_site.url}/partner/feedback/new")
	assert a.placement in feedback.text and b.placement not in feedback.text
	hires = alpha.get(f"{live_site.url}/partner/request-hires/new")
	assert a.partnership in hires.text and b.partnership not in hires.text


def test_pulse_answers_are_rate_limited_per_address(live_site, two_employers):
	guest = live_site.session()
	guest.headers["X-Forwarded-For"] = f"10.250.{uuid.uuid4().int % 250}.9"
	statuses = [
		guest.post(
			f"{live_site.url}/api/method/employment_partners.api.portal.answer_pulse",
			data={"token": f"guess-{i}", "answer": "good"},
		).status_code
		for i in range(31)
	]
	assert statuses[:30] == [417] * 30, statuses
	assert statuses[30] == 429, statuses


def test_the_portal_forms_are_no_way_around_a_staff_roles_permissions(live_site, two_employers):
	"""Web forms insert without Frappe's permission check: a Case Manager, who may not create job
	orders, cannot make one through the employers' hiring form; a rep, who may, can."""
	a, _b = two_employers
	hire = {
		"hiring_partnership": a.partnership,
		"job_title": "Line Cook via the form",
		"openings": 1,
		"hourly_wage": 20,
		"hours_per_week": 40,
		"employment_type": "Full-time",
		"shift": "Day",
	}
	case_manager, rep = make_user("Case Manager"), make_user("Business Services Rep")
	for user in (case_manager, rep):
		frappe.utils.password.update_password(user, PASSWORD)
	frappe.db.commit()
	try:
		before = counts(a.partnership)
		refused = submit(login(live_site, case_manager), live_site, "request-hires", hire)
		assert refused.status_code == 403, message_of(refused)
		assert counts(a.partnership) == before
		allowed = submit(login(live_site, rep), live_site, "request-hires", hire)
		assert allowed.status_code == 200, message_of(allowed)
		assert counts(a.partnership)["Job Order"] == before["Job Order"] + 1
		frappe.delete_doc("Job Order", allowed.json()["message"]["name"], force=True, ignore_permissions=True)
	finally:
		for user in (case_manager, rep):
			frappe.delete_doc("User", user, force=True, ignore_permissions=True)
		frappe.db.commit()
