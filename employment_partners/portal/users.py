"""Portal users: an employer's people who sign in at /partner, linked to hiring partnerships through
the partnership's Portal Users table (as ERPNext links a customer's users), each with a Contact."""

import frappe
from frappe import _
from frappe.utils import now_datetime, validate_email_address

from employment_partners import permissions
from employment_partners.utils import can_send_email


def invite(partnership: str, email: str, first_name: str, last_name: str | None = None) -> str:
	"""Make `email` a portal user of `partnership`: a website user with the Employer Partner role
	(created with Frappe's welcome email when new), a Contact linked to the partnership, and a row
	in its Portal Users table.  The caller must be allowed to change the partnership."""
	doc = frappe.get_doc("Hiring Partnership", partnership)
	doc.check_permission("write")
	email = (email or "").strip().lower()
	first_name = (first_name or "").strip()
	if not validate_email_address(email):
		frappe.throw(
			_("{0} is not a valid email address").format(email or _("(blank)")), title=_("Cannot invite")
		)
	if not first_name:
		frappe.throw(_("Give the person's first name"), title=_("Cannot invite"))
	if any(row.user == email for row in doc.portal_users):
		frappe.throw(
			_("{0} is already a portal user of {1}").format(email, doc.partner_name), title=_("Cannot invite")
		)
	if frappe.db.exists("User", email):
		roles = set(frappe.get_roles(email))
		if roles & permissions.STAFF:
			frappe.throw(
				_(
					"{0} is an agency staff login; an employer's portal user needs a login of their own"
				).format(email),
				title=_("Cannot invite"),
			)
		user = frappe.get_doc("User", email)
		if permissions.EMPLOYER not in roles:
			user.add_roles(permissions.EMPLOYER)
	else:
		user = frappe.get_doc(
			{
				"doctype": "User",
				"email": email,
				"first_name": first_name,
				"last_name": (last_name or "").strip() or None,
				"user_type": "Website User",
				"send_welcome_email": int(can_send_email()),
				"roles": [{"role": permissions.EMPLOYER}],
			}
		)
		# the welcome email is queued with the invitation, not sent during it: Frappe commits a
		# failed send's status, which would keep a half-made invitation (a login with no
		# partnership) while the inviter is told it failed
		user.flags.delay_emails = True
		user.insert(ignore_permissions=True)
	contact = _contact_for(email, first_name, last_name, partnership)
	doc.append("portal_users", {"user": email, "contact": contact, "invited_on": now_datetime()})
	doc.save()
	if not can_send_email():
		frappe.msgprint(
			_(
				"{0} can sign in once they set a password, but no welcome email was sent: this site has no"
				" outgoing email account. Set one up, then use Reset Password on the user."
			).format(email),
			title=_("No email sent"),
			indicator="orange",
		)
	return email


def _contact_for(email: str, first_name: str, last_name: str | None, partnership: str) -> str:
	"""The person's Contact (found by email or made), linked to the partnership and the user."""
	name = frappe.db.get_value("Contact Email", {"email_id": email, "parenttype": "Contact"}, "parent")
	contact = frappe.get_doc("Contact", name) if name else frappe.new_doc("Contact")
	if not name:
		contact.first_name = first_name
		contact.last_name = (last_name or "").strip() or None
		contact.add_email(email, is_primary=1)
	contact.user = email
	if not any(l.link_doctype == "Hiring Partnership" and l.link_name == partnership for l in contact.links):
		contact.append("links", {"link_doctype": "Hiring Partnership", "link_name": partnership})
	contact.save(ignore_permissions=True)
	return contact.name


def portal_users_problem(rows) -> str | None:
	"""Each portal user once, and never an agency staff login (it would see the desk, not the
	portal, and its staff roles would lift the employer rule)."""
	seen = set()
	for row in rows:
		if row.user in seen:
			return _("{0} is listed twice as a portal user").format(row.user)
		seen.add(row.user)
		if set(frappe.get_roles(row.user)) & permissions.STAFF:
			return _("{0} is an agency staff login and cannot be an employer's portal user").format(row.user)
	return None


def contact_of(user: str, partnership: str) -> str | None:
	"""The Contact recorded for `user` on `partnership`'s portal users."""
	return frappe.db.get_value(
		"Hiring Partnership Portal User",
		{"parent": partnership, "parenttype": "Hiring Partnership", "user": user},
		"contact",
	)
