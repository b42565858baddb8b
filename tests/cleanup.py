"""Removing what a suite committed for the web server, and what Frappe keeps about it, so that no
other suite counts it (shared by the concurrency and durability suites)."""

import frappe

# what the tests delete with frappe.delete_doc (Frappe records each deletion as a comment)
DELETED_DOCTYPES = (
	"User",
	"Notification Settings",
	"Contact",
	"Employer Lead",
	"Hiring Partnership",
	"Employer Interaction",
	"Employer Feedback",
	"Job Skill",
	"Job Order",
	"Participant",
	"Referral",
	"Placement",
	"Retention Issue Report",
)


def forget(names: list[str]):
	"""What Frappe keeps about these records (call it before deleting them and after): versions,
	comments ("assigned", "deleted"), assignments, notifications, queued emails, communications,
	pending workflow actions and deleted-document copies."""
	names = names or [""]
	actions = frappe.get_all("Workflow Action", filters={"reference_name": ("in", names)}, pluck="name")
	frappe.db.delete("Workflow Action Permitted Role", {"parent": ("in", actions or [""])})
	queued = frappe.get_all("Email Queue", filters={"reference_name": ("in", names)}, pluck="name")
	frappe.db.delete("Email Queue Recipient", {"parent": ("in", queued or [""])})
	for doctype, field in (
		("Workflow Action", "reference_name"),
		("Email Queue", "reference_name"),
		("Version", "docname"),
		("Comment", "reference_name"),
		("ToDo", "reference_name"),
		("Notification Log", "document_name"),
		("Communication", "reference_name"),
		("Access Log", "reference_document"),
		("Deleted Document", "deleted_name"),
	):
		frappe.db.delete(doctype, {field: ("in", names)})
	# a deletion's "Deleted" comment names the record in its subject
	subjects = [f"{doctype} {name}" for doctype in DELETED_DOCTYPES for name in names]
	frappe.db.delete("Comment", {"comment_type": "Deleted", "subject": ("in", subjects)})


def remove_users(emails: list[str]):
	"""Test users and what Frappe keeps about them: their contact, settings, sessions, logs and the
	emails queued to them."""
	contacts = frappe.get_all("Contact", filters={"email_id": ("in", emails)}, pluck="name")
	queued = frappe.get_all("Email Queue Recipient", filters={"recipient": ("in", emails)}, pluck="parent")
	frappe.db.delete("Email Queue Recipient", {"parent": ("in", queued or [""])})
	frappe.db.delete("Email Queue", {"name": ("in", queued or [""])})
	for email in emails:
		frappe.delete_doc("User", email, force=True, ignore_permissions=True, delete_permanently=True)
	for contact in contacts:
		frappe.delete_doc("Contact", contact, force=True, ignore_permissions=True, delete_permanently=True)
	forget([*emails, *contacts])
	for doctype, field in (
		("Notification Log", "for_user"),
		("Activity Log", "user"),
		("Access Log", "user"),
		("Sessions", "user"),
		("DefaultValue", "parent"),
	):
		frappe.db.delete(doctype, {field: ("in", emails)})
