"""The declared permission matrix (employment_partners/permission_matrix.json), checked cell by cell
over REST on a served site: every doctype of the app x every role (Business Services Rep, Case
Manager, Partnership Manager, Employer Partner, Guest) x every action (read, list, create, write,
delete, report).

Each role acts on records in its own scope (a rep's own lead, a case manager's own participant, an
employer's own partnership), so that what is tested is the role; the scopes themselves (another
rep's lead, another caseload, another partnership) are tested in employment_partners/tests/
test_caseload.py, tests/test_permissions.py, tests/test_portal.py and
tests/test_isolation_generated.py.  An action is *allowed* when Frappe answers 200/202 (a list must
also hold the record), *refused* on 403 (a list: 403, or not holding the record); anything else
(a 417 from a payload the test got wrong, a 500) fails the test with the server's answer.
"""

import json
from itertools import count
from pathlib import Path

import frappe
import pytest
from frappe.utils import add_days, now_datetime, nowdate

import employment_partners
from employment_partners.portal import users
from employment_partners.tests.factories import (
	make_hiring_partnership,
	make_job_order,
	make_participant,
	make_placement,
	make_retention_issue,
	make_user,
)

pytestmark = pytest.mark.slow

MATRIX = json.loads((Path(employment_partners.__file__).parent / "permission_matrix.json").read_text())
ROLES = MATRIX["roles"]
ACTIONS = ("read", "list", "create", "write", "delete", "report")
SETTINGS = "Employment Partners Settings"
PASSWORD = "Matrix-pass-9!"
_serial = count(1)


def test_the_matrix_declares_every_doctype_role_and_action():
	app_doctypes = set(
		frappe.get_all("DocType", filters={"module": "Employment Partners", "istable": 0}, pluck="name")
	)
	assert set(MATRIX["matrix"]) == app_doctypes
	assert tuple(MATRIX["actions"]) == ACTIONS
	for doctype, cells in MATRIX["matrix"].items():
		assert list(cells) == ROLES, doctype
		for role, cell in cells.items():
			assert set(cell["may"]) <= set(ACTIONS), (doctype, role)
			assert cell.get("scope") in (None, *MATRIX["scopes"]), (doctype, role)
	# what docs/security.md's table is made from: no one but staff may do anything on the desk
	assert all(not cells["Guest"]["may"] for cells in MATRIX["matrix"].values())


