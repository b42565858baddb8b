from frappe import _


def get_data():
	return {
		"fieldname": "participant",
		"transactions": [
			{"label": _("Employment"), "items": ["Referral", "Placement"]},
			{
				"label": _("Retention Services"),
				"items": ["Retention Plan", "Coaching Session", "Service Referral"],
			},
		],
	}
