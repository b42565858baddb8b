"""The demo data loads on a real site and tells a consistent story (rolled back afterwards)."""

import frappe
from frappe.utils import add_days, now_datetime, nowdate

from employment_partners import demo
from employment_partners.pipeline import stages
from employment_partners.retention import reminders
from employment_partners.tests import EPTestCase


class TestDemoData(EPTestCase):
	def test_demo_pipeline_and_hiring(self):
		if frappe.db.exists("User", demo.DEMO_REP):
			self.skipTest("this site already holds the demo data")
		demo.make_pipeline()
		demo.make_user(demo.DEMO_CASE_MANAGER, "Jamie", "Case Manager")
		demo.make_hiring()
		demo.age_pipeline()
		# what a run that stopped here committed is not a loaded demo: the next run finishes it
		self.assertFalse(demo.loaded())
		# the exits' follow-ups: the demo waits for their jobs (jobs.run_queued, which commits);
		# inside this rolled-back test the daily job makes them, as for participants no job served
		reminders.generate_missing()
		demo.record_exit_outcomes()
		demo.record_exit_outcomes()  # a re-run leaves the recorded outcomes as they are

		def stage(name):
			return frappe.db.get_value("Employer Lead", {"organisation_name": name}, "stage")

		self.assertEqual(
			[stage(n) for n in ("Northside Logistics", "Harbor Health Clinic", "Greenleaf Grocers")],
			["Feedback", "Match", "Source"],
		)
		placement = frappe.get_all(
			"Placement", fields=["participant_name", "status", "employer_name"], order_by="start_date"
		)
		self.assertEqual(
			[(p.participant_name, p.status, p.employer_name) for p in placement],
			[
				("Carlos Reyes", "Ended", "Greenleaf Grocers"),
				("Maria Santos", "Active", "Northside Logistics"),
				("Aisha Bello", "Active", "Harbor Health Clinic"),
			],
		)
		issues = frappe.get_all(
			"Retention Issue Report", fields=["status", "sla_breached"], order_by="reported_on"
		)
		self.assertEqual(
			[(i.status, i.sla_breached) for i in issues], [("Intervention Planned", 0), ("New", 1)]
		)
		self.assertEqual(
			frappe.db.get_value("Placement", {"participant_name": "Maria Santos"}, "employment_status"),
			"Employed - Same Employer",
		)
		# each story employer has the person the rep talks to: the lead's contact, the interaction's,
		# and a converted lead's partnership's main contact
		for name, (first, last, _title) in demo.LEAD_CONTACTS.items():
			lead, partnership = frappe.db.get_value(
				"Employer Lead", {"organisation_name": name}, ["name", "hiring_partnership"]
			)
			contact = frappe.db.get_value(
				"Dynamic Link",
				{"parenttype": "Contact", "link_doctype": "Employer Lead", "link_name": lead},
				"parent",
			)
			self.assertEqual(frappe.db.get_value("Contact", contact, "full_name"), f"{first} {last}", name)
			self.assertEqual(
				frappe.get_all("Employer Interaction", filters={"employer_lead": lead}, pluck="contact"),
				[contact],
				name,
			)
			if partnership:
				self.assertEqual(
					frappe.db.get_value("Hiring Partnership", partnership, "primary_contact"), contact, name
				)
		order = frappe.db.get_value(
			"Job Order", {"employer_name": "Northside Logistics"}, ["filled", "status"], as_dict=True
		)
		self.assertEqual((order.filled, order.status), (1, "Open"))
		# the enrolled, the two exits, and Omar Farouk (last year's exiter on the WIOA schedule)
		self.assertEqual(frappe.db.count("Participant"), len(demo.PARTICIPANTS) + len(demo.EXITS) + 1)
		omar = frappe.db.get_value("Participant", {"full_name": "Omar Farouk"})
		wioa = frappe.get_all(
			"Retention Follow-up",
			filters={"participant": omar},
			fields=["schedule_row_id", "status", "outcome"],
			order_by="due_date",
		)
		self.assertEqual(
			[(f.schedule_row_id, f.status, f.outcome) for f in wioa],
			[
				("wioa-q2", "Done", "Employed - Other Employer"),
				("wioa-q4", "Done", "Employed - Other Employer"),
			],
		)
		self.assertEqual(frappe.db.count("Employer Feedback"), 2)
		self.assertEqual(frappe.db.count("Incentive Allocation"), 1)
		# after exit: Carlos (placed, then separated) and Nora (never placed) are both followed up
		for name, done in (
			("Carlos Reyes", ["Employed - Other Employer", "Employed - Other Employer"]),
			("Nora Haddad", ["Unemployed", "In Education or Training", "In Education or Training"]),
		):
			person = frappe.db.get_value("Participant", {"full_name": name})
			after_exit = frappe.get_all(
				"Retention Follow-up",
				filters={"participant": person, "placement": ("is", "not set")},
				fields=["outcome", "status"],
				order_by="due_date, creation",
			)
			self.assertEqual([f.outcome for f in after_exit if f.status == "Done"], done, name)
			self.assertTrue(any(f.status == "Open" for f in after_exit), name)
		# the 15D report on the demo: Carlos and Nora are its only exits from an Ontario program.
		# Close: Carlos employed, Nora unemployed; 3 months: Carlos employed (his SETA monthly
		# contact that day, inside the window), Nora in training; 6 months: Nora in training
		# (Carlos's is still to come); every window closed, none unknown
		from employment_partners.employment_partners.report.outcomes_follow_up import outcomes_follow_up

		_columns, rows, *_rest = outcomes_follow_up.execute(
			{"from_date": add_days(nowdate(), -400), "to_date": nowdate()}
		)
		fifteen_d = {(row["milestone"], row["figure"]): row["all_participants"] for row in rows}
		self.assertEqual(
			{
				milestone: tuple(
					fifteen_d[(milestone, key)]
					for key in ("counted", "employed", "training", "unemployed", "unknown", "still_open")
				)
				for milestone in (
					"At Close",
					"3 Months after Exit",
					"6 Months after Exit",
					"12 Months after Exit",
				)
			},
			{
				"At Close": (2, 1, 0, 1, 0, 0),
				"3 Months after Exit": (2, 1, 1, 0, 0, 0),
				"6 Months after Exit": (1, 0, 1, 0, 0, 0),
				"12 Months after Exit": (0, 0, 0, 0, 0, 0),
			},
		)

		# the pipeline was worked over weeks: Northside (the first lead) reached Feedback two days
		# ago, and each earlier change is STAGE_GAPS[1], [2], ... days before the next one
		northside = frappe.get_doc("Employer Lead", {"organisation_name": "Northside Logistics"})
		history = sorted(northside.stage_history, key=lambda h: h.changed_on)
		self.assertEqual([h.to_stage for h in history], list(stages.STAGES))
		self.assertEqual([h.days_in_previous_stage for h in history], [0, 11, 14, 8, 21, 16, 9])
		self.assertEqual((now_datetime() - history[-1].changed_on).days, 2)
		self.assertEqual(northside.stage_changed_on, history[-1].changed_on)

	def test_demo_portal_and_retention_services(self):
		if frappe.db.exists("User", demo.DEMO_REP):
			self.skipTest("this site already holds the demo data")
		demo.make_pipeline()
		demo.make_user(demo.DEMO_CASE_MANAGER, "Jamie", "Case Manager")
		demo.make_hiring()
		reminders.generate_missing()
		demo.record_exit_outcomes()
		self.assertTrue(demo.make_portal())
		self.assertFalse(demo.make_portal(), "made once")
		from employment_partners import permissions

		dana, _first, _last = demo.DEMO_EMPLOYERS["Northside Logistics"]
		northside = frappe.db.get_value("Hiring Partnership", {"partner_name": "Northside Logistics"})
		self.assertEqual(permissions.partnerships_of(dana), [northside])
		self.assertEqual(
			frappe.db.count("Employer Pulse", {"hiring_partnership": northside, "status": "Awaiting Answer"}),
			1,
		)
		self.assertEqual(
			frappe.get_all("Retention Issue Report", filters={"reported_by_user": dana}, pluck="channel"),
			["Portal"],
		)
		self.assertEqual(
			frappe.db.count("Employer Confirmation", {"hiring_partnership": northside, "status": "Pending"}),
			1,
		)

		self.assertTrue(demo.make_services())
		self.assertFalse(demo.make_services(), "made once")
		self.assertEqual(frappe.db.count("Service Partner"), len(demo.SERVICE_PARTNERS))
		maria = frappe.db.get_value("Participant", {"full_name": "Maria Santos"})
		self.assertTrue(frappe.db.exists("Retention Plan", {"participant": maria}))
		self.assertEqual(
			sorted(frappe.get_all("Service Referral", filters={"participant": maria}, pluck="status")),
			["Connected", "Referred", "Service Received"],
		)
		self.assertGreaterEqual(frappe.db.count("Coaching Session", {"participant": maria}), 2)
		circle = frappe.get_doc("Lending Circle", "Riverside Savers")
		self.assertEqual((len(circle.members), circle.pot, circle.status), (6, 300, "Active"))
		self.assertEqual([bool(p.paid_on) for p in circle.payouts], [True, True, False, False, False, False])


