// What the app's script reports share: the period filters, a formatter for rows that each hold
// one kind of figure, and their print and PDF (headline figures, definitions, letter head).
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
			ep_label: 1,
			default: days
				? frappe.datetime.add_days(frappe.datetime.get_today(), 1 - days)
				: frappe.datetime.year_start(),
			reqd: 1,
		},
		{
			fieldname: "to_date",
			label: __("To"),
			fieldtype: "Date",
			ep_label: 1,
			default: frappe.datetime.get_today(),
			reqd: 1,
		},
		{
			// the evidence date (metrics/period.py): the period picks who is counted, "as of"
			// which records have arrived; a past period re-run today shows its later quarters
			fieldname: "as_of",
			label: __("As of"),
			fieldtype: "Date",
			ep_label: 1,
			default: frappe.datetime.get_today(),
			description: __("Evidence recorded up to this day counts"),
		},
		...extra,
	];
};

// A report of one day (a roster, this week's risk): As of, today unless chosen
employment_partners.reports.as_of_filter = function () {
	return {
		fieldname: "as_of",
		label: __("As of"),
		fieldtype: "Date",
		ep_label: 1,
		default: frappe.datetime.get_today(),
		reqd: 1,
	};
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

// The app's reports say so in their message (the definitions block, reporting.py).
employment_partners.reports.is_app_report = function (report) {
	const message = (report && report.raw_data && report.raw_data.message) || "";
	return typeof message === "string" && message.includes("ep-definitions");
};

// The headline figures (the report's summary cards) as printed above the table.
employment_partners.reports.summary_html = function (report) {
	const cards = (report.raw_data && report.raw_data.report_summary) || [];
	if (!cards.length) return "";
	return `<div class="ep-print-summary">${cards
		.map((card) => {
			const value =
				card.value === null || card.value === undefined
					? "–"
					: frappe.format(card.value, { fieldtype: card.datatype || "Data" });
			return `<div class="ep-print-card" style="display: inline-block; border: 1px solid #d1d8dd;
				border-radius: 4px; padding: 4px 10px; margin: 0 6px 6px 0; min-width: 120px;">
				<div class="small text-muted">${frappe.utils.escape_html(__(card.label))}</div>
				<div style="font-size: 1.2em; font-weight: bold;">${value}</div></div>`;
		})
		.join("")}</div>`;
};

$(document).on("app_ready", () => {
	const QueryReport = frappe.views.QueryReport;
	if (!QueryReport || QueryReport.prototype.__ep_definitions) return;

	// Printed from the browser: the headline figures, then the definitions, under the filters,
	// so that a funder reading the page reads how each figure is counted.
	const filters_html = QueryReport.prototype.get_filters_html_for_print;
	QueryReport.prototype.get_filters_html_for_print = function () {
		const html = filters_html.call(this);
		if (!employment_partners.reports.is_app_report(this)) return html;
		const definitions = this.raw_data.message
			.replace(/<details[^>]*>/, "<div>")
			.replace("</details>", "</div>")
			.replace(/<summary>(.*?)<\/summary>/, "<h5>$1</h5>");
		return `${html}${employment_partners.reports.summary_html(this)}<div class="ep-print-definitions small">${definitions}</div>`;
	};

	// Saved as PDF: the server makes the funder-ready page from the report's own run (letter
	// head, agency, headline figures, the column headers on every page, numbered pages, the
	// definitions: employment_partners/exports.py), through Frappe's report_to_pdf, which the app
	// replaces with a permission-checked version (security/overrides.py).
	const pdf_report = QueryReport.prototype.pdf_report;
	QueryReport.prototype.pdf_report = function (print_settings) {
		if (!employment_partners.reports.is_app_report(this)) return pdf_report.call(this, print_settings);
		const filters = this.get_filter_values(true);
		if (this.prepared_report_name) filters.prepared_report_name = this.prepared_report_name;
		const applied = {};
		for (const [fieldname, value] of Object.entries(this.get_filter_values())) {
			const df = this.get_filter(fieldname).df;
			applied[__(df.label, null, df.parent)] = frappe.format(value, df, { only_value: true, for_print: true });
		}
		const form = new FormData();
		form.append("html", "");
		form.append("report_name", this.report_name);
		form.append("filters", JSON.stringify(filters));
		form.append("applied_filters", JSON.stringify(applied));
		form.append("orientation", print_settings.orientation || "Landscape");
		form.append("with_letter_head", print_settings.with_letter_head ? 1 : 0);
		form.append("letter_head_name", print_settings.ep_letter_head_name || "");
		form.append("columns", JSON.stringify(print_settings.columns || []));
		const xhr = new XMLHttpRequest();
		xhr.open("POST", "/api/method/frappe.utils.print_format.report_to_pdf");
		xhr.setRequestHeader("X-Frappe-CSRF-Token", frappe.csrf_token);
		xhr.responseType = "arraybuffer";
		const name = `${__(this.report_name)}.pdf`;
		xhr.onload = function () {
			if (this.status !== 200) {
				let message = __("The PDF could not be made");
				try {
					const answer = JSON.parse(new TextDecoder().decode(this.response));
					const messages = JSON.parse(answer._server_messages || "[]");
					if (messages.length) message = JSON.parse(messages[0]).message;
				} catch (e) {
					// not a JSON answer: the generic message
				}
				frappe.msgprint({ title: __("PDF"), message, indicator: "red" });
				return;
			}
			const url = URL.createObjectURL(new Blob([this.response], { type: "application/pdf" }));
			const link = document.createElement("a");
			link.style.display = "none";
			link.href = url;
			link.download = name;
			document.body.appendChild(link);
			link.click();
			URL.revokeObjectURL(url);
			link.remove();
		};
		xhr.send(form);
	};
	QueryReport.prototype.__ep_definitions = true;

	// Frappe workaround "report-chart-axis-options-replaced" (employment_partners/workarounds.py):
	// Frappe 15's get_chart_options replaces a report chart's axisOptions with its own, so a
	// chart's xIsSeries is lost and each of a week series' labels is cut ("J ...") instead of every
	// few being shown whole.  The report's own options are kept beside Frappe's.
	const get_chart_options = QueryReport.prototype.get_chart_options;
	QueryReport.prototype.get_chart_options = function (data) {
		const own = data && data.chart && data.chart.axisOptions ? { ...data.chart.axisOptions } : null;
		const options = get_chart_options.call(this, data);
		if (options && own) options.axisOptions = { ...own, ...options.axisOptions };
		return options;
	};

	const setup_filters = QueryReport.prototype.setup_filters;
	QueryReport.prototype.setup_filters = function () {
		const out = setup_filters.apply(this, arguments);
		employment_partners.reports.label_filters(this);
		return out;
	};

	// Print and PDF carry the agency's letter head: the site's default Letter Head is chosen,
	// and ticked, unless the report names its own; the name chosen goes to the server with the PDF.
	const print_settings = frappe.ui.get_print_settings;
	frappe.ui.get_print_settings = function (pdf, callback, letter_head, pick_columns) {
		const fallback = frappe.boot.ep_default_letter_head;
		let dialog = null;
		const with_name = (data) => {
			data.ep_letter_head_name =
				data.with_letter_head && dialog && dialog.get_value ? dialog.get_value("letter_head") : null;
			callback(data);
		};
		dialog = print_settings(pdf, with_name, letter_head || fallback, pick_columns);
		if ((letter_head || fallback) && dialog && dialog.set_value) dialog.set_value("with_letter_head", 1);
		return dialog;
	};
});

// Frappe workaround "chart-axis-counts-with-decimals" (employment_partners/workarounds.py): Frappe 15
// labels a report chart's axis through shorten_number(label, country, 3), which prints any whole
// number of three digits with two decimals ("300.00" placements).  A whole number under a thousand
// is printed as it is; everything else is shortened as Frappe does ("1.2 K").
if (!frappe.utils.format_chart_axis_number.__ep_whole_numbers) {
	const shorten = frappe.utils.format_chart_axis_number;
	frappe.utils.format_chart_axis_number = function (label, country) {
		const number = Number(label);
		if (Number.isInteger(number) && Math.abs(number) < 1000) return String(number);
		return shorten.call(this, label, country);
	};
	frappe.utils.format_chart_axis_number.__ep_whole_numbers = true;
}

// A filter whose value alone would not say what it is (Follow-up Due's "14", a period's three
// dates "12-08-2025 | 12-07-2026 | 12-07-2026") keeps its label in sight, inside the box before the
// value: Frappe shows a filter's label only as the placeholder of an empty box.  A report's filter
// asks for it with `ep_label: 1` (the period filters and "As of" do); QueryReport.setup_filters
// (above) applies it.
employment_partners.reports.label_filters = function (report) {
	for (const field of report.filters || []) {
		if (!field.df || !field.df.ep_label || !field.$input) continue;
		if (field.$wrapper.find(".ep-filter-label").length) continue;
		const $label = $(`<span class="ep-filter-label" aria-hidden="true"></span>`).text(__(field.df.label));
		field.$wrapper.addClass("ep-labelled-filter");
		field.$input.before($label);
		field.$input.attr("aria-label", __(field.df.label));
		// the value starts after the label, measured once the filter bar is drawn
		const pad = () => {
			const width = $label.outerWidth();
			if (width) field.$input.css("padding-left", `${Math.ceil(width) + 14}px`);
			return width;
		};
		if (!pad()) setTimeout(pad, 300);
	}
};
