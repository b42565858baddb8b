"""Install and migrate hooks."""

import frappe
from frappe.custom.doctype.custom_field.custom_field import create_custom_fields

from employment_partners import defaults, desk_home, letter_head
from employment_partners.utils import SETTINGS


def after_install():
	after_migrate()
	set_default_programs()


def after_migrate():
	"""After install and every migrate: the shipped records the site lacks, new settings'
	defaults, the app's custom fields and the agency's letter head.  Nothing that exists is
	overwritten (see employment_partners/defaults and letter_head.py)."""
	defaults.ensure_defaults()
	keep_employers_off_the_desk()
	hide_tracebacks_in_production()
	set_default_settings()
	set_default_follow_up_schedule()
	set_default_currency()
	ensure_custom_fields()
	letter_head.ensure_letter_head()
	ensure_dimension_fields()
	grant_contact_access()


# Who works the employers' contacts and addresses.  Frappe gives every login ("All") only the ones
# it made itself, so a rep saw none of the contacts of a lead imported or made by a colleague, and
# logged calls with no one.  Granted through Frappe's own role permission rules (Custom DocPerm, as
# the Role Permissions Manager adds them, which first copies the doctype's standard rules), once
# per site: an agency's later changes to them stay.
CONTACT_DOCTYPES = ("Contact", "Address")
STAFF_CONTACT_RIGHTS = ("read", "write", "create", "email", "print", "report", "export")
CONTACT_ACCESS = {
	"Business Services Rep": STAFF_CONTACT_RIGHTS,
	"Partnership Manager": STAFF_CONTACT_RIGHTS,
	"Case Manager": ("read", "email", "print"),
}
CONTACT_ACCESS_KEY = "employment_partners:contact_access_given"


def grant_contact_access():
	if frappe.db.get_default(CONTACT_ACCESS_KEY):
		return
	for doctype in CONTACT_DOCTYPES:
		for role, rights in CONTACT_ACCESS.items():
			if not frappe.db.exists("Role", role):
				continue
			rule = {"parent": doctype, "role": role, "permlevel": 0, "if_owner": 0}
			if not frappe.db.exists("Custom DocPerm", rule):
				frappe.permissions.add_permission(doctype, role, 0)
			for right in rights:
				frappe.permissions.update_permission_property(doctype, role, 0, right, 1, validate=False)
	frappe.db.set_default(CONTACT_ACCESS_KEY, "1")
	frappe.clear_cache()


def withdraw_contact_access():
	"""Uninstall: the app's roles' rules go; where what remains is Frappe's standard set as it was
	copied, the doctype goes back to Frappe's own rules."""
	rights = ("read", "write", "create", "delete", "submit", "cancel", "amend", "report", "export")
	rights += ("import", "share", "print", "email", "select", "if_owner", "permlevel", "role")
	for doctype in CONTACT_DOCTYPES:
		frappe.db.delete("Custom DocPerm", {"parent": doctype, "role": ("in", list(CONTACT_ACCESS))})
		custom = frappe.get_all("Custom DocPerm", filters={"parent": doctype}, fields=list(rights))
		standard = frappe.get_all("DocPerm", filters={"parent": doctype}, fields=list(rights))
		if custom and _rules(custom, rights) == _rules(standard, rights):
			frappe.permissions.reset_perms(doctype)
	frappe.db.set_default(CONTACT_ACCESS_KEY, "")


def _rules(rows, rights) -> list[tuple]:
	return sorted(tuple(row[right] or 0 for right in rights) for row in rows)


# Frappe workaround "website-role-made-with-desk-access" (employment_partners/workarounds.py)
def keep_employers_off_the_desk():
	"""Employer Partner is a website role: its users sign in to the portal, never the desk.  Frappe
	creates a role named in a doctype's permissions with desk access when it does not exist yet
	(on install the doctypes sync before the shipped roles are made), so this is set, not only
	shipped.  It is a security property, not a preference an agency edits."""
	if frappe.db.get_value("Role", "Employer Partner", "desk_access"):
		frappe.db.set_value("Role", "Employer Partner", "desk_access", 0)
		frappe.clear_cache()


# Frappe workaround "tracebacks-shown-by-default" (employment_partners/workarounds.py)
def hide_tracebacks_in_production():
	"""A production site (developer_mode off) shows no Python traceback to anyone: Frappe answers a
	failed request with the traceback while System Settings' "Show Full Error and Allow Reporting
	of Issues to the Developer" is ticked, which it is by default, so a guest's refused request
	would show the server's code paths.  The error log keeps the traceback.  Set on every migrate,
	like the employer role above: it is a security property of a site holding participant data."""
	if frappe.conf.developer_mode:
		return
	if frappe.db.get_single_value("System Settings", "allow_error_traceback"):
		frappe.db.set_single_value("System Settings", "allow_error_traceback", 0)
		frappe.clear_cache()


