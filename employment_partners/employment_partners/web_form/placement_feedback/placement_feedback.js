frappe.ready(() => {
	employment_partners.portal.label_fields();
	// the agency's satisfaction scale (Employer Feedback: 1 to 5)
	employment_partners.portal.rating("satisfaction", [
		"Very dissatisfied",
		"Dissatisfied",
		"Neither satisfied nor dissatisfied",
		"Satisfied",
		"Very satisfied",
	]);
});
