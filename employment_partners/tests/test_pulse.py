"""The employer pulse end to end on a real site: the emails queued with their links, each answer
path, refused links that store nothing, reminders and the partnership's response figures."""

import frappe

from employment_partners.metrics import pulse as pulse_metrics
from employment_partners.portal import pulse, users
from employment_partners.tests import EPTestCase
from employment_partners.tests.factories import (
	make_job_order,
	make_retention_placement,
	make_user,
	no_outgoing_email,
)
from employment_partners.tests.factories import (
	pulse_links_sent_to as links_sent_to,
)


class PulseCase(EPTestCase):
	def setUp(self):
		super().setUp()
		self.case_manager = make_user("Case Manager")
		self.rep = make_user("Business Services Rep")
		order = make_job_order(job_title="Line Cook", openings=6)
		self.partnership = order.hiring_partnership
		frappe.db.set_value("Hiring Partnership", self.partnership, "assigned_bsr", self.rep)
		self.employer = f"{frappe.generate_hash(length=8)}@employer.example.com"
		users.invite(self.partnership, self.employer, "Erin", "Boss")
		# start 2026-03-02: the SETA "within 1 week" follow-up is due 03-02, window to 03-08
		self.placement = make_retention_placement(
			case_manager=self.case_manager,
			job_order=order.name,
			start_date="2026-03-02",
			participant={"first_name": "Maria", "last_name": "Santos"},
		)

	def send(self, on: str) -> list[str]:
		with self.freeze_time(on):
			return pulse.send_due()

	def pulse_doc(self, name: str):
		return frappe.get_doc("Employer Pulse", name)


