"""The Employer Pipeline board as a rep meets it: a refused move names the step that lets it
through (issue 23), and another rep's lead says whose it is, never Frappe's permission trace.

The board's drop calls Frappe's `update_order_for_single_card`, called here as the board calls it;
what the person reads is the request's message log (the dialog the desk shows)."""

import json

import frappe
from frappe.desk.doctype.kanban_board.kanban_board import update_order_for_single_card

from employment_partners.api.pipeline import move_lead
from employment_partners.pipeline import stages
from employment_partners.tests import EPTestCase
from employment_partners.tests.factories import make_employer_lead, make_user

BOARD = "Employer Pipeline"
TRACE = ("Not allowed via controller permission check", "Insufficient Permission", "Not permitted")


def drop(lead, to_stage):
	"""A card dragged from its column to another, as the board sends it."""
	frappe.local.message_log = []
	update_order_for_single_card(BOARD, lead.name, lead.stage, to_stage, 0, 0)


def shown() -> list[dict]:
	"""The messages the desk would show for the last request."""
	return [json.loads(m) if isinstance(m, str) else m for m in frappe.local.message_log]


def stored(lead, field="stage"):
	return frappe.db.get_value("Employer Lead", lead.name, field)


class TestBoardRefusals(EPTestCase):
	def setUp(self):
		super().setUp()
		self.rep = make_user("Business Services Rep")
		self.other_rep = make_user("Business Services Rep")
		frappe.set_user(self.rep)

	def refusal(self, lead, to_stage, error=frappe.ValidationError) -> dict:
		with self.assertRaises(error):
			drop(lead, to_stage)
		messages = shown()
		self.assertEqual(len(messages), 1, messages)
		return messages[0]

	def test_a_skip_asks_for_the_reason_and_the_reason_moves_it(self):
		lead = make_employer_lead()
		message = self.refusal(lead, stages.QUALIFY)
		self.assertIn("needs a written reason", message["message"])
		action = message["primary_action"]
		self.assertEqual(action["label"], "Write the reason")
		self.assertEqual(action["client_action"], "employment_partners.pipeline.next_step")
		self.assertEqual(
			(action["args"]["lead"], action["args"]["stage"], action["args"]["step"]),
			(lead.name, stages.QUALIFY, stages.WRITE_REASON),
		)
		self.assertEqual(stored(lead), stages.PROSPECT)

		self.assertEqual(move_lead(lead.name, stages.QUALIFY, "Met them at the chamber breakfast"), "Qualify")
		history = frappe.get_doc("Employer Lead", lead.name).stage_history[-1]
		self.assertEqual(
			(history.from_stage, history.to_stage, history.note, history.is_skip),
			(stages.PROSPECT, stages.QUALIFY, "Met them at the chamber breakfast", 1),
		)

	def test_the_dialog_refuses_an_empty_reason(self):
		lead = make_employer_lead()
		with self.assertRaisesRegex(frappe.ValidationError, "needs a written reason"):
			move_lead(lead.name, stages.QUALIFY, "   ")
		self.assertEqual(stored(lead), stages.PROSPECT)

	def test_lost_asks_why(self):
		lead = make_employer_lead()
		message = self.refusal(lead, stages.LOST)
		self.assertEqual(message["primary_action"]["label"], "Write why it is lost")
		self.assertEqual(move_lead(lead.name, stages.LOST, "Moved its plant out of the region"), stages.LOST)
		self.assertEqual(stored(lead, "lost_reason"), "Moved its plant out of the region")

	def test_source_offers_the_conversion(self):
		lead = make_employer_lead()
		move_lead(lead.name, stages.NURTURE, "Qualified at the sector table")
		lead.reload()
		message = self.refusal(lead, stages.SOURCE)
		self.assertIn("convert the lead first", message["message"])
		self.assertEqual(message["primary_action"]["label"], "Create Hiring Partnership")
		self.assertEqual(message["primary_action"]["args"]["step"], stages.CONVERT)

	def test_match_offers_a_job_order_for_the_partnership(self):
		from employment_partners.pipeline.conversion import convert_lead

		lead = make_employer_lead()
		partnership = convert_lead(lead.name)
		move_lead(lead.name, stages.SOURCE, "Signed the partnership")
		lead.reload()
		message = self.refusal(lead, stages.MATCH)
		self.assertEqual(message["primary_action"]["label"], "New Job Order")
		self.assertEqual(message["primary_action"]["args"]["hiring_partnership"], partnership)

	def test_feedback_explains_without_a_button(self):
		"""No button makes a hire: the message says where a placement comes from."""
		from employment_partners.tests.factories import make_job_order

		lead = make_employer_lead()
		from employment_partners.pipeline.conversion import convert_lead

		partnership = convert_lead(lead.name)
		frappe.set_user("Administrator")
		make_job_order(hiring_partnership=partnership)
		frappe.set_user(self.rep)
		lead.reload()
		self.assertEqual(lead.stage, stages.SOURCE)
		move_lead(lead.name, stages.MATCH)
		lead.reload()
		message = self.refusal(lead, stages.FEEDBACK)
		self.assertIn("when a referred participant is hired", message["message"])
		self.assertNotIn("primary_action", message)


class TestAnotherRepsLead(EPTestCase):
	def setUp(self):
		super().setUp()
		self.rep = make_user("Business Services Rep")
		self.owner = make_user("Business Services Rep")
		self.lead = make_employer_lead(assigned_bsr=self.owner, organisation_name="Harbourview Bakery")
		self.owner_name = frappe.utils.get_fullname(self.owner)

	def test_dragging_it_says_whose_it_is_and_whom_to_ask(self):
		frappe.set_user(self.rep)
		with self.assertRaises(frappe.PermissionError):
			drop(self.lead, stages.OUTREACH)
		text = " ".join(m["message"] for m in shown())
		self.assertEqual(
			text,
			f"Harbourview Bakery is {self.owner_name}'s. Ask {self.owner_name} or a partnership "
			"manager to change it, or to assign it to you.",
		)
		for trace in TRACE:
			self.assertNotIn(trace, text)
		self.assertEqual(stored(self.lead), stages.PROSPECT)

	def test_the_reason_dialog_cannot_move_it_either(self):
		frappe.set_user(self.rep)
		with self.assertRaisesRegex(frappe.PermissionError, f"is {self.owner_name}'s"):
			move_lead(self.lead.name, stages.LOST, "taken over")
		self.assertEqual(stored(self.lead), stages.PROSPECT)

	def test_its_rep_and_a_manager_move_it(self):
		frappe.set_user(self.owner)
		drop(self.lead, stages.OUTREACH)
		self.assertEqual(stored(self.lead), stages.OUTREACH)
		frappe.set_user(make_user("Partnership Manager"))
		self.lead.reload()
		drop(self.lead, stages.QUALIFY)
		self.assertEqual(stored(self.lead), stages.QUALIFY)

	def test_an_interaction_of_theirs_says_so_too(self):
		from employment_partners.tests.factories import make_interaction

		frappe.set_user(self.owner)
		interaction = make_interaction(employer_lead=self.lead.name)
		frappe.set_user(self.rep)
		doc = frappe.get_doc("Employer Interaction", interaction.name)
		doc.summary = "rewritten"
		with self.assertRaisesRegex(frappe.PermissionError, f"is {self.owner_name}'s"):
			doc.save()
