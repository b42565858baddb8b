// Copyright (c) 2026, Employment Partners contributors
// For license information, please see license.txt

frappe.ui.form.on("Retention Follow-up", {
	setup(frm) {
		// "the same employer" is one of this participant's placements
		frm.set_query("employer_placement", () => ({ filters: { participant: frm.doc.participant } }));
	},
	refresh(frm) {
		if (frm.doc.status === "Open" && frm.doc.window_end < frappe.datetime.get_today()) {
			frm.dashboard.set_headline_alert(
				__("Overdue: the window ended on {0}", [frappe.datetime.str_to_user(frm.doc.window_end)]),
				"red"
			);
		}
	},
	outcome(frm) {
		if (frm.doc.outcome === "Employed - Same Employer" && frm.doc.placement) {
			frm.set_value("employer_placement", frm.doc.placement);
		}
	},
});
