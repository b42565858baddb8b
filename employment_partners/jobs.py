"""Waiting for this site's background jobs, for a script that reads what they make (the demo).

The app queues work for after the commit (a participant's follow-ups after exit, a new retention
issue's notifications: `frappe.enqueue(..., enqueue_after_commit=True)`) and a worker does it.
A script that goes on to read that work commits, then calls `run_queued()`: a real RQ worker in
burst mode, as `bench worker --burst` runs it, works the bench's queues until none of the site's
jobs is waiting or running (another worker, a running demo's, may take some of them: while one
listens on the queues it is given a few seconds to take them first), and a job that failed is an
error here too.  Tests wait for their jobs the same way.
"""

import subprocess
import sys
import time
from datetime import timedelta

import frappe
from frappe.utils.background_jobs import get_queue, get_queue_list, get_redis_conn
from rq import Worker
from rq.job import Job
from rq.registry import FailedJobRegistry, StartedJobRegistry
from rq.utils import utcnow
from rq.worker import WorkerStatus

WORKER = ("-m", "frappe.utils.bench_helper", "frappe", "worker", "--burst", "--quiet", "--queue")
QUEUES = "short,default,long"
# how long a job may wait for a worker already listening on the queues before one is started here
LISTENING_WORKER_SECONDS = 5


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


def listening() -> bool:
	"""A worker (a running site's, or a test's) listens on the bench's queues."""
	names = {get_queue(name).name for name in get_queue_list()}
	return any(names & set(worker.queue_names()) for worker in Worker.all(connection=get_redis_conn()))


def start_worker() -> subprocess.Popen:
	"""A real worker in burst mode on the bench's queues: it works what is queued, then exits."""
	return subprocess.Popen(
		[sys.executable, *WORKER, QUEUES],
		cwd=frappe.local.sites_path,
		stdout=subprocess.PIPE,
		stderr=subprocess.STDOUT,
		text=True,
	)


# a busy worker's heartbeat is renewed every 30 s or so (RQ's job monitoring interval)
ALIVE_SECONDS = 120


def busy() -> bool:
	"""Some of the site's jobs wait or run, or a worker on the bench's queues is busy.  A worker
	listening on several queues takes a job off its queue (BLPOP), marks itself busy, then forks
	the work horse, which registers the job as started: until then the job is in no queue or
	registry, and only the worker's state tells that it is being worked (another site's job keeps
	a worker busy too: this then waits for it)."""
	if queued() or running():
		return True
	names = {get_queue(name).name for name in get_queue_list()}
	alive_since = utcnow() - timedelta(seconds=ALIVE_SECONDS)
	return any(
		names & set(worker.queue_names())
		and worker.get_state() == WorkerStatus.BUSY
		and worker.last_heartbeat  # a worker killed while busy leaves its key behind a while
		and worker.last_heartbeat > alive_since
		for worker in Worker.all(connection=get_redis_conn())
	)


def run_queued(timeout: float = 600):
	"""Commit, then run workers in burst mode until none of the site's jobs waits or runs (a job
	another worker took is waited for).  Raises JobFailed, with its traceback, when one of the
	site's jobs failed meanwhile."""
	frappe.db.commit()  # the after-commit jobs go onto the queues now
	failed_before = failed()
	deadline = time.monotonic() + timeout
	waiting_since = None  # since when the site's jobs wait while a worker listens
	while busy():
		if time.monotonic() > deadline:
			raise TimeoutError(f"the site's background jobs still wait or run: {queued() + running()}")
		if not queued():
			waiting_since = None
			time.sleep(0.05)
			continue
		waiting_since = waiting_since or time.monotonic()
		if listening() and time.monotonic() - waiting_since < LISTENING_WORKER_SECONDS:
			time.sleep(0.02)
			continue
		waiting_since = None
		worker = start_worker()
		output, _ = worker.communicate(timeout=max(deadline - time.monotonic(), 1))
		if worker.returncode:
			raise JobFailed(f"the worker stopped with exit {worker.returncode}:\n{output[-2000:]}")
	for job_id in sorted(failed() - failed_before):
		job = Job.fetch(job_id, connection=get_redis_conn())
		raise JobFailed(f"background job {job_id} failed:\n{job.exc_info or ''}")
