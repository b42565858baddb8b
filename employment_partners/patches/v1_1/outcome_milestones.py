"""Schedule rows say which outcome milestone their follow-ups report (the Outcomes Follow-up
report reads the outcome at close, 3, 6 and 12 months from them).  The shipped 15D rows, where
the site still has them unmarked, take their milestone, and their follow-ups too."""

import frappe

from employment_partners import defaults
from employment_partners.retention.schedule import OUTCOMES_15D_NAME


def execute():
	for row in defaults.shipped("Follow-up Schedule", OUTCOMES_15D_NAME)["rows"]:
		milestone = row.get("outcome_milestone")
		if not milestone or not frappe.db.exists("Follow-up Schedule Row", row["name"]):
			continue
		frappe.db.sql(
			"""update `tabFollow-up Schedule Row` set outcome_milestone = %(m)s
			where name = %(row)s and ifnull(outcome_milestone, '') = ''""",
			{"m": milestone, "row": row["name"]},
		)
		frappe.db.sql(
			"""update `tabRetention Follow-up` set outcome_milestone = %(m)s
			where schedule_row_id = %(row)s and ifnull(outcome_milestone, '') = ''""",
			{"m": milestone, "row": row["name"]},
		)
