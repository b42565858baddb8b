from frappe import _


def get_data():
	return {
		"fieldname": "participant",
		"transactions": [
			{"label": _("Employment"), "items": ["Referral", "Placement"]},
			# the follow-ups of every placement and of the program exit, and what employers reported
			{"label": _("Job Retention"), "items": ["Retention Follow-up", "Retention Issue Report"]},
			{
				"label": _("Retention Services"),
				"items": ["Retention Plan", "Coaching Session", "Service Referral"],
			},
		],
	}
