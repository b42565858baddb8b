"""Shipped records are defaults: created when absent, never overwritten by a migrate, put back
as shipped only on request."""

import json

import frappe
from frappe.cache_manager import clear_defaults_cache
from frappe.utils.fixtures import sync_fixtures

from employment_partners import defaults, install
from employment_partners.api.defaults import restore_shipped_default
from employment_partners.retention import follow_ups
from employment_partners.tests import EPTestCase
from employment_partners.tests.factories import make_participant, make_user

SETA = "Job Retention (SETA 02-09)"
DUE = "Retention Follow-up Due"


def migrate_hooks():
	"""What `bench migrate` runs after the schema: the app's fixtures, then its after_migrate."""
	sync_fixtures("employment_partners")
	install.after_migrate()


class TestShippedDefaults(EPTestCase):
	def test_every_shipped_record_is_on_the_site(self):
		for record in defaults.shipped_records():
			self.assertTrue(frappe.db.exists(record.doctype, record.name), (record.doctype, record.name))

	def test_a_migrate_that_changes_nothing_commits_nothing(self):
		# every other test here runs the migrate hooks inside its transaction: a commit in them would
		# keep that test's edits on the site
		self.assertEqual(install.ensure_custom_fields(), {})
		shipped = frappe.db.get_value("Notification", DUE, "subject")

		def put_back():  # only needed when the hooks did commit
			frappe.db.set_value("Notification", DUE, "subject", shipped)
			frappe.db.commit()

		self.addCleanup(put_back)
		frappe.db.set_value("Notification", DUE, "subject", "Uncommitted")
		migrate_hooks()
		frappe.db.rollback()
		self.assertEqual(frappe.db.get_value("Notification", DUE, "subject"), shipped)

	def test_an_agencys_edits_survive_the_migrate_hooks(self):
		schedule = frappe.get_doc("Follow-up Schedule", SETA)
		schedule.rows[0].window_days = 10
		schedule.rows[0].label = "First-week check-in call"
		schedule.save()
		notification = frappe.get_doc("Notification", DUE)
		notification.message = "Please call {{ doc.participant_name }} this week."
		notification.enabled = 0
		notification.save()
		workflow = frappe.get_doc("Workflow", "Retention Issue")
		workflow.send_email_alert = 1
		workflow.save()

		migrate_hooks()

		schedule.reload()
		self.assertEqual(
			(schedule.rows[0].window_days, schedule.rows[0].label), (10, "First-week check-in call")
		)
		self.assertEqual(
			frappe.db.get_value("Notification", DUE, ["message", "enabled"]),
			("Please call {{ doc.participant_name }} this week.", 0),
		)
		self.assertEqual(frappe.db.get_value("Workflow", "Retention Issue", "send_email_alert"), 1)

	def test_a_record_the_site_never_had_is_created_and_a_deleted_one_stays_deleted(self):
		frappe.delete_doc("Notification", f"{DUE} (Email)")
		migrate_hooks()
		self.assertFalse(
			frappe.db.exists("Notification", f"{DUE} (Email)"), "deleted by the agency: stays deleted"
		)

		given = set(json.loads(frappe.db.get_global(defaults.GIVEN_KEY)))
		frappe.db.set_global(defaults.GIVEN_KEY, json.dumps(sorted(given - {f"Notification::{DUE} (Email)"})))
		self.assertEqual(defaults.ensure_defaults(), [("Notification", f"{DUE} (Email)")])
		self.assertEqual(frappe.db.get_value("Notification", f"{DUE} (Email)", "channel"), "Email")

	def test_restore_puts_a_schedule_back_and_its_follow_ups_keep_their_rows(self):
		person = make_participant(exit_date="2026-05-15")
		follow_ups.sync_participant(
			person.name
		)  # as its queued job does: the job itself is tested in test_participant.py
		schedule = frappe.get_doc("Follow-up Schedule", SETA)
		q3 = next(r for r in schedule.rows if r.name == "seta-02-09-q3-first-week")
		q3.window_days = 3
		schedule.rows.remove(next(r for r in schedule.rows if r.name == "seta-02-09-q1-ewif"))
		schedule.append(
			"rows",
			{
				"label": "Agency extra",
				"anchor": "Placement Start",
				"offset_value": 2,
				"offset_unit": "Weeks",
				"window_days": 5,
			},
		)
		schedule.save()

		restore_shipped_default("Follow-up Schedule", SETA)

		schedule.reload()
		shipped = defaults.shipped("Follow-up Schedule", SETA)
		self.assertEqual([r.name for r in schedule.rows], [r["name"] for r in shipped["rows"]])
		self.assertEqual(
			next(r for r in schedule.rows if r.name == "seta-02-09-q3-first-week").window_days, 7
		)
		follow_up = frappe.get_doc(
			"Retention Follow-up", {"participant": person.name, "schedule_row_id": "seta-02-09-q3-first-week"}
		)
		self.assertEqual(str(follow_up.due_date), "2027-01-01")

	def test_restore_a_notification_empties_what_the_app_ships_empty(self):
		notification = frappe.get_doc("Notification", DUE)
		notification.message = "Reworded"
		notification.condition = "doc.label"
		notification.save()
		restore_shipped_default("Notification", DUE)
		shipped = defaults.shipped("Notification", DUE)
		self.assertEqual(
			frappe.db.get_value("Notification", DUE, ["message", "condition"]), (shipped.message, None)
		)

	def test_restore_needs_write_permission_and_a_shipped_record(self):
		frappe.set_user(make_user("Business Services Rep"))
		with self.assertRaises(frappe.PermissionError):
			restore_shipped_default("Follow-up Schedule", SETA)
		frappe.set_user("Administrator")
		with self.assertRaisesRegex(frappe.ValidationError, "is not a record the app ships"):
			restore_shipped_default("Follow-up Schedule", "Agency schedule")

	def test_the_desk_knows_which_records_are_shipped(self):
		bootinfo = frappe._dict()
		install.boot_session(bootinfo)
		self.assertIn(SETA, bootinfo.ep_shipped_defaults["Follow-up Schedule"])
		self.assertIn("Retention Issue", bootinfo.ep_shipped_defaults["Workflow"])


class TestSiteCurrency(EPTestCase):
	def test_a_site_without_a_currency_takes_its_countrys(self):
		# the defaults are cached: after the rollback the cache must not keep this test's currency
		self.addCleanup(clear_defaults_cache)
		frappe.db.set_single_value("System Settings", "country", "Canada")
		frappe.defaults.clear_default("currency", parent="__default")
		install.set_default_currency()
		self.assertEqual(frappe.db.get_default("currency"), "CAD")
		install.set_default_currency()  # a currency the site has stays
		self.assertEqual(frappe.db.get_default("currency"), "CAD")
