// Copyright (c) 2026, Employment Partners contributors
// For license information, please see license.txt

frappe.ui.form.on("Hiring Partnership", {
	refresh(frm) {
		frappe.dynamic_link = { doc: frm.doc, fieldname: "name", doctype: "Hiring Partnership" };
		if (frm.is_new()) {
			frappe.contacts.clear_address_and_contact(frm);
			return;
		}
		frappe.contacts.render_address_and_contact(frm);
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
