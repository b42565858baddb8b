"""When to contact an employer next.

Settings hold the rhythm: a lead is followed up every `lead_follow_up_days` (14), an active
partnership checked in on every `partnership_check_in_days` (30).  A new lead or active
partnership gets its first date from them; each interaction logged proposes the next one,
unless the rep already planned a later contact (a date after the interaction), which stands.
"""

from datetime import date, timedelta

import frappe
from frappe.utils import getdate

from employment_partners.pipeline import organisations, stages
from employment_partners.utils import get_settings


def first_contact(today, days: int) -> date:
	"""A new lead's next follow-up, or a new partnership's next check-in."""
	return getdate(today) + timedelta(days=int(days))


def next_contact(current, contacted_on, days: int) -> date:
	"""After an interaction on `contacted_on`: the date already planned if it is still after the
	interaction, otherwise the interaction's date + `days`."""
	contacted_on = getdate(contacted_on)
	if current and getdate(current) > contacted_on:
		return getdate(current)
	return contacted_on + timedelta(days=int(days))


def after_interaction(employer_lead: str | None, hiring_partnership: str | None, contacted_on):
	"""An interaction was logged: propose the lead's next follow-up (unless it is lost) and the
	partnership's next check-in (while it is active).  One read of each record."""
	settings = get_settings()
	if employer_lead:
		stage, current = frappe.db.get_value("Employer Lead", employer_lead, ["stage", "next_follow_up_date"])
		if stage != stages.LOST:
			next_day = next_contact(current, contacted_on, settings.lead_follow_up_days)
			frappe.db.set_value(
				"Employer Lead", employer_lead, "next_follow_up_date", next_day, update_modified=False
			)
	if hiring_partnership:
		status, current = frappe.db.get_value(
			"Hiring Partnership", hiring_partnership, ["status", "next_check_in_date"]
		)
		if status == organisations.ACTIVE:
			next_day = next_contact(current, contacted_on, settings.partnership_check_in_days)
			frappe.db.set_value(
				"Hiring Partnership",
				hiring_partnership,
				"next_check_in_date",
				next_day,
				update_modified=False,
			)
