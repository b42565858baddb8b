"""Partnership Health: each hiring partnership's record over a period, a 0-100 health score and a
band (Healthy / Watch / At risk), healthiest first, then those with too little activity for a
score (Not enough data).  Figures from metrics/partnerships.py."""

import frappe
from frappe import _

from employment_partners import arithmetic, reporting
from employment_partners.metrics import partnerships as partnership_metrics
from employment_partners.metrics import period as periods
from employment_partners.metrics import retention_days
from employment_partners.pipeline import organisations
from employment_partners.utils import get_settings

DEFINITIONS = [
	(
		"Referrals",
		"referrals to the partnership sent in the period: their referred-on date is in the period.",
	),
	(
		"Accepted Referrals",
		"of the referrals the employer decided on in the period (by decided-on date), the share it accepted (offered or hired), each by the decision the employer made: an offer the participant later withdrew still counts as accepted: it was the employer's yes (the shared sources' SERCO notes, employer appreciation: top partners are those who \"consistently accept referred participants\").",
	),
	("Hires", "placements with the partnership that started in the period."),
	(
		"Active Placements",
		"placements started on or before the period's last day and still running on it: no end date (the last day worked) before that day, or made permanent.",
	),
	(
		"90- / 180-Day Retention",
		"of the partnership's placements started in the period whose window at 90 (180) days has closed, the share retained: {retention_rule}",
	),
	(
		"Still Open (90 / 180 d)",
		"the partnership's placements started in the period whose window at 90 (180) days has not closed by the as-of day (day N + 14 after it): in neither the retention figure nor the score yet.",
	),
	(
		"Completed, Then Employed / Not Employed (90 / 180 d)",
		"of the placements counted, those Completed before day N (a time-limited placement that ran its course) with employment on day N recorded otherwise (retained) and without it (not retained).",
	),
	(
		"Open Retention Issues",
		"retention issues open on the period's last day: reported on or before it and not resolved or closed as separated by then (their Closed On date).",
	),
	(
		"Median Reporting Lag (days)",
		"over the issues an employer contact reported in the period with the day the problem started: the median of the days from that day to the report.",
	),
	(
		"Median Acknowledge Time (business hours)",
		"over the issues reported in the period and acknowledged by the as-of day: the median business hours (Settings) from report to acknowledgement.",
	),
	(
		"Median Employer Response (hours)",
		"over the agency's messages in the period that needed a reply and got one by the as-of day: the median hours the employer took.",
	),
	(
		"Pulse Answered %",
		"of the employer pulse questions sent in the period that were answered or expired by the as-of day, the share answered (questions still awaiting an answer count neither way); not part of the score.",
	),
	(
		"Median Pulse Answer (hours)",
		"over the pulse questions sent in the period and answered: the median clock hours from the first email to the answer.",
	),
	(
		"Days since Last Contact",
		"days from the latest interaction on or before the period's last day to that day; empty when never contacted.",
	),
	("Events Attended", "appreciation events dated in the period that the employer attended."),
	(
		"Satisfaction",
		"the mean satisfaction (1-5) of the employer feedback received in the period, to 2 decimals.",
	),
	(
		"Health Score",
		"0-100: weights from Settings (90-day retention {retention}, accepted referrals {acceptance}, satisfaction {satisfaction}, employer response {responsiveness}, reporting lag {reporting}, recent contact {contact}) on parts scored 0-1: retention and acceptance as shares; satisfaction (mean - 1) / 4; response 1 at {response_best} hours or less to 0 at {response_worst} or more; reporting lag 1 at {lag_best} day or less to 0 at {lag_worst} or more; contact 1 at {contact_best} days or less to 0 at {contact_worst} or more or never; linear in between. A part with no data in the period is left out and the others weighed among themselves. Rounded half up.",
	),
	(
		"Band",
		"Healthy at or above the Healthy threshold in Settings ({healthy_from}), Watch at or above the Watch threshold ({watch_from}), At risk below.",
	),
	(
		"Not enough data",
		"a partnership with fewer than {min_referrals} referrals sent in the period and no placement started in it has too little activity for a score (this app's threshold: no published rule sets one): it shows no score, the band Not enough data, and comes after the scored partnerships.",
	),
]
# the band colours, in the chart's order: the workspace's "Partnership Health Bands" donut uses the
# same (its custom_options), and the band pills and summary the matching indicator colours
BAND_COLOURS = {
	partnership_metrics.HEALTHY: "#2f9e44",
	partnership_metrics.WATCH: "#f08c00",
	partnership_metrics.AT_RISK: "#e03131",
	partnership_metrics.NOT_ENOUGH_DATA: "#adb5bd",
}
BAND_INDICATORS = {
	partnership_metrics.HEALTHY: "Green",
	partnership_metrics.WATCH: "Orange",
	partnership_metrics.AT_RISK: "Red",
	partnership_metrics.NOT_ENOUGH_DATA: "Grey",
}


