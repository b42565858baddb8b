"""Employer pipeline figures, from the leads' stage history (every stage change, dated).

An activity report (metrics/period.py): it counts what happened in the period (%(start)s to
%(end)s) and where the leads stood at its end; only "went on" reads past the period, up to the
as-of day, as the evidence of what became of the leads that reached a stage in it.

- Leads at period end: the leads at each stage on the period's last day (a lead's last stage
  change on or before it says where it was).
- Reached: leads that entered the stage in the period (a history row to the stage dated in the
  period); a lead made at a stage enters it when it is made.
- Went on: of those, the ones that entered the next stage after first entering this one in the
  period, on or before the as-of day ("of the leads that reached stage k, how many reached
  k + 1"); a lead that skipped the next stage did not reach it.  Re-run later, a period's
  conversion counts the leads that went on after it ended.
- Median days in stage: over the stays in the stage that ended in the period (the lead moved
  on, back, or was lost), the median of their days in the stage.
- Lost: leads moved to Lost / Poor Fit in the period, by the stage they were lost from, with the
  reasons written then.

Each figure is one grouped query; `group_by` splits them by the lead's BSR, industry or source.
"""

from itertools import pairwise

import frappe

from employment_partners import arithmetic
from employment_partners.pipeline import stages

GROUP_FIELDS = {"BSR": "assigned_bsr", "Industry": "industry", "Lead Source": "lead_source"}
HISTORY = "`tabEmployer Lead Stage History`"


def group_field(group_by: str | None) -> str | None:
	"""The lead field a report groups by, or None; an unknown grouping is refused by the caller."""
	return GROUP_FIELDS.get(group_by) if group_by else None


def _key(field: str | None) -> str:
	return f"ifnull(l.{field}, '')" if field else "''"


def pipeline(period, group_by: str | None = None) -> dict[str, dict[str, dict]]:
	"""{group: {stage: figures}}, every stage present; not grouped, the one group '' (also when
	there is nothing to count)."""
	field = group_field(group_by)
	key = _key(field)
	values = {**period.values(), "stages": stages.ALL_STAGES}
	result: dict[str, dict[str, dict]] = {}

	def cell(group, stage):
		groups = result.setdefault(group or "", {s: _empty() for s in stages.ALL_STAGES})
		return groups[stage]

	if not field:
		cell("", stages.PROSPECT)

	for row in frappe.db.sql(
		f"""
		select {key} as grp, h.to_stage as stage, count(*) as leads
		from (
			select h.parent, h.to_stage,
				row_number() over (partition by h.parent order by h.changed_on desc, h.idx desc) as latest
			from {HISTORY} h
			where h.parenttype = 'Employer Lead' and date(h.changed_on) <= %(end)s
		) h
		join `tabEmployer Lead` l on l.name = h.parent
		where h.latest = 1 and h.to_stage in %(stages)s
		group by grp, h.to_stage
		""",
		values,
		as_dict=True,
	):
		cell(row.grp, row.stage)["now"] = int(row.leads)

	next_stage = " ".join(
		f"when {frappe.db.escape(a)} then {frappe.db.escape(b)}" for a, b in pairwise(stages.STAGES)
	)
	for row in frappe.db.sql(
		f"""
		select {key} as grp, e.to_stage as stage, count(*) as reached,
			sum(exists(
				select 1 from {HISTORY} n
				where n.parenttype = 'Employer Lead' and n.parent = e.parent
					and n.to_stage = (case e.to_stage {next_stage} end)
					and n.changed_on >= e.first_in and date(n.changed_on) <= %(as_of)s
			)) as went_on
		from (
			select h.parent, h.to_stage, min(h.changed_on) as first_in
			from {HISTORY} h
			where h.parenttype = 'Employer Lead' and date(h.changed_on) between %(start)s and %(end)s
			group by h.parent, h.to_stage
		) e
		join `tabEmployer Lead` l on l.name = e.parent
		where e.to_stage in %(stages)s
		group by grp, e.to_stage
		""",
		values,
		as_dict=True,
	):
		figures = cell(row.grp, row.stage)
		figures["reached"], figures["went_on"] = int(row.reached), int(row.went_on or 0)

	for row in frappe.db.sql(
		f"""
		select distinct {key} as grp, h.from_stage as stage,
			median(h.days_in_previous_stage) over (partition by {key}, h.from_stage) as median_days
		from {HISTORY} h
		join `tabEmployer Lead` l on l.name = h.parent
		where h.parenttype = 'Employer Lead' and h.from_stage in %(stages)s
			and date(h.changed_on) between %(start)s and %(end)s
		""",
		values,
		as_dict=True,
	):
		if row.median_days is not None:
			cell(row.grp, row.stage)["median_days"] = arithmetic.rounded(str(row.median_days), 1)

	for row in frappe.db.sql(
		f"""
		select {key} as grp, h.from_stage as stage, ifnull(h.note, '') as reason, count(*) as leads
		from {HISTORY} h
		join `tabEmployer Lead` l on l.name = h.parent
		where h.parenttype = 'Employer Lead' and h.to_stage = %(lost)s and h.from_stage in %(stages)s
			and date(h.changed_on) between %(start)s and %(end)s
		group by grp, h.from_stage, reason
		order by leads desc, reason
		""",
		{**values, "lost": stages.LOST},
		as_dict=True,
	):
		figures = cell(row.grp, row.stage)
		figures["lost"] += int(row.leads)
		figures["lost_reasons"].append((row.reason, int(row.leads)))

	for groups in result.values():
		for stage, figures in groups.items():
			if stage in (stages.FEEDBACK, stages.LOST):  # no next stage to go on to
				figures["went_on"] = figures["conversion"] = None
			else:
				figures["conversion"] = arithmetic.percent(figures["went_on"], figures["reached"])
	return result


def _empty() -> dict:
	return {"now": 0, "reached": 0, "went_on": 0, "median_days": None, "lost": 0, "lost_reasons": []}
