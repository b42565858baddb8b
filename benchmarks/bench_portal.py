"""Portal load test: employers filing retention concerns at once, against gunicorn on loopback.

Not run by the test command.  From the bench's sites folder, as the bench user:

	cd <bench>/sites && ../env/bin/python <repo>/benchmarks/bench_portal.py SITE \
		[--users 8] [--seconds 20] [--workers 5] [--threads 1] [--json out.json] [--purge]

What it does:
1. Set-up, on SITE: K employer portal users ("Bench Portal Employer 1..K"), each a portal user of
   their own Hiring Partnership (with a rep) with an active placement (of a participant with a case
   manager), made with the app's own functions and the tests' factories, and reused on the next run.
   Only these records are read or written, so the site may hold any amount of other data.
2. Starts gunicorn as `bench setup production` does (`frappe.app:application --preload`, `-t 120`)
   with --workers (default: the bench's `gunicorn_workers`, else 2 x cores + 1, production's
   default) sync workers, or gthread workers when --threads > 1; waits until it answers.
3. Each employer logs in (/api/method/login, one requests.Session each: keep-alive with gthread
   workers; sync workers, like production's, close the connection after each answer) and, in a
   thread of its own, submits concerns back to back through the web form endpoint the portal page
   posts to (frappe.website.doctype.web_form.web_form.accept, web form "report-a-concern"), each
   with a unique marker in its description.  The first --warmup seconds are not measured.
   Frappe allows 10 web-form posts a minute from one address; a real portal's employers each
   have their own, and here each request says it comes from an address of its own
   (X-Forwarded-For, which Frappe reads as the client's address), so the test measures the
   server, not the rate limit.
4. Prints throughput (accepted per second over the measured window), latency p50/p95/p99, errors
   by status code, the gunicorn workers' peak RSS (VmHWM), and the count check: every accepted
   submission's marker is stored exactly once (under the name the response gave), no refused one
   is stored, and nothing else carries the run's markers.
5. Stops gunicorn (also on error) and deletes what the submissions made: the reports and, by
   reference, their Communications and Email Queue rows (the "Retention Issue Reported (Email)"
   notification), Workflow Actions, Notification Logs and the queued jobs that would make them
   (TRACES); and the logins' sessions and Activity Log rows.  --purge also removes the set-up
   records and their traces.  The reports' naming-series counter is not wound back.

Production runs with developer_mode off; the run prints the site's setting (it made no measurable
difference here: `bench --site SITE set-config -p developer_mode 0` to match production).

Reading the numbers: "CPU / submission" (the gunicorn workers' CPU time over the measured
window, per submission) does not depend on what else the machine is doing; throughput and latency
do, so the load average is printed too.  Every submission takes the next number of the reports'
naming series (RIR-.YYYY.-), a row lock in `tabSeries` that Frappe holds until the request
commits, so concurrent submissions are serialised from the moment they are named to the end of
the request: more workers add waiting, not throughput.

Measured on the 2-core test machine (Frappe 15, 8 employers, 5 sync workers, the generated
100,000-placement agency): about 34 accepted/s, p50 about 233 ms, p95 about 253 ms, about 36 ms of
worker CPU and 6 ms of MariaDB per submission; the server and this load generator share the two
cores.  Before the "Retention Issue Reported" notifications moved to a background job after the
commit (retention/issues.py), they took about 50 ms of each request: about 11/s, p95 about 700 ms.

Exit status 1 when the count check fails or the target (>= 50 accepted/s, p95 <= 250 ms) is
missed; 0 otherwise.
"""

import argparse
import itertools
import json
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import frappe
import requests
from frappe import _
from frappe.utils import now_datetime
from frappe.utils.password import update_password

