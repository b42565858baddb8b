// Copyright (c) 2026, Employment Partners contributors
// For license information, please see license.txt

frappe.query_reports["Outcomes Follow-up"] = {
	filters: employment_partners.reports.period_filters(),
	formatter: employment_partners.reports.row_kind_formatter,
};
