// Copyright (c) 2026, Employment Partners contributors
// For license information, please see license.txt

frappe.query_reports["Partnership Health"] = {
	filters: employment_partners.reports.period_filters([
		{
			fieldname: "status",
			label: __("Partnership Status"),
			fieldtype: "Select",
			options: ["", "Active", "Paused", "Ended"],
			default: "Active",
		},
		{ fieldname: "assigned_bsr", label: __("BSR"), fieldtype: "Link", options: "User" },
	], 365), // health is read over a year's record
	formatter(value, row, column, data, default_formatter) {
		value = default_formatter(value, row, column, data);
		if (column.fieldname === "band" && data && data.band) {
			// the report's BAND_INDICATORS (partnership_health.py)
			const colour =
				{ Healthy: "green", Watch: "orange", "At risk": "red", "Not enough data": "gray" }[
					data.band
				] || "gray";
			value = `<span class="indicator-pill ${colour}">${__(data.band)}</span>`;
		}
		return value;
	},
};