PREFIX = "Bench Portal"
PASSWORD = "Bench-portal-9!"
WEB_FORM = "report-a-concern"
ACCEPT = "/api/method/frappe.website.doctype.web_form.web_form.accept"
ISSUE_TYPES = ("Attendance", "Tardiness", "Performance", "Transportation", "Childcare")
TARGET_PER_SECOND, TARGET_P95_MS = 50, 250
REPORT = "Retention Issue Report"
# what Frappe writes about a record besides the record (a submission: its Communication and
# Email Queue rows from the "Retention Issue Reported (Email)" notification, its Workflow Actions,
# its Notification Logs; set-up records: assignments, comments, versions, deleted-document copies),
# found by reference to it: (doctype, its doctype field, its name field, its child tables)
TRACES = (
	("Communication", "reference_doctype", "reference_name", ("Communication Link",)),
	("Email Queue", "reference_doctype", "reference_name", ("Email Queue Recipient",)),
	("Workflow Action", "reference_doctype", "reference_name", ("Workflow Action Permitted Role",)),
	("Notification Log", "document_type", "document_name", ()),
	("Version", "ref_doctype", "docname", ()),
	("Comment", "reference_doctype", "reference_name", ()),
	("ToDo", "reference_type", "reference_name", ()),
	("Activity Log", "reference_doctype", "reference_name", ()),
	("Deleted Document", "deleted_doctype", "deleted_name", ()),
)


# background jobs that write about a record: its notifications, a new user's contact and gravatar
QUEUED_WRITES = {
	"employment_partners.retention.issues.send_reported",  # the "Retention Issue Reported" notifications
	"frappe.desk.doctype.notification_log.notification_log.make_notification_logs",
	"frappe.core.doctype.user.user.create_contact",
	"frappe.core.doctype.user.user.update_gravatar",
}


# --- set-up ---------------------------------------------------------------------------------------


def staff_user(role: str, email: str) -> str:
	from employment_partners.tests.factories import make_user

	return email if frappe.db.exists("User", email) else make_user(role, email=email)


def employer(i: int, case_manager: str, rep: str) -> frappe._dict:
	"""Employer i: a portal user of "Bench Portal Employer i" with an active placement."""
	from employment_partners.portal import users
	from employment_partners.tests.factories import (
		make_hiring_partnership,
		make_job_order,
		make_retention_placement,
	)

	email = f"bench-portal-{i}@employer.example.com"
	partner_name = f"{PREFIX} Employer {i}"
	partnership = frappe.db.get_value("Hiring Partnership", {"partner_name": partner_name})
	if not partnership:
		partnership = make_hiring_partnership(partner_name=partner_name, assigned_bsr=rep).name
	if not users.contact_of(email, partnership):
		users.invite(partnership, email, PREFIX, f"Employer {i}")
	update_password(email, PASSWORD)
	placement = frappe.db.get_value(
		"Placement", {"hiring_partnership": partnership, "status": "Active"}, order_by="creation desc"
	)
	if not placement:
		order = frappe.db.get_value("Job Order", {"hiring_partnership": partnership, "status": "Open"})
		if not order:
			order = make_job_order(
				hiring_partnership=partnership, job_title=f"{PREFIX} Line Cook", openings=5
			).name
		placement = make_retention_placement(
			case_manager=case_manager,
			job_order=order,
			participant={"first_name": "Bench", "last_name": f"Portal{i}"},
		).name
	return frappe._dict(email=email, partnership=partnership, placement=placement)


def set_up(k: int) -> list[frappe._dict]:
	frappe.set_user("Administrator")
	case_manager = staff_user("Case Manager", "bench-portal-case-manager@example.com")
	rep = staff_user("Business Services Rep", "bench-portal-rep@example.com")
	people = [employer(i, case_manager, rep) for i in range(1, k + 1)]
	frappe.db.commit()
	return people


