from frappe import _


def get_data():
	return {
		"fieldname": "hiring_partnership",
		"transactions": [
			{"label": _("Engagement"), "items": ["Employer Interaction"]},
			{"label": _("Hiring"), "items": ["Job Order", "Referral", "Placement"]},
			{
				"label": _("Employer Portal"),
				"items": ["Employer Pulse", "Employer Confirmation", "Employer Feedback"],
			},
		],
	}
