"""Demo data for `bash scripts/demo.sh`: a small, believable employer pipeline.

All or nothing: loads once per site, marked complete by its last step (`ensure_demo_data`).
With ERPNext, the books come last, after the generated agency (`ensure_books`).
"""

from collections import Counter

import frappe
from frappe import _
from frappe.utils import (
	add_days,
	add_months,
	add_to_date,
	add_years,
	get_first_day,
	getdate,
	now_datetime,
	nowdate,
)

from employment_partners import jobs, letter_head
from employment_partners.participants import enrolments
from employment_partners.pipeline import automation, stages
from employment_partners.pipeline.conversion import convert_lead
from employment_partners.utils import SETTINGS, agency_name, ensure_outbox

DEMO_REP = "rep@demo.employment-partners.invalid"
DEMO_MANAGER = "manager@demo.employment-partners.invalid"
DEMO_CASE_MANAGER = "casemanager@demo.employment-partners.invalid"
DEMO_PASSWORD = "demo-password-1"
# the demo agency, named where the site names none (the portal, emails and letter head carry it)
DEMO_AGENCY = "Eastside Employment Partners"
# the staff's work phones, which the portal gives employers beside the rep's email
STAFF_PHONES = {DEMO_REP: "555-0142", DEMO_MANAGER: "555-0140", DEMO_CASE_MANAGER: "555-0143"}
# employer portal logins (/partner), one per partnership with people placed
DEMO_EMPLOYERS = {
	"Northside Logistics": ("dana@northside.demo.employment-partners.invalid", "Dana", "Okafor"),
	"Harbor Health Clinic": ("lee@harborhealth.demo.employment-partners.invalid", "Lee", "Moreno"),
}

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

# the person at each employer the rep talks to (first, last, job title); at the two portal employers
# it is the portal login, so the contact the rep called is the one who signs in
LEAD_CONTACTS = {
	"Northside Logistics": (*DEMO_EMPLOYERS["Northside Logistics"][1:], "HR Manager"),
	"Harbor Health Clinic": (*DEMO_EMPLOYERS["Harbor Health Clinic"][1:], "Practice Manager"),
	"Greenleaf Grocers": ("Priya", "Raman", "Store Manager"),
	"Riverside Manufacturing": ("Tom", "Becker", "Plant HR Lead"),
	"Summit Hotel Group": ("Alicia", "Grant", "Talent Acquisition Partner"),
	"Bright Path Childcare": ("Samira", "Haddad", "Centre Director"),
	"Metro Transit Services": ("Kevin", "Osei", "Recruitment Coordinator"),
	"Oakwood Construction": ("Rosa", "Delgado", "Site Operations Manager"),
	"QuickServe Foods": ("Jamie", "Lin", "Franchise Owner"),
}

COMPLETE = "employment_partners_demo_complete"  # a site global, set by the last step only


def ensure_demo_data():
	"""Load the demo story, all or nothing: each step is made when what it makes is missing, the
	site is marked complete only after the last one has committed, and a run that stopped (failed
	or killed) is finished by the next one instead of being taken for done."""
	# the demo queues its emails (invitations, pulse questions, notifications) for the desk to
	# show; the site's mute_emails (scripts/demo.sh) keeps them from leaving
	ensure_outbox("Demo Outbox", "outbox@demo.employment-partners.invalid")
	name_the_agency()
	if loaded():
		made_portal, made_services = make_portal(), make_services()
		if made_portal or made_services:
			frappe.db.commit()
		print("demo data already loaded")
		print_portal_logins()
		return
	if not frappe.db.exists("User", DEMO_REP):
		make_pipeline()
	make_user(DEMO_CASE_MANAGER, "Jamie", "Case Manager")
	if not frappe.db.exists("Participant", {"full_name": "Omar Farouk"}):  # make_hiring's last
		make_hiring()
		age_pipeline()
	# the exits' follow-ups are made by a worker once the participants are committed, as for anyone
	jobs.run_queued()
	record_exit_outcomes()
	make_portal()
	make_services()
	jobs.run_queued()  # the portal's concern notifies its staff from a worker too
	frappe.db.set_global(COMPLETE, 1)
	frappe.db.commit()
	print(
		f"demo data loaded: {len(LEADS)} leads, {frappe.db.count('Participant')} participants; users {DEMO_REP}, "
		f"{DEMO_MANAGER}, {DEMO_CASE_MANAGER}, password {DEMO_PASSWORD}"
	)
	print_portal_logins()


def loaded() -> bool:
	"""The demo's last step has committed (a run that stopped before it is finished next time)."""
	return bool(frappe.db.get_global(COMPLETE))


def print_portal_logins():
	logins = ", ".join(
		email for email, _first, _last in DEMO_EMPLOYERS.values() if frappe.db.exists("User", email)
	)
	if logins:
		print(f"employer portal (/partner): {logins}, password {DEMO_PASSWORD}")
	from employment_partners.portal import pulse

	# the link of each employer's pulse email (queued, never sent): "all good" in one click, or
	# the same link ending a=concern or a=ended for the other answers
	for employer, (email, _first, _last) in DEMO_EMPLOYERS.items():
		if link := pulse.awaiting_link(email):
			print(f"pulse question awaiting {employer} ({email}): {link}")


