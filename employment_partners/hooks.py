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
		"route": "/app/employment-partners",
		# employers' logins land on the portal (role_home_page), not on the desk
		"has_permission": "employment_partners.permissions.may_open_the_desk_app",
	}
]

# desk: employers' contacts (lead and partnership forms), the ranked-matches dialog shared by the
# Job Order and Participant forms, and the
# "Restore shipped default" button on shipped records
app_include_js = [
	"/assets/employment_partners/js/employers.js",
	"/assets/employment_partners/js/matching.js",
	"/assets/employment_partners/js/reports.js",
	"/assets/employment_partners/js/shipped_defaults.js",
]
app_include_css = "/assets/employment_partners/css/employment_partners.css"
# the employer portal (/partner) and its web forms
web_include_css = "/assets/employment_partners/css/portal.css"

after_install = "employment_partners.install.after_install"
after_migrate = "employment_partners.install.after_migrate"
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
	)
}
permission_query_conditions = {
	doctype: "employment_partners.permissions.query_conditions" for doctype in has_permission
}
# the app's child tables read on their own follow their parent's rules
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
permission_query_conditions["Tag Link"] = "employment_partners.permissions.tag_link_condition"
# portal logins never reach the desk's form, print and tag methods
before_request = ["employment_partners.permissions.keep_employers_on_the_portal"]

# reading a participant's sensitive fields is logged (Access Log)
has_permission["Participant"] = "employment_partners.permissions.participant_permission"
# the app's number cards and charts are for staff
has_permission["Number Card"] = "employment_partners.permissions.app_desk_record_permission"
has_permission["Dashboard Chart"] = "employment_partners.permissions.app_desk_record_permission"

# Attaching a file to an app record needs write permission on it (see permissions.py)
doc_events = {"File": {"before_insert": "employment_partners.permissions.check_file_attachment"}}

scheduler_events = {
	"hourly": [
		"employment_partners.retention.issues.flag_sla_breaches",
	],
	"daily": [
		"employment_partners.pipeline.automation.advance_matured_placements",
		"employment_partners.retention.reminders.run_daily",
		"employment_partners.digests.send_daily",
		"employment_partners.portal.pulse.run_daily",
	],
	"weekly": [
		"employment_partners.digests.send_weekly",
	],
}

# Roles, the retention workflow, notifications, the kanban board and the follow-up schedules are
# shipped as defaults (employment_partners/defaults/): created when absent, never overwritten by
# a migrate. No fixtures: Frappe re-imports fixtures over an agency's edits on every migrate.

# the desk's "Restore shipped default" button needs to know which records are shipped
boot_session = "employment_partners.install.boot_session"
