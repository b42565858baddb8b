"""Job order statuses: Draft → Open → On Hold / Filled / Closed / Cancelled.

Filled is never chosen by hand: an Open order becomes Filled when its placements reach the
openings, and a Filled order reopens when a placement ends or openings are raised.
"""

import frappe
from frappe import _

DRAFT = "Draft"
OPEN = "Open"
ON_HOLD = "On Hold"
FILLED = "Filled"
CLOSED = "Closed"
CANCELLED = "Cancelled"

ALLOWED_MOVES = {
	DRAFT: {OPEN, CANCELLED},
	OPEN: {ON_HOLD, FILLED, CLOSED, CANCELLED},
	ON_HOLD: {OPEN, CLOSED, CANCELLED},
	FILLED: {OPEN, CLOSED},
	CLOSED: {OPEN},
	CANCELLED: set(),
}


def status_problem(from_status: str | None, to_status: str, filled: int, openings: int) -> str | None:
	"""Why a person may not move a job order from `from_status` to `to_status`, or None."""
	if from_status is None:
		if to_status not in (DRAFT, OPEN):
			return _("A new job order starts as Draft or Open, not {0}").format(to_status)
		return None
	if from_status == to_status:
		return None
	if to_status not in ALLOWED_MOVES[from_status]:
		return _("A job order cannot move from {0} to {1}").format(from_status, to_status)
	if to_status == FILLED and filled < openings:
		return _("Filled is set automatically when placements reach the openings ({0} of {1} filled)").format(
			filled, openings
		)
	return None


def status_for_fill(status: str, filled: int, openings: int) -> str:
	"""The status an order takes from how many of its openings are filled."""
	if status == OPEN and filled >= openings:
		return FILLED
	if status == FILLED and filled < openings:
		return OPEN
	return status


def openings_problem(openings: int, filled: int) -> str | None:
	if openings < 1:
		return _("A job order needs at least 1 opening")
	if openings < filled:
		return _("Openings cannot be fewer than the {0} placements already made").format(filled)
	return None


def placement_problem(job_order: str, status: str, filled_by_others: int, openings: int) -> str | None:
	"""Why a new placement may not be made on this job order, or None."""
	if status in (CLOSED, CANCELLED):
		return _("Job order {0} is {1}: placements can only be made on an open order").format(
			job_order, status
		)
	if status == DRAFT:
		return _("Job order {0} is still a Draft: open it before placing anyone").format(job_order)
	if status == ON_HOLD:
		return _("Job order {0} is On Hold: reopen it before placing anyone").format(job_order)
	if filled_by_others >= openings:
		return _("All {0} openings of job order {1} are filled").format(openings, job_order)
	return None


def locked_fill(job_order: str, count, own_change: int = 0) -> tuple[frappe._dict, int]:
	"""The order's status and openings, and how many of its openings are filled, with its row locked
	until this transaction ends, so that placements changing one order's fill take turns.

	`count()` counts the filled openings as this transaction sees them.  MariaDB's REPEATABLE READ
	shows a transaction the placements as they were at its first read, so a placement another
	request committed while this one waited is not in that count (before this lock, the order's
	save then failed its modified check: a hire or an ending with room to spare was refused with
	"Document has been modified after you have opened it").  Every such change saves the order,
	so an order unchanged since this transaction first saw it means `count()` is current;
	otherwise the filled openings stored on the locked row, plus this transaction's own change
	(`own_change`: +1, -1 or 0), are."""
	seen = frappe.db.get_value("Job Order", job_order, "modified")
	order = frappe.db.get_value(
		"Job Order", job_order, ["status", "openings", "filled", "modified"], as_dict=True, for_update=True
	)
	if order.modified == seen:
		return order, count()
	return order, order.filled + own_change


def refresh_fill(job_order: str, filled: int):
	"""A placement changed: store the order's new count of filled openings (counted once by the
	caller, under `locked_fill`'s lock) and the status it implies; saves only when one of them moved.
	The order is read as committed now (a locking read), not as this transaction first saw it."""
	doc = frappe.get_doc("Job Order", job_order, for_update=True)
	if (filled, status_for_fill(doc.status, filled, doc.openings)) == (doc.filled, doc.status):
		return
	doc.flags.filled = filled
	doc.flags.automatic_status_change = True
	doc.flags.ignore_permissions = True
	doc.save()
