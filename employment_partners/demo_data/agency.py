"""A believable agency, generated: employers, the pipeline's history, participants and what
happened to them, from one seed.

`make(config)` writes it straight into the site's tables (writer.py) in one transaction.  The
same seed, sizes, locale and `today` give the same agency.  Nothing is random noise: each
participant gets a life story first and every record follows from it.

- **Employers.** Leads are spread over the pipeline's stages (Prospect … Feedback, and Lost);
  each has a stage history that walks the stages in order, contacts and interactions.  Leads at
  Source, Match and Feedback have a hiring partnership; Match ones an open job order; Feedback
  ones the placements (a few large employers take most of them, as in life).  About one hiring
  partnership in eight is troubled: its jobs are lost sooner, it reports problems late and its
  feedback is unhappy (Partnership Health has some at risk, as an agency's has).
- **Participants.** Enrolled over the period, with barriers, suitability indicators and
  readiness in plausible proportions, three skills, and (for 40 %) past job losses.
- **Employment spells.** Each placed participant's placements follow one another in time: a
  placement ends before the next one starts.  How long a job lasts follows a retention curve
  (about 18 % lost in the first 30 days, 12 % by 90, 10 % by 180, the rest kept).  After a lost
  job, a third find work elsewhere on their own.  Time-limited placements (work experience,
  on-the-job training) complete or turn permanent.
- **Program enrolments.** Everyone is in the job retention program (SETA 02-09) from the day they
  came; some are co-enrolled in Employment Ontario (15D outcomes, 45 %) and/or WIOA Title I
  (40 %), from then or a few weeks later.  They exit the job retention program some months after
  their last start (or, never placed, after months of searching); most co-enrolments exit with it
  (a common exit), some earlier.  Each exit has its reason (employed when working that day).  The
  participant's exit date is the latest, once every enrolment has exited (participants/enrolments.py).
- **Follow-ups** are the ones the app makes (retention/schedule.py, the same date maths): each
  placement's from its schedule (the Settings default), each exited enrolment's from its
  program's schedule, naming the program and the enrolment.  Those whose window has passed are
  done (88 %) or missed, never before their due date (a milestone's outcome cannot be); a done
  one records what the participant's spells say on the day it was done: employed with the
  placement's employer, employed elsewhere (over the day done, or the pay period a pay stub
  covers), or not working; some could not be reached after three attempts.  So retention, 15D
  and WIOA figures come out as the spells made them.
- Referrals (the hired one and others declined or withdrawn), incentives and retention bonuses,
  retention issues with interventions, service referrals, coaching, the employer pulse and its
  answers, employer feedback and appreciation events follow the same spells.

`scheduler_lag_days` leaves the last days of the daily job undone (reminders, escalations,
missed marks), as on a site whose scheduler was off for that long: the scheduler benchmark's
cold run.
"""

import hashlib
import itertools
import json
import random
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

import frappe
from frappe.utils import add_days, add_months, getdate, update_progress_bar

from employment_partners import arithmetic, jobs
from employment_partners.demo_data.writer import Writer
from employment_partners.employment_partners.doctype.incentive_allocation import incentive_allocation
from employment_partners.metrics import engagement
from employment_partners.metrics import placements as placement_metrics
from employment_partners.metrics import pulse as pulse_metrics
from employment_partners.participants import enrolments, suitability
from employment_partners.permissions import BSR, CASE_MANAGER, EMPLOYER
from employment_partners.pipeline import fit, organisations, stages
from employment_partners.placements import placements as placement_rules
from employment_partners.portal import pulse as pulse_rules
from employment_partners.retention import follow_ups, issues, schedule
from employment_partners.utils import get_settings

STAFF_DOMAIN = "staff.demo.employment-partners.invalid"
# the generated agency's director: made last, so its presence means a complete generation
DIRECTOR = f"director@{STAFF_DOMAIN}"
PASSWORD = "demo-password-1"

STAGE_SHARE = {
	stages.PROSPECT: 16,
	stages.OUTREACH: 12,
	stages.QUALIFY: 10,
	stages.NURTURE: 8,
	stages.SOURCE: 6,
	stages.MATCH: 8,
	stages.FEEDBACK: 30,
	stages.LOST: 10,
}
JOBS = {
	"Transportation and Warehousing": ("Warehouse Associate", "Forklift Operator", "Delivery Driver Helper"),
	"Health Care and Social Assistance": (
		"Patient Care Aide",
		"Medical Office Assistant",
		"Home Support Worker",
	),
	"Retail Trade": ("Stock Associate", "Cashier", "Customer Service Associate"),
	"Manufacturing": ("Assembly Technician", "Machine Operator", "Quality Inspector"),
	"Accommodation and Food Services": ("Line Cook", "Housekeeping Attendant", "Dishwasher"),
	"Construction": ("General Labourer", "Carpenter Helper", "Flagger"),
	"Administrative and Support and Waste Management": ("Janitor", "Recycling Sorter", "Office Assistant"),
	"Educational Services": ("Teaching Assistant", "Cafeteria Worker"),
	"Finance and Insurance": ("Customer Service Representative", "Data Entry Clerk"),
}
INDUSTRY_WEIGHTS = {industry: 4 for industry in JOBS} | {
	"Transportation and Warehousing": 7,
	"Retail Trade": 6,
}
GENERAL_JOBS = ("Customer Service Associate", "General Labourer", "Office Assistant")
SKILLS = (
	"Forklift Certification", "Food Handler Certificate", "First Aid / CPR", "Customer Service",
	"Cash Handling", "Microsoft Office", "Data Entry", "Safe Lifting", "WHMIS", "Inventory Control",
	"Basic Carpentry", "Cleaning and Sanitation", "Driver's Licence (G)", "Bilingual (Spanish)",
	"Patient Care", "Food Preparation", "Machine Operation", "Quality Inspection", "Scheduling",
	"Point of Sale",
)  # fmt: skip
PLACEMENT_TYPES = {
	"Competitive Employment": 56,
	"Test and Hire": 10,
	"Work Experience": 14,
	"On-the-Job Training": 12,
	"Apprenticeship": 8,
}
# what ended a lost job, by the issue that preceded it
LOSS_REASONS = {
	"Quit": 22, "Dismissed (attendance)": 16, "Dismissed (performance)": 10, "Dismissed (conduct)": 5,
	"Laid Off": 12, "Transportation": 10, "Childcare": 9, "Health": 8, "Schedule conflict": 6, "Other": 2,
}  # fmt: skip
ISSUE_TYPES = {
	"Attendance": 30, "Tardiness": 22, "Performance": 14, "Conduct": 6, "Safety": 3, "Transportation": 10,
	"Childcare": 8, "Health": 5, "Other": 2,
}  # fmt: skip
ISSUE_SERVICE = {"Transportation": "Transportation", "Childcare": "Childcare", "Health": "Health"}
INTERVENTION = {
	"Transportation": "Service Referral - Transportation",
	"Childcare": "Service Referral - Childcare",
	"Health": "Service Referral - Health",
}
# a job's fate when nothing else ends it: (share, shortest and longest days it lasts); None = kept
RETENTION_CURVE = ((18, 3, 30), (12, 31, 90), (10, 91, 180), (8, 181, 365), (52, None, None))
# a troubled employer (about one hiring partnership in eight): jobs lost sooner, late word of
# problems, unhappy feedback; so the Partnership Health report and its card have partnerships at
# risk, as an agency's have
TROUBLED_SHARE = 0.12
TROUBLED_CURVE = ((38, 3, 30), (24, 31, 90), (14, 91, 180), (8, 181, 365), (16, None, None))
NOT_WORKING = {follow_ups.UNEMPLOYED: 80, follow_ups.IN_TRAINING: 12, follow_ups.UNABLE_TO_WORK: 8}
# the agency reports to several funders: everyone is in its job retention program (SETA 02-09),
# and some are co-enrolled in a program that owes Ontario 15D outcomes, WIOA quarters, or both
# (shares of the participants; the shipped programs, participants/enrolments.py)
CO_ENROLMENT = {enrolments.ONTARIO_PROGRAM: 0.45, enrolments.WIOA_PROGRAM: 0.4}
# why someone left a program without a job (Program Enrolment's exit reasons; "Health or Medical"
# is one of WIOA's exclusions, PIRL 923)
EXIT_REASONS = {
	"Completed Services": 40, "Lost Contact": 22, "Withdrew": 14, "Moved Away": 8,
	"Entered Education or Training": 10, "Health or Medical": 6,
}  # fmt: skip


@dataclass
class Config:
	employers: int = 60
	participants: int = 600
	placements: int | None = None  # default: three for every four participants
	years: int = 2
	seed: int = 15
	locale: str = "en_US"
	today: date | None = None
	scheduler_lag_days: int = 0
	progress: bool = True

	def __post_init__(self):
		from faker.config import AVAILABLE_LOCALES

		_ = frappe._
		try:
			self.today = getdate(self.today) if self.today else date.today()
		except Exception:
			frappe.throw(
				_("{0} is not a date; give the last day of the history as YYYY-MM-DD").format(self.today)
			)
		if self.placements is None:
			self.placements = self.participants * 3 // 4
		if self.employers < 10 or self.participants < 10:
			frappe.throw(_("Make at least 10 employers and 10 participants"))
		if self.placements < 0 or self.scheduler_lag_days < 0:
			frappe.throw(_("The placements and the scheduler's lag cannot be negative"))
		if self.years < 1:
			frappe.throw(_("The history must cover at least one year"))
		if self.locale not in AVAILABLE_LOCALES:
			frappe.throw(_("{0} is not a Faker locale (en_US, en_CA, fr_CA, es_MX, ...)").format(self.locale))


def pick(rng: random.Random, weights: dict):
	return rng.choices(list(weights), weights=list(weights.values()))[0]


