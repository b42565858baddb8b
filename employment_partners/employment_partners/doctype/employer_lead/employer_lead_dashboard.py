from frappe import _


def get_data():
	"""Connections: the interactions with the employer (carried to its partnership at conversion,
	pipeline/history.py) and the partnership it became."""
	return {
		"fieldname": "employer_lead",
		"transactions": [
			{"label": _("Engagement"), "items": ["Employer Interaction"]},
			{"label": _("Partnership"), "items": ["Hiring Partnership"]},
		],
	}
