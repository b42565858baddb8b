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
		employment_partners.early_warning.show(frm, { placement: frm.doc.name });
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
		if (frappe.boot.versions && frappe.boot.versions.erpnext) show_vouchers(frm);
		if (frm.doc.employment_status) {
			employment_partners.forms.indicator(
				frm,
				"employment",
				__("{0} (as of {1})", [
					__(frm.doc.employment_status),
					frappe.datetime.str_to_user(frm.doc.employment_status_date),
				]),
				frm.doc.employment_status.startsWith("Employed") ? "green" : "orange"
			);
		}
	},
});

// ERPNext only: the vouchers the placement's payments were posted as, read-only (no ERPNext role
// needed; employers never see them: the server refuses)
function show_vouchers(frm) {
	const rows = [...(frm.doc.incentive_payments || []), ...(frm.doc.retention_bonuses || [])];
	if (!rows.some((row) => row.paid_on)) return;
	frappe
		.call({ method: "employment_partners.api.books.placement_vouchers", args: { placement: frm.doc.name } })
		.then(({ message }) => {
			if (!message || !message.length) return;
			const status = { 0: __("Draft"), 1: __("Submitted"), 2: __("Cancelled") };
			const lines = message.map(
				(v) => `<tr><td>${__(v.voucher_type)}</td><td>${frappe.utils.escape_html(v.name)}</td>
				<td>${frappe.datetime.str_to_user(v.posting_date)}</td><td>${format_currency(v.amount)}</td>
				<td>${frappe.utils.escape_html(v.party || "")}</td><td>${status[v.docstatus]}</td></tr>`
			);
			frm.dashboard.add_section(
				`<table class="table table-sm"><thead><tr><th>${__("Voucher Type")}</th><th>${__("Voucher")}</th>
				<th>${__("Posting Date")}</th><th>${__("Amount")}</th><th>${__("Supplier")}</th><th>${__("Status")}</th>
				</tr></thead><tbody>${lines.join("")}</tbody></table>`,
				__("Accounting")
			);
		});
}
