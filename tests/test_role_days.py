"""Each role's day, walked in headless Chromium as the person does it (issue 23): a business services
rep (workspace, board, lead, interaction, conversion, job order, matches, referral, placement), a
case manager (workspace, roster, follow-up outcome, participant, issue, services) and a partnership
manager (workspace, every report, PDF, Excel).  The employer's day on a phone is in
test_portal_browser.py and test_accessibility.py.

At each step the suite asserts what the person should see, and, throughout, that no error dialog,
raw permission trace, server error or refused request appears (`Day.check`).  Screenshots go to
EP_SCREENSHOTS_DIR when it is set (scripts/screenshots.py refreshes docs/ from them).
"""

import re
from urllib.parse import quote

import frappe
import pytest
from frappe.utils import add_days, today

from employment_partners.pipeline import stages
from employment_partners.tests.factories import (
	make_contact,
	make_employer_lead,
	make_participant,
	make_retention_issue,
	make_retention_placement,
	make_skill,
	make_user,
)
from tests.cleanup import forget
from tests.conftest import SAMPLE_PERIOD
from tests.test_browser import _shot

PASSWORD = "Role-day-walk-7!"
DESKTOP = {"width": 1440, "height": 900}
TIMEOUT = 60_000
# what a person must never read: Frappe's permission trace, a Python value, a server error
RAW = re.compile(
	r"Not allowed via controller permission check|Insufficient Permission|Traceback|"
	r"Internal Server Error|You don't have access to|must be more than 0, not 0\.0"
)


class Day:
	"""One person's browser, signed in; `check` records what a person should never meet."""

	def __init__(self, browser, site, user: str):
		self.site = site
		self.context = browser.new_context(viewport=DESKTOP)
		self.page = self.context.new_page()
		self.failed: list[str] = []
		self.page.on("response", self.on_response)
		self.page.goto(f"{site.browser_url}/login", wait_until="networkidle")
		self.page.fill("#login_email", user)
		self.page.fill("#login_password", PASSWORD)
		self.page.click(".btn-login")

	def on_response(self, response):
		if response.status >= 500 or (response.status == 403 and "/api/" in response.url):
			self.failed.append(f"{response.status} {response.url[:160]}")

	def go(self, path: str, ready: str):
		self.page.goto(f"{self.site.browser_url}{path}", wait_until="networkidle")
		self.page.wait_for_selector(ready, timeout=TIMEOUT, state="attached")
		return self.page

	def dialog(self, containing: str):
		"""The open dialog that says `containing`."""
		found = self.page.locator(".modal.show", has_text=containing).last
		found.wait_for(timeout=TIMEOUT)
		# as a person would: after it has faded in (Bootstrap ignores a close while it does)
		self.page.wait_for_timeout(400)
		return found

	def check(self, step: str, allow_refused: bool = False):
		"""No error dialog, raw message, card left loading or failed request at this step."""
		page = self.page
		page.wait_for_load_state("networkidle")
		problems = []
		for dialog in page.locator(".modal.show").all():
			problems.append("dialog: " + " ".join(dialog.inner_text().split())[:200])
		body = page.locator("body").inner_text()
		if raw := RAW.search(body):
			problems.append(f"says {raw.group(0)!r}")
		problems += [] if allow_refused else self.failed
		self.failed = []
		assert not problems, f"{step}: {problems}"

	def save(self, step: str):
		"""Ctrl+S on the form: saved, or the message that refused it (the step fails with its words)."""
		page = self.page
		page.keyboard.press("Control+s")
		page.wait_for_function(
			"() => (!cur_frm.is_new() && !cur_frm.is_dirty()) || document.querySelector('.modal.show')",
			timeout=TIMEOUT,
		)
		refused = page.locator(".modal.show")
		assert not refused.count(), f"{step}: " + " ".join(refused.first.inner_text().split())[:300]

	def cards_loaded(self):
		"""Every number card of the workspace shows its figure (none left "Loading...")."""
		self.page.wait_for_function(
			"""() => { const cards = [...document.querySelectorAll(".widget.number-widget-box")];
				return cards.length && cards.every((c) => !/Loading/.test(c.innerText)
					&& c.querySelector(".number")); }""",
			timeout=TIMEOUT,
		)

	def twins_agree(self, workspace: str):
		"""Each shortcut's badge shows the figure of the card beside it that counts the same thing
		(tests/test_desk_fixtures.py TWINS)."""
		from tests.test_desk_fixtures import TWINS

		for shortcut, card in TWINS[workspace].items():
			badge = self.page.locator(".shortcut-widget-box", has_text=shortcut).locator(".indicator-pill")
			badge.wait_for(timeout=TIMEOUT)
			figure = self.page.locator(".number-widget-box", has_text=card).locator(".number")
			assert badge.inner_text().strip() == figure.inner_text().strip(), (workspace, shortcut, card)

	def board_drag(self, card: str, to_stage: str):
		"""The card that says `card` dragged by the mouse onto the `to_stage` column, as a person
		drags it (the board's Sortable follows the mouse: forceFallback); returns when the board has
		its answer."""
		page = self.page
		dragged = page.locator(".kanban-card-wrapper", has_text=card).first
		column = page.locator(f".kanban-column[data-column-value='{to_stage}'] .kanban-cards").first
		column.scroll_into_view_if_needed()
		start, target = dragged.bounding_box(), column.bounding_box()
		x, y = start["x"] + start["width"] / 2, start["y"] + min(start["height"] / 2, 20)
		with page.expect_response(lambda r: "update_order_for_single_card" in r.url, timeout=TIMEOUT):
			page.mouse.move(x, y)
			page.mouse.down()
			page.mouse.move(x + 5, y + 5, steps=2)
			page.mouse.move(target["x"] + 40, target["y"] + 20, steps=15)
			page.mouse.up()

	def on_board(self, card: str, stage: str):
		"""The card that says `card` shows in the `stage` column."""
		self.page.locator(
			f".kanban-column[data-column-value='{stage}'] .kanban-card-wrapper", has_text=card
		).first.wait_for(timeout=TIMEOUT)


