app_name = "employment_partners"
app_title = "Employment Partners"
app_publisher = "Employment Partners contributors"
app_description = "Employer-partnership CRM for workforce agencies and employment social enterprises"
app_email = "dev@employment-partners.invalid"
app_license = "mit"

# Frappe alone is enough; ERPNext is optional and detected at run time.
required_apps = []

# Generate the typed block in every controller when doctypes are saved in developer mode.
export_python_type_annotations = True

add_to_apps_screen = [
	{
		"name": "employment_partners",
		"logo": "/assets/employment_partners/images/logo.svg",
		"title": "Employment Partners",
		# each staff role's own workspace (desk_home.py: the login's default workspace)
		"route": "/app",
		# employers' logins land on the portal (role_home_page), not on the desk
		"has_permission": "employment_partners.permissions.may_open_the_desk_app",
	}
]

# desk: employers' contacts (lead and partnership forms), the ranked-matches dialog shared by the
# Job Order and Participant forms, and the
# "Restore shipped default" button on shipped records
app_include_js = [
	"/assets/employment_partners/js/forms.js",
	"/assets/employment_partners/js/employers.js",
	"/assets/employment_partners/js/early_warning.js",
	"/assets/employment_partners/js/matching.js",
	"/assets/employment_partners/js/pipeline.js",
	"/assets/employment_partners/js/reports.js",
	"/assets/employment_partners/js/shipped_defaults.js",
]
app_include_css = "/assets/employment_partners/css/employment_partners.css"
# the employer portal (/partner) and its web forms
web_include_css = "/assets/employment_partners/css/portal.css"
# its web forms' rating and phone date fields (each web form's script names its fields)
web_include_js = "/assets/employment_partners/js/portal.js"
# the emails' links readable (WCAG 2.1 AA), inlined after Frappe's email stylesheet
email_css = ["/assets/employment_partners/css/email.css"]

# the employer's history in place: interactions on the lead's and the partnership's timelines
additional_timeline_content = {
	"Employer Lead": ["employment_partners.pipeline.history.interaction_timeline"],
	"Hiring Partnership": ["employment_partners.pipeline.history.interaction_timeline"],
}

after_install = "employment_partners.install.after_install"
after_migrate = "employment_partners.install.after_migrate"
# Frappe workaround "uninstall-leaves-links-to-the-app" (employment_partners/workarounds.py)
before_uninstall = "employment_partners.install.before_uninstall"

# Employers sign in to the portal, not the desk
role_home_page = {"Employer Partner": "partner"}

