"""Matching and referrals: the "Find Matches" / "Find Jobs" dialogs and "Propose Referral"."""

import frappe
from frappe import _

from employment_partners.api import required
from employment_partners.matching import candidates


@frappe.whitelist()
def find_participants(job_order: str | None = None, limit: int | None = None) -> list[dict]:
	"""Participants ranked for a job order, each with its score and the parts of the score."""
	required(job_order, _("Job Order"))
	frappe.has_permission("Job Order", "read", job_order, throw=True)
	frappe.has_permission("Participant", "read", throw=True)
	return candidates.rank_participants(job_order, limit)


@frappe.whitelist()
def find_job_orders(participant: str | None = None, limit: int | None = None) -> list[dict]:
	"""Open job orders ranked for a participant, each with its score and its parts."""
	required(participant, _("Participant"))
	frappe.has_permission("Participant", "read", participant, throw=True)
	frappe.has_permission("Job Order", "read", throw=True)
	return candidates.rank_job_orders(participant, limit)


@frappe.whitelist(methods=["POST"])
def propose_referral(job_order: str | None = None, participant: str | None = None) -> str:
	"""Make a Proposed referral of a participant to a job order (role permissions apply)."""
	required(job_order, _("Job Order"))
	required(participant, _("Participant"))
	referral = frappe.get_doc(
		{"doctype": "Referral", "job_order": job_order, "participant": participant, "status": "Proposed"}
	).insert()
	return referral.name