SERVICE_PARTNERS = [
	(
		"Riverside Housing Help",
		("Housing", "Benefits Counselling"),
		"Riverside county",
		"Income under 60% of area median",
	),
	(
		"Metro Transit Access",
		("Transportation",),
		"Metro area",
		"Reduced-fare passes for the first 3 months of a job",
	),
	(
		"Community Health Clinic",
		("Health", "Mental Health"),
		"Riverside and Eastside",
		"Sliding scale; no insurance needed",
	),
	("Bright Start Childcare Network", ("Childcare",), "Citywide", "Evening and weekend care on request"),
	("Legal Aid Riverside", ("Legal",), "Riverside county", "Record clearance clinics monthly"),
	(
		"Riverside Credit Union",
		("Financial Coaching", "Food"),
		"Riverside county",
		"Second-chance accounts; free coaching",
	),
]


def make_services() -> bool:
	"""Retention services around the demo's placed people: service partners, Maria's retention
	plan, coaching sessions (job and financial), referrals at each stage, one lending circle.
	Made once."""
	if frappe.db.exists("Service Partner", SERVICE_PARTNERS[0][0]):
		return False
	for name, categories, area, eligibility in SERVICE_PARTNERS:
		frappe.get_doc(
			{
				"doctype": "Service Partner",
				"partner_name": name,
				"categories": [{"category": c} for c in categories],
				"service_area": area,
				"eligibility_notes": eligibility,
			}
		).insert(ignore_permissions=True)
	people = {
		p.first_name: p.name
		for p in frappe.get_all("Participant", fields=["name", "first_name"], order_by="creation")
	}
	maria = people.get("Maria")
	placement = frappe.db.get_value("Placement", {"participant": maria}, ["name", "start_date"], as_dict=True)
	if not maria or not placement:
		return True
	start = placement.start_date
	frappe.get_doc(
		{
			"doctype": "Retention Plan",
			"participant": maria,
			"long_term_goal": "Become a certified medical office administrator within two years",
			"steps": [
				{
					"step": "Finish the first 30 days without a missed shift",
					"target_date": add_days(start, 30),
					"done_on": add_days(start, 29),
				},
				{
					"step": "Open a savings account and save one month's rent",
					"target_date": add_days(start, 120),
				},
				{"step": "Enrol in the evening medical-billing course", "target_date": add_days(start, 180)},
			],
			"milestones": [
				{
					"milestone": "First paycheck",
					"reached_on": add_days(start, 14),
					"celebrated_on": add_days(start, 15),
				},
				{"milestone": "30 days on the job", "reached_on": add_days(start, 30)},
			],
		}
	).insert(ignore_permissions=True)
	for days, kind, minutes, mode, topics, extra in (
		(
			2,
			"Job Coaching",
			45,
			"In Person",
			"First week: bus timing for the 7am shift, who to call if late",
			{},
		),
		(9, "Job Coaching", 30, "Phone", "Talking with the supervisor about the schedule", {}),
		(
			16,
			"Financial Coaching",
			60,
			"In Person",
			"Budget for the first two paychecks",
			{"shares_financial_details": 1, "banked": "Unbanked", "savings_goal": 1200, "savings_so_far": 0},
		),
		(
			23,
			"Financial Coaching",
			40,
			"Video",
			"Opened a second-chance account",
			{
				"shares_financial_details": 1,
				"banked": "Banked",
				"savings_goal": 1200,
				"savings_so_far": 150,
				"credit_building": "Joined the lending circle",
			},
		),
	):
		on = add_days(start, days)
		if getdate(on) > getdate(nowdate()):
			continue
		frappe.get_doc(
			{
				"doctype": "Coaching Session",
				"participant": maria,
				"placement": placement.name,
				"coach": DEMO_CASE_MANAGER,
				"kind": kind,
				"session_date": on,
				"minutes": minutes,
				"mode": mode,
				"topics": topics,
				"next_session_date": add_days(nowdate(), 7),
				**extra,
			}
		).insert(ignore_permissions=True)
	for category, partner, status, days in (
		("Housing", "Riverside Housing Help", "Connected", 3),
		("Transportation", "Metro Transit Access", "Service Received", 1),
		("Childcare", "Bright Start Childcare Network", "Referred", 10),
	):
		referral = frappe.get_doc(
			{
				"doctype": "Service Referral",
				"participant": maria,
				"placement": placement.name,
				"category": category,
				"service_partner": partner,
				"referred_on": min(getdate(add_days(start, days)), getdate(nowdate())),
				"referred_by": DEMO_CASE_MANAGER,
				"next_check_date": add_days(nowdate(), 5),
			}
		).insert(ignore_permissions=True)
		for step in ("Connected", "Service Received")[
			: ("Referred", "Connected", "Service Received").index(status)
		]:
			referral.status = step
			referral.save(ignore_permissions=True)
	members = [people[n] for n in ("Maria", "Dev", "Aisha", "Tom", "Keisha", "Luis") if n in people]
	if len(members) >= 6:
		first_month = get_first_day(add_months(nowdate(), -2))
		circle = frappe.get_doc(
			{
				"doctype": "Lending Circle",
				"circle_name": "Riverside Savers",
				"monthly_contribution": 50,
				"start_month": first_month,
				"members": [{"participant": p, "payout_order": i} for i, p in enumerate(members, start=1)],
				"contributions": [
					{
						"month": add_months(first_month, m),
						"participant": p,
						"amount": 50,
						"paid_on": add_days(add_months(first_month, m), 3),
					}
					for m in range(2)
					for p in members
				],
			}
		).insert(ignore_permissions=True)
		circle.payouts[0].paid_on = add_days(first_month, 20)
		circle.payouts[1].paid_on = add_days(add_months(first_month, 1), 20)
		circle.save(ignore_permissions=True)
	return True


