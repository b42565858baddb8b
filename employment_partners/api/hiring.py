"""Matching and referrals: the "Find Matches" / "Find Jobs" dialogs and "Propose Referral"."""

import frappe

from employment_partners.matching import candidates


@frappe.whitelist()
def find_participants(job_order: str, limit: int | None = None) -> list[dict]:
	"""Participants ranked for a job order, each with its score and the parts of the score."""
	frappe.has_permission("Job Order", "read", job_order, throw=True)
	frappe.has_permission("Participant", "read", throw=True)
	return candidates.rank_participants(job_order, limit)


@frappe.whitelist()
def find_job_orders(participant: str, limit: int | None = None) -> list[dict]:
	"""Open job orders ranked for a participant, each with its score and its parts."""
	frappe.has_permission("Participant", "read", participant, throw=True)
	frappe.has_permission("Job Order", "read", throw=True)
	return candidates.rank_job_orders(participant, limit)


@frappe.whitelist(methods=["POST"])
def propose_referral(job_order: str, participant: str) -> str:
	"""Make a Proposed referral of a participant to a job order (role permissions apply)."""
	referral = frappe.get_doc(
		{"doctype": "Referral", "job_order": job_order, "participant": participant, "status": "Proposed"}
	).insert()
	return referral.name
