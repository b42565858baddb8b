from frappe import _


def get_data():
	return {
		"fieldname": "job_order",
		"transactions": [{"label": _("Hiring"), "items": ["Referral", "Placement"]}],
	}