def stored(doctype: str, name: str, field: str):
	frappe.db.rollback()  # read what the web server committed
	return frappe.db.get_value(doctype, name, field)


@pytest.fixture(scope="module")
def people():
	"""A rep, another rep, a case manager and a manager, each with a password; their records."""
	frappe.set_user("Administrator")
	users = {
		"rep": make_user("Business Services Rep"),
		"other_rep": make_user("Business Services Rep"),
		"case_manager": make_user("Case Manager"),
		"manager": make_user("Partnership Manager"),
	}
	for user in users.values():
		frappe.utils.password.update_password(user, PASSWORD)
	world = frappe._dict(users)
	world.lead = make_employer_lead(
		organisation_name="Daywalk Bakery", assigned_bsr=world.rep, typical_hourly_wage=21
	).name
	world.contact = make_contact("Priya", "Employer Lead", world.lead)
	frappe.db.set_value("Contact", world.contact, "is_primary_contact", 1)
	world.other_lead = make_employer_lead(
		organisation_name="Otherrep Foods", assigned_bsr=world.other_rep
	).name
	skill = make_skill("Daywalk Baking")
	world.skill = skill
	world.candidate = make_participant(
		first_name="Avery",
		last_name="Daywalk",
		skills=[skill],
		available_day=1,
		case_manager=world.case_manager,
	).name
	world.placement = make_retention_placement(
		case_manager=world.case_manager,
		start_date=add_days(today(), -40),
		participant={"first_name": "Robin", "last_name": "Daywalk"},
	)
	world.issue = make_retention_issue(world.placement.name).name
	frappe.db.commit()
	yield world
	frappe.db.rollback()
	frappe.set_user("Administrator")
	partnerships = [
		world.placement.hiring_partnership,
		*frappe.get_all("Hiring Partnership", filters={"employer_lead": world.lead}, pluck="name"),
	]
	orders = frappe.get_all("Job Order", filters={"hiring_partnership": ("in", partnerships)}, pluck="name")
	placements = frappe.get_all("Placement", filters={"job_order": ("in", orders)}, pluck="name")
	follow_ups = frappe.get_all(
		"Retention Follow-up", filters={"placement": ("in", placements)}, pluck="name"
	)
	records = [
		*(
			("Coaching Session", n)
			for n in frappe.get_all(
				"Coaching Session",
				{"participant": ("in", [world.candidate, world.placement.participant])},
				pluck="name",
			)
		),
		*(
			("Retention Issue Report", n)
			for n in frappe.get_all("Retention Issue Report", {"placement": ("in", placements)}, pluck="name")
		),
		*(("Retention Follow-up", n) for n in follow_ups),
		*(("Placement", n) for n in placements),
		*(("Referral", n) for n in frappe.get_all("Referral", {"job_order": ("in", orders)}, pluck="name")),
		*(("Job Order", n) for n in orders),
		*(
			("Employer Interaction", n)
			for n in frappe.get_all(
				"Employer Interaction",
				{"employer_lead": ("in", [world.lead, world.other_lead])},
				pluck="name",
			)
		),
		*(("Hiring Partnership", n) for n in partnerships),
		("Employer Lead", world.lead),
		("Employer Lead", world.other_lead),
		("Contact", world.contact),
		("Participant", world.candidate),
		("Participant", world.placement.participant),
		("Job Skill", skill),
	]
	forget([name for _doctype, name in records])
	for doctype, name in records:
		if frappe.db.exists(doctype, name):
			frappe.delete_doc(doctype, name, force=True, ignore_permissions=True)
	for user in users.values():
		frappe.delete_doc("User", user, force=True, ignore_permissions=True)
	frappe.db.commit()


