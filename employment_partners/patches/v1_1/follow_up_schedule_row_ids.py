"""Follow-ups name their schedule row by the row's id, no longer by its position.

Before: `schedule_row` held the row's position (1-based), so inserting a row into a schedule
made every later follow-up point at the wrong row.  Each follow-up now holds the row's name in
`schedule_row_id`; the old column stays in the table (Frappe does not drop columns) and is read
here once.  The shipped schedules' rows then take their fixed ids (as in
employment_partners/defaults/follow_up_schedule.json), matched by anchor, unit and offset, so
that a later "Restore shipped default" keeps every follow-up's row.
"""

import frappe

from employment_partners import defaults

# shipped rows whose anchor, unit or offset changed after ids came in, matched by what they were
# then: the SETA 02-09 follow-up form was due on the last day of quarters 1-3 after exit until
# v1_4 seta_ewif_month_3 opened it for the quarter's third month (whose key its monthly contact
# shares, so the row would match no shipped row and lose its follow-ups)
KEY_WHEN_IDS_CAME = {
	f"seta-02-09-q{n}-ewif": ("Program Exit", "End of Quarter after Exit", n) for n in (1, 2, 3)
}


def execute():
	if frappe.db.has_column("Retention Follow-up", "schedule_row"):
		frappe.db.sql(
			"""
			update `tabRetention Follow-up` f
			join `tabFollow-up Schedule Row` r
				on r.parenttype = 'Follow-up Schedule'
				and r.parent = f.follow_up_schedule
				and r.idx = f.schedule_row
			set f.schedule_row_id = r.name
			where ifnull(f.schedule_row_id, '') = ''
			"""
		)
	for record in defaults.shipped_records():
		if record.doctype == "Follow-up Schedule" and frappe.db.exists("Follow-up Schedule", record.name):
			adopt_row_ids(record)


def adopt_row_ids(record: dict):
	"""Give each row of the site's copy of a shipped schedule the shipped row's id, where one
	shipped row has the same anchor, unit and offset (rows that match none keep theirs)."""
	shipped_by_key = {}
	for row in record["rows"]:
		key = KEY_WHEN_IDS_CAME.get(row["name"]) or _key(row)
		shipped_by_key.setdefault(key, []).append(row["name"])
	site_rows = frappe.get_all(
		"Follow-up Schedule Row",
		filters={"parent": record["name"], "parenttype": "Follow-up Schedule"},
		fields=["name", "anchor", "offset_unit", "offset_value"],
		order_by="idx",
	)
	for row in site_rows:
		ids = shipped_by_key.get(_key(row))
		if len(ids or ()) != 1 or row.name == ids[0] or frappe.db.exists("Follow-up Schedule Row", ids[0]):
			continue
		frappe.db.sql("update `tabFollow-up Schedule Row` set name = %s where name = %s", (ids[0], row.name))
		frappe.db.sql(
			"update `tabRetention Follow-up` set schedule_row_id = %s where schedule_row_id = %s",
			(ids[0], row.name),
		)


def _key(row) -> tuple:
	return (row["anchor"], row["offset_unit"], int(row["offset_value"] or 0))