# Frappe workaround "custom-fields-rewritten-every-migrate" (employment_partners/workarounds.py)
def ensure_custom_fields():
	"""The app's custom fields, created or brought up to date only when one is missing or differs:
	Frappe alters the table and commits for every field it touches, which a migrate that changes
	nothing should not do."""
	stale = {}
	for doctype, fields in app_custom_fields().items():
		for df in fields:
			current = frappe.db.get_value(
				"Custom Field", {"dt": doctype, "fieldname": df["fieldname"]}, list(df), as_dict=True
			)
			if not current or any(str(current[key] or "") != str(value) for key, value in df.items()):
				stale.setdefault(doctype, []).append(df)
	if stale:
		create_custom_fields(stale, ignore_validate=True)
	return stale


def ensure_dimension_fields():
	"""ERPNext: each accounting dimension that exists as a field on Program (books/dimensions.py)."""
	from employment_partners.books import dimensions

	return dimensions.ensure_program_fields()


def app_custom_fields() -> dict:
	"""The app's custom fields on this site: ERPNext's only where ERPNext is installed."""
	from employment_partners import books
	from employment_partners.books.fields import ERPNEXT_CUSTOM_FIELDS

	fields = {
		doctype: [{**df, "module": "Employment Partners"} for df in dfs]
		for doctype, dfs in CUSTOM_FIELDS.items()
	}
	if books.installed():
		for doctype, dfs in ERPNEXT_CUSTOM_FIELDS.items():
			fields.setdefault(doctype, []).extend({**df, "module": "Employment Partners"} for df in dfs)
	return fields


def set_default_currency():
	"""Money in reports and forms needs the site's currency: on Frappe alone nothing sets it (ERPNext
	does), so a site without one takes its country's (System Settings)."""
	from frappe.geo.country_info import get_country_info

	if frappe.db.get_default("currency"):
		return
	country = frappe.db.get_single_value("System Settings", "country")
	currency = get_country_info(country).get("currency") if country else None
	if currency and frappe.db.exists("Currency", currency):
		frappe.db.set_default("currency", currency)
		frappe.db.set_value("Currency", currency, "enabled", 1)


# Frappe workaround "uninstall-leaves-links-to-the-app" (employment_partners/workarounds.py)
def before_uninstall():
	"""Uninstalling leaves the site (ERPNext included) as it was: the app's custom fields go (each
	dropped with its column), and so does everything that points at a doctype about to disappear,
	which Frappe would leave behind (`remove_app` deletes the app's doctypes and the records of its
	module only): links on Contacts and Addresses (which could no longer be opened or saved),
	timeline links of communications, the notifications, workflows, kanban boards, ToDos, custom
	fields (ERPNext's accounting dimensions on Program) and property setters of the app's doctypes,
	the app's scheduled jobs, the email templates only the app sends, and its roles' rules on
	Contacts and Addresses."""
	for doctype, fields in app_custom_fields().items():
		for df in fields:
			name = frappe.db.get_value("Custom Field", {"dt": doctype, "fieldname": df["fieldname"]})
			if name:
				frappe.delete_doc("Custom Field", name, ignore_permissions=True, force=True)
	remove_what_points_at_the_app()
	withdraw_contact_access()
	# the email templates only the app's code sends (the pulse's): named, not pointing at a doctype
	for name in defaults.shipped_names().get("Email Template", []):
		if frappe.db.exists("Email Template", name):
			frappe.delete_doc("Email Template", name, ignore_permissions=True, force=True)
	frappe.clear_cache()


# records of other doctypes that name one of the app's doctypes: (doctype, the field naming it)
POINTING_AT_THE_APP = (
	("Notification", "document_type"),
	("Workflow", "document_type"),
	("Kanban Board", "reference_doctype"),
	("ToDo", "reference_type"),
	# fields others added to the app's doctypes (ERPNext's accounting dimensions on Program)
	("Custom Field", "dt"),
	("Property Setter", "doc_type"),
)


def remove_what_points_at_the_app():
	app_doctypes = frappe.get_all("DocType", filters={"module": ("in", _app_modules())}, pluck="name")
	if not app_doctypes:
		return
	for child in ("Dynamic Link", "Communication Link"):
		table = frappe.qb.DocType(child)
		frappe.qb.from_(table).delete().where(table.link_doctype.isin(app_doctypes)).run()
	for doctype, field in POINTING_AT_THE_APP:
		for name in frappe.get_all(doctype, filters={field: ("in", app_doctypes)}, pluck="name"):
			frappe.delete_doc(doctype, name, ignore_permissions=True, force=True, ignore_on_trash=True)
	for name in frappe.get_all(
		"Scheduled Job Type", filters={"method": ("like", "employment_partners.%")}, pluck="name"
	):
		frappe.delete_doc("Scheduled Job Type", name, ignore_permissions=True, force=True)