# Record-level rules, each written once as an SQL condition and used for single documents and for
# lists, reports and link searches alike: see employment_partners/permissions.py
has_permission = {
	doctype: "employment_partners.permissions.record_permission"
	for doctype in (
		"Employer Lead",
		"Hiring Partnership",
		"Employer Interaction",
		"Job Order",
		"Placement",
		"Retention Issue Report",
		"Employer Feedback",
		"Employer Confirmation",
		"Employer Appreciation Event",
		"Participant",
		"Referral",
		"Retention Follow-up",
		"Retention Plan",
		"Coaching Session",
		"Service Referral",
		"Separation Risk",
	)
}
permission_query_conditions = {
	doctype: "employment_partners.permissions.query_conditions" for doctype in has_permission
}
# the app's child tables read on their own follow their parent's rules
# (Frappe workaround "child-rows-listed-without-parent-rules", employment_partners/workarounds.py)
permission_query_conditions.update(
	{
		doctype: "employment_partners.permissions.child_query_conditions"
		for doctype in (
			"Employer Appreciation Invitee",
			"Employer Lead Stage History",
			"Follow-up Attempt",
			"Hiring Partnership Portal User",
			"Job Order Skill",
			"Lending Circle Contribution",
			"Lending Circle Member",
			"Lending Circle Payout",
			"Participant Job Loss",
			"Participant Skill",
			"Placement Incentive Payment",
			"Placement Retention Bonus",
			"Retention Intervention",
			"Retention Plan Milestone",
			"Retention Plan Step",
		)
	}
)
# Frappe workaround "tag-links-readable-by-all" (employment_partners/workarounds.py)
permission_query_conditions["Tag Link"] = "employment_partners.permissions.tag_link_condition"
# before each request: the Frappe patches in place (employment_partners/workarounds.py), then portal
# logins kept from the desk's form, print and tag methods
before_request = [
	"employment_partners.workarounds.ensure_applied",
	# Frappe workarounds "methods-reachable-by-any-route", "doc-method-judged-on-the-callers-copy"
	# and "portal-sessions-without-csrf-token"
	"employment_partners.security.methods.guard_request",
	# Frappe workaround "print-view-logs-before-checking"
	"employment_partners.permissions.keep_employers_on_the_portal",
]
# background jobs likewise, for a worker that bench did not start (bench commands import the app)
before_job = ["employment_partners.workarounds.ensure_applied"]
# Frappe 15 whitelisted methods that check no permission, replaced by permission-checked versions
# (security/overrides.py, OVERRIDES; classified "override" in security/frappe_methods.json)
# (Frappe workaround "whitelisted-methods-without-checks", employment_partners/workarounds.py)
override_whitelisted_methods = {
	"frappe.client.get_count": "employment_partners.security.overrides.get_count",
	"frappe.client.get": "employment_partners.security.overrides.get",
	"frappe.desk.listview.get_group_by_count": "employment_partners.security.overrides.get_group_by_count",
	"frappe.desk.desktop.get_workspace_sidebar_items": "employment_partners.desk_home.workspace_sidebar_items",
	"frappe.client.set_value": "employment_partners.security.overrides.set_value",
	"frappe.client.insert": "employment_partners.security.overrides.insert",
	"frappe.client.save": "employment_partners.security.overrides.save",
	"frappe.client.submit": "employment_partners.security.overrides.submit",
	"frappe.client.cancel": "employment_partners.security.overrides.cancel",
	"frappe.model.workflow.apply_workflow": "employment_partners.security.overrides.apply_workflow",
	"frappe.desk.form.save.savedocs": "employment_partners.security.overrides.savedocs",
	"frappe.desk.form.save.cancel": "employment_partners.security.overrides.cancel_doc",
	"frappe.desk.form.load.getdoc": "employment_partners.security.overrides.getdoc",
	"frappe.desk.form.load.get_docinfo": "employment_partners.security.overrides.get_docinfo",
	"frappe.handler.upload_file": "employment_partners.security.overrides.upload_file",
	"frappe.model.mapper.make_mapped_doc": "employment_partners.security.overrides.make_mapped_doc",
	"frappe.desk.treeview.get_all_nodes": "employment_partners.security.overrides.get_all_nodes",
	"frappe.desk.query_report.run": "employment_partners.security.overrides.run",
	"frappe.desk.query_report.export_query": "employment_partners.security.overrides.export_query",
	"frappe.desk.like.toggle_like": "employment_partners.security.overrides.toggle_like",
	"frappe.desk.search.search_link": "employment_partners.security.overrides.search_link",
	"frappe.desk.search.search_widget": "employment_partners.security.overrides.search_widget",
	"frappe.desk.search.get_link_title": "employment_partners.security.overrides.get_link_title",
	"frappe.desk.notifications.get_open_count": "employment_partners.security.overrides.get_open_count",
	"frappe.desk.doctype.notification_log.notification_log.mark_as_read": "employment_partners.security.overrides.mark_as_read",
	"frappe.desk.doctype.event.event.get_events": "employment_partners.security.overrides.get_events",
	"frappe.desk.doctype.notification_settings.notification_settings.set_seen_value": "employment_partners.security.overrides.set_seen_value",
	"frappe.desk.doctype.dashboard_chart.dashboard_chart.get": "employment_partners.security.overrides.dashboard_chart",
	"frappe.desk.doctype.tag.tag.add_tag": "employment_partners.security.overrides.add_tag",
	"frappe.desk.doctype.tag.tag.add_tags": "employment_partners.security.overrides.add_tags",
	"frappe.desk.doctype.tag.tag.remove_tag": "employment_partners.security.overrides.remove_tag",
	"frappe.desk.doctype.tag.tag.get_documents_for_tag": "employment_partners.security.overrides.get_documents_for_tag",
	"frappe.desk.form.document_follow.update_follow": "employment_partners.security.overrides.update_follow",
	"frappe.desk.form.document_follow.get_follow_users": "employment_partners.security.overrides.get_follow_users",
	"frappe.desk.form.utils.get_next": "employment_partners.security.overrides.get_next",
	"frappe.utils.print_format.report_to_pdf": "employment_partners.security.overrides.report_to_pdf",
	"frappe.utils.global_search.search": "employment_partners.security.overrides.global_search",
	"frappe.www.printview.get_html_and_style": "employment_partners.security.overrides.get_html_and_style",
	"frappe.email.doctype.email_template.email_template.get_email_template": "employment_partners.security.overrides.get_email_template",
	"frappe.website.doctype.web_form.web_form.accept": "employment_partners.security.overrides.web_form_accept",
	"frappe.website.doctype.web_form.web_form.get_form_data": "employment_partners.security.overrides.web_form_get_form_data",
	"frappe.core.doctype.user.user.user_query": "employment_partners.security.overrides.user_query",
	"frappe.core.doctype.submission_queue.submission_queue.get_latest_submissions": "employment_partners.security.overrides.get_latest_submissions",
	"frappe.core.doctype.prepared_report.prepared_report.make_prepared_report": "employment_partners.security.overrides.make_prepared_report",
	"frappe.core.doctype.communication.email.make": "employment_partners.security.overrides.make_email",
	"frappe.automation.doctype.assignment_rule.assignment_rule.bulk_apply": "employment_partners.security.overrides.bulk_apply",
}

