"""Data patches, each run on a site made to look as it did before the patch."""

import json
import unittest

import frappe

from employment_partners import defaults
from employment_partners.patches.v1_0.business_day_as_half_hours import half_hour
from employment_partners.patches.v1_1 import (
	exit_follow_ups_to_participants,
	follow_up_notification_texts,
	follow_up_schedule_row_ids,
	kanban_card_fields,
	option_lists_as_records,
	seta_02_09_schedule,
	stage_history_events,
)
from employment_partners.tests import EPTestCase
from employment_partners.tests.factories import (
	make_employer_lead,
	make_participant,
	make_placement,
	make_user,
)

SETA = "Job Retention (SETA 02-09)"
OUTCOMES = "Outcomes at Close, 3, 6 and 12 Months"

# the Job Retention (SETA 02-09) rows as the app shipped them before (label, anchor, offset, unit, window)
OLD_SETA_ROWS = [
	("Within 1 week of employment", "Placement Start", 0, "Days", 7),
	("1 month after employment", "Placement Start", 1, "Months", 7),
	("First week of quarter 1 after exit", "Program Exit", 1, "First Week of Quarter after Exit", 7),
	*((f"Month {n} after exit", "Program Exit", n, "Months", 7) for n in range(1, 10)),
	*(
		(f"Quarterly form: end of quarter {n} after exit", "Program Exit", n, "End of Quarter after Exit", 14)
		for n in range(1, 4)
	),
]


def make_old_seta_schedule() -> list[str]:
	"""Put the old rows back into the SETA schedule, under fresh random names; returns them."""
	frappe.db.delete("Follow-up Schedule Row", {"parent": SETA, "parenttype": "Follow-up Schedule"})
	names = []
	for idx, (label, anchor, offset, unit, window) in enumerate(OLD_SETA_ROWS, start=1):
		row = frappe.get_doc(
			{
				"doctype": "Follow-up Schedule Row",
				"parent": SETA,
				"parenttype": "Follow-up Schedule",
				"parentfield": "rows",
				"idx": idx,
				"label": label,
				"anchor": anchor,
				"offset_value": offset,
				"offset_unit": unit,
				"window_days": window,
			}
		)
		row.db_insert()
		names.append(row.name)
	return names


def old_follow_up(placement, row_id: str, label: str, anchor: str = "Program Exit", **values):
	"""A follow-up as the app made them before: every one on a placement."""
	doc = frappe.get_doc(
		{
			"doctype": "Retention Follow-up",
			"placement": placement.name,
			"participant": placement.participant,
			"follow_up_schedule": SETA,
			"schedule_row_id": row_id,
			"label": label,
			"anchor": anchor,
			"due_date": "2026-07-01",
			"window_end": "2026-07-07",
			"status": "Open",
			**values,
		}
	)
	doc.flags.ignore_validate = True
	doc.insert()
	return doc


class TestBusinessDayPatch(unittest.TestCase):
	def test_plain_half_hours_are_kept(self):
		self.assertEqual(
			[half_hour("08:30:00"), half_hour("9:00:00"), half_hour("17:00")], ["08:30", "09:00", "17:00"]
		)

	def test_install_time_and_junk_fall_back_to_the_default(self):
		self.assertEqual(
			[half_hour("01:35:57.304828"), half_hour("10:15:00"), half_hour(None), half_hour("soon")],
			[None] * 4,
		)


class TestScheduleRowIds(EPTestCase):
	def test_shipped_rows_take_their_fixed_ids_and_follow_ups_follow(self):
		old_names = make_old_seta_schedule()
		placement = make_placement(follow_up_schedule=OUTCOMES)
		week_1 = old_follow_up(placement, old_names[0], "Within 1 week of employment", "Placement Start")
		month_4 = old_follow_up(placement, old_names[6], "Month 4 after exit")
		form_2 = old_follow_up(placement, old_names[13], "Quarterly form: end of quarter 2 after exit")

		follow_up_schedule_row_ids.adopt_row_ids(defaults.shipped("Follow-up Schedule", SETA))

		rows = frappe.get_all(
			"Follow-up Schedule Row", filters={"parent": SETA}, fields=["name", "label"], order_by="idx"
		)
		# same anchor, unit and offset as a shipped row: the shipped id; the old monthly rows
		# (exit + n months) match no shipped row and keep theirs
		self.assertEqual(
			[r.name for r in rows],
			[
				"seta-02-09-employment-week-1",
				"seta-02-09-employment-month-1",
				"seta-02-09-q1-first-week",
				*old_names[3:12],
				"seta-02-09-q1-ewif",
				"seta-02-09-q2-ewif",
				"seta-02-09-q3-ewif",
			],
		)
		self.assertEqual(
			[
				frappe.db.get_value("Retention Follow-up", d.name, "schedule_row_id")
				for d in (week_1, month_4, form_2)
			],
			["seta-02-09-employment-week-1", old_names[6], "seta-02-09-q2-ewif"],
		)


