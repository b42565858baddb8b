"""Automatic stage changes name their cause as a stable key ("Automatic Because": "Job order
created", ...) and the record, translated when shown; until now the cause was written into the
note in the saving user's language.  Notes the app wrote in English move to the new fields;
anything else stays as written."""

import re

import frappe

from employment_partners.pipeline import stages

OLD_NOTES = {
	stages.JOB_ORDER_CREATED: r"Automatic: job order (?P<source>.+)",
	stages.REFERRAL_CREATED: r"Automatic: referral (?P<source>.+)",
	stages.PLACEMENT_MATURED: r"Automatic: placement (?P<source>.+) passed 30 days",
	stages.EMPLOYER_FEEDBACK: r"Automatic: employer feedback (?P<source>.+)",
}


def event_of(note: str | None) -> tuple[str, str] | None:
	"""(event, source record) of a note the app wrote, or None."""
	for event, pattern in OLD_NOTES.items():
		match = re.fullmatch(pattern, (note or "").strip())
		if match:
			return event, match["source"]
	return None


def execute():
	rows = frappe.get_all(
		"Employer Lead Stage History",
		filters={"is_automatic": 1, "automatic_event": ("is", "not set")},
		fields=["name", "note"],
	)
	for row in rows:
		found = event_of(row.note)
		if found:
			frappe.db.set_value(
				"Employer Lead Stage History",
				row.name,
				{"automatic_event": found[0], "event_source": found[1], "note": None},
				update_modified=False,
			)
