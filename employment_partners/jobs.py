"""Waiting for this site's background jobs, for a script that reads what they make (the demo).

The app queues work for after the commit (a participant's follow-ups after exit, a new retention
issue's notifications: `frappe.enqueue(..., enqueue_after_commit=True)`) and a worker does it.
A script that goes on to read that work commits, then calls `run_queued()`: a real RQ worker in
burst mode, as `bench worker --burst` runs it, works the bench's queues until none of the site's
jobs is waiting or running (another worker, a running demo's, may take some of them), and a job
that failed is an error here too.  Tests wait for their jobs the same way.
"""

import subprocess
import sys
import time

import frappe
from frappe.utils.background_jobs import get_queue, get_queue_list, get_redis_conn
from rq.job import Job
from rq.registry import FailedJobRegistry, StartedJobRegistry

WORKER = ("-m", "frappe.utils.bench_helper", "frappe", "worker", "--burst", "--quiet", "--queue")
QUEUES = "short,default,long"


class JobFailed(Exception):
	pass


def _ids(registry_of) -> list[str]:
	ids = []
	for name in get_queue_list():
		ids += registry_of(get_queue(name)).get_job_ids()
	return [job_id for job_id in ids if job_id.startswith(f"{frappe.local.site}::")]


def queued() -> list[str]:
	"""The site's jobs waiting in the bench's queues."""
	return _ids(lambda queue: queue)


def running() -> list[str]:
	"""The site's jobs a worker is running."""
	return _ids(lambda queue: StartedJobRegistry(queue=queue))


def failed() -> set[str]:
	return set(_ids(lambda queue: FailedJobRegistry(queue=queue)))


def start_worker() -> subprocess.Popen:
	"""A real worker in burst mode on the bench's queues: it works what is queued, then exits."""
	return subprocess.Popen(
		[sys.executable, *WORKER, QUEUES],
		cwd=frappe.local.sites_path,
		stdout=subprocess.PIPE,
		stderr=subprocess.STDOUT,
		text=True,
	)


def run_queued(timeout: float = 600):
	"""Commit, then run workers in burst mode until none of the site's jobs waits or runs (a job
	another worker took is waited for).  Raises JobFailed, with its traceback, when one of the
	site's jobs failed meanwhile."""
	frappe.db.commit()  # the after-commit jobs go onto the queues now
	failed_before = failed()
	deadline = time.monotonic() + timeout
	while queued() or running():
		if time.monotonic() > deadline:
			raise TimeoutError(f"the site's background jobs still wait or run: {queued() + running()}")
		if not queued():
			time.sleep(0.05)
			continue
		worker = start_worker()
		output, _ = worker.communicate(timeout=max(deadline - time.monotonic(), 1))
		if worker.returncode:
			raise JobFailed(f"the worker stopped with exit {worker.returncode}:\n{output[-2000:]}")
	for job_id in sorted(failed() - failed_before):
		job = Job.fetch(job_id, connection=get_redis_conn())
		raise JobFailed(f"background job {job_id} failed:\n{job.exc_info or ''}")
