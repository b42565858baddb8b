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

A past separation reason recurs when the job has the feature its Separation Reason record names
in "Recurs When" (a hard-to-reach site, a non-standard shift, ...): an agency that adds a reason
says there when it counts against a match.

Ranking runs over every candidate, so it builds neither parts nor words per person: it counts
each part's points once per distinct set of the values that part reads (`PARTS`), then scores in
full only the rows shown.  Each part keeps a `Why` (a lazily translated template and its values)
that is rendered only when shown.  A referral stores its parts as data (`parts_to_data`:
untranslated templates and values) and words them when read, in the reader's language
(`describe`).
"""

from dataclasses import dataclass, field

from frappe import _LazyTranslate, _lt
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
	# past job losses: (separation reason, what makes it recur) pairs
	losses: tuple[tuple[str, str], ...] = field(default_factory=tuple)


class Money(float):
	"""A wage, shown in the site's currency format when rendered."""

	def __str__(self) -> str:
		return fmt_money(float(self))


class Why:
	"""A reason in words: a lazily translated template and the values it is filled with."""

	__slots__ = ("args", "template")

	def __init__(self, template, *args):
		self.template, self.args = template, args

	def __str__(self) -> str:
		return str(self.template).format(
			*(
				str(a) if isinstance(a, Money | Why) or not isinstance(a, int | float) else a
				for a in self.args
			)
		)


class Joined(Why):
	"""Several reasons in one line, separated by "; "."""

	def __init__(self, *reasons: Why):
		super().__init__(None, *reasons)

	def __str__(self) -> str:
		return "; ".join(str(a) for a in self.args)


@dataclass(frozen=True)
class Part:
	key: str
	label: object  # lazily translated
	points: int
	max_points: int
	reason: Why

	@property
	def why(self) -> str:
		return str(self.reason)

	def as_dict(self) -> dict:
		return {
			"key": self.key,
			"label": str(self.label),
			"points": self.points,
			"max_points": self.max_points,
			"why": self.why,
		}


LABELS = {
	"skills": _lt("Skills"),
	"schedule": _lt("Schedule"),
	"transport": _lt("Transport"),
	"physical": _lt("Physical"),
	"wage": _lt("Wage"),
	"retention": _lt("Retention risk"),
}


def _part(key: str, points: int, reason: Why) -> Part:
	return Part(key, LABELS[key], points, MAX_POINTS[key], reason)


def score(job: JobFacts, person: PersonFacts) -> tuple[int, list[Part]]:
	parts = [part(job, person) for part, _reads in PARTS]
	return sum(p.points for p in parts), parts


