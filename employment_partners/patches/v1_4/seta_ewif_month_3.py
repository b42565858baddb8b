"""The SETA 02-09 follow-up form (WIA EWIF) is open for the quarter's third month, as the
directive's chart draws it ("Month 3: regular monthly contact; complete Follow-up Form"), not
for the quarter's last day alone (a weekend, often).  Rows still as first shipped are changed;
a row the agency edited is left as it is.  Open follow-ups move with the rows (the daily
realignment, run now)."""

import frappe

from employment_partners.retention import reminders, schedule

MONTH_3 = {"seta-02-09-q1-ewif": 3, "seta-02-09-q2-ewif": 6, "seta-02-09-q3-ewif": 9}


def execute():
	changed = False
	for row_id, month in MONTH_3.items():
		row = frappe.db.get_value(
			"Follow-up Schedule Row", row_id, ["offset_unit", "window_days", "offset_value"], as_dict=True
		)
		if row and row.offset_unit == schedule.QUARTER_END and row.window_days == 1:
			frappe.db.set_value(
				"Follow-up Schedule Row",
				row_id,
				{"offset_unit": schedule.QUARTER_MONTH, "offset_value": month, "window_days": 0},
				update_modified=False,
			)
			changed = True
	if changed:
		reminders.realign_exit_follow_ups()
