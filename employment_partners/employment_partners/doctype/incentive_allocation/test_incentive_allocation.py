# Copyright (c) 2026, Employment Partners contributors and Contributors
# See license.txt

# import frappe
from frappe.tests.utils import FrappeTestCase


class TestIncentiveAllocation(FrappeTestCase):
	pass
