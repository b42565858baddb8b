"""The early warning's figures: who is at risk this week, how many per partnership, and the
warning's own track record (how often it was right), all read from the Separation Risk rows the
scheduler keeps (early_warning/scoring.py).

The track record judges what the warning said at the start of each week (the week's first
scoring), against what happened after: a placement *separated* when it Ended (not Completed or
Transitioned) on the day of that scoring or one of the 29 after it.  A week is judged once those
30 days have passed by the as-of day.
"""

import frappe
from frappe import _
from frappe.query_builder.functions import Count, Sum
from frappe.utils import add_days, getdate
from pypika.terms import PseudoColumn

from employment_partners.early_warning import features, model, scoring
from employment_partners.early_warning.scoring import RISK, week_start
from employment_partners.permissions import query_conditions
from employment_partners.placements.placements import ENDED

TOP_N = 10
TOP_SHARE = 0.10
# calibration bands of the risk (percent, lower bound included)
CALIBRATION_BANDS = ((0, 5), (5, 10), (10, 25), (25, 50), (50, 100.0001))


def _readable(query, reader=None):
	"""Only the rows the reader's (the session user's) record rules let them read (a case
	manager's caseload)."""
	if rules := query_conditions(reader or frappe.session.user, RISK):
		query = query.where(PseudoColumn(f"({rules})"))
	return query


def _this_week(as_of):
	"""This week's risk rows (as of `as_of`) of the placements current that day, joined to their
	placement: (the query, the risk table, the placement table)."""
	risk = frappe.qb.DocType(RISK)
	placement = frappe.qb.DocType("Placement")
	query = (
		frappe.qb.from_(risk)
		.join(placement)
		.on(placement.name == risk.placement)
		.where(risk.week_start == week_start(as_of))
		.where(placement.start_date <= getdate(as_of))
		.where(placement.end_date.isnull() | (placement.end_date >= getdate(as_of)))
	)
	return query, risk, placement


def at_risk(
	as_of, bands=("High", "Medium"), case_manager=None, hiring_partnership=None, reader=None
) -> list[dict]:
	"""This week's risk of every current placement the reader (the session user) may read, in
	`bands`, highest risk first, with the reasons the reader may see (reasons_for)."""
	query, risk, placement = _this_week(as_of)
	query = (
		query.select(
			risk.name,
			risk.placement,
			risk.participant,
			risk.participant_name,
			risk.case_manager,
			risk.hiring_partnership,
			risk.employer_name,
			risk.risk,
			risk.band,
			risk.reasons,
			risk.scored_on,
			risk.model,
			placement.start_date,
			placement.job_title,
		)
		.orderby(risk.risk, order=frappe.qb.desc)
		.orderby(risk.placement)
	)
	if bands:
		query = query.where(risk.band.isin(list(bands)))
	if case_manager:
		query = query.where(risk.case_manager == case_manager)
	if hiring_partnership:
		query = query.where(risk.hiring_partnership == hiring_partnership)
	rows = _readable(query, reader).run(as_dict=True)
	shown = visible_codes(reader)
	for row in rows:
		row.days_in_job = (getdate(as_of) - getdate(row.start_date)).days
		row.reason_text = "; ".join(reasons_for(row.reasons, shown))
	return rows


def count_at_risk(as_of, bands=("High", "Medium")) -> int:
	"""How many of this week's current placements the reader may read are in `bands`."""
	query, risk, _placement = _this_week(as_of)
	query = query.select(Count("*")).where(risk.band.isin(list(bands)))
	return _readable(query).run()[0][0]


def per_partnership(as_of) -> list[dict]:
	"""This week's current placements per partnership, with how many are at High and Medium risk:
	counts of the rows the reader may read, never who."""
	query, risk, _placement = _this_week(as_of)
	count_band = lambda band: frappe.qb.terms.Case().when(risk.band == band, 1).else_(0)  # noqa: E731
	query = (
		query.select(
			risk.hiring_partnership,
			risk.employer_name,
			Count("*").as_("scored"),
			Sum(count_band("High")).as_("high"),
			Sum(count_band("Medium")).as_("medium"),
		)
		.groupby(risk.hiring_partnership, risk.employer_name)
		.orderby(PseudoColumn("high"), order=frappe.qb.desc)
		.orderby(PseudoColumn("medium"), order=frappe.qb.desc)
		.orderby(risk.employer_name)
	)
	rows = _readable(query).run(as_dict=True)
	for row in rows:
		row.high, row.medium = int(row.high or 0), int(row.medium or 0)
	return rows


def visible_codes(user: str | None = None) -> set[str]:
	"""The reasons `user` (the session user) may be shown: those whose source field they may read."""
	levels = {}
	shown = set()
	for feature in features.FEATURES:
		if feature.needs is None:
			shown.add(feature.code)
			continue
		doctype, fieldname = feature.needs
		if doctype not in levels:
			levels[doctype] = set(frappe.get_meta(doctype).get_permlevel_access("read", user=user))
		field = frappe.get_meta(doctype).get_field(fieldname)
		if field and (field.permlevel or 0) in levels[doctype]:
			shown.add(feature.code)
	return shown


def reasons_for(codes: str | None, shown: set[str], limit: int = 3) -> list[str]:
	"""The first `limit` reasons of a stored list of codes (largest first) that may be shown."""
	return [
		features.reason(code)
		for code in (codes or "").split(",")
		if code in shown and code in features.BY_CODE
	][:limit]


