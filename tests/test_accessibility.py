"""The employer's side meets WCAG 2.1 AA (issue 23; AODA binds Ontario agencies to WCAG 2.0 AA for
public web content): every portal page and pulse page, and the emails the app sends employers and
staff, checked with axe-core (from the npm registry, installed by scripts/test.sh) in Debian's
Chromium, 0 violations; and an employer's form filled and sent by keyboard alone, on a phone.
"""

import email
import email.policy
import os
from pathlib import Path

import frappe
import pytest

from tests.test_portal_browser import DESKTOP, PHONE, _signed_in, employer_with_a_pulse

WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_js() -> str:
	path = os.environ.get("EP_AXE_JS") or str(
		Path(frappe.local.sites_path).resolve().parent / ".tools/node_modules/axe-core/axe.min.js"
	)
	# never skipped: scripts/test.sh installs it, and a missing checker is a failure
	assert Path(path).is_file(), f"axe-core is not installed at {path} (scripts/test.sh installs it)"
	return path


def violations(page) -> list[str]:
	"""axe-core's WCAG 2.1 AA violations on the page as it is now, one line each."""
	page.add_script_tag(path=axe_js())
	found = page.evaluate(
		"""async (tags) => (await axe.run(document, { runOnly: { type: "tag", values: tags } }))
			.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length} node(s), e.g. `
				+ v.nodes.slice(0, 2).map((n) => n.target.join(" ") + " " + n.failureSummary
					.replace(/\\s+/g, " ").slice(0, 160)).join(" | "))""",
		WCAG_AA,
	)
	return found


def signed_in(browser, site, email_address, viewport):
	"""The employer signed in, the sign-in page checked on the way."""

	def no_violations(page):
		assert violations(page) == [], "the sign-in page"

	return _signed_in(browser, site, email_address, viewport, on_the_sign_in_page=no_violations)


PORTAL_PAGES = (
	("/partner", ".ep-portal"),
	("/partner/concern/new", ".web-form"),
	("/partner/request-hires/new", ".web-form"),
	("/partner/feedback/new", ".web-form"),
)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_every_portal_page_has_no_violations(live_site, browser, employer_with_a_pulse, viewport):  # noqa: F811
	side, _placements, _links = employer_with_a_pulse
	page = signed_in(browser, live_site, side.email, viewport)
	found = {}
	for path, ready in PORTAL_PAGES:
		page.goto(f"{live_site.browser_url}{path}", wait_until="networkidle")
		page.wait_for_selector(ready, timeout=60_000)
		found[path] = violations(page)
	page.context.close()
	assert found == {path: [] for path, _ready in PORTAL_PAGES}


def test_every_pulse_page_has_no_violations(live_site, browser, employer_with_a_pulse):  # noqa: F811
	_side, (maria, devon), links = employer_with_a_pulse
	page = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
	found = {}
	for label, url, ready in (
		("answered", f"/partner/pulse?t={links[maria.name]['good']}&a=good", ".ep-answered"),
		("ended: its form", f"/partner/pulse?t={links[devon.name]['ended']}&a=ended", ".ep-pulse-form"),
		("a link that is not valid", "/partner/pulse?t=not-a-token&a=good", ".ep-refused"),
	):
		page.goto(f"{live_site.browser_url}{url}", wait_until="networkidle")
		page.wait_for_selector(ready, timeout=60_000)
		found[label] = violations(page)
	page.context.close()
	assert all(v == [] for v in found.values()), found


