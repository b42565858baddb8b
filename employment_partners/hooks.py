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
	}
]

# desk: the ranked-matches dialog shared by the Job Order and Participant forms
app_include_js = "/assets/employment_partners/js/matching.js"
app_include_css = "/assets/employment_partners/css/employment_partners.css"

after_install = "employment_partners.install.after_install"
after_migrate = "employment_partners.install.after_migrate"

# Record-level rules: see employment_partners/permissions.py
has_permission = {
	"Employer Lead": "employment_partners.permissions.employer_record_permission",
	"Hiring Partnership": "employment_partners.permissions.employer_record_permission",
	"Employer Interaction": "employment_partners.permissions.interaction_permission",
	"Job Order": "employment_partners.permissions.employer_record_permission",
}

scheduler_events = {
	"hourly": [
		"employment_partners.retention.issues.flag_sla_breaches",
	],
	"daily": [
		"employment_partners.pipeline.automation.advance_matured_placements",
		"employment_partners.retention.reminders.run_daily",
	],
}

fixtures = [
	{
		"dt": "Role",
		"filters": [
			[
				"name",
				"in",
				["Business Services Rep", "Partnership Manager", "Case Manager", "Employer Partner"],
			]
		],
	},
	{"dt": "Kanban Board", "filters": [["name", "in", ["Employer Pipeline"]]]},
	# the two shipped schedules (retention/schedule.py holds the same rows as data)
	{
		"dt": "Follow-up Schedule",
		"filters": [["name", "in", ["Job Retention (SETA 02-09)", "Outcomes at Close, 3, 6 and 12 Months"]]],
	},
	{
		"dt": "Workflow State",
		"filters": [
			[
				"name",
				"in",
				[
					"New",
					"Acknowledged",
					"Intervention Planned",
					"Resolved",
					"Escalated",
					"Closed - Separated",
				],
			]
		],
	},
	{
		"dt": "Workflow Action Master",
		"filters": [
			["name", "in", ["Acknowledge", "Plan Intervention", "Resolve", "Escalate", "Close as Separated"]]
		],
	},
	{"dt": "Workflow", "filters": [["name", "in", ["Retention Issue"]]]},
	{
		"dt": "Notification",
		"filters": [
			[
				"name",
				"in",
				[
					f"{name}{channel}"
					for name in (
						"Retention Issue Reported",
						"Retention Issue SLA Breached",
						"Retention Follow-up Due",
						"Retention Follow-up Overdue",
					)
					for channel in ("", " (Email)")
				],
			]
		],
	},
]
