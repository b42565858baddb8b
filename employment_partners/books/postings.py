"""Placement payments in ERPNext's books (Settings: Accounting, 'Post to Accounting').

- An **employer incentive** milestone with a paid date posts, to the Settings' company:
  debit the incentive expense account (with the cost center), credit the employer's payable
  account (its Supplier's, else the company's default) with the employer as party; as a Journal
  Entry or, when Settings says so, as a Purchase Invoice of the service item "Employer Hiring
  Incentive".  The accounts team settles it like any supplier bill (Payment Entry).
- A **participant retention bonus** with a paid date posts a Journal Entry: debit the bonus
  expense account (cost center), credit the account bonuses are paid from.
- The cost center is the placement's program's (Program: Cost Center), else Settings'; every
  row also carries the accounting dimensions the program sets (else the company's defaults), and
  a dimension the company makes mandatory that neither fills is refused before anything is
  saved (books/dimensions.py).
- The row shows its voucher; the server alone writes it (a request's voucher fields are replaced
  by the stored row's).  Only a payment that changed in this save is posted (a new paid row, a
  paid date or amount changed), and only when paid on or after Settings' "Post Payments From":
  switching posting on never back-posts history.  Clearing the paid date or removing the row
  cancels the voucher; changing the amount or the date cancels it and posts anew.  Nothing is
  ever deleted from the books: a cancelled voucher stays, cancelled, with its reversing entries.
- Each voucher carries its key, the placement (`ep_placement`) and the payment row
  (`ep_placement_row`), neither copied by Duplicate or Amend.  The app cancels only a voucher
  whose key is the row's own, and never one with payments against it ("ask the accounts
  team"); before posting, a submitted voucher with the row's key is taken instead of a second.

Planning happens in the placement's validate (`validate_placement`), with the placement and its
rows locked (SELECT ... FOR UPDATE): two identical saves at once take turns, and the second
finds the first's voucher on the row and posts nothing.  Posting runs in on_update
(`sync_placement`): a refusal (no supplier yet, a closed period) undoes the whole save, so the
placement and the books never disagree.  Vouchers are made with ignore_permissions: whoever may
record a payment on the placement has the agency's authority to book it; Frappe's Version
history says who changed the payment."""

import frappe
from frappe import _
from frappe.utils import flt, getdate

from employment_partners import books
from employment_partners.books import dimensions
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
		problem = doctype == "Account" and account_type_problem(field, label, doc.get(field))
		if problem:
			return problem
	return None


def account_type_problem(field: str, label: str, account: str) -> str | None:
	"""Expenses are booked to expense accounts; bonuses are paid from a bank, cash or other balance
	sheet account that needs no party (not a payable or receivable)."""
	root_type, account_type = frappe.db.get_value("Account", account, ["root_type", "account_type"])
	if field == "ep_bonus_paid_from_account":
		if root_type not in ("Asset", "Liability") or account_type in ("Payable", "Receivable"):
			return _(
				"{0} {1} is a {2} account: choose the bank, cash or clearing account bonuses are paid from"
			).format(_(label), account, _(account_type or root_type))
	elif root_type != "Expense":
		return _("{0} {1} is not an expense account ({2})").format(_(label), account, _(root_type))
	return None


def _settings():
	settings = frappe.get_cached_doc(SETTINGS)
	return settings if books.installed() and settings.get("ep_post_to_accounting") else None


TABLES = {
	"incentive_payments": "Placement Incentive Payment",
	"retention_bonuses": "Placement Retention Bonus",
}
VOUCHERS = ("Journal Entry", "Purchase Invoice")


