"""What a saved record changes in other records, declared in one table.

Each `Effect` says, as ERPNext's status_updater does: the record whose save sets it off
(`source`), the record and field it changes (`target`), which of the source's fields set it
off (`when`: their change, its creation, every save, or its deletion), and the function that
does it.  A controller calls `after_save(doc)` from on_update (inserts too), `before_delete(doc)`
from on_trash and `after_delete(doc)` from after_delete; the effects of one source run in the
order listed.

This module sits above the folders it drives (placements, pipeline, retention, books, metrics),
which never import it: the placement no longer reaches up into metrics, retention or the
pipeline to do these things itself.  The layers are an import-linter contract in pyproject.toml,
which the test command checks.

What is not here, and why:
- the lead's move to Feedback once a placement has lasted 30 days is a daily job
  (pipeline.automation.advance_matured_placements), not a save;
- a retention issue closed as separated ends its placement through the placement's own save
  (retention.issues.separate_placement), so the placement's effects below follow from it.
"""

from collections.abc import Callable
from dataclasses import dataclass

import frappe

from employment_partners.books import postings
from employment_partners.metrics import placements as placement_metrics
from employment_partners.pipeline import automation, stages
from employment_partners.placements import placements, referrals
from employment_partners.retention import follow_ups

CREATED = "created"  # `when`: only when the source record is created
ALWAYS = "always"  # `when`: every save
TRASHED = "trashed"  # `when`: the source is about to be deleted (on_trash: may still refuse)


@dataclass(frozen=True)
class Effect:
	source: str
	target: str
	field: str
	# the source fields whose change sets it off (a new record has changed them all), CREATED,
	# ALWAYS or TRASHED
	when: tuple[str, ...] | str
	run: Callable  # run(doc, before, deleted)
	on_delete: bool = False  # also when the source is deleted
	on_new: bool = True  # a new record sets it off (else only a change of an existing one)

	def applies(self, doc, before, deleted: bool) -> bool:
		if self.when == TRASHED:
			return False  # run by before_delete only
		if deleted:
			return self.on_delete
		if self.when == CREATED:
			return before is None
		if self.when == ALWAYS:
			return True
		if before is None:
			return self.on_new
		return any(doc.has_value_changed(field) for field in self.when)


def _recount_job_orders(doc, before, deleted):
	placements.refresh_job_orders(doc, before, deleted)


def _referral_hired(doc, before, deleted):
	# new, or its referral changed: Effect.applies has decided that
	if doc.referral:
		referrals.mark_hired(doc.referral, doc.name)


def _sync_follow_ups(doc, before, deleted):
	follow_ups.sync_placement(doc)


def _post_to_books(doc, before, deleted):
	postings.sync_placement(doc)


def _remove_untouched_follow_ups(doc, before, deleted):
	follow_ups.delete_open_follow_ups(doc.name)


def _cancel_postings(doc, before, deleted):
	postings.cancel_all(doc)


def _first_referral(doc, before, deleted):
	lead = frappe.db.get_value("Job Order", doc.job_order, "employer_lead")
	automation.advance_lead(lead, stages.REFERRAL_CREATED, doc.name)


def _accepted_referral_rate(doc, before, deleted):
	if doc.hiring_partnership:
		frappe.db.set_value(
			"Hiring Partnership",
			doc.hiring_partnership,
			"accepted_referral_rate",
			placement_metrics.accepted_referral_rate(doc.hiring_partnership) or 0,
			update_modified=False,
		)


def _job_order_created(doc, before, deleted):
	automation.advance_lead(doc.employer_lead, stages.JOB_ORDER_CREATED, doc.name)


def _feedback_given(doc, before, deleted):
	lead = automation.lead_of_partnership(doc.hiring_partnership)
	automation.advance_lead(lead, stages.EMPLOYER_FEEDBACK, doc.name)


EFFECTS = (
	# a placement: its job orders recount their openings (Filled or reopened), once per change
	Effect(
		"Placement",
		"Job Order",
		"filled, status",
		("status", "job_order"),
		_recount_job_orders,
		on_delete=True,
	),
	Effect("Placement", "Referral", "status (Hired), placement", ("referral",), _referral_hired),
	# follow-ups anchored on the placement start are made, moved or removed (those anchored on
	# the program exit are the participant's)
	Effect(
		"Placement",
		"Retention Follow-up",
		"made, moved or removed",
		("status", "start_date", "follow_up_schedule"),
		_sync_follow_ups,
	),
	# ERPNext: paid incentives and bonuses in the books (nothing without ERPNext)
	Effect(
		"Placement",
		"Journal Entry",
		"incentive and bonus postings",
		ALWAYS,
		_post_to_books,
	),
	# a placement deleted (entered by mistake) takes its untouched follow-ups and its postings
	Effect(
		"Placement", "Retention Follow-up", "untouched ones deleted", TRASHED, _remove_untouched_follow_ups
	),
	Effect("Placement", "Journal Entry", "postings cancelled", TRASHED, _cancel_postings),
	Effect("Referral", "Employer Lead", "stage (to Match)", CREATED, _first_referral),
	Effect(
		"Referral",
		"Hiring Partnership",
		"accepted_referral_rate",
		("status",),
		_accepted_referral_rate,
		on_new=False,
	),
	Effect("Job Order", "Employer Lead", "stage (to Source)", CREATED, _job_order_created),
	Effect("Employer Feedback", "Employer Lead", "stage (to Feedback)", CREATED, _feedback_given),
)


def effects_of(doctype: str) -> list[Effect]:
	return [effect for effect in EFFECTS if effect.source == doctype]


def after_save(doc):
	"""The effects of this save (an insert too), in order: from the source's on_update."""
	before = doc.get_doc_before_save()
	for effect in effects_of(doc.doctype):
		if effect.applies(doc, before, deleted=False):
			effect.run(doc, before, False)


def before_delete(doc):
	"""What deleting this record takes with it, before it goes (it may still refuse): on_trash."""
	for effect in effects_of(doc.doctype):
		if effect.when == TRASHED:
			effect.run(doc, None, True)


def after_delete(doc):
	"""The effects of deleting this record: from the source's after_delete."""
	before = doc.get_doc_before_save()
	for effect in effects_of(doc.doctype):
		if effect.applies(doc, before, deleted=True):
			effect.run(doc, before, True)
