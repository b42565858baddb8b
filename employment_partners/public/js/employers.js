// An employer's contacts and addresses (Frappe Contacts and Addresses, by Dynamic Link), shared by
// the Employer Lead and Hiring Partnership forms.
frappe.provide("employment_partners");

// Shows them on a saved record; returns false on a new one, which has none yet.
employment_partners.show_contacts = function (frm) {
	frappe.dynamic_link = { doc: frm.doc, fieldname: "name", doctype: frm.doctype };
	if (frm.is_new()) {
		frappe.contacts.clear_address_and_contact(frm);
		return false;
	}
	frappe.contacts.render_address_and_contact(frm);
	return true;
};

// An interaction logged in place, on the lead's or the partnership's form: the employer's contact
// chosen from its own (the primary one, or the only one, already chosen), and the form's timeline
// shows it at once (pipeline/history.py).
employment_partners.log_interaction = function (frm) {
	const field = frm.doctype === "Employer Lead" ? "employer_lead" : "hiring_partnership";
	const contacts = (frm.doc.__onload && frm.doc.__onload.contact_list) || [];
	const chosen = contacts.find((c) => c.is_primary_contact) || (contacts.length === 1 && contacts[0]);
	const contact_label = (c) =>
		[c.full_name || [c.first_name, c.last_name].filter(Boolean).join(" "), c.email_id || c.phone]
			.filter(Boolean)
			.join(" · ");
	frappe.model.with_doctype("Employer Interaction", () => {
		const options = (fieldname) =>
			frappe.meta.get_docfield("Employer Interaction", fieldname).options;
		const dialog = new frappe.ui.Dialog({
			title: __("Log an interaction with {0}", [
				frm.doc.organisation_name || frm.doc.partner_name,
			]),
			fields: [
				{
					fieldname: "interaction_type",
					fieldtype: "Select",
					label: __("Type"),
					options: options("interaction_type"),
					default: "Call",
					reqd: 1,
				},
				{
					fieldname: "direction",
					fieldtype: "Select",
					label: __("Direction"),
					options: options("direction"),
					default: "Outbound",
					reqd: 1,
				},
				{ fieldtype: "Column Break" },
				{
					fieldname: "interaction_date",
					fieldtype: "Datetime",
					label: __("When"),
					default: frappe.datetime.now_datetime(),
					reqd: 1,
				},
				{
					fieldname: "contact",
					fieldtype: "Select",
					label: __("With"),
					options: [{ label: "", value: "" }].concat(
						contacts.map((c) => ({ label: contact_label(c), value: c.name }))
					),
					default: chosen ? chosen.name : "",
				},
				{ fieldtype: "Section Break" },
				{ fieldname: "summary", fieldtype: "Small Text", label: __("What was said"), reqd: 1 },
				{ fieldname: "needs_reply", fieldtype: "Check", label: __("Needs a reply") },
			],
			primary_action_label: __("Log"),
			primary_action(values) {
				dialog.disable_primary_action();
				frappe.db
					.insert({ doctype: "Employer Interaction", [field]: frm.doc.name, ...values })
					.then(() => {
						dialog.hide();
						frappe.show_alert({ message: __("Interaction logged"), indicator: "green" });
						frm.reload_doc();
					})
					.finally(() => dialog.enable_primary_action());
			},
		});
		dialog.show();
	});
};