def budget(expected: float, step: int) -> int:
	"""A year's allocation for `expected` spending: a fifth more, rounded up to `step`, at least one step."""
	return max(step, -(-int(expected * 1.2) // step) * step)


def at_hour(rng: random.Random, day: date, first: int = 8, last: int = 17) -> datetime:
	return datetime(day.year, day.month, day.day, rng.randint(first, last - 1), rng.choice((0, 15, 30, 45)))


@dataclass
class Spell:
	"""A stretch of work: one of our placements (`placement` set) or a job found elsewhere."""

	start: date
	end: date | None
	placement: dict | None = None
	employer: str = ""
	wage: float = 0
	hours: float = 0

	def covers(self, day: date) -> bool:
		return self.start <= day and (self.end is None or day <= self.end)


@dataclass
class Partnership:
	lead: dict
	name: str = ""
	weight: float = 1.0
	start: date | None = None
	orders: list = field(default_factory=list)
	contacts: list = field(default_factory=list)  # (contact name, email, first, last)
	portal_user: str | None = None
	pulse_enabled: bool = False
	placements: int = 0
	first_placement: date | None = None
	troubled: bool = False


class Agency:
	def __init__(self, config: Config):
		self.config = config
		self.rng = random.Random(config.seed)
		from faker import Faker

		self.fake = Faker(config.locale)
		self.fake.seed_instance(config.seed)
		self.today = config.today
		self.start = getdate(add_months(self.today, -12 * config.years))
		self.settings = get_settings()
		self.out = Writer()
		self.names: set[str] = set()
		self.portal_logins: list[tuple[str, str, str]] = []  # (email, first, last), made after their contacts
		self.recent_issue = False
		self.contacted_today = False
		self.full_names: dict[str, str] = {}  # staff login -> full name, as Frappe's User sets it

	# --- lookups -------------------------------------------------------------------------------

	def load_lookups(self):
		self.industries = frappe.get_all("Industry Sector", pluck="name")
		self.separation = {
			r.name: r.category for r in frappe.get_all("Separation Reason", ["name", "category"])
		}
		self.time_limited = set(frappe.get_all("Placement Type", {"time_limited": 1}, pluck="name"))
		types = set(frappe.get_all("Placement Type", pluck="name"))
		self.placement_types = {t: w for t, w in PLACEMENT_TYPES.items() if t in types} or {
			t: 1 for t in types
		}
		self.loss_reasons = {r: w for r, w in LOSS_REASONS.items() if r in self.separation}
		self.categories = {
			r.name: r.sensitive for r in frappe.get_all("Service Category", ["name", "sensitive"])
		}
		# a placement's follow-ups come from its schedule, the Settings default when none is named
		# (Placement.set_follow_up_schedule); those after exit from each enrolment's program
		self.placement_schedule = follow_ups.default_schedule()
		self.start_rows = follow_ups.schedule_rows(self.placement_schedule, schedule.PLACEMENT_START)
		self.load_programs()
		# a placement names the program that funds it, where the site's placements have the field
		self.placement_programs = frappe.get_meta("Placement").has_field("program")
		self.bonus_days = [
			int(d) for d in (self.settings.retention_bonus_days or "").replace(" ", "").split(",") if d
		]
		self.missed_after = int(self.settings.missed_after_days or 30)
		self.reminder_days = int(self.settings.reminder_days or 3)
		self.scheduler_ran = self.today - timedelta(days=self.config.scheduler_lag_days)
		self.supervisor = DIRECTOR

	def load_programs(self):
		"""The programs people are enrolled in: the job retention program (SETA 02-09; else the
		first Settings names) for everyone, the shipped 15D and WIOA ones for some; each with its
		schedule's rows after exit.  Disabled programs are left out; with no program at all, nobody
		exits (the app records an exit only on an enrolment)."""
		enabled = {
			row.name: row.follow_up_schedule
			for row in frappe.get_all(
				"Program", filters={"disabled": 0}, fields=["name", "follow_up_schedule"]
			)
		}
		base = (
			enrolments.SETA_PROGRAM
			if enrolments.SETA_PROGRAM in enabled
			else next(iter(enrolments.default_programs()), None)
		)
		self.base_program = base
		self.co_programs = {
			program: share
			for program, share in CO_ENROLMENT.items()
			if program in enabled and program != base
		}
		self.program_schedules = {
			program: enabled[program] for program in (base, *self.co_programs) if program
		}
		self.exit_rows = {
			program: follow_ups.schedule_rows(name, schedule.PROGRAM_EXIT)
			for program, name in self.program_schedules.items()
		}

	def make_skills(self):
		have = set(frappe.get_all("Job Skill", pluck="name"))
		for skill in SKILLS:
			if skill not in have:
				kind = "Certification" if "Certif" in skill or "Licence" in skill else "Skill"
				self.out.add("Job Skill", {"name": skill, "skill_name": skill, "skill_type": kind})
		self.skills = list(SKILLS)

	# --- people --------------------------------------------------------------------------------

	def staff_email(self, first: str, last: str) -> str:
		base = "".join(c for c in f"{first}.{last}".lower() if c.isalnum() or c == ".")
		email, n = f"{base}@{STAFF_DOMAIN}", 1
		while email in self.names or frappe.db.exists("User", email):
			n += 1
			email = f"{base}{n}@{STAFF_DOMAIN}"
		self.names.add(email)
		return email

	def make_user(self, email: str, first: str, last: str, roles, website: bool = False):
		"""Through Frappe's own user creation, as the desk makes one: its Notification Settings
		(without them the desk cannot boot), its contact (a worker, after the commit) and the rest.
		The password is written with the others when the agency is closed: one hash for all."""
		frappe.get_doc(
			{
				"doctype": "User", "email": email, "first_name": first, "last_name": last,
				"enabled": 1, "user_type": "Website User" if website else "System User",
				"send_welcome_email": 0, "roles": [{"role": r} for r in roles],
			}
		).insert(ignore_permissions=True)  # fmt: skip
		self.out.logins.append(email)

	def make_staff(self):
		from frappe.utils.password import passlibctx

		self.out.password_hash = passlibctx.hash(PASSWORD)
		c = self.config
		self.bsrs, self.case_managers = [], []
		for count, role, into in (
			(max(2, -(-c.employers // 50)), BSR, self.bsrs),
			(max(2, -(-c.participants // 100)), CASE_MANAGER, self.case_managers),
		):
			for _ in range(count):
				first, last = self.fake.first_name(), self.fake.last_name()
				email = self.staff_email(first, last)
				self.make_user(email, first, last, [role])
				into.append(email)
				self.full_names[email] = f"{first} {last}"

	def finish_staff(self):
		"""The director (a Partnership Manager) supervises every case manager made here."""
		after = frappe.db.count("Case Manager Supervisor", {"parenttype": "Employment Partners Settings"})
		self.out.children(
			"Case Manager Supervisor",
			"Employment Partners Settings",
			"Employment Partners Settings",
			"supervisors",
			[{"case_manager": cm, "supervisor": DIRECTOR} for cm in self.case_managers],
			first_idx=after + 1,
		)
		self.make_user(DIRECTOR, "Robin", "Director", ["Partnership Manager"])

	# --- employers -----------------------------------------------------------------------------

	def make_employers(self):
		c, rng = self.config, self.rng
		self.leads, self.partnerships = [], []
		industries = [i for i in INDUSTRY_WEIGHTS if i in self.industries] or self.industries
		weights = [INDUSTRY_WEIGHTS.get(i, 1) for i in industries]
		for _ in range(c.employers):
			org = self.fake.company()
			while organisations.normalize_name(org) in self.names:
				org = f"{self.fake.company()} {self.fake.city_suffix()}"
			self.names.add(organisations.normalize_name(org))
			stage = pick(rng, STAGE_SHARE)
			industry = rng.choices(industries, weights=weights)[0]
			lead = {
				"org": org,
				"industry": industry,
				"stage": stage,
				"bsr": rng.choice(self.bsrs),
				"wage": round(rng.uniform(15.5, 30) * 4) / 4,
				"size": rng.choices(("1-9", "10-49", "50-249", "250-999", "1000+"), (10, 30, 35, 18, 7))[0],
				"created": self.start + timedelta(days=rng.randint(0, (self.today - self.start).days - 30)),
				"flags": {
					f: rng.random() < share
					for f, share in (
						("offers_benefits", 0.55),
						("career_pathway", 0.4),
						("schedule_fits_participants", 0.5),
						("transit_access", 0.6),
						("fair_chance_hiring", 0.35),
						("inclusive_hiring", 0.45),
						("social_responsibility", 0.3),
						("existing_connection", 0.2),
					)
				},
			}
			self.leads.append(lead)
			if stage in (stages.SOURCE, stages.MATCH, stages.FEEDBACK):
				partnership = Partnership(lead=lead)
				# a few large employers take most placements (a Pareto tail)
				partnership.weight = rng.paretovariate(1.3) if stage == stages.FEEDBACK else 0
				partnership.pulse_enabled = rng.random() < 0.35
				lead["partnership"] = partnership
				self.partnerships.append(partnership)
		if not any(p.weight for p in self.partnerships):  # a tiny agency still places people
			lead = self.leads[0]
			lead["stage"] = stages.FEEDBACK
			if "partnership" not in lead:
				lead["partnership"] = Partnership(lead=lead)
				self.partnerships.append(lead["partnership"])
			lead["partnership"].weight = 1
		self.hiring = [p for p in self.partnerships if p.weight]
		self.hiring_weights = [p.weight for p in self.hiring]
		for partnership in self.hiring:
			partnership.troubled = rng.random() < TROUBLED_SHARE
		if len(self.hiring) > 2 and not any(p.troubled for p in self.hiring):
			# one at least, among those who hire more than a few (a score needs a hire)
			busy = sorted(self.hiring, key=lambda p: -p.weight)[: max(2, len(self.hiring) // 2)]
			rng.choice(busy).troubled = True

	def order_for(self, partnership: Partnership, start: date) -> dict:
		"""The partnership's job order a placement starting on `start` fills: a recent one with an
		opening left, or a new one opened some weeks before."""
		rng = self.rng
		for order in reversed(partnership.orders):
			if order["open_date"] <= start - timedelta(days=3) and (start - order["open_date"]).days <= 150:
				if order["placed"] < order["openings"]:
					return order
		industry = partnership.lead["industry"]
		kind = pick(rng, self.placement_types)
		wage = max(15.0, round((partnership.lead["wage"] + rng.uniform(-2, 2)) * 4) / 4)
		order = {
			"partnership": partnership,
			"open_date": start - timedelta(days=rng.randint(10, 45)),
			"title": rng.choice(JOBS.get(industry, GENERAL_JOBS)),
			"type": kind,
			"openings": rng.choices((1, 2, 3, 5, 8, 12), (20, 25, 20, 18, 10, 7))[0],
			"placed": 0,
			"filled": 0,
			"wage": wage,
			"hours": rng.choice((40, 40, 37.5, 35, 30, 25, 20)),
			"shift": rng.choices(("Day", "Evening", "Night", "Rotating", "Weekend"), (55, 18, 10, 12, 5))[0],
			"skills": rng.sample(self.skills, 2),
			"last_start": start,
		}
		order["name"] = self.out.namer.next("JO-.YYYY.-", order["open_date"])
		partnership.orders.append(order)
		return order

	# --- participants and what happened to them ------------------------------------------------

	def allocate_placements(self) -> list[int]:
		c, rng = self.config, self.rng
		counts = [0] * c.participants
		placed = min(c.participants, c.placements, max(1, round(c.participants * 0.85)))
		people = rng.sample(range(c.participants), placed)
		for i in people:
			counts[i] = 1
		for _ in range(c.placements - placed):
			counts[rng.choice(people)] += 1
		return counts

	def make_participants(self):
		c, rng = self.config, self.rng
		counts = self.allocate_placements()
		span = (self.today - self.start).days
		for i, k in enumerate(counts):
			latest_enrolment = max(0, span - max(21, 40 * k))
			enrolled = self.start + timedelta(days=rng.randint(0, latest_enrolment))
			self.make_participant(enrolled, k)
			if c.progress and (i % 200 == 0 or i == c.participants - 1):
				update_progress_bar("Participants, placements and follow-ups", i, c.participants)
		if c.progress:
			print()

	def make_participant(self, enrolled: date, k: int):
		rng, fake = self.rng, self.fake
		first, last = fake.first_name(), fake.last_name()
		name = self.out.namer.next("PT-.YYYY.-", enrolled)
		cm = rng.choice(self.case_managers)
		age = rng.choices((rng.randint(18, 19), rng.randint(20, 44), rng.randint(45, 64)), (8, 62, 30))[0]
		born = enrolled - timedelta(days=age * 365 + rng.randint(0, 364))
		barriers = {
			b: rng.random() < share
			for b, share in zip(suitability.BARRIERS, (0.15, 0.3, 0.2, 0.12, 0.15, 0.35), strict=True)
		}
		p = {
			"participant": name, "first": first, "last": last, "full": f"{first} {last}", "cm": cm,
			"label": issues.participant_label(first, last), "enrolled": enrolled,
			"barriers": barriers, "spells": [], "placements": [],
		}  # fmt: skip

		# placements, one after another; each ends before the next starts
		# a participant's time with the program: up to about two years after enrolment
		window = max(1, min((self.today - enrolled).days - 14, 540 + 60 * k))
		days = sorted(rng.sample(range(window), min(k, window)))
		starts = [enrolled + timedelta(days=14 + d) for d in days]
		for j, start in enumerate(starts):
			following = starts[j + 1] if j + 1 < len(starts) else None
			self.make_placement(p, start, following)

		p["enrolments"] = self.enrol(p, self.exit_date(p) if self.base_program else None)
		# their exit: the latest, once every enrolment has exited (as the app works it out)
		p["exit"] = enrolments.exit_of(p["enrolments"])
		self.all_follow_ups: list[dict] = []
		for placement in p["placements"]:
			self.placement_follow_ups(p, placement)
		# each exited enrolment's follow-ups after exit, from its program's schedule
		for enrolment in p["enrolments"]:
			if enrolment.exit_date:
				program = enrolment.program
				for due in schedule.generate(self.exit_rows[program], None, enrolment.exit_date):
					self.follow_up(p, None, self.program_schedules[program], due, enrolment)
		self.write_participant(p, born, barriers)
		for placement in p["placements"]:
			self.write_placement(p, placement)
		for follow_up in self.all_follow_ups:
			self.write_follow_up(follow_up)

	def enrol(self, p: dict, exit_date: date | None) -> list:
		"""Their program enrolments: the job retention program from the day they came until
		`exit_date`; a co-enrolment from then or a few weeks later, most leaving with it (a common
		exit), some earlier (that program's services ended while job retention goes on)."""
		if not self.base_program:
			return []
		rng, enrolled = self.rng, p["enrolled"]
		rows = [self.enrolment(p, self.base_program, enrolled, exit_date)]
		for program, share in self.co_programs.items():
			if rng.random() >= share:
				continue
			start = min(enrolled + timedelta(days=rng.choice((0, 0, 0, 7, 14, 21))), exit_date or self.today)
			leaves = exit_date
			if rng.random() < (0.25 if exit_date else 0.15):
				first, last = start + timedelta(days=90), (exit_date or self.today) - timedelta(days=1)
				if first <= last:
					leaves = first + timedelta(days=rng.randint(0, (last - first).days))
			rows.append(self.enrolment(p, program, start, leaves))
		return rows

	def enrolment(self, p: dict, program: str, start: date, leaves: date | None) -> frappe._dict:
		"""One Program Enrolment row (named now: its follow-ups after exit name it)."""
		return frappe._dict(
			name=self.out.namer.child(),
			program=program,
			enrolled_on=start,
			exit_date=leaves,
			exit_reason=self.exit_reason(p, leaves) if leaves else None,
		)

	def funding_program(self, p: dict, start: date) -> str | None:
		"""The program funding a placement that starts on `start`, as the app defaults it: their
		enrolment open that day, the first in their list when several are (placements/programs.py)."""
		for row in p["enrolments"]:
			if row.enrolled_on <= start and (row.exit_date is None or start <= row.exit_date):
				return row.program
		return None

	def exit_reason(self, p: dict, day: date) -> str:
		"""Why they left on `day`, as their spells say: employed if working that day; otherwise a
		reason, the same for every program they left that day (a health reason only for someone
		who does not work again)."""
		reasons = p.setdefault("exit_reasons", {})
		if day not in reasons:
			if self.working_on(p, day):
				reasons[day] = "Employed"
			else:
				works_again = any(spell.end is None or spell.end > day for spell in p["spells"])
				choices = {
					r: w for r, w in EXIT_REASONS.items() if not (works_again and r == "Health or Medical")
				}
				reasons[day] = pick(self.rng, choices)
		return reasons[day]

	def make_placement(self, p: dict, start: date, following: date | None):
		rng = self.rng
		partnership = rng.choices(self.hiring, weights=self.hiring_weights)[0]
		order = self.order_for(partnership, start)
		order["placed"] += 1
		time_limited = order["type"] in self.time_limited
		end, status, reason = None, placement_rules.ACTIVE, None
		weeks = rng.choice((8, 12, 16, 26)) if time_limited else None
		curve = TROUBLED_CURVE if partnership.troubled else RETENTION_CURVE
		_share, low, high = rng.choices(curve, weights=[r[0] for r in curve])[0]
		lasts = rng.randint(low, high) if low else None
		if time_limited and (lasts is None or lasts > weeks * 7):
			lasts = weeks * 7  # ran its course: completed, or kept on as a permanent hire
			planned_end = start + timedelta(days=lasts)
			if planned_end < self.today:
				if rng.random() < 0.35 and following is None:
					status = placement_rules.TRANSITIONED
				else:
					end, status = planned_end, placement_rules.COMPLETED
		elif lasts is not None and start + timedelta(days=lasts) < self.today:
			end, status = start + timedelta(days=lasts), placement_rules.ENDED
			reason = pick(rng, self.loss_reasons)
		if following is not None and (end is None or end >= following):
			gap = rng.randint(1, max(1, min(30, (following - start).days // 2)))
			end = max(start, following - timedelta(days=gap))
			if status != placement_rules.COMPLETED:
				status, reason = placement_rules.ENDED, reason or pick(rng, self.loss_reasons)
		placement = {
			"name": self.out.namer.next("PL-.YYYY.-", start),
			"order": order,
			"partnership": partnership,
			"start": start,
			"end": end,
			"status": status,
			"reason": reason,
			"weeks": weeks,
			"followups": [],
		}
		if status != placement_rules.ENDED:
			order["filled"] += 1
		partnership.placements += 1
		if not partnership.first_placement or start < partnership.first_placement:
			partnership.first_placement = start
		p["placements"].append(placement)
		p["spells"].append(
			Spell(start, end, placement, partnership.lead["org"], order["wage"], order["hours"])
		)
		# a lost job: a third find work elsewhere on their own, until our next placement
		if status == placement_rules.ENDED and rng.random() < 0.33:
			elsewhere = end + timedelta(days=rng.randint(7, 60))
			if elsewhere < self.today and (following is None or elsewhere < following - timedelta(days=3)):
				p["spells"].append(
					Spell(
						elsewhere,
						following - timedelta(days=2) if following else None,
						None,
						self.fake.company(),
						round(rng.uniform(15.5, 26) * 4) / 4,
						rng.choice((40, 35, 30, 20)),
					)
				)

	def exit_date(self, p: dict) -> date | None:
		rng = self.rng
		if p["placements"]:
			last = p["placements"][-1]["start"]
			if rng.random() < 0.8:
				exit_date = last + timedelta(days=rng.randint(30, 120))
				return exit_date if exit_date < self.today else None
			return None
		if rng.random() < 0.5:
			exit_date = p["enrolled"] + timedelta(days=rng.randint(120, 300))
			return exit_date if exit_date < self.today else None
		return None

	def working_on(self, p: dict, day: date) -> Spell | None:
		for spell in reversed(p["spells"]):
			if spell.covers(day):
				return spell
		return None

	def placement_follow_ups(self, p: dict, placement: dict):
		"""Every row on the start, as the app made them when the placement began; one that ended
		or completed before a follow-up fell due keeps it (follow_ups.sync_placement removes only
		rows no longer on the schedule), and it records what they were doing then."""
		for due in schedule.generate(self.start_rows, placement["start"], None):
			self.follow_up(p, placement, self.placement_schedule, due)

	def follow_up(
		self,
		p: dict,
		placement: dict | None,
		schedule_name: str,
		due: schedule.Due,
		enrolment: frappe._dict | None = None,
	):
		"""A follow-up of the placement (rows on its start) or of the enrolment (rows after its
		exit).  Done only inside its window, never before the due date: a milestone's outcome
		cannot be recorded before its window opens (follow_ups.milestone_problem)."""
		rng, today = self.rng, self.today
		f = {
			"p": p, "placement": placement, "schedule": schedule_name, "due": due, "status": follow_ups.OPEN,
			"outcome": None, "completed_on": None, "spell": None, "attempts": [], "notes": None,
			"method": None, "reminded": None, "escalated": None, "enrolment": enrolment,
		}  # fmt: skip
		missed_cutoff = today - timedelta(days=self.missed_after)
		last_day = min(due.window_end, today - timedelta(days=1))
		if due.window_end < missed_cutoff:
			done = rng.random() < 0.88
		elif due.due_date < today:
			done = rng.random() < 0.45
		else:
			done = False
		if done and last_day >= due.due_date:
			f["status"] = follow_ups.DONE
			f["completed_on"] = due.due_date + timedelta(days=rng.randint(0, (last_day - due.due_date).days))
			f["method"] = rng.choices(
				("Phone", "Email", "In Person", "Employer Verification"), (60, 20, 12, 8)
			)[0]
			if rng.random() < 0.06:
				f["outcome"] = follow_ups.UNABLE_TO_CONTACT
				f["attempts"] = [
					(
						f["completed_on"] - timedelta(days=2 * n),
						rng.choice(("Phone", "Email", "Letter / Survey")),
						0,
					)
					for n in (2, 1, 0)
				]
			else:
				spell = self.working_on(p, f["completed_on"])
				f["spell"] = spell
				if spell and spell.placement:
					f["outcome"] = follow_ups.SAME_EMPLOYER
				elif spell:
					f["outcome"] = follow_ups.OTHER_EMPLOYER
				else:
					f["outcome"] = pick(rng, NOT_WORKING)
		else:
			# the daily job: reminded before the due date, escalated once the window ended, missed
			# after `missed_after_days` (up to the day it last ran)
			ran = self.scheduler_ran
			if due.due_date - timedelta(days=self.reminder_days) <= ran and due.window_end >= due.due_date:
				f["reminded"] = at_hour(
					rng, max(due.due_date - timedelta(days=self.reminder_days), self.start), 6, 7
				)
			if due.window_end < ran:
				f["escalated"] = at_hour(rng, due.window_end + timedelta(days=1), 6, 7)
			if due.window_end < ran - timedelta(days=self.missed_after):
				f["status"] = follow_ups.MISSED
				f["notes"] = (
					f"Marked missed: the window ended on {due.window_end.isoformat()} with no outcome recorded"
				)
				f["attempts"] = [
					(due.due_date + timedelta(days=n), "Phone", 0) for n in range(rng.randint(0, 2))
				]
		if placement is not None:
			placement["followups"].append(f)
		self.all_follow_ups.append(f)

	# --- writing a participant's records -------------------------------------------------------

	def write_participant(self, p: dict, born: date, barriers: dict):
		rng, fake = self.rng, self.fake
		enrolled = p["enrolled"]
		losses = []
		if rng.random() < 0.4:
			for _n in range(rng.choices((1, 2, 3), (60, 30, 10))[0]):
				end = enrolled - timedelta(days=rng.randint(30, 900))
				losses.append(
					{
						"employer": fake.company(), "job_title": rng.choice(GENERAL_JOBS),
						"start_date": end - timedelta(days=rng.randint(30, 700)), "end_date": end,
						"reason": pick(rng, self.loss_reasons), "notes": None,
					}
				)  # fmt: skip
		indicators = {
			"grade_12_or_less": rng.random() < 0.35,
			"foreign_credentials": rng.random() < 0.12,
			"limited_work_experience": rng.random() < 0.3,
			"out_of_work_26_weeks": rng.random() < 0.4,
			"language_indicator": rng.random() < 0.1,
			"recent_labour_market_change": rng.random() < 0.08,
			"has_disability": rng.random() < 0.15,
			"indigenous": rng.random() < 0.05,
		}
		# the Participant's own options, in their order: Employment, Social assistance, Disability
		# support, Employment insurance, No income, Other
		income = rng.choices(_options("Participant", "source_of_income"), (15, 35, 10, 12, 22, 6))[0]
		record = {
			"age_indicator": suitability.age_indicator(born, enrolled),
			"poor_retention_history": suitability.poor_retention([l["end_date"] for l in losses]),
			"source_of_income": income,
			**indicators,
		}
		latest = self.latest_done(self.all_follow_ups)
		employment = self.employment_fields(latest)
		row = {
			"name": p["participant"], "naming_series": "PT-.YYYY.-", "first_name": p["first"],
			"last_name": p["last"], "full_name": p["full"], "date_of_birth": born,
			"email": f"{p['first']}.{p['last']}.{p['participant']}@participants.demo.employment-partners.invalid".lower().replace(" ", ""),
			"phone": fake.numerify("###-555-####"), "address_line": fake.street_address(),
			"city": fake.city(), "postal_code": fake.postcode(), "case_manager": p["cm"],
			"status": "Exited" if p["exit"] else "Active", "enrolment_date": enrolled, "exit_date": p["exit"],
			"target_occupation": rng.choice(GENERAL_JOBS + tuple(JOBS["Retail Trade"])),
			"target_hourly_wage": rng.choice((0, 17, 18, 20, 22, 25)),
			"employment_preference": rng.choices(("Either", "Full-time", "Part-time"), (50, 38, 12))[0],
			"max_hours_per_week": rng.choice((40, 40, 35, 30, 25, 20)),
			"available_day": 1, "available_evening": int(rng.random() < 0.45),
			"available_night": int(rng.random() < 0.15), "available_weekend": int(rng.random() < 0.4),
			"transport_mode": rng.choices(
				("Public transit", "Own vehicle", "Walk or bike", "Rides from others", "No reliable transport"),
				(45, 25, 12, 10, 8),
			)[0],
			"max_physical_demand": rng.choices(("", "Light", "Medium", "Heavy", "Very Heavy"), (40, 15, 25, 15, 5))[0],
			**{b: int(v) for b, v in barriers.items()},
			**{k: int(v) if k != "source_of_income" else v for k, v in record.items()},
			"suitability_count": suitability.indicator_count(record),
			"connected_to_staff": rng.randint(1, 4), "fear_of_not_succeeding": rng.randint(0, 4),
			**employment,
		}  # fmt: skip
		self.out.add("Participant", row, at=at_hour(rng, enrolled), by=p["cm"])
		self.out.children(
			"Program Enrolment", "Participant", p["participant"], "enrolments",
			[dict(row) for row in p["enrolments"]], at=enrolled,
		)  # fmt: skip
		self.out.children(
			"Participant Skill", "Participant", p["participant"], "skills",
			[{"skill": s} for s in rng.sample(self.skills, 3)], at=enrolled,
		)  # fmt: skip
		self.out.children(
			"Participant Job Loss", "Participant", p["participant"], "job_losses", losses, at=enrolled
		)

	def latest_done(self, candidates) -> dict | None:
		done = [f for f in candidates if f["status"] == follow_ups.DONE]
		return max(done, key=lambda f: f["completed_on"]) if done else None

	def employment_fields(self, f: dict | None) -> dict:
		if not f:
			return {
				"employment_status": None, "employment_status_date": None, "current_employer": None,
				"current_hourly_wage": 0,
			}  # fmt: skip
		employed = f["outcome"] in follow_ups.EMPLOYED
		return {
			"employment_status": f["outcome"],
			"employment_status_date": f["completed_on"],
			"current_employer": f["spell"].employer if employed else None,
			"current_hourly_wage": f["spell"].wage if employed else 0,
		}

	def write_placement(self, p: dict, pl: dict):
		rng = self.rng
		order, partnership = pl["order"], pl["partnership"]
		start, end = pl["start"], pl["end"]
		incentive, payments, bonuses = 0, [], []
		if rng.random() < (0.7 if order["type"] in self.time_limited else 0.1):
			incentive = min(
				rng.choice((1500, 2000, 3000, 4000, 5000)), int(self.settings.incentive_cap or 8000)
			)
			weeks = pl["weeks"] or rng.choice((8, 12, 16))
			for label, due in (
				("Start", start + timedelta(days=14)),
				("Completion", start + timedelta(days=7 * weeks)),
			):
				still = end is None or due <= end
				paid = due + timedelta(days=rng.randint(7, 30)) if still else None
				payments.append(
					{
						"milestone": label, "due_date": due, "amount": incentive / 2,
						"paid_on": paid if paid and paid < self.today else None,
						"voucher_type": None, "voucher_no": None,
					}
				)  # fmt: skip
		if self.bonus_days and rng.random() < 0.35:
			for days in self.bonus_days:
				due = start + timedelta(days=days)
				paid = due + timedelta(days=rng.randint(1, 10))
				reached = (end is None or due <= end) and paid < self.today
				bonuses.append(
					{
						"milestone_days": days, "due_date": due, "amount": float(self.settings.retention_bonus_amount or 100),
						"paid_on": paid if reached else None,
						"paid_how": rng.choice(("Gift Card", "Direct Deposit")) if reached else None,
						"voucher_type": None, "voucher_no": None,
					}
				)  # fmt: skip
		latest = self.latest_done(
			[
				f
				for f in self.all_follow_ups
				if f["placement"] is pl or (f["spell"] and f["spell"].placement is pl)
			]
		)
		prior = rng.random() < 0.6
		referral = self.out.namer.next("REF-.YYYY.-", start - timedelta(days=10))
		row = {
			"name": pl["name"], "naming_series": "PL-.YYYY.-", "participant": p["participant"],
			"participant_name": p["full"], "participant_label": p["label"], "case_manager": p["cm"],
			"referral": referral, "job_order": order["name"], "job_title": order["title"],
			"hiring_partnership": partnership.name, "employer_name": partnership.lead["org"],
			"start_date": start, "placement_type": order["type"], "hourly_wage": order["wage"],
			"hours_per_week": order["hours"],
			"employment_history": placement_rules.HAD_PRIOR_JOB if prior else "No prior job",
			"prior_employer": self.fake.company() if prior else None,
			"prior_job_title": rng.choice(GENERAL_JOBS) if prior else None,
			"prior_job_end_date": start - timedelta(days=rng.randint(60, 900)) if prior else None,
			"status": pl["status"], "end_date": end, "separation_reason": pl["reason"],
			"separation_notes": None, "incentive_amount": incentive,
			"incentive_paid": sum(x["amount"] for x in payments if x["paid_on"]),
			"training_plan": "Structured on-the-job training with a named supervisor" if incentive else None,
			"incentive_duration_weeks": (pl["weeks"] or 12) if incentive else 0,
			"skill_complexity": rng.choice(("Low", "Medium", "High")) if incentive else None,
			"follow_up_schedule": self.placement_schedule, "employer_review": 0, "employer_reported_end_date": None,
			"last_employer_confirmation": None,
			**self.employment_fields(latest),
		}  # fmt: skip
		if self.placement_programs:
			row["program"] = self.funding_program(p, start)
		made = at_hour(rng, start - timedelta(days=rng.randint(0, 5)))
		self.out.add("Placement", row, at=made, by=p["cm"])
		self.out.children(
			"Placement Incentive Payment", "Placement", pl["name"], "incentive_payments", payments, at=made
		)
		self.out.children(
			"Placement Retention Bonus", "Placement", pl["name"], "retention_bonuses", bonuses, at=made
		)
		self.write_referrals(p, pl, referral)
		self.write_issue(p, pl)
		self.write_coaching(p, pl)
		self.write_pulses(p, pl)
		self.write_feedback(p, pl)

	def write_referrals(self, p: dict, pl: dict, hired_name: str):
		rng, order, partnership = self.rng, pl["order"], pl["partnership"]
		referred = pl["start"] - timedelta(days=rng.randint(7, 28))
		base = {
			"participant": p["participant"], "participant_name": p["full"], "case_manager": p["cm"],
			"referred_by": partnership.lead["bsr"], "withdrawal_reason": None, "candidate_rating": 0,
			"employer_feedback": None, "match_parts": None, "decline_reason": None,
		}  # fmt: skip
		self.out.add(
			"Referral",
			{
				"name": hired_name, "naming_series": "REF-.YYYY.-", **base, "job_order": order["name"],
				"job_title": order["title"], "hiring_partnership": partnership.name,
				"employer_name": partnership.lead["org"], "status": "Hired", "referred_on": referred,
				"decided_on": pl["start"] - timedelta(days=rng.randint(1, 5)), "decision": "Accepted",
				"match_score": rng.randint(55, 95), "placement": pl["name"],
			},
			at=referred,
		)  # fmt: skip
		# others that came to nothing: declined by the employer or withdrawn
		for _ in range(rng.choices((0, 1, 2), (45, 40, 15))[0]):
			other = rng.choices(self.hiring, weights=self.hiring_weights)[0]
			orders = [o for o in other.orders if o["open_date"] <= referred]
			if not orders:
				continue
			target = orders[-1]
			status = rng.choices(("Declined by Employer", "Withdrawn"), (70, 30))[0]
			name = self.out.namer.next("REF-.YYYY.-", referred)
			self.out.add(
				"Referral",
				{
					"name": name, "naming_series": "REF-.YYYY.-", **base, "job_order": target["name"],
					"job_title": target["title"], "hiring_partnership": other.name,
					"employer_name": other.lead["org"], "status": status, "referred_on": referred,
					"decided_on": referred + timedelta(days=rng.randint(3, 14)),
					# a withdrawn one with a decided-on date had its offer first (patches/v1_5)
					"decision": "Declined" if status == "Declined by Employer" else "Accepted",
					"match_score": rng.randint(35, 85), "placement": None,
				}
				| (
					{"decline_reason": rng.choice(("Skills or experience gap", "Schedule", "Interview performance", "Position filled"))}
					if status == "Declined by Employer"
					else {"withdrawal_reason": "Took another offer"}
				),
				at=referred,
			)  # fmt: skip

	def write_issue(self, p: dict, pl: dict):
		rng = self.rng
		start, end = pl["start"], pl["end"]
		last = min(end or self.today, self.today - timedelta(days=1))
		lost = pl["status"] == placement_rules.ENDED
		if (last - start).days < 7:
			return
		# today's work: a current placement or two with a concern raised in the last three weeks
		# (always the first current one met), so the open-issue figures of a running agency show
		recent = end is None and (not self.recent_issue or rng.random() < 0.04)
		if not recent and rng.random() > (0.45 if lost else 0.07):
			return
		partnership = pl["partnership"]
		if recent and not self.recent_issue:
			# the first is reported as the day begins and awaits its acknowledgement: the case
			# manager's "Issues Awaiting Acknowledgement" has today's concern in it
			self.recent_issue = True
			reported = datetime.combine(self.today, datetime.min.time())
			portal = partnership.portal_user and rng.random() < 0.4
			self.record_issue(p, pl, reported, portal=portal, awaiting=True)
			return
		if recent:
			reported_day = max(start + timedelta(days=7), last - timedelta(days=rng.randint(0, 20)))
		elif lost:
			reported_day = max(start + timedelta(days=3), last - timedelta(days=rng.randint(3, 21)))
		else:
			reported_day = start + timedelta(days=rng.randint(7, (last - start).days))
		self.record_issue(
			p, pl, at_hour(rng, reported_day), portal=partnership.portal_user and rng.random() < 0.4
		)

	def closed_on(self, status: str, acknowledged, end, reported):
		"""When a closed issue was closed, as the app stamps it (Retention Issue Report.closed_on):
		a resolved one two weeks after it was acknowledged (never after today), a separation on the
		day the job ended (never before it was reported)."""
		if status == "Resolved" and acknowledged:
			return min(acknowledged + timedelta(days=14), datetime.combine(self.today, datetime.min.time()))
		if status == "Closed - Separated":
			return max(datetime.combine(end, datetime.min.time()), reported) if end else reported
		return None

	def record_issue(
		self, p: dict, pl: dict, reported: datetime, portal: bool, awaiting: bool = False
	) -> str:
		"""A retention issue about the placement, reported at `reported` (through the portal when
		`portal`: the employer's contact filed it), acknowledged and worked as the SLA says (or,
		`awaiting`, not acknowledged yet)."""
		rng, partnership = self.rng, pl["partnership"]
		end, lost = pl["end"], pl["status"] == placement_rules.ENDED
		reported_day = reported.date()
		kind = pick(rng, ISSUE_TYPES)
		acknowledged = reported + timedelta(hours=rng.choice((1, 2, 4, 8, 20, 30, 60)))
		if awaiting or acknowledged > datetime.combine(self.today, datetime.min.time()):
			acknowledged = None
		ack_due = issues.acknowledge_due(reported)
		if lost and end and (end - reported_day).days <= 30:
			status = "Closed - Separated"
		elif acknowledged is None:
			status = "New"
		elif (self.today - reported_day).days < 21:
			status = rng.choice(("Acknowledged", "Intervention Planned"))
		else:
			status = rng.choices(("Resolved", "Escalated"), (92, 8))[0]
		name = self.out.namer.next("RIR-.YYYY.-", reported_day)
		contact = partnership.contacts[0] if partnership.contacts else None
		lag = 20 if partnership.troubled else 5  # the longest the employer took to tell us
		self.out.add(
			"Retention Issue Report",
			{
				"name": name, "naming_series": "RIR-.YYYY.-", "placement": pl["name"],
				"participant": p["participant"], "participant_label": p["label"],
				"job_title": pl["order"]["title"], "case_manager": p["cm"],
				"hiring_partnership": partnership.name, "employer_name": partnership.lead["org"],
				"assigned_bsr": partnership.lead["bsr"], "status": status,
				"reported_by_type": "Employer Contact" if portal or rng.random() < 0.7 else "Staff",
				"reporter_contact": contact[0] if contact else None,
				"reported_by_user": partnership.portal_user if portal else p["cm"],
				"channel": "Portal" if portal else rng.choice(("Phone", "Email", "In Person")),
				"reported_on": reported, "issue_type": kind,
				"severity": rng.choices(("Low", "Medium", "High", "Critical"), (25, 45, 23, 7))[0],
				"incident_start": reported_day - timedelta(days=rng.randint(0, lag)), "incident_end": None,
				"description": f"{kind} concern raised by the supervisor: {self.fake.sentence(nb_words=10)}",
				"acknowledge_due": ack_due, "acknowledged_on": acknowledged,
				"acknowledged_by": p["cm"] if acknowledged else None,
				"sla_breached": int(bool(acknowledged and acknowledged > ack_due)),
				"breach_notified_on": ack_due if acknowledged and acknowledged > ack_due else None,
				"resolution": "Back on track after coaching and a schedule change" if status == "Resolved" else None,
				"separation_reason": pl["reason"] if status == "Closed - Separated" else None,
				"separation_date": end if status == "Closed - Separated" else None,
				"acknowledge_hours": issues.acknowledge_hours(reported, acknowledged) if acknowledged else None,
				"closed_on": self.closed_on(status, acknowledged, end, reported),
			},
			at=reported,
			by=partnership.portal_user if portal else p["cm"],
		)  # fmt: skip
		if acknowledged:
			interventions = [
				{
					"intervention_type": INTERVENTION.get(
						kind, rng.choice(("Job Coaching", "Employer Mediation", "Schedule Change"))
					),
					"service_partner": None,
					"service_referral": None,
					"intervention_date": (acknowledged + timedelta(days=1)).date(),
					"owner_user": p["cm"],
					"outcome": "Agreed a plan with the participant and the supervisor",
				}
			]
			service = ISSUE_SERVICE.get(kind)
			if service and service in self.service_partners:
				referral = self.write_service_referral(p, pl, service, acknowledged.date(), name)
				interventions[0]["service_referral"] = referral
				interventions[0]["service_partner"] = self.last_service_partner
			self.out.children(
				"Retention Intervention",
				"Retention Issue Report",
				name,
				"interventions",
				interventions,
				at=acknowledged,
			)
		return name

	def make_service_partners(self):
		self.service_partners = defaultdict(list)
		have = set(frappe.get_all("Service Partner", pluck="name"))
		for category in self.categories:
			for _ in range(2):
				name = f"{self.fake.last_name()} {category} Services"
				if name in have or name in self.names:
					continue
				self.names.add(name)
				self.out.add(
					"Service Partner",
					{
						"name": name, "partner_name": name, "active": 1, "contact": None,
						"service_area": f"{self.fake.city()} and area",
						"eligibility_notes": "Referral from the agency; no fee",
					},
				)  # fmt: skip
				self.out.children(
					"Service Partner Category",
					"Service Partner",
					name,
					"categories",
					[{"category": category}],
				)
				self.service_partners[category].append(name)

	def write_service_referral(
		self, p: dict, pl: dict | None, category: str, on: date, issue: str | None
	) -> str:
		rng = self.rng
		self.last_service_partner = rng.choice(self.service_partners[category])
		age = (self.today - on).days
		status = (
			"Referred"
			if age < 7
			else rng.choices(("Connected", "Service Received", "Closed", "Not Connected"), (20, 45, 20, 15))[
				0
			]
		)
		name = self.out.namer.next("SR-.YYYY.-", on)
		self.out.add(
			"Service Referral",
			{
				"name": name, "naming_series": "SR-.YYYY.-", "participant": p["participant"],
				"participant_name": p["full"], "case_manager": p["cm"], "placement": pl["name"] if pl else None,
				"retention_issue": issue, "category": category, "sensitive": int(bool(self.categories.get(category))),
				"service_partner": self.last_service_partner, "referred_on": on, "referred_by": p["cm"],
				"status": status, "connected_on": on + timedelta(days=rng.randint(2, 10)) if status in ("Connected", "Service Received", "Closed") else None,
				"not_connected_reason": "Could not reach the service in time" if status == "Not Connected" else None,
				"next_check_date": on + timedelta(days=14) if status == "Referred" else None,
				"outcome_notes": None,
			},
			at=on,
			by=p["cm"],
		)  # fmt: skip
		return name

	def write_coaching(self, p: dict, pl: dict):
		rng = self.rng
		if rng.random() > 0.2:
			return
		for n in range(rng.randint(1, 3)):
			day = pl["start"] + timedelta(days=7 + 14 * n + rng.randint(0, 6))
			if day >= self.today or (pl["end"] and day > pl["end"]):
				break
			financial = rng.random() < 0.15
			self.out.add(
				"Coaching Session",
				{
					"name": self.out.namer.next("CS-.YYYY.-", day), "naming_series": "CS-.YYYY.-",
					"participant": p["participant"], "participant_name": p["full"], "placement": pl["name"],
					"coach": p["cm"], "kind": "Financial Coaching" if financial else "Job Coaching",
					"session_date": day, "minutes": rng.choice((30, 45, 60)),
					"mode": rng.choice(("In Person", "Phone", "Video")),
					"topics": "Budgeting and savings" if financial else "Settling in, hours and transport",
					"next_steps": "Check in after the next pay day", "next_session_date": None,
					"shares_financial_details": int(financial), "banked": rng.choice(("Banked", "Unbanked")) if financial else None,
					"savings_goal": 500 if financial else 0, "savings_so_far": rng.choice((0, 50, 120)) if financial else 0,
					"credit_building": None,
				},
				at=day,
				by=p["cm"],
			)  # fmt: skip

	def write_pulses(self, p: dict, pl: dict):
		"""The employer pulse, for partnerships that use it: weekly in the first 30 days, monthly to
		180, over the last 200 days; one question awaits an answer at a time."""
		partnership, rng = pl["partnership"], self.rng
		if not (partnership.pulse_enabled and partnership.portal_user):
			return
		link_days = int(self.settings.pulse_link_days or 14)
		day, last = (
			pl["start"] + timedelta(days=7),
			min(self.today - timedelta(days=1), pl["end"] or self.today),
		)
		while day <= last:
			age = (day - pl["start"]).days
			interval = pulse_rules.interval_days(
				age, pulse_rules.WEEKLY_UNTIL_DAYS, pulse_rules.MONTHLY_UNTIL_DAYS
			)
			if interval is None:
				break
			if day >= self.today - timedelta(days=200):
				sent = at_hour(rng, day, 7, 8)
				expires = sent + timedelta(days=link_days)
				answer, answered, status, ended, issue = None, None, "Expired", None, None
				if rng.random() < 0.72:
					answered = sent + timedelta(hours=rng.choice((1, 3, 6, 20, 30, 70)))
					if answered.date() >= self.today:
						answered = None
				if answered:
					status = "Answered"
					if pl["end"] and pl["end"] <= answered.date() + timedelta(days=14):
						answer, ended = "No Longer Employed", pl["end"]
					else:
						answer = "All Good" if rng.random() < 0.9 else "Concern"
					if answer == "Concern":  # the answer files a retention issue (portal/pulse.py)
						issue = self.record_issue(p, pl, answered, portal=True)
				elif expires.date() >= self.today:
					status = "Awaiting Answer"
				self.out.add(
					"Employer Pulse",
					{
						"name": self.out.namer.next("EPU-.YYYY.-", day), "naming_series": "EPU-.YYYY.-",
						"placement": pl["name"], "participant_label": p["label"], "job_title": pl["order"]["title"],
						"hiring_partnership": partnership.name, "employer_name": partnership.lead["org"],
						"recipient_email": partnership.portal_user, "contact": partnership.contacts[0][0],
						"status": status, "sent_on": sent, "expires_on": expires, "reminded_on": None,
						"bsr_notified_on": None, "answer": answer, "answered_on": answered,
						"response_hours": arithmetic.hours((answered - sent).total_seconds() / 3600) if answered else None,
						"reported_end_date": ended, "end_reason": "Left the job" if ended else None,
						"retention_issue": issue,
						"token_hash": hashlib.sha256(f"{pl['name']}{day}".encode()).hexdigest(),
					},
					at=sent,
				)  # fmt: skip
				if status == "Awaiting Answer" or answer == "No Longer Employed":
					break
			day += timedelta(days=interval)

	def write_feedback(self, p: dict, pl: dict):
		rng, partnership = self.rng, pl["partnership"]
		day = pl["start"] + timedelta(days=90 + rng.randint(0, 14))
		if day >= self.today or rng.random() > 0.12:
			return
		satisfaction = rng.choices(
			(1, 2, 3, 4, 5), (25, 35, 25, 10, 5) if partnership.troubled else (3, 7, 20, 40, 30)
		)[0]
		self.out.add(
			"Employer Feedback",
			{
				"name": self.out.namer.next("EF-.YYYY.-", day), "naming_series": "EF-.YYYY.-",
				"hiring_partnership": partnership.name, "employer_name": partnership.lead["org"],
				"placement": pl["name"], "milestone": "90 Days", "received_on": day,
				"channel": rng.choice(("Phone", "Email", "Portal", "Survey")),
				"contact": partnership.contacts[0][0] if partnership.contacts else None,
				"satisfaction": satisfaction,
				"would_hire_again": "Yes" if satisfaction >= 4 else rng.choice(("No", "Not Sure")),
				"comments": self.fake.sentence(nb_words=12),
			},
			at=day,
		)  # fmt: skip

	def write_follow_up(self, f: dict):
		rng, p, pl, due, enrolment = self.rng, f["p"], f["placement"], f["due"], f["enrolment"]
		employed = f["outcome"] in follow_ups.EMPLOYED
		spell = f["spell"]
		name = self.out.namer.next("RFU-.YYYY.-", due.due_date)
		made_on = pl["start"] if pl else enrolment.exit_date
		open_ = f["status"] == follow_ups.OPEN
		source = rng.choice(("Pay Stub", "Self-Report", "Employer Verification")) if employed else None
		employed_from = employed_to = f["completed_on"] if employed else None
		if source == "Pay Stub" and rng.random() < 0.7:
			# the pay period the stub covers: the two weeks to a pay day in the week before it was
			# gathered, inside the job (never after the day done: follow_ups.evidence_problem)
			employed_to = max(spell.start, f["completed_on"] - timedelta(days=rng.randint(0, 6)))
			employed_from = max(spell.start, employed_to - timedelta(days=13))
		row = {
			"name": name, "naming_series": "RFU-.YYYY.-", "placement": pl["name"] if pl else None,
			"participant": p["participant"], "participant_name": p["full"], "case_manager": p["cm"],
			"hiring_partnership": pl["partnership"].name if pl else None,
			"employer_name": pl["partnership"].lead["org"] if pl else None,
			"job_title": pl["order"]["title"] if pl else None, "label": due.label,
			"program": enrolment.program if enrolment else None,
			"program_enrolment": enrolment.name if enrolment else None,
			"follow_up_schedule": f["schedule"], "anchor": due.anchor, "status": f["status"],
			"due_date": due.due_date, "window_end": due.window_end, "reminder_sent_on": f["reminded"],
			"escalated_on": f["escalated"], "escalated_to": self.supervisor if f["escalated"] else None,
			"contact_method": f["method"], "outcome": f["outcome"],
			"current_employer": spell.employer if employed else None, "completed_on": f["completed_on"],
			"hourly_wage": spell.wage if employed else 0, "hours_per_week": spell.hours if employed else 0,
			"verification_source": source, "employed_from": employed_from, "employed_to": employed_to,
			"notes": f["notes"], "schedule_row_id": due.row_id,
			"employer_placement": spell.placement["name"] if employed and spell.placement else None,
			"employer_partnership": spell.placement["partnership"].name if employed and spell.placement else None,
			"outcome_milestone": due.outcome_milestone or None,
			"_assign": json.dumps([p["cm"]]) if open_ else None,
		}  # fmt: skip
		self.out.add("Retention Follow-up", row, at=at_hour(rng, made_on, 6, 7))
		self.out.children(
			"Follow-up Attempt", "Retention Follow-up", name, "attempts",
			[{"attempted_on": at_hour(rng, d), "method": m, "reached": r, "notes": None} for d, m, r in f["attempts"]],
		)  # fmt: skip
		if open_:
			self.out.add(
				"ToDo",
				{
					"name": self.out.namer.child(),
					"status": "Open", "priority": "Medium", "date": due.due_date, "allocated_to": p["cm"],
					"description": f"{p['full']}: {due.label}", "reference_type": "Retention Follow-up",
					"reference_name": name, "assigned_by": "Administrator",
				},
				at=at_hour(rng, made_on, 6, 7),
			)  # fmt: skip

	# --- employers, written once the placements are known --------------------------------------

	def name_partnerships(self):
		"""Partnership names first (placements link to them); dates are settled in write_employers."""
		for partnership in self.partnerships:
			lead = partnership.lead
			partnership.start = lead["created"] + timedelta(days=self.rng.randint(40, 120))
			partnership.name = self.out.namer.next("HP-.YYYY.-", min(partnership.start, self.today))
			self.make_contacts(partnership)

	def make_contacts(self, partnership: Partnership):
		rng, fake = self.rng, self.fake
		domain = (
			"".join(c for c in partnership.lead["org"].lower() if c.isalnum())[:24]
			+ ".demo.employment-partners.invalid"
		)
		for _n in range(rng.choice((1, 2))):
			first, last = fake.first_name(), fake.last_name()
			email = f"{first}.{last}@{domain}".lower().replace(" ", "")
			name = f"{first} {last}"
			while name in self.names or frappe.db.exists("Contact", name):
				name = f"{first} {last}-{len(self.names)}"
			self.names.add(name)
			partnership.contacts.append((name, email, first, last))
		if partnership.weight:  # hiring partnerships sign in to the portal
			partnership.portal_user = partnership.contacts[0][1]

	def write_employers(self):
		rng = self.rng
		for lead in self.leads:
			partnership: Partnership | None = lead.get("partnership")
			if partnership:
				# the partnership came before its first job order, the lead before the partnership
				first_order = min((o["open_date"] for o in partnership.orders), default=None)
				if first_order and first_order - timedelta(days=7) < partnership.start:
					partnership.start = first_order - timedelta(days=rng.randint(7, 30))
				if lead["created"] > partnership.start - timedelta(days=30):
					lead["created"] = partnership.start - timedelta(days=rng.randint(30, 90))
				if lead["stage"] == stages.MATCH:
					self.open_order(partnership)
			self.write_lead(lead)
		# the portal logins after their contacts are in the table: Frappe's user creation makes a
		# contact only for an email no contact has yet (frappe.core.doctype.user.user.create_contact)
		self.out.flush("Contact")
		self.out.flush("Contact Email")
		for email, first, last in self.portal_logins:
			self.make_user(email, first, last, [EMPLOYER], website=True)

	def open_order(self, partnership: Partnership):
		day = max(partnership.start + timedelta(days=7), self.today - timedelta(days=self.rng.randint(3, 60)))
		order = self.order_for(partnership, min(day + timedelta(days=40), self.today + timedelta(days=30)))
		order["open_date"] = min(order["open_date"], self.today)
		order["status"] = "Open"

	def stage_path(self, lead: dict) -> list[tuple[str, date, str | None]]:
		"""(stage, day entered, automatic event) from Prospect to the lead's stage."""
		rng, stage = self.rng, lead["stage"]
		partnership: Partnership | None = lead.get("partnership")
		last_stage = stage
		if stage == stages.LOST:
			last_stage = rng.choice(stages.STAGES[:4])
		steps = list(stages.STAGES[: stages.STAGES.index(last_stage) + 1])
		days = {stages.PROSPECT: lead["created"]}
		if partnership:
			days[stages.SOURCE] = partnership.start
			first_order = min((o["open_date"] for o in partnership.orders), default=None)
			if first_order:
				days[stages.MATCH] = max(first_order, partnership.start)
			if partnership.first_placement:
				days[stages.FEEDBACK] = max(
					partnership.first_placement + timedelta(days=30),
					days.get(stages.MATCH, partnership.start),
				)
		path, previous = [], lead["created"]
		for n, step in enumerate(steps):
			if step in days:
				day = max(days[step], previous)
			else:
				ceiling = min((d for s, d in days.items() if stages.STAGES.index(s) > n), default=self.today)
				room = max(0, (min(ceiling, self.today) - previous).days)
				day = previous + timedelta(days=rng.randint(0, min(room, 45)) if room else 0)
			day = min(day, self.today)
			event = (
				{stages.MATCH: "Job order created", stages.FEEDBACK: "Placement passed 30 days"}.get(step)
				if partnership
				else None
			)
			path.append((step, day, event))
			previous = day
		if stage == stages.LOST:
			path.append((stages.LOST, min(previous + timedelta(days=rng.randint(7, 60)), self.today), None))
		return path

	def write_lead(self, lead: dict):
		rng, fake = self.rng, self.fake
		partnership: Partnership | None = lead.get("partnership")
		path = self.stage_path(lead)
		name = self.out.namer.next("EL-.YYYY.-", lead["created"])
		lead["name"] = name
		values = dict(lead["flags"])
		values["pays_living_wage"] = fit.pays_living_wage(
			lead["wage"], self.settings.living_wage_hourly or 20
		)
		score, _parts = fit.fit_score(values)
		website = "".join(c for c in lead["org"].lower() if c.isalnum())[:24] + ".example"
		interactions = self.interactions(lead, partnership, path)
		last_contact = max((i["interaction_date"].date() for i in interactions), default=None)
		stage_changed = path[-1][1]
		row = {
			"name": name, "naming_series": "EL-.YYYY.-", "organisation_name": lead["org"], "legal_name": None,
			"ein": None, "website": website, "domain": organisations.domain_of(website),
			"industry": lead["industry"], "size_band": lead["size"],
			"normalized_name": organisations.normalize_name(lead["org"]), "stage": lead["stage"],
			"stage_changed_on": at_hour(rng, stage_changed), "stage_change_note": None,
			"lost_reason": "No roles that fit our participants this year" if lead["stage"] == stages.LOST else None,
			"lead_source": rng.choice(("Referral", "Labour-Market Data", "Economic-Development Agency", "Event", "Walk-in", "Alumni")),
			"assigned_bsr": lead["bsr"], "assigned_bsr_name": self.full_names[lead["bsr"]],
			"next_follow_up_date": (last_contact or lead["created"]) + timedelta(days=14) if lead["stage"] != stages.LOST else None,
			"last_contact_date": last_contact, "hiring_partnership": partnership.name if partnership else None,
			"typical_hourly_wage": lead["wage"], **{k: int(v) for k, v in values.items()},
			"fit_score": score,
			"presented_placement_incentive": int(len(path) > 2),
			"presented_wotc": int(rng.random() < 0.4), "presented_federal_bonding": int(rng.random() < 0.2),
			"presented_retention_services": int(partnership is not None),
			"business_case_date": path[2][1] if len(path) > 2 else None, "not_a_duplicate": 0,
			"notes": fake.paragraph(nb_sentences=2),
		}  # fmt: skip
		self.out.add("Employer Lead", row, at=at_hour(rng, lead["created"]), by=lead["bsr"])
		history = []
		for (before, before_day, _e), (after, day, event) in itertools.pairwise(path):
			history.append(
				{
					"from_stage": before, "to_stage": after, "changed_on": at_hour(rng, day),
					"changed_by": lead["bsr"] if not event else "Administrator",
					"days_in_previous_stage": float((day - before_day).days), "is_skip": 0,
					"is_automatic": int(bool(event)), "note": None, "automatic_event": event,
					"event_source": None,
				}
			)  # fmt: skip
		self.out.children(
			"Employer Lead Stage History", "Employer Lead", name, "stage_history", history, at=lead["created"]
		)
		if partnership:
			self.write_partnership(lead, partnership, last_contact)
		for interaction in interactions:
			self.out.add(
				"Employer Interaction", interaction, at=interaction["interaction_date"], by=lead["bsr"]
			)

	def interactions(self, lead: dict, partnership, path) -> list[dict]:
		rng = self.rng
		count = 1 + 2 * len(path) + (min(24, partnership.placements // 5) if partnership else 0)
		begin = lead["created"]
		span = max(1, (min(self.today, path[-1][1] + timedelta(days=120)) - begin).days)
		days = [begin + timedelta(days=rng.randint(0, span - 1)) for _ in range(count)]
		if partnership and partnership.weight and (not self.contacted_today or rng.random() < 0.15):
			# today's work: reps are in touch with some hiring partnerships today (always one)
			self.contacted_today = True
			days.append(self.today)
		made = []
		for day in days:
			when = at_hour(rng, day, 8, 9) if day == self.today else at_hour(rng, day)
			if day > self.today:
				continue
			inbound = rng.random() < 0.3
			needs_reply = inbound and rng.random() < 0.6
			replied = when + timedelta(hours=rng.choice((1, 3, 6, 20, 26, 50))) if needs_reply else None
			if replied and replied.date() >= self.today:
				replied = None
			kind = rng.choices(("Call", "Email", "Meeting", "Site Visit", "Event"), (35, 35, 15, 10, 5))[0]
			made.append(
				{
					"name": self.out.namer.next("EI-.YYYY.-", when), "naming_series": "EI-.YYYY.-",
					"employer_lead": lead["name"], "hiring_partnership": partnership.name if partnership else None,
					"employer_name": lead["org"],
					"contact": partnership.contacts[0][0] if partnership and partnership.contacts else None,
					"interaction_type": kind, "direction": "Inbound" if inbound else "Outbound",
					"interaction_date": when, "staff_member": lead["bsr"],
					"summary": f"{kind}: {self.fake.sentence(nb_words=8)}", "needs_reply": int(needs_reply),
					"replied_on": replied,
					"response_hours": arithmetic.hours((replied - when).total_seconds() / 3600) if replied else None,
					"reply_due_on": when + timedelta(hours=int(self.settings.reply_sla_hours or 24)) if needs_reply else None,
				}
			)  # fmt: skip
		return made

	def write_partnership(self, lead: dict, partnership: Partnership, last_contact):
		rng = self.rng
		status = (
			rng.choices(("Active", "Paused", "Ended"), (88, 7, 5))[0] if not partnership.weight else "Active"
		)
		self.out.add(
			"Hiring Partnership",
			{
				"name": partnership.name, "naming_series": "HP-.YYYY.-", "partner_name": lead["org"],
				"legal_name": None, "ein": None, "website": None, "domain": None,
				"industry": lead["industry"], "size_band": lead["size"],
				"normalized_name": organisations.normalize_name(lead["org"]), "status": status,
				"tier": "Top Partner" if partnership.placements >= 50 else rng.choices(("Standard", "Probation"), (92, 8))[0],
				"assigned_bsr": lead["bsr"], "employer_lead": lead["name"],
				"agreement_start": partnership.start, "agreement_end": None,
				"communication_preference": rng.choice(("Email", "Phone", "Portal")),
				"primary_contact": partnership.contacts[0][0], "last_contact_date": last_contact,
				"next_check_in_date": (last_contact or partnership.start) + timedelta(days=int(self.settings.partnership_check_in_days or 30)),
				"median_response_hours": 0, "problematic_employer": 0, "problematic_reason": None,
				"pulse_enabled": int(partnership.pulse_enabled), "pulse_weekly_until_days": 0, "pulse_monthly_until_days": 0,
				# the figures other records give: refresh_figures, by the app's own code, once they are in
				"pulse_response_rate": 0, "pulse_median_hours": 0,
				"not_a_duplicate": 0, "notes": None,
				"accepted_referral_rate": 0,
			},
			at=at_hour(rng, partnership.start),
			by=lead["bsr"],
		)  # fmt: skip
		if partnership.portal_user:
			self.out.children(
				"Hiring Partnership Portal User", "Hiring Partnership", partnership.name, "portal_users",
				[{"user": partnership.portal_user, "contact": partnership.contacts[0][0], "invited_on": at_hour(rng, partnership.start)}],
			)  # fmt: skip
		for n, (contact, email, first, last) in enumerate(partnership.contacts):
			portal = email == partnership.portal_user
			self.out.add(
				"Contact",
				{
					"name": contact, "first_name": first, "last_name": last, "full_name": f"{first} {last}",
					"email_id": email, "phone": self.fake.numerify("###-555-####"), "mobile_no": None,
					"designation": rng.choice(("HR Manager", "Store Manager", "Operations Supervisor", "Recruiter")),
					"company_name": lead["org"], "status": "Passive", "is_primary_contact": int(n == 0),
					"user": email if portal else None,
				},
				at=partnership.start,
			)  # fmt: skip
			self.out.children(
				"Contact Email", "Contact", contact, "email_ids", [{"email_id": email, "is_primary": 1}]
			)
			self.out.children(
				"Dynamic Link", "Contact", contact, "links",
				[
					{"link_doctype": "Employer Lead", "link_name": lead["name"], "link_title": lead["org"]},
					{"link_doctype": "Hiring Partnership", "link_name": partnership.name, "link_title": lead["org"]},
				],
			)  # fmt: skip
			if portal:
				self.portal_logins.append((email, first, last))

	def write_orders(self):
		rng = self.rng
		for partnership in self.partnerships:
			for order in partnership.orders:
				status = order.get("status")
				if not status:
					if order["filled"] >= order["openings"]:
						status = "Filled"
					elif (self.today - order["last_start"]).days > 60:
						status = "Closed"
					else:
						status = rng.choices(("Open", "On Hold"), (90, 10))[0]
				order_type = order["type"]
				self.out.add(
					"Job Order",
					{
						"name": order["name"], "naming_series": "JO-.YYYY.-", "hiring_partnership": partnership.name,
						"employer_name": partnership.lead["org"], "employer_lead": partnership.lead["name"],
						"assigned_bsr": partnership.lead["bsr"], "job_title": order["title"], "status": status,
						"openings": order["openings"], "filled": order["filled"], "open_date": order["open_date"],
						"close_date": order["last_start"] if status in ("Filled", "Closed") else None,
						"desired_start_date": order["open_date"] + timedelta(days=21), "placement_type": order_type,
						"employment_type": "Full-time" if order["hours"] >= 35 else "Part-time",
						"hourly_wage": order["wage"], "hours_per_week": order["hours"], "shift": order["shift"],
						"schedule_details": None, "incentive_offered": 0,
						"physical_demand": rng.choices(("Sedentary", "Light", "Medium", "Heavy"), (10, 35, 40, 15))[0],
						"physical_demand_notes": None,
						"background_check": rng.choices(("None", "Fair-chance (individual assessment)", "Required, disqualifying"), (40, 50, 10))[0],
						"location": self.fake.city(), "transit_accessible": int(partnership.lead["flags"]["transit_access"]),
						"requires_own_vehicle": 0, "offers_benefits": int(partnership.lead["flags"]["offers_benefits"]),
						"benefits": None, "career_pathway": None, "description": None,
					},
					at=at_hour(rng, order["open_date"]),
					by=partnership.lead["bsr"],
				)  # fmt: skip
				self.out.children(
					"Job Order Skill",
					"Job Order",
					order["name"],
					"required_skills",
					[{"skill": s} for s in order["skills"]],
				)

	def make_events(self):
		rng = self.rng
		hiring = sorted(self.hiring, key=lambda p: -p.placements)[:40]
		year = self.start.year
		while year <= self.today.year:
			for month, kind in ((4, "Networking Brunch/Coffee"), (11, "Annual Appreciation")):
				day = date(year, month, rng.randint(8, 24))
				if not (self.start <= day < self.today + timedelta(days=60)):
					continue
				name = self.out.namer.next("EAE-.YYYY.-", day)
				invitees = []
				for partnership in hiring:
					rsvp = (
						rng.choices(("Yes", "No", "Maybe", "Pending"), (55, 20, 15, 10))[0]
						if day < self.today
						else "Pending"
					)
					attended = int(day < self.today and rsvp == "Yes" and rng.random() < 0.85)
					invitees.append(
						{
							"hiring_partnership": partnership.name, "contact": partnership.contacts[0][0],
							"invited_on": day - timedelta(days=30), "rsvp": rsvp, "attended": attended,
							"gift_given": attended, "gift_description": "Certificate of appreciation" if attended else None,
						}
					)  # fmt: skip
				self.out.add(
					"Employer Appreciation Event",
					{
						"name": name, "naming_series": "EAE-.YYYY.-", "event_name": f"{kind} {year}", "event_type": kind,
						"event_date": day, "venue": f"{self.fake.city()} Community Hall", "budget": 2500 if month == 11 else 600,
						"invited_count": len(invitees), "attended_count": sum(i["attended"] for i in invitees),
					},
					at=day - timedelta(days=45),
				)  # fmt: skip
				self.out.children(
					"Employer Appreciation Invitee", "Employer Appreciation Event", name, "invitees", invitees
				)
			year += 1

	def make_allocations(self):
		"""A budget for each calendar year of the history, through the controller (which refuses
		overlapping years), sized from what the site's placements commit in it: the employer
		incentives and the bonuses of the placements started that year, scaled to the whole year
		where the history covers part of it, plus a fifth (an agency budgets a little more than it
		expects to spend), rounded up to 5,000 and 500.  So % spent reads as an agency's would,
		part-way through this year and most of the way through a past one.

		A year the demo already gave an allocation of that very calendar year (its "FY 2026") is
		that allocation: it is raised to the budget (the demo's story and the generated agency
		spend from one allocation), never made twice; a year partly covered by another allocation
		(a fiscal year from April) is left as it is."""
		first = self.start
		committed = {
			int(row.year): row
			for row in frappe.db.sql(
				"""
				select year(p.start_date) as year, ifnull(sum(p.incentive_amount), 0) as incentives,
					ifnull(sum((select sum(b.amount) from `tabPlacement Retention Bonus` b
						where b.parenttype = 'Placement' and b.parent = p.name)), 0) as bonuses
				from `tabPlacement` p
				where p.start_date between %(first)s and %(today)s
				group by year(p.start_date)
				""",
				{"first": first, "today": self.today},
				as_dict=True,
			)
		}
		for year in range(first.year, self.today.year + 1):
			start, end = date(year, 1, 1), date(year, 12, 31)
			covered = (min(end, self.today) - max(start, first)).days + 1
			row = committed.get(year) or frappe._dict(incentives=0, bonuses=0)
			incentives = budget(float(row.incentives) * 365 / covered, 5000)
			bonuses = budget(float(row.bonuses) * 365 / covered, 500)
			existing = incentive_allocation.overlapping(start, end)
			if existing:
				doc = frappe.get_doc("Incentive Allocation", existing)
				if (getdate(doc.year_start), getdate(doc.year_end)) == (start, end):
					doc.employer_incentive_allocation = max(doc.employer_incentive_allocation, incentives)
					doc.participant_bonus_allocation = max(doc.participant_bonus_allocation, bonuses)
					doc.save(ignore_permissions=True)
				continue
			frappe.get_doc(
				{
					"doctype": "Incentive Allocation", "fiscal_year": f"FY {year}", "year_start": start,
					"year_end": end, "employer_incentive_allocation": incentives,
					"participant_bonus_allocation": bonuses,
				}
			).insert(ignore_permissions=True)  # fmt: skip

	def refresh_figures(self):
		"""The partnerships' and leads' figures that follow from other records, computed by the
		app's own functions once every row is in (as their controllers and the daily job set them)."""
		for partnership in self.partnerships:
			frappe.db.set_value(
				"Hiring Partnership",
				partnership.name,
				{
					"accepted_referral_rate": placement_metrics.accepted_referral_rate(partnership.name) or 0,
					"median_response_hours": engagement.median_employer_response_hours(partnership.name) or 0,
					"last_contact_date": engagement.last_contact_date("Hiring Partnership", partnership.name),
				},
				update_modified=False,
			)
		pulse_metrics.store_response_figures(
			self.today, [p.name for p in self.partnerships if p.pulse_enabled]
		)

	# --- the whole agency ----------------------------------------------------------------------

	def make(self) -> Counter:
		self.load_lookups()
		self.make_skills()
		self.make_staff()
		self.make_service_partners()
		self.make_employers()
		self.name_partnerships()
		self.make_participants()
		self.write_employers()
		self.write_orders()
		self.make_events()
		self.finish_staff()
		self.out.close()
		self.make_allocations()
		self.refresh_figures()
		self.score_early_warning()
		return self.out.counts

	def score_early_warning(self):
		"""What the scheduler would have kept of the early warning: each Monday of the last 26
		weeks scored with the model a training would have had then (retrained every fourth week
		here, weekly by the scheduler: at 100,000 placements weekly would take a quarter of an
		hour), then a model trained on the last day and its scores."""
		from employment_partners.early_warning import scoring

		scoring.backfill(EARLY_WARNING_WEEKS, self.config.today, retrain_every=4)
		scoring.train(self.config.today)
		scoring.refresh(self.config.today)
		self.out.counts[scoring.RISK] = frappe.db.count(scoring.RISK)
		self.out.counts[scoring.MODEL] = frappe.db.count(scoring.MODEL)


EARLY_WARNING_WEEKS = 26


def _options(doctype: str, fieldname: str) -> list[str]:
	"""A Select field's options as the doctype declares them, without the empty one."""
	return [o for o in (frappe.get_meta(doctype).get_options(fieldname) or "").split("\n") if o]


def already_made() -> bool:
	return bool(frappe.db.exists("User", DIRECTOR))


def make(config: Config) -> Counter | None:
	"""Generate the agency into the site, in one transaction; None if it is there already."""
	if already_made():
		return None
	frappe.flags.mute_emails = True
	frappe.flags.in_import = True
	counts = Agency(config).make()
	frappe.clear_cache()
	jobs.run_queued()  # commits; the users' contacts are made by a worker, as for any new user
	return counts
