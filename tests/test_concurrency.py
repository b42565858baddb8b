"""Twenty staff writing at once through the REST API of a served site (gunicorn, tests/conftest.py).

Each writer is its own logged-in user (Case Managers and Partnership Managers, alternately) with its
own session.  What must hold whatever the interleaving:

- an edit made from a stale read is refused with Frappe's TimestampMismatchError (HTTP 417, "the
  document has been modified after you opened it"), so exactly one write succeeds per version read
  and none is lost: the stored record is the last successful write, and the Version history holds
  one version per successful write;
- the job order's filled openings and status are what a fresh count of its placements says, and
  no order takes more placements than it has openings.

The web server runs two workers, so requests queue; the writers are released together (the reads
all happen before any write) so that the writes do overlap.
"""

import json
import threading
import time
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor

import frappe
import pytest
import requests
from frappe.utils import add_days, nowdate
from frappe.utils.password import update_password

from employment_partners.tests.factories import make_job_order, make_participant, make_placement, make_user
from tests.cleanup import forget, remove_users

pytestmark = pytest.mark.slow

WRITERS = 20
PASSWORD = "Concurrent-writer-20!"
TIMEOUT = 180  # seconds a request may wait in the server's queue
MODIFIED_AFTER_OPENING = "Document has been modified after you have opened it"


# --- fixtures: twenty staff sessions and the records they fight over -----------------------------


@pytest.fixture(scope="module")
def writers(live_site):
	"""Twenty staff users with passwords, committed for the server, each logged in once."""
	roles = ("Case Manager", "Partnership Manager")
	emails = [make_user(roles[i % 2]) for i in range(WRITERS)]
	for email in emails:
		update_password(email, PASSWORD)
	frappe.db.commit()
	with ThreadPoolExecutor(4) as pool:
		sessions = list(pool.map(lambda email: live_site.login(email, PASSWORD), emails))
	yield list(zip(emails, sessions, strict=True))
	frappe.db.rollback()
	for session in sessions:
		session.close()
	remove_users(emails)
	frappe.db.commit()


class Made:
	"""Records a test committed, removed (with their follow-ups, assignments and versions) at the end."""

	def __init__(self):
		self.records: list[tuple[str, str]] = []

	def add(self, doc):
		self.records.append((doc.doctype, doc.name))
		return doc

	def cleanup(self):
		frappe.db.rollback()
		frappe.set_user("Administrator")
		orders = [name for doctype, name in self.records if doctype == "Job Order"]
		placements = frappe.get_all("Placement", filters={"job_order": ("in", orders or [""])}, pluck="name")
		placements = sorted(set(placements) | {n for d, n in self.records if d == "Placement"})
		people = [name for doctype, name in self.records if doctype == "Participant"]
		follow_ups = frappe.get_all(
			"Retention Follow-up", filters={"participant": ("in", people or [""])}, pluck="name"
		)
		names = [name for _doctype, name in self.records] + placements + follow_ups
		forget(names)
		frappe.db.delete("Follow-up Attempt", {"parent": ("in", follow_ups or [""])})
		frappe.db.delete("Retention Follow-up", {"name": ("in", follow_ups or [""])})
		for name in placements:
			frappe.delete_doc("Placement", name, force=True, ignore_permissions=True, delete_permanently=True)
		for doctype, name in reversed(self.records):
			if doctype != "Placement" and frappe.db.exists(doctype, name):
				frappe.delete_doc(doctype, name, force=True, ignore_permissions=True, delete_permanently=True)
		forget(names)
		frappe.db.commit()


@pytest.fixture
def made():
	records = Made()
	yield records
	records.cleanup()


def _placement(made: Made, openings: int = 1):
	"""An active placement of an unassigned participant (every case manager's caseload), with its
	follow-ups, committed."""
	order = made.add(make_job_order(openings=openings))
	made.add(frappe.get_doc("Hiring Partnership", order.hiring_partnership))
	person = made.add(make_participant(first_name="Race", case_manager=""))
	placement = made.add(make_placement(order.name, person.name, start_date=add_days(nowdate(), -3)))
	frappe.db.commit()
	return placement


# --- helpers -------------------------------------------------------------------------------------


def _in_parallel(fn, items) -> list:
	"""fn(i, item) for every item at once, each in its own thread, released together."""
	start = threading.Barrier(len(items))

	def run(i, item):
		start.wait(timeout=TIMEOUT)
		return fn(i, item)

	with ThreadPoolExecutor(len(items)) as pool:
		return list(pool.map(run, range(len(items)), items))


def _message(response: requests.Response) -> str:
	"""The server's message(s) of an error response, as text."""
	body = response.json()
	messages = [json.loads(m).get("message", "") for m in json.loads(body.get("_server_messages") or "[]")]
	return " ".join(messages) or body.get("exception", "")


def _is_stale_write(response: requests.Response) -> bool:
	return (
		response.status_code == 417
		and response.json().get("exc_type") == "TimestampMismatchError"
		and MODIFIED_AFTER_OPENING in _message(response)
	)


