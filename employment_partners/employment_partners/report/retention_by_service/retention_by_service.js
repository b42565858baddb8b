// Copyright (c) 2026, Employment Partners contributors
// For license information, please see license.txt

frappe.query_reports["Retention by Service"] = {
	filters: employment_partners.reports.period_filters(
		[
			{
				fieldname: "view",
				label: __("View"),
				fieldtype: "Select",
				options: ["All", "Barrier", "Placement Type"],
				default: "All",
			},
		],
		365
	),
	formatter(value, row, column, data, default_formatter) {
		const side = (column.fieldname || "").match(/^(with|without)_(?:retained_|rate_)?(90|180)$/);
		if (side && data && data[`${side[1]}_suppressed_${side[2]}`]) {
			return `<span class="text-muted" title="${__("Fewer placements than the smallest group shown (Settings), or the cell that would give such a group back by subtraction")}">${__("suppressed")}</span>`;
		}
		return default_formatter(value, row, column, data);
	},
};
