"""The daily and weekly digests: what each person reads, and nothing for someone with nothing to
read or who turned the digest off.  Emails are queued (tests mute sending)."""

import email

import frappe
from frappe.utils import add_days, add_to_date, getdate, now_datetime, today

from employment_partners import digests
from employment_partners.tests import EPTestCase
from employment_partners.tests.factories import (
	make_employer_lead,
	make_hiring_partnership,
	make_interaction,
	make_job_order,
	make_participant,
	make_referral,
	make_retention_issue,
	make_retention_placement,
	make_user,
)


def queued(user: str) -> list[str]:
	"""The digest emails queued for a user: the text of each one's HTML part."""
	raw = frappe.get_all(
		"Email Queue", filters={"reference_doctype": "User", "reference_name": user}, pluck="message"
	)
	return [
		next(
			part.get_payload(decode=True).decode()
			for part in email.message_from_string(message).walk()
			if part.get_content_type() == "text/html"
		)
		for message in raw
	]


def titles(sections) -> dict[str, list[str]]:
	return {s["title"]: [item["title"] for item in s["items"]] for s in sections if s["items"]}


class TestDailyDigest(EPTestCase):
	def setUp(self):
		super().setUp()
		self.rep = make_user("Business Services Rep")
		self.case_manager = make_user("Case Manager")

	def make_rep_news(self):
		due = make_employer_lead(organisation_name="Digest Due Bakery", assigned_bsr=self.rep)
		frappe.db.set_value("Employer Lead", due.name, "next_follow_up_date", add_days(today(), -2))
		later = make_employer_lead(organisation_name="Digest Later Deli", assigned_bsr=self.rep)
		frappe.db.set_value("Employer Lead", later.name, "next_follow_up_date", add_days(today(), 5))
		partnership = make_hiring_partnership(partner_name="Digest Partner Works", assigned_bsr=self.rep)
		make_interaction(
			hiring_partnership=partnership.name,
			direction="Inbound",
			needs_reply=1,
			interaction_date=add_to_date(now_datetime(), days=-3),
			summary="Asks for two more forklift drivers",
		)
		order = make_job_order(hiring_partnership=partnership.name)
		placement = make_retention_placement(job_order=order.name, start_date=add_days(today(), -20))
		make_retention_issue(placement.name, reported_on=add_to_date(now_datetime(), hours=-3))

	def test_a_rep_reads_due_leads_waiting_replies_and_new_issues(self):
		self.make_rep_news()
		self.assertEqual(
			titles(digests.bsr_sections(self.rep)),
			{
				"Leads due a follow-up": ["Digest Due Bakery"],
				"Employers waiting for a reply past the SLA": ["Digest Partner Works"],
				"New retention issues on your partnerships": ["Digest Partner Works"],
			},
		)
		self.assertIn(self.rep, digests.send_daily())
		(message,) = queued(self.rep)
		self.assertIn("Digest Due Bakery", message)
		self.assertIn("Asks for two more forklift drivers", message)
		self.assertNotIn("Digest Later Deli", message)

	def test_a_case_manager_reads_follow_ups_and_issues_to_acknowledge(self):
		# started 20 days ago: "within a week" is overdue, "a month after" due in 11 days (not this week)
		placement = make_retention_placement(
			case_manager=self.case_manager, start_date=add_days(today(), -20)
		)
		soon = make_retention_placement(case_manager=self.case_manager, start_date=add_days(today(), 3))
		make_retention_issue(placement.name)
		sections = titles(digests.case_manager_sections(self.case_manager))
		self.assertEqual(
			sections["Follow-ups overdue or due this week"],
			[placement.participant_name, soon.participant_name],
		)
		self.assertEqual(sections["Retention issues waiting to be acknowledged"], [placement.employer_name])
		self.assertIn(self.case_manager, digests.send_daily())
		self.assertEqual(len(queued(self.case_manager)), 1)

	def test_one_email_for_someone_with_both_roles(self):
		both = make_user("Business Services Rep", "Case Manager")
		lead = make_employer_lead(assigned_bsr=both)
		frappe.db.set_value("Employer Lead", lead.name, "next_follow_up_date", today())
		make_retention_placement(case_manager=both, start_date=add_days(today(), -20))
		digests.send_daily()
		(message,) = queued(both)
		self.assertIn("Leads due a follow-up", message)
		self.assertIn("Follow-ups overdue or due this week", message)

	def test_run_again_the_same_day_sends_nothing_the_next_day_sends_again(self):
		self.make_rep_news()
		now = now_datetime()
		self.assertIn(self.rep, digests.send_daily(now))
		self.assertNotIn(self.rep, digests.send_daily(now))
		self.assertEqual(len(queued(self.rep)), 1)
		self.assertIn(self.rep, digests.send_daily(add_to_date(now, days=1)))
		self.assertEqual(len(queued(self.rep)), 2)

	def test_emails_muted_with_no_usable_outgoing_account_sends_none_and_keeps_them(self):
		"""Frappe then hands back a stand-in account with no address; the digests wait for a real
		one instead of dying on it, and go out once there is one."""
		self.make_rep_news()
		# Frappe keeps the account it found for the rest of the process (frappe.local)
		self.addCleanup(setattr, frappe.local, "outgoing_email_account", {})
		account = frappe.db.get_value("Email Account", {"enable_outgoing": 1}, "name")
		frappe.db.set_value("Email Account", account, "enable_outgoing", 0)
		frappe.local.outgoing_email_account = {}
		self.assertEqual(digests.send_daily(), [])
		self.assertEqual(queued(self.rep), [])
		# the account back: the day's digest was not marked sent, so it goes out now
		frappe.db.set_value("Email Account", account, "enable_outgoing", 1)
		frappe.local.outgoing_email_account = {}
		self.assertIn(self.rep, digests.send_daily())
		self.assertEqual(len(queued(self.rep)), 1)

	def test_nothing_to_read_sends_nothing(self):
		self.assertFalse(any(section["items"] for section in digests.bsr_sections(self.rep)))
		sent = digests.send_daily()
		self.assertNotIn(self.rep, sent)
		self.assertNotIn(self.case_manager, sent)
		self.assertEqual(queued(self.rep), [])

	def test_a_rep_who_turned_it_off_gets_none(self):
		self.make_rep_news()
		settings = frappe.get_doc("Notification Settings", self.rep)
		settings.ep_daily_digest = 0
		settings.save(ignore_permissions=True)
		self.assertNotIn(self.rep, digests.send_daily())
		self.assertEqual(queued(self.rep), [])