class World:
	"""One user per role with a password, and records in each one's scope, committed so that the
	web server (another process) sees them; removed afterwards."""

	def __init__(self, live_site):
		self.site = live_site
		self.made: list[tuple[str, str]] = []
		self.users = {}
		self.users.update(
			{role: make_user(role) for role in ROLES if role not in ("Guest", "Employer Partner")}
		)
		self.bsr, self.cm = self.users["Business Services Rep"], self.users["Case Manager"]
		order = make_job_order(job_title="Matrix Cook", openings=5, assigned_bsr=self.bsr)
		self.job_order, self.hp = order.name, order.hiring_partnership
		frappe.db.set_value("Hiring Partnership", self.hp, "assigned_bsr", self.bsr)
		employer = f"matrix-{frappe.generate_hash(length=6)}@employer.example.com"
		users.invite(self.hp, employer, "Matrix", "Owner")
		self.users["Employer Partner"] = employer
		for email in self.users.values():
			frappe.utils.password.update_password(email, PASSWORD)
		self.made += [("Hiring Partnership", self.hp), ("Job Order", self.job_order)]
		self.participant = make_participant(first_name="Matrix", case_manager=self.cm).name
		self.made.append(("Participant", self.participant))
		self.placement = make_placement(
			order.name,
			self.participant,
			start_date="2026-09-01",
			incentive_amount=1000,
			incentive_duration_weeks=6,
			training_plan="Two weeks beside a line cook",
			skill_complexity="Low",
		).name
		self.made.append(("Placement", self.placement))
		self.service_partner = self.insert(
			"Service Partner", {"partner_name": "Matrix Housing", "categories": [{"category": "Housing"}]}
		)
		self.lead = self.insert("Employer Lead", self.payload("Employer Lead"))
		self.circle = [self.insert("Participant", self.payload("Participant")) for _ in range(6)]
		self.records = {SETTINGS: SETTINGS}
		for doctype in MATRIX["matrix"]:
			if doctype == "Employer Pulse":
				self.records[doctype] = self.insert(doctype, self.payload(doctype), ignore_permissions=True)
			elif doctype != SETTINGS:
				self.records[doctype] = self.insert(doctype, self.payload(doctype))
		frappe.db.commit()
		self.sessions = {
			role: (live_site.login(email, PASSWORD) if role != "Guest" else live_site.session())
			for role, email in {**self.users, "Guest": None}.items()
		}

	def insert(self, doctype: str, values: dict, ignore_permissions=False) -> str:
		doc = frappe.get_doc({"doctype": doctype, **values}).insert(ignore_permissions=ignore_permissions)
		self.made.append((doctype, doc.name))
		return doc.name

	def payload(self, doctype: str) -> dict:
		"""A valid new record of `doctype`, in the scope of every role's user."""
		n = next(_serial)
		tag = f"Matrix {n} {frappe.generate_hash(length=4)}"
		fresh_person = lambda: self.insert(  # noqa: E731
			"Participant", self.payload("Participant")
		)
		fresh_order = lambda: self.insert(  # noqa: E731
			"Job Order", {**self.payload("Job Order"), "status": "Open", "hiring_partnership": self.hp}
		)
		return {
			"Employer Lead": lambda: {"organisation_name": tag, "assigned_bsr": self.bsr},
			"Hiring Partnership": lambda: {"partner_name": tag, "assigned_bsr": self.bsr},
			"Employer Interaction": lambda: {
				"employer_lead": self.lead,
				"interaction_type": "Call",
				"direction": "Outbound",
				"interaction_date": str(now_datetime()),
				"summary": "Matrix call",
				"staff_member": self.bsr,
			},
			"Job Order": lambda: {
				"job_title": tag,
				"hiring_partnership": self.hp,
				"assigned_bsr": self.bsr,
				"openings": 1,
				"hourly_wage": 20,
				"hours_per_week": 40,
				"shift": "Day",
				"employment_type": "Full-time",
				"placement_type": "Competitive Employment",
				"physical_demand": "Light",
			},
			"Participant": lambda: {
				"first_name": "Matrix",
				"last_name": f"Person{n}",
				"enrolment_date": "2026-01-05",
				"transport_mode": "Public transit",
				"case_manager": self.cm,
			},
			"Placement": lambda: {
				"job_order": fresh_order(),
				"participant": fresh_person(),
				"start_date": "2026-09-01",
				"hourly_wage": 20,
				"hours_per_week": 40,
				"employment_history": "No prior job",
			},
			"Referral": lambda: {
				"job_order": fresh_order(),
				"participant": self.participant,
				"status": "Referred",
			},
			"Retention Follow-up": lambda: {
				"participant": self.participant,
				"label": tag,
				"due_date": "2026-12-01",
			},
			"Retention Issue Report": lambda: {
				"placement": self.placement,
				"reported_by_type": "Employer Contact",
				"channel": "Phone",
				"issue_type": "Attendance",
				"severity": "Medium",
				"description": "Missed two shifts this week without calling in",
			},
			"Retention Plan": lambda: {"participant": fresh_person(), "long_term_goal": "A year in the job"},
			"Coaching Session": lambda: {
				"participant": self.participant,
				"kind": "Job Coaching",
				"session_date": nowdate(),
				"minutes": 30,
				"mode": "Phone",
			},
			"Service Referral": lambda: {
				"participant": self.participant,
				"category": "Housing",
				"service_partner": self.service_partner,
			},
			"Employer Feedback": lambda: {
				"hiring_partnership": self.hp,
				"placement": self.insert("Placement", self.payload("Placement")),
				"milestone": "30 Days",
				"received_on": nowdate(),
				"satisfaction": 4,
			},
			"Employer Confirmation": lambda: {"placement": self.placement, "kind": "Incentive Agreement"},
			"Employer Appreciation Event": lambda: {
				"event_name": tag,
				"event_type": "Annual Appreciation",
				"event_date": add_days(nowdate(), 30),
				"invitees": [{"hiring_partnership": self.hp}],
			},
			"Employer Pulse": lambda: {
				"placement": self.placement,
				"recipient_email": "matrix@employer.example.com",
				"status": "Awaiting Answer",
				"sent_on": str(now_datetime()),
				"expires_on": str(add_days(now_datetime(), 14)),
			},
			"Follow-up Schedule": lambda: {
				"schedule_name": tag,
				"rows": [
					{
						"label": "Week 1",
						"anchor": "Placement Start",
						"offset_value": 1,
						"offset_unit": "Weeks",
					}
				],
			},
			"Incentive Allocation": lambda: {
				"fiscal_year": tag,
				"year_start": f"{2100 + n}-01-01",
				"year_end": f"{2100 + n}-12-31",
				"employer_incentive_allocation": 1000,
				"participant_bonus_allocation": 500,
			},
			"Industry Sector": lambda: {"sector_name": tag},
			"Job Skill": lambda: {"skill_name": tag, "skill_type": "Skill"},
			"Lending Circle": lambda: {
				"circle_name": tag,
				"monthly_contribution": 50,
				"start_month": "2026-12-01",
				"members": [{"participant": p, "payout_order": i} for i, p in enumerate(self.circle, 1)],
			},
			"Placement Type": lambda: {"placement_type_name": tag},
			"Program": lambda: {"program_name": tag, "follow_up_schedule": "Job Retention (SETA 02-09)"},
			"Separation Reason": lambda: {"reason_name": tag, "category": "Quit"},
			# made by the scheduler (early_warning/scoring.py): a row of the same shape
			"Separation Risk": lambda: {
				"placement": self.placement,
				"participant": self.participant,
				"case_manager": self.cm,
				"week_start": f"{2100 + n}-01-04",
				"risk": 12.5,
				"band": "Medium",
			},
			"Early Warning Model": lambda: {
				"method": "Points Rule",
				"status": "Not Used",
				"trained_on": "2026-12-01",
				"note": tag,
			},
			"Service Category": lambda: {"category_name": tag},
			"Service Partner": lambda: {"partner_name": tag, "categories": [{"category": "Housing"}]},
		}[doctype]()

	def cleanup(self):
		frappe.db.rollback()
		frappe.set_user("Administrator")
		names = [name for _doctype, name in self.made]
		frappe.db.delete("ToDo", {"reference_name": ("in", names)})
		for doctype, name in reversed(self.made):
			if doctype == "Placement":
				frappe.db.delete("Retention Follow-up", {"placement": name})
			if frappe.db.exists(doctype, name):
				frappe.delete_doc(doctype, name, force=True, ignore_permissions=True, delete_permanently=True)
		for email in self.users.values():
			frappe.delete_doc("User", email, force=True, ignore_permissions=True)
		frappe.db.commit()


