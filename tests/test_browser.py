"""What a person sees: the workspace and the kanban board open in headless Chromium.

Uses Debian's Chromium (scripts/test.sh installs it); never a browser download.
Set EP_SCREENSHOTS_DIR to keep the screenshots.
"""

import os
from pathlib import Path

import pytest

from tests.conftest import CHROMIUM, CHROMIUM_ARGS, REPORTS, SAMPLE_PERIOD


@pytest.fixture(scope="module")
def desk_page(live_site, admin_password):
	from playwright.sync_api import sync_playwright

	with sync_playwright() as p:
		browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
		context = browser.new_context(viewport={"width": 1400, "height": 900})
		page = context.new_page()
		page.goto(f"{live_site.browser_url}/login", wait_until="networkidle")
		page.fill("#login_email", "Administrator")
		page.fill("#login_password", admin_password)
		page.click(".btn-login")
		page.wait_for_url("**/app**", timeout=60_000)
		yield live_site, page
		browser.close()


def open_page(desk_page, path: str, ready: str, **wait):
	"""Open a desk page and wait for the element that shows it has rendered."""
	site, page = desk_page
	page.goto(f"{site.browser_url}{path}", wait_until="networkidle")
	page.wait_for_selector(ready, timeout=60_000, **wait)
	return page


def remove(*records: tuple[str, str]):
	"""Delete what a fixture committed for the web server, in the order given, and commit."""
	import frappe

	for doctype, name in records:
		frappe.delete_doc(doctype, name, force=True, ignore_permissions=True)
	frappe.db.commit()


def _shot(page, name: str):
	target = os.environ.get("EP_SCREENSHOTS_DIR")
	if target:
		Path(target).mkdir(parents=True, exist_ok=True)
		page.screenshot(path=str(Path(target) / f"{name}.png"), full_page=False)


def test_workspace_opens_with_cards_and_chart(desk_page):
	page = open_page(desk_page, "/app/employment-partners", ".widget.number-widget-box")
	for text in (
		"Open Employer Leads",
		"Active Partnerships",
		"90-Day Retention",
		"Partnerships at Risk",
		"Employer Pipeline Funnel",
		"Partnership Health Bands",
	):
		# widgets render after the page settles; get_by_text ignores case (titles are upper-cased by CSS)
		page.get_by_text(text).first.wait_for(timeout=30_000)
	_shot(page, "workspace")


@pytest.fixture(scope="module")
def assigned_lead():
	"""A lead with its BSR, committed so the web server sees it; removed afterwards."""
	import frappe

	from employment_partners.tests.factories import make_employer_lead, make_user

	rep = make_user("Business Services Rep")
	lead = make_employer_lead(organisation_name="Kanban Check Bakery", assigned_bsr=rep)
	frappe.db.commit()
	yield lead, frappe.db.get_value("User", rep, "full_name")
	remove(("Employer Lead", lead.name), ("User", rep))


def test_kanban_board_shows_every_stage(desk_page, assigned_lead):
	_lead, rep_name = assigned_lead
	page = open_page(
		desk_page,
		"/app/employer-lead/view/kanban/Employer Pipeline",
		".kanban-column-header .kanban-column-title",
		state="attached",
	)
	page.wait_for_timeout(1500)
	titles = [t.strip() for t in page.locator(".kanban-column-header .kanban-column-title").all_inner_texts()]
	from employment_partners.pipeline.stages import ALL_STAGES

	for stage in ALL_STAGES:
		assert any(stage in t for t in titles), (stage, titles)
	card = page.locator(".kanban-card-wrapper", has_text="Kanban Check Bakery")
	card.wait_for(timeout=30_000)
	# the card's BSR line carries the rep's name (it rendered empty before)
	bsr_line = card.locator(".kanban-card-doc div", has_text="BSR:")
	assert rep_name in bsr_line.inner_text(), bsr_line.inner_text()
	_shot(page, "kanban")


def test_lead_form_opens(desk_page):
	page = open_page(desk_page, "/app/employer-lead/new", "[data-fieldname='organisation_name'] input")
	assert "Qualification" in page.inner_text(".form-tabs-list")
	_shot(page, "lead-form")