def app_emails(maria) -> dict[str, str]:
	"""The HTML of the app's emails: the pulse question as queued for the employer, and each email
	notification the app ships, rendered for a record of its kind as Frappe sends it."""
	from frappe.email.email_body import get_formatted_html

	from employment_partners import defaults
	from employment_partners.tests.factories import make_retention_issue

	queued = frappe.db.sql(
		"select message from `tabEmail Queue` where message like %s order by creation desc limit 1",
		("%/partner/pulse?t=%",),
	)
	assert queued, "the pulse question was queued"
	out = {"Employer Pulse Question": html_part(queued[0][0])}
	records = {
		"Retention Issue Report": make_retention_issue(maria.name),
		"Retention Follow-up": frappe.get_doc(
			"Retention Follow-up", frappe.db.get_value("Retention Follow-up", {"placement": maria.name})
		),
		"Placement": frappe.get_doc("Placement", maria.name),
	}
	for name in defaults.shipped_names()["Notification"]:
		notification = frappe.get_doc("Notification", name)
		if notification.channel != "Email":
			continue
		# the context Notification.send renders with
		context = {"doc": records[notification.document_type], "alert": notification, "comments": None}
		subject = frappe.render_template(notification.subject, context)
		message = frappe.render_template(notification.message, context)
		out[name] = get_formatted_html(subject, message)
	# the staff's digest, as digests.send queues it, with one item of each kind
	from employment_partners import digests

	sections = [
		digests._section(
			"Follow-ups due",
			[
				digests._item("Placement", maria.name, "Maria Santos", "Due today", overdue=True),
				digests._item("Placement", maria.name, "Maria Santos", "Due in 3 days"),
			],
		)
	]
	args = {"sections": sections, "settings_url": frappe.utils.get_url("/app/notification-settings")}
	body = frappe.utils.jinja.get_email_from_template(digests.TEMPLATE, args)[0]
	out["digest"] = get_formatted_html("Your day", body)
	# the rep's word that a pulse went unanswered
	from employment_partners.portal import pulse

	awaiting = frappe.get_all("Employer Pulse", filters={"placement": maria.name}, pluck="name", limit=1)
	subject, message = pulse._render(
		pulse.UNANSWERED_TEMPLATE,
		{
			"pulses": [frappe.get_doc("Employer Pulse", awaiting[0]).as_dict()],
			"url": frappe.utils.get_url("/app/employer-pulse"),
		},
	)
	out["Employer Pulse Unanswered"] = get_formatted_html(subject, message)
	frappe.db.rollback()
	return out


def html_part(message: str) -> str:
	parsed = email.message_from_string(message, policy=email.policy.default)
	part = parsed.get_body(preferencelist=("html",))
	return part.get_content() if part else ""


def test_the_apps_emails_have_no_violations(browser, employer_with_a_pulse):  # noqa: F811
	_side, (maria, _devon), _links = employer_with_a_pulse
	emails = app_emails(maria)
	from employment_partners import defaults

	shipped = {
		name
		for name in defaults.shipped_names()["Notification"]
		if frappe.db.get_value("Notification", name, "channel") == "Email"
	}
	assert set(emails) == {"Employer Pulse Question", "Employer Pulse Unanswered", "digest"} | shipped, (
		sorted(emails)
	)
	assert len(shipped) >= 5, shipped
	page = browser.new_context(viewport=DESKTOP).new_page()
	found = {}
	for name, html in emails.items():
		page.set_content(html, wait_until="load")
		found[name] = violations(page)
	page.context.close()
	assert found == {name: [] for name in emails}


def test_an_employer_rates_a_placement_by_keyboard_alone_on_a_phone(
	live_site,
	browser,
	employer_with_a_pulse,  # noqa: F811
):
	"""Satisfaction is five named ratings, reached and chosen with the keyboard; the dates of a
	concern are the phone's own date inputs."""
	side, (maria, _devon), _links = employer_with_a_pulse
	page = signed_in(browser, live_site, side.email, PHONE)

	page.goto(f"{live_site.browser_url}/partner/concern/new", wait_until="networkidle")
	page.wait_for_selector(".web-form", timeout=60_000)
	native = page.locator("input[type='date'].ep-phone-date")
	assert native.count() == 2, "both incident dates are the phone's date inputs"
	assert native.first.get_attribute("max") == frappe.utils.today()
	label_for = page.locator("[data-fieldname='incident_start'] label.control-label").get_attribute("for")
	assert label_for == native.first.get_attribute("id")

	page.goto(f"{live_site.browser_url}/partner/feedback/new", wait_until="networkidle")
	page.wait_for_selector(".ep-rating", timeout=60_000)
	choices = page.locator(".ep-rating input[type='radio']")
	assert choices.count() == 5
	assert page.locator(".ep-rating").inner_text().split("\n")[-1].strip() == "5 – Very satisfied"
	# the placement by typing, then the rating by Tab and arrow keys alone
	field = page.locator('input[data-fieldname="placement"]')
	field.focus()
	page.keyboard.type("Maria")
	page.locator(".awesomplete li, .awesomplete [role='option']", has_text="Maria S.").first.wait_for()
	page.keyboard.press("Enter")
	page.select_option('select[data-fieldname="milestone"]', index=1)
	choices.first.focus()
	for _ in range(3):
		page.keyboard.press("ArrowDown")
	assert page.evaluate("() => frappe.web_form.get_value('satisfaction')") == 4
	page.locator(".submit-btn").focus()
	page.keyboard.press("Enter")
	page.wait_for_selector(".success-page", state="visible", timeout=60_000)
	frappe.db.rollback()
	assert (
		frappe.db.get_value(
			"Employer Feedback",
			{"placement": maria.name, "hiring_partnership": side.partnership},
			"satisfaction",
		)
		== 4
	)
	page.context.close()
