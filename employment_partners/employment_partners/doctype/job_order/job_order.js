// Copyright (c) 2026, Employment Partners contributors
// For license information, please see license.txt

frappe.ui.form.on("Job Order", {
	setup(frm) {
		frm.set_query("hiring_partnership", () => ({ filters: { status: "Active" } }));
	},
	refresh(frm) {
		if (frm.is_new()) return;
		if (frm.doc.status === "Open") {
			frm.add_custom_button(__("Find Matches"), () => employment_partners.matching.find(frm));
			frm.add_custom_button(
				__("Placement"),
				() => frappe.new_doc("Placement", { job_order: frm.doc.name }),
				__("Create")
			);
		}
		employment_partners.forms.indicator(
			frm,
			"openings",
			__("{0} of {1} openings filled", [frm.doc.filled || 0, frm.doc.openings]),
			frm.doc.filled >= frm.doc.openings ? "green" : "blue"
		);
	},
});
