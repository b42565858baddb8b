"""The employer portal as an employer sees it, in headless Chromium (Debian's, driven by
Playwright): sign in, file a concern, see the agency's acknowledgement, answer a pulse link; and a
screenshot of each portal page at desktop and phone width (EP_SCREENSHOTS_DIR keeps them; the
ones docs/portal.md shows are in docs/)."""

import re

import frappe
import pytest

from employment_partners.portal import pulse, users
from employment_partners.tests.factories import (
	make_job_order,
	make_retention_placement,
	make_user,
	pulse_links_sent_to,
)
from tests.test_browser import _shot
from tests.test_portal import PASSWORD, _purge

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def employer_with_a_pulse():
	frappe.set_user("Administrator")
	case_manager = make_user("Case Manager")
	order = make_job_order(job_title="Line Cook", openings=4)
	frappe.db.set_value("Hiring Partnership", order.hiring_partnership, "partner_name", "Harbor Kitchen Co")
	email = f"erin-{frappe.generate_hash(length=6)}@harborkitchen.example.com"
	users.invite(order.hiring_partnership, email, "Erin", "Shaw")
	frappe.utils.password.update_password(email, PASSWORD)
	start = frappe.utils.add_days(frappe.utils.today(), -10)
	placements = [
		make_retention_placement(
			case_manager=case_manager,
			job_order=order.name,
			start_date=start,
			participant={"first_name": first, "last_name": last},
		)
		for first, last in (("Maria", "Santos"), ("Devon", "Price"))
	]
	frappe.get_doc(
		{
			"doctype": "Employer Appreciation Event",
			"event_name": "Employer Champions Breakfast",
			"event_type": "Networking Brunch/Coffee",
			"event_date": frappe.utils.add_days(frappe.utils.today(), 21),
			"venue": "Riverside Community Hall",
			"invitees": [{"hiring_partnership": order.hiring_partnership}],
		}
	).insert()
	pulse.send_due()
	links = {}
	for question in pulse_links_sent_to(email):
		placement = frappe.db.get_value(
			"Employer Pulse", {"token_hash": pulse.hash_token(question["good"])}, "placement"
		)
		links[placement] = question
	frappe.db.commit()
	side = frappe._dict(email=email, partnership=order.hiring_partnership)
	yield side, placements, links
	frappe.db.rollback()
	for name in frappe.get_all(
		"Employer Appreciation Event", filters={"event_name": "Employer Champions Breakfast"}, pluck="name"
	):
		frappe.delete_doc("Employer Appreciation Event", name, force=True, ignore_permissions=True)
	_purge(side)
	frappe.delete_doc("User", case_manager, force=True, ignore_permissions=True)
	frappe.db.commit()


def _signed_in(browser, site, email, viewport, on_the_sign_in_page=None):
	"""An employer's page after signing in, on a phone (touch) or a desktop; `on_the_sign_in_page`
	is called with the sign-in page first (the accessibility suite checks it there)."""
	phone = viewport is PHONE
	context = browser.new_context(viewport=viewport, is_mobile=phone, has_touch=phone)
	page = context.new_page()
	page.goto(f"{site.browser_url}/login", wait_until="networkidle")
	if on_the_sign_in_page:
		on_the_sign_in_page(page)
	page.fill("#login_email", email)
	page.fill("#login_password", PASSWORD)
	page.click(".btn-login")
	page.wait_for_url("**/partner**", timeout=60_000)
	page.wait_for_selector(".ep-portal", timeout=60_000)
	return page


def test_an_employer_files_a_concern_sees_it_acknowledged_and_answers_a_pulse(
	live_site, employer_with_a_pulse, browser
):
	side, (maria, devon), links = employer_with_a_pulse
	page = _signed_in(browser, live_site, side.email, DESKTOP)
	assert "Harbor Kitchen Co" in page.inner_text(".ep-portal-title")
	_shot(page, "portal-home")

	page.goto(f"{live_site.browser_url}/partner/concern/new", wait_until="networkidle")
	field = page.locator('input[data-fieldname="placement"]')
	field.click()
	field.fill("Maria")
	page.locator(".awesomplete li", has_text="Maria S.").first.click()
	page.select_option('select[data-fieldname="issue_type"]', "Attendance")
	page.fill('textarea[data-fieldname="description"]', "Missed Monday and Tuesday without calling in")
	_shot(page, "portal-concern")
	page.click(".submit-btn")
	page.wait_for_selector("text=Your concern is with the agency", timeout=60_000)

	frappe.db.rollback()
	name = frappe.db.get_value(
		"Retention Issue Report", {"placement": maria.name, "channel": "Portal"}, "name"
	)
	assert name, "the concern reached the agency"
	report = frappe.get_doc("Retention Issue Report", name)
	assert (report.reported_by_user, report.status) == (side.email, "New")
	report.status = "Acknowledged"
	report.save()
	frappe.db.commit()

	page.goto(f"{live_site.browser_url}/partner", wait_until="networkidle")
	row = page.locator(".ep-table tr", has_text="Maria S.").filter(has_text="Attendance")
	assert "Acknowledged" in row.inner_text()
	# acknowledged at once: said in words, and times to the minute (no seconds, no "0 hours")
	assert "in under a business hour" in row.inner_text()
	assert not re.search(r"\d\d:\d\d:\d\d", row.inner_text()), row.inner_text()
	_shot(page, "portal-home-acknowledged")

	guest = browser.new_context(viewport=DESKTOP).new_page()
	guest.goto(
		f"{live_site.browser_url}/partner/pulse?t={links[maria.name]['good']}&a=good",
		wait_until="networkidle",
	)
	assert "still working with you" in guest.inner_text(".ep-answered")
	_shot(guest, "portal-pulse-answered")
	frappe.db.rollback()
	assert (
		str(frappe.db.get_value("Placement", maria.name, "last_employer_confirmation"))
		== frappe.utils.today()
	)
	guest.goto(
		f"{live_site.browser_url}/partner/pulse?t={links[maria.name]['good']}&a=good",
		wait_until="networkidle",
	)
	assert "answered on" in guest.inner_text(".ep-refused"), "single use"
	guest.goto(
		f"{live_site.browser_url}/partner/pulse?t={links[devon.name]['ended']}&a=ended",
		wait_until="networkidle",
	)
	guest.wait_for_selector(".ep-pulse-form")
	_shot(guest, "portal-pulse-ended-form")


@pytest.mark.parametrize(
	"path, ready, name",
	[
		("/partner", ".ep-portal", "portal-home"),
		("/partner/concern/new", ".web-form", "portal-concern"),
		("/partner/request-hires/new", ".web-form", "portal-request-hires"),
		("/partner/feedback/new", ".web-form", "portal-feedback"),
	],
)
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_each_portal_page_fits_the_screen(
	live_site, employer_with_a_pulse, browser, path, ready, name, viewport
):
	side, _placements, _links = employer_with_a_pulse
	page = _signed_in(browser, live_site, side.email, viewport)
	page.goto(f"{live_site.browser_url}{path}", wait_until="networkidle")
	page.wait_for_selector(ready, timeout=60_000)
	width = page.evaluate("document.documentElement.scrollWidth")
	assert width <= viewport["width"] + 1, f"{path} scrolls sideways ({width}px on {viewport['width']}px)"
	if viewport is PHONE:
		_shot(page, f"{name}-phone")
	elif name not in ("portal-home", "portal-concern"):  # those two are shot in use, above
		_shot(page, name)
	page.context.close()
