"""A placement's rules and its lifecycle: what a placement must be, and what its changes do to
other records.

Statuses: Active → Completed (a time-limited placement that ran its course), Ended (a
separation: quit, dismissed, laid off, other) or Transitioned to Permanent.

A placement's effects on other records (its job orders' filled openings, the referral it came
from, its follow-ups, the books) are declared together in employment_partners/lifecycle.py;
this module holds the placement's own rules and the job-order recount they use.
"""

import frappe
from frappe import _
from frappe.query_builder.functions import Count
from frappe.utils import getdate

from employment_partners.placements import job_orders, referrals

ACTIVE = "Active"
COMPLETED = "Completed"
ENDED = "Ended"
TRANSITIONED = "Transitioned to Permanent"
# the participant still works there: employers may report retention issues on these
CURRENT = (ACTIVE, TRANSITIONED)
# placements whose schedule makes new follow-ups; an ended placement keeps what it has
SCHEDULED = (ACTIVE, COMPLETED, TRANSITIONED)
# a placement that ran to an end date (Completed or Ended) must say when
NEEDS_END_DATE = (COMPLETED, ENDED)

HAD_PRIOR_JOB = "Had a prior job"


def dates_problem(start_date, end_date, enrolment_date, participant_name: str) -> str | None:
	if enrolment_date and getdate(start_date) < getdate(enrolment_date):
		return _("Start date {0} is before {1} enrolled on {2}").format(
			frappe.format(start_date, "Date"), participant_name, frappe.format(enrolment_date, "Date")
		)
	if end_date and getdate(end_date) < getdate(start_date):
		return _("End date {0} is before start date {1}").format(
			frappe.format(end_date, "Date"), frappe.format(start_date, "Date")
		)
	return None


def status_problem(status: str, end_date, separation_reason: str | None) -> str | None:
	if status in NEEDS_END_DATE and not end_date:
		return _("Enter the end date of a placement that is {0}").format(_(status))
	if status == ENDED and not separation_reason:
		return _("Say why the placement ended: quit, dismissed, laid off or other")
	return None


def history_problem(employment_history: str | None, prior_employer: str | None) -> str | None:
	if employment_history == HAD_PRIOR_JOB and not (prior_employer or "").strip():
		return _("Name the prior employer, or record that there was no prior job")
	return None


def referral_problem(referral: dict, participant: str, job_order: str, placement: str | None) -> str | None:
	"""Whether `referral` (participant, job_order, status, placement) can lead to this placement."""
	if (referral.participant, referral.job_order) != (participant, job_order):
		return _("Referral {0} is for another participant or job order").format(referral.name)
	if referral.status in (referrals.DECLINED, referrals.WITHDRAWN) or (
		referral.placement and referral.placement != placement
	):
		return _("Referral {0} is {1}: it cannot lead to this placement").format(
			referral.name, referral.status
		)
	return None


def takes_an_opening(status: str, job_order: str, before) -> bool:
	"""True when this save starts to count against the job order's openings."""
	if status == ENDED:
		return False
	return not before or before.job_order != job_order or before.status == ENDED


def fills(placement, job_order: str) -> bool:
	"""Whether this state of a placement (a document, or None) fills an opening of `job_order`."""
	return bool(placement) and placement.job_order == job_order and placement.status != ENDED


def filled_count(job_order: str, exclude: str | None = None) -> int:
	"""Placements on a job order that fill an opening: every one that has not Ended."""
	placement = frappe.qb.DocType("Placement")
	query = (
		frappe.qb.from_(placement)
		.select(Count("*"))
		.where((placement.job_order == job_order) & (placement.status != ENDED))
	)
	if exclude:
		query = query.where(placement.name != exclude)
	return int(query.run()[0][0] or 0)


def opening_problem(doc) -> str | None:
	"""Why this save of a placement cannot take an opening of its job order, or None.  A placement
	that starts to fill an opening needs an open order with one left.  The order stays locked
	until the save commits (concurrent hires on it take turns), and the count of the others is
	kept on the document for this save's recount (refresh_job_orders), so it is counted once."""
	doc.flags.filled_by_others = None
	if not takes_an_opening(doc.status, doc.job_order, doc.get_doc_before_save()):
		return None
	order, doc.flags.filled_by_others = job_orders.locked_fill(
		doc.job_order, lambda: filled_count(doc.job_order, exclude=doc.name)
	)
	return job_orders.placement_problem(
		doc.job_order, order.status, doc.flags.filled_by_others, order.openings
	)


def refresh_job_orders(doc, before, deleted: bool = False):
	"""Recount the filled openings of the placement's job order (and of the one it left): one
	count each, with the order locked (job_orders.locked_fill).  The count opening_problem() made
	while validating this save is reused, by this save only."""
	# the validating save's count, taken once: a later delete of the same object recounts
	by_others = doc.flags.pop("filled_by_others", None)
	names = {doc.job_order} | ({before.job_order} if before and before.job_order else set())
	for name in names:
		if not frappe.db.exists("Job Order", name):
			continue
		if name == doc.job_order and by_others is not None and not deleted:
			filled = by_others + (0 if doc.status == ENDED else 1)
		else:
			change = fills(None if deleted else doc, name) - fills(doc if deleted else before, name)
			_order, filled = job_orders.locked_fill(name, lambda: filled_count(name), change)
		job_orders.refresh_fill(name, filled)
