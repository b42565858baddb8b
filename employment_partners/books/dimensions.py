"""Cost centers and accounting dimensions per program (ERPNext, where installed).

Agencies fund placements per program or grant, and their accountants split the books the same
way: a Program names a cost center (`ep_cost_center`, a custom field made with the books' others,
books/fields.py) and a value for each of ERPNext's Accounting Dimensions.  The app names
"Program" in ERPNext's `accounting_dimension_doctypes` hook (hooks.py), so a dimension created
later gets its field on Program from ERPNext itself, as on a Journal Entry; the dimensions that
already exist when the app is installed get theirs on install and every migrate
(`ensure_program_fields`, made once).

A posting for a placement (books/postings.py) carries, on every Journal Entry row and on the
Purchase Invoice's item:
- the program's cost center, else Settings' (the company's ledger the app posts to);
- each enabled dimension's value on the program, else the company's default for it (Accounting
  Dimension Detail's default, the value ERPNext's forms fill in); on a Purchase Invoice the
  dimensions are set on the invoice too, whose payable line ERPNext books with them.

A dimension the company makes mandatory (Accounting Dimension Detail: mandatory for profit and
loss, or balance sheet, entries) that neither the program nor the company's default fills is
refused in the placement's validate, before anything is saved, naming the dimension and the
program; so is a program's cost center of another company or a group."""

import frappe
from frappe import _

from employment_partners import books

PROGRAM = "Program"
COST_CENTER = "ep_cost_center"


def enabled_dimensions() -> list[dict]:
	"""ERPNext's enabled Accounting Dimensions: label, fieldname, document_type."""
	return frappe.get_all(
		"Accounting Dimension",
		filters={"disabled": 0},
		fields=["label", "fieldname", "document_type"],
		order_by="creation",
	)


def company_rules(company: str) -> list[dict]:
	"""`company`'s rows of the enabled dimensions (Accounting Dimension Detail): label, fieldname,
	default_dimension, mandatory_for_pl, mandatory_for_bs."""
	dimension = frappe.qb.DocType("Accounting Dimension")
	detail = frappe.qb.DocType("Accounting Dimension Detail")
	return (
		frappe.qb.from_(detail)
		.inner_join(dimension)
		.on((detail.parent == dimension.name) & (detail.parenttype == "Accounting Dimension"))
		.select(
			dimension.label,
			dimension.fieldname,
			detail.default_dimension,
			detail.mandatory_for_pl,
			detail.mandatory_for_bs,
		)
		.where((detail.company == company) & (dimension.disabled == 0))
		.orderby(dimension.creation)
		.run(as_dict=True)
	)


def for_program(program: str | None, company: str, default_cost_center: str) -> dict:
	"""What a posting of `company` for a placement in `program` carries: {"cost_center": ...,
	<dimension fieldname>: value or None, ...}."""
	dimensions = enabled_dimensions()
	meta = frappe.get_meta(PROGRAM)
	fields = [field for field in [COST_CENTER, *(d.fieldname for d in dimensions)] if meta.has_field(field)]
	values = (program and fields and frappe.db.get_value(PROGRAM, program, fields, as_dict=True)) or {}
	defaults = {rule.fieldname: rule.default_dimension for rule in company_rules(company)}
	accounting = {"cost_center": values.get(COST_CENTER) or default_cost_center}
	for dimension in dimensions:
		accounting[dimension.fieldname] = values.get(dimension.fieldname) or defaults.get(dimension.fieldname)
	return accounting