def purge_set_up():
	"""Removes every "Bench Portal" set-up record and what Frappe wrote about them (after the
	run's own rows are gone)."""
	frappe.set_user("Administrator")
	deleted: list[tuple[str, str]] = []

	def drop(doctype: str, names: list[str]):
		for name in names:
			frappe.delete_doc(doctype, name, force=True, ignore_permissions=True, delete_permanently=True)
		deleted.extend((doctype, name) for name in names)

	def of(doctype: str, field: str, values: list[str]) -> list[str]:
		return frappe.get_all(doctype, filters={field: ("in", values or [""])}, pluck="name")

	partnerships = frappe.get_all(
		"Hiring Partnership", filters={"partner_name": ("like", f"{PREFIX} Employer %")}, pluck="name"
	)
	delete_reports(of(REPORT, "hiring_partnership", partnerships))
	placements = of("Placement", "hiring_partnership", partnerships)
	participants = frappe.get_all(
		"Placement", filters={"name": ("in", placements or [""])}, pluck="participant", distinct=True
	)
	drop("Retention Follow-up", of("Retention Follow-up", "placement", placements))
	drop("Placement", placements)
	drop("Participant", participants)
	drop("Job Order", of("Job Order", "hiring_partnership", partnerships))
	contacts = frappe.get_all(
		"Dynamic Link",
		filters={
			"link_doctype": "Hiring Partnership",
			"link_name": ("in", partnerships or [""]),
			"parenttype": "Contact",
		},
		pluck="parent",
	)
	drop("Hiring Partnership", partnerships)
	drop("Contact", [name for name in set(contacts) if frappe.db.exists("Contact", name)])
	users = frappe.get_all("User", filters={"name": ("like", "bench-portal-%")}, pluck="name")
	drop("User", users)
	for doctype in {doctype for doctype, _name in deleted}:
		delete_traces(doctype, [name for d, name in deleted if d == doctype])
	# and what deleting them wrote: "Deleted" feed comments, copies of what went with a user
	# (Notification Settings, named after it), the users' defaults and welcome emails
	feed = [f"{_(doctype)} {name}" for doctype, name in deleted]
	feed += [f"{_('Notification Settings')} {user}" for user in users]
	for part in chunks(feed):
		frappe.db.delete("Comment", {"comment_type": "Deleted", "subject": ("in", part)})
	frappe.db.delete("Deleted Document", {"deleted_name": ("in", users or [""])})
	frappe.db.delete("DefaultValue", {"parent": ("in", users or [""])})
	welcome = frappe.get_all(
		"Email Queue Recipient", filters={"recipient": ("in", users or [""])}, pluck="parent"
	)
	frappe.db.delete("Email Queue Recipient", {"parent": ("in", welcome or [""])})
	frappe.db.delete("Email Queue", {"name": ("in", welcome or [""])})
	frappe.db.commit()
	print(f"purged the set-up: {len(partnerships)} partnerships, their users and placements")


# --- gunicorn -------------------------------------------------------------------------------------


def free_port() -> int:
	with socket.socket() as s:
		s.bind(("127.0.0.1", 0))
		return s.getsockname()[1]


def default_workers(bench: Path) -> int:
	"""What `bench setup production` runs: the bench's gunicorn_workers, else 2 x cores + 1."""
	try:
		configured = json.loads((bench / "sites" / "common_site_config.json").read_text())
	except (OSError, ValueError):
		configured = {}
	return int(configured.get("gunicorn_workers") or 2 * (os.cpu_count() or 1) + 1)


class Gunicorn:
	"""gunicorn serving the bench's sites on a free loopback port; a context manager that always
	stops it (its own process group: the master and the workers it forked)."""

	def __init__(self, bench: Path, site: str, workers: int, threads: int):
		self.bench, self.site, self.workers, self.threads = bench, site, workers, threads
		self.port = free_port()
		self.url = f"http://127.0.0.1:{self.port}"
		self.log_path = bench / "logs" / "bench-portal-gunicorn.log"
		self.proc = None

	def command(self) -> list[str]:
		return [
			str(self.bench / "env" / "bin" / "gunicorn"),
			*("-b", f"127.0.0.1:{self.port}", "-w", str(self.workers), "--threads", str(self.threads)),
			*("-t", "120", "frappe.app:application", "--preload"),
		]

	def __enter__(self):
		self.log = open(self.log_path, "w")
		self.proc = subprocess.Popen(
			self.command(),
			cwd=self.bench / "sites",
			stdout=self.log,
			stderr=subprocess.STDOUT,
			start_new_session=True,
		)
		try:
			self.wait_until_it_answers()
		except BaseException:
			self.__exit__()
			raise
		return self

	def wait_until_it_answers(self):
		deadline = time.monotonic() + 120
		session = self.session()
		while True:
			try:
				if session.get(f"{self.url}/api/method/ping", timeout=30).ok:
					break
			except requests.RequestException:
				pass  # not listening yet
			if self.proc.poll() is not None or time.monotonic() > deadline:
				raise RuntimeError(f"gunicorn did not start; see {self.log_path}")
			time.sleep(0.3)
		# a few requests per worker process, so that none is measured importing the app's modules
		for _request in range(self.workers * 3):
			session.get(f"{self.url}/api/method/ping", timeout=30)

	def __exit__(self, *exc):
		if self.proc and self.proc.poll() is None:
			self.proc.terminate()  # graceful: the master stops its workers
			try:
				self.proc.wait(timeout=30)
			except subprocess.TimeoutExpired:
				os.killpg(self.proc.pid, signal.SIGKILL)
				self.proc.wait()
		self.log.close()

	def session(self) -> requests.Session:
		s = requests.Session()
		s.headers["X-Frappe-Site-Name"] = self.site
		return s

	def worker_pids(self) -> list[int]:
		pids = []
		for entry in Path("/proc").iterdir():
			if entry.name.isdigit():
				try:
					stat = (entry / "stat").read_text()
				except OSError:
					continue
				if int(stat.rsplit(")", 1)[1].split()[1]) == self.proc.pid:  # its parent
					pids.append(int(entry.name))
		return sorted(pids)

	def cpu_seconds(self) -> float:
		"""CPU time (user + system) the workers have used so far."""
		return sum(process_cpu_seconds(pid) for pid in self.worker_pids())

	def peak_rss_mb(self) -> dict:
		"""VmHWM (peak resident memory) of the master and of each worker, in MB."""

		def hwm(pid: int) -> float:
			for line in Path(f"/proc/{pid}/status").read_text().splitlines():
				if line.startswith("VmHWM:"):
					return int(line.split()[1]) / 1024
			return 0.0

		return {
			"master": round(hwm(self.proc.pid), 1),
			"workers": [round(hwm(pid), 1) for pid in self.worker_pids()],
		}


