"""Placement payments in ERPNext's books (Settings: Accounting, 'Post to Accounting').

- An **employer incentive** milestone with a paid date posts, to the Settings' company:
  debit the incentive expense account (with the cost center), credit the employer's payable
  account (its Supplier's, else the company's default) with the employer as party; as a Journal
  Entry or, when Settings says so, as a Purchase Invoice of the service item "Employer Hiring
  Incentive".  The accounts team settles it like any supplier bill (Payment Entry).
- A **participant retention bonus** with a paid date posts a Journal Entry: debit the bonus
  expense account (cost center), credit the account bonuses are paid from.
- The row shows its voucher.  Clearing the paid date or removing the row cancels the voucher;
  changing the amount or the date cancels it and posts anew.  Nothing is ever deleted from the
  books: a cancelled voucher stays, cancelled, with its reversing ledger entries.

Posting runs in the placement's save (`sync_placement`, from Placement.on_update): a refusal
(no supplier yet, a closed period) undoes the whole save, so the placement and the books never
disagree.  Vouchers are made with ignore_permissions: whoever may record a payment on the
placement has the agency's authority to book it; the vouchers carry the placement
(`ep_placement`) and Frappe's Version history says who changed the payment."""

import frappe
from frappe import _
from frappe.utils import flt, getdate

from employment_partners import books
from employment_partners.books.fields import SETTINGS

INCENTIVE_ITEM = "Employer Hiring Incentive"
ACCOUNT_FIELDS = (
	("ep_company", "Company"),
	("ep_incentive_expense_account", "Incentive Expense Account"),
	("ep_cost_center", "Cost Center"),
	("ep_bonus_expense_account", "Participant Bonus Expense Account"),
	("ep_bonus_paid_from_account", "Bonuses Paid From"),
)


def settings_problem(doc) -> str | None:
	"""Employment Partners Settings: posting needs a company and its accounts (Frappe does not
	enforce 'mandatory depends on' on the server)."""
	if not books.installed() or not doc.get("ep_post_to_accounting"):
		return None
	missing = [_(label) for field, label in ACCOUNT_FIELDS if not doc.get(field)]
	if missing:
		return _("To post to accounting, set: {0}").format(", ".join(missing))
	company = doc.ep_company
	for field, label in ACCOUNT_FIELDS[1:]:
		doctype = "Cost Center" if field == "ep_cost_center" else "Account"
		values = frappe.db.get_value(doctype, doc.get(field), ["company", "is_group"], as_dict=True)
		if not values:
			return _("{0}: there is no {1} {2}").format(_(label), _(doctype), doc.get(field))
		if values.company != company:
			return _("{0} {1} belongs to {2}, not {3}").format(
				_(label), doc.get(field), values.company, company
			)
		if values.is_group:
			return _("{0} {1} is a group; choose a ledger under it").format(_(label), doc.get(field))
	return None


def _settings():
	settings = frappe.get_cached_doc(SETTINGS)
	return settings if books.installed() and settings.get("ep_post_to_accounting") else None


def sync_placement(doc):
	"""Post, cancel or repost the vouchers of `doc`'s paid incentives and bonuses."""
	settings = _settings()
	if not settings:
		return
	before = doc.get_doc_before_save()
	for table, post in (("incentive_payments", _post_incentive), ("retention_bonuses", _post_bonus)):
		prior = {row.name: row for row in (before.get(table) if before else [])}
		current = {row.name for row in doc.get(table)}
		for name, row in prior.items():
			if name not in current and row.get("voucher_no"):
				_cancel(row.voucher_type, row.voucher_no)
		for row in doc.get(table):
			old = prior.get(row.name)
			if row.voucher_no and (
				not row.paid_on
				or (
					old
					and (flt(old.amount) != flt(row.amount) or getdate(old.paid_on) != getdate(row.paid_on))
				)
			):
				_cancel(row.voucher_type, row.voucher_no)
				_record(row, None, None)
			if row.paid_on and flt(row.amount) > 0 and not row.voucher_no:
				_record(row, *post(doc, row, settings))


def validate_placement(doc):
	"""Before anything is written: a paid incentive to post needs the employer's Supplier."""
	if _settings() and any(
		row.paid_on and flt(row.amount) > 0 and not row.get("voucher_no") for row in doc.incentive_payments
	):
		_supplier(doc)


def cancel_all(doc):
	"""A placement deleted (Frappe refuses while submitted vouchers link it) or trashed: nothing to
	keep open.  Called from Placement.on_trash."""
	for table in ("incentive_payments", "retention_bonuses"):
		for row in doc.get(table):
			if row.get("voucher_no"):
				_cancel(row.voucher_type, row.voucher_no)


