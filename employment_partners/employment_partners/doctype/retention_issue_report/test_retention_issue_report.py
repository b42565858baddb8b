import frappe
from frappe.model.workflow import WorkflowPermissionError, apply_workflow

from employment_partners.retention import issues
from employment_partners.tests import EPTestCase
from employment_partners.tests.factories import (
	emails_about,
	make_hiring_partnership,
	make_job_order,
	make_retention_issue,
	make_retention_placement,
	make_user,
)


def desk_notifications(user: str, text: str) -> int:
	return frappe.db.count("Notification Log", {"for_user": user, "subject": ("like", f"%{text}%")})


class RetentionIssueCase(EPTestCase):
	def setUp(self):
		super().setUp()
		self.bsr = make_user("Business Services Rep")
		self.case_manager = make_user("Case Manager")
		order = make_job_order(hiring_partnership=make_hiring_partnership(assigned_bsr=self.bsr).name)
		self.placement = make_retention_placement(
			case_manager=self.case_manager,
			job_order=order.name,
			participant={"first_name": "Maria", "last_name": "Santos"},
		)


class TestReporting(RetentionIssueCase):
	def test_no_notification_inside_the_request_that_files_the_report(self):
		"""They go out from a worker once the report is committed (tests/test_background_jobs.py);
		a report rolled back notifies nobody."""
		report = make_retention_issue(self.placement.name)
		self.assertEqual((report.status, report.participant_label), ("New", "Maria S."))
		for user in (self.bsr, self.case_manager):
			self.assertEqual(desk_notifications(user, "Retention issue at"), 0, user)
			self.assertEqual(emails_about(report.doctype, report.name, "Retention issue at", user), 0, user)

	def test_no_report_on_an_ended_placement(self):
		self.placement.update({"status": "Ended", "end_date": "2026-04-01", "separation_reason": "Quit"})
		self.placement.save()
		with self.assertRaisesRegex(
			frappe.ValidationError, "is Ended: retention issues are reported on current"
		):
			make_retention_issue(self.placement.name)
		self.assertFalse(frappe.db.exists("Retention Issue Report", {"placement": self.placement.name}))

	def test_incident_dates_must_make_sense(self):
		with self.assertRaisesRegex(frappe.ValidationError, "The incident ends on .* before it starts"):
			make_retention_issue(self.placement.name, incident_start="2026-04-10", incident_end="2026-04-09")
		with self.assertRaisesRegex(frappe.ValidationError, "is after the report date"):
			make_retention_issue(
				self.placement.name, reported_on="2026-04-10 09:00:00", incident_start="2026-04-11"
			)
		report = make_retention_issue(
			self.placement.name,
			reported_on="2026-04-10 09:00:00",
			incident_start="2026-04-06",
			incident_end="2026-04-10",
		)
		self.assertEqual(str(report.incident_end), "2026-04-10")


class TestSLA(RetentionIssueCase):
	"""24 business hours, 09:00-17:00 Monday to Friday; 2026-11-23 is a Monday."""

	def report(self):
		return make_retention_issue(self.placement.name, reported_on="2026-11-23 10:00:00")

	def test_acknowledge_by_counts_business_hours(self):
		# Mon 10-17 = 7 h, Tue 8, Wed 8 -> 23 h; the 24th hour ends Thu 10:00
		self.assertEqual(str(self.report().acknowledge_due), "2026-11-26 10:00:00")

	def test_acknowledge_time_rounds_half_up(self):
		# 10:00:00 to 11:00:18 is 3,618 s = 1.005 h: half up 1.01 (Python's round() gives 1.0)
		self.assertEqual(issues.acknowledge_hours("2026-11-23 10:00:00", "2026-11-23 11:00:18"), 1.01)

	def test_breach_is_flagged_and_notified_once_on_a_frozen_clock(self):
		report = self.report()
		manager = make_user("Partnership Manager")
		with self.freeze_time("2026-11-26 09:59:00"):
			self.assertEqual(issues.flag_sla_breaches(), [])
		with self.freeze_time("2026-11-26 10:01:00"):
			self.assertEqual(issues.flag_sla_breaches(), [report.name])
			self.assertEqual(issues.flag_sla_breaches(), [])
		report.reload()
		self.assertEqual((report.sla_breached, str(report.breach_notified_on)), (1, "2026-11-26 10:01:00"))
		for user in (self.case_manager, self.bsr, manager):
			self.assertEqual(desk_notifications(user, "Not acknowledged in time"), 1, user)

	def test_acknowledged_in_time_is_not_a_breach(self):
		report = self.report()
		with self.freeze_time("2026-11-26 09:30:00"):
			apply_workflow(report, "Acknowledge")
		with self.freeze_time("2026-11-27 12:00:00"):
			self.assertEqual(issues.flag_sla_breaches(), [])
		report.reload()
		self.assertEqual((report.status, report.sla_breached), ("Acknowledged", 0))
		self.assertEqual(str(report.acknowledged_on), "2026-11-26 09:30:00")

	def test_late_acknowledgement_is_a_breach(self):
		report = self.report()
		with self.freeze_time("2026-11-26 10:30:00"):
			apply_workflow(report, "Acknowledge")
		self.assertEqual(frappe.db.get_value("Retention Issue Report", report.name, "sla_breached"), 1)

	def test_holidays_in_settings_stop_the_clock(self):
		settings = frappe.get_doc("Employment Partners Settings")
		settings.append("holidays", {"holiday_date": "2026-11-26", "description": "Thanksgiving"})
		settings.save()
		self.assertEqual(str(self.report().acknowledge_due), "2026-11-27 10:00:00")


