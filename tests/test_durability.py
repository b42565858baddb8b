"""Durability of the site's data, with the bench's own commands on a real site.

- A backup restores to the same records: every table of the app's module (child tables too, and
  its settings and naming counters) holds, on a new site restored from `bench backup`, the same
  rows with the same values (row counts and an md5 over every column of every row, in SQL), and
  the app runs there.
- A daily scheduler job killed (SIGKILL) part-way through, then run again, leaves what one
  uninterrupted run leaves: no follow-up, assignment or pulse made twice.  Each job is one
  transaction (the scheduler, like `bench execute`, commits once at the end), so the killed run's
  rows, seen part-made with dirty reads while it runs, are rolled back by MariaDB when its
  connection dies; the re-run then makes them all, and a third run makes nothing.

Site commands run as Frappe's CLI (`python -m frappe.utils.bench_helper frappe ...`, what `bench`
runs for them) from the bench's sites directory, as the user the tests run as (the bench user).
Sites are created with the MariaDB admin login scripts/lib.sh uses (EP_DB_ADMIN_USER /
EP_DB_ADMIN_PASSWORD, else `root_login` / `root_password` in common_site_config.json, else
lib.sh's defaults), and dropped afterwards with everything the tests made.
"""

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import frappe
import pymysql
import pytest
from frappe.utils import add_days, nowdate

from employment_partners.tests.factories import (
	make_contact,
	make_converted_lead,
	make_interaction,
	make_job_order,
	make_participant,
	make_placement,
	make_referral,
	make_retention_issue,
	make_skill,
	make_user,
	unique,
)
from tests.cleanup import forget, remove_users

pytestmark = pytest.mark.slow

MODULE = "Employment Partners"
SITE_COMMAND_TIMEOUT = 900


# --- the bench, its CLI and the database ----------------------------------------------------------


def _sites() -> Path:
	return Path(frappe.local.sites_path).resolve()


def _site_cli(*args: str, timeout: int = SITE_COMMAND_TIMEOUT) -> subprocess.CompletedProcess:
	"""`bench <args>`: Frappe's CLI in the bench's sites directory; fails the test with its output."""
	done = subprocess.run(
		[sys.executable, "-m", "frappe.utils.bench_helper", "frappe", *args],
		cwd=_sites(),
		capture_output=True,
		text=True,
		timeout=timeout,
	)
	assert done.returncode == 0, (
		f"bench {' '.join(args)} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
	)
	return done


def _job_process(site: str, method: str, output) -> subprocess.Popen:
	"""`bench --site <site> execute <method>`, started (not waited for), its output to a file."""
	return subprocess.Popen(
		[sys.executable, "-m", "frappe.utils.bench_helper", "frappe", "--site", site, "execute", method],
		cwd=_sites(),
		stdout=output,
		stderr=subprocess.STDOUT,
	)


def _db_admin() -> tuple[str, str]:
	"""The MariaDB admin login sites are made with (scripts/lib.sh's convention)."""
	return (
		os.environ.get("EP_DB_ADMIN_USER") or frappe.conf.get("root_login") or "ep_admin",
		os.environ.get("EP_DB_ADMIN_PASSWORD") or frappe.conf.get("root_password") or "ep_admin_password",
	)


def _connect(user: str, password: str, database: str | None = None) -> pymysql.Connection:
	return pymysql.connect(
		host=frappe.conf.db_host or "127.0.0.1",
		port=int(frappe.conf.db_port or 3306),
		user=user,
		password=password,
		database=database,
		charset="utf8mb4",
		autocommit=True,
	)


@pytest.fixture(scope="module")
def db_admin():
	user, password = _db_admin()
	try:
		conn = _connect(user, password)
	except pymysql.Error as e:
		pytest.fail(
			f"cannot log in to MariaDB as {user} ({e}); set EP_DB_ADMIN_USER / EP_DB_ADMIN_PASSWORD to the "
			"admin login scripts/lib.sh creates sites with"
		)
	conn.cursor().execute("set session group_concat_max_len = 1073741824")
	yield frappe._dict(user=user, password=password, conn=conn)
	conn.close()


# --- removing what the tests made, and what Frappe keeps about it ------------------------------