@pytest.fixture(scope="module")
def hiring_records():
	"""A job order and three candidates, committed so the web server sees them; removed afterwards."""
	import frappe

	from employment_partners.tests.factories import make_job_order, make_participant, make_skill

	skills = [make_skill(f"Browser Skill {n}") for n in ("Forklift", "Inventory")]
	order = make_job_order(job_title="Browser Check Associate", skills=skills, shift="Evening", openings=2)
	people = [
		make_participant(first_name="Avery", last_name="Browser", skills=skills, available_evening=1),
		make_participant(first_name="Blake", last_name="Browser", skills=skills[:1], available_evening=1),
		make_participant(first_name="Casey", last_name="Browser", transport_mode="No reliable transport"),
	]
	frappe.db.commit()
	yield order, people
	referrals = frappe.get_all("Referral", filters={"job_order": order.name}, pluck="name")
	remove(
		*(("Referral", name) for name in referrals),
		*(("Participant", person.name) for person in people),
		("Job Order", order.name),
		("Hiring Partnership", order.hiring_partnership),
		*(("Job Skill", skill) for skill in skills),
	)


def test_find_matches_ranks_candidates_with_reasons(desk_page, hiring_records):
	order, _people = hiring_records
	page = open_page(desk_page, f"/app/job-order/{order.name}", "[data-fieldname='job_title']")
	page.get_by_role("button", name="Find Matches").click()
	page.wait_for_selector(".ep-match-table tbody tr", timeout=60_000)
	rows = page.locator(".ep-match-table tbody tr")
	names = [rows.nth(i).locator("td").nth(1).inner_text().split("\n")[0] for i in range(rows.count())]
	ours = [n for n in names if n.endswith("Browser")]
	assert ours == ["Avery Browser", "Blake Browser", "Casey Browser"], names
	first = rows.filter(has_text="Avery Browser")
	assert "Skills 30/30" in first.inner_text()
	assert "Holds 2 of 2 required skills" in first.inner_text()
	_shot(page, "find-matches")
	first.get_by_role("button", name="Propose Referral").click()
	page.get_by_text("Proposed").first.wait_for(timeout=30_000)


def test_participant_form_shows_suitability_tab(desk_page, hiring_records):
	_order, people = hiring_records
	page = open_page(
		desk_page,
		f"/app/participant/{people[0].name}",
		"[data-fieldname='first_name'] input, [data-fieldname='first_name'] .control-value",
	)
	tabs = page.inner_text(".form-tabs-list")
	assert "Barriers and Suitability" in tabs and "Goals and Availability" in tabs
	page.get_by_role("button", name="Find Jobs").wait_for(timeout=30_000)
	_shot(page, "participant-form")


@pytest.fixture(scope="module")
def retention_records():
	"""A placement with its follow-ups and one retention issue, committed for the web server."""
	import frappe

	from employment_partners.tests.factories import make_retention_issue, make_retention_placement, make_user

	case_manager = make_user("Case Manager")
	placement = make_retention_placement(
		case_manager=case_manager,
		start_date="2026-03-02",
		participant={"first_name": "Robin", "last_name": "Browsercheck"},
	)
	issue = make_retention_issue(placement.name, reported_on="2026-03-20 10:00:00")
	frappe.db.commit()
	yield placement, issue, case_manager
	follow_ups = frappe.get_all("Retention Follow-up", filters={"placement": placement.name}, pluck="name")
	frappe.db.delete("ToDo", {"reference_type": "Retention Follow-up", "reference_name": ("in", follow_ups)})
	remove(
		("Retention Issue Report", issue.name),
		("Placement", placement.name),
		("Participant", placement.participant),
		("Job Order", placement.job_order),
		("Hiring Partnership", placement.hiring_partnership),
		("User", case_manager),
	)


def test_follow_up_due_report_lists_overdue_first(desk_page, retention_records):
	import frappe

	_placement, _issue, case_manager = retention_records
	page = open_page(desk_page, "/app/query-report/Follow-up Due?as_of=2026-04-10", ".dt-scrollable .dt-row")
	body = page.inner_text(".dt-scrollable")
	assert "Robin Browsercheck" in body
	assert "Within 1 week of employment" in body and "Overdue" in body
	# the case manager by name, not by login
	assert frappe.db.get_value("User", case_manager, "full_name") in body
	assert case_manager not in body
	assert "OVERDUE" in page.inner_text(".report-summary").upper()
	_shot(page, "follow-up-due")


