"""The custom fields the app adds when ERPNext is installed (module Employment Partners, so that an
agency's export of customisations shows whose they are).  Links to ERPNext doctypes cannot live in
the app's own doctype files, which must load on Frappe alone, so they are custom fields too."""

SETTINGS = "Employment Partners Settings"
INCENTIVE_VOUCHERS = ("Journal Entry", "Purchase Invoice")


def _posting_fields(after: str) -> list[dict]:
	"""A voucher's link to the placement it posts and the key of the posting: the placement's
	payment row, one submitted voucher per row (neither copied by Duplicate or Amend)."""
	return [
		{
			"fieldname": "ep_placement",
			"fieldtype": "Link",
			"options": "Placement",
			"label": "Placement",
			"insert_after": after,
			"read_only": 1,
			"no_copy": 1,
		},
		{
			"fieldname": "ep_placement_row",
			"fieldtype": "Data",
			"label": "Placement Payment Row",
			"insert_after": "ep_placement",
			"read_only": 1,
			"hidden": 1,
			"no_copy": 1,
			"search_index": 1,
		},
	]


ERPNEXT_CUSTOM_FIELDS = {
	"Hiring Partnership": [
		{
			"fieldname": "ep_accounting_section",
			"fieldtype": "Section Break",
			"label": "Accounting (ERPNext)",
			"insert_after": "accepted_referral_rate",
			"collapsible": 1,
		},
		{
			"fieldname": "ep_customer",
			"fieldtype": "Link",
			"options": "Customer",
			"label": "Customer",
			"insert_after": "ep_accounting_section",
			"read_only": 1,
			"description": "The employer as a customer of the agency (services, contracts, invoices); "
			"set with Create Customer or Link Customer",
		},
		{
			"fieldname": "ep_column_break_accounting",
			"fieldtype": "Column Break",
			"insert_after": "ep_customer",
		},
		{
			"fieldname": "ep_supplier",
			"fieldtype": "Link",
			"options": "Supplier",
			"label": "Supplier",
			"insert_after": "ep_column_break_accounting",
			"read_only": 1,
			"description": "The employer as the payee of hiring incentives",
		},
	],
	"Customer": [
		{
			"fieldname": "ep_hiring_partnership",
			"fieldtype": "Link",
			"options": "Hiring Partnership",
			"label": "Hiring Partnership",
			"insert_after": "customer_group",
			"read_only": 1,
		}
	],
	"Supplier": [
		{
			"fieldname": "ep_hiring_partnership",
			"fieldtype": "Link",
			"options": "Hiring Partnership",
			"label": "Hiring Partnership",
			"insert_after": "supplier_group",
			"read_only": 1,
		}
	],
	# the cost center and, in the same section, ERPNext's accounting dimensions (the app names Program
	# in the accounting_dimension_doctypes hook: ERPNext adds each dimension's field after
	# accounting_dimensions_section or dimension_col_break, the names its own doctypes use)
	"Program": [
		{
			"fieldname": "accounting_dimensions_section",
			"fieldtype": "Section Break",
			"label": "Accounting Dimensions (ERPNext)",
			"insert_after": "description",
			"description": "A placement in this program posts its paid incentives and bonuses with this "
			"cost center and these accounting dimensions. Empty: the cost center in Employment Partners "
			"Settings, and the company's default for each dimension.",
		},
		{
			"fieldname": "ep_cost_center",
			"fieldtype": "Link",
			"options": "Cost Center",
			"label": "Cost Center",
			"insert_after": "accounting_dimensions_section",
		},
		{
			"fieldname": "dimension_col_break",
			"fieldtype": "Column Break",
			"insert_after": "ep_cost_center",
		},
	],
	"Journal Entry": _posting_fields(after="company"),
	"Purchase Invoice": _posting_fields(after="supplier"),
	SETTINGS: [
		{
			"fieldname": "ep_accounting_section",
			"fieldtype": "Section Break",
			"label": "Accounting (ERPNext)",
			"insert_after": "retention_min_group",
			"description": "Paid employer incentives and participant bonuses are posted to this company's "
			"books when 'Post to Accounting' is ticked. Cancelling a payment (clearing its paid date or "
			"removing its row) cancels the posting.",
		},
		{
			"fieldname": "ep_post_to_accounting",
			"fieldtype": "Check",
			"label": "Post to Accounting",
			"insert_after": "ep_accounting_section",
		},
		{
			"fieldname": "ep_company",
			"fieldtype": "Link",
			"options": "Company",
			"label": "Company",
			"insert_after": "ep_post_to_accounting",
			"mandatory_depends_on": "ep_post_to_accounting",
		},
		{
			"fieldname": "ep_post_from",
			"fieldtype": "Date",
			"label": "Post Payments From",
			"insert_after": "ep_company",
			"description": "Only payments paid on or after this date are posted (earlier ones are history "
			"the books may already hold). Empty: every payment recorded from now on.",
		},
		{
			"fieldname": "ep_incentive_voucher",
			"fieldtype": "Select",
			"options": "\n".join(INCENTIVE_VOUCHERS),
			"default": "Journal Entry",
			"label": "Employer Incentives Post As",
			"insert_after": "ep_post_from",
		},
		{
			"fieldname": "ep_incentive_expense_account",
			"fieldtype": "Link",
			"options": "Account",
			"label": "Incentive Expense Account",
			"insert_after": "ep_incentive_voucher",
			"mandatory_depends_on": "ep_post_to_accounting",
		},
		{
			"fieldname": "ep_cost_center",
			"fieldtype": "Link",
			"options": "Cost Center",
			"label": "Cost Center",
			"insert_after": "ep_incentive_expense_account",
			"mandatory_depends_on": "ep_post_to_accounting",
		},
		{
			"fieldname": "ep_column_break_accounting",
			"fieldtype": "Column Break",
			"insert_after": "ep_cost_center",
		},
		{
			"fieldname": "ep_bonus_expense_account",
			"fieldtype": "Link",
			"options": "Account",
			"label": "Participant Bonus Expense Account",
			"insert_after": "ep_column_break_accounting",
			"mandatory_depends_on": "ep_post_to_accounting",
		},
		{
			"fieldname": "ep_bonus_paid_from_account",
			"fieldtype": "Link",
			"options": "Account",
			"label": "Bonuses Paid From",
			"insert_after": "ep_bonus_expense_account",
			"description": "The bank, cash or clearing account bonuses are paid out of",
			"mandatory_depends_on": "ep_post_to_accounting",
		},
	],
}
