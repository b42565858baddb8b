// Copyright (c) 2026, Employment Partners contributors
// For license information, please see license.txt

frappe.query_reports["At Risk This Week"] = {
	filters: [
		employment_partners.reports.as_of_filter(),
		{
			fieldname: "view",
			label: __("View"),
			fieldtype: "Select",
			options: [
				{ value: "People", label: __("People") },
				{ value: "Partnerships", label: __("Partnerships") },
			],
			default: "People",
		},
		{
			fieldname: "band",
			label: __("Band"),
			fieldtype: "Select",
			options: [
				{ value: "High and Medium", label: __("High and Medium") },
				{ value: "High", label: __("High") },
				{ value: "All", label: __("All") },
			],
			default: "High and Medium",
		},
		{ fieldname: "case_manager", label: __("Case Manager"), fieldtype: "Link", options: "User" },
		{
			fieldname: "hiring_partnership",
			label: __("Hiring Partnership"),
			fieldtype: "Link",
			options: "Hiring Partnership",
		},
	],
	formatter(value, row, column, data, default_formatter) {
		if (column.fieldname === "check_in" && data && data.placement) {
			return `<button class="btn btn-xs btn-default ep-plan-check-in" data-placement="${frappe.utils.escape_html(
				data.placement
			)}">${__("Plan a check-in")}</button>`;
		}
		value = default_formatter(value, row, column, data);
		if (column.fieldname === "band" && data && data.band) {
			const colour = { High: "red", Medium: "orange", Low: "green" }[data.band] || "gray";
			value = `<span class="indicator-pill ${colour}">${__(data.band)}</span>`;
		}
		return value;
	},
	onload(report) {
		// one click: a follow-up for the person's case manager, due today, opened to be worked
		$(report.page.wrapper).on("click", ".ep-plan-check-in", (event) => {
			const button = $(event.currentTarget);
			button.prop("disabled", true);
			frappe
				.call("employment_partners.api.early_warning.plan_check_in", {
					placement: button.attr("data-placement"),
				})
				.then((r) => {
					frappe.show_alert({ message: r.message.message, indicator: "green" });
					frappe.set_route("Form", "Retention Follow-up", r.message.follow_up);
				})
				.always(() => button.prop("disabled", false));
		});
	},
};
