frappe.ready(() => {
	employment_partners.portal.label_fields();
	employment_partners.portal.phone_dates(["incident_start", "incident_end"], { not_after_today: true });
});
