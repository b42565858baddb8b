// Copyright (c) 2026, Employment Partners contributors
// For license information, please see license.txt

frappe.ui.form.on("Participant", {
	refresh(frm) {
		show_services_timeline(frm);
		if (!frm.is_new()) employment_partners.early_warning.show(frm, { participant: frm.doc.name });
		if (frm.is_new() || frm.doc.status !== "Active") return;
		frm.add_custom_button(__("Find Jobs"), () => employment_partners.matching.find(frm));
		if (frm.doc.suitability_count) {
			employment_partners.forms.indicator(
				frm,
				"suitability",
				frm.doc.suitability_count === 1
					? __("1 suitability indicator")
					: __("{0} suitability indicators", [frm.doc.suitability_count]),
				"blue"
			);
		}
	},
});

// The Services tab: what was done to keep this person employed, newest first.
function show_services_timeline(frm) {
	const field = frm.get_field("services_timeline");
	if (!field) return;
	if (frm.is_new()) {
		field.$wrapper.html("");
		return;
	}
	frappe
		.xcall("employment_partners.api.retention.services_timeline", { participant: frm.doc.name })
		.then((events) => {
			if (!events.length) {
				field.$wrapper.html(`<p class="text-muted">${__("No services recorded yet.")}</p>`);
				return;
			}
			const rows = events
				.map(
					(e) => `<tr>
						<td class="text-nowrap">${frappe.datetime.str_to_user(e.date)}</td>
						<td><a href="/app/${frappe.router.slug(e.doctype)}/${encodeURIComponent(e.name)}">${frappe.utils.escape_html(e.title)}</a></td>
						<td>${frappe.utils.escape_html(e.detail || "")}</td>
					</tr>`
				)
				.join("");
			field.$wrapper.html(`<table class="table table-sm ep-services-timeline">
				<thead><tr><th>${__("Date")}</th><th>${__("Service")}</th><th>${__("Detail")}</th></tr></thead>
				<tbody>${rows}</tbody></table>`);
		});
}
