import frappe
from frappe.utils import add_days, now_datetime

from employment_partners.tests import EPTestCase
from employment_partners.tests.factories import (
	make_hiring_partnership,
	make_interaction,
	make_job_order,
	make_participant,
	make_referral,
)


def make_event(**overrides):
	values = {
		"doctype": "Employer Appreciation Event",
		"event_name": "Spring Employer Breakfast",
		"event_type": "Networking Brunch/Coffee",
		"event_date": "2026-04-15",
		"budget": 1500,
	}
	values.update(overrides)
	return frappe.get_doc(values).insert()


def referred(partnership, count: int = 3):
	"""The partnership, with `count` referrals sent today."""
	order = make_job_order(hiring_partnership=partnership.name, openings=count)
	for _ in range(count):
		make_referral(order.name, make_participant().name)
	return partnership


class TestAppreciationEvent(EPTestCase):
	def setUp(self):
		super().setUp()
		# only this test's partnerships take part in the ranking
		frappe.db.sql("update `tabHiring Partnership` set status = 'Ended' where status = 'Active'")

	def test_propose_invitees_ranks_by_health_and_skips_flagged_and_ended(self):
		# Partnership Health over the last 365 days: each has 3 referrals sent today, undecided
		# (enough activity for a score); with no placements, decisions, feedback or issues, only
		# recent contact scores: called today 100; called 45 days ago (120 - 45) / 90 = 0.83 -> 83;
		# never called 0.  One called today with no referral or hire has not enough data for a
		# score: after every scored one
		called_today = referred(make_hiring_partnership())
		make_interaction(hiring_partnership=called_today.name)
		called_45_days_ago = referred(make_hiring_partnership(tier="Top Partner"))
		make_interaction(
			hiring_partnership=called_45_days_ago.name, interaction_date=add_days(now_datetime(), -45)
		)
		never_called = referred(make_hiring_partnership())
		quiet = make_hiring_partnership()
		make_interaction(hiring_partnership=quiet.name)
		make_hiring_partnership(problematic_employer=1, problematic_reason="Unsafe site")
		make_hiring_partnership(status="Ended")

		event = make_event()
		ours = {called_today.name, called_45_days_ago.name, never_called.name, quiet.name}
		event.propose_invitees(limit=1000)
		self.assertEqual(
			[row.hiring_partnership for row in event.invitees if row.hiring_partnership in ours],
			[called_today.name, called_45_days_ago.name, never_called.name, quiet.name],
		)
		self.assertEqual(event.invited_count, len(event.invitees))
		# proposing again adds nobody already invited
		self.assertEqual(event.propose_invitees(limit=1000), 0)

	def test_same_partner_twice_is_refused(self):
		partner = make_hiring_partnership()
		with self.assertRaisesRegex(frappe.ValidationError, "is already invited"):
			make_event(invitees=[{"hiring_partnership": partner.name}, {"hiring_partnership": partner.name}])

	def test_attendance_is_counted(self):
		a, b = make_hiring_partnership(), make_hiring_partnership()
		event = make_event(
			invitees=[
				{"hiring_partnership": a.name, "rsvp": "Yes", "attended": 1, "gift_given": 1},
				{"hiring_partnership": b.name, "rsvp": "No"},
			]
		)
		self.assertEqual((event.invited_count, event.attended_count), (2, 1))

	def test_attending_overrides_a_no_rsvp(self):
		partner = make_hiring_partnership()
		event = make_event(invitees=[{"hiring_partnership": partner.name, "rsvp": "No", "attended": 1}])
		self.assertEqual(event.invitees[0].rsvp, "Yes")
		untouched = make_event(
			invitees=[{"hiring_partnership": make_hiring_partnership().name, "rsvp": "No"}]
		)
		self.assertEqual(untouched.invitees[0].rsvp, "No")
