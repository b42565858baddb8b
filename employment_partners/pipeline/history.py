"""The employer's history as one timeline: every interaction with the employer, on its lead and on
its partnership alike (issue 23).

An interaction logged on a lead is carried to the partnership the lead becomes (`carry_interactions`,
at conversion), and one logged on a converted lead is the partnership's too (the interaction's
controller); the lead's and the partnership's form timelines show them in place
(`interaction_timeline`, hooks.py `additional_timeline_content`)."""

import frappe
from frappe import _
from frappe.query_builder import DocType
from frappe.utils import escape_html, format_datetime, get_datetime, get_fullname, pretty_date

# the field an interaction names each employer record by
FIELD_OF = {"Employer Lead": "employer_lead", "Hiring Partnership": "hiring_partnership"}


def carry_interactions(lead: str, partnership: str, partner_name: str) -> int:
	"""The lead's interactions become the partnership's too; how many were carried."""
	interaction = DocType("Employer Interaction")
	carried = frappe.get_all(
		"Employer Interaction",
		filters={"employer_lead": lead, "hiring_partnership": ["is", "not set"]},
		pluck="name",
	)
	if carried:
		(
			frappe.qb.update(interaction)
			.set(interaction.hiring_partnership, partnership)
			.set(interaction.employer_name, partner_name)
			.where(interaction.name.isin(carried))
		).run()
	return len(carried)


def interaction_timeline(doctype: str, docname: str) -> list[dict]:
	"""The interactions with this employer the reader may read, as form timeline items."""
	field = FIELD_OF.get(doctype)
	if not field or not frappe.has_permission("Employer Interaction", "read"):
		return []
	rows = frappe.get_list(
		"Employer Interaction",
		filters={field: docname},
		fields=[
			"name",
			"interaction_type",
			"direction",
			"interaction_date",
			"contact",
			"staff_member",
			"summary",
			"needs_reply",
			"replied_on",
		],
		order_by="interaction_date desc",
		limit_page_length=200,
	)
	contacts = dict(
		frappe.get_all(
			"Contact",
			filters={"name": ["in", [r.contact for r in rows if r.contact] or [""]]},
			fields=["name", "full_name"],
			as_list=True,
		)
	)
	return [
		{
			"icon": "call"
			if row.interaction_type == "Call"
			else "mail"
			if row.interaction_type == "Email"
			else "users",
			"is_card": True,
			"creation": row.interaction_date,
			"content": describe(row, contacts.get(row.contact)),
		}
		for row in rows
	]


def describe(row, contact_name: str | None) -> str:
	"""One interaction in the timeline: what, with whom, by whom, and what was said."""
	what = _("{0} ({1})").format(_(row.interaction_type), _(row.direction).lower())
	parts = [f'<a href="/app/employer-interaction/{escape_html(row.name)}"><b>{escape_html(what)}</b></a>']
	if contact_name:
		parts.append(escape_html(_("with {0}").format(contact_name)))
	if row.staff_member:
		parts.append(escape_html(_("by {0}").format(get_fullname(row.staff_member))))
	if row.interaction_date:
		# as the desk writes a moment in its timeline: "3 days ago", the date and time on hover (the
		# desk refreshes .frappe-timestamp as time passes)
		moment = get_datetime(row.interaction_date)
		parts.append(
			f'<span class="frappe-timestamp" data-timestamp="{moment:%Y-%m-%d %H:%M:%S}"'
			f' title="{escape_html(format_datetime(moment))}">{escape_html(pretty_date(moment))}</span>'
		)
	if row.needs_reply and not row.replied_on:
		parts.append(f'<span class="indicator-pill orange">{escape_html(_("Awaiting our reply"))}</span>')
	summary = escape_html(row.summary or "").replace("\n", "<br>")
	return f'<div>{" · ".join(parts)}</div><div class="text-muted">{summary}</div>'
