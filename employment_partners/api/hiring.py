"""Matching and referrals: the "Find Matches" / "Find Jobs" dialogs and "Propose Referral"."""

import frappe

from employment_partners.matching import candidates
from employment_partners.utils import get_settings


def _limit(limit: int | None) -> int:
	"""How many matches to show: the caller's number, or "Matches shown" in Settings."""
	return int(limit or get_settings().match_results)


@frappe.whitelist()
def find_participants(job_order: str, limit: int | None = None) -> list[dict]:
	"""Participants ranked for a job order, each with its score and the parts of the score."""
	frappe.has_permission("Job Order", "read", job_order, throw=True)
	frappe.has_permission("Participant", "read", throw=True)
	return candidates.rank_participants(job_order, _limit(limit))


@frappe.whitelist()
def find_job_orders(participant: str, limit: int | None = None) -> list[dict]:
	"""Open job orders ranked for a participant, each with its score and its parts."""
	frappe.has_permission("Participant", "read", participant, throw=True)
	frappe.has_permission("Job Order", "read", throw=True)
	return candidates.rank_job_orders(participant, _limit(limit))


@frappe.whitelist(methods=["POST"])
def propose_referral(job_order: str, participant: str) -> str:
	"""Make a Proposed referral of a participant to a job order (role permissions apply)."""
	referral = frappe.get_doc(
		{"doctype": "Referral", "job_order": job_order, "participant": participant, "status": "Proposed"}
	).insert()
	return referral.name
