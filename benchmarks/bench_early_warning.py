"""The retention early warning at scale: scoring every current placement and training on the whole
history of a generated agency, each against a raw-SQL read of the same features.

Not run by the test command.  Runs in one transaction on the site and rolls it back:

	cd <bench>/sites && ../env/bin/python <repo>/benchmarks/bench_early_warning.py SITE [--json out.json]

Targets (issue 25): scoring 20,000 current placements within 10 s, training on 100,000 placements
within 60 s.  The site's own count of current placements is what is scored; when it holds fewer
than 20,000 the day scored is the one of its history with the most, and the target is scaled to
the count (10 s per 20,000).  The raw bound is the features' SELECT alone, its rows fetched:
what no scoring can skip.
"""

import argparse
import json
import sys
import time

import frappe
from frappe.utils import today

SCORE_SECONDS_PER_20K = 10.0
TRAIN_SECONDS = 60.0


def timed(fn, *args):
	started = time.perf_counter()
	result = fn(*args)
	return time.perf_counter() - started, result


def busiest_day():
	"""The Monday (of the last two years) with the most placements current."""
	from employment_partners.early_warning import features, scoring

	mondays = [scoring.week_start(today())]
	for _ in range(104):
		mondays.append(frappe.utils.add_days(mondays[-1], -7))
	counts = frappe.db.sql(
		f"select snap.d, count(*) {features.from_current(mondays)} group by snap.d order by 2 desc limit 1"
	)
	return counts[0][0], counts[0][1]


def raw_read(day):
	from employment_partners.early_warning import features

	return len(frappe.db.sql(f"select p.name, {features.select_features()} {features.from_current([day])}"))


def main():
	parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
	parser.add_argument("site")
	parser.add_argument("--json")
	args = parser.parse_args()
	frappe.init(site=args.site, sites_path=".")
	frappe.connect()
	from employment_partners.early_warning import scoring

	try:
		placements = frappe.db.count("Placement")
		day, current = busiest_day()
		raw_read(day)  # the tables in the buffer pool first, for every timing alike
		raw_seconds, read = timed(raw_read, day)
		score_seconds, _result = timed(scoring.refresh, day)
		scored = frappe.db.count(scoring.RISK, {"week_start": scoring.week_start(day)})
		days = scoring.training_days(today())
		raw_train_seconds, _patterns = timed(scoring.patterns, days)
		train_seconds, name = timed(scoring.train, today())
		trained = frappe.get_doc(scoring.MODEL, name)
		score_target = SCORE_SECONDS_PER_20K * max(current, 1) / 20000
		met = (
			score_seconds <= max(score_target, SCORE_SECONDS_PER_20K * 0.05)
			and train_seconds <= TRAIN_SECONDS
		)
		met = met and scored == current == read and trained.status == scoring.ACTIVE
		print(f"placements on the site: {placements:,}; current on {day}: {current:,}")
		print(
			f"scoring {scored:,} placements: {score_seconds:.2f} s (target {score_target:.1f} s); raw feature"
			f" read {raw_seconds:.2f} s; ratio {score_seconds / raw_seconds:.2f}x"
		)
		print(
			f"training on {trained.training_rows:,} placement snapshots ({len(days)} days over 52 weeks,"
			f" {trained.patterns:,} patterns):"
			f" {train_seconds:.2f} s (target {TRAIN_SECONDS:.0f} s); raw pattern read {raw_train_seconds:.2f} s;"
			f" ratio {train_seconds / raw_train_seconds:.2f}x"
		)
		print(
			f"model {trained.name}: {trained.status}, held-out AUC {trained.holdout_auc or 0:.3f},"
			f" Brier {trained.holdout_brier or 0:.4f}; {trained.note}"
		)
		if args.json:
			with open(args.json, "w") as out:
				json.dump(
					{
						"placements": placements,
						"day": str(day),
						"current": current,
						"score_seconds": score_seconds,
						"raw_feature_read_seconds": raw_seconds,
						"training_rows": trained.training_rows,
						"patterns": trained.patterns,
						"train_seconds": train_seconds,
						"raw_pattern_read_seconds": raw_train_seconds,
						"holdout_auc": trained.holdout_auc,
						"holdout_brier": trained.holdout_brier,
						"met": met,
					},
					out,
					indent=1,
				)
		print("met its targets" if met else "MISSED a target")
		sys.exit(0 if met else 1)
	finally:
		frappe.db.rollback()
		frappe.destroy()


if __name__ == "__main__":
	main()