class TestRowIdsFromPositions(unittest.TestCase):
	"""Sites made before row ids hold the row's position in `schedule_row`. The column is made
	here when the site never had it (DDL commits, so this test cleans up after itself)."""

	def setUp(self):
		self.added_column = not frappe.db.has_column("Retention Follow-up", "schedule_row")
		if self.added_column:
			frappe.db.sql_ddl(
				"alter table `tabRetention Follow-up` add column schedule_row int(11) not null default 0"
			)
			frappe.cache.hdel("table_columns", "tabRetention Follow-up")  # Frappe caches the columns
		self.made = []

	def tearDown(self):
		for doctype, name in self.made:
			frappe.delete_doc(doctype, name, force=True, ignore_permissions=True)
		frappe.db.commit()
		if self.added_column:
			frappe.db.sql_ddl("alter table `tabRetention Follow-up` drop column schedule_row")
			frappe.cache.hdel("table_columns", "tabRetention Follow-up")

	def test_each_follow_up_finds_its_row_by_position(self):
		schedule = frappe.get_doc(
			{
				"doctype": "Follow-up Schedule",
				"schedule_name": f"Agency {frappe.generate_hash(length=6)}",
				"rows": [
					{
						"label": "Day one",
						"anchor": "Placement Start",
						"offset_value": 0,
						"offset_unit": "Days",
						"window_days": 3,
					},
					{
						"label": "Week two",
						"anchor": "Placement Start",
						"offset_value": 2,
						"offset_unit": "Weeks",
						"window_days": 3,
					},
				],
			}
		).insert()
		placement = make_placement(follow_up_schedule=schedule.name)
		self.made += [("Placement", placement.name), ("Participant", placement.participant)]
		self.made += [
			("Job Order", placement.job_order),
			("Hiring Partnership", placement.hiring_partnership),
		]
		self.made.append(("Follow-up Schedule", schedule.name))
		second = frappe.db.get_value(
			"Retention Follow-up", {"placement": placement.name, "schedule_row_id": schedule.rows[1].name}
		)
		frappe.db.set_value("Retention Follow-up", second, {"schedule_row": 2, "schedule_row_id": None})
		frappe.db.commit()

		follow_up_schedule_row_ids.execute()

		self.assertEqual(
			frappe.db.get_value("Retention Follow-up", second, "schedule_row_id"), schedule.rows[1].name
		)


class TestSetaSchedulePatch(EPTestCase):
	def test_the_site_gets_the_directives_schedule_and_done_follow_ups_stay(self):
		old_names = make_old_seta_schedule()
		placement = make_placement()
		done = old_follow_up(
			placement,
			old_names[3],
			"Month 1 after exit",
			status="Done",
			outcome="Unemployed",
			completed_on="2026-06-16",
		)
		follow_up_schedule_row_ids.adopt_row_ids(defaults.shipped("Follow-up Schedule", SETA))

		seta_02_09_schedule.execute()

		shipped = defaults.shipped("Follow-up Schedule", SETA)
		rows = frappe.get_doc("Follow-up Schedule", SETA).rows
		fields = ("name", "label", "anchor", "offset_value", "offset_unit", "window_days")
		self.assertEqual(
			[tuple(r.get(f) for f in fields) for r in rows],
			[tuple(r.get(f) for f in fields) for r in shipped["rows"]],
		)
		self.assertEqual(
			frappe.db.get_value(
				"Retention Follow-up", done.name, ["status", "due_date", "label"], as_dict=True
			),
			{"status": "Done", "due_date": frappe.utils.getdate("2026-07-01"), "label": "Month 1 after exit"},
		)


