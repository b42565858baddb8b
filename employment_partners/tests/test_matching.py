"""Match scores: the parts on their own (pure), then the ranking on a small hand-checked fixture."""

import random

import frappe

from employment_partners.api import hiring as api
from employment_partners.matching import candidates
from employment_partners.matching.score import DEMANDS, JobFacts, PersonFacts, score
from employment_partners.tests import EPTestCase
from employment_partners.tests.factories import (
	make_job_order,
	make_participant,
	make_placement,
	make_referral,
	make_skill,
	make_user,
)


def parts_of(result) -> dict[str, int]:
	return {p["key"]: p["points"] for p in result["parts"]}


class TestScoreParts(EPTestCase):
	def test_perfect_match_scores_100(self):
		total, parts = score(
			JobFacts(required_skills=2, transit_accessible=True), PersonFacts(matched_skills=2)
		)
		self.assertEqual(total, 100)
		self.assertEqual(
			[p.key for p in parts], ["skills", "schedule", "transport", "physical", "wage", "retention"]
		)
		self.assertEqual(sum(p.max_points for p in parts), 100)

	def test_rotating_shift_needs_day_evening_and_night(self):
		job = JobFacts(shift="Rotating")
		_total, parts = score(job, PersonFacts(available_day=True, available_evening=True))
		self.assertEqual(parts[1].points, 5)
		self.assertIn("not available for the Rotating shift", parts[1].why)
		_total, parts = score(
			job, PersonFacts(available_day=False, available_evening=True, available_night=True)
		)
		self.assertEqual(parts[1].points, 5)
		_total, parts = score(
			job, PersonFacts(available_evening=True, available_night=True, available_day=True)
		)
		self.assertEqual(parts[1].points, 15)

	def test_transport(self):
		def points(job, mode):
			return score(job, PersonFacts(transport_mode=mode))[1][2].points

		needs_car = JobFacts(requires_own_vehicle=True, transit_accessible=True)
		self.assertEqual([points(needs_car, m) for m in ("Own vehicle", "Public transit")], [15, 0])
		on_transit = JobFacts(transit_accessible=True)
		self.assertEqual(
			[
				points(on_transit, m)
				for m in ("Public transit", "Walk or bike", "Rides from others", "No reliable transport")
			],
			[15, 15, 8, 0],
		)
		off_transit = JobFacts(transit_accessible=False)
		self.assertEqual(
			[
				points(off_transit, m)
				for m in ("Own vehicle", "Rides from others", "Walk or bike", "Public transit")
			],
			[15, 8, 5, 0],
		)

	def test_physical_limit(self):
		def points(demand, limit):
			return score(JobFacts(physical_demand=demand), PersonFacts(max_physical_demand=limit))[1][
				3
			].points

		self.assertEqual(
			[
				points("Medium", None),
				points("Medium", "Medium"),
				points("Medium", "Light"),
				points("Heavy", "Light"),
			],
			[15, 15, 5, 0],
		)

	def test_wage_against_goal(self):
		def part(wage, goal):
			return score(JobFacts(hourly_wage=wage), PersonFacts(target_hourly_wage=goal))[1][4]

		self.assertEqual(
			[part(20, 0).points, part(20, 20).points, part(15, 20).points], [10, 10, 8]
		)  # 7.5 -> 8
		self.assertIn("75% of their goal", part(15, 20).why)

	def test_each_recurring_separation_reason_costs_5(self):
		job = JobFacts(shift="Night", physical_demand="Heavy", transit_accessible=False, hourly_wage=15)
		person = PersonFacts(
			transport_mode="Public transit",
			target_hourly_wage=18,
			losses=(
				("Transportation", "Hard-to-reach site"),
				("Health", "Heavy physical work"),
				("Dismissed (attendance)", "Night or rotating shift"),
				("Laid Off", ""),
				("Health", "Heavy physical work"),
			),
		)
		part = score(job, person)[1][5]
		self.assertEqual(part.points, 0)  # 15 - 3 x 5; laid off never counts; Health once
		self.assertEqual(part.why, "past losses may recur: Transportation, Health, Dismissed (attendance)")
		day_job = JobFacts(shift="Day", physical_demand="Light", transit_accessible=True, hourly_wage=20)
		self.assertEqual(score(day_job, person)[1][5].points, 15)

	def test_what_makes_a_reason_recur_is_the_agencys_data(self):
		# an agency adds "Caring for a parent", recurring on non-standard shifts
		job = JobFacts(shift="Weekend", transit_accessible=True)
		person = PersonFacts(losses=(("Caring for a parent", "Non-standard shift"), ("Moved away", "")))
		part = score(job, person)[1][5]
		self.assertEqual((part.points, part.why), (10, "past losses may recur: Caring for a parent"))


