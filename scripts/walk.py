"""A short walk through the running demo in headless Chromium, as its people take it.

Every named demo login (the README's: Administrator, the rep, the manager, the case manager and
the two employers) and one generated login per staff role (a rep, a case manager, the director)
sign in, land on their page and open their role's main pages:

- a rep: the workspace, the pipeline kanban, one of their leads, Find Matches on an open job order;
- a case manager: the workspace, Follow-up Due, At Risk This Week, one of their participants, one
  of their follow-ups;
- a manager (and Administrator): the workspace and each report of the app;
- an employer: /partner and each portal form.

A page passes when it renders with no server error (no 5xx answer, no 403 on an API call), no
permission or error dialog, and no card left "Loading…".  `.ci/run` runs it after
`bash scripts/demo.sh`, against the demo it started; it reads the demo's records from the site
(read only) to know whose lead or follow-up to open.  Debian's Chromium, driven by Playwright,
as the browser tests (tests/test_browser.py) do.

	cd <bench>/sites && <bench>/env/bin/python <repo>/scripts/walk.py SITE URL [PASSWORD]

Exit 0 when every page passed; otherwise each failure is printed and the exit is 1.
"""

import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the checkout: the tests' helpers

import frappe

from tests.conftest import CHROMIUM, CHROMIUM_ARGS

TIMEOUT_MS = 60_000
PROBLEM_DIALOG = re.compile(
	r"not permitted|insufficient permission|no permission|permission error|server error|"
	r"traceback|something went wrong",
	re.I,
)
# what is still loading when a page's cards have not answered
STILL_LOADING = """() => Array.from(document.querySelectorAll("body *"))
	.filter((e) => e.offsetParent !== null && e.children.length === 0 && /^Loading/i.test(e.textContent.trim()))
	.map((e) => (e.closest(".widget") || e.parentElement).innerText.trim().slice(0, 80))"""


@dataclass
class Stop:
	label: str
	path: str
	ready: str  # a selector that shows the page rendered
	action: str | None = None  # "find matches"


@dataclass
class Person:
	label: str
	user: str
	password: str
	lands: str  # the path their sign-in lands on
	stops: list[Stop] = field(default_factory=list)


# --- who walks, and where: read from the demo site --------------------------------------------------


def reports() -> list[str]:
	return frappe.get_all(
		"Report", filters={"module": "Employment Partners", "disabled": 0}, pluck="name", order_by="name"
	)


def one(doctype: str, filters: dict, fallback: dict | None = None) -> str:
	name = frappe.db.get_value(doctype, filters, "name", order_by="modified desc")
	if not name and fallback is not None:
		name = frappe.db.get_value(doctype, fallback, "name", order_by="modified desc")
	if not name:
		raise SystemExit(f"walk: the demo has no {doctype} for {filters}; is the demo loaded?")
	return name


def desk(path: str) -> str:
	return f"/app/{path}"


def workspace(slug: str) -> Stop:
	"""A role's own workspace (desk_home.py), its cards rendered."""
	return Stop(f"workspace {slug}", desk(slug), ".widget.number-widget-box")


REP_HOME, CASE_MANAGER_HOME, MANAGER_HOME = "business-services", "job-retention", "employment-partners"


def rep_stops(user: str) -> list[Stop]:
	lead = one("Employer Lead", {"assigned_bsr": user}, {})
	order = one("Job Order", {"assigned_bsr": user, "status": "Open"}, {"status": "Open"})
	return [
		workspace(REP_HOME),
		Stop(
			"kanban",
			desk("employer-lead/view/kanban/Employer Pipeline"),
			".kanban-column-header .kanban-column-title",
		),
		Stop(f"lead {lead}", desk(f"employer-lead/{lead}"), "[data-fieldname='organisation_name']"),
		Stop(
			f"Find Matches on {order}",
			desk(f"job-order/{order}"),
			"[data-fieldname='job_title']",
			"find matches",
		),
	]


