"""Portal users, paperwork and the employer's own submissions, checked in the site (the HTTP
side is tests/test_portal.py)."""

import frappe

from employment_partners import permissions
from employment_partners.portal import pages, submissions, users
from employment_partners.tests import EPTestCase
from employment_partners.tests.factories import (
	make_job_order,
	make_participant,
	make_placement,
	make_user,
	no_outgoing_email,
)


def employer_email() -> str:
	return f"{frappe.generate_hash(length=8)}@employer.example.com"


class TestInvitation(EPTestCase):
	def setUp(self):
		super().setUp()
		self.order = make_job_order(openings=3)
		self.partnership = self.order.hiring_partnership

	def test_an_invitation_makes_a_website_login_a_contact_and_a_portal_row_and_sends_the_welcome(self):
		email = employer_email()
		users.invite(self.partnership, email.upper(), "Erin", "Boss")
		user = frappe.get_doc("User", email)
		self.assertEqual(user.user_type, "Website User")
		self.assertEqual({r.role for r in user.roles}, {"Employer Partner"})
		rows = frappe.get_doc("Hiring Partnership", self.partnership).portal_users
		self.assertEqual([(r.user, bool(r.invited_on)) for r in rows], [(email, True)])
		contact = frappe.get_doc("Contact", rows[0].contact)
		self.assertEqual((contact.user, contact.email_id), (email, email))
		self.assertIn(
			("Hiring Partnership", self.partnership), [(l.link_doctype, l.link_name) for l in contact.links]
		)
		self.assertTrue(frappe.db.exists("Email Queue Recipient", {"recipient": email}), "welcome email")
		self.assertEqual(permissions.partnerships_of(email), [self.partnership])
		self.assertTrue(permissions.is_employer_user(email))

	def test_without_an_outgoing_email_account_the_login_is_made_and_the_inviter_told(self):
		frappe.clear_messages()
		email = employer_email()
		with no_outgoing_email():
			users.invite(self.partnership, email, "Erin")
		self.assertTrue(frappe.db.exists("User", email))
		self.assertFalse(frappe.db.exists("Email Queue Recipient", {"recipient": email}))
		said = " ".join(m.get("message", "") for m in frappe.get_message_log())
		self.assertIn("no welcome email was sent", said)

	def test_one_person_may_serve_two_partnerships(self):
		email = employer_email()
		other = make_job_order().hiring_partnership
		users.invite(self.partnership, email, "Erin")
		users.invite(other, email, "Erin")
		self.assertEqual(set(permissions.partnerships_of(email)), {self.partnership, other})
		self.assertEqual(frappe.db.count("Contact Email", {"email_id": email}), 1, "one contact, two links")

	def test_bad_invitations_are_refused_and_store_nothing(self):
		email = employer_email()
		staff = make_user("Case Manager")
		users.invite(self.partnership, email, "Erin")
		users_before = frappe.db.count("User")
		for args, says in (
			(("not-an-email", "Erin"), "not a valid email"),
			((employer_email(), "  "), "first name"),
			((email, "Erin"), "already a portal user"),
			((staff, "Sam"), "agency staff login"),
		):
			with self.subTest(args=args), self.assertRaisesRegex(frappe.ValidationError, says):
				users.invite(self.partnership, *args)
		self.assertEqual(frappe.db.count("User"), users_before)
		self.assertEqual(len(frappe.get_doc("Hiring Partnership", self.partnership).portal_users), 1)

	def test_only_those_who_may_change_the_partnership_invite(self):
		frappe.set_user(make_user("Case Manager"))
		with self.assertRaises(frappe.PermissionError):
			users.invite(self.partnership, employer_email(), "Erin")

	def test_a_staff_login_cannot_be_added_to_the_table_by_hand(self):
		doc = frappe.get_doc("Hiring Partnership", self.partnership)
		doc.append("portal_users", {"user": make_user("Business Services Rep")})
		with self.assertRaisesRegex(frappe.ValidationError, "agency staff login"):
			doc.save()