def validate_placement(doc):
	"""Before anything is written, with the placement locked (Frappe read it FOR UPDATE before
	validate, and the rows are read FOR UPDATE here, so a concurrent save of the same placement
	waits and then sees this one's vouchers):

	- each row's voucher is the stored row's (by row name), never what the request sent;
	- with posting on, a row whose payment changed in this save is planned (`doc.flags.postings`):
	  cancel its voucher and/or post anew; before posting, a submitted voucher already made for this
	  placement and row (its key on the voucher) is taken instead of posting twice;
	- a voucher that is not the row's own, or has payments against it, is not cancelled: the
	  change is refused;
	- a paid incentive to post needs the employer's Supplier."""
	settings = _settings()
	plan, removed = [], {}
	for table in TABLES:
		stored = _stored_rows(doc, table)
		for row in doc.get(table):
			old = stored.pop(row.name, None)
			row.voucher_type, row.voucher_no = (old.voucher_type, old.voucher_no) if old else (None, None)
			if not settings or not payment_changed(old, row):
				continue
			post = to_post(row, settings)
			if post and not row.voucher_no:
				row.voucher_type, row.voucher_no = _own_voucher(doc.name, row.name) or (None, None)
				if row.voucher_no and _voucher_matches(row):
					continue  # posted already (by a save that did not record it on the row)
			if row.voucher_no:
				_check_cancellable(doc, row.name, row.voucher_type, row.voucher_no)
			if row.voucher_no or post:
				plan.append((table, row.name, bool(row.voucher_no), post))
		for name, old in stored.items():  # rows removed in this save
			if settings and old.voucher_no:
				_check_cancellable(doc, name, old.voucher_type, old.voucher_no)
				removed[name] = (old.voucher_type, old.voucher_no)
				plan.append((table, name, True, False))
	doc.flags.postings, doc.flags.removed_vouchers = plan, removed
	for table, name, _cancel, post in plan:
		if table == "incentive_payments" and post:
			_supplier(doc, next(row.paid_on for row in doc.incentive_payments if row.name == name))
	_check_accounting(doc, settings, {table for table, _name, _cancel, post in plan if post})


def sync_placement(doc):
	"""Carry out the plan `validate_placement` made for this save (from Placement.on_update)."""
	settings = _settings()
	removed = doc.flags.get("removed_vouchers") or {}
	for table, name, cancel, post in doc.flags.get("postings") or ():
		row = next((r for r in doc.get(table) if r.name == name), None)
		if cancel:
			_cancel(*(removed[name] if row is None else (row.voucher_type, row.voucher_no)))
			if row is not None:
				_record(row, None, None)
		if post and row is not None and settings:
			_record(row, *_post(doc, table, row, settings))
	doc.flags.postings = doc.flags.removed_vouchers = None


def back_post(placement: str, preview: bool = False) -> list[dict]:
	"""The one-off back-posting of a placement's paid rows that have no voucher (paid before
	posting was switched on, on or after "Post Payments From"): what it would post when `preview`,
	else posted (a voucher already made for a row, found by its key, is taken instead).  Saving
	a placement never does this by itself."""
	settings = _settings()
	if not settings:
		return []
	doc = frappe.get_doc("Placement", placement, for_update=True)
	doc.check_permission("write")
	rows = [
		(table, row)
		for table in TABLES
		for row in _locked(doc, table)
		if not row.voucher_no and to_post(row, settings)
	]
	if not preview:
		if any(table == "incentive_payments" for table, _row in rows):
			_supplier(doc)
		_check_accounting(doc, settings, {table for table, _row in rows})
		for table, row in rows:
			_record(row, *(_own_voucher(doc.name, row.name) or _post(doc, table, row, settings)))
	return [
		{"row": row.name, "table": table, "paid_on": row.paid_on, "amount": flt(row.amount)}
		for table, row in rows
	]


def placement_vouchers(placement: str) -> list[dict]:
	"""The vouchers posted for `placement`'s payments (cancelled ones too), read-only: for a user
	who may read the placement's level-1 fields, where its rows' vouchers are (staff, never an
	employer).  Read here, not through ERPNext's permissions: the app's roles have none on the
	ledger, and seeing the placement's own vouchers does not need them."""
	doc = frappe.get_doc("Placement", placement)
	doc.check_permission("read")
	if 1 not in doc.get_permlevel_access("read"):
		frappe.throw(_("Not permitted to see this placement's vouchers"), frappe.PermissionError)
	vouchers = []
	for doctype, party, amount in (
		("Journal Entry", None, "total_debit"),
		("Purchase Invoice", "supplier", "grand_total"),
	):
		fields = ["name", "posting_date", "docstatus", "ep_placement_row", f"{amount} as amount"]
		fields += [f"{party} as party", "outstanding_amount"] if party else []
		for voucher in frappe.get_all(
			doctype, filters={"ep_placement": placement}, fields=fields, order_by="creation"
		):
			vouchers.append({"voucher_type": doctype, "party": None, "outstanding_amount": None, **voucher})
	return sorted(vouchers, key=lambda voucher: (voucher["posting_date"], voucher["name"]))


def _locked(doc, table: str) -> list:
	"""`doc`'s rows of `table`, with the stored voucher fields (read FOR UPDATE)."""
	stored = _stored_rows(doc, table)
	for row in doc.get(table):
		old = stored.get(row.name)
		row.voucher_type, row.voucher_no = (old.voucher_type, old.voucher_no) if old else (None, None)
	return doc.get(table)