class TestSchedule(PulseCase):
	def test_weekly_then_monthly_then_none(self):
		weekly, monthly = 30, 180
		start = frappe.utils.getdate("2026-03-02")
		cases = [
			# (on, last sent, due?)
			("2026-03-01", None, False),  # before the start
			("2026-03-02", None, True),  # first day
			("2026-03-08", "2026-03-02", False),  # 6 days after the last
			("2026-03-09", "2026-03-02", True),  # 7 days
			("2026-04-01", "2026-03-25", True),  # day 30: still weekly
			("2026-04-02", "2026-03-27", False),  # day 31: monthly now, 6 days since
			("2026-04-26", "2026-03-27", True),  # 30 days since
			("2026-08-29", "2026-07-01", True),  # day 180
			("2026-08-30", "2026-07-01", False),  # day 181: no more
		]
		for on, last, due in cases:
			with self.subTest(on=on, last=last):
				self.assertEqual(pulse.is_due(start, frappe.utils.getdate(on), last, weekly, monthly), due)

	def test_one_email_with_working_links_and_a_second_run_sends_nothing(self):
		made = self.send("2026-03-04 07:00:00")
		self.assertEqual(len(made), 1)
		doc = self.pulse_doc(made[0])
		self.assertEqual(
			(doc.placement, doc.recipient_email, doc.status),
			(self.placement.name, self.employer, "Awaiting Answer"),
		)
		self.assertEqual(doc.participant_label, "Maria S.")
		questions = links_sent_to(self.employer)
		self.assertEqual(len(questions), 1)
		self.assertEqual(set(questions[0]), {"good", "concern", "ended"})
		self.assertEqual(pulse.hash_token(questions[0]["good"]), doc.token_hash, "only the hash is stored")
		self.assertNotIn(questions[0]["good"], frappe.as_json(doc.as_dict()))
		self.assertEqual(self.send("2026-03-04 08:00:00"), [], "the question is awaiting its answer")
		self.assertEqual(self.send("2026-03-20 07:00:00"), [], "still awaiting (until answered or expired)")

	def test_the_email_says_what_the_agencys_template_says(self):
		"""The question email is the "Employer Pulse Question" Email Template as the agency edited
		it; with the record deleted, the shipped one still speaks."""
		template = frappe.get_doc("Email Template", pulse.QUESTION_TEMPLATE)
		template.subject = "Northside check-in: is {{ first }} still with you?"
		template.response_html = template.response_html.replace(
			"{% for q in questions %}", "<p>Call Dana on 555-0100 with any worry.</p>{% for q in questions %}"
		)
		template.save()
		self.send("2026-03-04 07:00:00")
		subject, html = self.last_email()
		self.assertEqual(subject, "Northside check-in: is Maria S. still with you?")
		self.assertIn("Call Dana on 555-0100 with any worry.", html)
		self.assertEqual(len(links_sent_to(self.employer)), 1, "the links are still there")

		frappe.delete_doc("Email Template", pulse.QUESTION_TEMPLATE)
		frappe.db.delete("Employer Pulse", {"placement": self.placement.name})
		self.send("2026-03-11 07:00:00")
		subject, html = self.last_email()
		self.assertEqual(subject, "Is Maria S. still working with you?")
		self.assertIn("Is Maria S. (Line Cook) still working with you?", html)
		self.assertNotIn("Call Dana", html)

	def last_email(self) -> tuple[str, str]:
		"""The newest email queued about the partnership to this test's employer: its subject and its
		HTML, decoded.  (By recipient too: a partnership's name comes back to a later one when the
		last is deleted, and another suite's emails about that name may be newer than this test's
		frozen clock.)"""
		from email import message_from_string
		from email.header import decode_header, make_header

		raw = frappe.db.sql(
			"""select queue.message from `tabEmail Queue` queue
			join `tabEmail Queue Recipient` recipient on recipient.parent = queue.name
			where recipient.recipient = %s and queue.reference_name = %s
			order by queue.creation desc, queue.name desc limit 1""",
			(self.employer, self.partnership),
		)[0][0]
		message = message_from_string(raw)
		html = "".join(
			part.get_payload(decode=True).decode()
			for part in message.walk()
			if part.get_content_type() == "text/html"
		)
		return str(make_header(decode_header(message["Subject"]))), html

	def test_an_email_is_rendered_without_the_css_parsers_noise(self):
		"""Frappe's email stylesheet holds a rule its CSS parser (cssutils, under premailer) cannot
		read: three ERROR lines on stderr in each process that renders an email (the demo's), until
		the app kept the parser's log for what stops it."""
		import logging

		import cssutils

		from employment_partners import utils

		frappes_rule = ".screenshot{box-shadow:0 3px 6px #0000001a;border:1px solid #f4f5f6}"
		logged = []
		handler = logging.Handler()
		handler.emit = logged.append
		parser_log = logging.getLogger("CSSUTILS")
		parser_log.addHandler(handler)
		try:
			parser_log.removeFilter(utils.critical_only)  # as the library logs on its own
			cssutils.parseString(frappes_rule)
			self.assertTrue([r for r in logged if r.levelno >= logging.ERROR], "the rule trips the parser")
			logged.clear()
			utils.quiet_css_parser()  # as the app does when it loads
			sheet = cssutils.parseString(frappes_rule)
			self.assertEqual([r.getMessage() for r in logged if r.levelno >= logging.ERROR], [])
			self.assertIn("border", sheet.cssText.decode())  # the rest of the stylesheet is kept
		finally:
			parser_log.removeHandler(handler)
			utils.quiet_css_parser()

	def test_the_daily_job_run_twice_sends_once(self):
		with self.freeze_time("2026-03-04 07:00:00"):
			pulse.run_daily()
			pulses, emails = frappe.db.count("Employer Pulse"), frappe.db.count("Email Queue")
			pulse.run_daily()
			self.assertEqual(
				(frappe.db.count("Employer Pulse"), frappe.db.count("Email Queue")), (pulses, emails)
			)
		self.assertEqual(frappe.db.count("Employer Pulse", {"placement": self.placement.name}), 1)

	def test_a_site_without_an_outgoing_email_account_asks_nothing(self):
		with no_outgoing_email():
			self.assertEqual(self.send("2026-03-04 07:00:00"), [])
		self.assertEqual(frappe.db.count("Employer Pulse", {"placement": self.placement.name}), 0)

	def test_a_partnership_with_the_pulse_off_or_a_placement_past_its_period_is_not_asked(self):
		frappe.db.set_value("Hiring Partnership", self.partnership, "pulse_enabled", 0)
		self.assertEqual(self.send("2026-03-04 07:00:00"), [])
		frappe.db.set_value("Hiring Partnership", self.partnership, "pulse_enabled", 1)
		self.assertEqual(self.send("2026-08-30 07:00:00"), [], "day 181")