class TestAgencyContact(EPTestCase):
	def test_the_portal_names_the_agency_and_the_employers_rep(self):
		order = make_job_order(openings=1)
		rep = make_user("Business Services Rep")
		user = frappe.get_doc("User", rep)
		user.update({"first_name": "Rosa", "last_name": "Diaz", "phone": "555-0142"})
		user.save(ignore_permissions=True)
		frappe.db.set_value("Hiring Partnership", order.hiring_partnership, "assigned_bsr", rep)
		frappe.db.set_single_value("Employment Partners Settings", "agency_name", "Northside Works")
		email = employer_email()
		users.invite(order.hiring_partnership, email, "Erin", "Boss")
		frappe.set_user(email)
		home = pages.home()
		frappe.set_user("Administrator")
		if "erpnext" not in frappe.get_installed_apps():  # with ERPNext, its company names the agency
			self.assertEqual(home["agency"], "Northside Works")
		self.assertEqual(home["contacts"], [{"name": "Rosa Diaz", "email": rep, "phone": "555-0142"}])

	def test_an_employer_without_a_rep_is_told_nothing_wrong(self):
		order = make_job_order(openings=1)
		frappe.db.set_value("Hiring Partnership", order.hiring_partnership, "assigned_bsr", None)
		self.assertEqual(pages.agency_contacts([order.hiring_partnership]), [])
		self.assertEqual(pages.agency_contacts([]), [])


class TestHowThePortalSaysIt(EPTestCase):
	def test_moments_to_the_minute_and_acknowledgements_in_words(self):
		self.assertNotRegex(pages.when("2026-03-04 10:01:07"), r"\d\d:\d\d:\d\d")
		self.assertTrue(pages.when("2026-03-04 10:01:07").endswith(" 10:01"))
		self.assertEqual(pages.acknowledged_within(0), "in under a business hour")
		self.assertEqual(pages.acknowledged_within(0.99), "in under a business hour")
		self.assertEqual(pages.acknowledged_within(2.46), "after 2.5 business hours")


class TestPaperwork(EPTestCase):
	def setUp(self):
		super().setUp()
		self.placement = make_placement(
			incentive_amount=1200,
			incentive_duration_weeks=8,
			training_plan="Shadow the shift lead for two weeks",
			skill_complexity="Low",
			hourly_wage=19.5,
			hours_per_week=32,
		)

	def confirmation(self, kind, placement=None, **values):
		return frappe.get_doc(
			{
				"doctype": "Employer Confirmation",
				"placement": placement or self.placement.name,
				"kind": kind,
				**values,
			}
		).insert()

	def test_the_terms_are_written_from_the_placement(self):
		agreement = self.confirmation("Incentive Agreement")
		self.assertIn(self.placement.participant_label, agreement.terms)
		self.assertIn("19.50", agreement.terms)
		self.assertIn("1,200.00", agreement.terms)
		self.assertIn("8 weeks", agreement.terms)
		self.assertEqual(agreement.status, "Pending")
		plan = self.confirmation("Training Plan")
		self.assertIn("Shadow the shift lead for two weeks", plan.terms)
		attendance = self.confirmation("Attendance Confirmation", milestone="4 weeks")
		self.assertIn("4 weeks milestone", attendance.terms)
		# the employer reads its own name and the person's, not "the employer" and "the person"
		employer, person = self.placement.employer_name, self.placement.participant_label
		self.assertIn(f"{employer} confirms that {person} has attended work", attendance.terms)
		self.assertIn(f"The agency pays {employer} an incentive", agreement.terms)
		self.assertIn(f"while {person} stays employed", agreement.terms)
		for paper in (agreement, attendance):
			self.assertNotIn("the employer", paper.terms)
			self.assertNotIn("the person", paper.terms)

	def test_paperwork_without_its_terms_is_refused(self):
		bare = make_placement()
		with self.assertRaisesRegex(frappe.ValidationError, "no incentive amount"):
			self.confirmation("Incentive Agreement", bare.name)
		with self.assertRaisesRegex(frappe.ValidationError, "no training plan"):
			self.confirmation("Training Plan", bare.name)
		with self.assertRaisesRegex(frappe.ValidationError, "which milestone"):
			self.confirmation("Attendance Confirmation")
		self.assertEqual(frappe.db.count("Employer Confirmation", {"placement": bare.name}), 0)

	def test_a_confirmed_paper_is_final(self):
		doc = self.confirmation("Training Plan")
		doc.update(
			{
				"status": "Confirmed",
				"confirmed_by": "Administrator",
				"confirmed_on": frappe.utils.now_datetime(),
			}
		)
		doc.save()
		doc.status = "Pending"
		with self.assertRaisesRegex(frappe.ValidationError, "cannot change"):
			doc.save()
		with self.assertRaisesRegex(frappe.LinkExistsError, "is kept, not deleted"):
			frappe.delete_doc("Employer Confirmation", doc.name)
		self.assertTrue(frappe.db.exists("Employer Confirmation", doc.name))
		pending = self.confirmation("Incentive Agreement")
		frappe.delete_doc("Employer Confirmation", pending.name)  # not confirmed yet: a draft
		self.assertFalse(frappe.db.exists("Employer Confirmation", pending.name))