def _app_modules() -> list[str]:
	return frappe.get_all("Module Def", filters={"app_name": "employment_partners"}, pluck="name")


# each user turns the digests (employment_partners/digests.py) on or off in their Notification Settings
CUSTOM_FIELDS = {
	"Notification Settings": [
		{
			"fieldname": "ep_digests_section",
			"fieldtype": "Section Break",
			"label": "Employment Partners Digests",
			"insert_after": "enable_email_threads_on_assigned_document",
		},
		{
			"fieldname": "ep_daily_digest",
			"fieldtype": "Check",
			"label": "Daily Digest",
			"default": "1",
			"description": "Leads due a follow-up, employers waiting for a reply, follow-ups due and new retention issues (Business Services Reps and Case Managers).",
			"insert_after": "ep_digests_section",
		},
		{
			"fieldname": "ep_weekly_digest",
			"fieldtype": "Check",
			"label": "Weekly Digest",
			"default": "1",
			"description": "Partnerships that fell into At risk, and the week's placements and separations (Partnership Managers).",
			"insert_after": "ep_daily_digest",
		},
	]
}


def boot_session(bootinfo):
	"""The desk offers "Restore shipped default" on these records, and prints reports on the
	site's default letter head (public/js/reports.js)."""
	bootinfo.ep_shipped_defaults = defaults.shipped_names()
	bootinfo.ep_default_letter_head = frappe.db.get_value("Letter Head", {"is_default": 1, "disabled": 0})
	desk_home.boot(bootinfo)


def set_default_follow_up_schedule():
	from employment_partners.retention.schedule import JOB_RETENTION_SETA_NAME

	settings = frappe.get_single(SETTINGS)
	if not settings.default_follow_up_schedule and frappe.db.exists(
		"Follow-up Schedule", JOB_RETENTION_SETA_NAME
	):
		settings.default_follow_up_schedule = JOB_RETENTION_SETA_NAME
		settings.flags.ignore_permissions = True
		settings.save()


def set_default_programs():
	"""A new site enrols new participants in the SETA job retention program, as the follow-up
	schedule default did before programs (an existing site gets its programs from the patch
	v1_4.program_enrolments).  Only at install: an agency that empties the list keeps it empty."""
	from employment_partners.retention.schedule import JOB_RETENTION_SETA_NAME

	settings = frappe.get_single(SETTINGS)
	if not settings.default_programs and frappe.db.exists("Program", JOB_RETENTION_SETA_NAME):
		settings.append("default_programs", {"program": JOB_RETENTION_SETA_NAME})
		settings.flags.ignore_permissions = True
		settings.save()


def set_default_settings():
	"""Store every settings default that the site has never stored, so that reads never meet an
	empty single.  Judged on what is in the database: a new single's Time fields come back
	filled with the current time (Frappe sets them so), not with their default."""
	stored = {
		field
		for field, value in frappe.db.sql("select field, value from tabSingles where doctype = %s", SETTINGS)
		if value not in (None, "")
	}
	settings = frappe.get_single(SETTINGS)
	for df in settings.meta.fields:
		if df.default is not None and df.fieldname not in stored:
			settings.set(df.fieldname, df.default)
	settings.flags.ignore_permissions = True
	settings.save()


def complete_setup_wizard(password: str | None = None):
	"""Finish Frappe's setup wizard on a fresh site (demo and test sites), so the desk opens
	straight onto the workspace.  Does nothing on a site that is already set up."""
	from frappe.desk.page.setup_wizard.setup_wizard import setup_complete

	if frappe.db.get_single_value("System Settings", "setup_complete"):
		return
	args = {
		"language": "English",
		"country": "United States",
		"timezone": "America/New_York",
		"currency": "USD",
		"full_name": "Agency Administrator",
		"email": "agency-admin@example.com",
		"password": password or frappe.generate_hash(),
	}
	if "erpnext" in frappe.get_installed_apps():
		# ERPNext's stages make the company, its chart of accounts and this fiscal year
		year = frappe.utils.getdate().year
		args.update(
			{
				"company_name": "Riverside Employment Agency",
				"company_abbr": "REA",
				"chart_of_accounts": "Standard",
				"fy_start_date": f"{year}-01-01",
				"fy_end_date": f"{year}-12-31",
				"domains": ["Services"],
			}
		)
	setup_complete(args)
	set_default_currency()
	letter_head.ensure_letter_head()  # from the company the wizard made
	frappe.db.commit()
