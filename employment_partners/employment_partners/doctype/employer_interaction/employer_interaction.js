// Copyright (c) 2026, Employment Partners contributors
// For license information, please see license.txt

frappe.ui.form.on("Employer Interaction", {
	needs_reply(frm) {
		if (!frm.doc.needs_reply) frm.set_value("replied_on", null);
	},
});
