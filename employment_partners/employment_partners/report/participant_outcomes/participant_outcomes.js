// Copyright (c) 2026, Employment Partners contributors
// For license information, please see license.txt

frappe.query_reports["Participant Outcomes"] = {
	filters: employment_partners.reports.period_filters([
		{
			fieldname: "barrier",
			label: __("Barrier"),
			fieldtype: "Select",
			options: [
				"",
				{ value: "barrier_housing", label: __("Housing") },
				{ value: "barrier_transportation", label: __("Transportation") },
				{ value: "barrier_childcare", label: __("Childcare") },
				{ value: "barrier_health", label: __("Health") },
				{ value: "barrier_legal", label: __("Legal") },
				{ value: "barrier_financial", label: __("Financial") },
			],
		},
		{
			fieldname: "indicator",
			label: __("Suitability Indicator"),
			fieldtype: "Select",
			options: [
				"",
				{ value: "age_indicator", label: __("Age") },
				{ value: "grade_12_or_less", label: __("Grade 12 or less") },
				{ value: "foreign_credentials", label: __("Foreign credentials") },
				{ value: "limited_work_experience", label: __("Limited work experience") },
				{ value: "out_of_work_26_weeks", label: __("Out of work 26+ weeks") },
				{ value: "poor_retention_history", label: __("Poor retention history") },
				{ value: "language_indicator", label: __("Language") },
				{ value: "recent_labour_market_change", label: __("Recent labour market change") },
				{ value: "has_disability", label: __("Disability") },
				{ value: "indigenous", label: __("Indigenous") },
			],
		},
		{ fieldname: "case_manager", label: __("Case Manager"), fieldtype: "Link", options: "User" },
	]),
	formatter(value, row, column, data, default_formatter) {
		value = default_formatter(value, row, column, data);
		// the standing behind the words (metrics/retention_days.kind): retained ones green
		const standing = data && data[column.fieldname.replace(/^retained_/, "standing_")];
		if (column.fieldname.startsWith("retained_") && standing) {
			const yes = ["in_placement", "completed_employed", "ended_employed"].includes(standing);
			value = `<span class="indicator-pill ${yes ? "green" : "red"}">${value}</span>`;
		}
		return value;
	},
};
