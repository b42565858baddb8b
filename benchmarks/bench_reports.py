"""The nine reports at scale, each against its lower bound and against the naive way.

Not run by the test command.  From the bench's sites folder, as the bench user:

	cd <bench>/sites && ../env/bin/python <repo>/benchmarks/bench_reports.py SITE \
		[--runs 5] [--sample 300] [--only "Report Name" ...] [--json out.json]

SITE holds a generated agency (`bench --site SITE employment-partners make-demo ...`); the
benchmark only reads it (one transaction, rolled back).  For each report, with the filters the
desk sends by default (each report's .js: the default period, status, view...):

- report: `frappe.desk.query_report.run(name, filters, ignore_prepared_report=True)` as the desk
  runs it, as a Partnership Manager (MANAGER), and as Administrator.
- raw SQL: the report's headline figures (the numbers a funder reads: counts, rates, medians,
  averages, the score; not labels, formatting or charts) by SQL written here, independently of
  metrics/, with the arithmetic of the definitions (percentages half up...).  It is the lower
  bound: the least the database has to do for those figures, with the indexes the app declares.
  The figures must equal the report's: any difference is printed as MISMATCH, with the figures.
  The three take turns in each of --runs rounds, after a warm-up round; medians.
- loop: the naive way, `frappe.get_doc` on every document the figures need (the report's main
  doctype and what a per-document loop would load beside it: a partnership's placements and
  referrals, a participant's follow-ups...), timed on a random sample of --sample documents of
  each doctype and extrapolated (mean time per document x documents).  Only the loading is
  timed, not the Python that would add the figures up, so the loop figure is a lower bound too;
  and it only loads the documents of the period, as a careful naive loop would.

Targets (issue 15): report <= 2 x raw SQL; loop >= 20 x report.  Prints a table, the machine
(cores, CPU, MariaDB and its buffer pool), the site's row counts and the peak RSS of this process;
--json writes all of it.  Exit status 1 on a MISMATCH.
"""

import argparse
import functools
import json
import os
import random
import resource
import statistics
import sys
import time
from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from itertools import pairwise

import frappe
from frappe.utils import add_days, getdate, today

MANAGER = "director@staff.demo.employment-partners.invalid"
COUNTED = (
	"Employer Lead",
	"Hiring Partnership",
	"Participant",
	"Placement",
	"Referral",
	"Retention Follow-up",
	"Retention Issue Report",
	"Employer Interaction",
	"Employer Pulse",
	"Coaching Session",
	"Service Referral",
	"Job Order",
)

# the app's vocabulary, written out here so that the raw SQL does not lean on the code it checks
STAGES = ("Prospect", "Outreach", "Qualify", "Nurture", "Source", "Match", "Feedback")
LOST = "Lost / Poor Fit"
EMPLOYED = ("Employed - Same Employer", "Employed - Other Employer")
MILESTONES = {"At Close": 0, "3 Months after Exit": 3, "6 Months after Exit": 6, "12 Months after Exit": 12}