class TestPartPoints(EPTestCase):
	"""The ranking scores each part once per distinct set of the values it reads (`PARTS`)."""

	def test_points_equal_the_full_score_of_each_person(self):
		rng = random.Random(15)

		def losses(*pairs):
			return candidates.REASON_SEPARATOR.join(candidates.PAIR_SEPARATOR.join(p) for p in pairs)

		past = [
			None,
			losses(("Childcare", "Non-standard shift")),
			losses(("Transportation", "Hard-to-reach site"), ("Laid Off", "")),
			losses(("Health", "Heavy physical work"), ("Dismissed (attendance)", "Night or rotating shift")),
			losses(("Dismissed (performance)", "Missing required skills"), ("Quit", "Wage below their goal")),
		]
		rows = [
			{
				"matched_skills": rng.randint(0, 3),
				"available_day": rng.randint(0, 1),
				"available_evening": rng.randint(0, 1),
				"available_night": rng.randint(0, 1),
				"available_weekend": rng.randint(0, 1),
				"employment_preference": rng.choice([None, "Either", "Full-time", "Part-time"]),
				"max_hours_per_week": rng.choice([0, 20, 37.5, 40]),
				"transport_mode": rng.choice(
					[
						"Public transit",
						"Own vehicle",
						"Walk or bike",
						"Rides from others",
						"No reliable transport",
					]
				),
				"max_physical_demand": rng.choice([None, "", *DEMANDS]),
				"target_hourly_wage": rng.choice([None, 0, 15, 21, 24.5]),
				"losses": rng.choice(past),
			}
			for _ in range(400)
		]
		jobs = [
			JobFacts(),
			JobFacts(
				required_skills=3,
				shift="Evening",
				hourly_wage=21,
				physical_demand="Medium",
				transit_accessible=True,
			),
			JobFacts(
				required_skills=2,
				shift="Night",
				employment_type="Part-time",
				hours_per_week=20,
				requires_own_vehicle=True,
			),
			JobFacts(
				required_skills=1,
				shift="Rotating",
				hours_per_week=37.5,
				hourly_wage=30,
				physical_demand="Very Heavy",
			),
			JobFacts(shift="Weekend", hourly_wage=16, physical_demand="Sedentary", transit_accessible=True),
			JobFacts(shift="Flexible", physical_demand="Heavy"),
		]
		for job in jobs:
			columns = candidates.part_points(job, rows)
			for row, points in zip(rows, zip(*columns, strict=True), strict=True):
				_total, parts = score(job, candidates.person_facts(row, row["matched_skills"]))
				self.assertEqual(list(points), [p.points for p in parts], (job, row))


# a day, part-time, 20 h, 24/h, light job off transit, with no skills required
DAY_JOB = {
	"shift": "Day",
	"employment_type": "Part-time",
	"hours_per_week": 20,
	"hourly_wage": 24,
	"physical_demand": "Light",
	"transit_accessible": 0,
}


