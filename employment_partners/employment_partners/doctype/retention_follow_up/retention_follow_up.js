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
	// the same employer: its employer, wage and hours as the placement has them, for the case
	// manager to confirm or correct (only where the follow-up has none yet)
	async employer_placement(frm) {
		if (!frm.doc.employer_placement) return;
		const placement = await frappe.db.get_value("Placement", frm.doc.employer_placement, [
			"employer_name",
			"hourly_wage",
			"hours_per_week",
		]);
		const values = placement.message || {};
		if (!frm.doc.current_employer && values.employer_name) {
			frm.set_value("current_employer", values.employer_name);
		}
		if (!frm.doc.hourly_wage && values.hourly_wage) frm.set_value("hourly_wage", values.hourly_wage);
		if (!frm.doc.hours_per_week && values.hours_per_week) {
			frm.set_value("hours_per_week", values.hours_per_week);
		}
	},
});
