"""The agency's name and letter head, which every report exported to PDF or Excel carries.

- The agency's name: ERPNext's default company on a site with ERPNext, else the Agency Name in
  Employment Partners Settings, else the site's application name (System Settings, when it is
  not Frappe's own default).
- Its letter head: the one chosen when printing, else the default company's (ERPNext), else the
  site's default Letter Head.
- Set-up (install, every migrate, and the setup wizard of the demo and test sites) makes a
  default Letter Head from the agency's name when the site has none.  It never changes one that
  exists: a letter head the agency made or edited is theirs.
"""

import frappe
from frappe import _
from frappe.utils import escape_html

from employment_partners.utils import SETTINGS, agency_name, default_company


def for_print(chosen: str | None = None) -> dict | None:
	"""{"name", "header", "footer"} of the letter head a report prints on (see the module's
	docstring), or None when the site has none."""
	candidates = [chosen]
	if company := default_company():
		candidates.append(frappe.db.get_value("Company", company, "default_letter_head"))
	candidates.append(frappe.db.get_value("Letter Head", {"is_default": 1, "disabled": 0}))
	for name in candidates:
		if not name or not isinstance(name, str):
			continue
		row = frappe.db.get_value(
			"Letter Head", {"name": name, "disabled": 0}, ["name", "content", "footer"], as_dict=True
		)
		if row:
			return {"name": row.name, "header": row.content or "", "footer": row.footer or ""}
	return None


def header_html(name: str) -> str:
	"""The HTML of a letter head made from the agency's name."""
	return (
		'<div style="border-bottom: 2px solid #2f6f4f; padding-bottom: 6px;">'
		f'<div style="font-size: 18pt; font-weight: bold; color: #2f6f4f;">{escape_html(name)}</div>'
		"</div>"
	)


def ensure_letter_head() -> str | None:
	"""Make the site's default Letter Head from the agency's name when the site has none; the
	name of the one made, or None (one is there already, or no name is known yet)."""
	if frappe.db.exists("Letter Head", {"is_default": 1, "disabled": 0}):
		return None
	name = agency_name()
	if not name:
		return None
	title = name[:140]
	if frappe.db.exists("Letter Head", title):
		# a letter head of that name that is not the default (disabled or not ticked): the agency's
		return None
	doc = frappe.get_doc(
		{
			"doctype": "Letter Head",
			"letter_head_name": title,
			"source": "HTML",
			"content": header_html(name),
			"is_default": 1,
		}
	)
	doc.flags.ignore_permissions = True
	doc.insert()
	return doc.name


def problem_with_chosen(name) -> str | None:
	"""Why a letter head named when printing is refused, or None."""
	if name and not (isinstance(name, str) and frappe.db.exists("Letter Head", name)):
		return _("There is no Letter Head {0}").format(str(name)[:140])
	return None
