"""A hiring partnership's Customer and Supplier in ERPNext.

The employer is a **Customer** of the social enterprise (it buys services, signs contracts, is
invoiced) and, when it receives hiring incentives, a **Supplier** (the payee of those payments).
Both are made from the partnership with ERPNext's own records: the partnership's Contacts and
Addresses are linked to them (not copied), its industry becomes an Industry Type, and the
territory, customer group and supplier group are ERPNext's defaults (Selling and Buying
Settings)."""

import frappe
from frappe import _


def _partnership(name: str):
	doc = frappe.get_doc("Hiring Partnership", name)
	doc.check_permission("write")
	return doc


def _industry_type(sector: str | None) -> str | None:
	"""ERPNext's Industry Type of the partnership's Industry Sector (made when missing)."""
	if not sector:
		return None
	if not frappe.db.exists("Industry Type", sector):
		frappe.get_doc({"doctype": "Industry Type", "industry": sector}).insert(ignore_permissions=True)
	return sector


def _default(doctype: str, settings: str, field: str, fallback: str) -> str:
	value = frappe.db.get_single_value(settings, field)
	if value and frappe.db.exists(doctype, value):
		return value
	return fallback


def _link_contacts_and_addresses(partnership: str, doctype: str, name: str):
	"""The partnership's Contacts and Addresses get a link to the new party as well."""
	for parenttype in ("Contact", "Address"):
		for parent in frappe.get_all(
			"Dynamic Link",
			filters={
				"link_doctype": "Hiring Partnership",
				"link_name": partnership,
				"parenttype": parenttype,
			},
			pluck="parent",
		):
			doc = frappe.get_doc(parenttype, parent)
			if not any(link.link_doctype == doctype and link.link_name == name for link in doc.links):
				doc.append("links", {"link_doctype": doctype, "link_name": name})
				doc.save(ignore_permissions=True)


def _new_party(doc, doctype: str, field: str, exists: str, values: dict) -> str:
	"""The partnership's employer as a new ERPNext `doctype` (Customer or Supplier), recorded in the
	partnership's `field`, with the partnership's contacts and addresses linked to it."""
	if doc.get(field):
		frappe.throw(
			exists.format(doc.partner_name, doc.get(field)), title=_("{0} exists").format(_(doctype))
		)
	party = frappe.get_doc(
		{
			"doctype": doctype,
			f"{frappe.scrub(doctype)}_name": doc.partner_name,
			f"{frappe.scrub(doctype)}_type": "Company",
			"website": doc.website,
			"ep_hiring_partnership": doc.name,
			**values,
		}
	).insert(ignore_permissions=True)
	doc.db_set(field, party.name)
	_link_contacts_and_addresses(doc.name, doctype, party.name)
	return party.name


def create_customer(partnership: str) -> str:
	doc = _partnership(partnership)
	return _new_party(
		doc,
		"Customer",
		"ep_customer",
		_("{0} already has customer {1}"),
		{
			"customer_group": _default(
				"Customer Group", "Selling Settings", "customer_group", "All Customer Groups"
			),
			"territory": _default("Territory", "Selling Settings", "territory", "All Territories"),
			"industry": _industry_type(doc.industry),
		},
	)


def link_customer(partnership: str, customer: str) -> str:
	doc = _partnership(partnership)
	if not frappe.db.exists("Customer", customer):
		frappe.throw(_("There is no customer {0}").format(customer), title=_("Unknown customer"))
	# only a customer the user may see in ERPNext can be linked (then the app records the link)
	frappe.has_permission("Customer", "read", customer, throw=True)
	taken = frappe.db.get_value("Customer", customer, "ep_hiring_partnership")
	if taken and taken != doc.name:
		frappe.throw(
			_("Customer {0} is already the customer of partnership {1}").format(customer, taken),
			title=_("Customer taken"),
		)
	frappe.db.set_value("Customer", customer, "ep_hiring_partnership", doc.name)
	doc.db_set("ep_customer", customer)
	_link_contacts_and_addresses(doc.name, "Customer", customer)
	return customer


def create_supplier(partnership: str) -> str:
	return _new_party(
		_partnership(partnership),
		"Supplier",
		"ep_supplier",
		_("{0} already has supplier {1}"),
		{
			"supplier_group": _default(
				"Supplier Group", "Buying Settings", "supplier_group", "All Supplier Groups"
			)
		},
	)
