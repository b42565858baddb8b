"""The "Retention Follow-up Due" notifications name the job only for a placement's follow-ups:
a follow-up after exit is the participant's and has no job ("Contact Maria S. ( at ) ...").
A notification whose message is still the one the app shipped takes the new text; one the
agency reworded is left as it is."""

import frappe

from employment_partners import defaults

OLD = (
	"Contact {{ doc.participant_name }} ({{ doc.job_title }} at {{ doc.employer_name }}) for the follow-up "
	"**{{ doc.label }}**, due {{ frappe.utils.formatdate(doc.due_date) }} (window ends "
	"{{ frappe.utils.formatdate(doc.window_end) }})."
)


def execute():
	for name in ("Retention Follow-up Due", "Retention Follow-up Due (Email)"):
		if (frappe.db.get_value("Notification", name, "message") or "").strip() == OLD:
			frappe.db.set_value(
				"Notification", name, "message", defaults.shipped("Notification", name).message
			)
