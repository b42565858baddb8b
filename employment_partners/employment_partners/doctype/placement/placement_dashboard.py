from frappe import _

from employment_partners import books


def get_data(data=None):
	"""Connections: the follow-ups, issues and paperwork of a placement, and, with ERPNext, the
	vouchers its paid incentives and bonuses were posted as."""
	transactions = [
		{"label": _("Retention"), "items": ["Retention Follow-up", "Retention Issue Report"]},
		{"label": _("Employer"), "items": ["Employer Feedback", "Employer Confirmation", "Employer Pulse"]},
	]
	if books.installed():
		transactions.append({"label": _("Accounting"), "items": ["Journal Entry", "Purchase Invoice"]})
	return {
		"fieldname": "placement",
		"non_standard_fieldnames": {"Journal Entry": "ep_placement", "Purchase Invoice": "ep_placement"},
		"transactions": transactions,
	}