# reading a participant's sensitive fields is logged (Access Log)
has_permission["Participant"] = "employment_partners.permissions.participant_permission"
# the app's number cards and charts are for staff
# (Frappe workaround "desk-cards-shown-by-document-type", employment_partners/workarounds.py)
has_permission["Number Card"] = "employment_partners.permissions.app_desk_record_permission"
has_permission["Dashboard Chart"] = "employment_partners.permissions.app_desk_record_permission"

# Attaching a file to an app record needs write permission on it (see permissions.py)
# (Frappe workaround "attach-ignores-its-write-check", employment_partners/workarounds.py)
doc_events = {
	"File": {"before_insert": "employment_partners.permissions.check_file_attachment"},
	"User": {
		# each staff role lands on its own workspace, with Frappe's administration out of its sidebar
		"before_validate": "employment_partners.desk_home.settle",
		"validate": "employment_partners.portal.submissions.check_own_profile",
	},
	# what the server alone writes is kept from the stored record (server_fields.py)
	"*": {"before_validate": "employment_partners.server_fields.keep_stored"},
}
# ERPNext (where installed): a placement's row follows what the accounts team does to its voucher
# (employment_partners/books/vouchers.py)
_voucher_events = {
	"before_validate": "employment_partners.books.vouchers.keep_key",
	"before_submit": "employment_partners.books.vouchers.check_one_per_row",
	"on_submit": "employment_partners.books.vouchers.point_row_here",
	"on_cancel": "employment_partners.books.vouchers.release_rows",
	"on_trash": "employment_partners.books.vouchers.release_rows",
}
doc_events["Journal Entry"] = _voucher_events
doc_events["Purchase Invoice"] = _voucher_events
# ERPNext (where installed): each Accounting Dimension gets its field on Program too, so a program
# names the dimensions its placements' postings carry (employment_partners/books/dimensions.py)
accounting_dimension_doctypes = ["Program"]

scheduler_events = {
	"hourly": [
		"employment_partners.retention.issues.flag_sla_breaches",
	],
	"daily": [
		# scored before the digests that list who is at risk
		"employment_partners.early_warning.scoring.run_daily",
		"employment_partners.pipeline.automation.advance_matured_placements",
		"employment_partners.retention.reminders.run_daily",
		"employment_partners.digests.send_daily",
		"employment_partners.portal.pulse.run_daily",
	],
	"weekly": [
		"employment_partners.early_warning.scoring.run_weekly",
		"employment_partners.digests.send_weekly",
	],
}

# Roles, the retention workflow, notifications, the kanban board and the follow-up schedules are
# shipped as defaults (employment_partners/defaults/): created when absent, never overwritten by
# a migrate. No fixtures: Frappe re-imports fixtures over an agency's edits on every migrate.

# the desk's "Restore shipped default" button needs to know which records are shipped
boot_session = "employment_partners.install.boot_session"
