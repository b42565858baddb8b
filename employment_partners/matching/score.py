"""The match score of one participant for one job order: 0-100, made of six parts, each
with its points, its maximum and the reason in words.

Pure Python over plain values (see `JobFacts` and `PersonFacts`); the queries that gather
those values for many people or jobs at once live in `matching/candidates.py`.

| part       | max | full marks when                                                         |
|------------|-----|-------------------------------------------------------------------------|
| skills     | 30  | the participant holds every required skill (share of required held)    |
| schedule   | 15  | available for the shift (10) and the hours suit them (5)               |
| transport  | 15  | they can get there: own vehicle, or transit/walking to a transit site  |
| physical   | 15  | the job's physical demand is within their limit                        |
| wage       | 10  | the wage meets their goal (share of goal otherwise)                    |
| retention  | 15  | none of their past separation reasons recurs in this job (-5 each)     |
"""

from dataclasses import dataclass, field

from frappe import _
from frappe.utils import flt, fmt_money

DEMANDS = ("Sedentary", "Light", "Medium", "Heavy", "Very Heavy")
NON_STANDARD_SHIFTS = ("Evening", "Night", "Rotating", "Weekend")
MAX_POINTS = {"skills": 30, "schedule": 15, "transport": 15, "physical": 15, "wage": 10, "retention": 15}
RETENTION_PENALTY = 5


@dataclass(frozen=True)
class JobFacts:
	required_skills: int = 0
	shift: str = "Day"
	employment_type: str = "Full-time"
	hours_per_week: float = 40
	hourly_wage: float = 0
	physical_demand: str = "Light"
	transit_accessible: bool = False
	requires_own_vehicle: bool = False


@dataclass(frozen=True)
class PersonFacts:
	matched_skills: int = 0
	available_day: bool = True
	available_evening: bool = False
	available_night: bool = False
	available_weekend: bool = False
	employment_preference: str = "Either"
	max_hours_per_week: float = 40
	transport_mode: str = "Public transit"
	max_physical_demand: str | None = None
	target_hourly_wage: float = 0
	loss_reasons: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Part:
	key: str
	label: str
	points: int
	max_points: int
	why: str

	def as_dict(self) -> dict:
		return {
			"key": self.key,
			"label": self.label,
			"points": self.points,
			"max_points": self.max_points,
			"why": self.why,
		}


def score(job: JobFacts, person: PersonFacts) -> tuple[int, list[Part]]:
	parts = [
		skills_part(job, person),
		schedule_part(job, person),
		transport_part(job, person),
		physical_part(job, person),
		wage_part(job, person),
		retention_part(job, person),
	]
	return sum(p.points for p in parts), parts


def skills_part(job: JobFacts, person: PersonFacts) -> Part:
	top = MAX_POINTS["skills"]
	if not job.required_skills:
		return Part("skills", _("Skills"), top, top, _("No skills required"))
	held = min(person.matched_skills, job.required_skills)
	return Part(
		"skills",
		_("Skills"),
		round(top * held / job.required_skills),
		top,
		_("Holds {0} of {1} required skills").format(held, job.required_skills),
	)


def hours(value) -> str:
	"""40.0 -> "40", 37.5 -> "37.5"."""
	return f"{flt(value):g}"


def available_for_shift(shift: str, person: PersonFacts) -> bool:
	if shift == "Flexible":
		return True
	if shift == "Rotating":
		return person.available_day and person.available_evening and person.available_night
	return bool(getattr(person, f"available_{shift.lower()}", False))


def schedule_part(job: JobFacts, person: PersonFacts) -> Part:
	reasons, points = [], 0
	if available_for_shift(job.shift, person):
		points += 10
		reasons.append(_("available for the {0} shift").format(_(job.shift)))
	else:
		reasons.append(_("not available for the {0} shift").format(_(job.shift)))
	type_fits = person.employment_preference in ("Either", job.employment_type)
	hours_fit = flt(job.hours_per_week) <= flt(person.max_hours_per_week)
	if type_fits and hours_fit:
		points += 5
		reasons.append(_("{0} h/week suits them").format(hours(job.hours_per_week)))
	elif not type_fits:
		reasons.append(_("wants {0} work").format(_(person.employment_preference).lower()))
	else:
		reasons.append(
			_("{0} h/week is over their {1}").format(
				hours(job.hours_per_week), hours(person.max_hours_per_week)
			)
		)
	return Part("schedule", _("Schedule"), points, MAX_POINTS["schedule"], "; ".join(reasons))


