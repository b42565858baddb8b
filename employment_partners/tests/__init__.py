"""Test helpers shared by every suite: the base class and factories (see factories.py)."""

import frappe
from frappe.tests.utils import FrappeTestCase

from employment_partners.utils import SETTINGS


class EPTestCase(FrappeTestCase):
	"""A real-site test case that undoes each test's writes.

	Works under pytest (see conftest.py) and under `bench run-tests --app employment_partners`.
	"""

	def setUp(self):
		super().setUp()
		frappe.flags.mute_emails = True  # queued, never sent (see conftest.py)
		frappe.set_user("Administrator")

	def tearDown(self):
		frappe.db.rollback()
		# a test that changed the settings must not leave them cached
		frappe.clear_document_cache(SETTINGS, SETTINGS)
		frappe.set_user("Administrator")
		super().tearDown()