# --- a. backup and restore -------------------------------------------------------------------------


def _app_tables() -> list[str]:
	"""The table of every doctype of the app's module, child tables included (singles are stored
	in tabSingles: see `fingerprint`)."""
	doctypes = frappe.get_all(
		"DocType", filters={"module": MODULE, "issingle": 0, "is_virtual": 0}, pluck="name", order_by="name"
	)
	return [f"tab{doctype}" for doctype in doctypes]


def fingerprint(conn: pymysql.Connection, database: str, tables: list[str]) -> dict[str, tuple]:
	"""Per table: its columns (name and type), its row count and an md5 over every column of every
	row, ordered by name (in SQL).  Also the app's singles (Settings) and the naming series."""
	cursor = conn.cursor()
	out = {}
	for table in tables:
		cursor.execute(
			"select column_name, column_type from information_schema.columns"
			" where table_schema = %s and table_name = %s order by ordinal_position",
			(database, table),
		)
		columns = cursor.fetchall()
		assert columns, f"{table} is missing from {database}"
		row = "concat_ws('|', {})".format(
			", ".join(f"ifnull(cast(`{name}` as char), '\\\\N')" for name, _type in columns)
		)
		cursor.execute(
			f"select count(*), md5(group_concat(md5({row}) order by name separator ''))"
			f" from `{database}`.`{table}`"
		)
		out[table] = (columns, *cursor.fetchone())
	singles = frappe.get_all("DocType", filters={"module": MODULE, "issingle": 1}, pluck="name")
	for label, sql, args in (
		(
			"tabSingles of the module",
			f"select count(*), md5(group_concat(concat_ws('|', doctype, field, ifnull(value, '\\\\N'))"
			f" order by doctype, field separator '\\n')) from `{database}`.`tabSingles` where doctype in %s",
			(singles,),
		),
		(
			"tabSeries",
			"select count(*), md5(group_concat(concat_ws('|', name, current) order by name separator '\\n'))"
			f" from `{database}`.`tabSeries`",
			None,
		),
	):
		cursor.execute(sql, args)
		out[label] = cursor.fetchone()
	return out


@pytest.fixture
def sample_records():
	"""A small agency in the style of the reports' sample (tests/conftest.py): a converted lead with
	its stage history, its partnership and an interaction, a job order needing a skill, a participant
	with that skill, referred and placed (an incentive payment and a retention bonus on the
	placement), the placement's follow-ups with a contact attempt, a retention issue and the
	employer's feedback.  Committed; removed afterwards."""
	made: list[tuple[str, str]] = []

	def keep(doc):
		made.append((doc.doctype, doc.name))
		return doc

	skill = make_skill()
	lead = keep(make_converted_lead(organisation_name=unique("Backed Up Foods")))
	partnership = lead.hiring_partnership
	made.insert(0, ("Hiring Partnership", partnership))
	keep(make_interaction(hiring_partnership=partnership, summary="Talked about the spring hires"))
	order = keep(make_job_order(hiring_partnership=partnership, openings=2, skills=[skill]))
	person = keep(make_participant(first_name="Backed", skills=[skill], enrolment_date="2026-01-05"))
	referral = keep(make_referral(order.name, person.name))
	placement = keep(
		make_placement(
			order.name,
			person.name,
			referral=referral.name,
			incentive_amount=1000,
			training_plan="Two weeks beside a line lead",
			incentive_duration_weeks=6,
			skill_complexity="Low",
			incentive_payments=[{"milestone": "Hire", "amount": 500, "paid_on": "2026-03-09"}],
			retention_bonuses=[{"milestone_days": 90, "amount": 250}],
		)
	)
	follow_ups = frappe.get_all("Retention Follow-up", filters={"placement": placement.name}, pluck="name")
	follow_up = frappe.get_doc("Retention Follow-up", follow_ups[0])
	follow_up.append("attempts", {"attempted_on": "2026-03-03 10:00:00", "method": "Phone", "reached": 0})
	follow_up.save()
	keep(make_retention_issue(placement.name))
	keep(
		frappe.get_doc(
			{
				"doctype": "Employer Feedback",
				"hiring_partnership": partnership,
				"satisfaction": 4,
				"received_on": "2026-04-01",
			}
		).insert()
	)
	frappe.db.commit()
	yield order.name
	frappe.db.rollback()
	names = [name for _doctype, name in made] + follow_ups
	forget(names)
	frappe.db.delete("Follow-up Attempt", {"parent": ("in", follow_ups)})
	frappe.db.delete("Retention Follow-up", {"name": ("in", follow_ups)})
	frappe.db.set_value("Employer Lead", lead.name, "hiring_partnership", None)
	for doctype, name in reversed(made):
		if frappe.db.exists(doctype, name):
			frappe.delete_doc(doctype, name, force=True, ignore_permissions=True, delete_permanently=True)
	frappe.delete_doc("Job Skill", skill, force=True, ignore_permissions=True, delete_permanently=True)
	forget([*names, skill])
	frappe.db.commit()


