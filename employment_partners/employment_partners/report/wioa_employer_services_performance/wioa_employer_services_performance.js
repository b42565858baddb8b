// Copyright (c) 2026, Employment Partners contributors
// For license information, please see license.txt

// Program year Y runs 1 July Y to 30 June Y+1; the ten latest, the current one first
function wioa_program_years() {
	const today = frappe.datetime.str_to_obj(frappe.datetime.get_today());
	const current = today.getMonth() >= 6 ? today.getFullYear() : today.getFullYear() - 1;
	const years = [{ value: "", label: "" }];
	for (let year = current; year > current - 10; year--) {
		years.push({
			value: String(year),
			label: __("PY {0} (Jul {0} - Jun {1})", [year, year + 1]),
		});
	}
	return years;
}

frappe.query_reports["WIOA Employer Services Performance"] = {
	filters: employment_partners.reports.period_filters([
		{
			// replaces From and To: each measure then counts the exit cohort ETA-9169 assigns it
			fieldname: "program_year",
			label: __("Program Year"),
			fieldtype: "Select",
			options: wioa_program_years(),
			description: __("1 July - 30 June; sets From and To"),
			on_change() {
				const year = parseInt(frappe.query_report.get_filter_value("program_year"), 10);
				if (year) {
					frappe.query_report.set_filter_value({
						from_date: `${year}-07-01`,
						to_date: `${year + 1}-06-30`,
					});
				} else {
					frappe.query_report.refresh();
				}
			},
		},
		{
			fieldname: "view",
			label: __("Show"),
			fieldtype: "Select",
			options: [
				{ value: "Measures", label: __("Measures") },
				{ value: "Exiters", label: __("Exiters") },
			],
			default: "Measures",
		},
	]),
	formatter: employment_partners.reports.row_kind_formatter,
};
