"""Employment outcomes recorded before evidence periods existed cover the day they were done
(what they said then): Employed From and To are that day, as a new one without a period gets."""

import frappe

from employment_partners.retention import follow_ups


def execute():
	frappe.db.sql(
		"""update `tabRetention Follow-up`
		set employed_from = completed_on, employed_to = completed_on
		where status = %s and outcome in %s and completed_on is not null and employed_to is null""",
		(follow_ups.DONE, follow_ups.EMPLOYED),
	)