def _versions(doctype: str, name: str) -> list[dict]:
	return [
		frappe._dict(v, data=json.loads(v.data))
		for v in frappe.get_all(
			"Version",
			filters={"ref_doctype": doctype, "docname": name},
			fields=["name", "owner", "data", "creation"],
			order_by="creation asc, name asc",
		)
	]


def _assert_one_winner_per_read(attempts: list[tuple[str, requests.Response]]):
	"""Every write is made from the `modified` its writer read: per value read exactly one write
	succeeds (the first to reach the record), every other one is refused as stale."""
	by_read = defaultdict(list)
	for read_modified, response in attempts:
		assert response.status_code == 200 or _is_stale_write(response), (
			response.status_code,
			response.text[:500],
		)
		by_read[read_modified].append(response.status_code)
	for read_modified, codes in by_read.items():
		assert codes.count(200) == 1, (read_modified, Counter(codes))


# --- a. one placement, twenty editors --------------------------------------------------------------


def test_concurrent_edits_of_a_placement_keep_exactly_one(live_site, writers, made):
	placement = _placement(made)
	url = f"{live_site.url}/api/resource/Placement/{placement.name}"
	versions_before = {v.name for v in _versions("Placement", placement.name)}

	def read(i, writer):
		r = writer[1].get(url, timeout=TIMEOUT)
		assert r.status_code == 200, r.text[:300]
		return r.json()["data"]["modified"]

	reads = _in_parallel(read, writers)
	assert len(set(reads)) == 1  # nobody has written yet

	def write(i, writer):
		wage = 21 + i  # each writer its own change
		r = writer[1].put(url, json={"hourly_wage": wage, "modified": reads[i]}, timeout=TIMEOUT)
		return wage, r

	results = _in_parallel(write, writers)
	_assert_one_winner_per_read([(reads[i], r) for i, (_wage, r) in enumerate(results)])
	(winner,) = [(wage, r.json()["data"]) for wage, r in results if r.status_code == 200]
	assert sum(_is_stale_write(r) for _wage, r in results) == WRITERS - 1

	frappe.db.rollback()  # read what the server committed
	stored = frappe.db.get_value("Placement", placement.name, ["hourly_wage", "modified"], as_dict=True)
	assert stored.hourly_wage == winner[0]
	assert str(stored.modified) == winner[1]["modified"]
	new_versions = [v for v in _versions("Placement", placement.name) if v.name not in versions_before]
	assert len(new_versions) == 1
	# the version shows the winner's change, as the form displays it ("$ 33.00")
	((field, _old, new),) = new_versions[0].data["changed"]
	assert field == "hourly_wage" and new.endswith(f"{winner[0]:.2f}")


# --- b. one follow-up, twenty case workers recording an attempt each -----------------------------


def test_concurrent_attempts_on_a_follow_up_are_all_kept(live_site, writers, made):
	"""Each writer records one contact attempt, re-reading and retrying when told its copy is stale,
	until it is stored: all twenty attempts are kept, once each, one version per stored write."""
	placement = _placement(made)
	follow_up = frappe.get_all(
		"Retention Follow-up", filters={"placement": placement.name}, pluck="name", order_by="due_date"
	)[0]
	url = f"{live_site.url}/api/resource/Retention Follow-up/{follow_up}"
	versions_before = {v.name for v in _versions("Retention Follow-up", follow_up)}
	attempts_log: list[tuple[str, requests.Response]] = []
	log_lock = threading.Lock()
	today = nowdate()  # frappe's helpers need its context: not in the writers' threads

	def record_attempt(i, writer):
		tag = f"attempt by writer {i}"
		deadline = time.monotonic() + TIMEOUT
		while time.monotonic() < deadline:
			got = writer[1].get(url, timeout=TIMEOUT)
			assert got.status_code == 200, got.text[:300]
			doc = got.json()["data"]
			row = {"attempted_on": f"{today} 10:{i:02d}:00", "method": "Phone", "notes": tag}
			r = writer[1].put(
				url,
				json={"attempts": [*doc["attempts"], row], "modified": doc["modified"]},
				timeout=TIMEOUT,
			)
			with log_lock:
				attempts_log.append((doc["modified"], r))
			if r.status_code == 200:
				return r.json()["data"]
			assert _is_stale_write(r), (r.status_code, r.text[:500])  # then read again and retry
		raise AssertionError(f"writer {i} could not store its attempt in {TIMEOUT} s")

	stored_by = _in_parallel(record_attempt, writers)
	_assert_one_winner_per_read(attempts_log)
	assert sum(r.status_code == 200 for _m, r in attempts_log) == WRITERS

	frappe.db.rollback()
	doc = frappe.get_doc("Retention Follow-up", follow_up)
	assert Counter(a.notes for a in doc.attempts) == Counter(f"attempt by writer {i}" for i in range(WRITERS))
	assert [a.idx for a in doc.attempts] == list(range(1, WRITERS + 1))
	last = max(stored_by, key=lambda d: d["modified"])
	assert str(doc.modified) == last["modified"]
	new_versions = [v for v in _versions("Retention Follow-up", follow_up) if v.name not in versions_before]
	assert len(new_versions) == WRITERS
	added = [row["notes"] for v in new_versions for _table, row in v.data["added"]]
	assert Counter(added) == Counter(f"attempt by writer {i}" for i in range(WRITERS))
	assert all(len(v.data["added"]) == 1 for v in new_versions)