def skills_part(job: JobFacts, person: PersonFacts) -> Part:
	top = MAX_POINTS["skills"]
	if not job.required_skills:
		return _part("skills", top, Why(_lt("No skills required")))
	held = min(person.matched_skills, job.required_skills)
	return _part(
		"skills",
		round(top * held / job.required_skills),
		Why(_lt("Holds {0} of {1} required skills"), held, job.required_skills),
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
		reasons.append(Why(_lt("available for the {0} shift"), _lt(job.shift)))
	else:
		reasons.append(Why(_lt("not available for the {0} shift"), _lt(job.shift)))
	type_fits = person.employment_preference in ("Either", job.employment_type)
	hours_fit = flt(job.hours_per_week) <= flt(person.max_hours_per_week)
	if type_fits and hours_fit:
		points += 5
		reasons.append(Why(_lt("{0} h/week suits them"), hours(job.hours_per_week)))
	elif not type_fits:
		reasons.append(Why(_lt("wants {0} work"), person.employment_preference.lower()))
	else:
		reasons.append(
			Why(
				_lt("{0} h/week is over their {1}"),
				hours(job.hours_per_week),
				hours(person.max_hours_per_week),
			)
		)
	return _part("schedule", points, Joined(*reasons))


def transport_part(job: JobFacts, person: PersonFacts) -> Part:
	top, mode = MAX_POINTS["transport"], person.transport_mode
	if mode == "Own vehicle":
		points, why = top, Why(_lt("drives there"))
	elif job.requires_own_vehicle:
		points, why = 0, Why(_lt("the job needs their own vehicle; they travel by {0}"), mode.lower())
	elif mode == "No reliable transport":
		points, why = 0, Why(_lt("no reliable transport"))
	elif job.transit_accessible and mode in ("Public transit", "Walk or bike"):
		points, why = top, Why(_lt("the site is on transit"))
	elif mode == "Rides from others":
		points, why = 8, Why(_lt("depends on rides from others"))
	elif mode == "Walk or bike":
		points, why = 5, Why(_lt("the site is off transit; they walk or bike"))
	else:
		points, why = 0, Why(_lt("the site is not reachable by transit"))
	return _part("transport", points, why)


def physical_part(job: JobFacts, person: PersonFacts) -> Part:
	top = MAX_POINTS["physical"]
	if not person.max_physical_demand:
		return _part("physical", top, Why(_lt("no physical limit recorded")))
	over = DEMANDS.index(job.physical_demand) - DEMANDS.index(person.max_physical_demand)
	demand, limit = _lt(job.physical_demand), _lt(person.max_physical_demand)
	if over <= 0:
		return _part("physical", top, Why(_lt("{0} work is within their limit"), demand))
	if over == 1:
		return _part("physical", 5, Why(_lt("{0} work is one level above their limit ({1})"), demand, limit))
	return _part("physical", 0, Why(_lt("{0} work is beyond their limit ({1})"), demand, limit))


def wage_part(job: JobFacts, person: PersonFacts) -> Part:
	top = MAX_POINTS["wage"]
	goal, wage = flt(person.target_hourly_wage), flt(job.hourly_wage)
	if not goal:
		return _part("wage", top, Why(_lt("no wage goal recorded")))
	if wage >= goal:
		return _part("wage", top, Why(_lt("{0} meets their goal of {1}"), Money(wage), Money(goal)))
	return _part(
		"wage",
		round(top * wage / goal),
		Why(_lt("{0} is {1}% of their goal of {2}"), Money(wage), round(100 * wage / goal), Money(goal)),
	)


# the options of Separation Reason's "Recurs When"
HARD_TO_REACH = "Hard-to-reach site"
NON_STANDARD_SHIFT = "Non-standard shift"
HEAVY_WORK = "Heavy physical work"
NIGHT_OR_ROTATING = "Night or rotating shift"
SKILLS_GAP = "Missing required skills"
WAGE_BELOW_GOAL = "Wage below their goal"


def recurring_reasons(job: JobFacts, person: PersonFacts) -> list[str]:
	"""Past separation reasons whose cause is present in this job, each named once."""
	hard_to_reach = job.requires_own_vehicle or not job.transit_accessible
	present = {
		HARD_TO_REACH: hard_to_reach and person.transport_mode != "Own vehicle",
		NON_STANDARD_SHIFT: job.shift in NON_STANDARD_SHIFTS,
		HEAVY_WORK: job.physical_demand in ("Heavy", "Very Heavy"),
		NIGHT_OR_ROTATING: job.shift in ("Night", "Rotating"),
		SKILLS_GAP: person.matched_skills < job.required_skills,
		WAGE_BELOW_GOAL: flt(job.hourly_wage) < flt(person.target_hourly_wage),
	}
	return list(dict.fromkeys(reason for reason, recurs_when in person.losses if present.get(recurs_when)))


class ReasonList(Why):
	"""Past separation reasons, each translated, separated by commas."""

	def __str__(self) -> str:
		return str(self.template).format(", ".join(str(_lt(r)) for r in self.args))


def retention_part(job: JobFacts, person: PersonFacts) -> Part:
	top = MAX_POINTS["retention"]
	recurring = recurring_reasons(job, person)
	if not recurring:
		if person.losses:
			return _part("retention", top, Why(_lt("no past separation reason recurs here")))
		return _part("retention", top, Why(_lt("no past job losses")))
	points = max(0, top - RETENTION_PENALTY * len(recurring))
	return _part("retention", points, ReasonList(_lt("past losses may recur: {0}"), *recurring))


# The six parts in order, each with the person's values it reads (it reads the job too).  Ranking
# thousands of people for one job scores a part once per distinct set of these values
# (`candidates.part_points`), and a part is shown only these values there: a part that reads
# another value must name it here (test_matching.TestPartPoints fails otherwise).
PARTS = (
	(skills_part, ("matched_skills",)),
	(
		schedule_part,
		(
			"available_day",
			"available_evening",
			"available_night",
			"available_weekend",
			"employment_preference",
			"max_hours_per_week",
		),
	),
	(transport_part, ("transport_mode",)),
	(physical_part, ("max_physical_demand",)),
	(wage_part, ("target_hourly_wage",)),
	(retention_part, ("losses", "transport_mode", "matched_skills", "target_hourly_wage")),
)


def _to_data(value):
	"""A reason's value as JSON-able data: templates untranslated, money marked as money."""
	if isinstance(value, Why):
		return {
			"kind": type(value).__name__,
			"template": _to_data(value.template),
			"args": [_to_data(a) for a in value.args],
		}
	if isinstance(value, Money):
		return {"money": float(value)}
	if isinstance(value, _LazyTranslate):
		return {"text": value.msg}
	return value


def _from_data(value):
	if not isinstance(value, dict):
		return value
	if "money" in value:
		return Money(value["money"])
	if "text" in value:
		return _lt(value["text"])
	args = [_from_data(a) for a in value["args"]]
	if value["kind"] == "Joined":
		return Joined(*args)
	cls = ReasonList if value["kind"] == "ReasonList" else Why
	return cls(_from_data(value["template"]), *args)


def parts_to_data(parts: list[Part]) -> list[dict]:
	"""A score's parts as data to store: the key, the points and the reason, untranslated."""
	return [
		{"key": p.key, "points": p.points, "max_points": p.max_points, "why": _to_data(p.reason)}
		for p in parts
	]


def parts_from_data(data: list[dict]) -> list[Part]:
	return [
		Part(d["key"], LABELS[d["key"]], d["points"], d["max_points"], _from_data(d["why"])) for d in data
	]


def describe(parts: list[Part]) -> str:
	"""One line a part, in the reader's language: "Skills 20/30: Holds 2 of 3 required skills"."""
	return "\n".join(f"{p.label} {p.points}/{p.max_points}: {p.why}" for p in parts)