def test_retention_issue_shows_workflow_actions(desk_page, retention_records):
	_placement, issue, _case_manager = retention_records
	page = open_page(desk_page, f"/app/retention-issue-report/{issue.name}", "[data-fieldname='issue_type']")
	page.get_by_role("button", name="Actions").click()
	page.get_by_text("Acknowledge").first.wait_for(timeout=30_000)
	# staff read the person's full name in the title (employers see "Robin B." on the portal)
	page.wait_for_function(
		"() => /Robin Browsercheck/.test(document.querySelector('.page-head').innerText)", timeout=30_000
	)
	_shot(page, "retention-issue")


@pytest.mark.parametrize("report", REPORTS)
def test_each_report_opens_with_its_chart_and_summary(desk_page, report_sample, report):
	from urllib.parse import quote

	query = "&".join(f"{key}={value}" for key, value in SAMPLE_PERIOD.items())
	page = open_page(desk_page, f"/app/query-report/{quote(report)}?{query}", ".report-summary .summary-item")
	page.wait_for_selector(".chart-container svg", timeout=60_000)
	page.wait_for_selector(".dt-scrollable .dt-row", timeout=60_000)
	# the definitions are there, folded, above the figures
	assert "How these figures are counted" in page.inner_text(".page-content")
	page.wait_for_timeout(800)
	_shot(page, "report-" + report.lower().replace(" ", "-"))


def test_a_report_prints_to_pdf_with_the_letter_head_and_definitions(desk_page, report_sample):
	from io import BytesIO

	from pypdf import PdfReader

	query = "&".join(f"{key}={value}" for key, value in SAMPLE_PERIOD.items())
	page = open_page(
		desk_page, f"/app/query-report/Employer Placement Summary?{query}", ".dt-scrollable .dt-row"
	)
	page.wait_for_timeout(500)
	with page.expect_response(lambda r: "report_to_pdf" in r.url, timeout=120_000) as response:
		page.evaluate(
			"""() => frappe.query_report.pdf_report({
				orientation: "Portrait",
				with_letter_head: 1,
				letter_head: frappe.boot.letter_heads[frappe.boot.ep_default_letter_head],
			})"""
		)
	body = response.value.body()
	assert response.value.status == 200 and body[:4] == b"%PDF", body[:200]
	text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(BytesIO(body)).pages)
	assert "Employer Placement Summary" in text
	assert "Riverside Employment Agency" in text  # the site's default letter head
	assert "How these" in text and "are counted" in text  # the definitions ("fi" prints as a ligature)
	# the funder-ready page the server makes for an app report (exports.py): numbered pages, the
	# headline figures and the column headers
	assert "Page 1 of" in text and "Average Hourly Wage" in text and "Placement Profile" in text


@pytest.fixture(scope="module")
def services_year():
	"""Retention by Service's hand-built year (2017), committed for the web server."""
	import frappe

	from employment_partners.employment_partners.report.retention_by_service.test_retention_by_service import (
		Year,
	)

	year = Year()
	frappe.db.commit()
	yield year
	placements = [name for doctype, name in year.made if doctype == "Placement"]
	follow_ups = frappe.get_all(
		"Retention Follow-up", filters={"placement": ("in", placements)}, pluck="name"
	)
	frappe.db.delete("ToDo", {"reference_name": ("in", follow_ups + placements)})
	for name in follow_ups:
		frappe.delete_doc("Retention Follow-up", name, force=True, ignore_permissions=True)
	remove(*year.made)


def test_retention_by_service_shows_with_and_without_and_suppresses_small_groups(desk_page, services_year):
	page = open_page(
		desk_page,
		"/app/query-report/Retention by Service?from_date=2017-01-01&to_date=2017-12-31",
		".dt-scrollable .dt-row",
	)
	page.wait_for_selector(".chart-container svg", timeout=60_000)
	table = page.inner_text(".dt-scrollable")
	assert "Job coaching (2+ sessions)" in table and "83.3" in table and "suppressed" in table
	page.wait_for_timeout(800)
	_shot(page, "report-retention-by-service")