def posting_problem(program: str | None, company: str, accounting: dict, accounts: list[str]) -> str | None:
	"""Why a posting of `company` for a placement in `program`, carrying `accounting` (for_program)
	on lines to `accounts`, is refused, or None: the program's cost center belongs to another
	company or is a group, or a dimension the company makes mandatory for the accounts' entries
	(profit and loss, balance sheet) is empty."""
	problem = program and cost_center_problem(program, accounting["cost_center"], company)
	if problem:
		return problem
	report_types = {frappe.get_cached_value("Account", account, "report_type") for account in accounts}
	for rule in company_rules(company):
		if accounting.get(rule.fieldname):
			continue
		if rule.mandatory_for_pl and "Profit and Loss" in report_types:
			if program:
				return _("{0} is mandatory for {1}'s profit and loss entries: set it on program {2}").format(
					_(rule.label), company, program
				)
			return _(
				"{0} is mandatory for {1}'s profit and loss entries: choose the placement's program and set "
				"it on the program"
			).format(_(rule.label), company)
		if rule.mandatory_for_bs and "Balance Sheet" in report_types:
			if program:
				return _("{0} is mandatory for {1}'s balance sheet entries: set it on program {2}").format(
					_(rule.label), company, program
				)
			return _(
				"{0} is mandatory for {1}'s balance sheet entries: choose the placement's program and set it "
				"on the program"
			).format(_(rule.label), company)
	return None


def cost_center_problem(program: str, cost_center: str | None, company: str | None) -> str | None:
	"""A program's cost center is a ledger (not a group) of the company the app posts to."""
	if not (cost_center and company) or cost_center != _program_cost_center(program):
		return None
	values = frappe.db.get_value("Cost Center", cost_center, ["company", "is_group"], as_dict=True)
	if not values:
		return _("Program {0}: there is no Cost Center {1}").format(program, cost_center)
	if values.company != company:
		return _(
			"Cost Center {0} of program {1} belongs to {2}, not {3}, the company the app posts to"
		).format(cost_center, program, values.company, company)
	if values.is_group:
		return _("Cost Center {0} of program {1} is a group: choose a cost center under it").format(
			cost_center, program
		)
	return None


def program_problem(doc) -> str | None:
	"""Program.validate: its cost center, where ERPNext is installed, is a ledger of the company in
	Settings (of any company while Settings names none)."""
	cost_center = doc.get(COST_CENTER)
	if not books.installed() or not cost_center:
		return None
	from employment_partners.books.fields import SETTINGS

	company = frappe.db.get_single_value(SETTINGS, "ep_company")
	values = frappe.db.get_value("Cost Center", cost_center, ["company", "is_group"], as_dict=True)
	if not values:
		return None  # Frappe's link check names it
	if values.is_group:
		return _("Cost Center {0} is a group: choose a cost center under it").format(cost_center)
	if company and values.company != company:
		return _(
			"Cost Center {0} belongs to {1}, not {2}, the company Employment Partners Settings posts to"
		).format(cost_center, values.company, company)
	return None


def _program_cost_center(program: str) -> str | None:
	if not frappe.get_meta(PROGRAM).has_field(COST_CENTER):
		return None
	return frappe.db.get_value(PROGRAM, program, COST_CENTER)


def ensure_program_fields() -> list[str]:
	"""Each Accounting Dimension of the site as a field on Program (install and migrate): ERPNext
	adds a new dimension's field to every doctype of the accounting_dimension_doctypes hook when the
	dimension is created, Program among them once the app is installed, but not to a doctype that
	joins the hook after; the field is made as ERPNext makes it (a Link after the section
	accounting_dimensions_section or its column break, read only while the dimension is disabled),
	and only when Program lacks it.  Returns the fieldnames made."""
	if not books.installed():
		return []
	from frappe.custom.doctype.custom_field.custom_field import create_custom_field

	have = {df.fieldname for df in frappe.get_meta(PROGRAM, cached=False).fields}
	made = []
	dimensions = frappe.get_all(
		"Accounting Dimension",
		fields=["label", "fieldname", "document_type", "disabled"],
		order_by="creation",
	)
	for count, dimension in enumerate(dimensions, start=1):
		if not dimension.fieldname or dimension.fieldname in have:
			continue
		create_custom_field(
			PROGRAM,
			{
				"fieldname": dimension.fieldname,
				"label": dimension.label,
				"fieldtype": "Link",
				"options": dimension.document_type,
				"insert_after": "dimension_col_break" if count % 2 == 0 else "accounting_dimensions_section",
				"read_only": dimension.disabled,
				"owner": "Administrator",
			},
			ignore_validate=True,
		)
		have.add(dimension.fieldname)
		made.append(dimension.fieldname)
	if made:
		frappe.clear_cache(doctype=PROGRAM)
	return made