def ensure_books():
	"""With ERPNext, the demo's books (scripts/demo.sh's last step, after the named story and the
	generated agency): `make_books`, committed, and what the books hold printed.  Nothing without
	ERPNext."""
	made = make_books()
	if made is None:
		return
	frappe.db.commit()
	made_now = ", ".join(f"{count} {what}" for what, count in made.items() if count) or "nothing new"
	held = books_held()
	print(
		f"demo books ({made_now}): {held['partnerships with parties']} of {held['partnerships']} "
		f"partnerships a customer and a supplier; {held['paid rows posted']} of {held['paid rows']} "
		f"paid incentives and bonuses posted; fiscal years {held['fiscal years']}"
	)


def make_books() -> Counter | None:
	"""The demo's books as docs/erpnext.md has them, each part made when missing (a second run makes
	nothing, a run that stopped is finished): Settings post to the company ERPNext's set-up made;
	a Fiscal Year for every year a payment to post was made in (set-up makes only this year's);
	every hiring partnership a Customer and a Supplier, its contacts and addresses linked
	(`books.parties`); every paid incentive and bonus posted once (`postings.back_post`, the one-off
	back-posting, which takes a voucher already made for a row instead of posting again).  What
	was made, by kind; None without ERPNext or a company."""
	from employment_partners import books

	if not books.installed():
		return None
	company = frappe.defaults.get_global_default("company") or frappe.db.get_value("Company", {}, "name")
	if not company:
		return None
	made = Counter()
	made["settings"] = int(set_up_posting(company))
	unposted = unposted_payments()
	if unposted:
		made["fiscal years"] = make_fiscal_years(
			company, min(row.paid_on for row in unposted), max(row.paid_on for row in unposted)
		)
	made += make_parties()
	from employment_partners.books import postings

	for placement in sorted({row.parent for row in unposted}):
		made["payments posted"] += len(postings.back_post(placement))
	return made


def set_up_posting(company: str) -> bool:
	"""Settings post to `company`'s books, to the accounts its standard chart has (done once)."""
	settings = frappe.get_doc("Employment Partners Settings")
	if settings.get("ep_post_to_accounting"):
		return False
	abbr = frappe.db.get_value("Company", company, "abbr")
	settings.update(
		{
			"ep_post_to_accounting": 1,
			"ep_company": company,
			"ep_incentive_voucher": "Journal Entry",
			"ep_incentive_expense_account": f"Miscellaneous Expenses - {abbr}",
			"ep_cost_center": frappe.db.get_value("Company", company, "cost_center"),
			"ep_bonus_expense_account": f"Miscellaneous Expenses - {abbr}",
			"ep_bonus_paid_from_account": f"Cash - {abbr}",
		}
	)
	settings.save(ignore_permissions=True)
	return True


def unposted_payments() -> list:
	"""The placements' paid incentives and bonuses (an amount and a paid date) with no voucher."""
	rows = []
	for doctype in ("Placement Incentive Payment", "Placement Retention Bonus"):
		rows += frappe.get_all(
			doctype,
			filters={
				"parenttype": "Placement",
				"paid_on": ("is", "set"),
				"amount": (">", 0),
				"voucher_no": ("is", "not set"),
			},
			fields=["parent", "paid_on"],
		)
	return rows


def make_fiscal_years(company: str, first, last) -> int:
	"""Fiscal Years of `company` from `first` to `last`: the years before and after the ones there
	are made as ERPNext makes next year's (`auto_create_fiscal_year`: a copy of its neighbour,
	a year apart).  How many were made."""
	from erpnext.accounts.utils import get_fiscal_years

	years = get_fiscal_years(company=company)  # the latest first
	if not years:
		frappe.throw(_("{0} has no Fiscal Year: finish ERPNext's setup wizard first").format(company))
	made = 0
	earliest, latest = (frappe.get_doc("Fiscal Year", years[i].name) for i in (-1, 0))
	while getdate(first) < getdate(earliest.year_start_date):
		earliest, made = fiscal_year_beside(earliest, -1), made + 1
	while getdate(last) > getdate(latest.year_end_date):
		latest, made = fiscal_year_beside(latest, 1), made + 1
	return made


def fiscal_year_beside(fiscal_year, years: int):
	"""The Fiscal Year `years` before (negative) or after `fiscal_year`, of the same companies."""
	new = frappe.copy_doc(fiscal_year, ignore_no_copy=False)
	new.year_start_date = add_years(fiscal_year.year_start_date, years)
	new.year_end_date = add_days(add_years(new.year_start_date, 1), -1)
	new.is_short_year = 0
	start, end = getdate(new.year_start_date).year, getdate(new.year_end_date).year
	new.year = str(start) if start == end else f"{start}-{end}"
	return new.insert(ignore_permissions=True)


def make_parties() -> Counter:
	"""Every hiring partnership a Customer and a Supplier, made from it (`books.parties`: its
	contacts and addresses linked, its primary ones set)."""
	from employment_partners.books import parties

	made = Counter()
	for partnership in frappe.get_all(
		"Hiring Partnership",
		or_filters={"ep_customer": ("is", "not set"), "ep_supplier": ("is", "not set")},
		fields=["name", "ep_customer", "ep_supplier"],
		order_by="creation, name",
	):
		if not partnership.ep_customer:
			parties.create_customer(partnership.name)
			made["customers"] += 1
		if not partnership.ep_supplier:
			parties.create_supplier(partnership.name)
			made["suppliers"] += 1
	return made


