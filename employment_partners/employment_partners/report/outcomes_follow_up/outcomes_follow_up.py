"""Outcomes Follow-up, Ontario 15D style: the outcomes of the program enrolments that count in 15D
at close and 3, 6 and 12 months after exit, as counts and shares, in Ontario's overlapping service
component columns (all, job search, job matching / placement / incentive, job retention) and by
placement type; milestones whose window is still open are shown apart.  Figures from
metrics/outcomes.py."""

import re

from frappe import _

from employment_partners import reporting
from employment_partners.metrics import outcomes
from employment_partners.metrics import period as periods
from employment_partners.retention import schedule

# the guide and the notes the definitions cite (shared sources)
GUIDE = "Ontario ES participant guide (ontario-eo-es-participant-guide-15c-15d.txt)"
NOTES = "funder-definitions-notes.md, Ontario"

DEFINITIONS = [
	(
		"Counted",
		"the program enrolments in a program that counts in 15D (Program: Counts in 15D) whose milestone date "
		"(the enrolment's exit date + 0, 3, 6 or 12 calendar months; a shorter month clamps to its last day) "
		"falls in the period and whose milestone window has closed by the as-of day. An enrolment, not a "
		f"person: someone who exits, returns and exits again is counted once per exit ({GUIDE}, section 3.2.d, "
		f"15D Outcomes Follow up Report: results at close and at 3/6/12 month follow up). Someone not enrolled "
		"in such a program is not counted.",
	),
	(
		"Milestone Window",
		"that of the enrolment's follow-up for the milestone, from its due date to its window end. With no such "
		"follow-up: the milestone date and the days after it given by the program's schedule row for the "
		"milestone (its window days), or 14 days (the shipped 15D schedule's) when there is no such row.",
	),
	(
		"Still Open",
		"enrolments whose milestone date falls in the period but whose window ends after the as-of day: not "
		"counted (neither in the outcomes nor as Unknown) until it closes. Nothing done after a window counts, so "
		"a period whose windows have all closed reads the same whenever it is run.",
	),
	(
		"Outcome",
		"what a follow-up done (completed) inside the window says. The enrolment's own follow-up for the milestone "
		"first; without a reached one, the latest other follow-up of the same participant done inside the window "
		"that reports no milestone (a contact after a placement, a co-enrolled program's monthly contact, a WIOA "
		"quarter contact): a person reached at that time is not Unknown. A follow-up that reports a milestone "
		"counts only for its own enrolment's own milestone, so outcomes are never credited across enrolments. A "
		"milestone outcome cannot be recorded before its window opens (the follow-up refuses it).",
	),
	(
		"Employed",
		"employed with the same or another employer, self-employment included (the guide's DSQ core measure 3, "
		"Employed/Career Path, lists self-employed; section 2.2.d).",
	),
	("Education / Training", f"in education or training (CaMS outcome categories, {NOTES})."),
	(
		"Independent",
		f"the CaMS outcome 'Independent' ({NOTES}): neither employed nor in education or training; recorded as "
		"the follow-up's outcome Independent.",
	),
	(
		"Volunteer",
		f"the CaMS outcome 'Volunteer' ({NOTES}): doing unpaid volunteer work, which is not employment.",
	),
	("Unable to Work", f"the CaMS outcome 'Unable to work' ({NOTES})."),
	("Unemployed", f"the CaMS outcome 'Unemployed' ({NOTES})."),
	(
		"Unknown",
		"nothing done inside the window, or only Unable to Contact (at least three attempts, none reached), or "
		"done only after the window closed.",
	),
	("%", "of the enrolments counted at the milestone in that column, to 1 decimal (rounded half up)."),
	(
		"Lost-Contact Rate",
		"those whose follow-ups done inside the window all say Unable to Contact / those counted (they are part "
		"of Unknown; the guide's 'lost contact rate' and 'Unable to contact client', section 3.2.d).",
	),
	(
		"Average Wage",
		"the mean hourly wage recorded by the follow-ups that gave the employed outcomes, to 2 decimals.",
	),
	(
		"Average Program Duration (weeks)",
		"the mean of (the enrolment's exit date - its enrolment date) / 7 over those counted at close, to 1 "
		"decimal (the guide's 'average length of time in service').",
	),
	(
		"All Participants / Job Search",
		f"every enrolment counted. The app records no job-search service, and Job Search is a component of every "
		f"assisted Employment Service plan ({GUIDE}, sections 2.1 and 3.1: the five components); Ontario's own 15D "
		"shows 94,616 of 95,895 (99 %) in Job Search at 3 months (section 3.2.d).",
	),
	(
		"Job Matching, Placement and Incentive",
		"a referral made (Referred On) or a placement started between the enrolment date and the exit date; an "
		f"incentive placement is a placement ({GUIDE}, section 2.1: matching, placement into employment or "
		"on-the-job training, incentives to employers).",
	),
	(
		"Job Retention",
		"a placement started during the enrolment and then, from its start to the milestone's window end, a "
		"retention service: a follow-up done that reports no milestone, a coaching session, a service referral or "
		f"an intervention on a retention issue ({GUIDE}, section 3.1: more frequent or longer follow-up and "
		"monitoring, ongoing counselling during and after employment and placement).",
	),
	(
		"Columns Overlap",
		f"an enrolment is counted in every component it received, as Ontario's columns are ({NOTES}): All counts "
		"it once, and the components do not add up to All.",
	),
	(
		"By Placement Type",
		"the type of the latest placement started during the enrolment (part of Job Matching, Placement and "
		"Incentive).",
	),
]
OUTCOME_ROWS = (
	(outcomes.EMPLOYED, "Employed"),
	(outcomes.TRAINING, "Education / Training"),
	(outcomes.INDEPENDENT, "Independent"),
	(outcomes.VOLUNTEER, "Volunteer"),
	(outcomes.UNABLE_TO_WORK, "Unable to Work"),
	(outcomes.UNEMPLOYED, "Unemployed"),
	(outcomes.UNKNOWN, "Unknown"),
)


