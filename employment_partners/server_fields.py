"""What the server alone writes: every field the app computes, stamps or changes only through its
own action, on every app doctype, declared here and kept from the stored record whatever a
request sends.

`keep_stored` runs before each app document's validate (doc_events "*" before_validate): on a
save made on a user's authority, each declared field of the record, and of each of its child
rows by row name, is put back to its stored value (a new child row's to its default), and a
declared table keeps its stored rows.  The controller's validate then recomputes what it
computes, so a REST PUT, the desk or frappe.client can change none of these; what the request
sent for them is dropped without an error, as Frappe drops the fields of a permission level the
user may not write.

Who is "the server": the same rule as Frappe's own field-level permissions
(`Document.validate_higher_perm_levels`): a document saved with `ignore_permissions` (server code
acting on its own authority: the scheduler's jobs, the portal's handlers, one record's effects on
another), or by Administrator, keeps what it sets; code writing a field without a save uses
`db_set` / `frappe.db.set_value`.

On a new record only INSERT_TOO is reset (a link with its own action cannot be chosen at
creation either); the other fields are the controllers' to set on insert (a partnership made
from its lead carries the lead, a new referral its referral date).

Fields fetched from a link (`fetch_from`, not "fetch if empty") are not declared: Frappe
re-fetches them from the link on every save.  tests/test_server_fields.py checks that every
read-only field of every app doctype is declared or fetched, and sends each declared field
over REST as each role that may write the record."""

import frappe

SERVER_FIELDS: dict[str, tuple[str, ...]] = {
	# the early warning's records: written by its scheduler jobs only (early_warning/scoring.py)
	"Early Warning Coefficient": (
		"feature",
		"reason",
		"coefficient",
		"odds_ratio",
		"points",
	),
	"Early Warning Model": (
		"method",
		"status",
		"trained_on",
		"note",
		"window_from",
		"window_to",
		"separations",
		"training_rows",
		"patterns",
		"holdout_rows",
		"holdout_separations",
		"holdout_auc",
		"holdout_brier",
		"intercept",
		"base_risk",
		"coefficients",
	),
	"Separation Risk": (
		"placement",
		"participant",
		"participant_name",
		"case_manager",
		"hiring_partnership",
		"employer_name",
		"week_start",
		"risk",
		"band",
		"scored_on",
		"reasons",
		"model",
		"scored_at_start",
		"risk_at_start",
		"band_at_start",
		"first_90_days",
		"reasons_at_start",
		"model_at_start",
	),
	"Employer Appreciation Event": ("invited_count", "attended_count"),
	"Employer Confirmation": ("terms", "status", "confirmed_on", "confirmed_by"),
	"Employer Interaction": ("employer_name", "response_hours", "reply_due_on"),
	"Employer Lead": (
		"domain",
		"normalized_name",
		"stage_changed_on",
		"last_contact_date",
		"hiring_partnership",
		"pays_living_wage",
		"fit_score",
		"fit_score_breakdown",
		"stage_history",  # a table: its stored rows are kept, the controller appends
	),
	"Employer Lead Stage History": (
		"from_stage",
		"to_stage",
		"changed_on",
		"changed_by",
		"days_in_previous_stage",
		"is_skip",
		"is_automatic",
		"note",
		"automatic_event",
		"event_source",
	),
	"Employer Pulse": (
		"status",
		"sent_on",
		"expires_on",
		"reminded_on",
		"bsr_notified_on",
		"answer",
		"answered_on",
		"response_hours",
		"reported_end_date",
		"end_reason",
		"retention_issue",
		"token_hash",
	),
	"Hiring Partnership": (
		"domain",
		"normalized_name",
		"employer_lead",
		"last_contact_date",
		"median_response_hours",
		"pulse_response_rate",
		"pulse_median_hours",
		"accepted_referral_rate",
		# ERPNext (custom fields, where installed): changed only by Create / Link Customer and
		# Create Supplier (employment_partners/books/parties.py)
		"ep_customer",
		"ep_supplier",
	),
	"Hiring Partnership Portal User": ("invited_on",),
	"Job Order": ("filled",),
	"Lending Circle": ("status", "pot"),
	"Lending Circle Member": ("payout_month",),
	"Lending Circle Payout": ("month", "recipient", "pot"),
	"Participant": (
		"full_name",
		"status",
		"age_indicator",
		"poor_retention_history",
		"suitability_count",
		"employment_status",
		"employment_status_date",
		"current_employer",
		"current_hourly_wage",
	),
	"Placement": (
		"participant_label",
		"incentive_paid",
		"employment_status",
		"employment_status_date",
		"current_employer",
		"current_hourly_wage",
		"last_employer_confirmation",
		"employer_reported_end_date",
	),
	# posted by the server alone (employment_partners/books/postings.py)
	"Placement Incentive Payment": ("voucher_type", "voucher_no"),
	"Placement Retention Bonus": ("due_date", "voucher_type", "voucher_no"),
	"Referral": (
		"referred_on",
		"decided_on",
		"decision",
		"match_score",
		"match_breakdown",
		"placement",
		"match_parts",
	),
	"Retention Follow-up": (
		"program",
		"program_enrolment",
		"follow_up_schedule",
		"anchor",
		"reminder_sent_on",
		"escalated_on",
		"escalated_to",
		"schedule_row_id",
		"outcome_milestone",
	),
	"Retention Issue Report": (
		"participant_label",
		"reported_by_user",
		"acknowledge_due",
		"acknowledged_on",
		"acknowledged_by",
		"sla_breached",
		"breach_notified_on",
		"acknowledge_hours",
		"closed_on",
	),
	"Service Referral": ("retention_issue", "connected_on"),
}

