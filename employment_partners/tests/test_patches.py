"""Data patches, each run on a site made to look as it did before the patch."""

import json
import unittest

import frappe
from frappe.utils import add_days

from employment_partners import defaults
from employment_partners.participants import enrolments
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
from employment_partners.patches.v1_4 import program_enrolments
from employment_partners.retention import follow_ups
from employment_partners.retention import schedule as schedule_maths
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
	the exit contacts, as the app made them before.  On today's schema the participant has no
	schedule of their own: they are enrolled in the job retention program (SETA 02-09, Settings'
	default) and exit it on 15 May, so the merged follow-ups belong to that enrolment."""

	def setUp(self):
		super().setUp()
		self.case_manager = make_user("Case Manager")
		self.person = make_participant(
			case_manager=self.case_manager, exit_date="2026-05-15", programs=[SETA]
		)
		self.enrolment = self.person.enrolments[0]
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
			fields=[
				"name",
				"schedule_row_id",
				"placement",
				"status",
				"due_date",
				"program",
				"program_enrolment",
			],
			order_by="due_date, schedule_row_id",
		)

	def test_one_per_row_and_nothing_recorded_is_lost(self):
		self.run_patch("2026-11-26")
		rows = self.exit_follow_ups()
		self.assertEqual(len({r.schedule_row_id for r in rows}), len(rows), "one follow-up per row")
		self.assertTrue(all(r.placement is None for r in rows))
		# each belongs to the participant's SETA enrolment (the merged ones stamped, the made ones
		# made for it), so the app's next reconciliation finds them all
		self.assertEqual({(r.program, r.program_enrolment) for r in rows}, {(SETA, self.enrolment.name)})

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
		# Nov 2026 (Q2 after exit, month 2) and everything after are made (the follow-up form is
		# open for each quarter's third month, beside its monthly contact: v1_4 seta_ewif_month_3)
		made = [(r.schedule_row_id, str(r.due_date)) for r in self.exit_follow_ups() if r.status == "Open"]
		self.assertEqual(
			made,
			[
				("seta-02-09-q2-month-2", "2026-11-01"),
				("seta-02-09-q2-ewif", "2026-12-01"),
				("seta-02-09-q2-month-3", "2026-12-01"),
				("seta-02-09-q3-first-week", "2027-01-01"),
				("seta-02-09-q3-month-1", "2027-01-01"),
				("seta-02-09-q3-month-2", "2027-02-01"),
				("seta-02-09-q3-ewif", "2027-03-01"),
				("seta-02-09-q3-month-3", "2027-03-01"),
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
		# and the app's own reconciliation, as after a save, agrees with what the patch left
		with self.freeze_time("2026-11-26 06:00:00"):
			self.assertEqual(
				follow_ups.sync_participant(self.person.name, create_not_before="2026-11-26"),
				{"created": 0, "moved": 0, "removed": 0},
			)


class TestProgramEnrolmentsPatch(EPTestCase):
	"""v1_4 program_enrolments on a site as it was before programs: participants with their own
	follow-up schedule (the Participant column, added back here when the site has none: DDL
	commits, so it is added before the test writes anything and dropped after its rows are rolled
	back), exit follow-ups naming no enrolment, no enrolment rows, and Settings naming no default
	programs.

	Ana: enrolled 1 Sep 2025 on the 15D outcomes schedule, exited 13 Feb 2026; her "At Close"
	follow-up was done (employed elsewhere, $19.50 x 32 h, a pay stub for 2-13 Feb, a note and a
	reached attempt), her 3-month one is open with an unanswered attempt and a note; a follow-up of
	her placement names no program.  Ben: enrolled 5 Jan 2026 with no schedule of his own (so the
	Settings default, SETA 02-09), not exited."""

	def build(self, own_schedules: bool):
		if own_schedules and not frappe.db.has_column("Participant", "follow_up_schedule"):
			frappe.db.sql_ddl("alter table `tabParticipant` add column follow_up_schedule varchar(140)")
			frappe.cache.hdel("table_columns", "tabParticipant")  # Frappe caches the columns
			self.addCleanup(self.drop_column)  # after tearDown's rollback
		schedule_name = OUTCOMES if own_schedules else SETA
		settings = frappe.get_single("Employment Partners Settings")
		settings.default_programs = []  # before programs, Settings named none
		settings.default_follow_up_schedule = SETA
		settings.save()
		self.ana = make_participant(first_name="Ana", enrolment_date="2025-09-01")
		self.ben = make_participant(first_name="Ben", enrolment_date="2026-01-05")
		self.assertEqual((self.ana.enrolments, self.ben.enrolments), ([], []))
		placement = make_placement(participant=self.ana.name, start_date="2025-11-03")
		frappe.db.sql(
			"update `tabParticipant` set exit_date = '2026-02-13', status = 'Exited' where name = %s",
			self.ana.name,
		)
		if own_schedules:
			frappe.db.sql(
				"update `tabParticipant` set follow_up_schedule = %s where name = %s",
				(OUTCOMES, self.ana.name),
			)
		# her schedule's rows after an exit on 13 Feb 2026: the 15D "At Close" is due 13 Feb (open
		# 14 days, to 26 Feb), the 3-month one 13 May (to 26 May); SETA's first is the first week
		# of the next quarter (1-7 Apr), its next the whole of April
		rows = follow_ups.schedule_rows(schedule_name, schedule_maths.PROGRAM_EXIT)
		first, second = schedule_maths.generate(rows, None, "2026-02-13")[:2]
		self.assertEqual(
			[(str(d.due_date), str(d.window_end)) for d in (first, second)],
			[("2026-02-13", "2026-02-26"), ("2026-05-13", "2026-05-26")]
			if own_schedules
			else [("2026-04-01", "2026-04-07"), ("2026-04-01", "2026-04-30")],
		)
		# each tried the day after it fell due; the first reached them and was done that day
		reached_on = add_days(first.due_date, 1)
		attempt = {"attempted_on": f"{reached_on} 10:00:00", "method": "Phone", "reached": 1}
		self.done = self.old_exit_follow_up(
			schedule_name,
			first,
			status="Done",
			outcome="Employed - Other Employer",
			current_employer="Harbour Bakery",
			hourly_wage=19.5,
			hours_per_week=32,
			completed_on=reached_on,
			contact_method="Phone",
			verification_source="Pay Stub",
			employed_from="2026-02-02",
			employed_to="2026-02-13",
			notes="Started at the bakery",
			attempts=[attempt],
		)
		self.open = self.old_exit_follow_up(
			schedule_name,
			second,
			notes="Left a voicemail",
			attempts=[{**attempt, "attempted_on": f"{add_days(second.due_date, 1)} 11:00:00", "reached": 0}],
		)
		self.placement_follow_ups = frappe.get_all(
			"Retention Follow-up", filters={"placement": placement.name}, pluck="name"
		)
		self.assertTrue(self.placement_follow_ups)
		self.names = [self.done.name, self.open.name, *self.placement_follow_ups]

	def drop_column(self):
		frappe.db.sql_ddl("alter table `tabParticipant` drop column follow_up_schedule")
		frappe.cache.hdel("table_columns", "tabParticipant")

	def old_exit_follow_up(self, schedule_name: str, due, **values):
		"""A follow-up after exit as the app made them before programs: the participant's, on
		their schedule's row, naming no program or enrolment."""
		doc = frappe.get_doc(
			{
				"doctype": "Retention Follow-up",
				"participant": self.ana.name,
				"follow_up_schedule": schedule_name,
				"schedule_row_id": due.row_id,
				"label": due.label,
				"anchor": due.anchor,
				"outcome_milestone": due.outcome_milestone or None,
				"due_date": due.due_date,
				"window_end": due.window_end,
				"status": "Open",
				**values,
			}
		)
		doc.flags.ignore_validate = True
		doc.insert()
		return doc

	def recorded(self) -> dict:
		"""Every stored field of Ana's follow-ups and of their attempts, but the two the patch sets."""
		rows = frappe.get_all(
			"Retention Follow-up", filters={"name": ("in", self.names)}, fields=["*"], order_by="name"
		)
		for row in rows:
			del row["program"], row["program_enrolment"]
		attempts = frappe.get_all(
			"Follow-up Attempt", filters={"parent": ("in", self.names)}, fields=["*"], order_by="name"
		)
		self.assertEqual(len(attempts), 2)
		return {"follow_ups": rows, "attempts": attempts}

	def stamps(self) -> dict:
		return {
			row.name: (row.program, row.program_enrolment)
			for row in frappe.get_all(
				"Retention Follow-up",
				filters={"name": ("in", self.names)},
				fields=["name", "program", "program_enrolment"],
			)
		}

	def enrolments_of(self, participant: str) -> list:
		return frappe.get_all(
			"Program Enrolment",
			filters={"parent": participant},
			fields=[
				"name",
				"parenttype",
				"parentfield",
				"idx",
				"program",
				"enrolled_on",
				"exit_date",
				"exit_reason",
			],
		)

	def default_programs(self) -> list[str]:
		settings = frappe.get_single("Employment Partners Settings")
		return [row.program for row in settings.default_programs]

	def test_each_schedule_and_exit_becomes_one_enrolment_keeping_every_follow_up(self):
		self.build(own_schedules=True)
		before = self.recorded()

		program_enrolments.execute()

		# Ana: one enrolment in the program of her schedule (the shipped 15D one), from her
		# enrolment day to her exit; no exit reason (none was recorded before)
		(ana,) = self.enrolments_of(self.ana.name)
		self.assertEqual(
			(ana.parenttype, ana.parentfield, ana.idx, ana.program),
			("Participant", "enrolments", 1, enrolments.ONTARIO_PROGRAM),
		)
		self.assertEqual(
			(str(ana.enrolled_on), str(ana.exit_date), ana.exit_reason), ("2025-09-01", "2026-02-13", None)
		)
		# Ben: the Settings default schedule's program (SETA 02-09), still open
		(ben,) = self.enrolments_of(self.ben.name)
		self.assertEqual((ben.program, str(ben.enrolled_on), ben.exit_date), (SETA, "2026-01-05", None))
		# her follow-ups after exit carry her enrolment; her placement's do not
		stamps = self.stamps()
		self.assertEqual(stamps[self.done.name], (enrolments.ONTARIO_PROGRAM, ana.name))
		self.assertEqual(stamps[self.open.name], (enrolments.ONTARIO_PROGRAM, ana.name))
		self.assertEqual({stamps[name] for name in self.placement_follow_ups}, {(None, None)})
		# everything recorded kept: outcome, employer, pay, the pay stub's period, notes, attempts
		self.assertEqual(self.recorded(), before)
		# new participants are enrolled in the default schedule's program
		self.assertEqual(self.default_programs(), [SETA])
		# the participant as saved now reads the same exit; the app's reconciliation finds her two
		# follow-ups where her schedule puts them (none moved or removed) and makes the 6 and
		# 12-month ones
		self.assertEqual(str(frappe.get_doc("Participant", self.ana.name).exit_date), "2026-02-13")
		self.assertEqual(follow_ups.sync_participant(self.ana.name), {"created": 2, "moved": 0, "removed": 0})

		program_enrolments.execute()  # a second run changes nothing

		self.assertEqual(self.enrolments_of(self.ana.name), [ana])
		self.assertEqual(self.enrolments_of(self.ben.name), [ben])
		self.assertEqual(self.stamps(), stamps)
		self.assertEqual(self.recorded(), before)
		self.assertEqual(self.default_programs(), [SETA])

	def test_a_site_from_before_participant_schedules_follows_the_default(self):
		"""A site upgraded from before participants had a schedule (v1_1) never had the column:
		everyone is enrolled in the Settings default schedule's program (SETA 02-09)."""
		if frappe.db.has_column("Participant", "follow_up_schedule"):
			self.skipTest("this site keeps the column from before programs; the test does not drop it")
		self.build(own_schedules=False)
		before = self.recorded()

		program_enrolments.execute()

		(ana,) = self.enrolments_of(self.ana.name)
		self.assertEqual(
			(ana.program, str(ana.enrolled_on), str(ana.exit_date)), (SETA, "2025-09-01", "2026-02-13")
		)
		self.assertEqual(self.stamps()[self.open.name], (SETA, ana.name))
		self.assertEqual(self.recorded(), before)
		self.assertEqual(self.default_programs(), [SETA])


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


