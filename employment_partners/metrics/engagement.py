"""Employer engagement figures computed in the database: last contact, response times, ranking."""

import frappe
from frappe.query_builder.functions import Count, Max

from employment_partners.pipeline import organisations

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


def hires_by_partnership() -> dict[str, int]:
	"""Placements per partnership."""
	placement = frappe.qb.DocType("Placement")
	rows = (
		frappe.qb.from_(placement)
		.select(placement.hiring_partnership, Count("*"))
		.groupby(placement.hiring_partnership)
		.run()
	)
	return dict(rows)


def rank_partners_for_invitation(limit: int = 20, exclude: list[str] | None = None) -> list[dict]:
	"""Active, unflagged partnerships ranked for an appreciation event.

	Top Partners first, then by number of hires, then by interactions in the last year.
	"""
	hp = frappe.qb.DocType("Hiring Partnership")
	interaction = frappe.qb.DocType("Employer Interaction")
	query = (
		frappe.qb.from_(hp)
		.left_join(interaction)
		.on(
			(interaction.hiring_partnership == hp.name)
			& (interaction.interaction_date >= frappe.utils.add_days(frappe.utils.nowdate(), -365))
		)
		.select(
			hp.name, hp.partner_name, hp.tier, hp.primary_contact, Count(interaction.name).as_("interactions")
		)
		.where((hp.status == organisations.ACTIVE) & (hp.problematic_employer == 0))
		.groupby(hp.name)
	)
	if exclude:
		query = query.where(hp.name.notin(exclude))
	rows = query.run(as_dict=True)
	hires = hires_by_partnership()
	for row in rows:
		row.hires = hires.get(row.name, 0)
	rows.sort(key=lambda r: (r.tier != "Top Partner", -r.hires, -r.interactions, r.partner_name))
	return rows[:limit]
