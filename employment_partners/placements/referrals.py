"""Referrals: statuses and rules (what a referral's changes do elsewhere: lifecycle.py).

Statuses: Proposed → Referred → Interviewing → Offered → Hired, or
Declined by Employer (with a reason) or Withdrawn (with a reason).

A referral moves forward (steps may be skipped: an employer can offer without an interview),
never back; Hired, Declined and Withdrawn are final.  Hired is set when the placement made
from the referral is saved, so every hire has its placement record.
"""

import frappe
from frappe import _

from employment_partners import participants
from employment_partners.placements import job_orders

PROPOSED = "Proposed"
REFERRED = "Referred"
INTERVIEWING = "Interviewing"
OFFERED = "Offered"
HIRED = "Hired"
DECLINED = "Declined by Employer"
WITHDRAWN = "Withdrawn"

FLOW = (PROPOSED, REFERRED, INTERVIEWING, OFFERED, HIRED)
FINAL = (HIRED, DECLINED, WITHDRAWN)
# the employer has seen the candidate: only these can be declined
WITH_EMPLOYER = (REFERRED, INTERVIEWING, OFFERED)
# the employer said yes, or no
ACCEPTED = (OFFERED, HIRED)
DECIDED = (OFFERED, HIRED, DECLINED)
# the employer's decision as made, kept on the referral (`decision`) whatever happens next: an
# offer the participant later withdraws stays Accepted (the accepted-referral rate counts it)
DECISION_ACCEPTED, DECISION_DECLINED = "Accepted", "Declined"


def decision_for(status: str, decision: str | None) -> str | None:
	"""The employer's decision once the referral is `status`: Accepted when it offers or hires,
	Declined when it declines (an offer it takes back included); otherwise what it was."""
	if status in ACCEPTED:
		return DECISION_ACCEPTED
	if status == DECLINED:
		return DECISION_DECLINED
	return decision or None


def status_problem(
	from_status: str | None,
	to_status: str,
	*,
	has_placement: bool = False,
	decline_reason: str | None = None,
	withdrawal_reason: str | None = None,
) -> str | None:
	"""Why a referral may not move from `from_status` to `to_status`, or None."""
	if from_status is None and to_status not in (PROPOSED, REFERRED):
		return _("A new referral starts as Proposed or Referred, not {0}").format(to_status)
	if from_status == to_status:
		return None
	if from_status in FINAL:
		return _("This referral is already {0}: make a new referral instead").format(from_status)
	if to_status == HIRED and not has_placement:
		return _(
			"A referral becomes Hired when its placement is saved: record the Placement from this referral"
		)
	if to_status == DECLINED:
		if from_status not in WITH_EMPLOYER:
			return _("Only a referral the employer has received can be declined, not one that is {0}").format(
				from_status
			)
		if not decline_reason:
			return _("Say why the employer declined the candidate")
		return None
	if to_status == WITHDRAWN:
		if not (withdrawal_reason or "").strip():
			return _("Say why the referral is withdrawn")
		return None
	if from_status and FLOW.index(to_status) < FLOW.index(from_status):
		return _("A referral cannot move back from {0} to {1}").format(from_status, to_status)
	return None


def new_referral_problem(
	job_order: str, job_status: str, participant_name: str, participant_status: str, duplicate: str | None
) -> str | None:
	"""Why a new referral is refused: the order must be open, the participant active, and not
	already referred to this order (`duplicate` names an open referral of the same pair)."""
	if job_status != job_orders.OPEN:
		return _("Job order {0} is {1}: referrals go to open orders only").format(job_order, job_status)
	if participant_status != participants.ACTIVE:
		return _("{0} has exited the program and cannot be referred").format(participant_name)
	if duplicate:
		return _("{0} is already referred to this job order in {1}").format(participant_name, duplicate)
	return None


def open_duplicate(participant: str, job_order: str, name: str | None) -> str | None:
	"""Another referral of the same participant to the same order that is still open."""
	return frappe.db.exists(
		"Referral",
		{
			"participant": participant,
			"job_order": job_order,
			"status": ("not in", FINAL),
			"name": ("!=", name or ""),
		},
	)


def mark_hired(referral: str, placement: str):
	"""The placement made from this referral was saved: the referral becomes Hired."""
	doc = frappe.get_doc("Referral", referral)
	if doc.status == HIRED and doc.placement == placement:
		return
	doc.placement = placement
	doc.status = HIRED
	doc.flags.hired_by_placement = True
	doc.flags.ignore_permissions = True
	doc.save()