class TestStaffDeskHomePatch(EPTestCase):
	def test_staff_made_before_get_their_home_and_a_persons_own_choice_stays(self):
		from employment_partners import desk_home
		from employment_partners.patches.v1_6 import staff_desk_home

		before, chosen = make_user("Case Manager"), make_user("Business Services Rep")
		# as a login made before the workspaces was: none of either
		frappe.db.set_value("User", before, {"default_workspace": None, "module_profile": None})
		frappe.db.delete("Block Module", {"parent": before})
		frappe.db.set_value("User", chosen, "default_workspace", "Employment Partners")
		staff_desk_home.execute()
		user = frappe.get_doc("User", before)
		self.assertEqual(
			(user.default_workspace, user.module_profile, len(user.block_modules)),
			("Job Retention", desk_home.STAFF_PROFILE, 4),
		)
		self.assertEqual(frappe.db.get_value("User", chosen, "default_workspace"), "Employment Partners")
		# a second run changes nothing
		modified = frappe.db.get_value("User", before, "modified")
		staff_desk_home.execute()
		self.assertEqual(frappe.db.get_value("User", before, "modified"), modified)


class TestPulseEmailContrastPatch(EPTestCase):
	def test_a_template_as_shipped_takes_the_new_colours_and_an_edited_one_stays(self):
		from employment_partners.patches.v1_6 import pulse_email_contrast as patch

		question, unanswered = defaults.shipped_names()["Email Template"]
		old = patch.as_shipped_before(defaults.shipped("Email Template", question).response_html)
		self.assertIn("#2b8a3e", old)
		frappe.db.set_value("Email Template", question, "response_html", old)
		edited = "<p>Our own words, #2b8a3e</p>"
		frappe.db.set_value("Email Template", unanswered, "response_html", edited)
		patch.execute()
		self.assertEqual(
			frappe.db.get_value("Email Template", question, "response_html"),
			defaults.shipped("Email Template", question).response_html,
		)
		self.assertEqual(frappe.db.get_value("Email Template", unanswered, "response_html"), edited)
