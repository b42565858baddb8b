"""Employer pulse response figures per hiring partnership (shown on the partnership and in the
Partnership Health report).

Over the pulses sent in the 365 days up to a date (or a report's period), as recorded by that date
(a report's as-of day):
- answered rate = answered / (answered + expired), as a percent rounded half up to 0.1; pulses
  still awaiting an answer inside their link's life are not counted either way;
- median answer hours = the median of the answered pulses' response hours (clock hours from the
  first email to the answer), rounded half up to 0.1 (MariaDB's MEDIAN: the mean of the two middle
  values for an even count).
A partnership with no answered or expired pulse has no figure: None in the report, stored as 0
on the partnership form (a Percent field cannot hold blank).
"""

import frappe
from frappe.utils import add_days, getdate, today

from employment_partners import arithmetic

WINDOW_DAYS = 365


# answered, and expired, by the as-of day (an answer recorded without its time counts as answered)
ANSWERED_SQL = "(status = 'Answered' and (answered_on is null or date(answered_on) <= %(as_of)s))"
EXPIRED_SQL = "(status = 'Expired' and date(expires_on) <= %(as_of)s)"


def response_figures(names: list[str] | None, start, end, as_of=None) -> dict[str, dict]:
	"""{partnership: {sent, answered, expired, answered_rate, median_hours}} for pulses sent from
	`start` to `end` (dates, inclusive), answered or expired by `as_of` (default today: as they
	stand now); two grouped queries."""
	where = "date(sent_on) between %(start)s and %(end)s"
	values = {
		"start": getdate(start),
		"end": getdate(end),
		"as_of": getdate(as_of or today()),
		"names": tuple(names or ("",)),
	}
	if names is not None:
		where += " and hiring_partnership in %(names)s"
	counts = frappe.db.sql(
		f"""
		select hiring_partnership, count(*) as sent,
			sum({ANSWERED_SQL}) as answered, sum({EXPIRED_SQL}) as expired
		from `tabEmployer Pulse` where {where}
		group by hiring_partnership
		""",
		values,
		as_dict=True,
	)
	medians = dict(
		frappe.db.sql(
			f"""
			select distinct hiring_partnership,
				median(response_hours) over (partition by hiring_partnership)
			from `tabEmployer Pulse` where {where} and {ANSWERED_SQL}
			""",
			values,
		)
	)
	out = {}
	for row in counts:
		answered, expired = int(row.answered or 0), int(row.expired or 0)
		out[row.hiring_partnership] = {
			"sent": int(row.sent),
			"answered": answered,
			"expired": expired,
			"answered_rate": arithmetic.percent(answered, answered + expired),
			"median_hours": arithmetic.rounded(medians.get(row.hiring_partnership), 1),
		}
	return out


def store_response_figures(on, names: list[str] | None = None):
	"""Write the 365-day figures onto the partnerships (all with pulse on, or `names`)."""
	on = getdate(on)
	if names is None:
		names = frappe.get_all("Hiring Partnership", filters={"pulse_enabled": 1}, pluck="name")
	figures = response_figures(names, add_days(on, -(WINDOW_DAYS - 1)), on)
	for name in names:
		row = figures.get(name, {})
		frappe.db.set_value(
			"Hiring Partnership",
			name,
			{
				"pulse_response_rate": row.get("answered_rate") or 0,
				"pulse_median_hours": row.get("median_hours") or 0,
			},
			update_modified=False,
		)
