// Copyright (c) 2026, Employment Partners contributors
// For license information, please see license.txt

frappe.ui.form.on("Employer Lead", {
	refresh(frm) {
		if (!employment_partners.show_contacts(frm)) return;

		if (!frm.doc.hiring_partnership && frm.doc.stage !== "Lost / Poor Fit") {
			frm.add_custom_button(__("Create Hiring Partnership"), () => {
				frappe
					.call("employment_partners.api.pipeline.convert_lead", { lead: frm.doc.name })
					.then((r) => frappe.set_route("Form", "Hiring Partnership", r.message));
			}).addClass("btn-primary");
		}
		frm.add_custom_button(__("Log Interaction"), () => employment_partners.log_interaction(frm));
		frm.add_custom_button(
			__("Merge into another lead"),
			() => {
				frappe.prompt(
					{
						fieldname: "target",
						fieldtype: "Link",
						options: "Employer Lead",
						label: __("Keep this lead"),
						reqd: 1,
						get_query: () => ({ filters: { name: ["!=", frm.doc.name] } }),
					},
					({ target }) =>
						frappe
							.call("employment_partners.api.pipeline.merge_leads", {
								source: frm.doc.name,
								target,
							})
							.then((r) => frappe.set_route("Form", "Employer Lead", r.message)),
					__("Merge {0} into…", [frm.doc.organisation_name]),
					__("Merge")
				);
			},
			__("Actions")
		);
	},

	stage(frm) {
		// a stage change may need a reason (Lost's own reason is mandatory_depends_on); show where to write it
		frm.scroll_to_field("stage_change_note");
	},
});
