"""Placement and referral figures computed in the database."""

import frappe
from frappe.query_builder import Case
from frappe.query_builder.functions import Count, Sum

from employment_partners import arithmetic
from employment_partners.placements import referrals


def accepted_referral_rate(partnership: str) -> float | None:
	"""Share (0-100) of the referrals the employer decided on whose decision was Accepted (offered
	or hired; kept when the participant later withdrew: Referral.decision), to 1 decimal rounded
	half up as in Partnership Health.  None when it has decided none yet."""
	referral = frappe.qb.DocType("Referral")
	accepted = Sum(Case().when(referral.decision == referrals.DECISION_ACCEPTED, 1).else_(0))
	decided = Count("*")
	row = (
		frappe.qb.from_(referral)
		.select(accepted, decided)
		.where(
			(referral.hiring_partnership == partnership)
			& referral.decision.isin((referrals.DECISION_ACCEPTED, referrals.DECISION_DECLINED))
		)
		.run()
	)[0]
	return arithmetic.percent(row[0] or 0, row[1])


# ------------------------------------------------------------------ retention at N days
# The one definition of "retained at N days" (point in time on day N, completed-then-unemployed
# not retained) and its SQL are in metrics/retention_days.py; every report uses it from there.


# ------------------------------------------------------------------ Employer Placement Summary (15C)
WITH_INCENTIVE, WITHOUT_INCENTIVE, TOTAL = "With Incentive", "Without Incentive", "Total"


def placement_summary(period) -> dict:
	"""The Ontario 15C placement profile of the placements that started in the period (the cohort:
	start date from %(start)s to %(end)s), for all of them and split by whether the employer
	incentive is more than 0.  Durations are measured as of %(as_of)s: the average covers the
	placements that had ended by then, and `running` counts those still running, so a past
	period re-run later has its late endings counted.  Two grouped queries; every average is
	exact (see arithmetic).

	Returns {"groups": {TOTAL | WITH_INCENTIVE | WITHOUT_INCENTIVE: figures},
	"types": [(placement type, {group: placements})]}."""
	values = period.values()
	rows = frappe.db.sql(
		"""
		select
			(p.incentive_amount > 0) as with_incentive,
			count(*) as placements,
			count(distinct p.participant) as participants,
			sum(ifnull(p.employment_history, '') != '') as with_history,
			sum(p.hourly_wage) as wage_sum,
			sum(p.hours_per_week) as hours_sum,
			sum(case when p.end_date <= %(as_of)s then datediff(p.end_date, p.start_date) end) as ended_days,
			sum(p.end_date <= %(as_of)s) as ended,
			sum(case when p.incentive_amount > 0 then p.incentive_amount end) as incentive_sum,
			sum(p.incentive_amount > 0) as incentive_count
		from `tabPlacement` p
		where p.start_date between %(start)s and %(end)s
		group by with_incentive with rollup
		""",
		values,
		as_dict=True,
	)
	groups = {name: _summary_figures(None) for name in (TOTAL, WITH_INCENTIVE, WITHOUT_INCENTIVE)}
	for row in rows:
		name = (
			TOTAL
			if row.with_incentive is None
			else (WITH_INCENTIVE if row.with_incentive else WITHOUT_INCENTIVE)
		)
		groups[name] = _summary_figures(row)
	types = frappe.db.sql(
		"""
		select p.placement_type, (p.incentive_amount > 0) as with_incentive, count(*) as placements
		from `tabPlacement` p
		where p.start_date between %(start)s and %(end)s
		group by p.placement_type, with_incentive
		order by p.placement_type
		""",
		values,
		as_dict=True,
	)
	by_type: dict[str, dict] = {}
	for row in types:
		counts = by_type.setdefault(row.placement_type, {TOTAL: 0, WITH_INCENTIVE: 0, WITHOUT_INCENTIVE: 0})
		counts[WITH_INCENTIVE if row.with_incentive else WITHOUT_INCENTIVE] += row.placements
		counts[TOTAL] += row.placements
	return {"groups": groups, "types": list(by_type.items())}