def process_cpu_seconds(pid: int) -> float:
	try:
		fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
	except OSError:
		return 0.0
	return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime


def database_pid() -> int | None:
	for entry in Path("/proc").iterdir():
		try:
			if entry.name.isdigit() and (entry / "comm").read_text().strip() in ("mariadbd", "mysqld"):
				return int(entry.name)
		except OSError:
			continue
	return None


# --- the load -------------------------------------------------------------------------------------


@dataclass
class Submission:
	user: int
	marker: str
	started: float
	ended: float
	status: str  # the HTTP status code, or the exception's name when there was no response
	name: str | None  # the stored report's name, when accepted
	detail: str | None = None  # what a refusal said

	@property
	def ms(self) -> float:
		return (self.ended - self.started) * 1000


_addresses = itertools.count(1)
_address_lock = threading.Lock()


def new_address() -> str:
	with _address_lock:
		n = next(_addresses)
	return f"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}"


def login(server: Gunicorn, email: str) -> requests.Session:
	session = server.session()
	response = session.post(
		f"{server.url}/api/method/login",
		data={"usr": email, "pwd": PASSWORD},
		headers={"X-Forwarded-For": new_address()},
		timeout=60,
	)
	if response.status_code != 200:
		raise RuntimeError(f"login as {email} failed: {response.status_code} {response.text[:200]}")
	# the portal session's CSRF token, as the portal's pages hand it to their scripts
	page = session.get(f"{server.url}/partner", timeout=60)
	token = re.search(r'frappe\.csrf_token\s*=\s*"([^"]+)"', page.text)
	if token:
		session.headers["X-Frappe-CSRF-Token"] = token.group(1)
	return session


def submit_back_to_back(
	server: Gunicorn,
	session: requests.Session,
	user: int,
	placement: str,
	run_id: str,
	stop_at: float,
	halt: threading.Event,
	out: list,
):
	for seq in itertools.count(1):
		if time.perf_counter() >= stop_at or halt.is_set():
			return
		marker = f"{PREFIX} {run_id} u{user} #{seq}"
		data = {
			"placement": placement,
			"issue_type": ISSUE_TYPES[seq % len(ISSUE_TYPES)],
			"severity": "Medium",
			"description": f"{marker}: missed the early shift without calling in",
		}
		started = time.perf_counter()
		name = detail = None
		try:
			response = session.post(
				f"{server.url}{ACCEPT}",
				data={"web_form": WEB_FORM, "data": json.dumps(data)},
				headers={"X-Forwarded-For": new_address()},
				timeout=60,
			)
			status = str(response.status_code)
			if response.status_code == 200:
				name = response.json()["message"]["name"]
			else:
				detail = response.text[:300]
		except (requests.RequestException, ValueError, KeyError, TypeError) as e:
			status, detail = type(e).__name__, str(e)[:300]
		out.append(Submission(user, marker, started, time.perf_counter(), status, name, detail))


