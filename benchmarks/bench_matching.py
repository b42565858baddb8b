"""Matching at scale: rank N participants for one job order, against a raw-SQL lower bound.

Not run by the test command.  Runs inside one transaction on the test site and rolls it back:

	cd <bench>/sites && ../env/bin/python <repo>/benchmarks/bench_matching.py [ep-test.localhost] [5000]

Prints one line: the ranking's best-of-5 time, the ranking's own candidate query alone
(`candidates.participant_candidates`: rows fetched, nothing scored: the lower bound), their ratio, and for contrast the time to load participant
documents one by one (what the ranking must never do).
"""

import random
import sys
import time

import frappe
from frappe.utils import random_string

REASONS = ["Quit", "Childcare", "Transportation", "Health", "Laid Off", "Dismissed (attendance)"]


def best(fn, repeat: int = 5) -> float:
	times = []
	for _ in range(repeat):
		start = time.perf_counter()
		fn()
		times.append(time.perf_counter() - start)
	return min(times)


def load(n: int) -> str:
	"""n active participants with three of 40 skills each, 40 % with a past job loss; one order."""
	random.seed(7)
	skills = [f"Bench Skill {i}" for i in range(40)]
	frappe.db.bulk_insert(
		"Job Skill",
		["name", "skill_name", "skill_type"],
		[(s, s, "Skill") for s in skills],
		ignore_duplicates=True,
	)
	people, held, losses = [], [], []
	for i in range(n):
		name = f"BENCH-{i:06d}"
		people.append(
			(
				name, "Bench", f"P{i}", f"Bench P{i}", "2026-01-05", "Active",
				random.choice(["Public transit", "Own vehicle", "Walk or bike"]), 1, random.randint(0, 1),
				"Either", 40, random.choice([None, "Light", "Medium", "Heavy"]), random.choice([0, 18, 22, 25]),
			)
		)  # fmt: skip
		for idx, skill in enumerate(random.sample(skills, 3), 1):
			held.append((random_string(10), name, "Participant", "skills", idx, skill))
		if random.random() < 0.4:
			losses.append(
				(
					random_string(10),
					name,
					"Participant",
					"job_losses",
					1,
					"2025-01-01",
					random.choice(REASONS),
				)
			)
	frappe.db.bulk_insert(
		"Participant",
		[
			"name", "first_name", "last_name", "full_name", "enrolment_date", "status", "transport_mode",
			"available_day", "available_evening", "employment_preference", "max_hours_per_week",
			"max_physical_demand", "target_hourly_wage",
		],
		people,
	)  # fmt: skip
	frappe.db.bulk_insert(
		"Participant Skill", ["name", "parent", "parenttype", "parentfield", "idx", "skill"], held
	)
	frappe.db.bulk_insert(
		"Participant Job Loss",
		["name", "parent", "parenttype", "parentfield", "idx", "end_date", "reason"],
		losses,
	)
	partnership = frappe.get_doc(
		{"doctype": "Hiring Partnership", "partner_name": "Bench " + random_string(6)}
	).insert()
	return (
		frappe.get_doc(
			{
				"doctype": "Job Order",
				"hiring_partnership": partnership.name,
				"job_title": "Bench Associate",
				"status": "Open",
				"openings": 5,
				"hourly_wage": 21,
				"hours_per_week": 40,
				"shift": "Evening",
				"physical_demand": "Medium",
				"transit_accessible": 1,
				"required_skills": [{"skill": s} for s in skills[:3]],
			}
		)
		.insert()
		.name
	)


def main(site: str, n: int):
	frappe.init(site=site, sites_path=".")
	frappe.connect()
	frappe.set_user("Administrator")
	frappe.flags.mute_emails = True
	from employment_partners.matching import candidates

	try:
		job_order = load(n)
		ranking = best(lambda: candidates.rank_participants(job_order, 20))
		# the lower bound: the ranking's own candidate query, rows fetched and nothing scored
		lower = best(lambda: candidates.participant_candidates(job_order))
		names = frappe.get_all("Participant", filters={"status": "Active"}, pluck="name", limit=500)
		documents = best(lambda: [frappe.get_doc("Participant", name) for name in names], repeat=2)
		print(
			f"participants={n} ranking_ms={ranking * 1000:.0f} raw_sql_ms={lower * 1000:.0f} "
			f"ratio={ranking / lower:.2f} get_doc_500_ms={documents * 1000:.0f}"
		)
	finally:
		frappe.db.rollback()
		frappe.destroy()


if __name__ == "__main__":
	main(
		sys.argv[1] if len(sys.argv) > 1 else "ep-test.localhost",
		int(sys.argv[2]) if len(sys.argv) > 2 else 5000,
	)
