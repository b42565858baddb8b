"""Vouchers posted before they carried their key (`ep_placement_row`, the placement payment row
they post) get it, so the app still recognises them as its own and may cancel them when the
payment changes.  Only a voucher whose `ep_placement` is the row's placement is keyed: a row
pointing at someone else's voucher stays unrecognised (the app then refuses to cancel it)."""

import frappe

from employment_partners import books, install
from employment_partners.books.postings import TABLES, VOUCHERS


def execute():
	if not books.installed():
		return
	install.ensure_custom_fields()
	for child in TABLES.values():
		row = frappe.qb.DocType(child)
		for voucher_type in VOUCHERS:
			voucher = frappe.qb.DocType(voucher_type)
			(
				frappe.qb.update(voucher)
				.join(row)
				.on((row.voucher_no == voucher.name) & (row.voucher_type == voucher_type))
				.set(voucher.ep_placement_row, row.name)
				.where(voucher.ep_placement == row.parent)
				.where(voucher.ep_placement_row.isnull() | (voucher.ep_placement_row == ""))
				.run()
			)