class TestWorkflow(RetentionIssueCase):
	def test_out_of_order_transitions_are_refused(self):
		report = make_retention_issue(self.placement.name)
		with self.assertRaises(frappe.ValidationError):
			apply_workflow(report, "Resolve")
		report.reload()
		report.status = "Resolved"
		report.resolution = "Sorted"
		with self.assertRaisesRegex(
			WorkflowPermissionError, "transition not allowed from .*New.* to .*Resolved"
		):
			report.save()
		self.assertEqual(frappe.db.get_value("Retention Issue Report", report.name, "status"), "New")

	def test_employer_partner_cannot_see_reports(self):
		report = make_retention_issue(self.placement.name)
		frappe.set_user(make_user("Employer Partner"))
		self.assertFalse(frappe.has_permission("Retention Issue Report", "read", report.name))

	def test_walk_to_separation_ends_the_placement(self):
		report = make_retention_issue(self.placement.name, issue_type="Transportation")
		frappe.set_user(self.case_manager)
		report = apply_workflow(frappe.get_doc("Retention Issue Report", report.name), "Acknowledge")
		self.assertEqual(report.acknowledged_by, self.case_manager)

		with self.assertRaisesRegex(frappe.ValidationError, "Add the planned intervention"):
			apply_workflow(frappe.get_doc("Retention Issue Report", report.name), "Plan Intervention")
		report = frappe.get_doc("Retention Issue Report", report.name)
		report.append(
			"interventions",
			{"intervention_type": "Service Referral - Transportation", "owner_user": self.case_manager},
		)
		report.save()
		report = apply_workflow(report, "Plan Intervention")
		self.assertEqual(report.status, "Intervention Planned")

		with self.assertRaisesRegex(frappe.ValidationError, "needs the separation reason and date"):
			apply_workflow(frappe.get_doc("Retention Issue Report", report.name), "Close as Separated")
		report = frappe.get_doc("Retention Issue Report", report.name)
		report.update(
			{"separation_reason": "Quit", "separation_date": "2026-04-15", "resolution": "Moved away"}
		)
		report.save()
		report = apply_workflow(report, "Close as Separated")
		self.assertEqual(report.status, "Closed - Separated")

		placement = frappe.get_doc("Placement", self.placement.name)
		self.assertEqual(
			(placement.status, str(placement.end_date), placement.separation_reason),
			("Ended", "2026-04-15", "Quit"),
		)
		self.assertIn(report.name, placement.separation_notes)

	def test_resolve_needs_a_resolution(self):
		report = make_retention_issue(self.placement.name)
		apply_workflow(report, "Acknowledge")
		report = frappe.get_doc("Retention Issue Report", report.name)
		report.append("interventions", {"intervention_type": "Job Coaching"})
		report.save()
		report = apply_workflow(report, "Plan Intervention")
		with self.assertRaisesRegex(frappe.ValidationError, "Say how the issue was resolved"):
			apply_workflow(frappe.get_doc("Retention Issue Report", report.name), "Resolve")
		report = frappe.get_doc("Retention Issue Report", report.name)
		report.resolution = "Shift moved to days; attendance back to normal"
		report.save()
		self.assertEqual(apply_workflow(report, "Resolve").status, "Resolved")
		self.assertEqual(frappe.db.get_value("Placement", self.placement.name, "status"), "Active")
