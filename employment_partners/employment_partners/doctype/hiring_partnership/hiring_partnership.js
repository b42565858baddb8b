// Copyright (c) 2026, Employment Partners contributors
// For license information, please see license.txt

frappe.ui.form.on("Hiring Partnership", {
	refresh(frm) {
		if (!employment_partners.show_contacts(frm)) return;
		if (frm.doc.problematic_employer) {
			frm.dashboard.set_headline_alert(
				__("Problematic employer: {0}", [frappe.utils.escape_html(frm.doc.problematic_reason || "")]),
				"red"
			);
		}
		frm.add_custom_button(__("Log Interaction"), () => employment_partners.log_interaction(frm));
		if (frm.perm[0] && frm.perm[0].write) {
			frm.add_custom_button(__("Invite to Portal"), () => invite_to_portal(frm));
			if (frappe.boot.versions && frappe.boot.versions.erpnext) add_accounting_buttons(frm);
		}
	},
});

// ERPNext only: the employer as Customer (link or create) and as Supplier (incentive payee).
function add_accounting_buttons(frm) {
	const call = (method, args) =>
		frappe
			.call({ method: `employment_partners.api.books.${method}`, args, freeze: true })
			.then((r) => {
				frappe.show_alert({ message: __("Linked {0}", [r.message]), indicator: "green" });
				frm.reload_doc();
			});
	if (!frm.doc.ep_customer) {
		frm.add_custom_button(__("Create Customer"), () => call("create_customer", { partnership: frm.doc.name }), __("Accounting"));
		frm.add_custom_button(
			__("Link Customer"),
			() =>
				frappe.prompt(
					{
						fieldname: "customer",
						fieldtype: "Link",
						options: "Customer",
						label: __("Customer"),
						reqd: 1,
						// enabled customers no other partnership holds (no ERPNext role needed)
						get_query: () => ({ query: "employment_partners.api.books.linkable_customers" }),
					},
					(values) => call("link_customer", { partnership: frm.doc.name, customer: values.customer }),
					__("Link an existing customer")
				),
			__("Accounting")
		);
	}
	if (!frm.doc.ep_supplier) {
		frm.add_custom_button(__("Create Supplier"), () => call("create_supplier", { partnership: frm.doc.name }), __("Accounting"));
	}
}

// An employer's person gets a portal login (/partner) for this partnership, with Frappe's welcome email.
function invite_to_portal(frm) {
	const dialog = new frappe.ui.Dialog({
		title: __("Invite to the employer portal"),
		fields: [
			{ fieldname: "email", fieldtype: "Data", options: "Email", label: __("Email"), reqd: 1 },
			{ fieldname: "first_name", fieldtype: "Data", label: __("First Name"), reqd: 1 },
			{ fieldname: "last_name", fieldtype: "Data", label: __("Last Name") },
		],
		primary_action_label: __("Send Invitation"),
		primary_action(values) {
			frappe
				.call({
					method: "employment_partners.api.portal.invite_portal_user",
					args: { partnership: frm.doc.name, ...values },
					freeze: true,
				})
				.then((r) => {
					dialog.hide();
					frappe.show_alert({ message: __("Invited {0}", [r.message]), indicator: "green" });
					frm.reload_doc();
				});
		},
	});
	dialog.show();
}