def case_manager_stops(user: str) -> list[Stop]:
	participant = one("Participant", {"case_manager": user}, {})
	follow_up = one("Retention Follow-up", {"case_manager": user}, {})
	return [
		workspace(CASE_MANAGER_HOME),
		Stop("Follow-up Due", desk(f"query-report/{quote('Follow-up Due')}"), ".report-wrapper"),
		Stop("At Risk This Week", desk(f"query-report/{quote('At Risk This Week')}"), ".report-wrapper"),
		Stop(
			f"participant {participant}", desk(f"participant/{participant}"), "[data-fieldname='first_name']"
		),
		Stop(
			f"follow-up {follow_up}", desk(f"retention-follow-up/{follow_up}"), "[data-fieldname='due_date']"
		),
	]


def manager_stops() -> list[Stop]:
	return [workspace(MANAGER_HOME)] + [
		Stop(f"report {name}", desk(f"query-report/{quote(name)}"), ".report-wrapper") for name in reports()
	]


def employer_stops() -> list[Stop]:
	return [
		Stop("portal", "/partner", ".ep-portal"),
		Stop("Report a concern", "/partner/concern/new", ".web-form-wrapper, .web-form"),
		Stop("Request hires", "/partner/request-hires/new", ".web-form-wrapper, .web-form"),
		Stop("Give placement feedback", "/partner/feedback/new", ".web-form-wrapper, .web-form"),
	]


def people(admin_password: str) -> list[Person]:
	from employment_partners import demo
	from employment_partners.demo_data import agency
	from employment_partners.permissions import BSR, CASE_MANAGER

	def generated(role: str) -> str:
		users = frappe.get_all(
			"Has Role",
			filters={"role": role, "parenttype": "User", "parent": ("like", f"%@{agency.STAFF_DOMAIN}")},
			pluck="parent",
			order_by="parent",
		)
		if not users:
			raise SystemExit(f"walk: the generated agency has no {role}; is the demo loaded?")
		return users[0]

	password = demo.DEMO_PASSWORD
	walkers = [
		Person("Administrator", "Administrator", admin_password, "/app", manager_stops()),
		# each staff login lands on its role's workspace
		Person("demo rep", demo.DEMO_REP, password, desk(REP_HOME), rep_stops(demo.DEMO_REP)),
		Person(
			"demo case manager",
			demo.DEMO_CASE_MANAGER,
			password,
			desk(CASE_MANAGER_HOME),
			case_manager_stops(demo.DEMO_CASE_MANAGER),
		),
		Person("demo manager", demo.DEMO_MANAGER, password, desk(MANAGER_HOME), manager_stops()),
	]
	for employer, (email, _first, _last) in demo.DEMO_EMPLOYERS.items():
		walkers.append(Person(f"employer {employer}", email, password, "/partner", employer_stops()))
	rep, case_manager = generated(BSR), generated(CASE_MANAGER)
	walkers += [
		Person("generated rep", rep, agency.PASSWORD, desk(REP_HOME), rep_stops(rep)),
		Person(
			"generated case manager",
			case_manager,
			agency.PASSWORD,
			desk(CASE_MANAGER_HOME),
			case_manager_stops(case_manager),
		),
		Person("generated director", agency.DIRECTOR, agency.PASSWORD, desk(MANAGER_HOME), manager_stops()),
	]
	return walkers


# --- the walk -----------------------------------------------------------------------------------------