def payment_changed(old, row) -> bool:
	"""A new row, or a paid date or amount other than the stored one."""
	return old is None or getdate(old.paid_on) != getdate(row.paid_on) or flt(old.amount) != flt(row.amount)


def to_post(row, settings) -> bool:
	"""A paid row with an amount, paid on or after Settings' "Post From" date (earlier payments are
	history an agency may have booked by hand)."""
	post_from = settings.get("ep_post_from")
	return bool(
		row.paid_on and flt(row.amount) > 0 and (not post_from or getdate(row.paid_on) >= getdate(post_from))
	)


def cancel_all(doc):
	"""A placement deleted (Frappe refuses while submitted vouchers link it) or trashed: its own
	vouchers are cancelled, unless payments are against them.  Called from Placement.on_trash."""
	if not books.installed():
		return
	for table in TABLES:
		for row in _stored_rows(doc, table).values():
			if row.voucher_no:
				_check_cancellable(doc, row.name, row.voucher_type, row.voucher_no)
				_cancel(row.voucher_type, row.voucher_no)
	# the cancelled vouchers stay in the books (their remarks name the placement) but no longer link
	# it, so Frappe lets it go; a submitted one, not the app's to cancel, still holds it
	for doctype in VOUCHERS:
		voucher = frappe.qb.DocType(doctype)
		(
			frappe.qb.update(voucher)
			.set(voucher.ep_placement, None)
			.where((voucher.ep_placement == doc.name) & (voucher.docstatus == 2))
			.run()
		)


def _stored_rows(doc, table: str) -> dict:
	"""The rows of `table` as stored, read FOR UPDATE (the latest committed, whatever the
	transaction's snapshot), by row name."""
	if doc.is_new():
		return {}
	child = frappe.qb.DocType(TABLES[table])
	rows = (
		frappe.qb.from_(child)
		.select(child.name, child.paid_on, child.amount, child.voucher_type, child.voucher_no)
		.where((child.parent == doc.name) & (child.parenttype == doc.doctype) & (child.parentfield == table))
		.for_update()
		.run(as_dict=True)
	)
	return {row.name: row for row in rows}


def _own_voucher(placement: str, row_name: str) -> tuple[str, str] | None:
	"""The submitted voucher already posted for this placement's row (its key on the voucher), so
	a payment is never posted twice."""
	for doctype in VOUCHERS:
		voucher = frappe.qb.DocType(doctype)
		found = (
			frappe.qb.from_(voucher)
			.select(voucher.name)
			.where(
				(voucher.ep_placement_row == row_name)
				& (voucher.ep_placement == placement)
				& (voucher.docstatus == 1)
			)
			.for_update()
			.run()
		)
		if found:
			return doctype, found[0][0]
	return None


def voucher_problem(placement: str, row_name: str, voucher_type: str, voucher_no: str) -> str | None:
	"""Why this row may not cancel its voucher: it is not this placement's row's own, or payments
	are against it.  None when it may (or when there is nothing to cancel)."""
	if (
		not books.installed()
		or voucher_type not in VOUCHERS
		or not frappe.db.exists(voucher_type, voucher_no)
	):
		return None
	voucher = frappe.db.get_value(
		voucher_type, voucher_no, ["docstatus", "ep_placement", "ep_placement_row"], as_dict=True
	)
	if voucher.docstatus != 1:
		return None
	if (voucher.ep_placement, voucher.ep_placement_row) != (placement, row_name):
		return _(
			"{0} {1} was not posted for this payment of placement {2}: the app cancels only its own "
			"vouchers; ask the accounts team"
		).format(_(voucher_type), voucher_no, placement)
	if _has_payments(voucher_type, voucher_no):
		return _(
			"{0} {1} has payments against it: ask the accounts team to cancel or reallocate them "
			"before this payment is changed or removed"
		).format(_(voucher_type), voucher_no)
	return None


def _voucher_matches(row) -> bool:
	"""The voucher posts the row's amount on its paid date."""
	amount_field = "grand_total" if row.voucher_type == "Purchase Invoice" else "total_debit"
	posting_date, amount = frappe.db.get_value(
		row.voucher_type, row.voucher_no, ["posting_date", amount_field]
	)
	return getdate(posting_date) == getdate(row.paid_on) and flt(amount) == flt(row.amount)


def _check_cancellable(doc, row_name, voucher_type, voucher_no):
	problem = voucher_problem(doc.name, row_name, voucher_type, voucher_no)
	if problem:
		frappe.throw(problem, title=_("Voucher not cancelled"))