# ---------------------------------------------------------------------------------------------------
def test_a_reps_day(live_site, browser, people):
	day = Day(browser, live_site, people.rep)
	page = day.page

	# lands on the rep's own workspace, every card with its figure
	page.wait_for_url("**/app/business-services**", timeout=TIMEOUT)
	day.cards_loaded()
	assert "MY OPEN LEADS" in page.inner_text(".layout-main-section").upper()
	day.twins_agree("Business Services")
	# Frappe's administration is not offered
	sidebar = page.inner_text(".desk-sidebar")
	for admin in ("Users", "Build", "Website", "Integrations"):
		assert admin not in sidebar, sidebar
	day.check("workspace")
	_shot(page, "rep-workspace")

	# the board, the rep's own leads in one click
	day.go("/app/employer-lead/view/kanban/Employer Pipeline", ".kanban-column-header .kanban-column-title")
	page.get_by_role("button", name="My leads").click()
	page.locator(".kanban-card-wrapper", has_text="Daywalk Bakery").wait_for(timeout=TIMEOUT)
	page.wait_for_function(
		"() => !document.querySelector('.kanban-card-wrapper') || "
		"![...document.querySelectorAll('.kanban-card-wrapper')].some(c => /Otherrep Foods/.test(c.innerText))",
		timeout=TIMEOUT,
	)
	day.check("my leads on the board")
	_shot(page, "kanban")

	# a skip on the board asks for its reason, and the reason written moves the lead
	day.board_drag("Daywalk Bakery", stages.QUALIFY)
	refusal = day.dialog("needs a written reason")
	assert not RAW.search(refusal.inner_text())
	refusal.get_by_role("button", name="Write the reason").click()
	reason = day.dialog("Reason")
	reason.locator("textarea[data-fieldname='reason']").fill("Met the owner at the chamber breakfast")
	reason.get_by_role("button", name="Move to Qualify").click()
	page.get_by_text("Daywalk Bakery moved to Qualify").wait_for(timeout=TIMEOUT)
	assert stored("Employer Lead", people.lead, "stage") == stages.QUALIFY
	day.on_board("Daywalk Bakery", stages.QUALIFY)
	day.check("skip with its reason")

	# another rep's lead says whose it is and whom to ask
	other_name = frappe.utils.get_fullname(people.other_rep)
	page.get_by_role("button", name="Everyone's leads").click()
	day.on_board("Otherrep Foods", stages.PROSPECT)
	day.board_drag("Otherrep Foods", stages.OUTREACH)
	theirs = day.dialog(f"is {other_name}'s")
	assert "Ask" in theirs.inner_text() and not RAW.search(theirs.inner_text())
	theirs.locator(".btn-modal-close").click()
	assert stored("Employer Lead", people.other_lead, "stage") == stages.PROSPECT
	day.on_board("Otherrep Foods", stages.PROSPECT)  # the card goes back where it was
	day.check("another rep's lead", allow_refused=True)

	# the lead: an interaction logged in place, with its contact chosen, shown on the timeline
	day.go(f"/app/employer-lead/{people.lead}", "[data-fieldname='organisation_name']")
	page.get_by_role("button", name="Log Interaction").click()
	log = day.dialog("Log an interaction with Daywalk Bakery")
	assert log.locator("select[data-fieldname='contact']").input_value() == people.contact
	log.locator("textarea[data-fieldname='summary']").fill("Spring hiring: four bakers, early shifts")
	log.get_by_role("button", name="Log", exact=True).click()
	page.locator(".new-timeline", has_text="Spring hiring: four bakers").wait_for(timeout=TIMEOUT)
	day.check("interaction logged on the lead")
	_shot(page, "lead-timeline")

	# conversion: the partnership has the employer's history
	page.get_by_role("button", name="Create Hiring Partnership").click()
	page.wait_for_url("**/app/hiring-partnership/**", timeout=TIMEOUT)
	page.locator(".new-timeline", has_text="Spring hiring: four bakers").wait_for(timeout=TIMEOUT)
	partnership = page.url.rstrip("/").rsplit("/", 1)[1]
	day.check("conversion")

	# to Source one step at a time; Match needs a job order, and the refusal opens one
	day.go("/app/employer-lead/view/kanban/Employer Pipeline", ".kanban-column-header .kanban-column-title")
	for to_stage in (stages.NURTURE, stages.SOURCE):
		day.board_drag("Daywalk Bakery", to_stage)
		day.on_board("Daywalk Bakery", to_stage)
	assert stored("Employer Lead", people.lead, "stage") == stages.SOURCE
	day.check("one step at a time")
	day.board_drag("Daywalk Bakery", stages.MATCH)
	day.dialog("needs an open Job Order").get_by_role("button", name="New Job Order").click()
	page.wait_for_url("**/app/job-order/new**", timeout=TIMEOUT)
	page.wait_for_selector("[data-fieldname='job_title'] input", timeout=TIMEOUT)
	assert page.evaluate("() => cur_frm.doc.hiring_partnership") == partnership
	page.locator("[data-fieldname='job_title'] input").fill("Early Shift Baker")
	page.locator("[data-fieldname='hourly_wage'] input").fill("21")
	page.locator("select[data-fieldname='status']").select_option("Open")
	day.save("job order")
	order = page.evaluate("() => cur_frm.doc.name")
	day.check("job order")

	# matches: the candidate ranked with the reasons, referred in one click
	page.reload(wait_until="networkidle")
	page.get_by_role("button", name="Find Matches").click()
	row = page.locator(".ep-match-table tbody tr", has_text="Avery Daywalk")
	row.wait_for(timeout=TIMEOUT)
	row.get_by_role("button", name="Propose Referral").click()
	page.get_by_text("Proposed").first.wait_for(timeout=TIMEOUT)
	page.locator(".modal.show .btn-modal-close").first.click()
	day.check("matches and referral")
	referral = stored("Referral", {"job_order": order, "participant": people.candidate}, "name")
	assert referral

	# the employer interviews and hires: the referral records the placement
	frappe.db.set_value("Referral", referral, "status", "Offered")
	frappe.db.commit()
	day.go(f"/app/referral/{referral}", "[data-fieldname='participant']")
	page.get_by_role("button", name="Record Placement").click()
	page.wait_for_url("**/app/placement/new**", timeout=TIMEOUT)
	page.locator("[data-fieldname='start_date'] input").fill(frappe.utils.formatdate(today()))
	page.keyboard.press("Escape")
	page.locator("[data-fieldname='hourly_wage'] input").fill("21")
	page.locator("[data-fieldname='hours_per_week'] input").fill("32")
	page.locator("select[data-fieldname='employment_history']").select_option("No prior job")
	day.save("placement")
	assert stored("Referral", referral, "status") == "Hired"
	day.check("placement")
	_shot(page, "rep-placement")
	day.context.close()