class TestWeeklyDigest(EPTestCase):
	def test_managers_read_partnerships_that_fell_into_at_risk_and_the_weeks_moves(self):
		manager = make_user("Partnership Manager")
		on = getdate(today())
		# 3 referrals 30 days back, undecided: enough activity for a score (metrics/partnerships);
		# only satisfaction (3 of 5: 0.5, weight 15) and recent contact (weight 10) have data:
		# a week ago the last call was 93 days back: (120 - 93) / 90 = 0.3, score
		# 100 x (7.5 + 3) / 25 = 42, Watch; today 100 days: 0.222, 100 x (7.5 + 2.22) / 25 = 38.9
		# -> 39, At risk
		slipping = make_hiring_partnership(partner_name="Digest Slipping Foods")
		order = make_job_order(hiring_partnership=slipping.name, openings=5)
		for _ in range(3):
			referral = make_referral(order.name, make_participant().name)
			frappe.db.set_value("Referral", referral.name, "referred_on", add_days(on, -30))
		make_interaction(hiring_partnership=slipping.name, interaction_date=add_days(on, -100))
		frappe.get_doc(
			{
				"doctype": "Employer Feedback",
				"hiring_partnership": slipping.name,
				"satisfaction": 3,
				"received_on": add_days(on, -50),
			}
		).insert()
		started = make_retention_placement(start_date=add_days(on, -2))
		ended = make_retention_placement(start_date=add_days(on, -60))
		ended.update({"status": "Ended", "end_date": add_days(on, -1), "separation_reason": "Quit"})
		ended.save()

		sections = titles(digests.manager_sections(on))
		self.assertIn("Digest Slipping Foods", sections["Partnerships that fell into At risk"])
		self.assertIn(started.participant_name, sections["Placements this week"])
		self.assertNotIn(ended.participant_name, sections["Placements this week"])
		self.assertIn(ended.participant_name, sections["Separations this week"])
		self.assertIn(manager, digests.send_weekly(on))
		self.assertIn("Digest Slipping Foods", queued(manager)[0])
		# once a week: again the same ISO week sends nothing
		self.assertNotIn(manager, digests.send_weekly(on))
		self.assertEqual(len(queued(manager)), 1)
		year, week, _day = on.isocalendar()
		self.assertEqual(
			frappe.defaults.get_user_default(digests.WEEKLY_SENT, manager), f"{year}-W{week:02d}"
		)