class Walk:
	def __init__(self, browser, url: str, person: Person):
		self.url, self.person = url, person
		self.context = browser.new_context(viewport={"width": 1400, "height": 900})
		self.page = self.context.new_page()
		self.answers: list[str] = []  # the failed answers of the page being checked
		self.page.on("response", self.on_response)
		self.problems: list[str] = []

	def on_response(self, response):
		if response.status >= 500 or (response.status == 403 and "/api/" in response.url):
			self.answers.append(f"{response.status} {response.request.method} {response.url[:160]}")

	def sign_in(self):
		page = self.page
		page.goto(f"{self.url}/login", wait_until="networkidle")
		page.fill("#login_email", self.person.user)
		page.fill("#login_password", self.person.password)
		page.click(".btn-login")
		page.wait_for_url(f"**{self.person.lands}**", timeout=TIMEOUT_MS)
		page.wait_for_load_state("networkidle")
		self.check("lands on " + self.person.lands)

	def visit(self, stop: Stop):
		page = self.page
		page.goto(f"{self.url}{stop.path}", wait_until="networkidle")
		page.wait_for_selector(stop.ready, timeout=TIMEOUT_MS, state="attached")
		if stop.action == "find matches":
			page.get_by_role("button", name="Find Matches").click()
			page.wait_for_function(
				"""() => { const d = document.querySelector(".modal.show");
					return d && (d.querySelector(".ep-match-table") || /No matches found/.test(d.innerText)); }""",
				timeout=TIMEOUT_MS,
			)
		self.check(stop.label, expect_dialog=stop.action == "find matches")

	def check(self, label: str, expect_dialog: bool = False):
		page, found = self.page, []
		page.wait_for_load_state("networkidle")
		deadline = time.monotonic() + 30
		loading = page.evaluate(STILL_LOADING)
		while loading and time.monotonic() < deadline:
			page.wait_for_timeout(500)
			loading = page.evaluate(STILL_LOADING)
		if loading:
			found.append(f"left loading: {loading[:3]}")
		for dialog in page.locator(".modal.show").all():
			text = " ".join(dialog.inner_text().split())
			if PROBLEM_DIALOG.search(text) or not expect_dialog:
				found.append(f"dialog: {text[:200]}")
		body = page.locator("body").inner_text()
		if re.search(r"\b(Not Permitted|Internal Server Error)\b", body):
			found.append(f"page says: {' '.join(body.split())[:200]}")
		found += [f"answer {a}" for a in self.answers]
		self.answers = []
		status = "ok" if not found else "FAILED"
		print(f"  {status:6} {label} ({page.url.replace(self.url, '')})", flush=True)
		self.problems += [f"{self.person.label} ({self.person.user}), {label}: {f}" for f in found]

	def take(self) -> list[str]:
		started = time.monotonic()
		print(f"{self.person.label}: {self.person.user}", flush=True)
		try:
			self.sign_in()
			for stop in self.person.stops:
				try:
					self.visit(stop)
				except Exception as e:  # a page that never rendered: recorded, and the walk goes on
					self.problems.append(f"{self.person.label}, {stop.label}: {type(e).__name__}: {e}")
					print(f"  FAILED {stop.label}: {type(e).__name__}", flush=True)
		except Exception as e:  # no sign-in: nothing more to walk for this person
			self.problems.append(
				f"{self.person.label} ({self.person.user}): sign-in: {type(e).__name__}: {e}"
			)
		finally:
			self.context.close()
		print(f"  {time.monotonic() - started:.0f} s", flush=True)
		return self.problems


def main(site: str, url: str, admin_password: str = "admin") -> int:
	from playwright.sync_api import sync_playwright

	frappe.init(site=site, sites_path=".")
	frappe.connect()
	try:
		walkers = people(admin_password)
	finally:
		frappe.destroy()
	started, problems = time.monotonic(), []
	with sync_playwright() as p:
		browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
		try:
			for person in walkers:
				problems += Walk(browser, url, person).take()
		finally:
			browser.close()
	pages = sum(len(person.stops) + 1 for person in walkers)
	print(f"walk: {len(walkers)} logins, {pages} pages in {time.monotonic() - started:.0f} s")
	for problem in problems:
		print(f"walk: FAILED {problem}")
	return 1 if problems else 0


if __name__ == "__main__":
	if len(sys.argv) not in (3, 4):
		raise SystemExit(__doc__)
	sys.exit(main(*sys.argv[1:]))
