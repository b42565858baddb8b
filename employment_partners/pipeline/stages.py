"""Employer pipeline stages and the rules for moving a lead between them.

Prospect → Outreach → Qualify → Nurture → Source → Match → Feedback, plus the terminal
Lost / Poor Fit.  A change is one step forward, any step back, or to Lost.  Skipping forward
needs a written reason (or is refused, by settings).  Entering Source needs a Hiring
Partnership, Match an open Job Order and Feedback a Placement.  A lost lead is reopened by
moving it back to Prospect with a note.

Everything here is plain Python: `transition_problem` returns the reason a change is refused
(translated) or None, so the controller throws and the tests read the rule directly.
"""

from dataclasses import dataclass

from frappe import _

PROSPECT = "Prospect"
OUTREACH = "Outreach"
QUALIFY = "Qualify"
NURTURE = "Nurture"
SOURCE = "Source"
MATCH = "Match"
FEEDBACK = "Feedback"
LOST = "Lost / Poor Fit"

STAGES = (PROSPECT, OUTREACH, QUALIFY, NURTURE, SOURCE, MATCH, FEEDBACK)
ALL_STAGES = (*STAGES, LOST)

SKIP_WITH_REASON = "Allow with written reason"
SKIP_NEVER = "Never allow"


# the step that lets a refused move through, offered beside the refusal (public/js/pipeline.js)
WRITE_REASON = "reason"
WRITE_LOST_REASON = "lost_reason"
CONVERT = "convert"
NEW_JOB_ORDER = "job_order"


class Refusal(str):
	"""Why a move is refused (the message itself) and the step that would let it through, or None
	when no one step will (a placement comes from a hire, not from a button)."""

	step: str | None

	def __new__(cls, message: str, step: str | None = None):
		refusal = super().__new__(cls, message)
		refusal.step = step
		return refusal


@dataclass(frozen=True)
class LeadFacts:
	"""What the gates need to know about a lead's underlying records."""

	has_partnership: bool = False
	has_open_job_order: bool = False
	has_placement: bool = False


@dataclass(frozen=True)
class Transition:
	from_stage: str
	to_stage: str

	@property
	def steps(self) -> int:
		"""Positions moved along STAGES (negative = back); 0 for moves to or from Lost."""
		if LOST in (self.from_stage, self.to_stage):
			return 0
		return STAGES.index(self.to_stage) - STAGES.index(self.from_stage)

	@property
	def is_skip(self) -> bool:
		return self.steps > 1

	@property
	def is_forward(self) -> bool:
		return self.steps > 0


def transition_problem(
	from_stage: str | None,
	to_stage: str,
	*,
	note: str | None = None,
	lost_reason: str | None = None,
	skip_policy: str = SKIP_WITH_REASON,
	facts: LeadFacts = LeadFacts(),
	automatic_event: str | None = None,
) -> Refusal | None:
	"""Why moving a lead from `from_stage` to `to_stage` is refused, or None when it is allowed.

	An automatic move (`automatic_event` says what happened) has its reason in that fact: it may
	skip stages whatever the policy, but must still pass the gates."""
	if to_stage not in ALL_STAGES:
		return Refusal(_("{0} is not a pipeline stage").format(to_stage))
	if from_stage == to_stage:
		return None
	if to_stage == LOST:
		if not (lost_reason or "").strip():
			return Refusal(_("A reason is required to mark a lead Lost / Poor Fit"), WRITE_LOST_REASON)
		return None

	if from_stage is None:
		from_stage = PROSPECT  # a new lead starts at Prospect: entering later counts as a move
		if to_stage == PROSPECT:
			return None

	if from_stage == LOST:
		if to_stage != PROSPECT:
			return Refusal(_("A lost lead can only be reopened at Prospect, not at {0}").format(to_stage))
		if not (note or "").strip():
			return Refusal(_("Write a reason for reopening this lost lead"), WRITE_REASON)
		return None

	move = Transition(from_stage, to_stage)
	if move.is_skip and not automatic_event:
		if skip_policy == SKIP_NEVER:
			return Refusal(
				_("Skipping from {0} to {1} is not allowed: move one stage at a time").format(
					from_stage, to_stage
				)
			)
		if not (note or "").strip():
			return Refusal(
				_("Skipping from {0} to {1} needs a written reason").format(from_stage, to_stage),
				WRITE_REASON,
			)
	if move.is_forward:
		return gate_problem(to_stage, facts)
	return None


def gate_problem(to_stage: str, facts: LeadFacts) -> Refusal | None:
	"""The fact a stage needs before a lead may enter it."""
	entering = STAGES.index(to_stage)
	if entering >= STAGES.index(SOURCE) and not facts.has_partnership:
		return Refusal(_("{0} needs a Hiring Partnership: convert the lead first").format(to_stage), CONVERT)
	# Match needs an order to match against; by Feedback that order may well be filled
	if to_stage == MATCH and not facts.has_open_job_order:
		return Refusal(_("{0} needs an open Job Order for this employer").format(to_stage), NEW_JOB_ORDER)
	if entering >= STAGES.index(FEEDBACK) and not facts.has_placement:
		return Refusal(
			_(
				"{0} needs a Placement with this employer: it comes when a referred participant is hired"
			).format(to_stage)
		)
	return None


# ------------------------------------------------------------------ automatic advances
# what made a lead move by itself: stored in the stage history as these stable English keys
# (the options of "Automatic Because"), which the desk translates when it shows them
JOB_ORDER_CREATED = "Job order created"
REFERRAL_CREATED = "Referral created"
PLACEMENT_MATURED = "Placement passed 30 days"  # first placement past 30 days
EMPLOYER_FEEDBACK = "Employer feedback"

EVENT_TARGETS = {
	JOB_ORDER_CREATED: SOURCE,
	REFERRAL_CREATED: MATCH,
	PLACEMENT_MATURED: FEEDBACK,
	EMPLOYER_FEEDBACK: FEEDBACK,
}


def automatic_target(current: str, event: str) -> str | None:
	"""The stage a lead moves to when `event` happens, or None when it stays.

	Facts only move a lead forward (a lost lead stays lost), except that a new job order
	after Feedback starts the next sourcing cycle at Source.
	"""
	target = EVENT_TARGETS[event]
	if current == LOST:
		return None
	if event == JOB_ORDER_CREATED and current == FEEDBACK:
		return SOURCE
	if STAGES.index(target) > STAGES.index(current):
		return target
	return None


def days_between(start, end) -> float:
	"""Days (with fraction) from one datetime to another; 0 when either is missing."""
	if not start or not end:
		return 0.0
	return round((end - start).total_seconds() / 86400, 2)