# read-only on the form, but owned by something else that checks who may change it
OWNED_ELSEWHERE: dict[str, dict[str, str]] = {
	"Retention Issue Report": {"status": "the Retention workflow (its transitions and their roles)"},
}

# reset on a user's insert too
INSERT_TOO: dict[str, tuple[str, ...]] = {"Hiring Partnership": ("ep_customer", "ep_supplier")}


def keep_stored(doc, method=None):
	"""doc_events "*" before_validate: the declared fields of `doc` and its rows as stored."""
	if doc.flags.ignore_permissions or frappe.session.user == "Administrator":
		return
	if doc.doctype not in SERVER_FIELDS and not _tables(doc.meta):
		return
	before = doc.get_doc_before_save()
	if before is None:
		for field in INSERT_TOO.get(doc.doctype, ()):
			if doc.meta.has_field(field):
				doc.set(field, None)
		return
	_keep(doc, before)
	for df in _tables(doc.meta):
		if df.fieldname in SERVER_FIELDS.get(doc.doctype, ()):
			continue  # the whole table was kept
		stored = {row.name: row for row in before.get(df.fieldname)}
		for row in doc.get(df.fieldname):
			_keep(row, stored.get(row.name))


def declared(doctype: str) -> tuple[str, ...]:
	"""The declared fields `doctype` has on this site (ERPNext's custom fields where installed)."""
	meta = frappe.get_meta(doctype)
	return tuple(field for field in SERVER_FIELDS.get(doctype, ()) if meta.has_field(field))


def _tables(meta) -> list:
	return [df for df in meta.get_table_fields() if df.options in SERVER_FIELDS]


def _keep(doc, before):
	"""`doc`'s declared fields as in `before` (defaults when there is no stored row)."""
	meta = doc.meta
	for field in SERVER_FIELDS.get(doc.doctype, ()):
		df = meta.get_field(field)
		if not df:
			continue
		if df.fieldtype == "Table":
			doc.set(field, [row.as_dict() for row in before.get(field)] if before else [])
		elif before is not None:
			doc.set(field, before.get(field))
		else:
			doc.set(field, df.default if df.default is not None else None)