def _record(row, voucher_type, voucher_no):
	row.voucher_type, row.voucher_no = voucher_type, voucher_no
	frappe.db.set_value(row.doctype, row.name, {"voucher_type": voucher_type, "voucher_no": voucher_no})


def _cancel(voucher_type: str, voucher_no: str):
	if not (voucher_type and voucher_no) or not frappe.db.exists(voucher_type, voucher_no):
		return
	voucher = frappe.get_doc(voucher_type, voucher_no)
	if voucher.docstatus == 1:
		voucher.flags.ignore_permissions = True
		voucher.cancel()


def _supplier(doc) -> str:
	supplier = frappe.db.get_value("Hiring Partnership", doc.hiring_partnership, "ep_supplier")
	if not supplier:
		frappe.throw(
			_(
				"{0} has no Supplier to pay the incentive to: open the partnership and use Create Supplier, "
				"then record the payment again"
			).format(doc.employer_name or doc.hiring_partnership),
			title=_("No supplier"),
		)
	return supplier


def _remark(doc, what: str) -> str:
	return _("{0}, placement {1} ({2})").format(what, doc.name, doc.get("job_title") or "")


def _post_incentive(doc, row, settings) -> tuple[str, str]:
	from erpnext.accounts.party import get_party_account

	supplier = _supplier(doc)
	company = settings.ep_company
	payable = get_party_account("Supplier", supplier, company)
	remark = _remark(doc, _("Hiring incentive: {0}").format(row.milestone))
	if settings.get("ep_incentive_voucher") == "Purchase Invoice":
		voucher = frappe.get_doc(
			{
				"doctype": "Purchase Invoice",
				"supplier": supplier,
				"company": company,
				"posting_date": row.paid_on,
				"set_posting_time": 1,
				"due_date": row.paid_on,
				"credit_to": payable,
				"remarks": remark,
				"ep_placement": doc.name,
				"items": [
					{
						"item_code": _incentive_item(),
						"qty": 1,
						"rate": flt(row.amount),
						"expense_account": settings.ep_incentive_expense_account,
						"cost_center": settings.ep_cost_center,
						"description": remark,
					}
				],
			}
		)
	else:
		voucher = _journal(
			company,
			row.paid_on,
			remark,
			doc.name,
			debit={"account": settings.ep_incentive_expense_account, "cost_center": settings.ep_cost_center},
			credit={
				"account": payable,
				"party_type": "Supplier",
				"party": supplier,
				"cost_center": settings.ep_cost_center,
			},
			amount=flt(row.amount),
		)
	return _submitted(voucher)


def _post_bonus(doc, row, settings) -> tuple[str, str]:
	remark = _remark(doc, _("Participant retention bonus: {0} days").format(row.milestone_days))
	voucher = _journal(
		settings.ep_company,
		row.paid_on,
		remark,
		doc.name,
		debit={"account": settings.ep_bonus_expense_account, "cost_center": settings.ep_cost_center},
		credit={"account": settings.ep_bonus_paid_from_account, "cost_center": settings.ep_cost_center},
		amount=flt(row.amount),
	)
	return _submitted(voucher)


def _submitted(voucher) -> tuple[str, str]:
	voucher.flags.ignore_permissions = True
	voucher.insert()
	voucher.submit()
	return voucher.doctype, voucher.name


def _journal(company, posting_date, remark, placement, debit: dict, credit: dict, amount: float):
	return frappe.get_doc(
		{
			"doctype": "Journal Entry",
			"voucher_type": "Journal Entry",
			"company": company,
			"posting_date": posting_date,
			"user_remark": remark,
			"ep_placement": placement,
			"accounts": [
				{**debit, "debit_in_account_currency": amount},
				{**credit, "credit_in_account_currency": amount},
			],
		}
	)


def _incentive_item() -> str:
	"""The non-stock service item incentive invoices are made of (made once)."""
	if not frappe.db.exists("Item", INCENTIVE_ITEM):
		frappe.get_doc(
			{
				"doctype": "Item",
				"item_code": INCENTIVE_ITEM,
				"item_name": INCENTIVE_ITEM,
				"item_group": frappe.db.get_value("Item Group", {"is_group": 0}, "name") or "All Item Groups",
				"stock_uom": "Nos",
				"is_stock_item": 0,
				"is_purchase_item": 1,
				"is_sales_item": 0,
			}
		).insert(ignore_permissions=True)
	return INCENTIVE_ITEM