class TestMarkup(EPTestCase):
	def test_html_is_refused_and_plain_text_with_angle_brackets_in_words_is_not(self):
		doc = frappe.new_doc("Retention Issue Report")
		for text in ("<b>late</b>", "<script>x</script>", "ok <img src=x>", "<!-- hi -->", "</p>"):
			doc.description = text
			self.assertTrue(submissions.markup_problem(doc), text)
		for text in ("Late 3 < 5 times", "wage > 20", "a <- b", "Missed Monday; called <2 times"):
			doc.description = text
			self.assertIsNone(submissions.markup_problem(doc), text)


class TestEmployerSubmissions(EPTestCase):
	"""An employer's own login inserting as themselves (REST, or code run as them), with Frappe's
	permission checks on: the same rules as the web forms."""

	def setUp(self):
		super().setUp()
		order = make_job_order(openings=3)
		self.partnership = order.hiring_partnership
		self.email = employer_email()
		users.invite(self.partnership, self.email, "Erin", "Boss")
		self.mine = make_placement(order.name, start_date="2026-09-01")
		self.theirs = make_placement(start_date="2026-09-01")

	def report(self, placement):
		return frappe.get_doc(
			{
				"doctype": "Retention Issue Report",
				"placement": placement,
				"issue_type": "Attendance",
				"description": "Missed two shifts",
			}
		)

	def test_a_concern_on_their_own_placement_is_filed_through_the_portal(self):
		frappe.set_user(self.email)
		doc = self.report(self.mine.name).insert()
		frappe.set_user("Administrator")
		doc.reload()
		self.assertEqual(
			(doc.channel, doc.reported_by_user, doc.participant),
			("Portal", self.email, self.mine.participant),
		)
		self.assertEqual(doc.participant_label, self.mine.participant_label)

	def test_a_concern_on_another_partnerships_placement_is_refused_and_stores_nothing(self):
		before = frappe.db.count("Retention Issue Report")
		frappe.set_user(self.email)
		with self.assertRaises((frappe.PermissionError, frappe.ValidationError)):
			self.report(self.theirs.name).insert()
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.count("Retention Issue Report"), before)


class TestAttachments(EPTestCase):
	def test_attaching_a_file_to_an_app_record_needs_write_permission_on_it(self):
		case_manager = make_user("Case Manager")
		placement = make_placement(participant=make_participant(case_manager=case_manager).name)

		def attach(doctype, name):
			return frappe.get_doc(
				{
					"doctype": "File",
					"file_name": "note.txt",
					"content": b"a note",
					"is_private": 1,
					"attached_to_doctype": doctype,
					"attached_to_name": name,
				}
			).insert()

		frappe.set_user(case_manager)
		self.assertTrue(attach("Placement", placement.name).name, "case managers change placements")
		with self.assertRaisesRegex(frappe.PermissionError, "may not attach files"):
			attach("Hiring Partnership", placement.hiring_partnership)  # they only read those
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.count("File", {"attached_to_name": placement.hiring_partnership}), 0)