# ---------------------------------------------------------------------------------------------------
def test_a_case_managers_day(live_site, browser, people):
	day = Day(browser, live_site, people.case_manager)
	page = day.page
	placement = people.placement

	# lands on their day: follow-ups, issues awaiting acknowledgement, people at risk
	page.wait_for_url("**/app/job-retention**", timeout=TIMEOUT)
	day.cards_loaded()
	text = page.inner_text(".layout-main-section").upper()
	for card in ("OVERDUE FOLLOW-UPS", "ISSUES AWAITING ACKNOWLEDGEMENT", "AT RISK THIS WEEK"):
		assert card in text, text
	day.twins_agree("Job Retention")
	day.check("workspace")
	_shot(page, "case-manager-workspace")

	# the roster: the person by name, a link to them
	day.go(f"/app/query-report/{quote('Follow-up Due')}", ".dt-scrollable .dt-row")
	assert "Robin Daywalk" in page.inner_text(".dt-scrollable")
	# the days filter says what its number is, not a bare "14"
	within = page.locator("[data-fieldname='within_days']").first
	assert within.locator(".ep-filter-label").inner_text() == "Due within (days)"
	assert within.locator("input").input_value() == "14"
	day.check("roster")

	# a follow-up's outcome: employed with the same employer fills the job's facts, and saves
	follow_up = stored("Retention Follow-up", {"placement": placement.name, "status": "Open"}, "name")
	day.go(f"/app/retention-follow-up/{follow_up}", "[data-fieldname='due_date']")
	page.locator("select[data-fieldname='contact_method']").select_option("Phone")
	page.locator("select[data-fieldname='outcome']").select_option("Employed - Same Employer")
	page.wait_for_function(
		"() => cur_frm.doc.hourly_wage > 0 && cur_frm.doc.hours_per_week > 0", timeout=TIMEOUT
	)
	day.save("follow-up outcome")
	day.check("follow-up outcome")

	# the participant: follow-ups and retention issues under Connections
	day.go(f"/app/participant/{placement.participant}", "[data-fieldname='first_name']")
	page.wait_for_selector(".form-links .document-link", state="attached", timeout=TIMEOUT)
	connections = page.evaluate("() => document.querySelector('.form-links').textContent")
	assert "Retention Follow-up" in connections and "Retention Issue Report" in connections
	day.check("participant")

	# the employer's concern: acknowledged through the workflow
	day.go(f"/app/retention-issue-report/{people.issue}", "[data-fieldname='issue_type']")
	# staff read full names (the employer's short label stays on the portal)
	page.wait_for_function(
		"() => /Robin Daywalk/.test(document.querySelector('.page-head').innerText)", timeout=TIMEOUT
	)
	page.get_by_role("button", name="Actions").click()
	page.get_by_text("Acknowledge", exact=True).first.click()
	page.wait_for_function("() => cur_frm.doc.status === 'Acknowledged'", timeout=TIMEOUT)
	day.check("issue acknowledged")

	# services: a coaching session takes the person's only current placement
	day.go("/app/coaching-session/new", "[data-fieldname='participant'] input")
	field = page.locator("[data-fieldname='participant'] input")
	field.click()
	field.fill("Robin Day")
	page.locator(".awesomplete [role='option']", has_text="Robin Daywalk").first.click()
	page.wait_for_function("() => !!cur_frm.doc.participant", timeout=TIMEOUT)
	page.evaluate("() => cur_frm.set_value({ minutes: 30, kind: 'Job Coaching' })")
	day.save("coaching session")
	assert page.evaluate("() => cur_frm.doc.placement") == placement.name
	day.check("coaching session")
	day.context.close()