def test_a_backup_restores_every_record_of_the_app(db_admin, sample_records):
	site = frappe.local.site
	tables = _app_tables()
	assert {"tabPlacement", "tabRetention Follow-up", "tabFollow-up Attempt"} <= set(tables)
	before = fingerprint(db_admin.conn, frappe.conf.db_name, tables)
	assert before["tabPlacement"][1] > 0 and before["tabFollow-up Attempt"][1] > 0

	work = Path(tempfile.mkdtemp(prefix="ep-durability-"))
	restored = f"ep-restore-{frappe.generate_hash(length=10)}.localhost"
	try:
		_site_cli("--site", site, "backup", "--backup-path", str(work))
		(dump,) = work.glob("*-database.sql.gz")
		# nothing wrote to the site while it was backed up: what was fingerprinted is what was saved
		assert fingerprint(db_admin.conn, frappe.conf.db_name, tables) == before

		admin = ("--db-root-username", db_admin.user, "--db-root-password", db_admin.password)
		password = frappe.generate_hash(length=16)
		_site_cli("new-site", restored, *admin, "--admin-password", password, "--no-mariadb-socket")
		_site_cli("--site", restored, "restore", str(dump), *admin)

		restored_db = frappe.get_site_config(sites_path=str(_sites()), site_path=str(_sites() / restored))
		after = fingerprint(db_admin.conn, restored_db.db_name, tables)
		assert after.keys() == before.keys()
		differ = {
			table: (before[table][1:], after[table][1:]) for table in before if after[table] != before[table]
		}
		assert not differ, f"tables that differ after the restore (rows, md5 before / after): {differ}"

		# the app runs on the restored site and reads the same figures
		order = sample_records
		method = "employment_partners.placements.placements.filled_count"
		there = _site_cli("--site", restored, "execute", method, "--args", repr([order]))
		assert there.stdout.strip().splitlines()[-1] == str(frappe.db.get_value("Job Order", order, "filled"))
	finally:
		if (_sites() / restored).exists():
			_site_cli(
				"drop-site",
				restored,
				"--force",
				"--no-backup",
				"--db-root-username",
				db_admin.user,
				"--db-root-password",
				db_admin.password,
				"--archived-sites-path",
				str(work / "archived"),
			)
		shutil.rmtree(work, ignore_errors=True)
	assert not (_sites() / restored).exists()


# --- b. a daily job killed mid-run ---------------------------------------------------------------

PLACEMENTS, EXITED = 20, 8