@pytest.fixture(scope="module")
def world(live_site):
	made = World.__new__(World)
	try:
		made.__init__(live_site)
		yield made
	finally:
		made.cleanup()


def attempt(world: World, role: str, doctype: str, action: str) -> tuple[bool | None, str]:
	"""(allowed, what the server said) of `role` trying `action` on `doctype`; allowed is None when
	the answer is neither an allowance nor a refusal.  A portal login (Employer Partner) has no REST
	API at all (security/methods.py): the request must be refused, and its cell is what the
	permission rules the portal's pages and forms apply say."""
	if role == "Employer Partner":
		return portal_attempt(world, role, doctype, action)
	return rest_attempt(world, role, doctype, action)


PTYPES = {
	"read": "read",
	"list": "read",
	"create": "create",
	"write": "write",
	"delete": "delete",
	"report": "report",
}


def portal_attempt(world: World, role: str, doctype: str, action: str) -> tuple[bool | None, str]:
	s, name = world.sessions[role], world.records[doctype]
	r = s.get(f"{world.site.url}/api/resource/{doctype}/{name}")
	if r.status_code != 403:
		return None, f"a portal session reached the REST API: {r.status_code} {r.text[:300]}"
	frappe.set_user(world.users[role])
	try:
		if action == "list":
			return name in frappe.get_list(doctype, filters={"name": name}, pluck="name"), "in-process list"
		target = None if action in ("create", "report") else name
		return bool(frappe.has_permission(doctype, PTYPES[action], target)), "in-process permission"
	except frappe.PermissionError:
		return False, "in-process refusal"
	finally:
		frappe.set_user("Administrator")


