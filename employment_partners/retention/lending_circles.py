"""Lending circles (LA:RISE / LIFT practice): 6 to 10 members each contribute the same amount every
month; each month one member receives the whole pot (contribution x members), in payout order, so
that everyone receives exactly once and the circle completes after as many months as it has
members.  Pure rules here; the Lending Circle controller applies them."""

from datetime import date

from frappe import _
from frappe.utils import add_months, get_first_day, getdate

MIN_MEMBERS, MAX_MEMBERS = 6, 10


def pot(contribution, members: int) -> float:
	return float(contribution or 0) * members


def schedule(start_month, orders: list[tuple[str, int]], contribution) -> list[dict]:
	"""The payout months: (participant, payout order) pairs -> one payout a month from the start
	month, in order: month = start + (order - 1) months; pot = contribution x members."""
	first = get_first_day(getdate(start_month))
	whole = pot(contribution, len(orders))
	return [
		{"month": add_months(first, order - 1), "recipient": participant, "pot": whole}
		for participant, order in sorted(orders, key=lambda pair: pair[1])
	]


def members_problem(orders: list[tuple[str, int]]) -> str | None:
	"""6 to 10 members, each once, payout orders 1..n each once."""
	n = len(orders)
	if not MIN_MEMBERS <= n <= MAX_MEMBERS:
		return _("A lending circle has {0} to {1} members, not {2}").format(MIN_MEMBERS, MAX_MEMBERS, n)
	people = [p for p, _order in orders]
	twice = sorted({p for p in people if people.count(p) > 1})
	if twice:
		return _("{0} is a member twice").format(", ".join(twice))
	if sorted(order for _p, order in orders) != list(range(1, n + 1)):
		return _("The payout orders must be 1 to {0}, each once").format(n)
	return None


def contributions_problem(rows, members: set[str], months: set[date]) -> str | None:
	"""Each contribution is a member's, for one of the circle's months, once a member a month, and
	either paid (with a day) or missed."""
	seen = set()
	for row in rows:
		month = get_first_day(getdate(row.month))
		if row.participant not in members:
			return _("{0} is not a member of this circle").format(row.participant)
		if month not in months:
			return _("{0} is not one of the circle's months").format(month.strftime("%B %Y"))
		if (row.participant, month) in seen:
			return _("{0} has two contributions for {1}").format(row.participant, month.strftime("%B %Y"))
		seen.add((row.participant, month))
		if bool(row.paid_on) == bool(row.missed):
			return _("Record {0}'s {1} contribution as paid (with the day) or as missed").format(
				row.participant, month.strftime("%B %Y")
			)
	return None


def payouts_problem(payouts) -> str | None:
	"""One payout a month."""
	months = [get_first_day(getdate(p.month)) for p in payouts if p.month]
	twice = sorted({m for m in months if months.count(m) > 1})
	if twice:
		return _("Two payouts in {0}").format(twice[0].strftime("%B %Y"))
	return None