def books_held() -> dict:
	"""What the demo's books hold: partnerships with both parties, paid rows with a voucher, the
	fiscal years."""
	paid = {"parenttype": "Placement", "paid_on": ("is", "set"), "amount": (">", 0)}
	tables = ("Placement Incentive Payment", "Placement Retention Bonus")
	return {
		"partnerships": frappe.db.count("Hiring Partnership"),
		"partnerships with parties": frappe.db.count(
			"Hiring Partnership", {"ep_customer": ("is", "set"), "ep_supplier": ("is", "set")}
		),
		"paid rows": sum(frappe.db.count(table, paid) for table in tables),
		"paid rows posted": sum(
			frappe.db.count(table, {**paid, "voucher_no": ("is", "set")}) for table in tables
		),
		"fiscal years": ", ".join(
			frappe.get_all("Fiscal Year", filters={"disabled": 0}, pluck="name", order_by="year_start_date")
		),
	}


def make_portal() -> bool:
	"""Employer logins with their placements, a pulse question awaiting its answer for each
	current placement, a concern one of them filed through the portal, and paperwork to confirm.
	Made once (a site loaded before the portal existed gets it on its next demo start)."""
	from frappe.utils.password import update_password

	from employment_partners.portal import pulse, users

	# the demo queues its emails (invitations, pulse questions) for the desk to show; the site's
	# mute_emails (scripts/demo.sh) keeps them from leaving
	ensure_outbox("Demo Outbox", "outbox@demo.employment-partners.invalid")
	made = False
	for employer, (email, first, last) in DEMO_EMPLOYERS.items():
		partnership = frappe.db.get_value("Hiring Partnership", {"partner_name": employer})
		if not partnership or frappe.db.exists("User", email):
			continue
		users.invite(partnership, email, first, last)
		update_password(email, DEMO_PASSWORD)
		made = True
	if not made:
		return False
	pulse.send_due()
	dana = DEMO_EMPLOYERS["Northside Logistics"][0]
	northside = frappe.db.get_value("Hiring Partnership", {"partner_name": "Northside Logistics"})
	placement = frappe.db.get_value(
		"Placement", {"hiring_partnership": northside, "status": "Active"}, "name", order_by="start_date"
	)
	if placement and frappe.db.exists("User", dana):
		frappe.get_doc(
			{
				"doctype": "Employer Confirmation",
				"placement": placement,
				"kind": "Attendance Confirmation",
				"milestone": "12 weeks retained",
			}
		).insert(ignore_permissions=True)
		frappe.set_user(dana)
		try:
			frappe.get_doc(
				{
					"doctype": "Retention Issue Report",
					"placement": placement,
					"issue_type": "Tardiness",
					"severity": "Medium",
					"incident_start": add_days(nowdate(), -3),
					"description": "Late three mornings this week; says the 6:10 bus has been skipping the stop",
				}
			).insert()
		finally:
			frappe.set_user("Administrator")
	return True


def name_the_agency():
	"""The demo agency's name in Settings, unless the site already names one (ERPNext's company,
	an agency's own), and its letter head from it."""
	if agency_name():
		return
	frappe.db.set_single_value(SETTINGS, "agency_name", DEMO_AGENCY)
	letter_head.ensure_letter_head()


def make_user(email: str, first: str, role: str):
	if frappe.db.exists("User", email):
		return
	frappe.get_doc(
		{
			"doctype": "User",
			"email": email,
			"first_name": first,
			"last_name": "Demo",
			"phone": STAFF_PHONES.get(email),
			"send_welcome_email": 0,
			"new_password": DEMO_PASSWORD,
			"roles": [{"role": role}],
		}
	).insert(ignore_permissions=True)