def load(server: Gunicorn, people: list, run_id: str, warmup: float, seconds: float) -> tuple[list, dict]:
	"""Runs the employers' threads; returns their submissions and, for the measured window, its
	start and the CPU time the gunicorn workers and the database server used in it."""
	sessions = [login(server, person.email) for person in people]
	out: list[Submission] = []
	database = database_pid()
	start = time.perf_counter()
	window = {"from": start + warmup}
	stop_at = window["from"] + seconds

	def sample(key: str):
		window[key] = (server.cpu_seconds(), process_cpu_seconds(database) if database else 0.0)

	timer = threading.Timer(warmup, sample, ("cpu_from",))
	halt = threading.Event()
	threads = [
		threading.Thread(
			target=submit_back_to_back,
			args=(server, session, i, person.placement, run_id, stop_at, halt, out),
			daemon=True,
		)
		for i, (session, person) in enumerate(zip(sessions, people, strict=True), 1)
	]
	timer.start()
	try:
		for thread in threads:
			thread.start()
		for thread in threads:
			thread.join()
	except BaseException:  # Ctrl-C: no new submissions, and the ones under way end before clean-up
		halt.set()
		timer.cancel()
		for thread in threads:
			thread.join(timeout=65)
		raise
	timer.join()
	sample("cpu_to")
	for session in sessions:
		try:
			session.get(f"{server.url}/api/method/logout", timeout=30)
		except requests.RequestException:
			pass  # its session expires on its own
	window["server_cpu_s"] = window["cpu_to"][0] - window["cpu_from"][0]
	window["database_cpu_s"] = window["cpu_to"][1] - window["cpu_from"][1] if database else None
	return out, window


def percentile(values: list[float], p: int) -> float:
	if len(values) < 2:
		return values[0] if values else 0.0
	return statistics.quantiles(values, n=100, method="inclusive")[p - 1]


def summarise(submissions: list[Submission], window: dict) -> dict:
	measured = [s for s in submissions if s.started >= window["from"]]
	accepted = [s for s in measured if s.name]
	seconds = (max(s.ended for s in measured) - window["from"]) if measured else 0.0
	latencies = sorted(s.ms for s in accepted)
	errors: dict[str, int] = {}
	error_samples: dict[str, str] = {}
	for s in measured:
		if not s.name:
			errors[s.status] = errors.get(s.status, 0) + 1
			error_samples.setdefault(s.status, s.detail or "")

	def per_submission(cpu_seconds: float | None) -> float | None:
		return round(cpu_seconds * 1000 / len(measured), 1) if measured and cpu_seconds is not None else None

	return {
		"submissions": len(measured),
		"accepted": len(accepted),
		"errors": errors,
		"error_samples": error_samples,
		"window_s": round(seconds, 2),
		"throughput_per_s": round(len(accepted) / seconds, 1) if seconds else 0.0,
		"p50_ms": round(percentile(latencies, 50), 1),
		"p95_ms": round(percentile(latencies, 95), 1),
		"p99_ms": round(percentile(latencies, 99), 1),
		"max_ms": round(latencies[-1], 1) if latencies else 0.0,
		"warmup_submissions": len(submissions) - len(measured),
		# CPU used per submission in the measured window: the gunicorn workers', and the database
		# server's (all of it: other sites' work on the same server counts too)
		"server_cpu_ms_per_submission": per_submission(window["server_cpu_s"]),
		"database_cpu_ms_per_submission": per_submission(window["database_cpu_s"]),
	}


# --- the count check and the clean-up --------------------------------------------------------------


def stored_by_marker(run_id: str, partnerships: list[str]) -> dict[str, list[str]]:
	"""Marker -> the names of the reports that carry it, for this run (counted in SQL)."""
	frappe.db.rollback()  # read what the web server committed
	rows = frappe.db.sql(
		f"""select substring_index(description, ':', 1) as marker, count(*) as n, group_concat(name) as names
		from `tab{REPORT}`
		where hiring_partnership in %(partnerships)s and description like %(run)s
		group by marker""",
		{"partnerships": tuple(partnerships), "run": f"{PREFIX} {run_id} %"},
		as_dict=True,
	)
	return {row.marker: row.names.split(",") for row in rows}