# ------------------------------------------------------------------ the track record
def _judged(start, end, as_of) -> tuple[str, dict]:
	"""SQL of each Separation Risk row of the weeks from `start` to `end` whose 30 days have passed
	by `as_of`, with whether it separated and its rank in its week (highest risk first)."""
	sql = f"""select r.week_start, r.placement, r.risk_at_start as risk, r.first_90_days,
			(p.status = %(ended)s and p.end_date >= r.scored_at_start
				and p.end_date < r.scored_at_start + interval {features.HORIZON_DAYS} day) as separated,
			row_number() over (partition by r.week_start order by r.risk_at_start desc, r.placement) as rnk,
			count(*) over (partition by r.week_start) as scored
		from `tab{RISK}` r join `tabPlacement` p on p.name = r.placement
		where r.week_start between %(start)s and %(end)s and r.risk_at_start is not null
			and r.scored_at_start + interval {features.HORIZON_DAYS} day <= %(as_of)s"""
	return sql, {
		"ended": ENDED,
		"start": week_start(start),
		"end": week_start(end),
		"as_of": getdate(as_of),
		"top_n": TOP_N,
		"share": TOP_SHARE,
	}


def track_record(start, end, as_of) -> list[dict]:
	"""Per judged week: placements scored, separations, precision in the top 10 and in the top
	10 %, recall in the top 10 %, Brier score; and the baseline (everyone in their first 90 days)
	flagged, its precision and recall."""
	judged, values = _judged(start, end, as_of)
	weeks = frappe.db.sql(
		f"""select week_start, count(*) as scored, sum(separated) as separated,
			least(count(*), %(top_n)s) as top_n, sum(separated * (rnk <= %(top_n)s)) as hits_n,
			ceil(count(*) * %(share)s) as top_share_n,
			sum(separated * (rnk <= ceil(scored * %(share)s))) as hits_share,
			sum(power(risk / 100 - separated, 2)) as squared_errors,
			sum(first_90_days) as baseline_flagged, sum(first_90_days * separated) as baseline_hits
		from ({judged}) judged group by week_start order by week_start""",
		values,
		as_dict=True,
	)
	for week in weeks:
		for key in ("scored", "separated", "top_n", "hits_n", "top_share_n", "hits_share"):
			week[key] = int(week[key] or 0)
		week.baseline_flagged, week.baseline_hits = int(week.baseline_flagged), int(week.baseline_hits)
		week.precision_top_n = _rate(week.hits_n, week.top_n)
		week.precision_top_share = _rate(week.hits_share, week.top_share_n)
		week.recall_top_share = _rate(week.hits_share, week.separated)
		week.baseline_precision = _rate(week.baseline_hits, week.baseline_flagged)
		week.baseline_recall = _rate(week.baseline_hits, week.separated)
		week.brier = float(week.squared_errors) / week.scored
	return weeks


def _rate(part: int, whole: int) -> float | None:
	return 100 * part / whole if whole else None


def calibration(start, end, as_of) -> list[dict]:
	"""Over every judged placement-week: per band of the risk at the week's start, how many, the
	average risk predicted and the share that separated."""
	judged, values = _judged(start, end, as_of)
	band = (
		"case "
		+ " ".join(f"when risk < {high} then {i}" for i, (_low, high) in enumerate(CALIBRATION_BANDS))
		+ f" else {len(CALIBRATION_BANDS) - 1} end"
	)
	found = {
		row.band: row
		for row in frappe.db.sql(
			f"""select {band} as band, count(*) as n, sum(risk) as risk_sum, sum(separated) as separated
			from ({judged}) judged group by band""",
			values,
			as_dict=True,
		)
	}
	table = []
	for i, (low, high) in enumerate(CALIBRATION_BANDS):
		row = found.get(i) or frappe._dict(n=0, risk_sum=0, separated=0)
		n = int(row.n)
		table.append(
			frappe._dict(
				band=_("{0}% to {1}%").format(low, min(100, int(high))),
				placement_weeks=n,
				predicted=float(row.risk_sum) / n if n else None,
				observed=_rate(int(row.separated), n),
			)
		)
	return table


def open_weeks(start, end, as_of) -> int:
	"""Weeks in the range scored but not yet judged: their 30 days have not passed."""
	return frappe.db.sql(
		f"""select count(distinct week_start) from `tab{RISK}`
		where week_start between %s and %s and scored_at_start + interval {features.HORIZON_DAYS} day > %s""",
		(week_start(start), week_start(end), getdate(as_of)),
	)[0][0]


def model_in_use() -> dict | None:
	row = frappe.get_all(
		"Early Warning Model",
		filters={"status": scoring.ACTIVE},
		fields=["name", "method", "trained_on", "holdout_auc", "holdout_brier"],
		order_by="creation desc",
		limit=1,
	)
	return row[0] if row else None


def method_note(model_row: dict | None) -> str:
	"""What the screen says about the model scoring now."""
	if not model_row or model_row.method == model.POINTS_RULE:
		return _(
			"Scored by the points rule: the agency's history is still too short to train a model on"
			" (see Early Warning Model); its percentages order people but are not measured."
		)
	return _("Scored by model {0}, trained on {1} on the agency's own history.").format(
		model_row.name, frappe.format(model_row.trained_on, "Date")
	)