def make_pipeline():
	for email, first, role in (
		(DEMO_REP, "Riley", "Business Services Rep"),
		(DEMO_MANAGER, "Morgan", "Partnership Manager"),
	):
		make_user(email, first, role)

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
	contact = make_lead_contact(lead, website)
	frappe.get_doc(
		{
			"doctype": "Employer Interaction",
			"employer_lead": lead.name,
			"contact": contact,
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
		# the job orders, referrals and placements of make_hiring() move it on from here
		partnership = convert_lead(lead.name)
		frappe.db.set_value(
			"Hiring Partnership", partnership, "tier", "Top Partner" if target >= 6 else "Standard"
		)


def make_lead_contact(lead, website: str) -> str:
	"""The lead's Contact (LEAD_CONTACTS): the person the rep's calls are with."""
	first, last, title = LEAD_CONTACTS[lead.organisation_name]
	portal_login = DEMO_EMPLOYERS.get(lead.organisation_name)
	email = (
		portal_login[0]
		if portal_login
		else f"{first.lower()}@{website.split('.')[0]}.demo.employment-partners.invalid"
	)
	return (
		frappe.get_doc(
			{
				"doctype": "Contact",
				"first_name": first,
				"last_name": last,
				"designation": title,
				"company_name": lead.organisation_name,
				"is_primary_contact": 1,
				"email_ids": [{"email_id": email, "is_primary": 1}],
				"phone_nos": [
					{
						"phone": f"555-01{list(LEAD_CONTACTS).index(lead.organisation_name):02d}",
						"is_primary_phone": 1,
					}
				],
				"links": [{"link_doctype": "Employer Lead", "link_name": lead.name}],
			}
		)
		.insert(ignore_permissions=True)
		.name
	)


SKILLS = [
	("Forklift Certification", "Certification"),
	("Inventory Control", "Skill"),
	("OSHA-10", "Certification"),
	("Customer Service", "Skill"),
	("Patient Intake", "Skill"),
	("Cash Handling", "Skill"),
	("Basic Carpentry", "Skill"),
]

# employer -> its job order; a lead at Source gets an order, at Match a referral, at Feedback a placement
JOB_ORDERS = {
	"Northside Logistics": {
		"job_title": "Warehouse Associate",
		"shift": "Evening",
		"openings": 2,
		"hourly_wage": 22.5,
		"physical_demand": "Medium",
		"transit_accessible": 1,
		"incentive_offered": 3000,
		"skills": ["Forklift Certification", "Inventory Control", "OSHA-10"],
		"career_pathway": "Lead hand after 12 months; shift supervisor training",
	},
	"Harbor Health Clinic": {
		"job_title": "Patient Intake Coordinator",
		"shift": "Day",
		"openings": 2,
		"hourly_wage": 24,
		"physical_demand": "Sedentary",
		"transit_accessible": 1,
		"offers_benefits": 1,
		"benefits": "Health, dental, 3 weeks paid leave",
		"skills": ["Customer Service", "Patient Intake"],
	},
	"Greenleaf Grocers": {
		"job_title": "Grocery Clerk",
		"shift": "Weekend",
		"employment_type": "Part-time",
		"hours_per_week": 24,
		"openings": 3,
		"hourly_wage": 18.5,
		"placement_type": "Test and Hire",
		"physical_demand": "Light",
		"transit_accessible": 1,
		"skills": ["Cash Handling", "Customer Service"],
	},
}

PARTICIPANTS = [
	# first, last, skills, extra values
	(
		"Maria",
		"Santos",
		["Forklift Certification", "Inventory Control", "OSHA-10"],
		{"available_evening": 1, "target_hourly_wage": 21, "grade_12_or_less": 1},
	),
	(
		"Dev",
		"Patel",
		["Forklift Certification", "Inventory Control"],
		{
			"available_day": 0,
			"available_evening": 1,
			"transport_mode": "Own vehicle",
			"max_physical_demand": "Light",
			"target_hourly_wage": 24,
			"job_losses": [{"employer": "Metro Movers", "end_date": -400, "reason": "Childcare"}],
		},
	),
	(
		"Aisha",
		"Bello",
		["Customer Service", "Patient Intake"],
		{"target_hourly_wage": 22, "foreign_credentials": 1, "language_indicator": 1},
	),
	(
		"Tom",
		"Nguyen",
		["Cash Handling", "Customer Service"],
		{
			"available_weekend": 1,
			"transport_mode": "Walk or bike",
			"employment_preference": "Part-time",
			"max_hours_per_week": 25,
			"target_hourly_wage": 17,
		},
	),
	(
		"Keisha",
		"Brown",
		["Customer Service"],
		{
			"transport_mode": "Rides from others",
			"barrier_childcare": 1,
			"source_of_income": "Social assistance",
			"job_losses": [
				{"employer": "Quick Mart", "end_date": -300, "reason": "Transportation"},
				{"employer": "City Diner", "end_date": -150, "reason": "Dismissed (attendance)"},
			],
		},
	),
	(
		"Luis",
		"Ortega",
		["Basic Carpentry", "OSHA-10"],
		{"transport_mode": "Own vehicle", "target_hourly_wage": 26, "barrier_legal": 1},
	),
	(
		"Grace",
		"Kim",
		["Patient Intake"],
		{"available_evening": 1, "date_of_birth": "1975-03-14", "recent_labour_market_change": 1},
	),
	(
		"Sam",
		"Okafor",
		["Inventory Control"],
		{
			"available_day": 0,
			"available_night": 1,
			"transport_mode": "No reliable transport",
			"date_of_birth": "2007-08-02",
			"limited_work_experience": 1,
			"barrier_housing": 1,
		},
	),
]

REFERRALS = [
	# employer, participant first name, status (Hired = a placement 45 days ago)
	("Northside Logistics", "Maria", "Hired"),
	("Northside Logistics", "Dev", "Interviewing"),
	("Harbor Health Clinic", "Aisha", "Hired"),
	("Harbor Health Clinic", "Grace", "Referred"),
]


def make_hiring():
	for skill, kind in SKILLS:
		if not frappe.db.exists("Job Skill", skill):
			frappe.get_doc({"doctype": "Job Skill", "skill_name": skill, "skill_type": kind}).insert(
				ignore_permissions=True
			)
	enrolled = add_days(nowdate(), -120)
	people = {}
	for first, last, skills, extra in PARTICIPANTS:
		values = {**extra}
		if "job_losses" in values:  # days ago -> dates, on copies (PARTICIPANTS is loaded again)
			values["job_losses"] = [
				{**loss, "end_date": add_days(nowdate(), loss["end_date"])} for loss in values["job_losses"]
			]
		people[first] = frappe.get_doc(
			{
				"doctype": "Participant",
				"first_name": first,
				"last_name": last,
				"enrolment_date": enrolled,
				"case_manager": DEMO_CASE_MANAGER,
				"email": f"{first.lower()}.{last.lower()}@participant.invalid",
				"skills": [{"skill": s} for s in skills],
				**values,
			}
		).insert(ignore_permissions=True)
	orders = {}
	for employer, spec in JOB_ORDERS.items():
		partnership = frappe.db.get_value("Hiring Partnership", {"partner_name": employer})
		if not partnership:
			continue
		spec = {**spec}
		skills = spec.pop("skills")
		orders[employer] = frappe.get_doc(
			{
				"doctype": "Job Order",
				"hiring_partnership": partnership,
				"status": "Open",
				"open_date": add_days(nowdate(), -70),
				"location": f"{employer} main site",
				"required_skills": [{"skill": s} for s in skills],
				**spec,
			}
		).insert(ignore_permissions=True)
	for employer, first, status in REFERRALS:
		if employer not in orders:
			continue
		referral = frappe.get_doc(
			{
				"doctype": "Referral",
				"participant": people[first].name,
				"job_order": orders[employer].name,
				"status": "Referred",
				"referred_by": DEMO_CASE_MANAGER,
			}
		).insert(ignore_permissions=True)
		if status == "Hired":
			make_demo_placement(referral, started_days_ago=45 if employer == "Northside Logistics" else 20)
		elif status != "Referred":
			referral.status = status
			referral.save(ignore_permissions=True)
	automation.advance_matured_placements()
	make_retention(people)
	make_exits(orders)
	make_report_inputs(orders)


def record_exit_outcomes():
	"""The exits' follow-ups done as EXITS says (and Omar's), once the worker has made them; a
	follow-up already done is left as it is, so a stopped run can do this again.  Each is done
	inside its window, as the Outcomes Follow-up report (15D) requires of a milestone's outcome."""
	for first, last, _programs, _days, outcomes in EXITS:
		person = frappe.db.get_value("Participant", {"full_name": f"{first} {last}"})
		for row_id, outcome, employer, wage in outcomes:
			follow_up, done_on = exit_follow_up(person, row_id)
			if not follow_up:
				frappe.throw(f"{first} {last}'s follow-up {row_id} was not made")
			if frappe.db.get_value("Retention Follow-up", follow_up, "status") != "Done":
				complete_follow_up(
					follow_up,
					{
						"contact_method": "Phone",
						"attempts": [
							{"attempted_on": f"{done_on} 10:00:00", "method": "Phone", "reached": 1}
						],
						"outcome": outcome,
						"current_employer": employer,
						"hourly_wage": wage,
						"hours_per_week": 30 if wage else 0,
						"verification_source": "Self-Report",
						"completed_on": done_on,
					},
				)
	# Omar (exit 14 March last year): Northside verifies his employment for the weeks of each WIOA
	# quarter up to the day it was asked, the period the report credits (metrics/wioa.py): the
	# 2nd quarter after exit (Jul-Sep last year) from 1 July to 26 September, 88 days at 21.00 x 40
	# = 10,560.00; the 4th (Jan-Mar this year) from 5 January to 9 February at 22.50
	year = getdate(nowdate()).year
	omar = frappe.db.get_value("Participant", {"full_name": "Omar Farouk"})
	northside = frappe.db.get_value("Hiring Partnership", {"partner_name": "Northside Logistics"})
	for row_id, employed_from, done_on, wage in (
		("wioa-q2", f"{year - 1}-07-01", f"{year - 1}-09-26", 21),
		("wioa-q4", f"{year}-01-05", f"{year}-02-09", 22.5),
	):
		name = frappe.db.get_value("Retention Follow-up", {"participant": omar, "schedule_row_id": row_id})
		if not name:
			frappe.throw(f"Omar Farouk's follow-up {row_id} was not made")
		if frappe.db.get_value("Retention Follow-up", name, "status") != "Done":
			complete_follow_up(
				name,
				{
					"contact_method": "Employer Verification",
					"outcome": "Employed - Other Employer",
					"employer_partnership": northside,
					"hourly_wage": wage,
					"hours_per_week": 40,
					"verification_source": "Employer Verification",
					"employed_from": employed_from,
					"employed_to": done_on,
					"completed_on": done_on,
				},
			)


def exit_follow_up(participant: str, row_id: str | tuple) -> tuple[str | None, str | None]:
	"""The participant's follow-up after exit of schedule row `row_id` and the day it is done: its
	due date, the first day of its window.  (SETA_CONTACT_AT, milestone row): the SETA monthly
	contact whose window holds that 15D milestone's due date, done on that day, inside both
	windows: the contact a co-enrolled person's 15D outcome is read from when the 15D follow-up
	itself was not done (metrics/outcomes.py)."""
	if isinstance(row_id, tuple):
		_contact, milestone_row = row_id
		on = frappe.db.get_value(
			"Retention Follow-up", {"participant": participant, "schedule_row_id": milestone_row}, "due_date"
		)
		contact = on and frappe.db.get_value(
			"Retention Follow-up",
			{
				"participant": participant,
				"placement": ("is", "not set"),
				"schedule_row_id": ("like", "seta-02-09-q%-month-%"),
				"due_date": ("<=", on),
				"window_end": (">=", on),
			},
		)
		return contact, str(on) if on else None
	name, due = frappe.db.get_value(
		"Retention Follow-up",
		{"participant": participant, "placement": ("is", "not set"), "schedule_row_id": row_id},
		["name", "due_date"],
	) or (None, None)
	return name, str(due) if due else None


def complete_follow_up(name: str, values: dict):
	follow_up = frappe.get_doc("Retention Follow-up", name)
	follow_up.update({"completed_on": follow_up.due_date, **values})
	follow_up.save(ignore_permissions=True)


def make_demo_placement(referral, started_days_ago: int):
	start = add_days(nowdate(), -started_days_ago)
	values = {
		"doctype": "Placement",
		"participant": referral.participant,
		"job_order": referral.job_order,
		"referral": referral.name,
		"start_date": start,
		"employment_history": "Had a prior job",
		"prior_employer": "Temp agency assignments",
	}
	if started_days_ago > 30:
		values.update(
			{
				"incentive_amount": 3000,
				"training_plan": "Forklift refresher and inventory-system training in the first 6 weeks",
				"incentive_duration_weeks": 12,
				"skill_complexity": "Medium",
				"incentive_payments": [
					{"milestone": "Hire", "due_date": start, "amount": 1000, "paid_on": add_days(start, 14)},
					{"milestone": "12 weeks retained", "due_date": add_days(start, 84), "amount": 2000},
				],
			}
		)
	placement = frappe.get_doc(values)
	placement.add_default_bonuses()
	placement.insert(ignore_permissions=True)


def make_retention(people):
	"""Follow-ups done and overdue, an issue being worked on and one nobody has acknowledged."""
	from frappe.model.workflow import apply_workflow

	from employment_partners.retention import issues

	maria = frappe.db.get_value("Placement", {"participant": people["Maria"].name})
	aisha = frappe.db.get_value("Placement", {"participant": people["Aisha"].name})
	first = frappe.get_doc(
		"Retention Follow-up", {"placement": maria, "schedule_row_id": "seta-02-09-employment-week-1"}
	)
	first.update(
		{
			"contact_method": "Phone",
			"attempts": [
				{"attempted_on": add_to_date(now_datetime(), days=-40), "method": "Phone", "reached": 1}
			],
			"outcome": "Employed - Same Employer",
			"hourly_wage": 22.5,
			"hours_per_week": 40,
			"verification_source": "Pay Stub",
			"completed_on": add_days(nowdate(), -40),
			"notes": "Settling in well; carpools with a co-worker on late shifts",
		}
	)
	first.save(ignore_permissions=True)

	worked_on = frappe.get_doc(
		{
			"doctype": "Retention Issue Report",
			"placement": maria,
			"reported_by_type": "Employer Contact",
			"channel": "Phone",
			"reported_on": add_to_date(now_datetime(), days=-6),
			"issue_type": "Tardiness",
			"severity": "Medium",
			"incident_start": add_days(nowdate(), -10),
			"description": "Late to the 3 pm shift three times in two weeks; bus connection missed",
		}
	).insert(ignore_permissions=True)
	worked_on = apply_workflow(worked_on, "Acknowledge")
	# the story: acknowledged two hours after the call, well inside the SLA
	worked_on.db_set({"acknowledged_on": add_to_date(worked_on.reported_on, hours=2), "sla_breached": 0})
	worked_on.append(
		"interventions",
		{
			"intervention_type": "Service Referral - Transportation",
			"owner_user": DEMO_CASE_MANAGER,
			"outcome": "Transit pass for 3 months; earlier bus route planned",
		},
	)
	worked_on.save(ignore_permissions=True)
	apply_workflow(worked_on, "Plan Intervention")

	frappe.get_doc(
		{
			"doctype": "Retention Issue Report",
			"placement": aisha,
			"reported_by_type": "Employer Contact",
			"channel": "Email",
			"reported_on": add_to_date(now_datetime(), days=-5),
			"issue_type": "Childcare",
			"severity": "High",
			"description": "Left early twice to collect her child; asks about a later start time",
		}
	).insert(ignore_permissions=True)
	issues.flag_sla_breaches()


# people who left the program: their follow-ups after exit are theirs, placed or not
SETA_CONTACT_AT = "seta-monthly-contact"
EXITS = [
	# first, last, programs (co-enrolled: SETA retention contacts and the Ontario 15D outcomes),
	# enrolled / placement start / placement end / exit (days ago), and the follow-ups done after
	# exit: (schedule row, outcome, employer, wage), each done inside its window (exit_follow_up).
	# Carlos's 15D outcome at 3 months is his SETA monthly contact of that day: a co-enrolled
	# person reached by the other program's contact is not unknown
	(
		"Carlos",
		"Reyes",
		(enrolments.SETA_PROGRAM, enrolments.ONTARIO_PROGRAM),
		{"enrolled": -300, "start": -220, "end": -160, "exit": -140},
		[
			("outcomes-15d-close", "Employed - Other Employer", "Corner Market", 17.5),
			((SETA_CONTACT_AT, "outcomes-15d-3-months"), "Employed - Other Employer", "Corner Market", 18),
		],
	),
	(
		"Nora",
		"Haddad",
		(enrolments.ONTARIO_PROGRAM,),
		{"enrolled": -420, "exit": -200},
		[
			("outcomes-15d-close", "Unemployed", None, 0),
			("outcomes-15d-3-months", "In Education or Training", None, 0),
			("outcomes-15d-6-months", "In Education or Training", None, 0),
		],
	),
]


def make_exits(orders):
	"""Carlos lost his grocery job to a long bus ride, then exited and found work at a corner
	market; Nora exited unplaced and went back to school.  Their 15D outcomes at close, 3 and (Nora)
	6 months are done; the next follow-ups are open or overdue."""
	for first, last, programs, days, _outcomes in EXITS:
		person = frappe.get_doc(
			{
				"doctype": "Participant",
				"first_name": first,
				"last_name": last,
				"enrolment_date": add_days(nowdate(), days["enrolled"]),
				"case_manager": DEMO_CASE_MANAGER,
				"enrolments": [{"program": program} for program in programs],
				"email": f"{first.lower()}.{last.lower()}@participant.invalid",
			}
		).insert(ignore_permissions=True)
		if "start" in days and "Greenleaf Grocers" in orders:
			frappe.get_doc(
				{
					"doctype": "Placement",
					"participant": person.name,
					"job_order": orders["Greenleaf Grocers"].name,
					"start_date": add_days(nowdate(), days["start"]),
					"employment_history": "No prior job",
					"status": "Ended",
					"end_date": add_days(nowdate(), days["end"]),
					"separation_reason": "Transportation",
					"separation_notes": "Two buses each way; quit after the weekend route was cut",
				}
			).insert(ignore_permissions=True)
		person.exit_date = add_days(nowdate(), days["exit"])
		person.save(ignore_permissions=True)


def make_report_inputs(orders):
	"""What the reports read beyond placements and follow-ups: employers' feedback, this year's
	incentive budget, and last year's exiter on the WIOA schedule, employed at Northside in the 2nd and
	4th quarters after exit."""
	from frappe.utils import get_last_day

	# Northside is the employer at the Feedback stage; feedback from Harbor Health would move it on
	partnership = frappe.db.get_value("Hiring Partnership", {"partner_name": "Northside Logistics"})
	for satisfaction, days_ago in ((4, 100), (5, 20)):
		if partnership:
			frappe.get_doc(
				{
					"doctype": "Employer Feedback",
					"hiring_partnership": partnership,
					"satisfaction": satisfaction,
					"would_hire_again": "Yes",
					"received_on": add_days(nowdate(), -days_ago),
					"comments": "Good candidates, quick to reply when we call",
				}
			).insert(ignore_permissions=True)
	year = getdate(nowdate()).year
	frappe.get_doc(
		{
			"doctype": "Incentive Allocation",
			"fiscal_year": f"FY {year}",
			"year_start": get_first_day(f"{year}-01-01"),
			"year_end": get_last_day(f"{year}-12-01"),
			"employer_incentive_allocation": 25000,
			"participant_bonus_allocation": 3000,
		}
	).insert(ignore_permissions=True)
	frappe.get_doc(
		{
			"doctype": "Participant",
			"first_name": "Omar",
			"last_name": "Farouk",
			"enrolment_date": f"{year - 2}-09-01",
			"exit_date": f"{year - 1}-03-14",
			"case_manager": DEMO_CASE_MANAGER,
			"enrolments": [{"program": enrolments.WIOA_PROGRAM}],
			"email": "omar.farouk@participant.invalid",
		}
	).insert(ignore_permissions=True)


# days between a demo lead's stage changes, taken in turn
STAGE_GAPS = (12, 9, 16, 21, 8, 14, 11)


def age_pipeline():
	"""Spread each lead's stage changes over the past weeks, as if the pipeline had been worked
	since the spring (the demo makes them all in a moment): its latest change a few days ago, each
	earlier one a STAGE_GAPS step before, with the days in the previous stage to match."""
	history = "Employer Lead Stage History"
	for i, lead in enumerate(frappe.get_all("Employer Lead", pluck="name", order_by="creation, name")):
		rows = frappe.get_all(
			history,
			filters={"parent": lead, "parenttype": "Employer Lead"},
			pluck="name",
			order_by="changed_on, idx",
		)
		if not rows:
			continue
		dates = [add_to_date(now_datetime(), days=-(2 + i))]
		for k in range(1, len(rows)):
			dates.append(add_to_date(dates[-1], days=-STAGE_GAPS[(i + k) % len(STAGE_GAPS)]))
		dates.reverse()
		for k, (row, changed_on) in enumerate(zip(rows, dates, strict=True)):
			frappe.db.set_value(
				history,
				row,
				{
					"changed_on": changed_on,
					"days_in_previous_stage": stages.days_between(dates[k - 1], changed_on) if k else 0,
				},
				update_modified=False,
			)
		frappe.db.set_value(
			"Employer Lead",
			lead,
			{"stage_changed_on": dates[-1], "creation": dates[0]},
			update_modified=False,
		)


EARLY_WARNING_WEEKS = 26


def ensure_early_warning():
	"""The retention early warning as the scheduler would have left it: each Monday of the last
	26 weeks scored with the model a weekly training would have had then, a model trained today
	and today's scores; once (the generated agency, `make-demo`, leaves them so too; a run that
	stopped is finished by the next, which finds no score for this week)."""
	from employment_partners.early_warning import scoring

	if not frappe.db.exists(scoring.RISK, {"week_start": scoring.week_start(nowdate())}):
		scoring.backfill(EARLY_WARNING_WEEKS)
		scoring.train()
		scoring.refresh()
		frappe.db.commit()
	model = frappe.get_all(
		scoring.MODEL, filters={"status": scoring.ACTIVE}, fields=["name", "method"], limit=1
	)[0]
	high = frappe.db.count(scoring.RISK, {"week_start": scoring.week_start(nowdate()), "band": "High"})
	print(f"early warning: {high} placements at High risk this week, scored by {model.method} ({model.name})")
