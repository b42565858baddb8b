"""Referrals keep the employer's decision (`decision`), so an offer the participant later withdraws
still counts as accepted (Partnership Health's accepted-referral rate).  Referrals made before hold
only their current status: Offered and Hired were accepted, Declined by Employer declined, and a
Withdrawn referral with a decided-on date was offered first (decided_on is set only when the
employer offers, hires or declines, and a declined referral cannot be withdrawn)."""

import frappe

from employment_partners.placements import referrals


def execute():
	referral = frappe.qb.DocType("Referral")
	unset = referral.decision.isnull() | (referral.decision == "")
	(
		frappe.qb.update(referral)
		.set(referral.decision, referrals.DECISION_ACCEPTED)
		.where(unset)
		.where(
			referral.status.isin(referrals.ACCEPTED)
			| ((referral.status == referrals.WITHDRAWN) & referral.decided_on.isnotnull())
		)
	).run()
	(
		frappe.qb.update(referral)
		.set(referral.decision, referrals.DECISION_DECLINED)
		.where(unset)
		.where(referral.status == referrals.DECLINED)
	).run()