def _summary_figures(row) -> dict:
	row = row or frappe._dict()
	placements, participants = int(row.placements or 0), int(row.participants or 0)
	return {
		"participants": participants,
		"placements": placements,
		"with_history": int(row.with_history or 0),
		"average_wage": arithmetic.ratio(row.wage_sum, placements, 2),
		"placements_per_participant": arithmetic.ratio(placements, participants, 2),
		"average_weeks": arithmetic.weeks(row.ended_days, row.ended, 1),
		"ended": int(row.ended or 0),
		"running": placements - int(row.ended or 0),
		"average_incentive": arithmetic.ratio(row.incentive_sum, row.incentive_count, 2),
		"average_hours": arithmetic.ratio(row.hours_sum, placements, 1),
	}


# ------------------------------------------------------------------ Incentive Spend
def incentive_spend(fiscal_year: str | None = None, on=None) -> list[dict]:
	"""Per fiscal year (Incentive Allocation): the allocations, what was committed and paid, the
	placements started and the average cost per participant, measured as of `on` (default today)
	or the year's end, whichever is earlier.

	- Committed: the employer incentives and participant bonuses on the placements that started
	  in the year; paid: incentive milestone payments and bonuses with a paid-on date in the year
	  (whatever year their placement started); `allocated`, `committed` and `paid` are incentives
	  and bonuses together.
	- Average cost, as the Ontario DSQ reports "Placement with incentive" (expenditure / clients
	  with an incentive placement): employer incentives paid in the year / the participants with a
	  placement carrying an employer incentive (more than 0) that started in the year; beside it
	  the incentives committed on those placements / the same participants.

	Three queries."""
	from frappe.utils import getdate, today

	years = frappe.get_all(
		"Incentive Allocation",
		filters={"name": fiscal_year} if fiscal_year else {},
		fields=[
			"name",
			"year_start",
			"year_end",
			"employer_incentive_allocation",
			"participant_bonus_allocation",
		],
		order_by="year_start",
	)
	if not years:
		return []
	on = getdate(on or today())
	spans = " union all ".join(
		f"select {frappe.db.escape(y.name)} as year, {frappe.db.escape(str(y.year_start))} as year_start, "
		f"{frappe.db.escape(str(min(getdate(y.year_end), on)))} as as_of"
		for y in years
	)
	committed = _by_year(
		f"""
		select y.year, count(p.name) as placements,
			count(distinct case when p.incentive_amount > 0 then p.participant end) as incentive_participants,
			ifnull(sum(p.incentive_amount), 0) as incentives_committed,
			ifnull(sum((select sum(b.amount) from `tabPlacement Retention Bonus` b
				where b.parent = p.name and b.parenttype = 'Placement')), 0) as bonuses_committed
		from ({spans}) y
		left join `tabPlacement` p on p.start_date between y.year_start and y.as_of
		group by y.year
		"""
	)
	paid = _by_year(
		f"""
		select y.year,
			ifnull((select sum(ip.amount) from `tabPlacement Incentive Payment` ip
				where ip.parenttype = 'Placement' and ip.paid_on between y.year_start and y.as_of), 0) as incentives_paid,
			ifnull((select sum(b.amount) from `tabPlacement Retention Bonus` b
				where b.parenttype = 'Placement' and b.paid_on between y.year_start and y.as_of), 0) as bonuses_paid
		from ({spans}) y
		"""
	)
	rows = []
	for y in years:
		row = {**y, **committed[y.name], **paid[y.name]}
		allocated = row["employer_incentive_allocation"] + row["participant_bonus_allocation"]
		spent = row["incentives_paid"] + row["bonuses_paid"]
		committed_total = row["incentives_committed"] + row["bonuses_committed"]
		people = row["incentive_participants"]
		row.update(
			{
				"as_of": min(getdate(y.year_end), on),
				"allocated": allocated,
				"committed": committed_total,
				"paid": spent,
				"incentives_spent_percent": arithmetic.percent(
					row["incentives_paid"], row["employer_incentive_allocation"]
				),
				"bonuses_spent_percent": arithmetic.percent(
					row["bonuses_paid"], row["participant_bonus_allocation"]
				),
				"spent_percent": arithmetic.percent(spent, allocated),
				"remaining": arithmetic.rounded(allocated - spent, 2),
				"average_cost": arithmetic.ratio(row["incentives_paid"], people, 2),
				"average_committed": arithmetic.ratio(row["incentives_committed"], people, 2),
			}
		)
		rows.append(row)
	return rows


def _by_year(sql: str) -> dict[str, dict]:
	return {row.pop("year"): row for row in frappe.db.sql(sql, as_dict=True)}