def count_check(submissions: list[Submission], stored: dict[str, list[str]]) -> dict:
	"""Every accepted submission stored exactly once (as the name it was given), no refused one
	stored, a submission that got no answer (timeout) stored at most once, and nothing else."""
	sent = {s.marker: s for s in submissions}
	accepted = [s for s in submissions if s.name]
	missing = [s.marker for s in accepted if s.marker not in stored]
	duplicated = [m for m, names in stored.items() if len(names) > 1]
	misnamed = [s.marker for s in accepted if s.marker in stored and stored[s.marker] != [s.name]]
	refused = [s.marker for s in submissions if not s.name and s.status.isdigit() and s.marker in stored]
	unknown = [s.marker for s in submissions if not s.status.isdigit()]
	stray = [m for m in stored if m not in sent]
	return {
		"ok": not (missing or duplicated or misnamed or refused or stray),
		"accepted": len(accepted),
		"stored": sum(len(names) for names in stored.values()),
		"missing": missing[:20],
		"duplicated": duplicated[:20],
		"misnamed": misnamed[:20],
		"refused_but_stored": refused[:20],
		"no_answer": len(unknown),
		"no_answer_stored": len([m for m in unknown if m in stored]),
		"stray": stray[:20],
	}


def chunks(names: list[str], size: int = 1000):
	for i in range(0, len(names), size):
		yield names[i : i + size]


def delete_reports(names: list[str]) -> dict[str, int]:
	"""Deletes the reports and everything a portal submission made that refers to them."""
	deleted = delete_traces(REPORT, names)
	for part in chunks(names):
		frappe.db.delete("Retention Intervention", {"parent": ("in", part), "parenttype": REPORT})
		frappe.db.delete(REPORT, {"name": ("in", part)})
	deleted[REPORT] = len(names)
	frappe.db.commit()
	return {k: v for k, v in deleted.items() if v}


def delete_traces(doctype: str, names: list[str]) -> dict[str, int]:
	"""What Frappe wrote about these records (TRACES), and the background jobs it queued about
	them and that have not run yet (none if a worker took them)."""
	deleted = {"queued jobs": drop_queued_jobs(set(names))}
	for part in chunks(names):
		for trace, doctype_field, name_field, children in TRACES:
			made = frappe.get_all(
				trace, filters={doctype_field: doctype, name_field: ("in", part)}, pluck="name"
			)
			for sub in chunks(made):
				for child in children:
					frappe.db.delete(child, {"parent": ("in", sub), "parenttype": trace})
				frappe.db.delete(trace, {"name": ("in", sub)})
			deleted[trace] = deleted.get(trace, 0) + len(made)
	return deleted


def drop_queued_jobs(names: set[str]) -> int:
	"""Removes this site's queued jobs that would write about one of `names`: the "Retention Issue
	Reported" system notification (made in a job), and a new user's contact and gravatar."""
	from frappe.utils.background_jobs import get_queue
	from rq.job import Job

	dropped = 0
	for queue_name in ("default", "short"):
		queue = get_queue(queue_name)
		for job in Job.fetch_many(queue.get_job_ids(), connection=queue.connection):
			if job and job.kwargs.get("site") == frappe.local.site and _about(job.kwargs) in names:
				job.cancel()
				job.delete()
				dropped += 1
	return dropped


def _about(job_kwargs: dict) -> str | None:
	if job_kwargs.get("method") not in QUEUED_WRITES:
		return None
	kwargs = job_kwargs.get("kwargs") or {}
	doc, user = kwargs.get("doc"), kwargs.get("user")
	if isinstance(doc, dict):
		return doc.get("document_name")
	return getattr(user, "name", None) or kwargs.get("name")


def clean_up(run_id: str, people: list, since) -> dict[str, int]:
	partnerships = [p.partnership for p in people]
	names = frappe.get_all(
		REPORT,
		filters={"hiring_partnership": ("in", partnerships), "description": ("like", f"{PREFIX} {run_id} %")},
		pluck="name",
	)
	deleted = delete_reports(names)
	emails = [p.email for p in people]
	frappe.db.delete("Activity Log", {"user": ("in", emails), "creation": (">=", since)})
	frappe.db.delete("Sessions", {"user": ("in", emails)})
	frappe.db.commit()
	return deleted


# --- main -----------------------------------------------------------------------------------------