@pytest.fixture(scope="module")
def daily_world():
	"""A case manager's placements (started ten days ago, pulse on) and exited participants, all
	without follow-ups yet, as a data import leaves them: the daily jobs have work to do.
	Committed; removed afterwards with everything the jobs made for them."""
	case_manager = make_user("Case Manager")
	order = make_job_order(openings=PLACEMENTS, job_title="Durable Stocker")
	partnership = order.hiring_partnership
	contact = make_contact("Durable", "Hiring Partnership", partnership)
	frappe.db.set_value("Hiring Partnership", partnership, {"primary_contact": contact, "pulse_enabled": 1})
	start = add_days(nowdate(), -10)
	placements, people = [], []
	for i in range(PLACEMENTS):
		person = make_participant(first_name=f"Durable{i}", case_manager=case_manager, enrolment_date=start)
		people.append(person.name)
		placements.append(make_placement(order.name, person.name, start_date=start).name)
	for i in range(EXITED):
		person = make_participant(
			first_name=f"Exited{i}", case_manager=case_manager, enrolment_date="2025-01-06"
		)
		people.append(person.name)
		# as an import sets it: no follow-ups made yet (retention.reminders.generate_missing makes them)
		frappe.db.set_value("Participant", person.name, "exit_date", add_days(nowdate(), -100))
	world = frappe._dict(
		case_manager=case_manager,
		order=order.name,
		partnership=partnership,
		contact=contact,
		placements=placements,
		people=people,
	)
	_forget_what_the_jobs_make(world)
	frappe.db.commit()
	yield world
	frappe.db.rollback()
	_forget_what_the_jobs_make(world)
	for name in placements:
		frappe.delete_doc("Placement", name, force=True, ignore_permissions=True, delete_permanently=True)
	for name in people:
		frappe.delete_doc("Participant", name, force=True, ignore_permissions=True, delete_permanently=True)
	frappe.delete_doc("Job Order", order.name, force=True, ignore_permissions=True, delete_permanently=True)
	frappe.db.set_value("Hiring Partnership", partnership, "primary_contact", None)
	frappe.delete_doc("Contact", contact, force=True, ignore_permissions=True, delete_permanently=True)
	frappe.delete_doc(
		"Hiring Partnership", partnership, force=True, ignore_permissions=True, delete_permanently=True
	)
	forget([*placements, *people, order.name, partnership, contact])
	remove_users([case_manager])
	frappe.db.commit()


def _forget_what_the_jobs_make(world):
	"""Remove the follow-ups, their assignments and messages, and the pulses of the world's records."""
	follow_ups = frappe.get_all(
		"Retention Follow-up", filters={"participant": ("in", world.people)}, pluck="name"
	)
	pulses = frappe.get_all("Employer Pulse", filters={"placement": ("in", world.placements)}, pluck="name")
	forget([*follow_ups, *pulses, *world.placements, world.partnership])
	frappe.db.delete("Follow-up Attempt", {"parent": ("in", follow_ups or [""])})
	frappe.db.delete("Retention Follow-up", {"name": ("in", follow_ups or [""])})
	frappe.db.delete("Employer Pulse", {"name": ("in", pulses or [""])})


def _in(names: list[str]) -> str:
	return ", ".join(frappe.db.escape(n) for n in names)


def follow_up_outcome(world) -> tuple[list, list]:
	"""What the retention job made for the world: each follow-up by its natural key (owner, schedule,
	schedule row) with what the run did to it, and each assignment by its follow-up's key."""
	people = _in(world.people)
	follow_ups = frappe.db.sql(
		f"""select participant, ifnull(placement, ''), follow_up_schedule, schedule_row_id, status,
			due_date, window_end, reminder_sent_on is not null, escalated_on is not null
		from `tabRetention Follow-up` where participant in ({people})
		order by 1, 2, 3, 4"""
	)
	todos = frappe.db.sql(
		f"""select f.participant, ifnull(f.placement, ''), f.follow_up_schedule, f.schedule_row_id,
			t.allocated_to, t.status
		from `tabToDo` t join `tabRetention Follow-up` f on f.name = t.reference_name
		where t.reference_type = 'Retention Follow-up' and f.participant in ({people})
		order by 1, 2, 3, 4, 5, 6"""
	)
	return [tuple(r) for r in follow_ups], [tuple(r) for r in todos]


def pulse_outcome(world) -> tuple[list, list]:
	"""What the pulse job made for the world: each question by its natural key (placement, person
	asked, day asked) with its status, and the emails queued to the person asked."""
	pulses = frappe.db.sql(
		f"""select placement, recipient_email, date(sent_on), status from `tabEmployer Pulse`
		where placement in ({_in(world.placements)}) order by 1, 2, 3"""
	)
	email = frappe.db.get_value("Contact", world.contact, "email_id")
	emails = frappe.db.sql(
		"""select q.reference_doctype, q.reference_name, r.recipient from `tabEmail Queue` q
		join `tabEmail Queue Recipient` r on r.parent = q.name
		where r.recipient = %s order by 1, 2, 3""",
		email,
	)
	return [tuple(r) for r in pulses], [tuple(r) for r in emails]


