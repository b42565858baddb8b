"""Retention by service: for the placements started in a period, retention at 90 (180) days of
those who received each service beside those who did not.  Associations, not causes.

Retained at N days is the reports' one definition (metrics/retention_days): employed on day N =
start + N days, point in time, with 14 days' evidence tolerance; a placement counts once day N + 14
is on or before the as-of day (until then it is still open: the summary says how many).

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

Small groups are suppressed (small numbers identify people), with complementary suppression:
- primary: a side (with, or without, the service, at 90 or 180 days) of 1 to fewer than the
  minimum placements (Settings, Smallest Group Shown, default 5);
- complementary: the other side of that row at the same mark, since the group's total is shown
  elsewhere (a row whose "with" is 0 shows it as its "without") and total minus shown would give
  the hidden cell back;
- in the Placement Type view, whose groups partition all placements (the All view's figures are
  their totals), a service and mark with exactly one group suppressed also suppresses the group
  with the fewest placements after it, so that the All view minus the groups shown does not give it
  back either.
A suppressed cell shows neither its placements, its retained count nor its rate.
"""

import frappe

from employment_partners import arithmetic
from employment_partners.metrics import retention_days

DEFAULT_MIN_GROUP = 5
WINDOW_DAYS = 90
MARKS = (90, 180)
SIDES = ("with", "without")
VIEWS = ("All", "Barrier", "Placement Type")
# the views whose groups partition the placements (each placement in exactly one group)
PARTITIONS = ("All", "Placement Type")
# the service "index" of a view's group totals and of the whole cohort's figures
GROUP_TOTAL, COHORT = -1, -2
BARRIERS = (
	("Housing", "barrier_housing"),
	("Transportation", "barrier_transportation"),
	("Childcare", "barrier_childcare"),
	("Health", "barrier_health"),
	("Legal", "barrier_legal"),
	("Financial", "barrier_financial"),
)
COACHING, BONUS, CIRCLE = "Job coaching (2+ sessions)", "Retention bonus paid", "Lending circle member"


def labels(categories: list[str]) -> list[str]:
	"""The services in report order: coaching, a connected referral in each category, bonus, circle."""
	return [COACHING, *(f"Connected referral: {c}" for c in categories), BONUS, CIRCLE]