def rest_attempt(world: World, role: str, doctype: str, action: str) -> tuple[bool | None, str]:
	s, url = world.sessions[role], world.site.url
	resource = f"{url}/api/resource/{doctype}"
	name = world.records[doctype]
	if action == "read":
		r = s.get(f"{resource}/{name}")
	elif action == "list":
		r = s.get(resource, params={"filters": json.dumps([["name", "=", name]]), "limit_page_length": 5})
		if r.status_code == 200:
			return name in [row["name"] for row in r.json()["data"]], r.text[:300]
	elif action == "create":
		payload = world.payload(doctype)
		frappe.db.commit()  # the payload's own helper records, for the server to see
		r = s.post(resource, json=payload)
		if r.status_code == 200:
			world.made.append((doctype, r.json()["data"]["name"]))
	elif action == "write":
		r = s.put(f"{resource}/{name}", json={})
	elif action == "delete":
		victim = world.insert(doctype, world.payload(doctype), ignore_permissions=True)
		frappe.db.commit()
		r = s.delete(f"{resource}/{victim}")
		frappe.db.rollback()  # see the server's commit
		gone = not frappe.db.exists(doctype, victim)
		if r.status_code in (200, 202) and not gone:
			return None, f"answered {r.status_code} but the record is still there"
	elif action == "report":
		r = s.get(
			f"{url}/api/method/frappe.client.has_permission",
			params={"doctype": doctype, "docname": name, "perm_type": "report"},
		)
		if r.status_code == 200:
			return r.json()["message"]["has_permission"], r.text[:300]
	if r.status_code in (200, 202):
		return True, r.text[:300]
	if r.status_code == 403:
		return False, r.text[:300]
	return None, f"{r.status_code} {r.text[:600]}"


@pytest.mark.parametrize("doctype", sorted(MATRIX["matrix"]))
def test_each_cell_of_the_matrix_holds_over_rest(world, doctype):
	cells = MATRIX["matrix"][doctype]
	actions = ("read", "write") if doctype == SETTINGS else ACTIONS
	wrong = []
	for role in ROLES:
		may = set(cells[role]["may"])
		for action in actions:
			allowed, said = attempt(world, role, doctype, action)
			if allowed is None or allowed != (action in may):
				expected = "allowed" if action in may else "refused"
				wrong.append(f"{role} {action}: expected {expected}, got {said}")
	assert not wrong, f"{doctype}:\n" + "\n".join(wrong)


SHORT = {"read": "R", "list": "L", "create": "C", "write": "W", "delete": "D", "report": "Rp"}


def security_table() -> str:
	"""The role x doctype table of docs/security.md, rendered from the matrix (Guest, who may do
	nothing, is said in words)."""
	roles = [role for role in ROLES if role != "Guest"]
	lines = ["| doctype | " + " | ".join(roles) + " |", "|---" * (len(roles) + 1) + "|"]
	for doctype in sorted(MATRIX["matrix"]):
		cells = []
		for role in roles:
			cell = MATRIX["matrix"][doctype][role]
			text = " ".join(SHORT[action] for action in ACTIONS if action in cell["may"]) or "–"
			cells.append(f"{text} ({cell['scope']})" if cell.get("scope") else text)
		lines.append(f"| {doctype} | " + " | ".join(cells) + " |")
	return "\n".join(lines)


def test_the_security_docs_show_the_declared_matrix():
	"""docs/security.md shows, between its markers, the table rendered from permission_matrix.json."""
	page = (Path(employment_partners.__file__).parent.parent / "docs" / "security.md").read_text()
	start, end = "<!-- permission-matrix -->\n", "\n<!-- /permission-matrix -->"
	assert start in page and end in page, "docs/security.md has lost its permission table"
	shown = page[page.index(start) + len(start) : page.index(end)]
	assert shown == security_table(), (
		"docs/security.md's table differs from permission_matrix.json:\n" + security_table()
	)
