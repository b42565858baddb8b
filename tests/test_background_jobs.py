"""Work the app queues for after the commit runs through the bench's queue and a real worker, in
tests as in production (no code path runs it inline under tests): these tests commit, run a
worker in burst mode (`employment_partners.jobs.run_queued`) and read what it made, then remove
everything they committed."""

import time

import frappe
import pytest

from employment_partners import jobs
from employment_partners.tests.factories import (
	emails_about,
	make_hiring_partnership,
	make_job_order,
	make_retention_issue,
	make_retention_placement,
	make_user,
)
from tests.cleanup import forget, remove_users


def desk_notifications(user: str, text: str) -> int:
	return frappe.db.count("Notification Log", {"for_user": user, "subject": ("like", f"%{text}%")})


@pytest.fixture
def placement_world():
	"""A current placement with its rep and case manager, committed; removed afterwards with the
	reports filed on it and what the jobs made for them."""
	bsr, case_manager = make_user("Business Services Rep"), make_user("Case Manager")
	order = make_job_order(hiring_partnership=make_hiring_partnership(assigned_bsr=bsr).name)
	placement = make_retention_placement(
		case_manager=case_manager,
		job_order=order.name,
		participant={"first_name": "Maria", "last_name": "Santos"},
	)
	jobs.run_queued()
	world = frappe._dict(bsr=bsr, case_manager=case_manager, order=order, placement=placement)
	yield world
	frappe.db.rollback()
	jobs.run_queued()  # none of the world's jobs may still run
	for attempt in range(5):  # a full suite running beside this one may deadlock a wide delete
		try:
			_remove(world)
			break
		except frappe.QueryDeadlockError:
			frappe.db.rollback()
			if attempt == 4:
				raise
			time.sleep(1 + attempt)


def _remove(world):
	placement, order = world.placement, world.order
	reports = frappe.get_all("Retention Issue Report", {"placement": placement.name}, pluck="name")
	follow_ups = frappe.get_all("Retention Follow-up", {"placement": placement.name}, pluck="name")
	names = [
		*reports,
		*follow_ups,
		placement.name,
		placement.participant,
		order.name,
		order.hiring_partnership,
	]
	forget(names)
	for name in reports:
		frappe.delete_doc("Retention Issue Report", name, force=True, ignore_permissions=True)
	frappe.db.delete("Retention Follow-up", {"name": ("in", follow_ups or [""])})
	for doctype, name in (
		("Placement", placement.name),
		("Participant", placement.participant),
		("Job Order", order.name),
		("Hiring Partnership", order.hiring_partnership),
	):
		frappe.delete_doc(doctype, name, force=True, ignore_permissions=True, delete_permanently=True)
	forget(names)
	remove_users([world.bsr, world.case_manager])
	frappe.db.commit()


def test_a_new_report_notifies_the_rep_and_the_case_manager_from_a_worker(placement_world):
	report = make_retention_issue(placement_world.placement.name)
	for user in (placement_world.bsr, placement_world.case_manager):
		assert desk_notifications(user, "Retention issue at") == 0, "none inside the request"
	jobs.run_queued()
	for user in (placement_world.bsr, placement_world.case_manager):
		assert desk_notifications(user, "Retention issue at") == 1, user
		assert emails_about(report.doctype, report.name, "Retention issue at", user) == 1, user


def test_a_report_rolled_back_notifies_nobody(placement_world):
	report = make_retention_issue(placement_world.placement.name)
	frappe.db.rollback()
	jobs.run_queued()
	assert not frappe.db.exists("Retention Issue Report", report.name)
	for user in (placement_world.bsr, placement_world.case_manager):
		assert desk_notifications(user, "Retention issue at") == 0, user
