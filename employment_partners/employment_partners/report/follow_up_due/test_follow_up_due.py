"""Follow-up Due on a hand-built roster: two case managers, follow-ups overdue, in window, upcoming."""

import frappe

from employment_partners.employment_partners.report.follow_up_due.follow_up_due import DEFINITIONS, execute
from employment_partners.tests import EPTestCase
from employment_partners.tests.factories import make_retention_placement, make_user


class TestFollowUpDue(EPTestCase):
	def setUp(self):
		super().setUp()
		self.ana, self.ben = make_user("Case Manager"), make_user("Case Manager")
		self.ana_name, self.ben_name = (
			frappe.db.get_value("User", u, "full_name") for u in (self.ana, self.ben)
		)
		# each placement gets two follow-ups: start+0 (7-day window) and start+1 month (7-day window)
		make_retention_placement(case_manager=self.ana, start_date="2026-03-02")  # 03-02..03-08, 04-02..04-08
		make_retention_placement(case_manager=self.ben, start_date="2026-03-20")  # 03-20..03-26, 04-20..04-26
		self.mine = {self.ana, self.ben}

	def run_report(self, **filters):
		columns, data, _message, chart, summary = execute(frappe._dict(filters))
		return columns, [row for row in data if row.case_manager in self.mine], chart, summary

	def test_roster_overdue_first_per_case_manager(self):
		# as of 2026-03-25, due within 14 days (by 04-08)
		_columns, rows, chart, summary = self.run_report(as_of="2026-03-25", within_days=14)
		self.assertEqual(
			[(r.case_manager, r.label, str(r.due_date), r.standing, r.days_overdue) for r in rows],
			sorted(
				[
					(self.ana, "Within 1 week of employment", "2026-03-02", "Overdue", 17),  # 03-25 - 03-08
					(self.ana, "1 month after employment", "2026-04-02", "Upcoming", 0),
					(self.ben, "Within 1 week of employment", "2026-03-20", "In Window", 0),
				],
				key=lambda r: r[0],
			),
		)
		# people read names, not logins: the roster and the chart show the case manager's full name
		self.assertEqual({r.case_manager_name for r in rows}, {self.ana_name, self.ben_name})
		self.assertNotIn("@", self.ana_name)
		self.assertIn("case_manager_name", [c["fieldname"] for c in _columns])
		labels = chart["data"]["labels"]
		overdue, in_window, upcoming = (d["values"] for d in chart["data"]["datasets"])
		at = {label: i for i, label in enumerate(labels)}
		self.assertEqual(
			[(overdue[at[n]], in_window[at[n]], upcoming[at[n]]) for n in (self.ana_name, self.ben_name)],
			[(1, 0, 1), (0, 1, 0)],
		)
		self.assertEqual([s["label"] for s in summary], ["Overdue", "In Window", "Upcoming"])

	def test_filters(self):
		_columns, rows, _chart, _summary = self.run_report(
			as_of="2026-03-25", within_days=0, case_manager=self.ana
		)
		self.assertEqual([(r.label, r.standing) for r in rows], [("Within 1 week of employment", "Overdue")])
		_columns, rows, _chart, summary = self.run_report(
			as_of="2026-03-25", within_days=0, case_manager=self.ben
		)
		self.assertEqual(
			[(r.label, r.standing) for r in rows], [("Within 1 week of employment", "In Window")]
		)
		self.assertEqual([s["value"] for s in summary], [0, 1, 0])

	def test_done_follow_ups_leave_the_roster(self):
		name = frappe.db.get_value(
			"Retention Follow-up",
			{"case_manager": self.ana, "schedule_row_id": "seta-02-09-employment-week-1"},
			"name",
		)
		doc = frappe.get_doc("Retention Follow-up", name)
		doc.update({"outcome": "Employed - Same Employer", "hourly_wage": 20, "hours_per_week": 40})
		doc.save()
		_columns, rows, _chart, _summary = self.run_report(as_of="2026-03-25", within_days=14)
		self.assertNotIn(name, [r.name for r in rows])

	def test_a_case_manager_sees_their_caseload_a_supervisor_their_team(self):
		from employment_partners.utils import SETTINGS

		settings = frappe.get_doc(SETTINGS)
		supervisor = make_user("Case Manager")
		settings.set("supervisors", [{"case_manager": self.ben, "supervisor": supervisor}])
		settings.save()
		for user, expected in ((self.ana, {self.ana}), (self.ben, {self.ben}), (supervisor, {self.ben})):
			frappe.set_user(user)
			_columns, data, _message, chart, _summary = execute(
				frappe._dict(as_of="2026-03-25", within_days=30)
			)
			# the roster and its chart alike: no one else's participants
			self.assertEqual({row.case_manager for row in data}, expected, user)
			self.assertEqual(len(chart["data"]["labels"]), 1, user)
		frappe.set_user(make_user("Partnership Manager"))
		_columns, data, *_rest = execute(frappe._dict(as_of="2026-03-25", within_days=30))
		self.assertLessEqual(self.mine, {row.case_manager for row in data})

	def test_the_report_prints_its_definitions(self):
		# as of 2026-03-25, due within 14 days: by 2026-04-08
		_columns, _data, message, _chart, _summary = execute(frappe._dict(as_of="2026-03-25", within_days=14))
		self.assertIn("ep-definitions", message)  # printed under the filters (public/js/reports.js)
		for name, _text in DEFINITIONS:
			self.assertIn(name, message)
		self.assertIn("SETA WIA Directive #02-09", message)
		self.assertIn(
			"As of {0}: the open follow-ups due by {1} (14 days later).".format(
				frappe.format("2026-03-25", "Date"), frappe.format("2026-04-08", "Date")
			),
			message,
		)
