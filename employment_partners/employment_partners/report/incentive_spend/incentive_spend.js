// Copyright (c) 2026, Employment Partners contributors
// For license information, please see license.txt

frappe.query_reports["Incentive Spend"] = {
	filters: [{ fieldname: "fiscal_year", label: __("Fiscal Year"), fieldtype: "Link", options: "Incentive Allocation" }],
};
