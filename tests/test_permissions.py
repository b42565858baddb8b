"""Role permissions and the rep-owns-record rule, checked by switching users."""

import frappe

from employment_partners.tests import EPTestCase
from employment_partners.tests.factories import make_employer_lead, make_hiring_partnership, make_user


class TestRolePermissions(EPTestCase):
	def setUp(self):
		super().setUp()
		self.rep = make_user("Business Services Rep")
		self.other_rep = make_user("Business Services Rep")
		self.manager = make_user("Partnership Manager")
		self.case_manager = make_user("Case Manager")
		self.employer = make_user("Employer Partner")
		self.lead = make_employer_lead(assigned_bsr=self.other_rep)

	def test_rep_reads_every_lead_but_changes_only_their_own(self):
		frappe.set_user(self.rep)
		self.assertTrue(frappe.has_permission("Employer Lead", "read", self.lead.name))
		theirs = frappe.get_doc("Employer Lead", self.lead.name)
		theirs.next_follow_up_date = "2026-12-01"
		with self.assertRaises(frappe.PermissionError):
			theirs.save()
		# taking the lead over by reassigning it in the form is refused too
		theirs.assigned_bsr = self.rep
		with self.assertRaises(frappe.PermissionError):
			theirs.save()

		mine = make_employer_lead()
		self.assertEqual(mine.assigned_bsr, self.rep)
		mine.next_follow_up_date = "2026-12-01"
		mine.save()
		self.assertEqual(
			str(frappe.db.get_value("Employer Lead", mine.name, "next_follow_up_date")), "2026-12-01"
		)

	def test_rep_can_claim_an_unassigned_lead(self):
		unassigned = make_employer_lead(assigned_bsr=None)
		frappe.db.set_value("Employer Lead", unassigned.name, "assigned_bsr", None)
		frappe.set_user(self.rep)
		doc = frappe.get_doc("Employer Lead", unassigned.name)
		doc.assigned_bsr = self.rep
		doc.save()
		self.assertEqual(frappe.db.get_value("Employer Lead", unassigned.name, "assigned_bsr"), self.rep)

	def test_rep_cannot_delete_or_edit_settings(self):
		frappe.set_user(self.rep)
		self.assertFalse(frappe.has_permission("Employer Lead", "delete", self.lead.name))
		self.assertTrue(frappe.has_permission("Employment Partners Settings", "read"))
		self.assertFalse(frappe.has_permission("Employment Partners Settings", "write"))

	def test_manager_changes_any_lead_and_the_settings(self):
		frappe.set_user(self.manager)
		doc = frappe.get_doc("Employer Lead", self.lead.name)
		doc.next_follow_up_date = "2026-12-02"
		doc.save()
		self.assertTrue(frappe.has_permission("Employer Lead", "delete", self.lead.name))
		settings = frappe.get_doc("Employment Partners Settings")
		settings.lead_follow_up_days = 10
		settings.save()

	def test_case_manager_reads_partnerships_only(self):
		partner = make_hiring_partnership()
		frappe.set_user(self.case_manager)
		self.assertTrue(frappe.has_permission("Hiring Partnership", "read", partner.name))
		self.assertFalse(frappe.has_permission("Hiring Partnership", "write", partner.name))
		self.assertFalse(frappe.has_permission("Employer Lead", "read", self.lead.name))
		with self.assertRaises(frappe.PermissionError):
			frappe.get_list("Employer Lead", limit=1)

	def test_employer_partner_sees_nothing_on_the_desk(self):
		partner = make_hiring_partnership()
		frappe.set_user(self.employer)
		for doctype, name in (("Employer Lead", self.lead.name), ("Hiring Partnership", partner.name)):
			self.assertFalse(frappe.has_permission(doctype, "read", name), doctype)
		for doctype in ("Employer Interaction", "Employment Partners Settings"):
			self.assertFalse(frappe.has_permission(doctype, "read"), doctype)
		# appreciation events: only those their partnership is invited to, and this login has none
		frappe.set_user("Administrator")
		event = frappe.get_doc(
			{
				"doctype": "Employer Appreciation Event",
				"event_name": "Not Their Breakfast",
				"event_type": "Networking Brunch/Coffee",
				"event_date": "2026-12-10",
				"invitees": [{"hiring_partnership": partner.name}],
			}
		).insert()
		frappe.set_user(self.employer)
		self.assertFalse(frappe.has_permission("Employer Appreciation Event", "read", event.name))
		self.assertEqual(frappe.get_list("Employer Appreciation Event", pluck="name"), [])
		self.assertEqual(frappe.db.get_value("Role", "Employer Partner", "desk_access"), 0)

	def test_every_app_doctype_tracks_changes(self):
		doctypes = frappe.get_all(
			"DocType", filters={"module": "Employment Partners", "istable": 0, "issingle": 0}, pluck="name"
		)
		self.assertGreaterEqual(len(doctypes), 4)
		for doctype in doctypes:
			self.assertTrue(frappe.get_meta(doctype).track_changes, doctype)