def transport_part(job: JobFacts, person: PersonFacts) -> Part:
	top, mode = MAX_POINTS["transport"], person.transport_mode
	if mode == "Own vehicle":
		points, why = top, _("drives there")
	elif job.requires_own_vehicle:
		points, why = 0, _("the job needs their own vehicle; they travel by {0}").format(_(mode).lower())
	elif mode == "No reliable transport":
		points, why = 0, _("no reliable transport")
	elif job.transit_accessible and mode in ("Public transit", "Walk or bike"):
		points, why = top, _("the site is on transit")
	elif mode == "Rides from others":
		points, why = 8, _("depends on rides from others")
	elif mode == "Walk or bike":
		points, why = 5, _("the site is off transit; they walk or bike")
	else:
		points, why = 0, _("the site is not reachable by transit")
	return Part("transport", _("Transport"), points, top, why)


def physical_part(job: JobFacts, person: PersonFacts) -> Part:
	top = MAX_POINTS["physical"]
	if not person.max_physical_demand:
		return Part("physical", _("Physical"), top, top, _("no physical limit recorded"))
	over = DEMANDS.index(job.physical_demand) - DEMANDS.index(person.max_physical_demand)
	if over <= 0:
		points, why = top, _("{0} work is within their limit").format(_(job.physical_demand))
	elif over == 1:
		points, why = (
			5,
			_("{0} work is one level above their limit ({1})").format(
				_(job.physical_demand), _(person.max_physical_demand)
			),
		)
	else:
		points, why = (
			0,
			_("{0} work is beyond their limit ({1})").format(
				_(job.physical_demand), _(person.max_physical_demand)
			),
		)
	return Part("physical", _("Physical"), points, top, why)


def wage_part(job: JobFacts, person: PersonFacts) -> Part:
	top = MAX_POINTS["wage"]
	goal, wage = flt(person.target_hourly_wage), flt(job.hourly_wage)
	if not goal:
		return Part("wage", _("Wage"), top, top, _("no wage goal recorded"))
	if wage >= goal:
		return Part(
			"wage",
			_("Wage"),
			top,
			top,
			_("{0} meets their goal of {1}").format(fmt_money(wage), fmt_money(goal)),
		)
	return Part(
		"wage",
		_("Wage"),
		round(top * wage / goal),
		top,
		_("{0} is {1}% of their goal of {2}").format(
			fmt_money(wage), round(100 * wage / goal), fmt_money(goal)
		),
	)


def recurring_reasons(job: JobFacts, person: PersonFacts) -> list[str]:
	"""Past separation reasons whose cause is present in this job."""
	hard_to_reach = job.requires_own_vehicle or not job.transit_accessible
	triggers = {
		"Transportation": hard_to_reach and person.transport_mode != "Own vehicle",
		"Childcare": job.shift in NON_STANDARD_SHIFTS,
		"Schedule conflict": job.shift in NON_STANDARD_SHIFTS,
		"Health": job.physical_demand in ("Heavy", "Very Heavy"),
		"Dismissed (attendance)": job.shift in ("Night", "Rotating"),
		"Dismissed (performance)": person.matched_skills < job.required_skills,
		"Quit": flt(job.hourly_wage) < flt(person.target_hourly_wage),
	}
	return [reason for reason in dict.fromkeys(person.loss_reasons) if triggers.get(reason)]


def retention_part(job: JobFacts, person: PersonFacts) -> Part:
	top = MAX_POINTS["retention"]
	recurring = recurring_reasons(job, person)
	if not recurring:
		why = _("no past separation reason recurs here") if person.loss_reasons else _("no past job losses")
		return Part("retention", _("Retention risk"), top, top, why)
	points = max(0, top - RETENTION_PENALTY * len(recurring))
	return Part(
		"retention",
		_("Retention risk"),
		points,
		top,
		_("past losses may recur: {0}").format(", ".join(_(r) for r in recurring)),
	)


def describe(parts: list[dict]) -> str:
	"""One line a part, as stored on a referral: "Skills 20/30: Holds 2 of 3 required skills"."""
	return "\n".join(f"{p['label']} {p['points']}/{p['max_points']}: {p['why']}" for p in parts)
