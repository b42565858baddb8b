// Copyright (c) 2026, Employment Partners contributors
// For license information, please see license.txt

frappe.ui.form.on("Employer Appreciation Event", {
	refresh(frm) {
		if (frm.is_new()) return;
		frm.add_custom_button(__("Propose invitees"), () => {
			frm.call("propose_invitees", { limit: 20 }).then((r) => {
				frappe.show_alert({
					message: __("{0} partners proposed", [r.message || 0]),
					indicator: "green",
				});
				frm.reload_doc();
			});
		});
	},
});
