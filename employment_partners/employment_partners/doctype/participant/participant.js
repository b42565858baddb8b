// Copyright (c) 2026, Employment Partners contributors
// For license information, please see license.txt

frappe.ui.form.on("Participant", {
	refresh(frm) {
		if (frm.is_new() || frm.doc.status !== "Active") return;
		frm.add_custom_button(__("Find Jobs"), () => employment_partners.matching.find(frm));
		if (frm.doc.suitability_count) {
			frm.dashboard.add_indicator(
				__("{0} suitability indicators", [frm.doc.suitability_count]),
				"blue"
			);
		}
	},
});
