import frappe

from employment_partners.matching import candidates
from employment_partners.tests import EPTestCase
from employment_partners.tests.factories import make_job_order, make_participant, make_placement


class TestSeparationReason(EPTestCase):
	def test_placements_and_job_losses_share_one_list(self):
		placement = make_placement(status="Ended", end_date="2026-04-01", separation_reason="Laid Off")
		self.assertEqual(
			frappe.db.get_value("Separation Reason", placement.separation_reason, "category"), "Laid Off"
		)
		with self.assertRaisesRegex(frappe.LinkValidationError, "Separation Reason"):
			make_placement(status="Ended", end_date="2026-04-01", separation_reason="Vanished")
		person = make_participant(job_losses=[{"end_date": "2025-05-01", "reason": "Childcare"}])
		self.assertEqual(person.job_losses[0].reason, "Childcare")

	def test_an_agency_reason_counts_against_a_match_as_its_record_says(self):
		frappe.get_doc(
			{
				"doctype": "Separation Reason",
				"reason_name": "Caring for a parent",
				"category": "Quit",
				"recurs_when": "Non-standard shift",
			}
		).insert()
		person = make_participant(
			available_weekend=1, job_losses=[{"end_date": "2025-05-01", "reason": "Caring for a parent"}]
		)
		weekend = make_job_order(shift="Weekend")
		row = next(
			r for r in candidates.rank_participants(weekend.name, 100) if r["participant"] == person.name
		)
		retention = row["parts"][5]
		self.assertEqual(
			(retention["points"], retention["why"]), (10, "past losses may recur: Caring for a parent")
		)
