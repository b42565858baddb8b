from frappe import _


def get_data():
	return {
		"fieldname": "participant",
		"transactions": [{"label": _("Employment"), "items": ["Referral", "Placement"]}],
	}
