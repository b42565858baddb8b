"""Demo data for `bash scripts/demo.sh`: a small, believable employer pipeline.

Idempotent: loads once per site (marked by the demo rep's user record).
"""

import frappe
from frappe.utils import add_days, add_to_date, now_datetime, nowdate

from employment_partners.pipeline import automation, stages
from employment_partners.pipeline.conversion import convert_lead

DEMO_REP = "rep@demo.employment-partners.invalid"
DEMO_MANAGER = "manager@demo.employment-partners.invalid"
DEMO_PASSWORD = "demo-password-1"

LEADS = [
	# name, industry, stage, wage, flags, website
	(
		"Northside Logistics",
		"Transportation and Warehousing",
		"Feedback",
		22.5,
		("offers_benefits", "fair_chance_hiring", "transit_access"),
		"northside-logistics.example",
	),
	(
		"Harbor Health Clinic",
		"Health Care and Social Assistance",
		"Match",
		24,
		("offers_benefits", "career_pathway", "inclusive_hiring"),
		"harborhealth.example",
	),
	(
		"Greenleaf Grocers",
		"Retail Trade",
		"Source",
		18.5,
		("schedule_fits_participants", "transit_access"),
		"greenleaf.example",
	),
	(
		"Riverside Manufacturing",
		"Manufacturing",
		"Nurture",
		23,
		("career_pathway", "fair_chance_hiring"),
		"riverside-mfg.example",
	),
	(
		"Summit Hotel Group",
		"Accommodation and Food Services",
		"Qualify",
		17,
		("schedule_fits_participants",),
		"summithotels.example",
	),
	(
		"Bright Path Childcare",
		"Health Care and Social Assistance",
		"Outreach",
		19,
		("inclusive_hiring",),
		"brightpath.example",
	),
	("Metro Transit Services", "Transportation and Warehousing", "Prospect", 26, (), "metrotransit.example"),
	("Oakwood Construction", "Construction", "Prospect", 28, ("existing_connection",), "oakwood.example"),
	("QuickServe Foods", "Accommodation and Food Services", "Lost / Poor Fit", 15, (), "quickserve.example"),
]


def ensure_demo_data():
	if frappe.db.exists("User", DEMO_REP):
		print("demo data already loaded")
		return
	for email, first, role in (
		(DEMO_REP, "Riley", "Business Services Rep"),
		(DEMO_MANAGER, "Morgan", "Partnership Manager"),
	):
		user = frappe.get_doc(
			{
				"doctype": "User",
				"email": email,
				"first_name": first,
				"last_name": "Demo",
				"send_welcome_email": 0,
				"new_password": DEMO_PASSWORD,
				"roles": [{"role": role}],
			}
		)
		user.insert(ignore_permissions=True)

	for name, industry, stage, wage, flags, website in LEADS:
		make_lead(name, industry, stage, wage, flags, website)

	event = frappe.get_doc(
		{
			"doctype": "Employer Appreciation Event",
			"event_name": "Employer Champions Breakfast",
			"event_type": "Annual Appreciation",
			"event_date": add_days(nowdate(), 30),
			"venue": "Community Hall",
			"budget": 2500,
		}
	).insert(ignore_permissions=True)
	event.propose_invitees()
	frappe.db.commit()
	print(
		f"demo data loaded: {len(LEADS)} leads; users {DEMO_REP} / {DEMO_MANAGER}, password {DEMO_PASSWORD}"
	)


def make_lead(name, industry, stage, wage, flags, website):
	lead = frappe.get_doc(
		{
			"doctype": "Employer Lead",
			"organisation_name": name,
			"industry": industry,
			"website": website,
			"typical_hourly_wage": wage,
			"lead_source": "Referral",
			"assigned_bsr": DEMO_REP,
			"next_follow_up_date": add_days(nowdate(), 7),
			**{flag: 1 for flag in flags},
		}
	).insert(ignore_permissions=True)
	frappe.get_doc(
		{
			"doctype": "Employer Interaction",
			"employer_lead": lead.name,
			"interaction_type": "Call",
			"direction": "Outbound",
			"interaction_date": add_to_date(now_datetime(), days=-10),
			"summary": f"Introduced the agency's services to {name}",
			"needs_reply": 1,
			"replied_on": add_to_date(now_datetime(), days=-9),
			"staff_member": DEMO_REP,
		}
	).insert(ignore_permissions=True)
	if stage == stages.LOST:
		lead.stage = stage
		lead.lost_reason = "Pays below the living wage and will not negotiate"
		lead.save(ignore_permissions=True)
		return
	target = stages.STAGES.index(stage)
	for next_stage in stages.STAGES[1 : min(target, stages.STAGES.index(stages.NURTURE)) + 1]:
		lead.stage = next_stage
		lead.save(ignore_permissions=True)
	if target >= stages.STAGES.index(stages.SOURCE):
		partnership = convert_lead(lead.name)
		frappe.db.set_value(
			"Hiring Partnership", partnership, "tier", "Top Partner" if target >= 6 else "Standard"
		)
		automation.advance_lead(lead.name, stages.JOB_ORDER_CREATED, "demo")
		for event, needed in ((stages.REFERRAL_CREATED, 5), (stages.EMPLOYER_FEEDBACK, 6)):
			if target >= needed:
				automation.advance_lead(lead.name, event, "demo")
