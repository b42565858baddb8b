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


def labels(categories: list[str]) -> list[str]:
	"""The services in report order: coaching, a connected referral in each category, bonus, circle."""
	return [COACHING, *(f"Connected referral: {c}" for c in categories), BONUS, CIRCLE]


def received_sql(categories: list[str]) -> str:
	"""(service, name) of each placement of `pf` (the period's) that received a service; `service`
	is its index in labels().  One join per kind of service, each read once, not a subquery per
	placement and service."""
	window = f"date_add(pf.start_date, interval {WINDOW_DAYS} day)"
	parts = [
		f"""select 0 as service, pf.name from pf
		join `tabCoaching Session` c on c.participant = pf.participant and c.kind = 'Job Coaching'
			and c.session_date >= pf.start_date and c.session_date < {window}
		group by pf.name having count(*) >= 2"""
	]
	if categories:
		listed = ", ".join(frappe.db.escape(c) for c in categories)
		parts.append(
			f"""select distinct field(r.category, {listed}) as service, pf.name from pf
			join `tabService Referral` r on r.participant = pf.participant and r.category in ({listed})
				and r.connected_on >= pf.start_date and r.connected_on < {window}"""
		)
	parts += [
		f"""select distinct {len(categories) + 1} as service, pf.name from pf
		join `tabPlacement Retention Bonus` b on b.parent = pf.name and b.parenttype = 'Placement'
			and b.paid_on >= pf.start_date and b.paid_on < {window}""",
		f"""select distinct {len(categories) + 2} as service, pf.name from pf
		join `tabLending Circle Member` m on m.participant = pf.participant and m.parenttype = 'Lending Circle'
		join `tabLending Circle` lc on lc.name = m.parent
		where lc.start_month < {window}
			and date_add(lc.start_month, interval (select count(*) from `tabLending Circle Member` m2
				where m2.parent = lc.name and m2.parenttype = 'Lending Circle') month) > pf.start_date""",
	]
	return "\nunion all\n".join(parts)


def _grouping(view: str) -> tuple[str, str]:
	"""The group of a placement `pf` in a view, and the join that view needs."""
	if view == "Barrier":
		barriers = " union all ".join(
			f"select '{label}' as grp, '{field}' as field" for label, field in BARRIERS
		)
		cases = " ".join(f"when '{field}' then pa.{field}" for _label, field in BARRIERS)
		return "bl.grp", (
			f"join `tabParticipant` pa on pa.name = pf.participant"
			f" join ({barriers}) bl on (case bl.field {cases} end) = 1"
		)
	if view == "Placement Type":
		return "pf.placement_type", ""
	return "'All'", ""


def retention_by_service(period, view: str = "All", min_group: int = DEFAULT_MIN_GROUP) -> list[dict]:
	"""One row per service (and group): placements, retained and rate at 90 and 180 days, with
	the service and without; groups under `min_group` suppressed (None, and `suppressed` set).
	One query: each group's placements, and of them those that received each service (service
	-1: all of them); without = all - with."""
	categories = frappe.get_all("Service Category", order_by="name", pluck="name")
	group, join = _grouping(view)
	sums = ", ".join(f"sum(pf.e{d}) as e{d}, sum(pf.r{d}) as r{d}" for d in (90, 180))
	sql = f"""
		with pf as (
			select p.name, p.participant, p.start_date, p.placement_type, {kept(90)}, {kept(180)}
			from `tabPlacement` p
			where p.start_date between %(start)s and %(as_of)s
		),
		received as ({received_sql(categories)})
		select -1 as service, {group} as grp, {sums} from pf {join} group by grp
		union all
		select r.service, {group} as grp, {sums}
		from received r join pf on pf.name = r.name {join}
		group by r.service, grp
	"""
	values = {"start": period.start, "as_of": period.as_of, **placement_metrics.STATUS_VALUES}
	found = frappe.db.sql(sql, values, as_dict=True)
	totals = {row.grp: row for row in found if row.service == -1}
	received = {(int(row.service), row.grp): row for row in found if row.service != -1}
	rows = []
	for index, label in enumerate(labels(categories)):
		for grp, total in totals.items():
			got = received.get((index, grp)) or {}
			row = frappe._dict(service=index, grp=grp)
			for d in (90, 180):
				with_, kept_with = int(got.get(f"e{d}") or 0), int(got.get(f"r{d}") or 0)
				row[f"with_{d}"], row[f"with_retained_{d}"] = with_, kept_with
				row[f"without_{d}"] = int(total[f"e{d}"] or 0) - with_
				row[f"without_retained_{d}"] = int(total[f"r{d}"] or 0) - kept_with
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
