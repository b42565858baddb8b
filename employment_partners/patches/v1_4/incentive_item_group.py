"""The service item incentive invoices are made of was first made in Stock Settings' default
item group ("Consumable" on a new ERPNext site): an employer incentive is a service, not stock
to consume.  It moves to the service group new sites get (books/postings._service_item_group);
an item the agency moved to a group of its own choosing is left where it is."""

import frappe

from employment_partners.books import postings

FIRST_DEFAULT = "Consumable"


def execute():
	if not frappe.db.table_exists("Item") or not frappe.db.exists("Item", postings.INCENTIVE_ITEM):
		return
	if frappe.db.get_value("Item", postings.INCENTIVE_ITEM, "item_group") != FIRST_DEFAULT:
		return
	group = postings._service_item_group()
	if group != FIRST_DEFAULT:
		frappe.db.set_value("Item", postings.INCENTIVE_ITEM, "item_group", group)
