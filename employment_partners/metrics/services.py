"""Retention by service: for the placements started in a period whose 90-day (180-day) mark has
passed by the as-of day, retention at 90 (180) days of those who received each service beside
those who did not.  Associations, not causes.

Retention at N days is the reports' definition (metrics/placements.retained_sql): eligible once
start + N days is on or before the as-of day; retained unless Ended with an end date before
start + N days.

A placement "received" a service when, in the placement's first 90 days (start date to start + 89):
- Job coaching: the participant had 2 or more Job Coaching sessions;
- Connected referral (one line per Service Category): a Service Referral of the participant in
  that category was connected (its Connected On date, set when it first reached Connected,
  Service Received or Closed);
- Retention bonus paid: a participant retention bonus on the placement was paid;
- Lending circle: the participant was a member of a lending circle running in that time (its
  start month before start + 90 days, and start month + members months after the start date).

Views: all placements; by barrier (the participant's barrier checks: a placement counts under each
barrier its participant has); by placement type.  Each view is one grouped query.

Groups smaller than the minimum (Settings, Smallest Group Shown, default 5 placements) are
suppressed: their counts and rate are not shown (small numbers identify people).
"""

import frappe

from employment_partners.metrics import arithmetic
from employment_partners.metrics import placements as placement_metrics

DEFAULT_MIN_GROUP = 5
WINDOW_DAYS = 90
VIEWS = ("All", "Barrier", "Placement Type")
BARRIERS = (
	("Housing", "barrier_housing"),
	("Transportation", "barrier_transportation"),
	("Childcare", "barrier_childcare"),
	("Health", "barrier_health"),
	("Legal", "barrier_legal"),
	("Financial", "barrier_financial"),
)
COACHING, BONUS, CIRCLE = "Job coaching (2+ sessions)", "Retention bonus paid", "Lending circle member"


def kept(days: int) -> str:
	"""`e<days>` and `r<days>`: whether a placement `p` counts for retention at `days` days, and
	whether it was retained (the reports' definition, metrics/placements)."""
	eligible = placement_metrics.eligible_sql("p", days)
	return (
		f"{eligible} as e{days}, ({eligible} and not {placement_metrics.separated_sql('p', days)}) as r{days}"
	)


def services(categories: list[str]) -> list[tuple[str, str]]:
	"""(label, SQL flag over a placement `p`) for each service, in report order."""
	window = f"date_add(p.start_date, interval {WINDOW_DAYS} day)"
	out = [
		(
			COACHING,
			f"""(select count(*) from `tabCoaching Session` c where c.participant = p.participant
				and c.kind = 'Job Coaching' and c.session_date >= p.start_date and c.session_date < {window}) >= 2""",
		)
	]
	for i, _category in enumerate(categories):
		out.append(
			(
				f"category:{i}",
				f"""exists(select 1 from `tabService Referral` r where r.participant = p.participant
					and r.category = %(category_{i})s and r.connected_on >= p.start_date and r.connected_on < {window})""",
			)
		)
	out += [
		(
			BONUS,
			f"""exists(select 1 from `tabPlacement Retention Bonus` b where b.parent = p.name
				and b.parenttype = 'Placement' and b.paid_on >= p.start_date and b.paid_on < {window})""",
		),
		(
			CIRCLE,
			f"""exists(select 1 from `tabLending Circle Member` m join `tabLending Circle` lc on lc.name = m.parent
				where m.parenttype = 'Lending Circle' and m.participant = p.participant and lc.start_month < {window}
				and date_add(lc.start_month, interval (select count(*) from `tabLending Circle Member` m2
					where m2.parent = lc.name and m2.parenttype = 'Lending Circle') month) > p.start_date)""",
		),
	]
	return out


def retention_by_service(period, view: str = "All", min_group: int = DEFAULT_MIN_GROUP) -> list[dict]:
	"""One row per service (and group): placements, retained and rate at 90 and 180 days, with
	the service and without; groups under `min_group` suppressed (None, and `suppressed` set)."""
	categories = frappe.get_all("Service Category", order_by="name", pluck="name")
	flags = services(categories)
	columns = ",\n".join(f"({sql}) as s{i}" for i, (_label, sql) in enumerate(flags))
	barrier_columns = ", ".join(f"pa.{field} as {field}" for _label, field in BARRIERS)
	figures = ",\n".join(
		f"sum(pf.e{d} and pf.s{{i}}) as with_{d}, sum(pf.r{d} and pf.s{{i}}) as with_retained_{d}, "
		f"sum(pf.e{d} and not pf.s{{i}}) as without_{d}, sum(pf.r{d} and not pf.s{{i}}) as without_retained_{d}"
		for d in (90, 180)
	)
	if view == "Barrier":
		group, join = (
			"bl.grp",
			(
				"join ("
				+ " union all ".join(
					f"select '{label}' as grp, '{field}' as field" for label, field in BARRIERS
				)
				+ ") bl on (case bl.field "
				+ " ".join(f"when '{field}' then pf.{field}" for _label, field in BARRIERS)
				+ " end) = 1"
			),
		)
	elif view == "Placement Type":
		group, join = "pf.placement_type", ""
	else:
		group, join = "'All'", ""
	selects = "\nunion all\n".join(
		f"select {i} as service, {group} as grp, {figures.format(i=i)} from pf {join} group by {group}"
		for i in range(len(flags))
	)
	sql = f"""
		with pf as (
			select p.name, p.placement_type, {barrier_columns},
				{kept(90)},
				{kept(180)},
				{columns}
			from `tabPlacement` p join `tabParticipant` pa on pa.name = p.participant
			where p.start_date between %(start)s and %(as_of)s
		)
		{selects}
	"""
	values = {
		"start": period.start,
		"as_of": period.as_of,
		**placement_metrics.STATUS_VALUES,
		**{f"category_{i}": c for i, c in enumerate(categories)},
	}
	labels = [label for label, _sql in flags]
	rows = []
	for row in frappe.db.sql(sql, values, as_dict=True):
		label = labels[int(row.service)]
		if label.startswith("category:"):
			label = "Connected referral: " + categories[int(label.split(":")[1])]
		rows.append(_finish(label, row, min_group))
	rows.sort(key=lambda r: (r["service_index"], r["group"] or ""))
	return rows


def _finish(label: str, row, min_group: int) -> dict:
	out = {"service": label, "group": row.grp, "service_index": int(row.service)}
	for side in ("with", "without"):
		for d in (90, 180):
			n, kept = int(row[f"{side}_{d}"] or 0), int(row[f"{side}_retained_{d}"] or 0)
			hidden = 0 < n < min_group
			out[f"{side}_{d}"] = None if hidden else n
			out[f"{side}_retained_{d}"] = None if hidden else kept
			out[f"{side}_rate_{d}"] = None if hidden else arithmetic.percent(kept, n)
			out[f"{side}_suppressed_{d}"] = hidden
	return out
