"""The generated agency (`bench --site S employment-partners make-demo`): the sizes asked for, records
that pass the app's own rules, follow-ups the app itself would have made, outcomes that follow the
employment spells, the same agency from the same seed, and data in every report, chart and card.
Each test generates a small agency and rolls it back."""

import subprocess
import sys

import frappe
from frappe.utils import add_days, getdate

from employment_partners.commands import commands
from employment_partners.demo_data import agency
from employment_partners.participants import enrolments
from employment_partners.pipeline import automation, stages
from employment_partners.retention import follow_ups, reminders, schedule
from employment_partners.tests import EPTestCase

SIZES = {"employers": 60, "participants": 120, "placements": 150, "seed": 4}


def generate(**changes) -> agency.Agency:
	made = agency.Agency(agency.Config(**(SIZES | {"progress": False} | changes)))
	made.make()
	return made


class TestGeneratedAgency(EPTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		if agency.already_made():
			raise frappe.ValidationError("this test site holds a generated agency; tests need it without")

	def test_sizes_asked_for(self):
		made = generate()
		director = frappe.db.get_value("User", agency.DIRECTOR, "name")
		self.assertEqual(director, agency.DIRECTOR)
		self.assertEqual(made.out.counts["Employer Lead"], 60)
		self.assertEqual(made.out.counts["Participant"], 120)
		self.assertEqual(made.out.counts["Placement"], 150)
		self.assertEqual(
			frappe.db.count("Placement", {"participant": ("in", made_participants())}),
			150,
		)
		# a believable agency: most placed, most leads short of a partnership, several case managers
		placed = frappe.db.sql(
			"select count(distinct participant) from `tabPlacement` where participant in %(p)s",
			{"p": made_participants()},
		)[0][0]
		self.assertGreater(placed / 120, 0.6)
		self.assertEqual(len(made.case_managers), 2)
		self.assertEqual(len(made.bsrs), 2)

	def test_records_pass_the_apps_rules(self):
		"""A sample of every generated doctype saves through its controller unchanged in meaning."""
		generate()
		for doctype in (
			"Employer Lead", "Hiring Partnership", "Job Order", "Participant", "Placement", "Referral",
			"Retention Follow-up", "Retention Issue Report", "Employer Pulse", "Service Referral",
			"Coaching Session", "Employer Feedback", "Employer Interaction", "Employer Appreciation Event",
		):  # fmt: skip
			names = frappe.get_all(doctype, filters={"owner": ("like", "%demo.employment-partners.invalid")}, pluck="name", limit=6) or frappe.get_all(doctype, pluck="name", order_by="creation desc", limit=6)  # fmt: skip
			self.assertTrue(names, doctype)
			for name in names:
				doc = frappe.get_doc(doctype, name)
				doc.flags.ignore_permissions = True
				doc.save()  # raises on any rule the generator broke

	def test_follow_ups_are_the_ones_the_app_makes(self):
		made = generate()
		# nothing is missing: the daily job finds no placement or exited participant without them
		self.assertEqual(reminders.generate_missing(), [])
		# and each placement's follow-ups are its schedule's rows, on the schedule's dates
		rows = follow_ups.schedule_rows(made.placement_schedule, schedule.PLACEMENT_START)
		placements = frappe.get_all(
			"Placement",
			filters={"participant": ("in", made_participants()), "status": "Active"},
			fields=["name", "start_date"],
			limit=20,
		)
		self.assertTrue(placements)
		for placement in placements:
			expected = [
				(d.row_id, d.due_date, d.window_end)
				for d in schedule.generate(rows, placement.start_date, None)
			]
			stored = frappe.get_all(
				"Retention Follow-up",
				filters={"placement": placement.name},
				fields=["schedule_row_id", "due_date", "window_end"],
				order_by="due_date, schedule_row_id",
			)
			self.assertEqual(
				sorted(expected), sorted((f.schedule_row_id, f.due_date, f.window_end) for f in stored)
			)
		# open follow-ups are assigned to the case manager, closed ones are not
		unassigned = frappe.db.sql(
			"""select count(*) from `tabRetention Follow-up` f where f.status = 'Open'
			and f.participant in %(p)s and not exists (select 1 from `tabToDo` t
				where t.reference_type = 'Retention Follow-up' and t.reference_name = f.name
				and t.allocated_to = f.case_manager and t.status = 'Open')""",
			{"p": made_participants()},
		)[0][0]
		self.assertEqual(unassigned, 0)

	def test_enrolments_are_the_apps(self):
		"""Everyone is in the job retention program, some also in the 15D and WIOA ones; every
		participant's enrolments pass the app's rule and their exit is the app's (the latest, once
		all have exited); the daily job's repair finds nothing to realign."""
		generate()
		people = frappe.get_all(
			"Participant",
			filters={"name": ("in", made_participants())},
			fields=["name", "enrolment_date", "exit_date", "status"],
		)
		rows = {}
		for row in frappe.get_all(
			"Program Enrolment",
			filters={"parenttype": "Participant", "parent": ("in", [p.name for p in people])},
			fields=[
				"name",
				"parent",
				"parentfield",
				"idx",
				"program",
				"enrolled_on",
				"exit_date",
				"exit_reason",
			],
			order_by="parent, idx",
		):
			rows.setdefault(row.parent, []).append(row)
		in_program = {
			program: 0
			for program in (enrolments.SETA_PROGRAM, enrolments.ONTARIO_PROGRAM, enrolments.WIOA_PROGRAM)
		}
		for person in people:
			mine = rows.get(person.name, [])
			self.assertEqual(mine[0].program if mine else None, enrolments.SETA_PROGRAM, person.name)
			self.assertEqual([r.idx for r in mine], list(range(1, len(mine) + 1)), person.name)
			self.assertEqual({r.parentfield for r in mine}, {"enrolments"}, person.name)
			self.assertIsNone(enrolments.enrolment_problem(mine, person.enrolment_date), person.name)
			self.assertEqual(person.exit_date, enrolments.exit_of(mine), person.name)
			self.assertEqual(person.status, "Exited" if person.exit_date else "Active", person.name)
			for row in mine:
				in_program[row.program] += 1
				# an exit has its reason, from the options the form offers
				self.assertEqual(bool(row.exit_reason), bool(row.exit_date), row.name)
		# a believable multi-funder agency: co-enrolments are a share, not everyone
		self.assertEqual(in_program[enrolments.SETA_PROGRAM], 120)
		for program in (enrolments.ONTARIO_PROGRAM, enrolments.WIOA_PROGRAM):
			self.assertGreater(in_program[program], 120 * 0.2, program)
			self.assertLess(in_program[program], 120 * 0.7, program)
		self.assertTrue(any(p.exit_date for p in people) and any(not p.exit_date for p in people))
		if frappe.get_meta("Placement").has_field("program"):
			# a placement is funded by the enrolment open on its start (the first, when several are)
			for placement in frappe.get_all(
				"Placement",
				filters={"participant": ("in", [p.name for p in people])},
				fields=["name", "participant", "start_date", "program"],
			):
				open_then = [
					r.program
					for r in rows[placement.participant]
					if r.enrolled_on <= placement.start_date
					and (r.exit_date is None or placement.start_date <= r.exit_date)
				]
				self.assertEqual(placement.program, open_then[0] if open_then else None, placement.name)
		# the daily repair (reminders.realign_exit_follow_ups) agrees with every follow-up after exit
		self.assertEqual(reminders.realign_exit_follow_ups(), [])

	def test_exit_follow_ups_belong_to_their_enrolment(self):
		"""Every follow-up after exit names an enrolment of its participant and that enrolment's
		program; each exited enrolment has exactly its program's schedule rows after exit, on the
		dates the schedule gives from that enrolment's exit; an open enrolment has none."""
		generate()
		schedules = dict(frappe.get_all("Program", fields=["name", "follow_up_schedule"], as_list=True))
		enrolled = {
			row.name: row
			for row in frappe.get_all(
				"Program Enrolment",
				filters={"parenttype": "Participant", "parent": ("in", made_participants())},
				fields=["name", "parent", "program", "exit_date"],
			)
		}
		stored = {}
		for f in frappe.get_all(
			"Retention Follow-up",
			filters={"participant": ("in", made_participants()), "placement": ("is", "not set")},
			fields=[
				"name", "participant", "program", "program_enrolment", "follow_up_schedule",
				"schedule_row_id", "due_date", "window_end", "outcome_milestone", "anchor",
			],
		):  # fmt: skip
			enrolment = enrolled.get(f.program_enrolment)
			self.assertTrue(enrolment and enrolment.parent == f.participant, f.name)
			self.assertEqual(
				(f.program, f.follow_up_schedule, f.anchor),
				(enrolment.program, schedules[enrolment.program], schedule.PROGRAM_EXIT),
				f.name,
			)
			stored.setdefault(f.program_enrolment, set()).add(
				(f.schedule_row_id, f.due_date, f.window_end, f.outcome_milestone or "")
			)
		rows = {
			name: follow_ups.schedule_rows(name, schedule.PROGRAM_EXIT) for name in set(schedules.values())
		}
		programs = set()
		for enrolment in enrolled.values():
			expected = {
				(d.row_id, d.due_date, d.window_end, d.outcome_milestone)
				for d in schedule.generate(rows[schedules[enrolment.program]], None, enrolment.exit_date)
			}
			self.assertEqual(stored.get(enrolment.name, set()), expected, enrolment.name)
			if enrolment.exit_date:
				programs.add(enrolment.program)
		# the 15D milestones and the WIOA quarters are there, each from its own program
		self.assertEqual(
			programs, {enrolments.SETA_PROGRAM, enrolments.ONTARIO_PROGRAM, enrolments.WIOA_PROGRAM}
		)

	def test_outcomes_as_the_app_records_them(self):
		"""An employment outcome covers a period that ends on or before the day it was done (the
		day itself by default, a pay stub's pay period inside the job); other outcomes cover none;
		a milestone's outcome is never recorded before its window opens."""
		generate()
		done = frappe.get_all(
			"Retention Follow-up",
			filters={"participant": ("in", made_participants()), "status": "Done"},
			fields=[
				"name", "label", "outcome", "completed_on", "due_date", "window_end", "outcome_milestone",
				"employed_from", "employed_to", "employer_placement",
			],
		)  # fmt: skip
		spans = 0
		for f in done:
			problem = follow_ups.milestone_problem(
				f.outcome_milestone, f.label, f.completed_on, f.due_date, f.window_end
			)
			self.assertIsNone(problem, f.name)
			if f.outcome in follow_ups.EMPLOYED:
				self.assertTrue(f.employed_from and f.employed_to, f.name)
				self.assertIsNone(
					follow_ups.evidence_problem(f.employed_from, f.employed_to, f.completed_on), f.name
				)
				spans += f.employed_from < f.employed_to
				if f.employer_placement:  # the period is inside the job they were in
					start = frappe.db.get_value("Placement", f.employer_placement, "start_date")
					self.assertGreaterEqual(f.employed_from, start, f.name)
			else:
				self.assertEqual((f.employed_from, f.employed_to), (None, None), f.name)
		self.assertGreater(spans, 0)
		self.assertTrue(any(f.outcome_milestone for f in done))

	def test_a_generated_participant_saved_through_the_app_changes_nothing(self):
		"""Saving a generated participant (and each follow-up) through its controller keeps every
		value, and reconciling their follow-ups as the app's job does creates, moves and removes
		none: the generator made what the app makes."""
		generate()
		fields = [
			"name", "participant", "placement", "program", "program_enrolment", "follow_up_schedule",
			"schedule_row_id", "due_date", "window_end", "status", "outcome", "completed_on",
			"employed_from", "employed_to", "employer_placement", "current_employer",
		]  # fmt: skip

		def follow_ups_of(names):
			return frappe.get_all(
				"Retention Follow-up", filters={"participant": ("in", names)}, fields=fields, order_by="name"
			)

		people = frappe.get_all(
			"Participant",
			filters={"name": ("in", made_participants())},
			fields=["name", "exit_date", "status"],
			order_by="name",
		)
		# those who exited first (their follow-ups after exit), then others: 40 in all
		people.sort(key=lambda p: (not p.exit_date, p.name))
		sample = [p.name for p in people[:40]]
		before = follow_ups_of(sample)
		for name in sample:
			doc = frappe.get_doc("Participant", name)
			enrolled = [
				(r.name, r.program, r.enrolled_on, r.exit_date, r.exit_reason) for r in doc.enrolments
			]
			kept = (doc.exit_date, doc.status)
			doc.flags.ignore_permissions = True
			doc.save()
			self.assertEqual(
				[(r.name, r.program, r.enrolled_on, r.exit_date, r.exit_reason) for r in doc.enrolments],
				enrolled,
				name,
			)
			self.assertEqual((doc.exit_date, doc.status), kept, name)
			# what the follow-up job does after a save (follow_ups.sync_participant_job), run now
			self.assertEqual(
				follow_ups.sync_participant(name), {"created": 0, "moved": 0, "removed": 0}, name
			)
			for placement in frappe.get_all("Placement", filters={"participant": name}, pluck="name"):
				self.assertEqual(
					follow_ups.sync_placement(frappe.get_doc("Placement", placement)),
					{"created": 0, "moved": 0, "removed": 0},
					placement,
				)
		self.assertTrue(any(f.program_enrolment for f in before))
		for f in before:  # each follow-up through its controller: the outcome's period is kept
			if f.status == "Done":
				doc = frappe.get_doc("Retention Follow-up", f.name)
				doc.flags.ignore_permissions = True
				doc.save()
		self.assertEqual(follow_ups_of(sample), before)

	def test_spells_hold_together(self):
		generate()
		p = {"p": made_participants()}
		# a participant's placements follow one another: each ends before the next starts
		overlaps = frappe.db.sql(
			"""select count(*) from `tabPlacement` a join `tabPlacement` b
				on a.participant = b.participant and a.name != b.name and a.start_date < b.start_date
			where a.participant in %(p)s and (a.end_date is null or a.end_date >= b.start_date)""",
			p,
		)[0][0]
		self.assertEqual(overlaps, 0)
		# an employed-with-the-same-employer outcome names a placement of theirs that covered the day
		wrong = frappe.db.sql(
			"""select count(*) from `tabRetention Follow-up` f
			left join `tabPlacement` pl on pl.name = f.employer_placement
			where f.participant in %(p)s and f.outcome = 'Employed - Same Employer' and (pl.name is null
				or pl.participant != f.participant or f.completed_on < pl.start_date
				or (pl.end_date is not null and f.completed_on > pl.end_date))""",
			p,
		)[0][0]
		self.assertEqual(wrong, 0)
		# a job order is filled by its placements that have not ended, never past its openings
		orders = frappe.db.sql(
			"""select o.name, o.filled, o.openings,
				(select count(*) from `tabPlacement` pl where pl.job_order = o.name and pl.status != 'Ended') as counted,
				(select count(*) from `tabPlacement` pl where pl.job_order = o.name) as placed
			from `tabJob Order` o where o.hiring_partnership in (
				select hiring_partnership from `tabPlacement` where participant in %(p)s)""",
			p,
			as_dict=True,
		)
		self.assertTrue(orders)
		for order in orders:
			self.assertEqual(order.filled, order.counted, order.name)
			self.assertLessEqual(order.placed, order.openings, order.name)
		# every lead stands at a stage its records allow (the pipeline's gates)
		for lead in frappe.get_all(
			"Employer Lead", filters={"owner": ("like", f"%@{agency.STAFF_DOMAIN}")}, pluck="name"
		):
			doc = frappe.get_doc("Employer Lead", lead)
			if doc.stage != stages.LOST:
				self.assertIsNone(stages.gate_problem(doc.stage, automation.lead_facts(doc)), lead)
			self.assertEqual([r.to_stage for r in doc.stage_history][-1:] or [stages.PROSPECT], [doc.stage])
		# a participant's employment status is their latest done follow-up's outcome (of two done
		# the same day, the app keeps the one saved last: either may be the latest word)
		for row in frappe.db.sql(
			"""select pp.name, pp.employment_status, (select group_concat(f.outcome) from `tabRetention Follow-up` f
				where f.participant = pp.name and f.status = 'Done' and f.completed_on = (select max(g.completed_on)
					from `tabRetention Follow-up` g where g.participant = pp.name and g.status = 'Done')) as latest
			from `tabParticipant` pp where pp.name in %(p)s""",
			p,
			as_dict=True,
		):
			if row.latest:
				self.assertIn(row.employment_status, row.latest.split(","), row.name)
			else:
				self.assertFalse(row.employment_status, row.name)

	def test_same_seed_same_agency(self):
		def shape():
			return (
				frappe.get_all(
					"Participant",
					filters={"name": ("in", made_participants())},
					fields=["name", "full_name", "enrolment_date", "exit_date", "suitability_count"],
					order_by="name",
				),
				frappe.db.sql(
					"""select e.parent, e.idx, e.program, e.enrolled_on, e.exit_date, e.exit_reason,
						(select count(*) from `tabRetention Follow-up` f where f.program_enrolment = e.name) as follow_ups
					from `tabProgram Enrolment` e where e.parenttype = 'Participant' and e.parent in %(p)s
					order by e.parent, e.idx""",
					{"p": made_participants()},
					as_dict=True,
				),
				frappe.db.sql(
					"""select pl.name, pl.start_date, pl.end_date, pl.status, pl.employer_name,
						(select group_concat(f.outcome order by f.due_date, f.schedule_row_id)
							from `tabRetention Follow-up` f where f.placement = pl.name) as outcomes
					from `tabPlacement` pl where pl.participant in %(p)s order by pl.name""",
					{"p": made_participants()},
					as_dict=True,
				),
			)

		today = getdate("2026-06-30")
		generate(today=today)
		first = shape()
		frappe.db.rollback()
		generate(today=today)
		self.assertEqual(first, shape())
		frappe.db.rollback()
		generate(today=today, seed=5)
		self.assertNotEqual(first, shape())

	def test_every_report_card_and_board_has_data(self):
		from frappe.desk.doctype.number_card.number_card import get_result
		from frappe.desk.query_report import run

		generate()
		for report in frappe.get_all("Report", filters={"module": "Employment Partners"}, pluck="name"):
			result = run(report, filters={}, ignore_prepared_report=True)
			self.assertTrue(result["result"], report)
			self.assertTrue(result.get("chart"), report)
		for card in frappe.get_all("Number Card", filters={"module": "Employment Partners"}, pluck="name"):
			doc = frappe.get_doc("Number Card", card)
			if doc.type == "Custom":
				value = frappe.get_attr(doc.method)()
				value = value.get("value") if isinstance(value, dict) else value
			else:
				value = get_result(doc.as_dict(), doc.filters_json)
			self.assertTrue(value, card)
		board = frappe.get_doc("Kanban Board", "Employer Pipeline")
		counts = dict(
			frappe.db.sql(
				"select stage, count(*) from `tabEmployer Lead` where owner like %s group by stage",
				f"%@{agency.STAFF_DOMAIN}",
			)
		)
		for column in board.columns:
			self.assertGreater(counts.get(column.column_name, 0), 0, column.column_name)

	def test_every_stored_figure_is_the_apps_own(self):
		"""Each figure the generator stores that other records give, recomputed with the app's code:
		the partnerships' rates and medians, the leads' BSR and last contact, the job orders' fills,
		the placements' paid incentives, the events' counts; a Concern answer has its retention
		issue; and no incentive allocation overlaps another, the demo's own "FY" year included."""
		from employment_partners.metrics import engagement, pulse
		from employment_partners.metrics import placements as placement_metrics
		from employment_partners.placements import placements, rules

		today = getdate()
		demo_year = frappe.get_doc(
			{
				"doctype": "Incentive Allocation",
				"fiscal_year": f"FY {today.year} check",
				"year_start": f"{today.year}-01-01",
				"year_end": f"{today.year}-12-31",
				"employer_incentive_allocation": 25000,
				"participant_bonus_allocation": 3000,
			}
		).insert()
		made = generate(today=today)
		names = [p.name for p in made.partnerships]
		answered = pulse.response_figures(names, add_days(today, -(pulse.WINDOW_DAYS - 1)), today)
		for row in frappe.get_all("Hiring Partnership", filters={"name": ("in", names)}, fields=["*"]):
			figures = answered.get(row.name, {})
			self.assertEqual(
				(
					row.accepted_referral_rate,
					row.median_response_hours,
					row.last_contact_date,
					row.pulse_response_rate if row.pulse_enabled else None,
					row.pulse_median_hours if row.pulse_enabled else None,
				),
				(
					placement_metrics.accepted_referral_rate(row.name) or 0,
					engagement.median_employer_response_hours(row.name) or 0,
					engagement.last_contact_date("Hiring Partnership", row.name),
					(figures.get("answered_rate") or 0) if row.pulse_enabled else None,
					(figures.get("median_hours") or 0) if row.pulse_enabled else None,
				),
				row.name,
			)
		self.assertTrue(any(r.get("expired") for r in answered.values()))  # the rate's denominator
		leads = frappe.get_all(
			"Employer Lead",
			filters={"owner": ("in", made.bsrs)},
			fields=["name", "assigned_bsr", "assigned_bsr_name", "last_contact_date"],
		)
		self.assertEqual(len(leads), 60)
		for lead in leads:
			self.assertEqual(
				(lead.assigned_bsr_name, lead.last_contact_date),
				(
					frappe.db.get_value("User", lead.assigned_bsr, "full_name"),
					engagement.last_contact_date("Employer Lead", lead.name),
				),
				lead.name,
			)
		for order in frappe.get_all(
			"Job Order", filters={"hiring_partnership": ("in", names)}, fields=["name", "filled"]
		):
			self.assertEqual(order.filled, placements.filled_count(order.name), order.name)
		for name in frappe.get_all(
			"Placement", filters={"participant": ("in", made_participants())}, pluck="name", limit=40
		):
			doc = frappe.get_doc("Placement", name)
			self.assertEqual(doc.incentive_paid, rules.incentive_paid(doc.incentive_payments), name)
		for event in frappe.get_all(
			"Employer Appreciation Event", fields=["name", "invited_count", "attended_count"]
		):
			invitees = frappe.get_all(
				"Employer Appreciation Invitee", filters={"parent": event.name}, pluck="attended"
			)
			self.assertEqual((event.invited_count, event.attended_count), (len(invitees), sum(invitees)))
		concerns = frappe.get_all(
			"Employer Pulse",
			filters={"answer": "Concern", "hiring_partnership": ("in", names)},
			fields=["name", "placement", "retention_issue", "recipient_email"],
		)
		self.assertTrue(concerns)
		for answer in concerns:
			issue = frappe.db.get_value(
				"Retention Issue Report",
				answer.retention_issue,
				["placement", "channel", "reported_by_user"],
				as_dict=True,
			)
			self.assertEqual(
				issue and (issue.placement, issue.channel, issue.reported_by_user),
				(answer.placement, "Portal", answer.recipient_email),
				answer.name,
			)
		# the demo's year stands and nothing overlaps it or another
		self.assertTrue(frappe.db.exists("Incentive Allocation", demo_year.name))
		self.assertEqual(
			frappe.db.sql(
				"""select count(*) from `tabIncentive Allocation` a join `tabIncentive Allocation` b
				on a.name < b.name and a.year_start <= b.year_end and b.year_start <= a.year_end"""
			)[0][0],
			0,
		)
		self.assertTrue(frappe.db.exists("Incentive Allocation", f"FY {today.year - 1}"))
		# the demo's year is the generated agency's budget too (raised, not made twice), and every
		# year is budgeted for what its placements commit: Incentive Spend reads a believable
		# % spent (the demo's 25,000 beside the generated agency's spending had read 644 %)
		spend = {row["name"]: row for row in placement_metrics.incentive_spend(on=today)}
		self.assertGreaterEqual(spend[demo_year.name]["employer_incentive_allocation"], 25000)
		self.assertFalse(frappe.db.exists("Incentive Allocation", f"FY {today.year}"))
		for name, row in spend.items():
			self.assertLess(row["spent_percent"] or 0, 100, (name, row))
			self.assertGreater(row["remaining"], 0, name)

	def test_an_allocation_overlapping_another_is_refused_the_generators_too(self):
		"""The rule the generator asks before making a year: refused on overlap, allowed beside."""
		from employment_partners.employment_partners.doctype.incentive_allocation import incentive_allocation

		year = getdate().year
		made = {
			"doctype": "Incentive Allocation",
			"employer_incentive_allocation": 1,
			"participant_bonus_allocation": 1,
		}
		frappe.get_doc(
			made | {"fiscal_year": "FY A", "year_start": f"{year}-01-01", "year_end": f"{year}-12-31"}
		).insert()
		self.assertEqual(incentive_allocation.overlapping(f"{year}-06-01", f"{year + 1}-05-31"), "FY A")
		self.assertIsNone(incentive_allocation.overlapping(f"{year + 1}-01-01", f"{year + 1}-12-31"))
		with self.assertRaisesRegex(frappe.ValidationError, "already covers part of these dates"):
			frappe.get_doc(
				made | {"fiscal_year": str(year), "year_start": f"{year}-01-01", "year_end": f"{year}-12-31"}
			).insert()
		generate(today=getdate())
		self.assertFalse(frappe.db.exists("Incentive Allocation", f"FY {year}"))
		self.assertTrue(frappe.db.exists("Incentive Allocation", f"FY {year - 1}"))

	def test_scheduler_lag_leaves_the_daily_job_to_do(self):
		"""With the scheduler two weeks behind, the daily job has reminders, escalations and missed
		marks to make; with none, it is up to date and re-running it changes nothing."""
		generate(scheduler_lag_days=14)
		behind = reminders.run_daily()
		self.assertTrue(behind["reminded"] and behind["escalated"] and behind["missed"])
		self.assertEqual(
			reminders.run_daily(),
			{"generated": [], "realigned": [], "reminded": [], "escalated": [], "missed": []},
		)
		frappe.db.rollback()
		generate()
		self.assertEqual(reminders.run_daily()["missed"], [])

	def test_bad_sizes_refused(self):
		for changes in (
			{"employers": 3},
			{"participants": 0},
			{"placements": -1},
			{"years": 0},
			{"locale": "xx_YY"},
			{"today": "2026-13-45"},
			{"scheduler_lag_days": -2},
		):
			with self.assertRaises(frappe.ValidationError, msg=changes):
				agency.Config(**(SIZES | changes))
		self.assertEqual(frappe.db.count("Participant", {"owner": ("like", f"%@{agency.STAFF_DOMAIN}")}), 0)

	def test_the_bench_command(self):
		"""`bench --site S employment-partners make-demo` exists with its options, and refuses bad
		sizes with a message and no traceback."""
		group = commands[0]
		self.assertEqual(group.name, "employment-partners")
		command = group.commands["make-demo"]
		self.assertEqual(
			{p.name for p in command.params},
			{
				"employers",
				"participants",
				"placements",
				"years",
				"seed",
				"locale",
				"today",
				"scheduler_lag_days",
			},
		)
		# run as bench runs it (from the sites folder, the bench's Python): refused before any write
		result = subprocess.run(
			[sys.executable, "-m", "frappe.utils.bench_helper", "frappe", "--site", frappe.local.site,
			 "employment-partners", "make-demo", "--employers", "3"],
			capture_output=True, text=True, timeout=120, cwd=frappe.local.sites_path,
		)  # fmt: skip
		output = result.stdout + result.stderr
		self.assertEqual(result.returncode, 1, output)
		self.assertIn("at least 10 employers", output)
		self.assertNotIn("Traceback", output)


def made_participants() -> list[str]:
	owners = frappe.get_all("User", filters={"name": ("like", f"%@{agency.STAFF_DOMAIN}")}, pluck="name")
	return frappe.get_all("Participant", filters={"owner": ("in", owners)}, pluck="name") or [""]
