"""ERPNext, where it is installed: employers as Customers and Suppliers, incentive payments and
participant bonuses posted to accounting.  Detected at run time (`installed`), never imported at
module load: on Frappe alone these modules are never called, their fields do not exist and the
buttons are not shown.

- parties.py: link or create a partnership's Customer, create its Supplier (ERPNext's Contacts,
  Addresses, Industry Type and Territory reused);
- postings.py: a paid incentive milestone becomes a Journal Entry or Purchase Invoice to the
  employer as Supplier, a paid bonus a Journal Entry; unpaying (or removing) it cancels that;
- fields.py: the custom fields the app adds (on ERPNext doctypes and, for links to ERPNext
  doctypes, on its own), created on install and migrate and removed on uninstall.
"""

import frappe


def installed() -> bool:
	return "erpnext" in frappe.get_installed_apps()
