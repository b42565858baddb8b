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
