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
		frm.add_custom_button(__("Add Retention Bonus Milestones"), () =>
			frm.call("add_default_bonuses").then(() => frm.dirty())
		);
		if (frm.is_new()) return;
		if (frm.doc.employer_review && frm.doc.status === "Active") {
			frm.dashboard.set_headline_alert(
				__("The employer says {0} no longer works there (last day {1}). Check, then end the placement or clear the flag.", [
					frappe.utils.escape_html(frm.doc.participant_label || ""),
					frappe.datetime.str_to_user(frm.doc.employer_reported_end_date),
				]),
				"red"
			);
		}
		if (["Active", "Transitioned to Permanent"].includes(frm.doc.status)) {
			frm.add_custom_button(
				__("Retention Issue"),
				() => frappe.new_doc("Retention Issue Report", { placement: frm.doc.name }),
				__("Report")
			);
		}
		if (frm.doc.employment_status) {
			frm.dashboard.add_indicator(
				__("{0} (as of {1})", [
					__(frm.doc.employment_status),
					frappe.datetime.str_to_user(frm.doc.employment_status_date),
				]),
				frm.doc.employment_status.startsWith("Employed") ? "green" : "orange"
			);
		}
	},
});