class TestExitFollowUpsPatch(EPTestCase):
	"""A participant placed twice, exited 15 May 2026 (Q2), each placement with its own copy of
	the exit contacts, as the app made them before."""

	def setUp(self):
		super().setUp()
		self.case_manager = make_user("Case Manager")
		self.person = make_participant(case_manager=self.case_manager, exit_date="2026-05-15")
		frappe.db.set_value("Participant", self.person.name, "follow_up_schedule", None)
		frappe.db.delete("Retention Follow-up", {"participant": self.person.name})
		self.first = make_placement(
			participant=self.person.name,
			start_date="2026-02-02",
			status="Ended",
			end_date="2026-04-30",
			separation_reason="Quit",
		)
		self.second = make_placement(participant=self.person.name, start_date="2026-05-04")
		attempt = {"attempted_on": "2026-07-02 10:00:00", "method": "Phone", "reached": 0}
		q1 = ("seta-02-09-q1-first-week", "First week of quarter 1 after exit")
		# the first placement's copy was done, the second's was tried twice and noted
		self.done = old_follow_up(
			self.first,
			*q1,
			status="Done",
			outcome="Employed - Same Employer",
			current_employer=self.first.employer_name,
			hourly_wage=21,
			completed_on="2026-07-03",
			notes="Doing well",
			attempts=[{**attempt, "reached": 1}],
		)
		self.tried = old_follow_up(
			self.second,
			*q1,
			attempts=[attempt, {**attempt, "attempted_on": "2026-07-02 15:00:00"}],
			notes="Left a voicemail",
		)
		self.old_done_twice = [
			old_follow_up(
				p,
				"seta-02-09-q1-ewif",
				"Follow-up form",
				status="Done",
				outcome=outcome,
				current_employer="Cafe" if outcome.startswith("Employed") else None,
				hourly_wage=18,
				completed_on=day,
			)
			for p, outcome, day in (
				(self.first, "Employed - Other Employer", "2026-09-30"),
				(self.second, "Unemployed", "2026-09-29"),
			)
		]

	def run_patch(self, on: str):
		with self.freeze_time(f"{on} 06:00:00"):
			exit_follow_ups_to_participants.execute()

	def exit_follow_ups(self) -> list:
		return frappe.get_all(
			"Retention Follow-up",
			filters={"participant": self.person.name, "anchor": "Program Exit"},
			fields=["name", "schedule_row_id", "placement", "status", "due_date"],
			order_by="due_date, schedule_row_id",
		)

	def test_one_per_row_and_nothing_recorded_is_lost(self):
		self.run_patch("2026-11-26")
		self.assertEqual(
			frappe.db.get_value("Participant", self.person.name, "follow_up_schedule"), SETA
		)  # from the latest placement
		rows = self.exit_follow_ups()
		self.assertEqual(len({r.schedule_row_id for r in rows}), len(rows), "one follow-up per row")
		self.assertTrue(all(r.placement is None for r in rows))

		kept = frappe.get_doc(
			"Retention Follow-up",
			{"participant": self.person.name, "schedule_row_id": "seta-02-09-q1-first-week"},
		)
		self.assertEqual(kept.name, self.done.name)  # the done one stays
		self.assertEqual(
			(kept.status, kept.outcome, kept.hourly_wage), ("Done", "Employed - Same Employer", 21)
		)
		self.assertEqual(kept.employer_placement, self.first.name)  # "same employer" named its placement
		self.assertEqual(len(kept.attempts), 3)  # its own and the two tried on the other copy
		self.assertEqual([a.idx for a in kept.attempts], [1, 2, 3])
		self.assertIn("Doing well", kept.notes)
		self.assertIn(
			f"Merged from {self.tried.name} (placement {self.second.name}): Left a voicemail", kept.notes
		)
		self.assertFalse(frappe.db.exists("Retention Follow-up", self.tried.name))
		self.assertFalse(frappe.db.exists("ToDo", {"reference_name": self.tried.name}))

		form = frappe.get_doc(
			"Retention Follow-up", {"participant": self.person.name, "schedule_row_id": "seta-02-09-q1-ewif"}
		)
		# both copies were done: the latest (30 Sep) stays, the other's outcome goes into its notes
		self.assertEqual(
			(form.name, form.outcome), (self.old_done_twice[0].name, "Employed - Other Employer")
		)
		self.assertIn(f"Merged from {self.old_done_twice[1].name}", form.notes)
		self.assertIn("outcome Unemployed", form.notes)

	def test_missing_contacts_are_made_only_where_they_can_still_be_made(self):
		self.run_patch("2026-11-26")
		# exit 15 May 2026: contacts whose window ended before 26 Nov 2026 are not invented;
		# Nov 2026 (Q2 after exit, month 2) and everything after are made
		made = [(r.schedule_row_id, str(r.due_date)) for r in self.exit_follow_ups() if r.status == "Open"]
		self.assertEqual(
			made,
			[
				("seta-02-09-q2-month-2", "2026-11-01"),
				("seta-02-09-q2-month-3", "2026-12-01"),
				("seta-02-09-q2-ewif", "2026-12-31"),
				("seta-02-09-q3-first-week", "2027-01-01"),
				("seta-02-09-q3-month-1", "2027-01-01"),
				("seta-02-09-q3-month-2", "2027-02-01"),
				("seta-02-09-q3-month-3", "2027-03-01"),
				("seta-02-09-q3-ewif", "2027-03-31"),
			],
		)
		self.assertEqual(
			{
				frappe.db.get_value("ToDo", {"reference_name": r.name}, "allocated_to")
				for r in self.exit_follow_ups()
				if r.status == "Open"
			},
			{self.case_manager},
		)

	def test_running_twice_changes_nothing(self):
		self.run_patch("2026-11-26")
		first = self.exit_follow_ups()
		self.run_patch("2026-11-26")
		self.assertEqual(self.exit_follow_ups(), first)


