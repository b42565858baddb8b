"""The pipeline's transition rules, read directly (no database)."""

import unittest
from itertools import pairwise

from employment_partners.pipeline import stages
from employment_partners.pipeline.stages import (
	FEEDBACK,
	LOST,
	MATCH,
	NURTURE,
	OUTREACH,
	PROSPECT,
	QUALIFY,
	SOURCE,
	LeadFacts,
	transition_problem,
)

EVERYTHING = LeadFacts(has_partnership=True, has_open_job_order=True, has_placement=True)


class TestTransitions(unittest.TestCase):
	def test_one_step_forward_is_allowed(self):
		for before, after in pairwise(stages.STAGES):
			self.assertIsNone(transition_problem(before, after, facts=EVERYTHING), f"{before} → {after}")

	def test_any_step_back_is_allowed_without_reason(self):
		self.assertIsNone(transition_problem(FEEDBACK, PROSPECT))
		self.assertIsNone(transition_problem(MATCH, SOURCE))

	def test_skip_forward_needs_a_reason(self):
		self.assertEqual(
			transition_problem(PROSPECT, QUALIFY), "Skipping from Prospect to Qualify needs a written reason"
		)
		self.assertIsNone(transition_problem(PROSPECT, QUALIFY, note="Warm referral from the chamber"))

	def test_skip_refused_when_policy_forbids_it(self):
		problem = transition_problem(PROSPECT, QUALIFY, note="Warm referral", skip_policy=stages.SKIP_NEVER)
		self.assertEqual(
			problem, "Skipping from Prospect to Qualify is not allowed: move one stage at a time"
		)

	def test_an_automatic_move_has_its_reason_in_the_fact_but_meets_the_gates(self):
		for policy in (stages.SKIP_WITH_REASON, stages.SKIP_NEVER):
			self.assertIsNone(
				transition_problem(
					OUTREACH,
					SOURCE,
					skip_policy=policy,
					facts=EVERYTHING,
					automatic_event=stages.JOB_ORDER_CREATED,
				)
			)
		self.assertEqual(
			transition_problem(OUTREACH, SOURCE, facts=LeadFacts(), automatic_event=stages.JOB_ORDER_CREATED),
			"Source needs a Hiring Partnership: convert the lead first",
		)

	def test_lost_needs_a_reason(self):
		self.assertEqual(
			transition_problem(NURTURE, LOST), "A reason is required to mark a lead Lost / Poor Fit"
		)
		self.assertIsNone(transition_problem(NURTURE, LOST, lost_reason="Closed the local plant"))

	def test_lost_reopens_only_at_prospect_with_a_note(self):
		self.assertEqual(
			transition_problem(LOST, OUTREACH, note="x"),
			"A lost lead can only be reopened at Prospect, not at Outreach",
		)
		self.assertEqual(transition_problem(LOST, PROSPECT), "Write a reason for reopening this lost lead")
		self.assertIsNone(transition_problem(LOST, PROSPECT, note="New owner, hiring again"))

	def test_gates(self):
		self.assertEqual(
			transition_problem(NURTURE, SOURCE), "Source needs a Hiring Partnership: convert the lead first"
		)
		partnered = LeadFacts(has_partnership=True)
		self.assertIsNone(transition_problem(NURTURE, SOURCE, facts=partnered))
		self.assertEqual(
			transition_problem(SOURCE, MATCH, facts=partnered),
			"Match needs an open Job Order for this employer",
		)
		with_order = LeadFacts(has_partnership=True, has_open_job_order=True)
		self.assertIsNone(transition_problem(SOURCE, MATCH, facts=with_order))
		self.assertEqual(
			transition_problem(MATCH, FEEDBACK, facts=with_order),
			"Feedback needs a Placement with this employer: it comes when a referred participant is hired",
		)
		self.assertIsNone(transition_problem(MATCH, FEEDBACK, facts=EVERYTHING))

	def test_skip_with_reason_still_meets_the_gate(self):
		self.assertEqual(
			transition_problem(PROSPECT, SOURCE, note="Signed at the job fair"),
			"Source needs a Hiring Partnership: convert the lead first",
		)

	def test_new_lead_starting_later_counts_as_a_move_from_prospect(self):
		self.assertIsNone(transition_problem(None, PROSPECT))
		self.assertIsNone(transition_problem(None, OUTREACH))
		self.assertEqual(
			transition_problem(None, NURTURE), "Skipping from Prospect to Nurture needs a written reason"
		)

	def test_unknown_stage_is_refused(self):
		self.assertEqual(transition_problem(PROSPECT, "Won"), "Won is not a pipeline stage")


class TestNextSteps(unittest.TestCase):
	"""Each refusal names the one step that lets the move through, where one step will."""

	def test_steps(self):
		partnered = LeadFacts(has_partnership=True)
		cases = [
			(transition_problem(PROSPECT, QUALIFY), stages.WRITE_REASON),
			(transition_problem(LOST, PROSPECT), stages.WRITE_REASON),
			(transition_problem(NURTURE, LOST), stages.WRITE_LOST_REASON),
			(transition_problem(NURTURE, SOURCE), stages.CONVERT),
			(transition_problem(SOURCE, MATCH, facts=partnered), stages.NEW_JOB_ORDER),
			# no button makes a hire, and a forbidden skip or an unknown stage has no way through
			(transition_problem(MATCH, FEEDBACK, facts=partnered), None),
			(transition_problem(PROSPECT, QUALIFY, note="x", skip_policy=stages.SKIP_NEVER), None),
			(transition_problem(LOST, OUTREACH, note="x"), None),
			(transition_problem(PROSPECT, "Won"), None),
		]
		for refusal, step in cases:
			self.assertIsNotNone(refusal)
			self.assertEqual(refusal.step, step, refusal)

	def test_the_reason_written_lets_the_same_move_through(self):
		self.assertIsNone(transition_problem(PROSPECT, QUALIFY, note="Met at the chamber breakfast"))
		self.assertIsNone(transition_problem(NURTURE, LOST, lost_reason="Closed the plant"))


class TestAutomaticTargets(unittest.TestCase):
	def test_each_fact_moves_the_lead_forward(self):
		self.assertEqual(stages.automatic_target(OUTREACH, stages.JOB_ORDER_CREATED), SOURCE)
		self.assertEqual(stages.automatic_target(SOURCE, stages.REFERRAL_CREATED), MATCH)
		self.assertEqual(stages.automatic_target(MATCH, stages.PLACEMENT_MATURED), FEEDBACK)
		self.assertEqual(stages.automatic_target(MATCH, stages.EMPLOYER_FEEDBACK), FEEDBACK)

	def test_never_backwards_and_never_out_of_lost(self):
		self.assertIsNone(stages.automatic_target(MATCH, stages.JOB_ORDER_CREATED))
		self.assertIsNone(stages.automatic_target(FEEDBACK, stages.REFERRAL_CREATED))
		self.assertIsNone(stages.automatic_target(LOST, stages.JOB_ORDER_CREATED))

	def test_new_job_order_after_feedback_starts_a_new_cycle(self):
		self.assertEqual(stages.automatic_target(FEEDBACK, stages.JOB_ORDER_CREATED), SOURCE)


class TestFeedbackGate(unittest.TestCase):
	def test_feedback_needs_a_placement_not_an_open_order(self):
		"""By Feedback the order is often filled: the placement is what counts."""
		placed = LeadFacts(has_partnership=True, has_placement=True)
		self.assertIsNone(transition_problem(MATCH, FEEDBACK, facts=placed))
