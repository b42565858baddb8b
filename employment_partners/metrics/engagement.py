"""Employer engagement figures computed in the database: last contact, response times, ranking."""

import frappe
from frappe.query_builder.functions import Max

EMPLOYER_FIELDS = {"Employer Lead": "employer_lead", "Hiring Partnership": "hiring_partnership"}


def last_contact_date(doctype: str, name: str):
	"""Date of the latest interaction with a lead or a partnership (None if none)."""
	interaction = frappe.qb.DocType("Employer Interaction")
	field = EMPLOYER_FIELDS[doctype]
	result = (
		frappe.qb.from_(interaction)
		.select(Max(interaction.interaction_date))
		.where(interaction[field] == name)
		.run()
	)
	latest = result[0][0] if result else None
	return latest.date() if latest else None


def median_employer_response_hours(partnership: str) -> float | None:
	"""Median hours the employer took to answer our messages that needed a reply.

	MariaDB's MEDIAN() window function does the work; one row comes back.
	"""
	rows = frappe.db.sql(
		"""
		select distinct median(response_hours) over ()
		from `tabEmployer Interaction`
		where hiring_partnership = %(partnership)s
			and direction = 'Outbound' and needs_reply = 1 and replied_on is not null
		""",
		{"partnership": partnership},
	)
	return float(rows[0][0]) if rows and rows[0][0] is not None else None
