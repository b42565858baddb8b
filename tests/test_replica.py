"""Reports read from a MariaDB replica when the site has one (`read_from_replica`).

The "replica" here is a second login to the same server that may only SELECT: what a replica's
reporting login looks like.  Three things show the reports and the desk's figure endpoints go
through it: they still answer (so they only read), they do not see the test's uncommitted rows
(another connection: the primary's transaction sees them), and with the replica host unreachable
they fail to connect instead of quietly reading the primary.
"""

import os
import secrets

import frappe
import pymysql
import pytest
from frappe.desk.query_report import run
from frappe.utils import add_days, today

from employment_partners.api import reports as report_api
from employment_partners.api import retention as retention_api
from employment_partners.tests.factories import make_retention_placement

USER = "ep_replica_reader"


def admin():
	return pymysql.connect(
		host=frappe.conf.db_host or "127.0.0.1",
		port=int(frappe.conf.db_port or 3306),
		user=os.environ.get("EP_DB_ADMIN_USER", "ep_admin"),
		password=os.environ.get("EP_DB_ADMIN_PASSWORD", "ep_admin_password"),
		autocommit=True,
	)


@pytest.fixture(scope="module")
def reader():
	"""A SELECT-only login on the site's database, dropped afterwards."""
	password = secrets.token_hex(12)
	with admin() as db, db.cursor() as cursor:
		for host in ("127.0.0.1", "localhost"):
			cursor.execute(f"DROP USER IF EXISTS '{USER}'@'{host}'")
			cursor.execute(f"CREATE USER '{USER}'@'{host}' IDENTIFIED BY %s", (password,))
			cursor.execute(f"GRANT SELECT ON `{frappe.conf.db_name}`.* TO '{USER}'@'{host}'")
	yield password
	with admin() as db, db.cursor() as cursor:
		for host in ("127.0.0.1", "localhost"):
			cursor.execute(f"DROP USER IF EXISTS '{USER}'@'{host}'")


@pytest.fixture
def replica(reader):
	"""Turn read_from_replica on for this process, pointing at the SELECT-only login."""
	saved = dict(frappe.local.conf)
	frappe.local.conf.update(
		{
			"read_from_replica": 1,
			"replica_host": frappe.conf.db_host or "127.0.0.1",
			"replica_db_port": int(frappe.conf.db_port or 3306),
			"different_credentials_for_replica": 1,
			"replica_db_name": USER,
			"replica_db_password": reader,
		}
	)
	yield frappe.local.conf
	frappe.local.conf.clear()
	frappe.local.conf.update(saved)


@pytest.fixture
def overdue_placement():
	"""A placement started 60 days ago, uncommitted: its two follow-ups are overdue."""
	frappe.set_user("Administrator")
	placement = make_retention_placement(start_date=add_days(today(), -60))
	yield placement
	frappe.db.rollback()


def request(method, *args, **kwargs):
	"""Call `method` as one web request would: Frappe switches to the replica once per request
	and leaves the two connections on `frappe.local` until the request ends."""
	try:
		return method(*args, **kwargs)
	finally:
		for name in ("replica_db", "primary_db"):
			if hasattr(frappe.local, name):
				delattr(frappe.local, name)


def figures():
	"""The Follow-up Due report's overdue rows and the Overdue Follow-ups card."""
	report = request(run, "Follow-up Due", filters={"within_days": 7}, ignore_prepared_report=True)
	overdue = [row for row in report["result"] if isinstance(row, dict) and row.get("standing") == "Overdue"]
	return len(overdue), request(retention_api.overdue_follow_ups_card)["value"]


def test_the_reading_login_cannot_write(reader):
	with (
		pymysql.connect(
			host=frappe.conf.db_host or "127.0.0.1",
			port=int(frappe.conf.db_port or 3306),
			user=USER,
			password=reader,
			database=frappe.conf.db_name,
		) as db,
		db.cursor() as cursor,
	):
		cursor.execute("select count(*) from `tabPlacement`")
		with pytest.raises(pymysql.err.OperationalError, match="denied"):
			cursor.execute("update `tabPlacement` set modified = modified")


def test_reports_and_cards_read_the_replica(overdue_placement, replica):
	replica["read_from_replica"] = 0
	on_primary = figures()
	replica["read_from_replica"] = 1
	on_replica = figures()
	partnerships = request(report_api.partnerships_at_risk_card)["value"]
	replica["read_from_replica"] = 0
	# the primary's transaction holds the new placement's two overdue follow-ups, the replica
	# connection sees only what was committed
	assert on_primary[0] - on_replica[0] == 2
	assert on_primary[1] - on_replica[1] == 2
	assert isinstance(partnerships, int)
	# back on the primary, the test's own rows are there again
	assert figures() == on_primary


def test_an_unreachable_replica_is_an_error_not_a_silent_primary(replica):
	replica["replica_host"] = "127.0.0.1"
	replica["replica_db_port"] = 9  # discard: nothing listens
	with pytest.raises(Exception, match=r"(?i)can.t connect|connection refused|2003"):
		request(run, "Follow-up Due", filters={"within_days": 7}, ignore_prepared_report=True)
	with pytest.raises(Exception, match=r"(?i)can.t connect|connection refused|2003"):
		request(report_api.retention_90_card)
	assert frappe.db.sql("select 1")  # the primary connection is untouched