def report(args, result: dict):
	print(
		f"gunicorn -w {args.workers} --threads {args.threads} "
		f"({'gthread' if args.threads > 1 else 'sync'}), {args.users} employers, "
		f"{args.seconds:g} s measured after {args.warmup:g} s warm-up, developer_mode={result['developer_mode']}"
	)
	rows = [
		("submissions", result["submissions"]),
		("accepted", result["accepted"]),
		("errors", ", ".join(f"{k}: {v}" for k, v in result["errors"].items()) or "none"),
		("throughput", f"{result['throughput_per_s']} /s (target >= {TARGET_PER_SECOND})"),
		("latency p50", f"{result['p50_ms']} ms"),
		("latency p95", f"{result['p95_ms']} ms (target <= {TARGET_P95_MS})"),
		("latency p99", f"{result['p99_ms']} ms"),
		("latency max", f"{result['max_ms']} ms"),
		(
			"CPU / submission",
			f"gunicorn workers {result['server_cpu_ms_per_submission']} ms,"
			f" mariadbd {result['database_cpu_ms_per_submission']} ms (whole server)",
		),
		(
			"load average",
			" -> ".join(f"{v:g}" for v in result["load_average_1m"]) + f" ({os.cpu_count()} cores)",
		),
		("peak RSS master", f"{result['peak_rss_mb']['master']} MB"),
		("peak RSS workers", " ".join(f"{v:g}" for v in result["peak_rss_mb"]["workers"]) + " MB"),
		(
			"count check",
			("ok" if result["count_check"]["ok"] else "FAILED")
			+ f" ({result['count_check']['accepted']} accepted incl. warm-up,"
			f" {result['count_check']['stored']} stored, {result['count_check']['no_answer']} unanswered)",
		),
		("cleaned up", ", ".join(f"{k} {v}" for k, v in result["deleted"].items())),
	]
	for label, value in rows:
		print(f"  {label:<17} {value}")
	for status, sample in result["error_samples"].items():
		print(f"  error {status}: {sample[:200]}")
	if not result["count_check"]["ok"]:
		print(json.dumps(result["count_check"], indent=1))


def main():
	parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
	parser.add_argument("site")
	parser.add_argument("--users", type=int, default=8, help="employer portal users, one thread each")
	parser.add_argument("--seconds", type=float, default=20, help="measured duration")
	parser.add_argument("--warmup", type=float, default=3, help="unmeasured seconds first")
	parser.add_argument("--workers", type=int, help="gunicorn workers (default: as in production)")
	parser.add_argument("--threads", type=int, default=1, help="threads per worker (> 1: gthread)")
	parser.add_argument("--json", help="also write the results to this file")
	parser.add_argument("--purge", action="store_true", help="remove the set-up records at the end")
	args = parser.parse_args()

	sites = Path.cwd()
	bench = sites.parent
	if not (sites / args.site / "site_config.json").exists():
		sys.exit(f"run from the bench's sites folder; {sites / args.site} is not a site")
	args.workers = args.workers or default_workers(bench)
	frappe.init(site=args.site, sites_path=str(sites))
	frappe.connect()
	run_id = frappe.generate_hash(length=8)
	developer_mode = int(bool(frappe.conf.get("developer_mode")))
	people: list = []
	since = now_datetime()
	result: dict = {}
	try:
		people = set_up(args.users)
		with Gunicorn(bench, args.site, args.workers, args.threads) as server:
			load_before = os.getloadavg()[0]
			submissions, window = load(server, people, run_id, args.warmup, args.seconds)
			result["peak_rss_mb"] = server.peak_rss_mb()
			result["load_average_1m"] = [round(load_before, 2), round(os.getloadavg()[0], 2)]
		result.update(summarise(submissions, window))
		stored = stored_by_marker(run_id, [p.partnership for p in people])
		result["count_check"] = count_check(submissions, stored)
	finally:
		if people:
			result["deleted"] = clean_up(run_id, people, since)
		if args.purge:
			purge_set_up()
		frappe.destroy()
	result.update(
		run_id=run_id,
		users=args.users,
		seconds=args.seconds,
		warmup=args.warmup,
		workers=args.workers,
		threads=args.threads,
		cores=os.cpu_count(),
		developer_mode=developer_mode,
	)
	report(args, result)
	if args.json:
		Path(args.json).write_text(json.dumps(result, indent=1))
	met = result["throughput_per_s"] >= TARGET_PER_SECOND and result["p95_ms"] <= TARGET_P95_MS
	sys.exit(0 if result["count_check"]["ok"] and met else 1)


if __name__ == "__main__":
	main()