# each daily job that makes records: what it makes for the world, how long each kind of record's
# natural key is (the leading columns of its rows), and a count of its main records
JOBS = {
	"retention follow-ups": (
		"employment_partners.retention.reminders.run_daily",
		follow_up_outcome,
		(4, 4),  # one follow-up per owner, schedule and row; one assignment per follow-up
		"select count(*) from `tabRetention Follow-up` where participant in ({people})",
	),
	"employer pulse": (
		"employment_partners.portal.pulse.run_daily",
		pulse_outcome,
		(3, 3),  # one question per placement, person and day; one email per person and run
		"select count(*) from `tabEmployer Pulse` where placement in ({placements})",
	),
}


def _made_twice(rows: list[tuple], key_length: int) -> list[tuple]:
	keys = Counter(row[:key_length] for row in rows)
	return [key for key, times in keys.items() if times > 1]


def _reader(isolation: str) -> pymysql.Connection:
	"""A connection as the site's own database user; with "read uncommitted" it sees what other
	transactions have written and not committed yet: a job's progress inside its one transaction."""
	conn = _connect(frappe.conf.db_name, frappe.conf.db_password, frappe.conf.db_name)
	conn.cursor().execute(f"set session transaction isolation level {isolation}")
	return conn


def _count(conn: pymysql.Connection, sql: str) -> int:
	cursor = conn.cursor()
	cursor.execute(sql)
	return cursor.fetchone()[0]


@pytest.mark.parametrize("job", JOBS)
def test_a_daily_job_killed_mid_run_then_run_again_makes_each_record_once(job, daily_world):
	method, outcome, key_lengths, count_sql = JOBS[job]
	site = frappe.local.site
	count_sql = count_sql.format(people=_in(daily_world.people), placements=_in(daily_world.placements))
	frappe.db.rollback()
	assert outcome(daily_world)[0] == []

	# what one uninterrupted run makes: run here, note it, roll it back
	frappe.get_attr(method)()
	expected = outcome(daily_world)
	frappe.db.rollback()
	assert expected[0], f"the {job} job made nothing for the test's records"
	assert outcome(daily_world)[0] == [], "the job committed part of its work in this process"
	total = len(expected[0])

	# run it in its own process, and kill it once some, not all, of its records exist
	reader, committed = _reader("read uncommitted"), _reader("read committed")
	deadline = time.monotonic() + 300
	with tempfile.TemporaryFile() as output:
		proc = _job_process(site, method, output)
		try:
			while True:
				try:
					proc.wait(timeout=0.02)  # ended: it was not caught part-way
				except subprocess.TimeoutExpired:
					pass
				if proc.returncode is not None:
					output.seek(0)
					pytest.fail(
						f"the {job} job ended (exit {proc.returncode}) before it was seen with some of its "
						f"{total} records; give it more work:\n{output.read().decode()[-2000:]}"
					)
				seen = _count(reader, count_sql)
				if 0 < seen < total:
					break
				assert time.monotonic() < deadline, f"the {job} job made none of its records in 300 s"
			proc.send_signal(signal.SIGKILL)
			assert proc.wait(timeout=60) == -signal.SIGKILL
		finally:
			if proc.poll() is None:
				proc.kill()
				proc.wait()

	# MariaDB ends the dead connection's transaction: once nothing uncommitted is left, what the
	# killed run kept is what is committed (the job is one transaction: nothing)
	while _count(reader, count_sql) != _count(committed, count_sql):
		assert time.monotonic() < deadline, "the killed job's transaction was not rolled back in 300 s"
	left = _count(committed, count_sql)
	reader.close()
	committed.close()
	assert left < total, f"the {job} job was killed at {seen} of {total} records, yet all were kept"

	# run again to the end: each record once, the same as one uninterrupted run
	_site_cli("--site", site, "execute", method)
	frappe.db.rollback()
	after = outcome(daily_world)
	for rows, key_length in zip(after, key_lengths, strict=True):
		assert not _made_twice(rows, key_length), f"made twice: {_made_twice(rows, key_length)}"
	assert after == expected

	# and once more: nothing new
	_site_cli("--site", site, "execute", method)
	frappe.db.rollback()
	assert outcome(daily_world) == expected
