"""ERPNext: a partnership's Customer and Supplier (employment_partners/books).  Refused with a
message on a site without ERPNext."""

import frappe
from frappe import _
from frappe.utils import cint

from employment_partners import books
from employment_partners.api import required
from employment_partners.books import parties, postings


def _needs_erpnext():
	if not books.installed():
		frappe.throw(_("ERPNext is not installed on this site"), title=_("No ERPNext"))


@frappe.whitelist(methods=["POST"])
def create_customer(partnership: str | None = None) -> str:
	"""Make the partnership's employer an ERPNext Customer (write permission on it required)."""
	_needs_erpnext()
	return parties.create_customer(required(partnership, _("Hiring Partnership")))


@frappe.whitelist(methods=["POST"])
def link_customer(partnership: str | None = None, customer: str | None = None) -> str:
	"""Link an existing ERPNext Customer to the partnership."""
	_needs_erpnext()
	return parties.link_customer(
		required(partnership, _("Hiring Partnership")), required(customer, _("Customer"))
	)


@frappe.whitelist()
def linkable_customers(
	doctype: str | None = None,
	txt: str | None = None,
	searchfield: str | None = None,
	start: int = 0,
	page_len: int = 20,
	filters: str | dict | None = None,
) -> list[tuple]:
	"""Link Customer's search (a Link field's query): enabled customers no other partnership
	holds, for whoever may change partnerships; no ERPNext role needed.  None without ERPNext."""
	if not books.installed():
		return []
	return parties.linkable_customers(str(txt or ""), max(cint(start), 0), min(max(cint(page_len), 1), 100))


@frappe.whitelist(methods=["POST"])
def create_supplier(partnership: str | None = None) -> str:
	"""Make the partnership's employer an ERPNext Supplier, the payee of hiring incentives."""
	_needs_erpnext()
	return parties.create_supplier(required(partnership, _("Hiring Partnership")))


@frappe.whitelist(methods=["POST"])
def back_post(placement: str | None = None, preview: bool = True) -> list[dict]:
	"""The placement's paid rows without a voucher: listed (`preview`, the default), or posted.
	Saving a placement posts only what changed in that save; history is posted only by this."""
	_needs_erpnext()
	return postings.back_post(required(placement, _("Placement")), preview=frappe.utils.sbool(preview))


@frappe.whitelist()
def placement_vouchers(placement: str | None = None) -> list[dict]:
	"""The vouchers a placement's payments were posted as, read-only, for staff who may read its
	payments' vouchers (never an employer): ERPNext's own permissions are not needed to see them."""
	_needs_erpnext()
	return postings.placement_vouchers(required(placement, _("Placement")))