class TestAnswers(PulseCase):
	def setUp(self):
		super().setUp()
		self.name = self.send("2026-03-04 07:00:00")[0]
		self.links = links_sent_to(self.employer)[0]

	def answer(self, key, at="2026-03-04 09:30:00", **details):
		with self.freeze_time(at):
			return pulse.answer(self.links[key], key, details)

	def test_all_good_records_the_confirmation_and_a_verified_contact(self):
		self.answer("good")
		doc = self.pulse_doc(self.name)
		self.assertEqual((doc.status, doc.answer, doc.response_hours), ("Answered", "All Good", 2.5))
		self.assertEqual(
			str(frappe.db.get_value("Placement", self.placement.name, "last_employer_confirmation")),
			"2026-03-04",
		)
		week_1 = frappe.get_doc(
			"Retention Follow-up",
			{"placement": self.placement.name, "schedule_row_id": "seta-02-09-employment-week-1"},
		)
		self.assertEqual(
			[(a.method, a.reached) for a in week_1.attempts], [("Employer Verification", 1)], "in its window"
		)
		with self.assertRaisesRegex(pulse.PulseRefused, "answered on"):
			self.answer("good")

	def test_the_link_the_demo_prints_is_the_one_awaiting_an_answer_and_none_once_answered(self):
		with self.freeze_time("2026-03-04 09:00:00"):
			self.assertEqual(pulse.awaiting_link(self.employer), pulse.answer_url(self.links["good"], "good"))
		self.answer("good")
		with self.freeze_time("2026-03-04 10:00:00"):
			self.assertIsNone(pulse.awaiting_link(self.employer))

	def test_a_used_token_is_refused_and_stores_nothing(self):
		self.answer("good")
		before = frappe.db.count("Retention Issue Report", {"placement": self.placement.name})
		for key in ("good", "concern", "ended"):
			with self.assertRaises(pulse.PulseRefused):
				self.answer(
					key, description="again", issue_type="Attendance", end_date="2026-03-03", reason="x"
				)
		self.assertEqual(
			frappe.db.count("Retention Issue Report", {"placement": self.placement.name}), before
		)
		self.assertEqual(self.pulse_doc(self.name).answer, "All Good")

	def test_concern_files_a_portal_report_from_the_employer_contact(self):
		doc = self.answer("concern", issue_type="Tardiness", description="Late four times this week")
		report = frappe.get_doc("Retention Issue Report", doc.retention_issue)
		self.assertEqual(
			(report.placement, report.channel, report.reported_by_type, report.issue_type, report.status),
			(self.placement.name, "Portal", "Employer Contact", "Tardiness", "New"),
		)
		self.assertEqual(report.reporter_contact, users.contact_of(self.employer, self.partnership))

	def test_a_concern_without_a_description_or_with_html_is_refused_and_the_token_still_works(self):
		before = frappe.db.count("Retention Issue Report")
		with self.assertRaises(pulse.PulseRefused):
			self.answer("concern", issue_type="Attendance", description="")
		with self.assertRaises(pulse.PulseRefused):
			self.answer("concern", issue_type="Attendance", description="<script>alert(1)</script>")
		self.assertEqual(frappe.db.count("Retention Issue Report"), before)
		self.assertEqual(self.pulse_doc(self.name).status, "Awaiting Answer")
		self.answer("concern", issue_type="Attendance", description="Missed Monday")
		self.assertEqual(frappe.db.count("Retention Issue Report"), before + 1)

	def test_no_longer_employed_flags_the_placement_and_tells_the_case_manager(self):
		with self.assertRaises(pulse.PulseRefused):
			self.answer("ended", end_date="2026-03-05", reason="Quit")  # after today
		with self.assertRaises(pulse.PulseRefused):
			self.answer("ended", end_date="2026-03-03", reason="")
		self.answer("ended", end_date="2026-03-03", reason="Quit, moved away")
		placement = frappe.get_doc("Placement", self.placement.name)
		self.assertEqual(
			(placement.employer_review, str(placement.employer_reported_end_date)), (1, "2026-03-03")
		)
		self.assertEqual(placement.status, "Active", "never ended automatically")
		ended = frappe.get_doc("Placement", placement.name)
		ended.update({"status": "Ended", "end_date": "2026-03-03", "separation_reason": "Quit"})
		ended.save()
		self.assertEqual(ended.employer_review, 0, "ending it settles the flag")
		todo = frappe.get_all(
			"ToDo",
			filters={
				"reference_type": "Placement",
				"reference_name": placement.name,
				"allocated_to": self.case_manager,
			},
			pluck="description",
		)
		self.assertEqual(len(todo), 1)
		self.assertIn("Quit, moved away", todo[0])
		self.assertTrue(
			frappe.db.exists(
				"Email Queue Recipient",
				{
					"recipient": self.case_manager,
					"parent": (
						"in",
						frappe.get_all(
							"Email Queue", filters={"reference_name": placement.name}, pluck="name"
						)
						or [""],
					),
				},
			)
		)

	def test_tampered_expired_and_other_tokens_are_refused(self):
		token = self.links["good"]
		for bad in ("", token[:-1] + ("A" if token[-1] != "A" else "B"), "x" * 43):
			with self.assertRaises(pulse.PulseRefused):
				with self.freeze_time("2026-03-04 09:00:00"):
					pulse.answer(bad, "good")
		with self.assertRaises(pulse.PulseRefused):
			self.answer("good", at="2026-03-18 07:00:01")  # 14 days after sending
		self.assertEqual(self.pulse_doc(self.name).status, "Awaiting Answer")
		self.assertIsNone(frappe.db.get_value("Placement", self.placement.name, "last_employer_confirmation"))

	def test_a_token_answers_only_its_own_placement(self):
		other = make_retention_placement(
			case_manager=self.case_manager, job_order=self.placement.job_order, start_date="2026-03-02"
		)
		with self.freeze_time("2026-03-04 09:00:00"):
			pulse.answer(self.links["good"], "good", {"placement": other.name})
		self.assertIsNotNone(
			frappe.db.get_value("Placement", self.placement.name, "last_employer_confirmation")
		)
		self.assertIsNone(frappe.db.get_value("Placement", other.name, "last_employer_confirmation"))


