"""Retention follow-up figures: the follow-up roster and its counts by case manager."""

import frappe
from frappe.query_builder import Case, Order
from frappe.query_builder.functions import Coalesce
from frappe.utils import add_days, getdate
from pypika.terms import PseudoColumn

from employment_partners.permissions import query_conditions
from employment_partners.retention import follow_ups

OVERDUE = "Overdue"
IN_WINDOW = "In Window"
UPCOMING = "Upcoming"


def _standing(follow_up, as_of):
	"""Overdue once the window has ended, In Window from the due date, Upcoming before it (the rules:
	retention.follow_ups.overdue and in_window)."""
	return (
		Case()
		.when(follow_ups.overdue(follow_up, as_of), OVERDUE)
		.when(follow_ups.in_window(follow_up, as_of), IN_WINDOW)
		.else_(UPCOMING)
	)


def _open_due_by(as_of, within_days: int, case_manager: str | None):
	"""Open follow-ups due by `as_of` + `within_days`, with their case manager's User row."""
	follow_up, user = frappe.qb.DocType("Retention Follow-up"), frappe.qb.DocType("User")
	query = (
		frappe.qb.from_(follow_up)
		.left_join(user)
		.on(user.name == follow_up.case_manager)
		.where(follow_up.status == follow_ups.OPEN)
		.where(follow_up.due_date <= add_days(as_of, within_days))
	)
	if case_manager:
		query = query.where(follow_up.case_manager == case_manager)
	# the session user's record rules (a case manager's caseload), the same SQL their list uses
	if rules := query_conditions(frappe.session.user, "Retention Follow-up"):
		query = query.where(PseudoColumn(f"({rules})"))
	return follow_up, user, query


def follow_ups_due(as_of, within_days: int = 14, case_manager: str | None = None) -> list[dict]:
	"""Open follow-ups due by `as_of` + `within_days`: by case manager, overdue first, then by date."""
	as_of = getdate(as_of)
	follow_up, user, query = _open_due_by(as_of, within_days, case_manager)
	standing = _standing(follow_up, as_of)
	rank = Case().when(standing == OVERDUE, 0).when(standing == IN_WINDOW, 1).else_(2)
	rows = (
		query.select(
			follow_up.name,
			follow_up.case_manager,
			Coalesce(user.full_name, follow_up.case_manager).as_("case_manager_name"),
			follow_up.participant,
			follow_up.participant_name,
			follow_up.placement,
			follow_up.employer_name,
			follow_up.label,
			follow_up.due_date,
			follow_up.window_end,
			standing.as_("standing"),
			follow_up.escalated_on,
		)
		.orderby(follow_up.case_manager)
		.orderby(rank)
		.orderby(follow_up.due_date, order=Order.asc)
		.run(as_dict=True)
	)
	for row in rows:
		row.days_overdue = max(0, (as_of - getdate(row.window_end)).days) if row.window_end else 0
	return rows


STANDING_KEYS = {OVERDUE: "overdue", IN_WINDOW: "in_window", UPCOMING: "upcoming"}


def tally(rows: list[dict]) -> list[dict]:
	"""Per case manager, in the rows' order: how many of the follow-ups follow_ups_due() returned
	are overdue, in their window, or upcoming (counted from the rows the report already holds, not
	asked of the database again)."""
	counts: dict = {}
	for row in rows:
		count = counts.get(row.case_manager)
		if count is None:
			count = counts[row.case_manager] = frappe._dict(
				case_manager=row.case_manager,
				case_manager_name=row.case_manager_name,
				overdue=0,
				in_window=0,
				upcoming=0,
				total=0,
			)
		count[STANDING_KEYS[row.standing]] += 1
		count.total += 1
	return list(counts.values())


def overdue_follow_up_count(as_of, case_manager: str | None = None, filters: list | None = None) -> int:
	"""Open follow-ups whose window ended before `as_of`, among those the session user may read
	(frappe.get_list applies role and record permissions) and that meet `filters`."""
	conditions = [
		["Retention Follow-up", "status", "=", follow_ups.OPEN],
		["Retention Follow-up", "window_end", "<", getdate(as_of)],
		*(filters or []),
	]
	if case_manager:
		conditions.append(["Retention Follow-up", "case_manager", "=", case_manager])
	return int(frappe.get_list("Retention Follow-up", filters=conditions, fields=["count(*) as n"])[0].n)
