// What the app's forms share.
frappe.provide("employment_partners.forms");

// An indicator on a form's dashboard, once: a form refreshed again (after its first save, say)
// replaces its own indicator instead of adding a second copy beside it.
employment_partners.forms.indicator = function (frm, key, label, color) {
	frm.dashboard.stats_area_row?.find(`[data-ep-indicator="${key}"]`).remove();
	frm.dashboard.add_indicator(label, color).attr("data-ep-indicator", key);
};
