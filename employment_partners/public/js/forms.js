// What the app's forms share.
frappe.provide("employment_partners.forms");

// An indicator on a form's dashboard, once: a form refreshed again (after its first save, say)
// replaces its own indicator instead of adding a second copy beside it.
employment_partners.forms.indicator = function (frm, key, label, color) {
	frm.dashboard.stats_area_row?.find(`[data-ep-indicator="${key}"]`).remove();
	frm.dashboard.add_indicator(label, color).attr("data-ep-indicator", key);
};

// Staff read people's full names (issue 23).  The records an employer also reads (their concerns,
// pulse questions and paperwork) take their title from the short label employers see ("Maria S.");
// on the desk the title is the person's full name, as the participant's link shows it to whoever
// may read the participant (Frappe sends that title with the record).
employment_partners.forms.full_name_title = function (frm) {
	if (frm.is_new() || !frm.doc.participant) return;
	const full_name = frappe.utils.get_link_title("Participant", frm.doc.participant);
	if (full_name) frm.page.set_title(full_name);
};
for (const doctype of ["Retention Issue Report", "Employer Pulse", "Employer Confirmation"]) {
	frappe.ui.form.on(doctype, {
		refresh: employment_partners.forms.full_name_title,
		after_save: employment_partners.forms.full_name_title,
	});
}
