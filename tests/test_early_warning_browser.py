"""The retention early warning as its people see it, in headless Chromium: a case manager's At
Risk list (their people only, with reasons and a check-in button), a manager's counts per
partnership, and an employer who sees nothing of it.

A week of its own (Monday 2008-03-03, nothing else on the site runs then): two partnerships;
Ada (the case manager's, a High concern a week ago, in her first month) and Ben (another case
manager's, the same), Cy (the case manager's, a year in, nothing), scored by the points rule.
"""

import pytest

from tests.test_browser import _shot

PASSWORD = "Early-warning-9!"
DAY = "2008-03-03"
REPORT = "/app/query-report/At Risk This Week"


@pytest.fixture(scope="module")
def risk_week():
	import frappe

	from employment_partners.early_warning import model, scoring
	from employment_partners.portal import users
	from employment_partners.tests.factories import (
		make_job_order,
		make_participant,
		make_placement,
		make_retention_issue,
		make_user,
	)

	assert not frappe.db.sql(
		"select name from `tabPlacement` where start_date <= '2008-12-31'"
		" and (end_date is null or end_date >= '2008-01-01') limit 1"
	), "the site already has placements in 2008"
	mine, theirs = make_user("Case Manager"), make_user("Case Manager")
	manager = make_user("Partnership Manager")
	made = []
	orders = [make_job_order(openings=5), make_job_order(openings=5)]
	people = {}
	for key, first, case_manager, order, start, concern in (
		("ada", "Ada", mine, orders[0], "2008-02-18", True),
		("ben", "Ben", theirs, orders[1], "2008-02-18", True),
		("cy", "Cy", mine, orders[0], "2007-02-05", False),
	):
		person = make_participant(
			first_name=first, last_name="Riskwatch", case_manager=case_manager, enrolment_date="2007-01-08"
		)
		placement = make_placement(order.name, person.name, start_date=start)
		if concern:
			made.append(
				(
					"Retention Issue Report",
					make_retention_issue(
						placement.name, severity="High", reported_on="2008-02-25 10:00:00"
					).name,
				)
			)
		people[key] = placement
		made += [("Placement", placement.name), ("Participant", person.name)]
	employer = f"risk-{frappe.generate_hash(length=6)}@employer.example.com"
	users.invite(orders[0].hiring_partnership, employer, "Risk", "Employer")
	for user in (mine, theirs, manager, employer):
		frappe.utils.password.update_password(user, PASSWORD)
	model_name = scoring.store(model.points_rule(), scoring.ACTIVE, "browser test")
	scoring.refresh(DAY)
	frappe.db.commit()
	yield frappe._dict(people=people, mine=mine, manager=manager, employer=employer, orders=orders)
	frappe.db.rollback()
	placements = [p.name for p in people.values()]
	frappe.db.delete(scoring.RISK, {"placement": ("in", placements)})
	follow_ups = frappe.get_all(
		"Retention Follow-up", filters={"placement": ("in", placements)}, pluck="name"
	)
	frappe.db.delete("ToDo", {"reference_type": "Retention Follow-up", "reference_name": ("in", follow_ups)})
	frappe.db.delete("Retention Follow-up", {"name": ("in", follow_ups)})
	for doctype, name in made:
		frappe.delete_doc(doctype, name, force=True, ignore_permissions=True)
	for order in orders:
		frappe.delete_doc("Job Order", order.name, force=True, ignore_permissions=True)
		frappe.delete_doc("Hiring Partnership", order.hiring_partnership, force=True, ignore_permissions=True)
	frappe.delete_doc(scoring.MODEL, model_name, force=True, ignore_permissions=True)
	for user in (mine, theirs, manager, employer):
		frappe.delete_doc("User", user, force=True, ignore_permissions=True)
	frappe.db.commit()


def signed_in(browser, site, email, lands="**/app**"):
	page = browser.new_context(viewport={"width": 1400, "height": 900}).new_page()
	page.goto(f"{site.browser_url}/login", wait_until="networkidle")
	page.fill("#login_email", email)
	page.fill("#login_password", PASSWORD)
	page.click(".btn-login")
	page.wait_for_url(lands, timeout=60_000)
	return page


def no_error_dialog(page):
	dialogs = page.locator(".modal.show .modal-title")
	titles = [dialogs.nth(i).inner_text() for i in range(dialogs.count())]
	assert not titles, titles


def test_a_case_manager_sees_their_people_at_risk_with_reasons(live_site, risk_week, browser):
	page = signed_in(browser, live_site, risk_week.mine)
	page.goto(f"{live_site.browser_url}{REPORT}?as_of={DAY}&band=All", wait_until="networkidle")
	page.wait_for_selector(".dt-scrollable .dt-row", timeout=60_000)
	body = page.inner_text(".dt-scrollable")
	assert "Ada Riskwatch" in body and "Cy Riskwatch" in body
	assert "Ben Riskwatch" not in body  # another case manager's person
	assert "The employer raised a concern in the last 30 days" in body
	assert body.index("Ada Riskwatch") < body.index("Cy Riskwatch")  # highest risk first
	assert page.locator(".ep-plan-check-in").count() == 2
	# the definitions (folded) say which model scored
	assert "points rule" in page.locator(".ep-definitions").first.text_content()
	no_error_dialog(page)
	_shot(page, "early-warning-at-risk")

	# one click plans the check-in and opens it
	page.locator(".ep-plan-check-in").first.click()
	page.wait_for_url("**/app/retention-follow-up/**", timeout=60_000)
	page.wait_for_selector("[data-fieldname='due_date']", timeout=60_000)
	assert "Ada Riskwatch" in page.inner_text("body")
	no_error_dialog(page)

	# the placement's form shows its risk, reasons and history
	ada = risk_week.people["ada"].name
	page.goto(f"{live_site.browser_url}/app/placement/{ada}", wait_until="networkidle")
	page.wait_for_selector(".ep-early-warning", timeout=60_000)
	box = page.inner_text(".ep-early-warning")
	assert "HIGH" in box.upper() and "The employer raised a concern in the last 30 days" in box
	assert "points rule" in box
	no_error_dialog(page)
	_shot(page, "early-warning-placement")


def test_a_manager_sees_counts_per_partnership(live_site, risk_week, browser):
	import frappe

	page = signed_in(browser, live_site, risk_week.manager)
	page.goto(f"{live_site.browser_url}{REPORT}?as_of={DAY}&view=Partnerships", wait_until="networkidle")
	page.wait_for_selector(".dt-scrollable .dt-row", timeout=60_000)
	body = page.inner_text(".dt-scrollable")
	for order in risk_week.orders:
		assert frappe.db.get_value("Hiring Partnership", order.hiring_partnership, "partner_name") in body
	assert "Riskwatch" not in body  # counts, not people
	no_error_dialog(page)
	_shot(page, "early-warning-partnerships")


def test_an_employer_sees_nothing_of_it(live_site, risk_week, browser):
	page = signed_in(browser, live_site, risk_week.employer, lands="**/partner**")
	page.wait_for_selector(".ep-portal", timeout=60_000)
	text = page.inner_text("body")
	assert "risk" not in text.lower()
	page.goto(f"{live_site.browser_url}{REPORT}?as_of={DAY}", wait_until="networkidle")
	assert "Riskwatch" not in page.inner_text("body")
	answer = page.request.get(
		f"{live_site.browser_url}/api/method/employment_partners.api.early_warning.risk_history",
		params={"placement": risk_week.people["ada"].name},
	)
	assert answer.status == 403
