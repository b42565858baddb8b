import frappe

from employment_partners.tests import EPTestCase
from employment_partners.tests.factories import make_hiring_partnership, make_interaction


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


class TestAppreciationEvent(EPTestCase):
	def setUp(self):
		super().setUp()
		# only this test's partnerships take part in the ranking
		frappe.db.sql("update `tabHiring Partnership` set status = 'Ended' where status = 'Active'")

	def test_propose_invitees_ranks_top_partners_then_activity_and_skips_flagged(self):
		standard_busy = make_hiring_partnership(tier="Standard")
		for _i in range(3):
			make_interaction(hiring_partnership=standard_busy.name)
		standard_quiet = make_hiring_partnership(tier="Standard")
		top = make_hiring_partnership(tier="Top Partner")
		make_hiring_partnership(problematic_employer=1, problematic_reason="Unsafe site")
		make_hiring_partnership(status="Ended")

		event = make_event()
		self.assertEqual(event.propose_invitees(), 3)
		self.assertEqual(
			[row.hiring_partnership for row in event.invitees],
			[top.name, standard_busy.name, standard_quiet.name],
		)
		self.assertEqual(event.invited_count, 3)
		# proposing again adds nobody already invited
		self.assertEqual(event.propose_invitees(), 0)

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
