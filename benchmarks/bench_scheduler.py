"""The daily scheduler jobs over a generated agency: a cold run after a week with the scheduler off,
then the same jobs again the same day, which must create and send nothing.

Not run by the test command.  Runs in one transaction on the site and rolls it back:

	cd <bench>/sites && ../env/bin/python <repo>/benchmarks/bench_scheduler.py SITE [--lag-days 7] [--json out.json]

The site holds a generated agency (`bench --site SITE employment-partners make-demo ...`).  Inside
the transaction the benchmark first undoes the last `--lag-days` days of the daily job, as if the
scheduler had been off that week: follow-ups due in those days lose their reminder and
escalation stamps, those the job marked missed in those days are open again, and the placements
that started in those days lose their follow-ups (as if loaded by Data Import).  Then it runs the
jobs of hooks.py in their order, each timed: the hourly SLA check, the daily lead automation, the
retention job (follow-up generation, reminders, escalations, missed), the digests and the
employer pulse.  Then it runs them all again and checks that the second run made nothing: no
follow-up, ToDo, pulse, email or notification more, and every job returned nothing to do.
"""

import argparse
import json
import resource
import sys
import time

import frappe
from frappe.utils import add_days, getdate, today

COUNTED = ("Retention Follow-up", "ToDo", "Employer Pulse", "Email Queue", "Notification Log", "Comment")


def jobs():
	from employment_partners import digests
	from employment_partners.pipeline import automation
	from employment_partners.portal import pulse
	from employment_partners.retention import issues, reminders

	return (
		("SLA breaches (hourly)", issues.flag_sla_breaches),
		("lead automation", automation.advance_matured_placements),
		("follow-ups: generate, remind, escalate, miss", reminders.run_daily),
		("daily digests", digests.send_daily),
		("employer pulse", pulse.run_daily),
	)


def undo_last_days(lag: int) -> dict:
	"""What the daily job did in the last `lag` days, undone (inside the transaction)."""
	from employment_partners.utils import get_settings

	settings = get_settings()
	on = getdate(today())
	since = add_days(on, -lag)
	reminder_days, missed_after = settings.reminder_days, settings.missed_after_days
	frappe.db.sql(
		"""update `tabRetention Follow-up` set reminder_sent_on = null
		where status = 'Open' and reminder_sent_on is not null
			and date_sub(due_date, interval %(reminder_days)s day) > %(since)s""",
		{"since": since, "reminder_days": reminder_days},
	)
	cleared = frappe.db._cursor.rowcount
	frappe.db.sql(
		"""update `tabRetention Follow-up` set escalated_on = null, escalated_to = null
		where status = 'Open' and escalated_on is not null and window_end >= %(since)s""",
		{"since": since},
	)
	frappe.db.sql(
		"""update `tabRetention Follow-up` set status = 'Open', notes = null
		where status = 'Missed' and notes like 'Marked missed:%%'
			and date_add(window_end, interval %(missed_after)s day) >= %(since)s""",
		{"since": since, "missed_after": missed_after},
	)
	reopened = frappe.db._cursor.rowcount
	recent = frappe.db.sql_list(
		"select name from `tabPlacement` where start_date > %(since)s and status = 'Active'", {"since": since}
	)
	if recent:
		frappe.db.sql(
			"""delete t from `tabToDo` t join `tabRetention Follow-up` f on f.name = t.reference_name
			where t.reference_type = 'Retention Follow-up' and f.placement in %(recent)s""",
			{"recent": recent},
		)
		frappe.db.sql(
			"delete from `tabRetention Follow-up` where placement in %(recent)s", {"recent": recent}
		)
	return {
		"placements without follow-ups": len(recent),
		"missed reopened": reopened,
		"reminders cleared": cleared,
	}


def counts() -> dict:
	return {doctype: frappe.db.count(doctype) for doctype in COUNTED}


def size(result) -> int:
	if isinstance(result, dict):
		return sum(size(v) for v in result.values())
	if isinstance(result, list | tuple | set):
		return len(result)
	return 0


def run_all(label: str) -> dict:
	timings, done = {}, {}
	for name, job in jobs():
		started = time.perf_counter()
		result = job()
		timings[name] = time.perf_counter() - started
		done[name] = size(result)
	total = sum(timings.values())
	print(f"\n{label}: {total:.1f} s")
	for name in timings:
		print(f"  {name:48s} {timings[name]:7.2f} s  {done[name]:7,d} done")
	return {
		"total_s": round(total, 2),
		"jobs": {n: {"s": round(timings[n], 2), "done": done[n]} for n in timings},
	}


def main():
	parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
	parser.add_argument("site")
	parser.add_argument("--lag-days", type=int, default=7)
	parser.add_argument("--json")
	args = parser.parse_args()

	frappe.init(site=args.site, sites_path=".")
	frappe.connect()
	frappe.set_user("Administrator")
	frappe.flags.mute_emails = True  # queued as the scheduler queues them, never sent
	try:
		placements = frappe.db.count("Placement")
		print(
			f"{args.site}: {placements:,} placements, {frappe.db.count('Retention Follow-up'):,} follow-ups, "
			f"{frappe.db.count('Participant'):,} participants; undoing the last {args.lag_days} days"
		)
		undone = undo_last_days(args.lag_days)
		print("  " + ", ".join(f"{k}: {v:,}" for k, v in undone.items()))
		before = counts()
		cold = run_all(f"cold run ({args.lag_days} days behind)")
		after_cold = counts()
		again = run_all("run again the same day")
		after_again = counts()
		made_again = {d: after_again[d] - after_cold[d] for d in COUNTED if after_again[d] != after_cold[d]}
		idempotent = not made_again and not any(j["done"] for j in again["jobs"].values())
		print("\ncold run made: " + ", ".join(f"{d} +{after_cold[d] - before[d]:,}" for d in COUNTED))
		print(f"second run made: {made_again or 'nothing'}; idempotent: {idempotent}")
		peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
		print(f"peak RSS: {peak:.0f} MB")
		if args.json:
			with open(args.json, "w") as out:
				json.dump(
					{
						"site": args.site, "placements": placements, "lag_days": args.lag_days, "undone": undone,
						"cold": cold, "again": again, "made_by_cold": {d: after_cold[d] - before[d] for d in COUNTED},
						"made_by_again": made_again, "idempotent": idempotent, "peak_rss_mb": round(peak),
					},
					out,
					indent=1,
				)  # fmt: skip
		if not idempotent:
			sys.exit(1)
	finally:
		frappe.db.rollback()
		frappe.destroy()


if __name__ == "__main__":
	main()
