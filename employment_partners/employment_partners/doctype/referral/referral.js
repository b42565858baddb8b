// Copyright (c) 2026, Employment Partners contributors
// For license information, please see license.txt

frappe.ui.form.on("Referral", {
	setup(frm) {
		frm.set_query("job_order", () => ({ filters: { status: "Open" } }));
		frm.set_query("participant", () => ({ filters: { status: "Active" } }));
	},
	refresh(frm) {
		if (!frm.is_new() && ["Referred", "Interviewing", "Offered"].includes(frm.doc.status)) {
			frm.add_custom_button(__("Record Placement"), () =>
				frappe.new_doc("Placement", {
					participant: frm.doc.participant,
					job_order: frm.doc.job_order,
					referral: frm.doc.name,
				})
			);
		}
	},
});