class TestRemindersAndFigures(PulseCase):
	def test_one_reminder_with_a_fresh_link_then_the_rep_is_told_once(self):
		name = self.send("2026-03-04 07:00:00")[0]
		first = links_sent_to(self.employer)[0]["good"]
		with self.freeze_time("2026-03-06 07:00:00"):
			self.assertEqual(pulse.remind_and_escalate()["reminded"], [], "2 days: not yet")
		with self.freeze_time("2026-03-07 07:00:00"):
			self.assertEqual(pulse.remind_and_escalate()["reminded"], [name])
			self.assertEqual(pulse.remind_and_escalate()["reminded"], [], "once")
		fresh = links_sent_to(self.employer)[-1]["good"]
		self.assertNotEqual(fresh, first)
		with self.freeze_time("2026-03-09 07:00:00"):
			self.assertEqual(pulse.remind_and_escalate()["told"], [])
			with self.assertRaises(pulse.PulseRefused):
				pulse.answer(first, "good")
		with self.freeze_time("2026-03-10 07:00:00"):
			self.assertEqual(pulse.remind_and_escalate()["told"], [name])
			self.assertEqual(pulse.remind_and_escalate()["told"], [], "once")
		self.assertTrue(frappe.db.exists("Email Queue Recipient", {"recipient": self.rep}))
		with self.freeze_time("2026-03-10 10:00:00"):
			pulse.answer(fresh, "good")
		self.assertEqual(self.pulse_doc(name).response_hours, 147.0, "from the first email: 6 days 3 hours")

	def test_response_figures(self):
		"""Three questions: answered after 2 h and after 5 h, one expired: answered 2 of 3 closed =
		66.7 %; median of (2, 5) = 3.5 h.  A fourth, still awaiting, counts neither way."""
		second = make_retention_placement(
			case_manager=self.case_manager, job_order=self.placement.job_order, start_date="2026-03-02"
		)
		third = make_retention_placement(
			case_manager=self.case_manager, job_order=self.placement.job_order, start_date="2026-03-02"
		)
		made = self.send("2026-03-04 07:00:00")
		self.assertEqual(len(made), 3)
		tokens = {}
		for question in links_sent_to(self.employer):
			doc = frappe.get_doc("Employer Pulse", {"token_hash": pulse.hash_token(question["good"])})
			tokens[doc.placement] = question["good"]
		with self.freeze_time("2026-03-04 09:00:00"):
			pulse.answer(tokens[self.placement.name], "good")
		with self.freeze_time("2026-03-04 12:00:00"):
			pulse.answer(tokens[second.name], "good")
		with self.freeze_time("2026-03-19 07:00:00"):
			self.assertEqual(len(pulse.expire()), 1)
		fourth = make_retention_placement(
			case_manager=self.case_manager, job_order=self.placement.job_order, start_date="2026-03-16"
		)
		self.assertEqual(
			len(self.send("2026-03-19 08:00:00")), 4, "all four: a week since the last, or never asked"
		)
		figures = pulse_metrics.response_figures([self.partnership], "2026-03-01", "2026-03-04")[
			self.partnership
		]
		self.assertEqual(
			figures, {"sent": 3, "answered": 2, "expired": 1, "answered_rate": 66.7, "median_hours": 3.5}
		)
		pulse_metrics.store_response_figures("2026-03-19", [self.partnership])
		stored = frappe.db.get_value(
			"Hiring Partnership", self.partnership, ["pulse_response_rate", "pulse_median_hours"]
		)
		self.assertEqual(tuple(map(float, stored)), (66.7, 3.5), "the still-awaiting ones count neither way")
		self.assertTrue(third and fourth)
