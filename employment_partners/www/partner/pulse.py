"""/partner/pulse?t=<token>&a=good|concern|ended: the one-click answer to an employer pulse email.

All good is recorded on opening the link; Concern and No longer employed show a short form that
posts to employment_partners.api.portal.answer_pulse with the same token.  No login is needed:
the token (single use, expiring, bound to one placement and one recipient) is the credential."""

import frappe
from frappe import _
from frappe.rate_limiter import rate_limit

from employment_partners.portal import pulse

no_cache = 1


@rate_limit(limit=60, seconds=60 * 60)
def _open(t: str, a: str):
	doc = pulse.find(t)
	if a == "good":
		pulse.answer(t, "good")
		frappe.db.commit()
	return doc


def get_context(context):
	context.no_cache = 1
	context.title = _("Employer pulse")
	token = frappe.form_dict.get("t") or ""
	answer = frappe.form_dict.get("a") or ""
	context.token, context.answer = token, answer
	context.issue_types = frappe.get_meta("Retention Issue Report").get_options("issue_type").split("\n")
	try:
		if answer not in pulse.ANSWERS:
			raise pulse.PulseRefused(_("This link is not complete. Please use the link in your email."))
		context.pulse = _open(t=token, a=answer)
		context.refused = None
	except pulse.PulseRefused as e:
		frappe.db.rollback()
		context.refused = str(e)
	return context
