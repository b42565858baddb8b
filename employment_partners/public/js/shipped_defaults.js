// "Restore shipped default" on the records the app ships as defaults (follow-up schedules, the
// retention workflow, notifications, roles, the kanban board): an agency edits them freely, a
// migrate never overwrites them, and this button puts one back as shipped on request.
(() => {
	const shipped = frappe.boot.ep_shipped_defaults || {};
	Object.keys(shipped).forEach((doctype) => {
		frappe.ui.form.on(doctype, "refresh", (frm) => {
			if (frm.is_new() || !shipped[doctype].includes(frm.doc.name) || !frm.perm[0]?.write) return;
			frm.add_custom_button(
				__("Restore shipped default"),
				() =>
					frappe.confirm(
						__(
							"Put {0} back as the app ships it? Your changes to it are replaced.",
							[frm.doc.name.bold()]
						),
						() =>
							frappe
								.call({
									method: "employment_partners.api.defaults.restore_shipped_default",
									args: { doctype, name: frm.doc.name },
									freeze: true,
								})
								.then(() => {
									frappe.show_alert({ message: __("Restored"), indicator: "green" });
									frm.reload_doc();
								})
					),
				__("Actions")
			);
		});
	});
})();
