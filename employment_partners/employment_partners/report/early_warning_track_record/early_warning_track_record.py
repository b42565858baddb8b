"""Early Warning Track Record: how often the retention early warning was right, week by week,
against a plain baseline, and how its percentages compare with what happened."""

import frappe
from frappe import _
from frappe.utils import add_days, formatdate, getdate, today

from employment_partners import reporting
from employment_partners.metrics import early_warning

WEEKS, CALIBRATION = "Weeks", "Calibration"

DEFINITIONS = [
	(
		"Judged",
		"what the warning said at the start of each week (the week's first scoring, normally Monday's) about every placement current that day, against what happened in the 30 days from that day: the placement separated when it Ended (not Completed or Transitioned) on that day or one of the 29 after it. A week is judged once those 30 days have passed by the as-of day; the scores are the ones stored that day, never recomputed.",
	),
	(
		"Precision in the Top 10 People",
		"of the 10 placements with the highest risk that week (all of them if fewer were scored; ties by placement id), the share that separated.",
	),
	(
		"Precision / Recall in the Top 10 %",
		"of the highest-risk tenth of the week's placements (rounded up), the share that separated; and the share of the week's separations that were in that tenth.",
	),
	(
		"Brier Score",
		"the mean over the week's placements of (risk - outcome)^2, risk as a fraction and outcome 1 if separated, else 0: 0 is perfect, always saying 50 % scores 0.25; lower is better.",
	),
	(
		"Baseline",
		"the plain rule the warning must beat: flag everyone in their first 90 days of the job. Its precision is the share of those flagged who separated; its recall, the share of the week's separations it flagged.",
	),
	(
		"Calibration",
		"over every judged placement-week, by band of the risk predicted: how many, the average risk predicted and the share that separated. A warning whose bands match what happened can be read as percentages.",
	),
	(
		"On Generated Data",
		"on a demo or generated site, the track record measures how the data generator made people separate, not the world.",
	),
]


@reporting.fitted_report
def execute(filters=None):
	filters = frappe._dict(filters or {})
	as_of = getdate(filters.as_of or today())
	start = getdate(filters.from_date or add_days(as_of, -182))
	end = getdate(filters.to_date or as_of)
	if start > end:
		frappe.throw(_("From must be on or before To."), title=_("Invalid period"))
	pending = early_warning.open_weeks(start, end, as_of)
	note = _(
		"Weeks starting {0} to {1}, judged as of {2}; {3} week(s) in the range not yet judged (their 30 days have not passed). {4}"
	).format(
		frappe.format(early_warning.week_start(start), "Date"),
		frappe.format(early_warning.week_start(end), "Date"),
		frappe.format(as_of, "Date"),
		pending,
		early_warning.method_note(early_warning.model_in_use()),
	)
	message = reporting.definitions(DEFINITIONS, note=note)
	if filters.view == CALIBRATION:
		return calibration_columns(), early_warning.calibration(start, end, as_of), message
	weeks = early_warning.track_record(start, end, as_of)
	return week_columns(), weeks, message, chart(weeks), summary(weeks)


def week_columns():
	percent = lambda label, fieldname, width=120: {  # noqa: E731
		"label": _(label),
		"fieldname": fieldname,
		"fieldtype": "Percent",
		"precision": 1,
		"width": width,
	}
	return [
		{"label": _("Week Of"), "fieldname": "week_start", "fieldtype": "Date", "width": 110},
		{"label": _("Scored"), "fieldname": "scored", "fieldtype": "Int", "width": 80},
		{"label": _("Separated within 30 Days"), "fieldname": "separated", "fieldtype": "Int", "width": 110},
		# the top 10 people, not the top 10 % (the next column): the heading says which
		percent("Precision, Top 10 People", "precision_top_n"),
		percent("Precision, Top 10 %", "precision_top_share"),
		percent("Recall, Top 10 %", "recall_top_share"),
		{"label": _("Brier Score"), "fieldname": "brier", "fieldtype": "Float", "precision": 4, "width": 100},
		{"label": _("Baseline Flagged"), "fieldname": "baseline_flagged", "fieldtype": "Int", "width": 110},
		percent("Baseline Precision", "baseline_precision"),
		percent("Baseline Recall", "baseline_recall"),
	]


def calibration_columns():
	return [
		{"label": _("Risk Band"), "fieldname": "band", "fieldtype": "Data", "width": 140},
		{"label": _("Placement-Weeks"), "fieldname": "placement_weeks", "fieldtype": "Int", "width": 140},
		{
			"label": _("Average Risk Predicted"),
			"fieldname": "predicted",
			"fieldtype": "Percent",
			"precision": 1,
			"width": 170,
		},
		{
			"label": _("Share That Separated"),
			"fieldname": "observed",
			"fieldtype": "Percent",
			"precision": 1,
			"width": 170,
		},
	]


def _pooled(weeks, hits: str, whole: str):
	total = sum(w[whole] for w in weeks)
	return round(100 * sum(w[hits] for w in weeks) / total, 1) if total else None


def summary(weeks):
	if not weeks:
		return []
	return [
		{"label": _("Weeks Judged"), "value": len(weeks), "datatype": "Int", "indicator": "Blue"},
		{
			"label": _("Precision, Top 10 % (all weeks)"),
			"value": _pooled(weeks, "hits_share", "top_share_n"),
			"datatype": "Percent",
			"indicator": "Green",
		},
		{
			"label": _("Recall, Top 10 % (all weeks)"),
			"value": _pooled(weeks, "hits_share", "separated"),
			"datatype": "Percent",
			"indicator": "Green",
		},
		{
			"label": _("Baseline Precision (all weeks)"),
			"value": _pooled(weeks, "baseline_hits", "baseline_flagged"),
			"datatype": "Percent",
			"indicator": "Gray",
		},
		{
			"label": _("Baseline Recall (all weeks)"),
			"value": _pooled(weeks, "baseline_hits", "separated"),
			"datatype": "Percent",
			"indicator": "Gray",
		},
	]


def chart(weeks):
	if not weeks:
		return None
	return {
		# the chart's own words: its title says what is drawn, and a week's label and a line's name
		# are short enough for the chart to show whole (it cuts "06-08-2026" to "0 ..." beside 20 more)
		"title": _("Precision by week (%)"),
		"data": {
			"labels": [formatdate(w.week_start, "MMM d") for w in weeks],
			"datasets": [
				{"name": _("Top 10 %"), "values": [w.precision_top_share or 0 for w in weeks]},
				{"name": _("Baseline"), "values": [w.baseline_precision or 0 for w in weeks]},
			],
		},
		"type": "line",
		"axisOptions": {"xIsSeries": 1},
		"colors": ["#2490ef", "#98a1a9"],
	}
