frappe.ready(() => {
	employment_partners.portal.label_fields();
	employment_partners.portal.phone_dates(["desired_start_date"]);
});
