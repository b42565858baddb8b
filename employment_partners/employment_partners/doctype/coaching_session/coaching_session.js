// Copyright (c) 2026, Employment Partners contributors
// For license information, please see license.txt

frappe.ui.form.on("Coaching Session", {
	// a person with one current placement: the session is about it (the coach may clear it)
	async participant(frm) {
		if (!frm.doc.participant || frm.doc.placement) return;
		const placements = await frappe.db.get_list("Placement", {
			filters: { participant: frm.doc.participant, status: ["in", ["Active", "Transitioned to Permanent"]] },
			fields: ["name"],
			limit: 2,
		});
		if (placements.length === 1) frm.set_value("placement", placements[0].name);
	},
});