def received_sql(categories: list[str], placements: str = "pf") -> str:
	"""(service, name) of each placement of the table `placements` (the period's, with name,
	participant and start_date) that received a service; `service` is its index in labels().  One
	join per kind of service, each read once, not a subquery per placement and service."""
	window = f"date_add(pf.start_date, interval {WINDOW_DAYS} day)"
	parts = [
		f"""select 0 as service, pf.name from {placements} pf
		join `tabCoaching Session` c on c.participant = pf.participant and c.kind = 'Job Coaching'
			and c.session_date >= pf.start_date and c.session_date < {window}
		group by pf.name having count(*) >= 2"""
	]
	if categories:
		listed = ", ".join(frappe.db.escape(c) for c in categories)
		parts.append(
			f"""select distinct field(r.category, {listed}) as service, pf.name from {placements} pf
			join `tabService Referral` r on r.participant = pf.participant and r.category in ({listed})
				and r.connected_on >= pf.start_date and r.connected_on < {window}"""
		)
	parts += [
		f"""select distinct {len(categories) + 1} as service, pf.name from {placements} pf
		join `tabPlacement Retention Bonus` b on b.parent = pf.name and b.parenttype = 'Placement'
			and b.paid_on >= pf.start_date and b.paid_on < {window}""",
		f"""select distinct {len(categories) + 2} as service, pf.name from {placements} pf
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


def retention_by_service(period, view: str = "All", min_group: int = DEFAULT_MIN_GROUP) -> dict:
	"""{"rows": one row per service (and group): placements counted, retained and rate at 90 and
	180 days, with the service and without, suppressed as the module says (None, and
	`<side>_suppressed_<N>` set); "cohort": the whole cohort's retention_days figures at 90 and 180
	days}.  One query: each group's placements, and of them those that received each service;
	without = all - with."""
	categories = frappe.get_all("Service Category", order_by="name", pluck="name")
	group, join = _grouping(view)
	standings = ", ".join(f"{retention_days.standing_sql('p', d)} as s{d}" for d in MARKS)
	# each placement's standings are worked out once (`pf`, read once; row_number() keeps MariaDB
	# from merging it into the sums), and each placement is tagged with its group's total and each
	# service it received; the services are found from `base`, which carries no standings
	tags = " union all ".join(
		f"select {index} as service" for index in [GROUP_TOTAL, *range(len(labels(categories)))]
	)
	sums = ", ".join(retention_days.sums_sql(f"x.s{d}", "x.status", d) for d in MARKS)
	sql = f"""
		with base as (
			select p.name, p.participant, p.start_date
			from `tabPlacement` p
			where p.start_date between %(start)s and %(end)s
		),
		received as ({received_sql(categories, "base")}),
		pf as (
			select p.name, p.participant, p.start_date, p.placement_type, p.status, {standings},
				row_number() over () as _materialized
			from `tabPlacement` p
			where p.start_date between %(start)s and %(end)s
		),
		tagged as (
			select pf.status, {", ".join(f"pf.s{d}" for d in MARKS)}, {group} as grp, t.service
			from pf {join}
			join ({tags}) t
			left join received r on r.name = pf.name and r.service = t.service
			where t.service = {GROUP_TOTAL} or r.name is not null
		)
		select x.service, x.grp, {sums} from tagged x group by x.service, x.grp
	"""
	values = {**period.values(), **retention_days.values()}
	found = frappe.db.sql(sql, values, as_dict=True)
	if view in PARTITIONS:  # the groups split the cohort: its figures are their totals' sums
		keys = [f"{figure}_{d}" for d in MARKS for figure in retention_days.FIGURES]
		cohort = frappe._dict({key: 0 for key in keys}, service=COHORT)
		for row in found:
			if row.service == GROUP_TOTAL:
				for key in keys:
					cohort[key] += int(row[key] or 0)
		found.append(cohort)
	else:  # overlapping groups (barriers): the cohort counted apart
		cohort_sums = ", ".join(retention_days.sums_sql(f"p.s{d}", "p.status", d) for d in MARKS)
		found += frappe.db.sql(
			f"""select {COHORT} as service, 'All' as grp, {cohort_sums} from (
				select p.status, {standings} from `tabPlacement` p
				where p.start_date between %(start)s and %(end)s) p""",
			values,
			as_dict=True,
		)
	cohort = next(row for row in found if row.service == COHORT)
	totals = {row.grp: row for row in found if row.service == GROUP_TOTAL}
	received = {(int(row.service), row.grp): row for row in found if row.service >= 0}
	rows = []
	for index, label in enumerate(labels(categories)):
		for grp, total in totals.items():
			got = received.get((index, grp)) or {}
			row = {"service": label, "group": grp, "service_index": index}
			for d in MARKS:
				with_, kept_with = int(got.get(f"counted_{d}") or 0), int(got.get(f"retained_{d}") or 0)
				row[f"with_{d}"], row[f"with_retained_{d}"] = with_, kept_with
				row[f"without_{d}"] = int(total[f"counted_{d}"] or 0) - with_
				row[f"without_retained_{d}"] = int(total[f"retained_{d}"] or 0) - kept_with
			rows.append(row)
	suppress(rows, min_group, view in PARTITIONS)
	for row in rows:
		_finish(row)
	rows.sort(key=lambda r: (r["service_index"], r["group"] or ""))
	figures = {}
	for d in MARKS:
		figures.update(retention_days.figures(cohort, d))
	return {"rows": rows, "cohort": figures}


def small(count: int, min_group: int) -> bool:
	"""Primary suppression: 1 to fewer than `min_group` placements (0 identifies nobody)."""
	return 0 < count < min_group


def suppress(rows: list[dict], min_group: int, partition: bool):
	"""Set `<side>_suppressed_<N>` on each row: a small side and, complementary, its other side;
	in a partition view, a second group beside a service's only suppressed one (module docstring)."""
	for row in rows:
		for d in MARKS:
			hidden = any(small(row[f"{side}_{d}"], min_group) for side in SIDES)
			for side in SIDES:
				row[f"{side}_suppressed_{d}"] = hidden
	if not partition:
		return
	by_service: dict[int, list[dict]] = {}
	for row in rows:
		by_service.setdefault(row["service_index"], []).append(row)
	for group_rows in by_service.values():
		for d in MARKS:
			hidden = [row for row in group_rows if row[f"with_suppressed_{d}"]]
			shown = [
				row
				for row in group_rows
				if not row[f"with_suppressed_{d}"] and row[f"with_{d}"] + row[f"without_{d}"]
			]
			if len(hidden) == 1 and shown:
				smallest = min(shown, key=lambda r: (r[f"with_{d}"] + r[f"without_{d}"], r["group"] or ""))
				for side in SIDES:
					smallest[f"{side}_suppressed_{d}"] = True


def _finish(row: dict):
	"""The rates, and None for every suppressed cell."""
	for side in SIDES:
		for d in MARKS:
			n, kept = row[f"{side}_{d}"], row[f"{side}_retained_{d}"]
			if row[f"{side}_suppressed_{d}"]:
				row[f"{side}_{d}"] = row[f"{side}_retained_{d}"] = row[f"{side}_rate_{d}"] = None
			else:
				row[f"{side}_rate_{d}"] = arithmetic.percent(kept, n)