@reporting.fitted_report
def execute(filters=None):
	reporting.check_filters(filters, set())
	period = periods.from_filters(filters)
	figures = outcomes.outcomes_at_milestones(period)
	groups = _groups(figures)
	return (
		columns(groups),
		data(figures, groups),
		reporting.definitions(DEFINITIONS, period),
		chart(figures),
		summary(figures),
	)


def _groups(figures) -> list[str]:
	fixed = list(outcomes.COMPONENTS)
	types = sorted({g for milestone in figures.values() for g in milestone} - set(fixed))
	return fixed + types


def key_of(group: str) -> str:
	"""A column's fieldname: its name in lower case, each run of other characters one underscore
	("Job Matching, Placement and Incentive" -> job_matching_placement_and_incentive)."""
	return re.sub(r"[^0-9a-z]+", "_", group.lower()).strip("_")


def columns(groups):
	cols = [reporting.column("Outcome", "measure", "Data", 260)]
	for group in groups:
		key = key_of(group)
		cols.append(reporting.column(group, key, "Float", 110))
		cols.append(reporting.column(f"{group} %", f"{key}_percent", "Percent", 90))
	return cols


def data(figures, groups):
	rows = []
	for milestone, by_group in figures.items():

		def row(label, field, kind, percent_field=None, indent=1):
			values = {
				"measure": _(label),
				"milestone": milestone,
				"figure": field,
				"row_fieldtype": kind,
				"indent": indent,
			}
			for group in groups:
				key = key_of(group)
				f = by_group.get(group)
				values[key] = f[field] if f else (0 if kind == "Int" else None)
				values[f"{key}_percent"] = f[percent_field] if f and percent_field else None
			return values

		rows.append(row(milestone, "counted", "Int", indent=0))
		for key, label in OUTCOME_ROWS:
			rows.append(row(label, key, "Int", f"{key}_percent"))
		rows.append(row("Lost-Contact Rate", "lost_contact_rate", "Percent"))
		rows.append(row("Average Wage (employed)", "average_wage", "Currency"))
		if milestone == schedule.AT_CLOSE:
			rows.append(row("Average Program Duration (weeks)", "average_duration_weeks", "Float"))
		rows.append(row("Still Open (window not closed)", "still_open", "Int"))
	return rows


def chart(figures):
	everyone = {milestone: by_group[outcomes.ALL] for milestone, by_group in figures.items()}
	if not any(f["counted"] for f in everyone.values()):
		return None
	return {
		"data": {
			"labels": [_(m) for m in everyone],
			"datasets": [
				{"name": _(label), "values": [f[key] for f in everyone.values()]}
				for key, label in OUTCOME_ROWS
			],
		},
		"type": "bar",
		"barOptions": {"stacked": 1},
		"colors": ["#2f9e44", "#1c7ed6", "#7048e8", "#0ca678", "#868e96", "#f08c00", "#e03131"],
	}


def summary(figures):
	everyone = {milestone: by_group[outcomes.ALL] for milestone, by_group in figures.items()}
	items = [reporting.summary_item(_("Counted at Close"), everyone[schedule.AT_CLOSE]["counted"], "Int")]
	for milestone, f in everyone.items():
		items.append(
			reporting.summary_item(
				_("Employed: {0}").format(_(milestone)), f["employed_percent"], "Percent", "Green"
			)
		)
	items.append(
		reporting.summary_item(
			_("Still Open (window not closed)"), sum(f["still_open"] for f in everyone.values()), "Int"
		)
	)
	return items