class TestDemoAgency(EPTestCase):
	"""The demo names its agency where the site names none, so the portal, the emails and the
	reports' letter head say whose they are; an agency's own name stays."""

	def test_the_demo_names_the_agency_only_where_the_site_names_none(self):
		from employment_partners.utils import SETTINGS, agency_name

		if "erpnext" in frappe.get_installed_apps():
			self.skipTest("ERPNext's company names the agency here")
		frappe.db.set_single_value(SETTINGS, "agency_name", None)
		frappe.db.set_single_value("System Settings", "app_name", "Frappe")
		demo.name_the_agency()
		self.assertEqual(agency_name(), demo.DEMO_AGENCY)
		self.assertTrue(frappe.db.exists("Letter Head", {"is_default": 1, "disabled": 0}))
		frappe.db.set_single_value(SETTINGS, "agency_name", "Northside Works")
		demo.name_the_agency()
		self.assertEqual(agency_name(), "Northside Works")

	def test_the_demo_staff_have_work_phones_the_portal_gives_employers(self):
		from employment_partners.portal import pages

		if frappe.db.exists("User", demo.DEMO_REP):
			self.skipTest("this site already holds the demo data")
		demo.make_pipeline()
		partnership = frappe.db.get_value("Hiring Partnership", {"partner_name": "Northside Logistics"})
		self.assertEqual(
			pages.agency_contacts([partnership]),
			[{"name": "Riley Demo", "email": demo.DEMO_REP, "phone": demo.STAFF_PHONES[demo.DEMO_REP]}],
		)
