// Copyright (c) 2026, Employment Partners contributors
// For license information, please see license.txt

frappe.query_reports["Incentive Spend"] = {
	filters: [
		{ fieldname: "fiscal_year", label: __("Fiscal Year"), fieldtype: "Link", options: "Incentive Allocation" },
		{
			// a year is measured as of its end or this day, whichever is earlier
			fieldname: "as_of",
			label: __("As of"),
			fieldtype: "Date",
			ep_label: 1,
			default: frappe.datetime.get_today(),
			description: __("Payments dated up to this day count"),
		},
	],
};