def _has_payments(voucher_type: str, voucher_no: str) -> bool:
	"""Payments, journal entries or returns allocated against the voucher (ERPNext's payment
	ledger), or a Purchase Invoice no longer fully outstanding."""
	if frappe.db.exists(
		"Payment Ledger Entry",
		{
			"against_voucher_type": voucher_type,
			"against_voucher_no": voucher_no,
			"voucher_no": ("!=", voucher_no),
			"delinked": 0,
			"docstatus": 1,
		},
	):
		return True
	if frappe.db.exists(
		"Payment Entry Reference",
		{"reference_doctype": voucher_type, "reference_name": voucher_no, "docstatus": 1},
	):
		return True
	if voucher_type == "Purchase Invoice":
		total, outstanding = frappe.db.get_value(
			voucher_type, voucher_no, ["rounded_total", "outstanding_amount"]
		) or (0, 0)
		grand_total = frappe.db.get_value(voucher_type, voucher_no, "grand_total")
		return flt(outstanding) < flt(total or grand_total)
	return bool(
		frappe.db.exists(
			"Journal Entry Account",
			{
				"reference_type": voucher_type,
				"reference_name": voucher_no,
				"parent": ("!=", voucher_no),
				"docstatus": 1,
			},
		)
	)


def _record(row, voucher_type, voucher_no):
	row.voucher_type, row.voucher_no = voucher_type, voucher_no
	frappe.db.set_value(row.doctype, row.name, {"voucher_type": voucher_type, "voucher_no": voucher_no})


def _cancel(voucher_type: str, voucher_no: str):
	"""Cancel a voucher validate_placement checked is this row's own and unpaid."""
	if not (voucher_type in VOUCHERS and voucher_no) or not frappe.db.exists(voucher_type, voucher_no):
		return
	voucher = frappe.get_doc(voucher_type, voucher_no)
	if voucher.docstatus == 1:
		voucher.flags.ignore_permissions = voucher.flags.ep_posting = True
		voucher.cancel()


def _accounting(doc, settings) -> dict:
	"""The cost center and accounting dimensions a posting for `doc` carries (its program's)."""
	return dimensions.for_program(doc.get("program"), settings.ep_company, settings.ep_cost_center)


def _check_accounting(doc, settings, tables: set[str]):
	"""Before anything is saved: the program's cost center and the mandatory dimensions of the
	postings of `tables` this save makes (each posts an expense and a balance sheet line)."""
	if not tables or not settings:
		return
	accounts = [
		settings.ep_incentive_expense_account
		if table == "incentive_payments"
		else settings.ep_bonus_expense_account
		for table in tables
	]
	if "retention_bonuses" in tables:
		accounts.append(settings.ep_bonus_paid_from_account)
	if "incentive_payments" in tables:
		accounts.append(_payable(doc, settings))
	problem = dimensions.posting_problem(
		doc.get("program"), settings.ep_company, _accounting(doc, settings), accounts
	)
	if problem:
		frappe.throw(problem, title=_("Accounting dimension missing"))


def _payable(doc, settings) -> str:
	from erpnext.accounts.party import get_party_account

	supplier = frappe.db.get_value("Hiring Partnership", doc.hiring_partnership, "ep_supplier")
	return get_party_account("Supplier", supplier, settings.ep_company)


def _post(doc, table, row, settings) -> tuple[str, str]:
	post = _post_incentive if table == "incentive_payments" else _post_bonus
	return post(doc, row, settings)


def _supplier(doc, paid_on=None) -> str:
	supplier = frappe.db.get_value("Hiring Partnership", doc.hiring_partnership, "ep_supplier")
	if not supplier:
		frappe.throw(
			_(
				"{0} has no Supplier to pay the incentive to: open the partnership and use Create Supplier, "
				"then record the payment again"
			).format(doc.employer_name or doc.hiring_partnership),
			title=_("No supplier"),
		)
	problem = supplier_problem(supplier, paid_on)
	if problem:
		frappe.throw(problem, title=_("Supplier not paid"))
	return supplier


def supplier_problem(supplier: str, paid_on=None) -> str | None:
	"""A disabled supplier, or one the accounts team put on hold (all transactions, or invoices)
	until after `paid_on`, is not posted to."""
	values = frappe.db.get_value(
		"Supplier", supplier, ["disabled", "on_hold", "hold_type", "release_date"], as_dict=True
	)
	if values.disabled:
		return _("Supplier {0} is disabled: ask the accounts team").format(supplier)
	on_hold = values.on_hold and values.hold_type in ("", None, "All", "Invoices")
	if on_hold and (not values.release_date or getdate(values.release_date) > getdate(paid_on)):
		return _("Supplier {0} is on hold ({1}): ask the accounts team before recording the payment").format(
			supplier, _(values.hold_type or "All")
		)
	return None