# ---------------------------------------------------------------------------------------------------
# the reports of one day (As of) rather than of a period
DAY_REPORTS = ("Follow-up Due", "At Risk This Week", "Early Warning Track Record")


def test_a_manager_reads_every_report(live_site, browser, people, report_sample):
	day = Day(browser, live_site, people.manager)
	page = day.page
	page.wait_for_url("**/app/employment-partners**", timeout=TIMEOUT)
	day.cards_loaded()
	day.twins_agree("Employment Partners")
	day.check("workspace")

	# a chart's axis counts in whole numbers (Frappe printed 300 as "300.00")
	labels = page.evaluate(
		"() => [300, 42, 0, 1200, 0.5].map((n) => frappe.utils.format_chart_axis_number(n))"
	)
	assert labels[:3] == ["300", "42", "0"] and labels[3].startswith("1.2") and labels[4] == "0.5", labels
	# a report chart keeps its own axis options beside Frappe's (a week series shows every few labels
	# whole, not each cut to "J ..."): the options the desk would draw a chart with
	axis = page.evaluate(
		"""() => frappe.views.QueryReport.prototype.get_chart_options.call({ report_settings: {} },
			{ chart: { data: { labels: ["Jun 1"], datasets: [] }, axisOptions: { xIsSeries: 1 } } })
			.axisOptions"""
	)
	assert axis["xIsSeries"] == 1 and axis["shortenYAxisNumbers"] == 1, axis

	query = "&".join(f"{key}={value}" for key, value in SAMPLE_PERIOD.items())
	# every report of the app, as the walk reads them
	reports = frappe.get_all(
		"Report", filters={"module": "Employment Partners", "disabled": 0}, pluck="name", order_by="name"
	)
	assert len(reports) >= 11 and set(DAY_REPORTS) <= set(reports), reports
	dated = 0
	for report in reports:
		filters = "" if report in DAY_REPORTS else query
		day.go(f"/app/query-report/{quote(report)}?{filters}", ".report-wrapper")
		try:
			# its table, or Frappe's "Nothing to show" for a period with no rows
			page.wait_for_function(
				"""() => document.querySelector(".dt-scrollable .dt-row")
					|| /Nothing to show/.test(document.querySelector(".page-content").innerText)""",
				timeout=TIMEOUT,
			)
		except Exception:
			_shot(page, f"failed-{report}")
			raise AssertionError(f"{report}: no table: {page.inner_text('.page-content')[:300]}") from None
		page.wait_for_timeout(600)
		shown = page.evaluate(
			"""() => {
				const cut = (el) => el && el.scrollWidth > el.clientWidth + 1;
				const title = document.querySelector(".page-head .title-text");
				const headers = [...document.querySelectorAll(".dt-header .dt-cell__content")]
					.filter((el) => el.innerText.trim() && cut(el)).map((el) => el.innerText.trim());
				const axis = [...document.querySelectorAll(".chart-container svg .y.axis text")]
					.map((t) => t.textContent.trim());
				// a date cut to "10-01-20…" says nothing
				const dates = new Set((frappe.query_report.columns || [])
					.filter((c) => ["Date", "Datetime"].includes(c.fieldtype)).map((c) => c.label));
				const date_cells = [...document.querySelectorAll(".dt-cell--header")]
					.filter((h) => dates.has(h.innerText.trim()))
					.flatMap((h) => [...document.querySelectorAll(
						`.dt-scrollable .dt-cell__content--col-${h.dataset.colIndex}`)]);
				const dates_cut = date_cells.filter(cut).map((el) => el.innerText.trim());
				// a date or a number in a filter says what it is
				const unlabelled = [...document.querySelectorAll(".page-form .frappe-control")]
					.filter((c) => ["Date", "Int"].includes(c.dataset.fieldtype))
					.filter((c) => !c.querySelector(".ep-filter-label")).map((c) => c.dataset.fieldname);
				// a headline figure's name whole ("Completed, Then Employed (30 / 90 / 180 ...")
				const summaries = [...document.querySelectorAll(".report-summary .summary-label")]
					.filter((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
					.map((el) => el.innerText.trim());
				return { title_cut: cut(title), title: title && title.innerText, headers, axis, dates_cut,
					date_cells: date_cells.length, unlabelled, summaries };
			}"""
		)
		assert not shown["title_cut"], (report, shown["title"])
		assert shown["headers"] == [], (report, shown["headers"])
		assert shown["dates_cut"] == [], (report, shown["dates_cut"][:3])
		assert shown["unlabelled"] == [], (report, shown["unlabelled"])
		assert shown["summaries"] == [], (report, shown["summaries"])
		dated += shown["date_cells"]
		assert not [a for a in shown["axis"] if re.fullmatch(r"\d+\.00", a)], (report, shown["axis"])
		day.check(f"report {report}")
	assert dated, "no report showed a date column: the check above saw nothing"

	# Excel, as the report's menu exports it
	response = page.request.post(
		f"{live_site.browser_url}/api/method/frappe.desk.query_report.export_query",
		form={
			"report_name": "Employer Placement Summary",
			"file_format_type": "Excel",
			"filters": frappe.as_json(SAMPLE_PERIOD),
			"visible_idx": "[]",
			"include_indentation": "0",
		},
		headers={"X-Frappe-CSRF-Token": page.evaluate("() => frappe.csrf_token")},
	)
	assert response.status == 200 and response.body()[:2] == b"PK", response.text()[:200]
	day.context.close()
