// What the app's script reports share: the period filters, a formatter for rows that each hold
// one kind of figure, and their definitions in print and PDF.
frappe.provide("employment_partners.reports");

// From / To, both included, pick who is counted; As of (default today) which evidence counts.
// The server defaults the same way when any is empty (this calendar year so far, or the last
// `days` days)
employment_partners.reports.period_filters = function (extra = [], days = null) {
	return [
		{
			fieldname: "from_date",
			label: __("From"),
			fieldtype: "Date",
			default: days
				? frappe.datetime.add_days(frappe.datetime.get_today(), 1 - days)
				: frappe.datetime.year_start(),
			reqd: 1,
		},
		{
			fieldname: "to_date",
			label: __("To"),
			fieldtype: "Date",
			default: frappe.datetime.get_today(),
			reqd: 1,
		},
		{
			// the evidence date (metrics/period.py): the period picks who is counted, "as of"
			// which records have arrived; a past period re-run today shows its later quarters
			fieldname: "as_of",
			label: __("As of"),
			fieldtype: "Date",
			default: frappe.datetime.get_today(),
			description: __("Evidence recorded up to this day counts"),
		},
		...extra,
	];
};

// A row whose figures are all of one kind (a count, money, a rate) says so in `row_fieldtype`:
// Int, Currency, Percent, Float (1 decimal) or Float2 (2 decimals); its numeric cells are shown
// as that kind, and indented rows are indented.
employment_partners.reports.row_kind_formatter = function (value, row, column, data, default_formatter) {
	if (data && data.row_fieldtype && column.fieldtype === "Float" && value !== null && value !== undefined) {
		const kind = data.row_fieldtype;
		const precision = { Float: 1, Percent: 1, Float2: 2 }[kind] || null;
		const df = { ...column, fieldtype: kind === "Float2" ? "Float" : kind, precision };
		return default_formatter(value, row, df, data);
	}
	value = default_formatter(value, row, column, data);
	if (data && data.indent && column.fieldname === (frappe.query_report?.columns?.[0]?.fieldname || "")) {
		return `<span style="padding-left: ${15 * data.indent}px">${value}</span>`;
	}
	return value;
};

// The definitions (the report's message) go under the filters when the report is printed or
// saved as PDF, so that a funder reading the document reads how each figure is counted.
$(document).on("app_ready", () => {
	const QueryReport = frappe.views.QueryReport;
	if (!QueryReport || QueryReport.prototype.__ep_definitions) return;
	const filters_html = QueryReport.prototype.get_filters_html_for_print;
	QueryReport.prototype.get_filters_html_for_print = function () {
		const html = filters_html.call(this);
		const message = (this.raw_data && this.raw_data.message) || "";
		if (!message.includes("ep-definitions")) return html;
		const definitions = message
			.replace(/<details[^>]*>/, "<div>")
			.replace("</details>", "</div>")
			.replace(/<summary>(.*?)<\/summary>/, "<h5>$1</h5>");
		return `${html}<div class="ep-print-definitions small">${definitions}</div>`;
	};
	QueryReport.prototype.__ep_definitions = true;

	// Print and PDF carry the agency's letter head: the site's default Letter Head is chosen,
	// and ticked, unless the report names its own.
	const print_settings = frappe.ui.get_print_settings;
	frappe.ui.get_print_settings = function (pdf, callback, letter_head, pick_columns) {
		const fallback = frappe.boot.ep_default_letter_head;
		const dialog = print_settings(pdf, callback, letter_head || fallback, pick_columns);
		if ((letter_head || fallback) && dialog && dialog.set_value) dialog.set_value("with_letter_head", 1);
		return dialog;
	};
});
