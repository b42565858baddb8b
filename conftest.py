"""pytest harness: every test runs against a real Frappe site (real MariaDB, real Redis).

The site comes from EP_TEST_SITE inside the bench at EP_BENCH_DIR (scripts/test.sh sets both).
Each test is isolated: whatever it wrote is rolled back afterwards and the session user is
reset to Administrator.  Tests that must commit (for another process, e.g. a web server, to
see their data) clean up after themselves explicitly.
"""

import os
from pathlib import Path

import pytest


def _bench_dir() -> Path:
	if os.environ.get("EP_BENCH_DIR"):
		return Path(os.environ["EP_BENCH_DIR"])
	# running from <bench>/apps/employment_partners
	return Path.cwd().parent.parent


def pytest_configure(config):
	import frappe

	bench = _bench_dir()
	sites = bench / "sites"
	site = os.environ.get("EP_TEST_SITE", "ep-test.localhost")
	if not (sites / site / "site_config.json").exists():
		raise pytest.UsageError(
			f"test site {site} not found in {sites}; run the tests with: bash scripts/test.sh"
		)
	os.chdir(sites)
	frappe.init(site=site, sites_path=str(sites))
	frappe.connect()
	frappe.flags.in_test = True
	# as Frappe's own test runner does: emails are queued (and checked) but never sent, so no
	# send-now path commits a test's data
	frappe.flags.mute_emails = True
	_ensure_outgoing_email_account()
	frappe.set_user("Administrator")
	if not frappe.conf.allow_tests:
		raise pytest.UsageError(f"allow_tests is off on {site}; run the tests with: bash scripts/test.sh")


def _ensure_outgoing_email_account():
	"""Email-channel notifications need a default outgoing account to queue their mail; the test
	site gets one (muted above, so it never connects anywhere)."""
	import frappe

	from employment_partners.utils import ensure_outbox

	ensure_outbox("Test Outbox", "test-outbox@example.com")
	frappe.db.commit()


def pytest_unconfigure(config):
	import frappe

	if getattr(frappe.local, "db", None):
		frappe.db.rollback()
		frappe.destroy()


@pytest.fixture(autouse=True)
def _isolate():
	"""Roll back whatever a test wrote and restore the session user."""
	import frappe

	yield
	frappe.db.rollback()
	frappe.clear_document_cache("Employment Partners Settings", "Employment Partners Settings")
	frappe.set_user("Administrator")
