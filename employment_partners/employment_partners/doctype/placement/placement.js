// Copyright (c) 2026, Employment Partners contributors
// For license information, please see license.txt

frappe.ui.form.on("Placement", {
	setup(frm) {
		frm.set_query("job_order", () => ({ filters: { status: "Open" } }));
		frm.set_query("participant", () => ({ filters: { status: "Active" } }));
		frm.set_query("referral", () => ({
			filters: {
				participant: frm.doc.participant,
				job_order: frm.doc.job_order,
				status: ["in", ["Referred", "Interviewing", "Offered"]],
			},
		}));
	},
	refresh(frm) {
		if (frm.doc.docstatus === 0) {
			frm.add_custom_button(__("Add Retention Bonus Milestones"), () =>
				frm.call("add_default_bonuses").then(() => frm.dirty())
			);
		}
	},
});
