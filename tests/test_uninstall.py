"""Uninstalling the app leaves ERPNext as it was (issue 26, item 9), tried on a throwaway site:
made with ERPNext and the app, given a partnership, a lead, the employer as a Customer, Contacts
and Addresses linked to them, a ToDo and a communication, then `uninstall-app`; afterwards every
Contact and Address opens (the desk's getdoc) and saves, and nothing of the app's is left pointing
at its doctypes (links, notifications, workflow, kanban board, ToDos, scheduled jobs).  The site
is dropped at the end, pass or fail.  Slow: making an ERPNext site takes minutes."""

import json
import os
import subprocess
import sys
from pathlib import Path

import frappe
import pytest

from employment_partners import books

pytestmark = [
	pytest.mark.slow,
	pytest.mark.skipif(not books.installed(), reason="the ERPNext site's run makes the copy"),
]

TIMEOUT = 1800

# run on the throwaway site before the uninstall: what an agency's ERPNext holds of the app
POPULATE = """
from employment_partners.books import parties
from employment_partners.tests.factories import make_contact, make_employer_lead, make_hiring_partnership

partnership = make_hiring_partnership(partner_name="Sosa Group").name
lead = make_employer_lead(organisation_name="Northside Logistics").name
parties.create_customer(partnership)
make_contact("Dana", "Hiring Partnership", partnership)
make_contact("Lee", "Employer Lead", lead)
frappe.get_doc({
	"doctype": "Address", "address_title": "Sosa Group", "address_type": "Office",
	"address_line1": "1 Main St", "city": "Springfield", "country": "United States",
	"links": [{"link_doctype": "Hiring Partnership", "link_name": partnership}],
}).insert()
frappe.get_doc({"doctype": "ToDo", "description": "Call back", "reference_type": "Hiring Partnership",
	"reference_name": partnership}).insert()
frappe.get_doc({"doctype": "Communication", "subject": "Hello", "communication_medium": "Email",
	"sent_or_received": "Sent", "reference_doctype": "Hiring Partnership", "reference_name": partnership,
	"timeline_links": [{"link_doctype": "Employer Lead", "link_name": lead}]}).insert()
result = {"contacts": frappe.db.count("Contact"), "addresses": frappe.db.count("Address")}
"""

# run after the uninstall: each Contact and Address opened as the desk opens it, and saved
CHECK = """
from frappe.desk.form.load import getdoc

app = ("Hiring Partnership", "Employer Lead", "Placement", "Participant", "Job Order")
problems, opened = [], 0
for doctype in ("Contact", "Address"):
	for name in frappe.get_all(doctype, pluck="name"):
		try:
			getdoc(doctype, name)
			frappe.get_doc(doctype, name).save()
			opened += 1
		except Exception as e:
			problems.append(f"{doctype} {name}: {e!r}")
left = {
	"Dynamic Link": frappe.db.count("Dynamic Link", {"link_doctype": ("in", app)}),
	"Communication Link": frappe.db.count("Communication Link", {"link_doctype": ("in", app)}),
	"Notification": frappe.db.count("Notification", {"document_type": ("in", app + ("Retention Issue Report",))}),
	"Workflow": frappe.db.count("Workflow", {"document_type": ("in", app + ("Retention Issue Report",))}),
	"Kanban Board": frappe.db.count("Kanban Board", {"reference_doctype": ("in", app)}),
	"ToDo": frappe.db.count("ToDo", {"reference_type": ("in", app)}),
	"Scheduled Job Type": frappe.db.count("Scheduled Job Type", {"method": ("like", "employment_partners.%")}),
	"Custom Field": frappe.db.count("Custom Field", {"module": "Employment Partners"}),
	"Email Template": frappe.db.count("Email Template", {"name": ("like", "Employer Pulse %")}),
}
result = {"opened": opened, "problems": problems, "left": left,
	"customers": frappe.db.count("Customer"), "apps": frappe.get_installed_apps()}
"""


def _sites() -> Path:
	return Path(frappe.local.sites_path).resolve()


def _cli(*args: str) -> subprocess.CompletedProcess:
	done = subprocess.run(
		[sys.executable, "-m", "frappe.utils.bench_helper", "frappe", *args],
		cwd=_sites(),
		capture_output=True,
		text=True,
		timeout=TIMEOUT,
	)
	assert done.returncode == 0, (
		f"bench {' '.join(args)} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
	)
	return done


def _run(site: str, code: str) -> dict:
	"""`code` run on `site` as Administrator, committed; its `result`, as JSON."""
	program = (
		"import frappe, json\n"
		f"frappe.init(site={site!r}, sites_path='.')\n"
		"frappe.connect()\n"
		"frappe.set_user('Administrator')\n"
		f"{code}\n"
		"frappe.db.commit()\n"
		"print('RESULT ' + json.dumps(result))\n"
	)
	done = subprocess.run(
		[sys.executable, "-c", program], cwd=_sites(), capture_output=True, text=True, timeout=TIMEOUT
	)
	assert done.returncode == 0, f"on {site}:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
	line = next(line for line in done.stdout.splitlines() if line.startswith("RESULT "))
	return json.loads(line.removeprefix("RESULT "))


def _db_admin() -> list[str]:
	return [
		"--db-root-username",
		os.environ.get("EP_DB_ADMIN_USER") or frappe.conf.get("root_login") or "ep_admin",
		"--db-root-password",
		os.environ.get("EP_DB_ADMIN_PASSWORD") or frappe.conf.get("root_password") or "ep_admin_password",
	]


@pytest.fixture
def copy_site():
	site = f"ep-uninstall-{frappe.generate_hash(length=6)}.localhost"
	try:
		_cli(
			"new-site",
			site,
			*_db_admin(),
			"--admin-password",
			"admin",
			"--no-mariadb-socket",
			"--install-app",
			"erpnext",
			"--install-app",
			"employment_partners",
		)
		# ERPNext's setup (company, groups, territories), as the test and demo sites have it
		_cli(
			"--site",
			site,
			"execute",
			"employment_partners.install.complete_setup_wizard",
			"--kwargs",
			"{'password': 'admin'}",
		)
		yield site
	finally:
		subprocess.run(
			[
				sys.executable,
				"-m",
				"frappe.utils.bench_helper",
				"frappe",
				"drop-site",
				site,
				*_db_admin(),
				"--force",
				"--no-backup",
			],
			cwd=_sites(),
			capture_output=True,
			timeout=TIMEOUT,
		)


def test_uninstall_leaves_every_contact_and_address_openable_and_nothing_pointing_at_the_app(copy_site):
	made = _run(copy_site, POPULATE)
	assert made["contacts"] >= 2 and made["addresses"] >= 1
	_cli("--site", copy_site, "uninstall-app", "employment_partners", "--yes", "--force", "--no-backup")
	after = _run(copy_site, CHECK)
	assert "employment_partners" not in after["apps"]
	assert after["problems"] == []
	assert after["opened"] == made["contacts"] + made["addresses"]
	assert after["left"] == dict.fromkeys(after["left"], 0)
	assert after["customers"] >= 1  # ERPNext's own records stay
