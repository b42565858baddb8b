"""Placement and referral figures computed in the database."""

import frappe
from frappe.query_builder import Case
from frappe.query_builder.functions import Count, Sum

from employment_partners.placements import placements, referrals


def filled_count(job_order: str, exclude: str | None = None) -> int:
	"""Placements on a job order that fill an opening: every one that has not Ended."""
	placement = frappe.qb.DocType("Placement")
	query = (
		frappe.qb.from_(placement)
		.select(Count("*"))
		.where((placement.job_order == job_order) & (placement.status != placements.ENDED))
	)
	if exclude:
		query = query.where(placement.name != exclude)
	return int(query.run()[0][0] or 0)


def accepted_referral_rate(partnership: str) -> float | None:
	"""Share (0-100) of decided referrals the employer accepted (Offered or Hired) out of those
	it decided on (Offered, Hired or Declined).  None when it has decided none yet."""
	referral = frappe.qb.DocType("Referral")
	accepted = Sum(Case().when(referral.status.isin(referrals.ACCEPTED), 1).else_(0))
	decided = Count("*")
	row = (
		frappe.qb.from_(referral)
		.select(accepted, decided)
		.where((referral.hiring_partnership == partnership) & referral.status.isin(referrals.DECIDED))
		.run()
	)[0]
	if not row[1]:
		return None
	return round(100 * float(row[0]) / row[1], 1)


def incentive_paid(payments) -> float:
	"""Total of milestone payments that have a paid-on date."""
	return sum(float(p.amount or 0) for p in payments if p.paid_on)