class TestParticipantPrivacy(EPTestCase):
	"""Participant data is sensitive: staff roles only, never an employer."""

	def setUp(self):
		super().setUp()
		from employment_partners.tests.factories import make_participant

		self.case_manager = make_user("Case Manager")
		self.person = make_participant(
			barrier_legal=1, date_of_birth="1990-04-01", case_manager=self.case_manager
		)

	def test_employer_partner_cannot_read_participants_at_all(self):
		from employment_partners.tests.factories import make_placement

		self.employer_user = make_user("Employer Partner")
		frappe.set_user(self.employer_user)
		self.assertFalse(frappe.has_permission("Participant", "read"))
		self.assertFalse(frappe.has_permission("Participant", "read", self.person.name))
		with self.assertRaises(frappe.PermissionError):
			frappe.get_list("Participant", fields=["full_name"], limit=1)
		with self.assertRaises(frappe.PermissionError):
			frappe.get_doc("Participant", self.person.name).check_permission("read")
		for doctype in ("Referral", "Participant Job Loss", "Retention Follow-up"):
			self.assertFalse(frappe.has_permission(doctype, "read"), doctype)
		# placements and job orders: only their partnerships' (the portal), and this login has none
		frappe.set_user("Administrator")
		placement = make_placement(participant=self.person.name)
		frappe.set_user(self.employer_user)
		for doctype, name in (("Placement", placement.name), ("Job Order", placement.job_order)):
			self.assertFalse(frappe.has_permission(doctype, "read", name), doctype)
			self.assertEqual(frappe.get_list(doctype, pluck="name"), [], doctype)

	def test_a_rep_reads_what_matching_needs_and_not_the_sensitive_fields(self):
		"""Date of birth, contact details, physical limitations, health, legal and financial
		barriers, income source, disability and indigenous identity are at permission level 1:
		Case Managers and Partnership Managers only."""
		sensitive = [
			"date_of_birth",
			"email",
			"phone",
			"address_line",
			"physical_limitations",
			"barrier_health",
			"barrier_legal",
			"barrier_financial",
			"source_of_income",
			"has_disability",
			"indigenous",
		]
		asked = ["name", "first_name", "transport_mode", "max_physical_demand", *sensitive]
		frappe.set_user(make_user("Business Services Rep"))
		rows = frappe.get_list("Participant", filters={"name": self.person.name}, fields=asked)
		self.assertEqual(set(rows[0]), {"name", "first_name", "transport_mode", "max_physical_demand"})
		doc = frappe.get_doc("Participant", self.person.name)
		doc.apply_fieldlevel_read_permissions()
		self.assertFalse(any(doc.get(f) for f in sensitive))
		for user in (self.case_manager, make_user("Partnership Manager")):
			frappe.set_user(user)
			row = frappe.get_list("Participant", filters={"name": self.person.name}, fields=asked)[0]
			self.assertEqual((row.barrier_legal, str(row.date_of_birth)), (1, "1990-04-01"), user)

	def test_staff_roles_read_participants_and_case_managers_keep_them(self):
		for user in (self.case_manager, make_user("Business Services Rep"), make_user("Partnership Manager")):
			frappe.set_user(user)
			self.assertTrue(frappe.has_permission("Participant", "read", self.person.name), user)
			self.assertIn(self.person.name, frappe.get_list("Participant", pluck="name", limit=0), user)
		frappe.set_user(make_user("Business Services Rep"))
		self.assertFalse(frappe.has_permission("Participant", "write", self.person.name))
		frappe.set_user(self.case_manager)
		self.assertTrue(frappe.has_permission("Participant", "write", self.person.name))
		self.assertFalse(frappe.has_permission("Participant", "delete", self.person.name))

	def test_rep_changes_job_orders_of_their_own_partnerships_only(self):
		from employment_partners.tests.factories import make_job_order

		rep, other = make_user("Business Services Rep"), make_user("Business Services Rep")
		theirs = make_job_order(hiring_partnership=make_hiring_partnership(assigned_bsr=other).name)
		mine = make_job_order(hiring_partnership=make_hiring_partnership(assigned_bsr=rep).name)
		frappe.set_user(rep)
		self.assertTrue(frappe.has_permission("Job Order", "read", theirs.name))
		self.assertFalse(frappe.has_permission("Job Order", "write", theirs.name))
		self.assertTrue(frappe.has_permission("Job Order", "write", mine.name))


class TestEmployerContacts(EPTestCase):
	"""Frappe lets every login read only the contacts it made: a rep saw none of a lead's contacts
	made by a colleague or imported, and logged calls with no one (issue 23)."""

	def test_staff_work_the_employers_contacts_whoever_made_them(self):
		from frappe.contacts.doctype.contact.contact import get_contact_display_list

		from employment_partners.tests.factories import make_contact

		rep, case_manager = make_user("Business Services Rep"), make_user("Case Manager")
		employer = make_user("Employer Partner")
		lead = make_employer_lead(assigned_bsr=rep)
		contact = make_contact("Priya", "Employer Lead", lead.name)  # made by Administrator

		frappe.set_user(rep)
		self.assertEqual([c.name for c in get_contact_display_list("Employer Lead", lead.name)], [contact])
		doc = frappe.get_doc("Contact", contact)
		doc.last_name = "Shah"
		doc.save()

		frappe.set_user(case_manager)
		self.assertTrue(frappe.has_permission("Contact", "read", contact))
		self.assertFalse(frappe.has_permission("Contact", "write", contact))

		frappe.set_user(employer)
		self.assertFalse(frappe.has_permission("Contact", "read", contact))

	def test_granted_once_as_frappes_own_rules(self):
		from employment_partners import install

		rules = frappe.get_all(
			"Custom DocPerm",
			filters={"parent": "Contact", "role": "Business Services Rep"},
			fields=["read", "write", "create", "delete", "if_owner"],
		)
		self.assertEqual([tuple(r.values()) for r in rules], [(1, 1, 1, 0, 0)])
		# Frappe's standard rules were copied first: the owner's own contacts still theirs
		self.assertTrue(
			frappe.db.exists("Custom DocPerm", {"parent": "Contact", "role": "All", "if_owner": 1})
		)
		# an agency's change stays through a migrate
		frappe.permissions.update_permission_property("Contact", "Case Manager", 0, "read", 0, validate=False)
		install.after_migrate()
		self.assertEqual(
			frappe.db.get_value("Custom DocPerm", {"parent": "Contact", "role": "Case Manager"}, "read"), 0
		)