# ------------------------------------------------------------------ arithmetic of the definitions
def half_up(value, places: int) -> float | None:
	if value is None:
		return None
	return float(Decimal(str(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


def ratio(numerator, denominator, places: int = 2) -> float | None:
	if not denominator:
		return None
	return half_up(Decimal(str(numerator or 0)) / Decimal(str(denominator)), places)


def percent(numerator, denominator) -> float | None:
	return ratio(100 * Decimal(str(numerator or 0)), denominator, 1)


def sql(query: str, values: dict | None = None) -> list:
	return frappe.db.sql(query, values or (), as_dict=True)


def period(days: int | None = None) -> dict:
	"""The desk's default period (public/js/reports.js): this year so far, or the last `days` days."""
	on = getdate(today())
	start = add_days(on, 1 - days) if days else on.replace(month=1, day=1)
	return {"from_date": str(start), "to_date": str(on)}


def values_of(filters: dict) -> dict:
	"""%(start)s, %(as_of)s and %(next_day)s (for datetimes: `< next_day` is `date(x) <= as_of`)."""
	start, as_of = getdate(filters["from_date"]), min(getdate(filters["to_date"]), getdate(today()))
	return {"start": start, "as_of": as_of, "next_day": as_of + timedelta(days=1)}


def cohort_values(filters: dict) -> dict:
	"""The period as the reports now read it (metrics/period.py): %(start)s .. %(end)s the cohort (To,
	or the as-of day when that is earlier), %(as_of)s the evidence date (the filters' As of, default
	today); and for datetimes the day after each (`< end_next` is `date(x) <= end`)."""
	as_of = getdate(filters.get("as_of") or today())
	end = min(getdate(filters["to_date"]), as_of)
	return {
		"start": getdate(filters["from_date"]),
		"end": end,
		"as_of": as_of,
		"end_next": end + timedelta(days=1),
		"as_of_next": as_of + timedelta(days=1),
		"employed": EMPLOYED,
	}


def retained_sql(p: str, days: int) -> str:
	"""A placement `p` retained at N days, as the reports define it (metrics/retention_days): NULL
	while its window is open (day N + 14 after the as-of day; day N = start + N days); 1 still in it
	on day N (no last day worked, or one on or after day N, or made permanent); else 2 when employed
	on day N otherwise: another placement of the participant running that day, or a follow-up done
	with an employed outcome within 14 days of day N (by day N + 14, so by the as-of day); else 0.
	One index read each (Placement participant, start_date; Follow-up participant, status,
	completed_on), and only for the placements that ended before day N."""
	permanent = "'Transitioned to Permanent'"
	day = f"{p}.start_date + interval {days} day"
	return f"""case when {p}.start_date > %(as_of)s - interval {days + 14} day then null
		when {p}.end_date is null or {p}.end_date >= {day} or {p}.status = {permanent} then 1
		when exists (select 1 from `tabPlacement` o where o.participant = {p}.participant and o.start_date <= {day}
				and o.name != {p}.name and (o.end_date is null or o.end_date >= {day} or o.status = {permanent}))
			or exists (select 1 from `tabRetention Follow-up` f where f.participant = {p}.participant
				and f.status = 'Done' and f.outcome in %(employed)s
				and f.completed_on between {p}.start_date + interval {days - 14} day and {day} + interval 14 day)
		then 2 else 0 end"""


def tally(rows: list, marks: tuple[int, ...]) -> dict:
	"""The retention counts at each N (counted: window closed, open, retained, completed then
	employed / not employed) of rows grouped by standing: `completed` (the placement is Completed),
	`s<N>` (retained_sql) and `n` placements."""
	out = {
		f"{k}_{d}": 0
		for d in marks
		for k in ("counted", "open", "retained", "completed_employed", "completed_not_employed")
	}
	for r in rows:
		for d in marks:
			s, n = r[f"s{d}"], int(r.n)
			if s is None:
				out[f"open_{d}"] += n
				continue
			out[f"counted_{d}"] += n
			out[f"retained_{d}"] += n if s else 0
			if r.completed and s == 2:
				out[f"completed_employed_{d}"] += n
			elif r.completed and s == 0:
				out[f"completed_not_employed_{d}"] += n
	return out


# ------------------------------------------------------------------ the reports
class Bench:
	"""One report: its default filters, its figures read off the report's result, the same figures
	by raw SQL, and the documents a per-document loop would load."""

	report = ""

	def filters(self) -> dict:
		return period()

	@functools.cached_property
	def v(self) -> dict:
		"""The period's values for the SQL (see values_of)."""
		return values_of(self.filters())

	def figures(self, result: dict) -> dict:
		raise NotImplementedError

	def raw(self) -> dict:
		raise NotImplementedError

	def documents(self) -> list[tuple[str, str]]:
		"""(doctype, SQL condition on `tab<doctype>` t) of the documents the loop loads."""
		raise NotImplementedError


class EmployerPipeline(Bench):
	"""Per stage: leads now, reached, went on, conversion, median days in stage, lost.  Raw: four
	grouped queries on the stage history.  Loop: every lead (its stage history is a child table)."""

	report = "Employer Pipeline"

	def figures(self, result):
		keys = ("now", "reached", "went_on", "conversion", "median_days", "lost")
		return {row["stage"]: {k: row[k] for k in keys} for row in result["result"]}

	def raw(self):
		v = {**self.v, "stages": (*STAGES, LOST), "lost": LOST}
		history = "`tabEmployer Lead Stage History`"
		out = {s: {"now": 0, "reached": 0, "went_on": 0, "median_days": None, "lost": 0} for s in v["stages"]}
		for row in sql(
			f"""select h.to_stage as stage, count(*) as n from `tabEmployer Lead` l
			join {history} h on h.name = (select h2.name from {history} h2
				where h2.parenttype = 'Employer Lead' and h2.parent = l.name and h2.changed_on < %(next_day)s
				order by h2.changed_on desc, h2.idx desc limit 1)
			where h.to_stage in %(stages)s group by h.to_stage""",
			v,
		):
			out[row.stage]["now"] = row.n
		following = " ".join(f"when '{a}' then '{b}'" for a, b in pairwise(STAGES))
		for row in sql(
			f"""select e.to_stage as stage, count(*) as reached, sum(exists(select 1 from {history} n
				where n.parenttype = 'Employer Lead' and n.parent = e.parent
					and n.to_stage = (case e.to_stage {following} end)
					and n.changed_on >= e.first_in and n.changed_on < %(next_day)s)) as went_on
			from (select parent, to_stage, min(changed_on) as first_in from {history}
				where parenttype = 'Employer Lead' and changed_on >= %(start)s and changed_on < %(next_day)s
				group by parent, to_stage) e
			where e.to_stage in %(stages)s group by e.to_stage""",
			v,
		):
			out[row.stage].update(reached=row.reached, went_on=row.went_on)
		for row in sql(
			f"""select distinct from_stage as stage,
				median(days_in_previous_stage) over (partition by from_stage) as days
			from {history} where parenttype = 'Employer Lead' and from_stage in %(stages)s
				and changed_on >= %(start)s and changed_on < %(next_day)s""",
			v,
		):
			out[row.stage]["median_days"] = half_up(row.days, 1)
		for row in sql(
			f"""select from_stage as stage, count(*) as n from {history}
			where parenttype = 'Employer Lead' and to_stage = %(lost)s and from_stage in %(stages)s
				and changed_on >= %(start)s and changed_on < %(next_day)s group by from_stage""",
			v,
		):
			out[row.stage]["lost"] = row.n
		for stage, f in out.items():
			last = stage in (STAGES[-1], LOST)
			f["went_on"] = None if last else f["went_on"]
			f["conversion"] = None if last else percent(f["went_on"], f["reached"])
		return out

	def documents(self):
		return [("Employer Lead", "1=1")]  # each with its stage history (a child table)


class PartnershipHealth(Bench):
	"""Per active partnership: every figure, the 0-100 score and the band (or Not enough data); the
	summary's bands and 90-day retention.  An activity report: activity in the period (start..end),
	a state as of its last day (active placements, open issues, last contact), later evidence (a
	reply, an acknowledgement, an answer) when recorded by the as-of day.  Raw: one grouped query
	per source, retention at 90 / 180 days of the period's hires (retained_sql); the score worked
	out here from the definition.  Loop: the partnerships, their placements (all started by the
	period's end: active placements), the period's referrals, all their issues and interactions
	(open issues, last contact), the period's feedback and pulses."""

	report = "Partnership Health"
	MARKS = (90, 180)
	# a score needs this many referrals sent in the period, or a hire (the report's "Not enough data")
	MIN_REFERRALS = 3
	# of the retention counts, those the report shows beside the rates
	SHOWN = ("open", "completed_employed", "completed_not_employed")
	KEYS = (
		"referrals",
		"accepted_rate",
		"hires",
		"active_placements",
		"retention_90",
		"retention_180",
		"open_90",
		"open_180",
		"completed_employed_90",
		"completed_not_employed_90",
		"completed_employed_180",
		"completed_not_employed_180",
		"open_issues",
		"median_reporting_lag_days",
		"median_acknowledge_hours",
		"median_response_hours",
		"pulse_answered_rate",
		"pulse_median_hours",
		"days_since_contact",
		"events_attended",
		"satisfaction",
		"health_score",
		"band",
	)
	BANDS = ("Healthy", "Watch", "At risk", "Not enough data")

	def filters(self):
		return {**period(365), "status": "Active"}

	@functools.cached_property
	def v(self) -> dict:
		return cohort_values(self.filters())

	def figures(self, result):
		summary = {item["label"]: item["value"] for item in result["report_summary"]}
		rows = {row["name"]: {k: row[k] for k in self.KEYS} for row in result["result"]}
		return {"summary": summary, "rows": rows}

	def raw(self):
		rows = {r.name: r for r in sql("select name from `tabHiring Partnership` where status = 'Active'")}
		v = {**self.v, "names": tuple(rows)}

		def add(query):
			for row in sql(query, v):
				rows[row.pop("hp")].update(row)

		add(
			"""select p.hiring_partnership as hp, sum(p.start_date >= %(start)s) as hires,
				sum(p.end_date is null or p.end_date >= %(end)s or p.status = 'Transitioned to Permanent') as active
			from `tabPlacement` p
			where p.hiring_partnership in %(names)s and p.start_date <= %(end)s group by p.hiring_partnership"""
		)
		# the hires' standings at 90 and 180 days, each worked out once (grouped by it), added up here
		hires = {}
		for row in sql(
			f"""select p.hiring_partnership as hp, p.status = 'Completed' as completed,
				{", ".join(f"{retained_sql('p', d)} as s{d}" for d in self.MARKS)}, count(*) as n
			from `tabPlacement` p
			where p.hiring_partnership in %(names)s and p.start_date between %(start)s and %(end)s
			group by 1, 2, 3, 4""",
			v,
		):
			hires.setdefault(row.hp, []).append(row)
		for hp, standings in hires.items():
			rows[hp].update(tally(standings, self.MARKS))
		add(
			"""select r.hiring_partnership as hp, sum(r.referred_on between %(start)s and %(end)s) as referrals,
				sum(r.decided_on between %(start)s and %(end)s and r.decision in ('Accepted', 'Declined')) as decided,
				sum(r.decided_on between %(start)s and %(end)s and r.decision = 'Accepted') as accepted
			from `tabReferral` r
			where r.hiring_partnership in %(names)s
				and (r.referred_on between %(start)s and %(end)s or r.decided_on between %(start)s and %(end)s)
			group by r.hiring_partnership"""
		)
		# closed by the period's end: its Closed On, or (a row closed without one) its last change
		add(
			"""select i.hiring_partnership as hp, sum(i.status not in ('Resolved', 'Closed - Separated')
					or ifnull(i.closed_on, i.modified) >= %(end_next)s) as open_issues
			from `tabRetention Issue Report` i
			where i.hiring_partnership in %(names)s and i.reported_on < %(end_next)s group by i.hiring_partnership"""
		)
		add(
			"""select distinct i.hiring_partnership as hp,
				median(if(i.reported_by_type = 'Employer Contact' and i.incident_start is not null,
					datediff(i.reported_on, i.incident_start), null)) over (partition by i.hiring_partnership) as lag,
				median(if(i.acknowledged_on < %(as_of_next)s, i.acknowledge_hours, null))
					over (partition by i.hiring_partnership) as ack
			from `tabRetention Issue Report` i
			where i.hiring_partnership in %(names)s and i.reported_on >= %(start)s and i.reported_on < %(end_next)s"""
		)
		add(
			"""select distinct e.hiring_partnership as hp,
				median(e.response_hours) over (partition by e.hiring_partnership) as response
			from `tabEmployer Interaction` e
			where e.hiring_partnership in %(names)s and e.direction = 'Outbound' and e.needs_reply = 1
				and e.replied_on < %(as_of_next)s and e.interaction_date >= %(start)s and e.interaction_date < %(end_next)s"""
		)
		add(
			"""select e.hiring_partnership as hp, date(max(e.interaction_date)) as last_contact
			from `tabEmployer Interaction` e
			where e.hiring_partnership in %(names)s and e.interaction_date < %(end_next)s group by e.hiring_partnership"""
		)
		add(
			"""select i.hiring_partnership as hp, count(distinct ev.name) as events
			from `tabEmployer Appreciation Invitee` i
			join `tabEmployer Appreciation Event` ev on ev.name = i.parent
			where i.hiring_partnership in %(names)s and i.parenttype = 'Employer Appreciation Event' and i.attended = 1
				and ev.event_date between %(start)s and %(end)s group by i.hiring_partnership"""
		)
		add(
			"""select f.hiring_partnership as hp, count(*) as feedback, sum(f.satisfaction) as satisfaction
			from `tabEmployer Feedback` f
			where f.hiring_partnership in %(names)s and f.received_on between %(start)s and %(end)s group by f.hiring_partnership"""
		)
		# pulses sent in the period, answered (answered_on) or expired (expires_on) by the as-of day
		answered = "u.status = 'Answered' and (u.answered_on is null or u.answered_on < %(as_of_next)s)"
		add(
			f"""select u.hiring_partnership as hp, sum({answered}) as answered,
				sum(u.status = 'Expired' and u.expires_on < %(as_of_next)s) as expired
			from `tabEmployer Pulse` u
			where u.hiring_partnership in %(names)s and u.sent_on >= %(start)s and u.sent_on < %(end_next)s group by u.hiring_partnership"""
		)
		add(
			f"""select distinct u.hiring_partnership as hp,
				median(u.response_hours) over (partition by u.hiring_partnership) as pulse_hours
			from `tabEmployer Pulse` u
			where u.hiring_partnership in %(names)s and {answered} and u.sent_on >= %(start)s and u.sent_on < %(end_next)s"""
		)
		settings = self.settings()
		out = {name: self._finish(row, settings) for name, row in rows.items()}
		counted = sum(int(r.get("counted_90") or 0) for r in rows.values())
		retained = sum(int(r.get("retained_90") or 0) for r in rows.values())
		summary = {
			"Partnerships": len(out),
			**{band: sum(1 for f in out.values() if f["band"] == band) for band in self.BANDS},
			"90-Day Retention, all partnerships": percent(retained, counted) if counted else "–",
			"Still Open (90 d), all partnerships": sum(f["open_90"] for f in out.values()),
		}
		return {"summary": summary, "rows": out}

	@staticmethod
	def settings() -> dict:
		return {
			row.field: int(row.value or 0)
			for row in sql(
				"""select field, value from tabSingles
				where doctype = 'Employment Partners Settings' and field like 'health%%'"""
			)
		}

	def _finish(self, r, settings) -> dict:
		g = r.get
		f = {
			"referrals": int(g("referrals") or 0),
			"accepted_rate": percent(g("accepted"), g("decided")),
			"hires": int(g("hires") or 0),
			"active_placements": int(g("active") or 0),
			**{f"retention_{d}": percent(g(f"retained_{d}"), g(f"counted_{d}")) for d in self.MARKS},
			**{f"{k}_{d}": int(g(f"{k}_{d}") or 0) for d in self.MARKS for k in self.SHOWN},
			"open_issues": int(g("open_issues") or 0),
			"median_reporting_lag_days": half_up(g("lag"), 1),
			"median_acknowledge_hours": half_up(g("ack"), 1),
			"median_response_hours": half_up(g("response"), 1),
			"pulse_answered_rate": percent(g("answered"), (g("answered") or 0) + (g("expired") or 0)),
			"pulse_median_hours": half_up(g("pulse_hours"), 1),
			"days_since_contact": (self.v["end"] - g("last_contact")).days if g("last_contact") else None,
			"events_attended": int(g("events") or 0),
			"satisfaction": ratio(g("satisfaction"), g("feedback")),
		}
		if f["referrals"] < self.MIN_REFERRALS and not f["hires"]:
			f["health_score"], f["band"] = None, "Not enough data"
			return f
		f["health_score"] = self.score(r, f, settings)
		healthy, watch = settings["health_healthy_from"], settings["health_watch_from"]
		score = f["health_score"]
		f["band"] = (
			None
			if score is None
			else "Healthy"
			if score >= healthy
			else "Watch"
			if score >= watch
			else "At risk"
		)
		return f

	@staticmethod
	def score(r, f, settings) -> int | None:
		"""The definition: parts 0-1, weighed among the parts with data, rounded half up."""

		def falling(value, best, worst):
			if value is None:
				return None
			value = Fraction(str(value))
			return Fraction(max(0, min(1, (worst - value) / (worst - best))))

		def share(part, whole):
			return Fraction(int(part or 0), int(whole)) if whole else None

		parts = {
			"retention": share(r.get("retained_90"), r.get("counted_90")),
			"acceptance": share(r.get("accepted"), r.get("decided")),
			"satisfaction": (Fraction(str(r["satisfaction"])) / r["feedback"] - 1) / 4
			if r.get("feedback")
			else None,
			"responsiveness": falling(f["median_response_hours"], 24, 120),
			"reporting": falling(f["median_reporting_lag_days"], 1, 14),
			"contact": falling(f["days_since_contact"], 30, 120) or Fraction(0),
		}
		weights = {part: settings[f"health_weight_{part}"] for part in parts}
		counted = {p: value for p, value in parts.items() if value is not None and weights[p]}
		total = sum(weights[p] for p in counted)
		if not total:
			return None
		exact = 100 * sum(weights[p] * value for p, value in counted.items()) / Fraction(total)
		return int(half_up(Decimal(exact.numerator) / Decimal(exact.denominator), 0))

	def documents(self):
		active = "t.hiring_partnership in (select name from `tabHiring Partnership` where status = 'Active')"
		v = {k: frappe.db.escape(str(x)) for k, x in self.v.items() if k != "employed"}
		return [
			("Hiring Partnership", "t.status = 'Active'"),
			("Placement", f"{active} and t.start_date <= {v['end']}"),
			(
				"Referral",
				f"{active} and (t.referred_on between {v['start']} and {v['end']}"
				f" or t.decided_on between {v['start']} and {v['end']})",
			),
			("Retention Issue Report", f"{active} and t.reported_on < {v['end_next']}"),
			("Employer Interaction", f"{active} and t.interaction_date < {v['end_next']}"),
			("Employer Feedback", f"{active} and t.received_on between {v['start']} and {v['end']}"),
			("Employer Pulse", f"{active} and t.sent_on >= {v['start']} and t.sent_on < {v['end_next']}"),
		]


class EmployerPlacementSummary(Bench):
	"""The 15C profile of the period's placements: all, with and without an incentive, and by type.
	Raw: one grouped scan and one count of distinct participants.  Loop: the period's placements."""

	report = "Employer Placement Summary"
	GROUPS = ("total", "with_incentive", "without_incentive")

	def figures(self, result):
		out = {}
		for row in result["result"]:
			key = row.get("placement_type") or row["figure"]
			out[key] = {g: row[g] for g in self.GROUPS}
		return out

	def raw(self):
		v = self.v
		sums = {
			g: dict.fromkeys(("n", "history", "wage", "hours", "days", "ended", "incentive"), 0)
			for g in self.GROUPS
		}
		types = {}
		for row in sql(
			"""select placement_type, incentive_amount > 0 as paid, count(*) as n,
				sum(ifnull(employment_history, '') != '') as history, sum(hourly_wage) as wage,
				sum(hours_per_week) as hours, sum(if(end_date <= %(as_of)s, datediff(end_date, start_date), 0)) as days,
				sum(end_date <= %(as_of)s) as ended, sum(incentive_amount) as incentive
			from `tabPlacement` where start_date between %(start)s and %(as_of)s
			group by placement_type, paid""",
			v,
		):
			group = "with_incentive" if row.paid else "without_incentive"
			counts = types.setdefault(row.placement_type, dict.fromkeys(self.GROUPS, 0))
			counts[group] += row.n
			counts["total"] += row.n
			for g in (group, "total"):
				for key in sums[g]:
					sums[g][key] += row[key] or 0
		people = sql(
			"""select count(distinct participant) as total,
				count(distinct if(incentive_amount > 0, participant, null)) as with_incentive,
				count(distinct if(incentive_amount > 0, null, participant)) as without_incentive
			from `tabPlacement` where start_date between %(start)s and %(as_of)s""",
			v,
		)[0]
		figure = {
			"participants": lambda g, s: people[g],
			"placements": lambda g, s: s["n"],
			"with_history": lambda g, s: s["history"],
			"average_wage": lambda g, s: ratio(s["wage"], s["n"]),
			"placements_per_participant": lambda g, s: ratio(s["n"], people[g]),
			"average_weeks": lambda g, s: ratio(s["days"], 7 * s["ended"], 1),
			# the cohort's placements not ended by the as-of day (not in the average duration)
			"running": lambda g, s: s["n"] - s["ended"],
			"average_incentive": lambda g, s: ratio(
				s["incentive"], sums["with_incentive"]["n"] if g != "without_incentive" else 0
			),
			"average_hours": lambda g, s: ratio(s["hours"], s["n"], 1),
		}
		out = {name: {g: fn(g, sums[g]) for g in self.GROUPS} for name, fn in figure.items()}
		return {**out, **types}

	def documents(self):
		v = self.v
		return [("Placement", f"t.start_date between '{v['start']}' and '{v['as_of']}'")]


class IncentiveSpend(Bench):
	"""Per fiscal year: placements started, incentives and bonuses committed and paid, % spent,
	remaining, and the average cost per participant with an incentive placement (the Ontario DSQ's:
	incentives paid / those participants; committed beside it).  Raw: four grouped joins.  Loop:
	every placement (payments and bonuses are child tables)."""

	report = "Incentive Spend"
	KEYS = (
		"placements",
		"incentive_participants",
		"incentives_committed",
		"bonuses_committed",
		"incentives_paid",
		"bonuses_paid",
	)
	AVERAGES = ("spent_percent", "remaining", "average_cost", "average_committed")

	def filters(self):
		return {}

	def figures(self, result):
		return {row["name"]: {k: row[k] for k in (*self.KEYS, *self.AVERAGES)} for row in result["result"]}

	def raw(self):
		years = f"""(select name, year_start, least(year_end, {frappe.db.escape(today())}) as year_end,
			employer_incentive_allocation + participant_bonus_allocation as allocated
			from `tabIncentive Allocation`) y"""
		rows = {
			r.name: {**dict.fromkeys(self.KEYS, 0), **r} for r in sql(f"select name, allocated from {years}")
		}
		queries = (
			# one pass over the placements (a range per year would read most of them by index)
			f"""select y.name, count(*) as placements, sum(p.incentive_amount) as incentives_committed,
				count(distinct if(p.incentive_amount > 0, p.participant, null)) as incentive_participants
			from `tabPlacement` p straight_join {years} on p.start_date between y.year_start and y.year_end
			group by y.name""",
			f"""select y.name, sum(b.amount) as bonuses_committed from `tabPlacement Retention Bonus` b
			straight_join `tabPlacement` p on p.name = b.parent
			straight_join {years} on p.start_date between y.year_start and y.year_end
			where b.parenttype = 'Placement' group by y.name""",
			f"""select y.name, sum(i.amount) as incentives_paid from {years}
			join `tabPlacement Incentive Payment` i on i.paid_on between y.year_start and y.year_end
			where i.parenttype = 'Placement' group by y.name""",
			f"""select y.name, sum(b.amount) as bonuses_paid from {years}
			join `tabPlacement Retention Bonus` b on b.paid_on between y.year_start and y.year_end
			where b.parenttype = 'Placement' group by y.name""",
		)
		for query in queries:
			for row in sql(query):
				rows[row.pop("name")].update(row)
		out = {}
		for name, r in rows.items():
			paid = r["incentives_paid"] + r["bonuses_paid"]
			out[name] = {
				**{k: r[k] for k in self.KEYS},
				"spent_percent": percent(paid, r["allocated"]),
				"remaining": half_up(r["allocated"] - paid, 2),
				"average_cost": ratio(r["incentives_paid"], r["incentive_participants"]),
				"average_committed": ratio(r["incentives_committed"], r["incentive_participants"]),
			}
		return out

	def documents(self):
		return [("Placement", "1=1")]  # with its incentive payments and bonuses (child tables)


class FollowUpDue(Bench):
	"""The roster: the open follow-ups due within 14 days, each one's standing, counted by case
	manager.  Raw: the roster's figures (which follow-up, whose, due, window, standing: not the
	names and labels shown beside them) in one query, counted here.  Loop: those follow-ups."""

	report = "Follow-up Due"

	def filters(self):
		return {"as_of": today(), "within_days": 14}

	def figures(self, result):
		counts = {}
		for row in result["result"]:
			c = counts.setdefault(row["case_manager"] or "", {"Overdue": 0, "In Window": 0, "Upcoming": 0})
			c[row["standing"]] += 1
		summary = {item["label"]: item["value"] for item in result["report_summary"]}
		return {"rows": len(result["result"]), "summary": summary, "by_case_manager": counts}

	def raw(self):
		rows = sql(
			"""select f.name, f.case_manager, f.participant, f.placement, f.due_date, f.window_end,
				case when f.window_end < %(as_of)s then 'Overdue' when f.due_date <= %(as_of)s then 'In Window'
					else 'Upcoming' end as standing
			from `tabRetention Follow-up` f
			where f.status = 'Open' and f.due_date <= %(as_of)s + interval 14 day""",
			{"as_of": getdate(today())},
		)
		counts, summary = {}, {"Overdue": 0, "In Window": 0, "Upcoming": 0}
		for row in rows:
			c = counts.setdefault(row.case_manager or "", {"Overdue": 0, "In Window": 0, "Upcoming": 0})
			c[row.standing] += 1
			summary[row.standing] += 1
		return {"rows": len(rows), "summary": summary, "by_case_manager": counts}

	def documents(self):
		return [("Retention Follow-up", f"t.status = 'Open' and t.due_date <= '{add_days(today(), 14)}'")]


class OutcomesFollowUp(Bench):
	"""Per milestone (at close, 3, 6, 12 months after exit) and column (the service components, which
	overlap: all, job search, job matching / placement / incentive, job retention; and each
	placement type): the 15D enrolments counted, each outcome, still open, lost-contact rate,
	average wage, programme weeks.  Raw: one query, a row per enrolment and milestone with its window,
	its outcome follow-up and its components worked out by correlated lookups, added up here.
	Loop: the participants with an exit from a 15D program in the period and the year before, and
	their follow-ups done, placements, referrals, coaching sessions and service referrals."""

	report = "Outcomes Follow-up"
	COUNTS = (
		"counted",
		"employed",
		"training",
		"independent",
		"volunteer",
		"unable_to_work",
		"unemployed",
		"unknown",
		"still_open",
	)
	RATES = ("lost_contact_rate", "average_wage", "average_duration_weeks")
	# the follow-up outcomes, as the Retention Follow-up options spell them
	OUTCOMES = (
		("employed", EMPLOYED),
		("training", ("In Education or Training",)),
		("independent", ("Independent",)),
		("volunteer", ("Volunteer",)),
		("unable_to_work", ("Unable to Work",)),
		("unemployed", ("Unemployed",)),
	)
	COMPONENTS = ("All Participants", "Job Search", "Job Matching, Placement and Incentive", "Job Retention")

	def figures(self, result):
		groups = [c["fieldname"] for c in result["columns"][1:] if not c["fieldname"].endswith("_percent")]
		out = {}
		for row in result["result"]:
			if row["figure"] in self.COUNTS + self.RATES:
				for g in groups:
					out.setdefault(row["milestone"], {}).setdefault(g, {})[row["figure"]] = row[g]
		return out

	@staticmethod
	def key(group: str) -> str:
		"""The report's column name: each run of characters other than letters and digits one "_"."""
		return "_".join("".join(ch if ch.isalnum() else " " for ch in group.lower()).split())

	def raw(self):
		# the cohort: milestones From..To (To no later than today); the evidence: recorded by today
		filters, on = self.filters(), getdate(today())
		v = {"start": getdate(filters["from_date"]), "end": min(getdate(filters["to_date"]), on), "as_of": on}
		milestones = " union all ".join(
			f"select '{m}' as milestone, {n} as months" for m, n in MILESTONES.items()
		)
		service = "between w.first_start and least(w.w1, %(as_of)s)"
		# w: a row per enrolment and milestone, grouped so that it is made once; its window from its
		# milestone follow-ups, else the schedule row's days, else 14; its placements and referrals
		rows = sql(
			f"""with c as (
				select e.name as en, e.parent as pt, e.enrolled_on, e.exit_date, pr.follow_up_schedule as sch,
					m.milestone, e.exit_date + interval m.months month as md
				from `tabProgram Enrolment` e
				join `tabProgram` pr on pr.name = e.program
				join ({milestones}) m on e.exit_date + interval m.months month between %(start)s and %(end)s
				where pr.counts_in_15d = 1 and e.parenttype = 'Participant'
					and e.exit_date between %(start)s - interval 12 month and %(end)s
			),
			w as (
				select c.en, c.pt, c.enrolled_on, c.exit_date, c.milestone,
					ifnull(min(f.due_date), c.md) as w0,
					ifnull(max(f.window_end), c.md + interval greatest(ifnull((select max(r.window_days)
						from `tabFollow-up Schedule Row` r where r.parent = c.sch and r.parenttype = 'Follow-up Schedule'
							and r.outcome_milestone = c.milestone), 14), 1) - 1 day) as w1,
					(select min(pl.start_date) from `tabPlacement` pl
						where pl.participant = c.pt and pl.start_date between c.enrolled_on and c.exit_date) as first_start,
					(select pl.placement_type from `tabPlacement` pl
						where pl.participant = c.pt and pl.start_date between c.enrolled_on and c.exit_date
						order by pl.start_date desc, pl.creation desc limit 1) as placement_type,
					(select count(*) from `tabReferral` r
						where r.participant = c.pt and r.referred_on between c.enrolled_on and c.exit_date) as referrals
				from c
				left join `tabRetention Follow-up` f
					on f.participant = c.pt and f.outcome_milestone = c.milestone and f.program_enrolment = c.en
				group by c.en, c.milestone, c.pt, c.enrolled_on, c.exit_date, c.md, c.sch
			)
			select w.milestone, w.w1 <= %(as_of)s as closed, datediff(w.exit_date, w.enrolled_on) as days,
				w.placement_type, w.first_start is not null or w.referrals > 0 as jmpi,
				w.first_start is not null and (
					exists (select 1 from `tabRetention Follow-up` f where f.participant = w.pt and f.status = 'Done'
						and ifnull(f.outcome_milestone, '') = '' and f.completed_on {service})
					or exists (select 1 from `tabCoaching Session` s where s.participant = w.pt and s.session_date {service})
					or exists (select 1 from `tabService Referral` s where s.participant = w.pt and s.referred_on {service})
					or exists (select 1 from `tabPlacement` pl join `tabRetention Issue Report` i on i.placement = pl.name
						join `tabRetention Intervention` iv on iv.parent = i.name and iv.parenttype = 'Retention Issue Report'
						where pl.participant = w.pt and iv.intervention_date {service})
				) as retention,
				o.outcome, o.hourly_wage
			from w
			left join `tabRetention Follow-up` o on w.w1 <= %(as_of)s and o.name = (
				select f.name from `tabRetention Follow-up` f
				where f.participant = w.pt and f.status = 'Done' and f.completed_on between w.w0 and w.w1
					and (ifnull(f.outcome_milestone, '') = '' or (f.outcome_milestone = w.milestone and f.program_enrolment = w.en))
				order by f.outcome = 'Unable to Contact', ifnull(f.outcome_milestone, '') = '',
					f.completed_on desc, f.modified desc, f.name
				limit 1)""",
			v,
		)
		types = sorted({r.placement_type for r in rows if r.placement_type})
		out = {}
		for milestone in MILESTONES:
			sums = {g: {} for g in (*self.COMPONENTS, *types)}
			for r in (r for r in rows if r.milestone == milestone):
				groups = ["All Participants", "Job Search"]
				groups += ["Job Matching, Placement and Incentive"] if r.jmpi else []
				groups += ["Job Retention"] if r.retention else []
				groups += [r.placement_type] if r.placement_type else []
				for g in groups:
					s = sums[g]
					if not r.closed:
						s["still_open"] = s.get("still_open", 0) + 1
						continue
					kind = next((k for k, values in self.OUTCOMES if r.outcome in values), "unknown")
					for k in ("counted", kind):
						s[k] = s.get(k, 0) + 1
					if r.outcome == "Unable to Contact":
						s["lost"] = s.get("lost", 0) + 1
					if kind == "employed":
						s["wages"] = s.get("wages", 0) + (r.hourly_wage or 0)
					s["days"] = s.get("days", 0) + r.days
			out[milestone] = {self.key(g): self._finish(s, milestone == "At Close") for g, s in sums.items()}
		return out

	def _finish(self, s, at_close: bool) -> dict:
		counted = s.get("counted", 0)
		return {
			**{k: s.get(k, 0) for k in self.COUNTS},
			"lost_contact_rate": percent(s.get("lost", 0), counted),
			"average_wage": ratio(s.get("wages", 0), s.get("employed", 0)),
			"average_duration_weeks": ratio(s.get("days", 0), 7 * counted, 1) if at_close else None,
		}

	def documents(self):
		filters, on = self.filters(), getdate(today())
		start, end = getdate(filters["from_date"]), min(getdate(filters["to_date"]), on)
		exited = f"""select e.parent from `tabProgram Enrolment` e join `tabProgram` pr on pr.name = e.program
			where pr.counts_in_15d = 1 and e.parenttype = 'Participant'
				and e.exit_date between '{start}' - interval 12 month and '{end}'"""
		of_them = f"t.participant in ({exited})"
		return [
			("Participant", f"t.name in ({exited})"),  # with their enrolments (a child table)
			("Retention Follow-up", f"{of_them} and t.status = 'Done'"),
			("Placement", of_them),
			("Referral", of_them),
			("Coaching Session", of_them),
			("Service Referral", of_them),
		]


class ParticipantOutcomes(Bench):
	"""Per participant placed in the period: first placement, placements, its standing at 30/90/180
	days (the report's words: still in it, completed or ended and then employed or not, empty while
	the window is open), latest follow-up done by the as-of day (of two done the same day and saved
	at the same moment, the one named first, as the report), the latest wage at the first placement's
	employer (a follow-up Employed - Same Employer naming that placement) and the wage gain; the
	summary's rates and counts.  Raw: one query, the standings by retained_sql, the two follow-ups by
	correlated lookups.  Loop: the period's placements, their participants and those participants'
	follow-ups done."""

	report = "Participant Outcomes"
	MARKS = (30, 90, 180)
	KEYS = (
		"placement",
		"placements",
		"retained_30",
		"retained_90",
		"retained_180",
		"latest_outcome",
		"latest_on",
		"latest_wage",
		"latest_wage_on",
		"wage_gain",
	)
	# the report's words for each standing (retained_sql: 0, 1, 2) of any other placement and of a
	# Completed one
	WORDS = (
		("No", "No: completed, then not employed"),
		("Yes", "Yes"),
		("Yes: employed after it ended", "Yes: completed, then employed"),
	)

	@functools.cached_property
	def v(self) -> dict:
		return cohort_values(self.filters())

	def figures(self, result):
		summary = {item["label"]: item["value"] for item in result["report_summary"]}
		rows = {r["participant"]: {k: r[k] for k in self.KEYS} for r in result["result"]}
		return {"summary": summary, "rows": rows}

	def raw(self):
		latest = """select f.name from `tabRetention Follow-up` f
			where f.participant = fp.participant and f.status = 'Done' and f.completed_on <= %(as_of)s {0}
			order by f.completed_on desc, f.modified desc, f.name limit 1"""
		rows = sql(
			f"""with placed as (
				select participant, name, start_date, hourly_wage, status, end_date,
					row_number() over (partition by participant order by start_date, creation) as rn,
					count(*) over (partition by participant) as placements
				from `tabPlacement` where start_date between %(start)s and %(end)s
			)
			select fp.participant, fp.name as placement, fp.placements, fp.status = 'Completed' as completed,
				{", ".join(f"{retained_sql('fp', d)} as s{d}" for d in self.MARKS)},
				lf.outcome as latest_outcome, lf.completed_on as latest_on,
				wf.hourly_wage as latest_wage, wf.completed_on as latest_wage_on,
				wf.hourly_wage - fp.hourly_wage as wage_gain
			from placed fp
			left join `tabRetention Follow-up` lf on lf.name = ({latest.format("")})
			left join `tabRetention Follow-up` wf on wf.name = ({
				latest.format("and f.outcome = 'Employed - Same Employer' and f.employer_placement = fp.name")
			})
			where fp.rn = 1""",
			self.v,
		)
		summary = {"Participants": len(rows)}
		for d in self.MARKS:
			known = [r[f"s{d}"] for r in rows if r[f"s{d}"] is not None]
			summary[f"Retained {d} Days"] = percent(sum(s > 0 for s in known), len(known)) if known else "–"
		for label, test in (
			("Still Open", lambda r, d: r[f"s{d}"] is None),
			("Completed, Then Employed", lambda r, d: r.completed and r[f"s{d}"] == 2),
			("Completed, Then Not Employed", lambda r, d: r.completed and r[f"s{d}"] == 0),
		):
			counts = (str(sum(1 for r in rows if test(r, d))) for d in self.MARKS)
			summary[f"{label} (30 / 90 / 180 Days)"] = " / ".join(counts)
		gains = [half_up(r.wage_gain, 2) for r in rows if r.wage_gain is not None]
		summary["Average Wage Gain"] = ratio(sum(map(Decimal, map(str, gains))), len(gains)) if gains else "–"
		out = {}
		for r in rows:
			r.wage_gain = half_up(r.wage_gain, 2)
			for d in self.MARKS:
				s = r[f"s{d}"]
				r[f"retained_{d}"] = None if s is None else self.WORDS[int(s)][bool(r.completed)]
			out[r.participant] = {k: r[k] for k in self.KEYS}
		return {"summary": summary, "rows": out}

	def documents(self):
		v = self.v
		placed = f"t.start_date between '{v['start']}' and '{v['end']}'"
		people = f"select participant from `tabPlacement` t where {placed}"
		return [
			("Placement", placed),
			("Participant", f"t.name in ({people})"),
			("Retention Follow-up", f"t.participant in ({people}) and t.status = 'Done'"),
		]


class WIOAPerformance(Bench):
	"""The measures: exiters and excluded exits, employment in the 2nd and 4th quarters after exit
	and the exits still open for each, median earnings, retention with the same employer, repeat
	business, penetration.  Raw: one query for each WIOA exit's quarters (employment and earnings
	worked out day by day, aggregated here) and one for the employers served.  Loop: the exiters
	(their enrolments are a child table) and their follow-ups done, and the job orders, referrals,
	placements and employer events of the period and the three years before."""

	report = "WIOA Employer Services Performance"
	ROWS = (
		("exiters", None, None),
		("excluded", None, None),
		("q2_rate", "q2_employed", "q2_counted"),
		("q2_open", None, None),
		("median_earnings", "earners", None),
		("q4_rate", "q4_employed", "q4_counted"),
		("q4_open", None, None),
		("retention_rate", "retained", "retention_counted"),
		("repeat_rate", "repeat", "served_before"),
		("penetration", "served", "establishments"),
	)
	# WIOA's excluded exit reasons (PIRL 923) and employer services, as the Program Enrolment and
	# Employer Interaction / Event options spell them
	EXCLUDED = (
		"Institutionalized",
		"Health or Medical",
		"Deceased",
		"Reserve or National Guard Called to Active Duty",
		"Foster Care (Youth)",
		"Ineligible or Fraud",
	)

	def filters(self):
		return {**period(), "view": "Measures"}

	def figures(self, result):
		out = {}
		for row, (value, numerator, denominator) in zip(result["result"], self.ROWS, strict=True):
			out[value] = row["value"]
			if numerator:
				out[numerator] = row["numerator"]
			if denominator:
				out[denominator] = row["denominator"]
		return out

	def raw(self):
		# the cohort: exits From..To (To no later than today); the evidence: recorded by today
		filters, on = self.filters(), getdate(today())
		v = {
			"start": getdate(filters["from_date"]),
			"end": min(getdate(filters["to_date"]), on),
			"as_of": on,
			"employed": EMPLOYED,
			"excluded": self.EXCLUDED,
		}
		# a name with case and spaces ignored
		key = "lower(replace(replace(trim({0}), ' ', ''), char(9), ''))"
		exits = sql(
			f"""with x as (
				select e.name as enrolment, e.parent as participant, ifnull(e.exit_reason, '') in %(excluded)s as excluded,
					makedate(year(e.exit_date), 1) + interval quarter(e.exit_date) + 1 quarter as q2_start,
					makedate(year(e.exit_date), 1) + interval quarter(e.exit_date) + 3 quarter as q4_start
				from `tabProgram Enrolment` e join `tabProgram` p on p.name = e.program
				where e.parenttype = 'Participant' and p.counts_in_wioa = 1 and e.exit_date between %(start)s and %(end)s
			),
			named as (select {key.format("partner_name")} as k, min(name) as hp from `tabHiring Partnership` group by 1),
			f as (
				select f0.* from (
					select straight_join x.enrolment, k.q, if(k.q = 2, x.q2_start, x.q4_start) as q_start,
						if(k.q = 2, x.q2_start, x.q4_start) + interval 1 quarter - interval 1 day as q_end,
						f.name, f.completed_on, f.modified, f.hourly_wage * f.hours_per_week as weekly,
						nullif(f.employer_partnership, '') as hp, {key.format("f.current_employer")} as k,
						ifnull(f.employed_from, ifnull(f.employed_to, f.completed_on)) as d_from,
						ifnull(f.employed_to, f.completed_on) as d_to,
						row_number() over () as n
					from x join `tabRetention Follow-up` f on f.participant = x.participant
					join (select 2 as q union all select 4) k
					where f.status = 'Done' and f.outcome in %(employed)s and f.completed_on <= %(as_of)s
						and not exists (select 1 from `tabPlacement` pl join `tabPlacement Type` t on t.name = pl.placement_type
							where pl.name = f.employer_placement and t.subsidized = 1)
				) f0
				where f0.d_from <= f0.q_end and f0.d_to >= f0.q_start
			),
			ev as (
				select f.*, ifnull(f.hp, ifnull(n.hp, concat('name:', f.k))) as employer
				from f left join named n on f.hp is null and n.k = f.k
			),
			day_paid as (
				select ev.enrolment, ev.q, ev.employer, ev.weekly,
					row_number() over (partition by ev.enrolment, ev.q, ev.employer, greatest(ev.d_from, ev.q_start) + interval s.seq day
						order by ev.completed_on desc, ev.modified desc, ev.name desc) as n
				from ev join seq_0_to_91 s on s.seq <= datediff(least(ev.d_to, ev.q_end), greatest(ev.d_from, ev.q_start))
			),
			per_employer as (
				select enrolment, employer, max(q = 2) as q2, max(q = 4) as q4, sum(if(q = 2, weekly, 0)) as q2_week_days
				from day_paid where n = 1 group by enrolment, employer
			),
			per_exit as (
				select enrolment, max(q2) as q2, max(q4) as q4, max(q2 and q4) as same,
					round(sum(q2_week_days) / 7, 2) as q2_earnings
				from per_employer group by enrolment
			)
			select x.excluded, x.q2_start + interval 1 quarter <= %(as_of)s + interval 1 day as q2_ended,
				x.q4_start + interval 1 quarter <= %(as_of)s + interval 1 day as q4_ended,
				ifnull(p.q2, 0) as q2, ifnull(p.q4, 0) as q4, ifnull(p.same, 0) as same, p.q2_earnings
			from x left join per_exit p on p.enrolment = x.enrolment""",
			v,
		)
		served = sql(
			"""select sum(now_) as served, sum(before_) as served_before, sum(now_ and before_) as repeat_ from (
				select establishment, max(day >= %(start)s) as now_, max(day < %(start)s) as before_ from (
					select hiring_partnership as establishment, ifnull(open_date, date(creation)) as day from `tabJob Order`
					union all select hiring_partnership, referred_on from `tabReferral`
					union all select hiring_partnership, start_date from `tabPlacement`
					union all select ifnull(nullif(i.hiring_partnership, ''), ifnull(nullif(l.hiring_partnership, ''),
							concat('lead:', i.employer_lead))), date(i.interaction_date)
						from `tabEmployer Interaction` i left join `tabEmployer Lead` l on l.name = i.employer_lead
						where i.interaction_type = 'Event'
					union all select inv.hiring_partnership, ev.event_date from `tabEmployer Appreciation Invitee` inv
						join `tabEmployer Appreciation Event` ev on ev.name = inv.parent
						where inv.parenttype = 'Employer Appreciation Event' and inv.attended = 1 and ev.event_type = 'Job Fair'
				) s where establishment is not null and day between %(start)s - interval 3 year and %(end)s
				group by establishment
			) e""",
			v,
		)[0]
		counted = [x for x in exits if not x.excluded]
		q2 = [x for x in counted if x.q2_ended]
		q4 = [x for x in counted if x.q4_ended]
		earnings = sorted(x.q2_earnings for x in q2 if x.q2 and x.q2_earnings > 0)
		middle = len(earnings) // 2
		median = (earnings[middle] + earnings[~middle]) / 2 if earnings else None
		retained_of = [x for x in q4 if x.q2]
		establishments = (
			frappe.db.get_single_value("Employment Partners Settings", "establishments_count") or None
		)
		served_now, before = int(served.served or 0), int(served.served_before or 0)
		return {
			"exiters": len(counted),
			"excluded": len(exits) - len(counted),
			"q2_employed": sum(1 for x in q2 if x.q2),
			"q2_counted": len(q2),
			"q2_rate": percent(sum(1 for x in q2 if x.q2), len(q2)),
			"q2_open": len(counted) - len(q2),
			"earners": len(earnings),
			"median_earnings": half_up(median, 2),
			"q4_employed": sum(1 for x in q4 if x.q4),
			"q4_counted": len(q4),
			"q4_rate": percent(sum(1 for x in q4 if x.q4), len(q4)),
			"q4_open": len(counted) - len(q4),
			"retained": sum(1 for x in retained_of if x.same),
			"retention_counted": len(retained_of),
			"retention_rate": percent(sum(1 for x in retained_of if x.same), len(retained_of)),
			"served": served_now,
			"served_before": before,
			"repeat": int(served.repeat_ or 0),
			"repeat_rate": percent(served.repeat_, before),
			"establishments": establishments,
			"penetration": percent(served_now, establishments) if establishments else None,
		}

	def documents(self):
		filters, on = self.filters(), getdate(today())
		start, end = filters["from_date"], min(getdate(filters["to_date"]), on)
		exited = f"""t.name in (select e.parent from `tabProgram Enrolment` e join `tabProgram` p on p.name = e.program
			where e.parenttype = 'Participant' and p.counts_in_wioa = 1 and e.exit_date between '{start}' and '{end}')"""
		since = f"'{start}' - interval 3 year"
		return [
			("Participant", exited),
			(
				"Retention Follow-up",
				f"t.participant in (select t.name from `tabParticipant` t where {exited}) and t.status = 'Done'",
			),
			("Job Order", f"ifnull(t.open_date, date(t.creation)) between {since} and '{end}'"),
			("Referral", f"t.referred_on between {since} and '{end}'"),
			("Placement", f"t.start_date between {since} and '{end}'"),
			("Employer Interaction", f"date(t.interaction_date) between {since} and '{end}'"),
		]


class RetentionByService(Bench):
	"""Per service (the All view): the period's placements counted (window closed), retained and rate
	at 90 and 180 days with and without it, small groups suppressed with their complement; the
	summary's whole cohort (counted, retained %, still open, completed then employed / not).  Raw:
	each placement's standing (retained_sql) once, the totals and, per service, the placements that
	received it (without = all - with).  Loop: the period's placements (bonuses are a child table),
	their participants' coaching sessions and service referrals."""

	report = "Retention by Service"
	MARKS = (90, 180)

	def filters(self):
		return {**period(365), "view": "All"}

	@functools.cached_property
	def v(self) -> dict:
		return cohort_values(self.filters())

	def figures(self, result):
		keys = [
			f"{side}_{k}{d}"
			for side in ("with", "without")
			for k in ("", "retained_", "rate_")
			for d in self.MARKS
		]
		summary = {item["label"]: item["value"] for item in result["report_summary"]}
		return {
			"summary": summary,
			"rows": {row["service"]: {k: row[k] for k in keys} for row in result["result"]},
		}

	def raw(self):
		categories = [r.name for r in sql("select name from `tabService Category` order by name")]
		window = "s.{date} >= p.start_date and s.{date} < p.start_date + interval 90 day"
		listed = ", ".join(frappe.db.escape(c) for c in categories) or "''"
		# (service, placement) of each placement that received a service, by the service's label
		received = f"""
			select 'Job coaching (2+ sessions)' as service, p.name from p join `tabCoaching Session` s
				on s.participant = p.participant and s.kind = 'Job Coaching' and {window.format(date="session_date")}
				group by p.name having count(*) >= 2
			union all
			select distinct concat('Connected referral: ', s.category), p.name from p join `tabService Referral` s
				on s.participant = p.participant and s.category in ({listed}) and {window.format(date="connected_on")}
			union all
			select distinct 'Retention bonus paid', p.name from p join `tabPlacement Retention Bonus` s
				on s.parent = p.name and s.parenttype = 'Placement' and {window.format(date="paid_on")}
			union all
			select distinct 'Lending circle member', p.name from p join `tabLending Circle Member` m
				on m.participant = p.participant and m.parenttype = 'Lending Circle'
				join `tabLending Circle` lc on lc.name = m.parent
					and lc.start_month < p.start_date + interval 90 day
					and lc.start_month + interval (select count(*) from `tabLending Circle Member` m2
						where m2.parent = lc.name and m2.parenttype = 'Lending Circle') month > p.start_date"""
		labels = [
			"Job coaching (2+ sessions)",
			*(f"Connected referral: {c}" for c in categories),
			"Retention bonus paid",
			"Lending circle member",
		]
		# each placement ('' : all of them) and each (service, placement) it received, grouped by the
		# placement's standing at 90 and 180 days (worked out once per row); added up here
		grouped = {}
		for row in sql(
			f"""with p as (select name, participant, start_date from `tabPlacement`
				where start_date between %(start)s and %(end)s)
			select f.service, q.status = 'Completed' as completed,
				{", ".join(f"{retained_sql('q', d)} as s{d}" for d in self.MARKS)}, count(*) as n
			from (select '' as service, name from p union all {received}) f
			join `tabPlacement` q on q.name = f.name
			group by 1, 2, 3, 4""",
			self.v,
		):
			grouped.setdefault(row.service, []).append(row)
		tallied = {service: tally(standings, self.MARKS) for service, standings in grouped.items()}
		empty = tally([], self.MARKS)
		total = tallied.get("", empty)
		value = frappe.db.get_single_value("Employment Partners Settings", "retention_min_group")
		min_group = 5 if value in (None, "") else max(int(value), 1)
		out = {}
		for label in labels:
			w = tallied.get(label, empty)
			row = {}
			for d in self.MARKS:
				n, kept_ = w[f"counted_{d}"], w[f"retained_{d}"]
				sides = {
					"with": (n, kept_),
					"without": (total[f"counted_{d}"] - n, total[f"retained_{d}"] - kept_),
				}
				# a side of 1 to min_group - 1 hides itself and (complementary) the other side; the All
				# view has one group, so there is no second group to hide beside it
				hidden = any(0 < count < min_group for count, _retained in sides.values())
				for side, (count, retained) in sides.items():
					row[f"{side}_{d}"] = None if hidden else count
					row[f"{side}_retained_{d}"] = None if hidden else retained
					row[f"{side}_rate_{d}"] = None if hidden else percent(retained, count)
			out[label] = row
		summary = {}
		for d in self.MARKS:
			counted = total[f"counted_{d}"]
			summary.update(
				{
					f"Placements Counted ({d} d)": counted,
					f"Retained ({d} d)": percent(total[f"retained_{d}"], counted) if counted else "–",
					f"Still Open ({d} d)": total[f"open_{d}"],
					f"Completed, Then Employed ({d} d)": total[f"completed_employed_{d}"],
					f"Completed, Then Not Employed ({d} d)": total[f"completed_not_employed_{d}"],
				}
			)
		return {"summary": summary, "rows": out}

	def documents(self):
		v = self.v
		placed = f"t.start_date between '{v['start']}' and '{v['end']}'"
		people = f"t.participant in (select participant from `tabPlacement` t where {placed})"
		return [
			("Placement", placed),  # with its retention bonuses (a child table)
			("Coaching Session", people),
			("Service Referral", people),
		]


BENCHES = (
	EmployerPipeline,
	PartnershipHealth,
	EmployerPlacementSummary,
	IncentiveSpend,
	FollowUpDue,
	OutcomesFollowUp,
	ParticipantOutcomes,
	WIOAPerformance,
	RetentionByService,
)


# ------------------------------------------------------------------ measuring
def medians_ms(calls: dict, runs: int) -> tuple[dict, dict]:
	"""{name: median wall ms} of `runs` rounds after a warm-up round, the calls taking turns in
	each round (so that whatever else the machine does weighs on each alike), and {name: the last
	call's result}."""
	results = {name: call() for name, call in calls.items()}
	times = {name: [] for name in calls}
	for _ in range(runs):
		for name, call in calls.items():
			started = time.perf_counter()
			results[name] = call()
			times[name].append(time.perf_counter() - started)
	return {name: statistics.median(t) * 1000 for name, t in times.items()}, results


def run_report(bench: Bench) -> dict:
	from frappe.desk.query_report import run

	return run(bench.report, filters=bench.filters(), ignore_prepared_report=True)


def normal(value):
	if isinstance(value, dict):
		return {str(k): normal(v) for k, v in value.items()}
	if isinstance(value, bool) or value is None or isinstance(value, str):
		return value
	if isinstance(value, int | float | Decimal):
		return round(float(value), 6)
	return str(value)


def differences(ours: dict, theirs: dict, path: str = "") -> list[str]:
	"""Where two nested figure dicts differ ('a/b: report x, raw y')."""
	out = []
	for key in sorted(set(ours) | set(theirs), key=str):
		a, b = ours.get(key), theirs.get(key)
		where = f"{path}/{key}" if path else str(key)
		if isinstance(a, dict) and isinstance(b, dict):
			out += differences(a, b, where)
		elif a != b:
			out.append(f"{where}: report {a!r}, raw SQL {b!r}")
	return out


def leaves(figures) -> int:
	return sum(leaves(v) for v in figures.values()) if isinstance(figures, dict) else 1


def loop_seconds(bench: Bench, sample: int, rng: random.Random) -> tuple[float, int]:
	"""The naive per-document loop: seconds extrapolated to every document it would load."""
	total, documents = 0.0, 0
	for doctype, condition in bench.documents():
		names = frappe.db.sql_list(f"select t.name from `tab{doctype}` t where {condition}")
		if not names:
			continue
		picked = rng.sample(names, min(sample, len(names)))
		started = time.perf_counter()
		for name in picked:
			frappe.get_doc(doctype, name)
		total += (time.perf_counter() - started) / len(picked) * len(names)
		documents += len(names)
	return total, documents


def measure(bench: Bench, runs: int, sample: int, rng: random.Random) -> dict:
	def as_user(user):
		frappe.set_user(user)
		return run_report(bench)

	ms, results = medians_ms(
		{"report": lambda: as_user(MANAGER), "raw": bench.raw, "admin": lambda: as_user("Administrator")},
		runs,
	)
	frappe.set_user(MANAGER)
	report_ms, raw_ms, result = ms["report"], ms["raw"], results["report"]
	loop_s, documents = loop_seconds(bench, sample, rng)
	ours, theirs = normal(bench.figures(result)), normal(results["raw"])
	mismatches = differences(ours, theirs)
	return {
		"report": bench.report,
		"filters": bench.filters(),
		"rows": len(result["result"]),
		"report_ms": round(report_ms, 1),
		"admin_ms": round(ms["admin"], 1),
		"raw_sql_ms": round(raw_ms, 1),
		"report_over_raw": round(report_ms / raw_ms, 2) if raw_ms else None,
		"loop_documents": documents,
		"loop_s": round(loop_s, 1),
		"loop_over_report": round(loop_s * 1000 / report_ms, 1) if report_ms else None,
		"figures_compared": leaves(theirs),
		"mismatches": mismatches,
	}


def machine() -> dict:
	cpu = next(
		(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")),
		"?",
	)
	return {
		"nproc": os.cpu_count(),
		"cpu": cpu,
		"mariadb": frappe.db.sql("select version()")[0][0],
		"innodb_buffer_pool_mb": int(frappe.db.sql("select @@innodb_buffer_pool_size")[0][0]) // 2**20,
		"load_average": os.getloadavg(),
	}


def print_table(results: list[dict]):
	head = f"{'report':36s} {'rows':>6s} {'report ms':>10s} {'admin ms':>9s} {'raw SQL ms':>10s} {'report/raw':>10s} {'loop s':>8s} {'loop/report':>11s}"
	print("\n" + head + "\n" + "-" * len(head))
	for r in results:
		flag = "" if r["report_over_raw"] <= 2 and r["loop_over_report"] >= 20 else "  <- off target"
		print(
			f"{r['report']:36s} {r['rows']:6,d} {r['report_ms']:10.0f} {r['admin_ms']:9.0f} {r['raw_sql_ms']:10.0f}"
			f" {r['report_over_raw']:9.2f}x {r['loop_s']:8.1f} {r['loop_over_report']:10.0f}x{flag}"
		)


def main():
	parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
	parser.add_argument("site")
	parser.add_argument("--runs", type=int, default=5)
	parser.add_argument("--sample", type=int, default=300, help="documents per doctype timed by the loop")
	parser.add_argument("--only", nargs="*", help="report names")
	parser.add_argument("--json")
	args = parser.parse_args()

	frappe.init(site=args.site, sites_path=".")
	frappe.connect()
	try:
		counts = {doctype: frappe.db.count(doctype) for doctype in COUNTED}
		about = machine()
		print(
			f"{args.site}: "
			+ ", ".join(f"{n:,} {d}" for d, n in counts.items())
			+ f"\n{about['nproc']} x {about['cpu']}, MariaDB {about['mariadb']}"
			f" (buffer pool {about['innodb_buffer_pool_mb']} MB); median of {args.runs} runs as {MANAGER}"
		)
		rng = random.Random(15)
		results = []
		for bench in (b() for b in BENCHES):
			if args.only and bench.report not in args.only:
				continue
			results.append(measure(bench, args.runs, args.sample, rng))
			r = results[-1]
			print(
				f"  {r['report']}: report {r['report_ms']:.0f} ms, raw SQL {r['raw_sql_ms']:.0f} ms,"
				f" loop {r['loop_s']:.1f} s over {r['loop_documents']:,} documents;"
				f" {r['figures_compared']:,} figures compared",
				flush=True,
			)
			for line in r["mismatches"][:20]:
				print(f"    MISMATCH {line}")
			if len(r["mismatches"]) > 20:
				print(f"    MISMATCH ... and {len(r['mismatches']) - 20} more")
		print_table(results)
		mismatched = [r["report"] for r in results if r["mismatches"]]
		print(
			f"\nfigures equal to the raw SQL's: {'MISMATCH in ' + ', '.join(mismatched) if mismatched else 'all'}"
		)
		peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
		print(f"peak RSS: {peak:.0f} MB")
		if args.json:
			with open(args.json, "w") as out:
				json.dump(
					{"site": args.site, "machine": about, "row_counts": counts, "runs": args.runs,
					 "sample": args.sample, "reports": results, "peak_rss_mb": round(peak)},
					out,
					indent=1,
					default=str,
				)  # fmt: skip
		if mismatched:
			sys.exit(1)
	finally:
		frappe.db.rollback()
		frappe.destroy()


if __name__ == "__main__":
	main()
