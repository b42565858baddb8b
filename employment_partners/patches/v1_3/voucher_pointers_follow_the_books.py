"""Rows that still point at a voucher the accounts team cancelled (before the app followed the
books, employment_partners/books/vouchers.py) point at its submitted amendment carrying the
row's key, or at nothing."""

import frappe

from employment_partners import books
from employment_partners.books.postings import TABLES, VOUCHERS


def execute():
	if not books.installed():
		return
	for child in TABLES.values():
		for voucher_type in VOUCHERS:
			row = frappe.qb.DocType(child)
			voucher = frappe.qb.DocType(voucher_type)
			stale = (
				frappe.qb.from_(row)
				.join(voucher)
				.on((row.voucher_no == voucher.name) & (row.voucher_type == voucher_type))
				.select(row.name, row.parent)
				.where(voucher.docstatus == 2)
				.run(as_dict=True)
			)
			for found in stale:
				amendment = frappe.db.get_value(
					voucher_type,
					{"ep_placement": found.parent, "ep_placement_row": found.name, "docstatus": 1},
				)
				frappe.db.set_value(
					child,
					found.name,
					{"voucher_type": voucher_type if amendment else None, "voucher_no": amendment},
					update_modified=False,
				)