class TestNotificationTextPatch(EPTestCase):
	def test_the_shipped_text_is_replaced_and_a_reworded_one_kept(self):
		name = "Retention Follow-up Due"
		frappe.db.set_value("Notification", name, "message", follow_up_notification_texts.OLD)
		frappe.db.set_value("Notification", f"{name} (Email)", "message", "Our own words")
		follow_up_notification_texts.execute()
		self.assertEqual(
			frappe.db.get_value("Notification", name, "message"),
			defaults.shipped("Notification", name).message,
		)
		self.assertEqual(frappe.db.get_value("Notification", f"{name} (Email)", "message"), "Our own words")


class TestDeskPatches(EPTestCase):
	def test_kanban_cards_show_the_bsr_by_name(self):
		rep = make_user("Business Services Rep")
		lead = make_employer_lead(assigned_bsr=rep)
		frappe.db.set_value("Employer Lead", lead.name, "assigned_bsr_name", None)
		frappe.db.set_value(
			"Kanban Board", "Employer Pipeline", "fields", json.dumps(kanban_card_fields.OLD_FIELDS)
		)
		kanban_card_fields.execute()
		self.assertEqual(
			json.loads(frappe.db.get_value("Kanban Board", "Employer Pipeline", "fields"))[0],
			"assigned_bsr_name",
		)
		self.assertEqual(
			frappe.db.get_value("Employer Lead", lead.name, "assigned_bsr_name"),
			frappe.db.get_value("User", rep, "full_name"),
		)
		# an agency's own card fields stay
		frappe.db.set_value("Kanban Board", "Employer Pipeline", "fields", json.dumps(["industry"]))
		kanban_card_fields.execute()
		self.assertEqual(
			frappe.db.get_value("Kanban Board", "Employer Pipeline", "fields"), json.dumps(["industry"])
		)

	def test_automatic_notes_become_events(self):
		lead = make_employer_lead()
		lead.stage = "Outreach"
		lead.save()
		row = lead.stage_history[-1]
		frappe.db.set_value(
			"Employer Lead Stage History",
			row.name,
			{"is_automatic": 1, "automatic_event": None, "note": "Automatic: job order JO-2026-00007"},
		)
		human = lead.stage_history[0]
		frappe.db.set_value(
			"Employer Lead Stage History",
			human.name,
			{"is_automatic": 1, "automatic_event": None, "note": "Chamber breakfast"},
		)
		stage_history_events.execute()
		self.assertEqual(
			frappe.db.get_value(
				"Employer Lead Stage History", row.name, ["automatic_event", "event_source", "note"]
			),
			("Job order created", "JO-2026-00007", None),
		)
		self.assertEqual(
			frappe.db.get_value("Employer Lead Stage History", human.name, ["automatic_event", "note"]),
			(None, "Chamber breakfast"),
		)
		self.assertEqual(
			stage_history_events.event_of("Automatic: placement PL-1 passed 30 days"),
			("Placement passed 30 days", "PL-1"),
		)

	def test_laid_off_takes_the_records_spelling(self):
		person = make_participant(job_losses=[{"end_date": "2025-05-01", "reason": "Laid Off"}])
		frappe.db.set_value("Participant Job Loss", person.job_losses[0].name, "reason", "Laid off")
		option_lists_as_records.execute()
		self.assertEqual(
			frappe.db.get_value("Participant Job Loss", person.job_losses[0].name, "reason"), "Laid Off"
		)


class TestIssueReportedAfterCommitPatch(EPTestCase):
	def test_shipped_notifications_move_to_the_method_an_agencys_own_event_stays(self):
		from employment_partners.patches.v1_3 import issue_reported_after_commit

		frappe.db.set_value("Notification", "Retention Issue Reported", {"event": "New", "method": None})
		frappe.db.set_value(
			"Notification", "Retention Issue Reported (Email)", {"event": "Save", "method": None}
		)
		issue_reported_after_commit.execute()
		self.assertEqual(
			frappe.db.get_value("Notification", "Retention Issue Reported", ["event", "method"]),
			("Method", "on_reported"),
		)
		self.assertEqual(
			frappe.db.get_value("Notification", "Retention Issue Reported (Email)", ["event", "method"]),
			("Save", None),
		)
		frappe.db.rollback()
		frappe.cache.hdel("notifications", "Retention Issue Report")
