// The retention early warning on the placement and participant forms: the risk of separating
// within 30 days now, its reasons and its weekly history (api/early_warning.py). Shown only to
// those who may read the risk; the reasons they may not see are left out by the server.
frappe.provide("employment_partners.early_warning");

employment_partners.early_warning.show = function (frm, args) {
	if (frm.is_new()) return;
	frappe.xcall("employment_partners.api.early_warning.risk_history", args).then((data) => {
		if (!data || !data.rows || !data.rows.length) return;
		const escape = frappe.utils.escape_html;
		const colour = { High: "red", Medium: "orange", Low: "green" };
		const latest = data.rows[0];
		const pill = (band, risk) =>
			`<span class="indicator-pill ${colour[band] || "gray"}">${__(band)} ${format_number(
				risk,
				null,
				0
			)}%</span>`;
		const history = data.rows
			.map(
				(row) => `<tr>
					<td>${frappe.datetime.str_to_user(row.week_start)}</td>
					<td>${escape(row.employer_name || "")}</td>
					<td>${pill(row.band, row.risk)}</td>
					<td>${row.reasons.map(escape).join("; ")}</td>
				</tr>`
			)
			.join("");
		const html = `<div class="ep-early-warning">
			<p>${pill(latest.band, latest.risk)}
				${escape(__("risk of separating within 30 days, scored {0}", [frappe.datetime.str_to_user(latest.scored_on)]))}
				${latest.reasons.length ? ": " + latest.reasons.map(escape).join("; ") : ""}</p>
			<p class="text-muted small">${escape(data.note || "")}</p>
			<table class="table table-condensed small">
				<thead><tr><th>${__("Week Of")}</th><th>${__("Employer")}</th><th>${__("Risk")}</th><th>${__(
			"Reasons"
		)}</th></tr></thead>
				<tbody>${history}</tbody>
			</table></div>`;
		frm.dashboard.add_section(html, __("Early Warning"));
		frm.dashboard.show();
		if (latest.band === "High") {
			employment_partners.forms.indicator(frm, "risk", __("High risk of separating"), "red");
		}
	});
};
