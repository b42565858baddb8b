"""The accounting side is the truth for its vouchers (doc_events on Journal Entry and Purchase
Invoice, where ERPNext is installed).

A voucher the app posts carries its key: the placement (`ep_placement`) and the payment row
(`ep_placement_row`).  What the accounts team does to that voucher in ERPNext, the placement row
follows:

- **cancelled**: the row that points at it no longer does (the payment stays recorded as paid,
  with no voucher; the placement's timeline says who cancelled what);
- **amended**: the amendment keeps its original's key (ERPNext's Amend copies it; the server checks
  it is the original's), and once submitted the row points at it;
- **deleted** (a draft or a cancelled voucher): no row points at it any more.

Only the app's postings set a key (`flags.ep_posting`); an amendment keeps its original's; a
duplicate or a voucher made by hand has none, whatever the request sends, and a saved voucher
keeps the key it was made with.  A second submitted voucher for a row that already has one is
refused: the payment would be in the books twice."""

import frappe
from frappe import _

from employment_partners.books.postings import TABLES

KEY = ("ep_placement", "ep_placement_row")


def keep_key(doc, method=None):
	"""before_validate: the voucher's key is the app's posting's, its original's (an amendment), or
	the stored one; never what a request or a copy sent."""
	if doc.flags.ep_posting:
		return
	before = doc.get_doc_before_save()
	if before is not None:
		source = before
	elif doc.get("amended_from"):
		source = frappe.db.get_value(doc.doctype, doc.amended_from, list(KEY), as_dict=True)
	else:
		source = None
	for field in KEY:
		doc.set(field, source.get(field) if source else None)


def check_one_per_row(doc, method=None):
	"""before_submit: a payment row is posted by one submitted voucher."""
	row = _row(doc)
	if not row or not row.voucher_no or (row.voucher_type, row.voucher_no) == (doc.doctype, doc.name):
		return
	if frappe.db.get_value(row.voucher_type, row.voucher_no, "docstatus") == 1:
		frappe.throw(
			_(
				"This payment of placement {0} is posted as {1} {2} already: cancel that first, or amend "
				"it instead"
			).format(doc.ep_placement, _(row.voucher_type), row.voucher_no),
			title=_("Payment posted already"),
		)


def point_row_here(doc, method=None):
	"""on_submit: the row whose key the voucher carries points at it (an amendment replaces the
	cancelled original)."""
	row = _row(doc)
	if not row or (row.voucher_type, row.voucher_no) == (doc.doctype, doc.name):
		return
	_set_pointer(row.doctype, row.name, doc.doctype, doc.name)
	if not doc.flags.ep_posting:
		_note(
			doc.ep_placement,
			_("{0} {1} amended in accounting as {2}").format(_(doc.doctype), doc.amended_from, doc.name)
			if doc.get("amended_from")
			else _("{0} {1} posted in accounting").format(_(doc.doctype), doc.name),
		)


def release_rows(doc, method=None):
	"""on_cancel and on_trash: no row points at a cancelled or deleted voucher."""
	for child in TABLES.values():
		row = frappe.qb.DocType(child)
		pointing = (
			frappe.qb.from_(row)
			.select(row.name, row.parent)
			.where((row.voucher_type == doc.doctype) & (row.voucher_no == doc.name))
			.run(as_dict=True)
		)
		for found in pointing:
			_set_pointer(child, found.name, None, None)
			if not doc.flags.ep_posting:
				what = _("deleted") if method == "on_trash" else _("cancelled")
				_note(found.parent, _("{0} {1} {2} in accounting").format(_(doc.doctype), doc.name, what))


def _row(doc):
	"""The placement payment row the voucher's key names, with its current pointer."""
	placement, row_name = doc.get("ep_placement"), doc.get("ep_placement_row")
	if not (placement and row_name):
		return None
	for child in TABLES.values():
		found = frappe.db.get_value(
			child,
			{"name": row_name, "parent": placement, "parenttype": "Placement"},
			["name", "voucher_type", "voucher_no"],
			as_dict=True,
			for_update=True,
		)
		if found:
			found.doctype = child
			return found
	return None


def _set_pointer(child: str, row_name: str, voucher_type: str | None, voucher_no: str | None):
	frappe.db.set_value(
		child, row_name, {"voucher_type": voucher_type, "voucher_no": voucher_no}, update_modified=False
	)


def _note(placement: str, text: str):
	"""The placement's timeline says what the accounts team did to its voucher."""
	if frappe.db.exists("Placement", placement):
		frappe.get_doc("Placement", placement).add_comment("Info", text)