# --- c. one job order, twenty hires ---------------------------------------------------------------

OPENINGS = 5


def _hire(session: requests.Session, url: str, order: str, person: str, start: str) -> requests.Response:
	return session.post(
		f"{url}/api/resource/Placement",
		json={
			"job_order": order,
			"participant": person,
			"start_date": start,
			"employment_history": "No prior job",
		},
		timeout=TIMEOUT,
	)


def _assert_fill_matches_a_fresh_count(order: str) -> int:
	frappe.db.rollback()
	counted = frappe.db.sql(
		"select count(*) from `tabPlacement` where job_order = %s and status != 'Ended'", order
	)[0][0]
	stored = frappe.db.get_value("Job Order", order, ["filled", "openings", "status"], as_dict=True)
	assert counted <= stored.openings, f"{counted} placements on {stored.openings} openings"
	assert stored.filled == counted
	assert stored.status == ("Filled" if counted >= stored.openings else "Open")
	return counted


def _is_full_refusal(response: requests.Response, order: str) -> bool:
	return response.status_code == 417 and (
		f"All {OPENINGS} openings of job order {order} are filled" in _message(response)
	)


def test_concurrent_hires_on_an_order_with_room_are_all_made(live_site, writers, made):
	"""Twenty hires at once on an order with twenty openings: each is made (none is refused because
	another was being made at the same moment) and the order is Filled with twenty."""
	order = made.add(make_job_order(openings=WRITERS, job_title="Race Packer"))
	made.add(frappe.get_doc("Hiring Partnership", order.hiring_partnership))
	people = [made.add(make_participant(first_name=f"Room{i}", case_manager="")).name for i in range(WRITERS)]
	frappe.db.commit()
	today = nowdate()

	results = _in_parallel(lambda i, w: _hire(w[1], live_site.url, order.name, people[i], today), writers)
	assert [r.status_code for r in results] == [200] * WRITERS, [
		(r.status_code, _message(r)[:300]) for r in results if r.status_code != 200
	]
	assert _assert_fill_matches_a_fresh_count(order.name) == WRITERS


def test_concurrent_hires_never_overfill_a_job_order(live_site, writers, made):
	order = made.add(make_job_order(openings=OPENINGS, job_title="Race Picker"))
	made.add(frappe.get_doc("Hiring Partnership", order.hiring_partnership))
	people = [made.add(make_participant(first_name=f"Hire{i}", case_manager="")).name for i in range(WRITERS)]
	frappe.db.commit()
	today = nowdate()  # frappe's helpers need its context: not in the writers' threads

	# twenty hires at once for five openings: five are made, fifteen told the order is full
	results = _in_parallel(lambda i, w: _hire(w[1], live_site.url, order.name, people[i], today), writers)
	hired = [r.json()["data"] for r in results if r.status_code == 200]
	refused = [r for r in results if r.status_code != 200]
	assert all(_is_full_refusal(r, order.name) for r in refused), [
		(r.status_code, _message(r)[:300]) for r in refused if not _is_full_refusal(r, order.name)
	]
	assert len(hired) == OPENINGS
	assert _assert_fill_matches_a_fresh_count(order.name) == OPENINGS
	# each placement made has its follow-ups; a refused hire left nothing behind
	placed = {p["participant"] for p in hired}
	with_follow_ups = set(
		frappe.get_all(
			"Retention Follow-up", filters={"participant": ("in", people)}, pluck="participant", distinct=True
		)
	)
	assert with_follow_ups == placed

	# two placements end while the fifteen others try again: the freed openings are taken at most once
	ending = hired[:2]
	reason = frappe.get_all("Separation Reason", pluck="name", order_by="name", limit=1)[0]
	waiting = [p for p in people if p not in placed]

	def end_or_hire(i, writer):
		if i < len(ending):
			return writer[1].put(
				f"{live_site.url}/api/resource/Placement/{ending[i]['name']}",
				json={
					"status": "Ended",
					"end_date": today,
					"separation_reason": reason,
					"modified": ending[i]["modified"],
				},
				timeout=TIMEOUT,
			)
		return _hire(writer[1], live_site.url, order.name, waiting[i - len(ending)], today)

	results = _in_parallel(end_or_hire, writers[: len(ending) + len(waiting)])
	assert [r.status_code for r in results[: len(ending)]] == [200] * len(ending), [
		_message(r)[:300] for r in results[: len(ending)]
	]
	rehired = [r for r in results[len(ending) :] if r.status_code == 200]
	refused = [r for r in results[len(ending) :] if r.status_code != 200]
	assert all(_is_full_refusal(r, order.name) for r in refused), [
		(r.status_code, _message(r)[:300]) for r in refused if not _is_full_refusal(r, order.name)
	]
	assert len(rehired) <= len(ending)
	assert _assert_fill_matches_a_fresh_count(order.name) == OPENINGS - len(ending) + len(rehired)