class TestRanking(EPTestCase):
	"""Evening warehouse order needing three skills; three candidates scored by hand."""

	def setUp(self):
		super().setUp()
		forklift, inventory, osha = (make_skill() for _ in range(3))
		self.forklift = forklift
		self.order = make_job_order(
			job_title="Evening Warehouse Associate",
			skills=[forklift, inventory, osha],
			shift="Evening",
			employment_type="Full-time",
			hours_per_week=40,
			hourly_wage=21,
			physical_demand="Medium",
			transit_accessible=1,
			openings=3,
		)
		# 30 + 15 + 15 + 15 + 10 + 15 = 100
		self.avery = make_participant(
			first_name="Avery",
			skills=[forklift, inventory, osha],
			available_day=1,
			available_evening=1,
			transport_mode="Public transit",
			target_hourly_wage=20,
		).name
		# skills 2/3 = 20; schedule 10 (wants part-time); transport 15; physical 5 (Medium over Light);
		# wage round(10 x 21/24) = 9; retention 15 - 5 (childcare recurs on evenings) = 10  -> 69
		self.blake = make_participant(
			first_name="Blake",
			skills=[forklift, inventory],
			available_day=0,
			available_evening=1,
			employment_preference="Part-time",
			transport_mode="Own vehicle",
			max_physical_demand="Light",
			target_hourly_wage=24,
			job_losses=[
				{"end_date": "2024-05-01", "reason": "Childcare"},
				{"end_date": "2022-05-01", "reason": "Laid Off"},
			],
		).name
		# skills 1/3 = 10; schedule 0 (days only, 30 h at most); transport 8 (rides); physical 15;
		# wage 10 (no goal); retention 15 - 5 (performance: lacks skills) = 10  -> 53
		self.casey = make_participant(
			first_name="Casey",
			skills=[forklift],
			available_day=1,
			max_hours_per_week=30,
			transport_mode="Rides from others",
			max_physical_demand="Heavy",
			job_losses=[
				{"end_date": "2025-01-10", "reason": "Dismissed (performance)"},
				{"end_date": "2023-01-10", "reason": "Transportation"},
			],
		).name
		# not candidates: already working (active placement) or exited the program
		self.placed = make_participant(
			first_name="Dana", skills=[forklift, inventory, osha], available_evening=1
		).name
		make_placement(make_job_order().name, self.placed)
		self.exited = make_participant(first_name="Eli", exit_date="2026-02-01", available_evening=1).name

	def ours(self, results, key="participant"):
		mine = {self.avery, self.blake, self.casey, self.placed, self.exited}
		return [r for r in results if r[key] in mine]

	def test_participants_ranked_with_their_parts(self):
		results = self.ours(api.find_participants(self.order.name, limit=100))
		self.assertEqual([r["participant"] for r in results], [self.avery, self.blake, self.casey])
		self.assertEqual([r["score"] for r in results], [100, 69, 53])
		self.assertEqual(
			[parts_of(r) for r in results],
			[
				{"skills": 30, "schedule": 15, "transport": 15, "physical": 15, "wage": 10, "retention": 15},
				{"skills": 20, "schedule": 10, "transport": 15, "physical": 5, "wage": 9, "retention": 10},
				{"skills": 10, "schedule": 0, "transport": 8, "physical": 15, "wage": 10, "retention": 10},
			],
		)
		blake = {p["key"]: p["why"] for p in results[1]["parts"]}
		self.assertEqual(blake["skills"], "Holds 2 of 3 required skills")
		self.assertEqual(blake["schedule"], "available for the Evening shift; wants part-time work")
		self.assertEqual(blake["retention"], "past losses may recur: Childcare")

	def test_ranking_equals_every_candidate_scored_in_full_and_sorted(self):
		twins = [
			make_participant(first_name="Twin", skills=[self.forklift], available_evening=1).name
			for _ in range(2)
		]
		job = candidates.job_facts(candidates._job(self.order.name))
		expected = []
		for row in candidates.participant_candidates(self.order.name):
			total, parts = score(job, candidates.person_facts(row, row.matched_skills))
			expected.append((-total, -parts[-1].points, row.name, [p.as_dict() for p in parts]))
		expected = [(name, -total, parts) for total, _risk, name, parts in sorted(expected)[:100]]
		results = api.find_participants(self.order.name, limit=100)
		self.assertEqual([(r["participant"], r["score"], r["parts"]) for r in results], expected)
		self.assertEqual([r["participant"] for r in results if r["participant"] in twins], sorted(twins))

	def test_ranking_marks_who_is_already_referred(self):
		make_referral(self.order.name, self.blake)
		results = {
			r["participant"]: r["referral_status"]
			for r in self.ours(api.find_participants(self.order.name, 100))
		}
		self.assertEqual(results, {self.avery: None, self.blake: "Referred", self.casey: None})

	def test_job_orders_ranked_for_a_participant(self):
		# Blake on a day, part-time, 20 h, 24/h, light, off-transit order with no skills required:
		# 30 + 5 (not on evenings; part-time suits) + 15 + 15 + 10 + 15 = 90
		day_job = make_job_order(**DAY_JOB)
		draft = make_job_order(status="Draft")
		full = make_job_order(openings=1)
		make_placement(full.name, self.avery)
		mine = {day_job.name, self.order.name, draft.name, full.name}
		results = [r for r in api.find_job_orders(self.blake, limit=100) if r["job_order"] in mine]
		self.assertEqual(
			[(r["job_order"], r["score"]) for r in results], [(day_job.name, 90), (self.order.name, 69)]
		)

	def test_limit_is_applied(self):
		self.assertEqual(len(api.find_participants(self.order.name, limit=1)), 1)

	def test_matches_shown_comes_from_settings(self):
		frappe.db.set_single_value("Employment Partners Settings", "match_results", 2)
		self.assertEqual(len(api.find_participants(self.order.name)), 2)
		self.assertLessEqual(len(api.find_job_orders(self.blake)), 2)

	def test_matching_needs_read_access_to_participants(self):
		frappe.set_user(make_user("Employer Partner"))
		with self.assertRaises(frappe.PermissionError):
			api.find_participants(self.order.name)

	def test_propose_referral_makes_a_proposed_referral(self):
		case_manager = make_user("Case Manager")
		frappe.db.set_value("Participant", self.casey, "case_manager", case_manager)  # their caseload
		frappe.set_user(case_manager)
		name = api.propose_referral(self.order.name, self.casey)
		self.assertEqual(frappe.db.get_value("Referral", name, ["status", "match_score"]), ("Proposed", 53))
