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


def _default(doctype: str, settings: str, field: str, preferred: tuple, root: str) -> str:
	"""The Selling / Buying Settings' default; else the first of `preferred` ERPNext made at setup
	(the country's territory, the "Commercial" customer group, the "Services" supplier group);
	the root node only when none exists.  Only a leaf qualifies: a party is not filed under a group."""
	for value in (frappe.db.get_single_value(settings, field), *preferred):
		if value and frappe.db.get_value(doctype, value, "is_group") == 0:
			return value
	return root


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
	_set_primary(partnership, doctype, name)


def _set_primary(partnership: str, doctype: str, name: str):
	"""The party's primary contact and address, as ERPNext shows them on the Customer / Supplier,
	are the partnership's (its primary contact first), when the party has none yet."""
	prefix = frappe.scrub(doctype)
	party = frappe.db.get_value(
		doctype, name, [f"{prefix}_primary_contact", f"{prefix}_primary_address"], as_dict=True
	)
	values = {}
	for parenttype, field, order in (
		("Contact", f"{prefix}_primary_contact", "is_primary_contact desc, creation"),
		("Address", f"{prefix}_primary_address", "is_primary_address desc, creation"),
	):
		if party.get(field):
			continue
		linked = frappe.get_all(
			"Dynamic Link",
			filters={"link_doctype": doctype, "link_name": name, "parenttype": parenttype},
			pluck="parent",
		)
		if linked:
			values[field] = frappe.get_all(
				parenttype, filters={"name": ("in", linked)}, order_by=order, pluck="name", limit=1
			)[0]
	if values:
		frappe.db.set_value(doctype, name, values)


def _new_party(doc, doctype: str, field: str, exists: str, values: dict) -> str:
	"""The partnership's employer as a new ERPNext `doctype` (Customer or Supplier), recorded in the
	partnership's `field`, with the partnership's contacts and addresses linked to it."""
	if doc.get(field):
		frappe.throw(
			exists.format(doc.partner_name, doc.get(field)), title=_("{0} exists").format(_(doctype))
		)
	namesake = frappe.db.get_value(doctype, {f"{frappe.scrub(doctype)}_name": doc.partner_name})
	if namesake:
		# ERPNext would make "<name> - 1"; the employer is most likely the one already there
		frappe.throw(
			_("{0} {1} already exists with this name: link it instead ({2}), or rename one of them").format(
				_(doctype),
				namesake,
				_("Accounting → Link Customer") if doctype == "Customer" else _("ask the accounts team"),
			),
			title=_("{0} exists").format(_(doctype)),
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
				"Customer Group", "Selling Settings", "customer_group", ("Commercial",), "All Customer Groups"
			),
			"territory": _default(
				"Territory",
				"Selling Settings",
				"territory",
				(frappe.db.get_single_value("System Settings", "country"),),
				"All Territories",
			),
			"industry": _industry_type(doc.industry),
		},
	)


def linkable_customers(txt: str = "", start: int = 0, page_len: int = 20) -> list[tuple]:
	"""The customers a partnership may link: enabled, and no other partnership's (name and customer
	name, matching `txt`).  For whoever may change partnerships; reading ERPNext's customers is not
	needed to link one (the Partnership Manager has no ERPNext role)."""
	if not frappe.has_permission("Hiring Partnership", "write"):
		frappe.throw(_("Not permitted to link customers"), frappe.PermissionError)
	customer = frappe.qb.DocType("Customer")
	pattern = f"%{txt or ''}%"
	return (
		frappe.qb.from_(customer)
		.select(customer.name, customer.customer_name)
		.where(customer.disabled == 0)
		.where(customer.ep_hiring_partnership.isnull() | (customer.ep_hiring_partnership == ""))
		.where(customer.name.like(pattern) | customer.customer_name.like(pattern))
		.orderby(customer.customer_name)
		.limit(page_len)
		.offset(start)
		.run()
	)


def link_customer_problem(partnership: str, customer: str) -> str | None:
	"""Why `customer` may not be linked to `partnership` (None when it may)."""
	values = frappe.db.get_value("Customer", customer, ["disabled", "ep_hiring_partnership"], as_dict=True)
	if not values:
		return _("There is no customer {0}").format(customer)
	if values.disabled:
		return _("Customer {0} is disabled: enable it in ERPNext first, or choose another").format(customer)
	if values.ep_hiring_partnership and values.ep_hiring_partnership != partnership:
		return _("Customer {0} is already the customer of partnership {1}").format(
			customer, values.ep_hiring_partnership
		)
	return None


def link_customer(partnership: str, customer: str) -> str:
	"""Link an existing customer; a partnership that had another gives it up (its back-link goes)."""
	doc = _partnership(partnership)
	problem = link_customer_problem(doc.name, customer)
	if problem:
		frappe.throw(problem, title=_("Customer not linked"))
	previous = doc.get("ep_customer")
	if previous and previous != customer and frappe.db.exists("Customer", previous):
		frappe.db.set_value("Customer", previous, "ep_hiring_partnership", None)
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
				"Supplier Group", "Buying Settings", "supplier_group", ("Services",), "All Supplier Groups"
			)
		},
	)