@reporting.fitted_report
def execute(filters=None):
	filters = frappe._dict(filters or {})
	reporting.check_filters(filters, {"status", "assigned_bsr"})
	period = periods.from_filters(filters, default_days=365)
	# the desk's default; an empty status asks for every partnership
	status = filters.get("status", organisations.ACTIVE) or None
	rows = partnership_metrics.partnership_health(
		period, status=status, assigned_bsr=filters.assigned_bsr or None
	)
	for row in rows:
		row.pop("parts")
	definitions = reporting.definitions(DEFINITIONS, period, definition_values())
	return columns(), rows, definitions, chart(rows), summary(rows)


def definition_values() -> dict:
	"""The weights, thresholds and scales the score definitions quote, as this site has them."""
	settings = get_settings()
	return {
		**partnership_metrics.settings_weights(settings),
		"healthy_from": settings.health_healthy_from,
		"watch_from": settings.health_watch_from,
		"response_best": partnership_metrics.RESPONSE_HOURS[0],
		"response_worst": partnership_metrics.RESPONSE_HOURS[1],
		"lag_best": partnership_metrics.REPORTING_LAG_DAYS[0],
		"lag_worst": partnership_metrics.REPORTING_LAG_DAYS[1],
		"contact_best": partnership_metrics.CONTACT_DAYS[0],
		"contact_worst": partnership_metrics.CONTACT_DAYS[1],
		"min_referrals": partnership_metrics.MIN_REFERRALS,
		"retention_rule": _(retention_days.RULE),
	}


def columns():
	return [
		reporting.column("Partnership", "name", "Link", 140, "Hiring Partnership"),
		reporting.column("Employer", "partner_name", "Data", 180),
		reporting.column("Health Score", "health_score", "Int", 100),
		reporting.column("Band", "band", "Data", 90),
		reporting.column("Referrals", "referrals", "Int", 90),
		reporting.column("Accepted Referrals %", "accepted_rate", "Percent", 110),
		reporting.column("Hires", "hires", "Int", 70),
		reporting.column("Active Placements", "active_placements", "Int", 100),
		reporting.column("90-Day Retention %", "retention_90", "Percent", 110),
		reporting.column("180-Day Retention %", "retention_180", "Percent", 110),
		reporting.column("Still Open (90 d)", "open_90", "Int", 90),
		reporting.column("Still Open (180 d)", "open_180", "Int", 90),
		reporting.column("Completed, Then Employed (90 d)", "completed_employed_90", "Int", 120),
		reporting.column("Completed, Then Not Employed (90 d)", "completed_not_employed_90", "Int", 130),
		reporting.column("Completed, Then Employed (180 d)", "completed_employed_180", "Int", 120),
		reporting.column("Completed, Then Not Employed (180 d)", "completed_not_employed_180", "Int", 130),
		reporting.column("Open Retention Issues", "open_issues", "Int", 110),
		reporting.column(
			"Median Reporting Lag (days)", "median_reporting_lag_days", "Float", 130, precision=1
		),
		reporting.column(
			"Median Acknowledge Time (business hours)", "median_acknowledge_hours", "Float", 150, precision=1
		),
		reporting.column(
			"Median Employer Response (hours)", "median_response_hours", "Float", 140, precision=1
		),
		reporting.column("Pulse Answered %", "pulse_answered_rate", "Percent", 110),
		reporting.column("Median Pulse Answer (hours)", "pulse_median_hours", "Float", 130, precision=1),
		reporting.column("Days since Last Contact", "days_since_contact", "Int", 120),
		reporting.column("Events Attended", "events_attended", "Int", 100),
		reporting.column("Satisfaction (1-5)", "satisfaction", "Float", 110, precision=2),
		reporting.column("BSR", "assigned_bsr", "Link", 160, "User"),
		reporting.column("Status", "status", "Data", 80),
	]


def chart(rows):
	counts = {band: sum(1 for row in rows if row["band"] == band) for band in BAND_COLOURS}
	if not any(counts.values()):
		return None
	return {
		"data": {
			"labels": [_(band) for band in counts],
			"datasets": [{"name": _("Partnerships"), "values": list(counts.values())}],
		},
		"type": "donut",
		"colors": list(BAND_COLOURS.values()),
	}


def summary(rows):
	counted = sum(row["counted_90"] for row in rows)
	retained = sum(row["retained_90"] for row in rows)
	return [
		reporting.summary_item(_("Partnerships"), len(rows), "Int"),
		*(
			reporting.summary_item(
				_(band), sum(1 for row in rows if row["band"] == band), "Int", BAND_INDICATORS[band]
			)
			for band in BAND_COLOURS
		),
		reporting.summary_item(
			_("90-Day Retention, all partnerships"), arithmetic.percent(retained, counted), "Percent"
		),
		reporting.summary_item(
			_("Still Open (90 d), all partnerships"), sum(row["open_90"] for row in rows), "Int"
		),
	]
