// Copyright (c) 2026, Employment Partners contributors
// For license information, please see license.txt

frappe.ui.form.on("Hiring Partnership", {
	refresh(frm) {
		if (!employment_partners.show_contacts(frm)) return;
		if (frm.doc.problematic_employer) {
			frm.dashboard.set_headline_alert(
				__("Problematic employer: {0}", [frappe.utils.escape_html(frm.doc.problematic_reason || "")]),
				"red"
			);
		}
		frm.add_custom_button(
			__("Interaction"),
			() => frappe.new_doc("Employer Interaction", { hiring_partnership: frm.doc.name }),
			__("Log")
		);
	},
});
