// The employer portal's web forms, as an employer meets them on any screen (issue 23):
// - satisfaction is a choice of five labelled ratings, not a bare number box;
// - on a phone, a date is the phone's own date picker, not the desk's popover.
// Each web form's script (web_form/<name>/<name>.js) says which of its fields these apply to.
frappe.provide("employment_partners.portal");

// Every field's label names its control (Frappe's web form labels have no `for`): a screen reader
// reads "Issue type, required" where it read an unnamed list box.
employment_partners.portal.label_fields = function () {
	for (const field of (frappe.web_form && frappe.web_form.fields_list) || []) {
		const $label = field.$wrapper && field.$wrapper.find("label.control-label").first();
		const $input = field.$input && field.$input.first();
		if (!$label || !$label.length || !$input || !$input.length) continue;
		const id = $input.attr("id") || `ep-field-${field.df.fieldname}`;
		$input.attr("id", id);
		$label.attr("for", id);
	}
};

// The sign-in page's logo has no text of its own: the heading beside it names the site
frappe.ready(() => {
	$(".page-card-head img:not([alt]), .navbar-brand img:not([alt])").attr("alt", "");
});

// A 1-5 rating as a group of radio buttons, each one named ("4 - Satisfied"): keyboard and screen
// readers take it as one question; the web form's own field keeps the number it stores.
employment_partners.portal.rating = function (fieldname, labels) {
	const field = frappe.web_form && frappe.web_form.fields_dict[fieldname];
	if (!field || field.$wrapper.find(".ep-rating").length) return;
	const id = `ep-rating-${fieldname}`;
	const legend = frappe.utils.escape_html(__(field.df.label));
	const $group = $(`<fieldset class="ep-rating" id="${id}">
		<legend class="control-label ${field.df.reqd ? "reqd" : ""}">${legend}</legend></fieldset>`);
	labels.forEach((label, index) => {
		const value = index + 1;
		const choice = $(`<label class="ep-rating-choice">
			<input type="radio" name="${id}" value="${value}" ${field.df.reqd ? "required" : ""}>
			<span>${value} – ${frappe.utils.escape_html(__(label))}</span></label>`);
		$group.append(choice);
	});
	$group.on("change", "input", (e) => field.set_value(parseInt(e.target.value, 10)));
	const current = parseInt(field.get_value(), 10);
	if (current) $group.find(`input[value="${current}"]`).prop("checked", true);
	field.$wrapper.find(".form-group").addClass("ep-replaced");
	field.$wrapper.append($group);
};

// On a phone (a coarse pointer), the field's date is typed or picked with the phone's own picker;
// `not_after_today` keeps a reported incident out of the future, as the server does.
employment_partners.portal.phone_dates = function (fieldnames, { not_after_today = false } = {}) {
	if (!window.matchMedia("(pointer: coarse)").matches) return;
	for (const fieldname of fieldnames) {
		const field = frappe.web_form && frappe.web_form.fields_dict[fieldname];
		if (!field || field.$wrapper.find(".ep-phone-date").length) continue;
		const id = `ep-date-${fieldname}`;
		const $native = $(`<input type="date" class="form-control ep-phone-date" id="${id}">`);
		if (not_after_today) $native.attr("max", frappe.datetime.get_today());
		$native.val(field.get_value() || "");
		$native.on("change", () => field.set_value($native.val() || ""));
		field.$wrapper.find("label.control-label").attr("for", id);
		field.$input.addClass("ep-replaced").attr("tabindex", "-1").attr("aria-hidden", "true");
		field.$input.after($native);
	}
};
