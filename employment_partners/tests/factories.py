"""Factories for tests: each makes one valid record, with overrides for what a test cares about."""

import re
from contextlib import contextmanager

import frappe
from frappe.core.doctype.translation.translation import clear_user_translation_cache
from frappe.utils import now_datetime

from employment_partners.portal.pulse import links_queued_for as pulse_links_queued_for


def unique(prefix: str) -> str:
	return f"{prefix} {frappe.generate_hash(length=8)}"


def make_user(*roles: str, email: str | None = None) -> str:
	email = email or f"{frappe.generate_hash(length=10)}@example.com"
	user = frappe.get_doc(
		{
			"doctype": "User",
			"email": email,
			"first_name": roles[0] if roles else "Test",
			"last_name": frappe.generate_hash(length=5).title(),
			"send_welcome_email": 0,
			"user_type": "System User",
			"roles": [{"role": role} for role in roles],
		}
	)
	user.flags.ignore_permissions = True
	user.insert()
	frappe.clear_cache(user=email)
	return email


def make_employer_lead(**overrides):
	values = {"doctype": "Employer Lead", "organisation_name": unique("Lead Org")}
	values.update(overrides)
	return frappe.get_doc(values).insert()


def make_hiring_partnership(**overrides):
	values = {"doctype": "Hiring Partnership", "partner_name": unique("Partner Org")}
	values.update(overrides)
	return frappe.get_doc(values).insert()


def make_converted_lead(**overrides):
	"""A lead at Outreach (or `stage`) that already has its Hiring Partnership."""
	from employment_partners.pipeline.conversion import convert_lead

	lead = make_employer_lead(**overrides)
	convert_lead(lead.name)
	lead.reload()
	return lead


def make_interaction(**overrides):
	values = {
		"doctype": "Employer Interaction",
		"interaction_type": "Call",
		"direction": "Outbound",
		"interaction_date": now_datetime(),
		"summary": "Called the hiring manager",
	}
	values.update(overrides)
	return frappe.get_doc(values).insert()


def make_contact(first_name: str, link_doctype: str, link_name: str) -> str:
	contact = frappe.get_doc(
		{
			"doctype": "Contact",
			"first_name": first_name,
			"email_ids": [{"email_id": f"{frappe.generate_hash(length=8)}@example.com", "is_primary": 1}],
			"links": [{"link_doctype": link_doctype, "link_name": link_name}],
		}
	).insert(ignore_permissions=True)
	return contact.name


def make_skill(name: str | None = None, skill_type: str = "Skill") -> str:
	name = name or unique("Skill")
	if not frappe.db.exists("Job Skill", name):
		frappe.get_doc({"doctype": "Job Skill", "skill_name": name, "skill_type": skill_type}).insert()
	return name


def make_job_order(**overrides):
	"""An Open job order (one opening, 20/h, 40 h/week, day shift) on a new partnership."""
	values = {
		"doctype": "Job Order",
		"job_title": unique("Warehouse Associate"),
		"status": "Open",
		"openings": 1,
		"hourly_wage": 20,
		"hours_per_week": 40,
		"shift": "Day",
		"employment_type": "Full-time",
		"placement_type": "Competitive Employment",
		"physical_demand": "Light",
		"transit_accessible": 1,
	}
	values.update(overrides)
	if not values.get("hiring_partnership"):
		values["hiring_partnership"] = make_hiring_partnership().name
	skills = values.pop("skills", [])
	values["required_skills"] = [{"skill": s} for s in skills]
	return frappe.get_doc(values).insert()


def make_participant(**overrides):
	values = {
		"doctype": "Participant",
		"first_name": "Jordan",
		"last_name": unique("Lee").replace(" ", ""),
		"enrolment_date": "2026-01-05",
		"transport_mode": "Public transit",
	}
	values.update(overrides)
	skills = values.pop("skills", [])
	values["skills"] = [{"skill": s} for s in skills]
	# programs=[...]: enrolled in these (from the enrolment date) instead of Settings' defaults
	if "programs" in values:
		values["enrolments"] = [{"program": program} for program in values.pop("programs")]
	return frappe.get_doc(values).insert()


def make_referral(job_order: str, participant: str, **overrides):
	values = {"doctype": "Referral", "job_order": job_order, "participant": participant, "status": "Referred"}
	values.update(overrides)
	return frappe.get_doc(values).insert()


def make_placement(job_order: str | None = None, participant: str | None = None, **overrides):
	values = {
		"doctype": "Placement",
		"job_order": job_order or make_job_order().name,
		"participant": participant or make_participant().name,
		"start_date": "2026-03-02",
		"employment_history": "No prior job",
	}
	values.update(overrides)
	return frappe.get_doc(values).insert()


def make_retention_placement(case_manager: str | None = None, **overrides):
	"""An active placement (start 2026-03-02) of a participant enrolled 2026-01-05, with follow-ups."""
	person = make_participant(
		case_manager=case_manager or make_user("Case Manager"), **overrides.pop("participant", {})
	)
	return make_placement(participant=person.name, **overrides)


def make_retention_issue(placement: str, **overrides):
	values = {
		"doctype": "Retention Issue Report",
		"placement": placement,
		"reported_by_type": "Employer Contact",
		"channel": "Phone",
		"issue_type": "Attendance",
		"severity": "Medium",
		"description": "Missed two shifts this week without calling in",
	}
	values.update(overrides)
	return frappe.get_doc(values).insert()


def emails_about(doctype: str, name: str, subject_starts: str, recipient: str) -> int:
	"""Emails an Email-channel Notification sent about a record (Frappe logs each as an
	automated Communication, and queues it: tests mute sending)."""
	communication = frappe.qb.DocType("Communication")
	return len(
		frappe.qb.from_(communication)
		.select(communication.name)
		.where(communication.reference_doctype == doctype)
		.where(communication.reference_name == name)
		.where(communication.communication_type == "Automated Message")
		.where(communication.subject.like(f"{subject_starts}%"))
		.where(communication.recipients.like(f"%{recipient}%"))
		.run()
	)


@contextmanager
def speaking(lang: str, translations: dict[str, str]):
	"""Run as a user of `lang`, with these site translations (Frappe Translation records)."""
	for source, target in translations.items():
		frappe.get_doc(
			{"doctype": "Translation", "language": lang, "source_text": source, "translated_text": target}
		).insert(ignore_permissions=True)
	before = frappe.local.lang
	frappe.local.lang = lang
	try:
		yield
	finally:
		frappe.local.lang = before
		clear_user_translation_cache(lang)


# the answer links of every pulse email queued for a recipient (the demo prints them too)
pulse_links_sent_to = pulse_links_queued_for


@contextmanager
def no_outgoing_email():
	"""A site with no outgoing email account: tests otherwise mute emails, and Frappe then makes up
	a dummy account, so both are undone here (the test's rollback restores the accounts)."""
	frappe.db.set_value("Email Account", {"enable_outgoing": 1}, "enable_outgoing", 0)
	muted = frappe.flags.mute_emails
	frappe.flags.mute_emails = False
	frappe.local.outgoing_email_account = {}
	try:
		yield
	finally:
		frappe.flags.mute_emails = muted
		frappe.local.outgoing_email_account = {}
