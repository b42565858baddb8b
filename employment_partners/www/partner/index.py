import frappe
from frappe import _

from employment_partners import permissions
from employment_partners.portal import pages

no_cache = 1


def get_context(context):
	if frappe.session.user == "Guest":
		frappe.local.flags.redirect_location = "/login?redirect-to=/partner"
		raise frappe.Redirect
	if not permissions.is_employer_user():
		frappe.throw(
			_("The employer portal is for employers' logins; agency staff use the desk at /app"),
			frappe.PermissionError,
		)
	context.no_cache = 1
	context.show_sidebar = False
	context.title = _("Your partnership")
	context.update(pages.home())
	return context
