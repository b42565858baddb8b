"""Employer Pipeline: where the leads are, how many go on from each stage, how long they stay and
why they are lost; optionally by BSR, industry or lead source.  Figures from metrics/pipeline.py."""

import frappe
from frappe import _

from employment_partners import reporting
from employment_partners.metrics import period as periods
from employment_partners.metrics import pipeline as pipeline_metrics
from employment_partners.pipeline import stages

DEFINITIONS = [
	(
		"Stages",
		"the employer process of REDF's job search and placement practice (identify, outreach, qualify, nurture, source, match, feedback; redf-job-search-and-placement.txt), with Lost / Poor Fit for the leads that left it.",
	),
	(
		"Leads at Period End",
		"leads at the stage on the period's last day (To, or the as-of day when that is earlier): the stage of each lead's last stage change on or before it.",
	),
	(
		"Reached",
		"leads that entered the stage in the period (a stage change to it dated in the period; a lead made at a stage enters it when made).",
	),
	(
		"Went On",
		"of the leads that reached the stage in the period, those that entered the next stage afterwards, on or before the as-of day (during the period or after it); a lead that skipped the next stage did not reach it.",
	),
	(
		"Conversion",
		"Went On / Reached, as a percentage to 1 decimal (rounded half up); none for Feedback and Lost, which have no next stage. A period re-run later counts the leads that went on since.",
	),
	(
		"Median Days in Stage",
		"over the stays in the stage that ended in the period (the lead moved on, back, or was lost), the median of their days in the stage, to 1 decimal.",
	),
	(
		"Lost from Stage",
		"leads moved to Lost / Poor Fit in the period from this stage, with the reasons given and how many gave each.",
	),
	("Grouping", "by the lead's BSR, industry or source as they are now."),
]
GROUPINGS = ("", *pipeline_metrics.GROUP_FIELDS)


@reporting.fitted_report
def execute(filters=None):
	filters = frappe._dict(filters or {})
	reporting.check_filters(filters, {"group_by"})
	if (filters.group_by or "") not in GROUPINGS:
		frappe.throw(
			_("Group by one of {0}, not {1}").format(
				", ".join(_(g) for g in GROUPINGS if g), filters.group_by
			),
			title=_("Invalid filter"),
		)
	period = periods.from_filters(filters)
	figures = pipeline_metrics.pipeline(period, filters.group_by or None)
	rows = data(figures, filters.group_by)
	totals = _totals(figures)
	return (
		columns(filters.group_by),
		rows,
		reporting.definitions(DEFINITIONS, period),
		chart(totals),
		summary(totals),
	)


def columns(group_by):
	first = reporting.column(group_by or "Stage", "label", "Data", 220)
	return [
		first,
		reporting.column("Leads at Period End", "now", "Int", 110),
		reporting.column("Reached", "reached", "Int", 90),
		reporting.column("Went On", "went_on", "Int", 90),
		reporting.column("Conversion %", "conversion", "Percent", 110),
		reporting.column("Median Days in Stage", "median_days", "Float", 130, precision=1),
		reporting.column("Lost from Stage", "lost", "Int", 110),
		reporting.column("Lost Reasons", "lost_reasons", "Data", 300),
	]


def _stage_row(stage, figures, indent):
	return {
		"label": _(stage),
		"stage": stage,
		"indent": indent,
		**{key: figures[key] for key in ("now", "reached", "went_on", "conversion", "median_days", "lost")},
		"lost_reasons": "; ".join(
			f"{reason or _('(no reason)')} ({count})" for reason, count in figures["lost_reasons"]
		),
	}


def data(figures, group_by: str | None):
	if not group_by:
		return [_stage_row(stage, figures[""][stage], 0) for stage in stages.ALL_STAGES]
	rows = []
	names = _user_names(figures) if group_by == "BSR" else {}
	for group in sorted(figures, key=lambda g: names.get(g) or g):
		stage_figures = figures[group]
		rows.append(
			{
				"label": names.get(group) or group or _("(not set)"),
				"group": group,
				"indent": 0,
				"now": sum(f["now"] for f in stage_figures.values()),
				"reached": stage_figures[stages.PROSPECT]["reached"],
				"lost": sum(f["lost"] for f in stage_figures.values()),
			}
		)
		rows += [_stage_row(stage, stage_figures[stage], 1) for stage in stages.ALL_STAGES]
	return rows


def _user_names(figures) -> dict[str, str]:
	users = [group for group in figures if group]
	return (
		dict(
			frappe.get_all(
				"User", filters={"name": ("in", users)}, fields=["name", "full_name"], as_list=True
			)
		)
		if users
		else {}
	)


def _totals(figures) -> dict[str, dict]:
	"""The stages' figures over every group (counts add up; medians and reasons do not)."""
	totals = {stage: {"now": 0, "reached": 0, "lost": 0} for stage in stages.ALL_STAGES}
	for groups in figures.values():
		for stage, f in groups.items():
			for key in totals[stage]:
				totals[stage][key] += f[key]
	return totals


def chart(totals):
	reached = [totals[stage]["reached"] for stage in stages.STAGES]
	if not any(reached):
		return None
	return {
		"data": {
			"labels": [_(stage) for stage in stages.STAGES],
			"datasets": [{"name": _("Leads that reached the stage"), "values": reached}],
		},
		"type": "bar",
		"colors": ["#2f6f4f"],
		"barOptions": {"spaceRatio": 0.3},
	}


def summary(totals):
	return [
		reporting.summary_item(
			_("In the Pipeline at Period End"), sum(totals[s]["now"] for s in stages.STAGES), "Int"
		),
		reporting.summary_item(_("Entered Prospect"), totals[stages.PROSPECT]["reached"], "Int"),
		reporting.summary_item(_("Reached Feedback"), totals[stages.FEEDBACK]["reached"], "Int", "Green"),
		reporting.summary_item(_("Lost"), totals[stages.LOST]["reached"], "Int", "Red"),
	]