def _remark(doc, what: str) -> str:
	return _("{0}, placement {1} ({2})").format(what, doc.name, doc.get("job_title") or "")


def _post_incentive(doc, row, settings) -> tuple[str, str]:
	from erpnext.accounts.party import get_party_account

	supplier = _supplier(doc, row.paid_on)
	company = settings.ep_company
	payable = get_party_account("Supplier", supplier, company)
	remark = _remark(doc, _("Hiring incentive: {0}").format(row.milestone))
	accounting = _accounting(doc, settings)
	# the invoice's payable line takes the invoice's dimensions (ERPNext gives it no cost center)
	header = {field: value for field, value in accounting.items() if field != "cost_center" and value}
	if settings.get("ep_incentive_voucher") == "Purchase Invoice":
		voucher = frappe.get_doc(
			{
				"doctype": "Purchase Invoice",
				"supplier": supplier,
				"company": company,
				"posting_date": row.paid_on,
				"set_posting_time": 1,
				# the employer's reference for the bill is the placement's milestone; ERPNext sets the
				# due date from the supplier's payment terms
				"bill_no": f"{doc.name}: {row.milestone}",
				"bill_date": row.paid_on,
				"credit_to": payable,
				"remarks": remark,
				"ep_placement": doc.name,
				**header,
				"items": [
					{
						"item_code": _incentive_item(),
						"qty": 1,
						"rate": flt(row.amount),
						"expense_account": settings.ep_incentive_expense_account,
						"description": remark,
						**accounting,
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
			debit={"account": settings.ep_incentive_expense_account, **accounting},
			credit={"account": payable, "party_type": "Supplier", "party": supplier, **accounting},
			amount=flt(row.amount),
		)
	return _submitted(voucher, row)


def _post_bonus(doc, row, settings) -> tuple[str, str]:
	remark = _remark(doc, _("Participant retention bonus: {0} days").format(row.milestone_days))
	accounting = _accounting(doc, settings)
	voucher = _journal(
		settings.ep_company,
		row.paid_on,
		remark,
		doc.name,
		debit={"account": settings.ep_bonus_expense_account, **accounting},
		credit={"account": settings.ep_bonus_paid_from_account, **accounting},
		amount=flt(row.amount),
	)
	return _submitted(voucher, row)


def _submitted(voucher, row) -> tuple[str, str]:
	"""Insert and submit the voucher with its key: the placement row it posts."""
	voucher.ep_placement_row = row.name
	voucher.flags.ignore_permissions = voucher.flags.ep_posting = True
	voucher.insert()
	voucher.submit()
	return voucher.doctype, voucher.name


def _journal(company, posting_date, remark, placement, debit: dict, credit: dict, amount: float):
	return frappe.get_doc(
		{
			"doctype": "Journal Entry",
			"voucher_type": _entry_type(credit["account"]),
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


def _entry_type(paid_from: str) -> str:
	"""A payment out of a cash account is a Cash Entry, as an accountant files it (ERPNext's cash
	book lists Cash Entries); any other is a Journal Entry.  (A Bank Entry would need the cheque's
	reference number and date, which the app does not hold.)"""
	return (
		"Cash Entry"
		if frappe.db.get_value("Account", paid_from, "account_type") == "Cash"
		else "Journal Entry"
	)


def _incentive_item() -> str:
	"""The non-stock service item incentive invoices are made of (made once)."""
	if not frappe.db.exists("Item", INCENTIVE_ITEM):
		frappe.get_doc(
			{
				"doctype": "Item",
				"item_code": INCENTIVE_ITEM,
				"item_name": INCENTIVE_ITEM,
				"item_group": _service_item_group(),
				"stock_uom": "Nos",
				"is_stock_item": 0,
				"is_purchase_item": 1,
				"is_sales_item": 0,
			}
		).insert(ignore_permissions=True)
	return INCENTIVE_ITEM


def _service_item_group() -> str:
	"""ERPNext's "Services" item group (made at setup), else Stock Settings' default leaf."""
	for group in ("Services", frappe.db.get_single_value("Stock Settings", "item_group")):
		if group and frappe.db.get_value("Item Group", group, "is_group") == 0:
			return group
	return "All Item Groups"
