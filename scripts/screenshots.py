"""Refresh the screenshots of the README and docs/ from a running demo (bash scripts/demo.sh), in
Debian's Chromium.

<bench>/env/bin/python scripts/screenshots.py [http://ep.localhost:8000] [docs]
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from tests.conftest import CHROMIUM, CHROMIUM_ARGS  # the same browser and flags as the tests

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://ep.localhost:8000"
OUT = Path(sys.argv[2] if len(sys.argv) > 2 else REPO / "docs")


def signed_in(browser, viewport: dict, user: str, password: str, lands_on: str):
	page = browser.new_context(viewport=viewport).new_page()
	page.goto(f"{BASE}/login", wait_until="networkidle")
	page.fill("#login_email", user)
	page.fill("#login_password", password)
	page.click(".btn-login")
	page.wait_for_url(lands_on, timeout=60_000)
	return page


def workspace_shot(browser, user: str, lands_on: str, name: str):
	"""A staff login's own workspace as it lands on it, every card's figure in; the page."""
	page = signed_in(browser, {"width": 1400, "height": 900}, user, "demo-password-1", lands_on)
	page.wait_for_selector(".widget.number-widget-box .number", timeout=60_000)
	page.wait_for_timeout(1500)
	page.screenshot(path=str(OUT / f"{name}.png"))
	print("saved", name)
	return page


def main():
	OUT.mkdir(parents=True, exist_ok=True)
	with sync_playwright() as p:
		browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
		page = signed_in(browser, {"width": 1400, "height": 900}, "Administrator", "admin", "**/app**")

		def shot(name: str, url: str, ready: str, before=None):
			try:
				page.goto(f"{BASE}{url}", wait_until="networkidle")
				page.wait_for_selector(ready, timeout=60_000)
				if before:
					before()
			except Exception as e:  # one picture missed is said, and the rest are still taken
				print("MISSED", name, type(e).__name__, str(e).splitlines()[0][:120])
				return
			page.wait_for_timeout(1500)
			page.screenshot(path=str(OUT / f"{name}.png"))
			print("saved", name)

		# the ERPNext demo (EP_WITH_ERPNEXT=1) adds one picture: a placement whose paid incentive is
		# in the books (the others come from the Frappe-alone demo)
		if page.evaluate("() => !!(frappe.boot.versions && frappe.boot.versions.erpnext)"):
			posted = page.evaluate(
				"""() => frappe.xcall('frappe.client.get_value', {doctype: 'Journal Entry',
					filters: {ep_placement: ['is', 'set'], docstatus: 1}, fieldname: 'ep_placement'})
					.then(r => r.ep_placement)"""
			)

			def open_the_paid_row():
				page.locator(".form-tabs .nav-link", has_text="Employer Incentive").first.click()
				grid = page.locator(".frappe-control[data-fieldname='incentive_payments']").first
				grid.scroll_into_view_if_needed()
				grid.locator(".grid-row[data-idx='1'] .btn-open-row").first.click()
				page.wait_for_selector(".grid-row-open [data-fieldname='voucher_no']", timeout=60_000)

			shot(
				"erpnext-placement-posted",
				f"/app/placement/{posted}",
				"[data-fieldname='job_order']",
				open_the_paid_row,
			)
			return browser.close()

		shot("workspace", "/app/employment-partners", ".widget.number-widget-box")
		shot("kanban", "/app/employer-lead/view/kanban/Employer Pipeline", ".kanban-card-wrapper")

		def open_matches():
			page.get_by_role("button", name="Find Matches").click()
			page.wait_for_selector(".ep-match-table tbody tr", timeout=60_000)

		# the demo story's open order (Northside Logistics); the demo's history holds closed ones too
		order = page.evaluate(
			"""() => frappe.xcall('frappe.client.get_value', {doctype: 'Job Order',
				filters: {job_title: 'Warehouse Associate', status: 'Open'}, fieldname: 'name'}).then(r => r.name)"""
		)
		shot("find-matches", f"/app/job-order/{order}", "[data-fieldname='job_title']", open_matches)
		shot("follow-up-due", "/app/query-report/Follow-up Due", ".dt-scrollable .dt-row")
		issue = page.evaluate(
			"""() => frappe.xcall('frappe.client.get_value', {doctype: 'Retention Issue Report',
				filters: {status: 'Intervention Planned'}, fieldname: 'name'}).then(r => r.name)"""
		)
		shot("retention-issue", f"/app/retention-issue-report/{issue}", "[data-fieldname='issue_type']")
		shot("follow-up-calendar", "/app/retention-follow-up/view/calendar/default", ".fc-view")

		def open_actions():
			page.get_by_role("button", name="Actions").click()
			page.get_by_text("Restore shipped default").first.wait_for(timeout=30_000)

		shot(
			"follow-up-schedule",
			"/app/follow-up-schedule/Job Retention (SETA 02-09)",
			"[data-fieldname='rows'] .grid-row",
			open_actions,
		)
		# the reports managers and funders read, each with its chart, summary and definitions
		last_year = int(page.evaluate("() => frappe.datetime.now_date().slice(0, 4)")) - 1
		for name, report, query in (
			("report-partnership-health", "Partnership Health", ""),
			("report-employer-pipeline", "Employer Pipeline", ""),
			("report-placement-summary", "Employer Placement Summary", ""),
			("report-outcomes-follow-up", "Outcomes Follow-up", ""),
			("report-participant-outcomes", "Participant Outcomes", ""),
			(
				"report-wioa",
				"WIOA Employer Services Performance",
				f"?from_date={last_year}-01-01&to_date={last_year}-12-31",
			),
			("report-incentive-spend", "Incentive Spend", ""),
			("report-at-risk", "At Risk This Week", ""),
			("report-early-warning-track-record", "Early Warning Track Record", ""),
			("report-early-warning-calibration", "Early Warning Track Record", "?view=Calibration"),
		):
			shot(name, f"/app/query-report/{report}{query}", ".dt-scrollable .dt-row")

		def open_definitions():
			page.locator("details.ep-definitions summary").first.click()
			page.locator("details.ep-definitions").first.scroll_into_view_if_needed()

		shot(
			"report-definitions",
			"/app/query-report/Partnership Health",
			".dt-scrollable .dt-row",
			open_definitions,
		)

		# the employer portal in the desk: a partnership's portal users and pulse, the pulse list
		northside = page.evaluate(
			"""() => frappe.xcall('frappe.client.get_value', {doctype: 'Hiring Partnership',
				filters: {partner_name: 'Northside Logistics'}, fieldname: 'name'}).then(r => r.name)"""
		)

		def open_contacts_tab():
			page.locator(".form-tabs .nav-link", has_text="Contacts").first.click()
			page.locator("[data-fieldname='portal_users']").first.scroll_into_view_if_needed()

		shot(
			"partnership-portal",
			f"/app/hiring-partnership/{northside}",
			"[data-fieldname='partner_name']",
			open_contacts_tab,
		)
		shot("employer-pulse-list", "/app/employer-pulse", ".list-row-container")

		# retention services: Maria's services timeline and the Retention by Service report
		maria = page.evaluate(
			"""() => frappe.xcall('frappe.client.get_value', {doctype: 'Participant',
				filters: {full_name: 'Maria Santos'}, fieldname: 'name'}).then(r => r.name)"""
		)

		def open_services_tab():
			page.locator(".form-tabs .nav-link", has_text="Services").first.click()
			page.wait_for_selector(".ep-services-timeline tbody tr", timeout=60_000)

		shot(
			"participant-services",
			f"/app/participant/{maria}",
			"[data-fieldname='first_name']",
			open_services_tab,
		)
		# (Retention by Service's screenshot comes from tests/test_browser.py: the demo's placements
		# are too few and too recent for anything but suppressed groups)

		# each role's day, as the demo's rep and case manager land on it
		rep = workspace_shot(
			browser, "rep@demo.employment-partners.invalid", "**/app/business-services**", "rep-workspace"
		)
		lead = rep.evaluate(
			"""() => frappe.xcall('frappe.client.get_value', {doctype: 'Employer Lead',
				filters: {assigned_bsr: frappe.session.user, stage: 'Prospect'}, fieldname: 'name'})
				.then(r => r.name)"""
		)
		rep.goto(f"{BASE}/app/employer-lead/view/kanban/Employer Pipeline", wait_until="networkidle")
		rep.wait_for_selector(".kanban-card-wrapper", timeout=60_000)
		rep.evaluate(
			"""(lead) => { frappe.call({
				method: "frappe.desk.doctype.kanban_board.kanban_board.update_order_for_single_card",
				args: { board_name: "Employer Pipeline", docname: lead, from_colname: "Prospect",
					to_colname: "Nurture", old_index: 0, new_index: 0 } }); }""",
			lead,
		)

		def dialog_shot(ready: str, name: str):
			rep.wait_for_selector(ready, timeout=60_000)
			rep.wait_for_timeout(800)
			rep.screenshot(path=str(OUT / f"{name}.png"))
			print("saved", name)

		dialog_shot(".modal.show .btn-primary", "kanban-next-step")
		rep.goto(f"{BASE}/app/employer-lead/{lead}", wait_until="networkidle")
		rep.wait_for_selector("[data-fieldname='organisation_name']", timeout=60_000)
		rep.get_by_role("button", name="Log Interaction").click()
		dialog_shot(".modal.show select[data-fieldname='contact']", "lead-log-interaction")
		workspace_shot(
			browser,
			"casemanager@demo.employment-partners.invalid",
			"**/app/job-retention**",
			"case-manager-workspace",
		)

		# the portal as the demo's Northside employer sees it
		employer = signed_in(
			browser,
			{"width": 1280, "height": 1100},
			"dana@northside.demo.employment-partners.invalid",
			"demo-password-1",
			"**/partner**",
		)
		employer.wait_for_selector(".ep-portal", timeout=60_000)
		employer.screenshot(path=str(OUT / "portal-demo.png"), full_page=True)
		print("saved", "portal-demo")
		phone = browser.new_context(
			viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
		).new_page()
		phone.context.add_cookies(employer.context.cookies())
		phone.goto(f"{BASE}/partner/feedback/new", wait_until="networkidle")
		phone.wait_for_selector(".ep-rating", timeout=60_000)
		phone.wait_for_timeout(800)
		phone.screenshot(path=str(OUT / "portal-feedback-phone.png"), full_page=True)
		print("saved", "portal-feedback-phone")
		browser.close()


if __name__ == "__main__":
	main()
