"""The employer's history is one timeline (issue 23): interactions on the lead are carried to the
partnership it becomes, and both forms show them in place, to whoever may read them."""

import frappe
from frappe.desk.form.load import get_docinfo
from frappe.utils import add_to_date, now_datetime

from employment_partners.pipeline import history
from employment_partners.pipeline.conversion import convert_lead
from employment_partners.tests import EPTestCase
from employment_partners.tests.factories import (
	make_contact,
	make_employer_lead,
	make_interaction,
	make_user,
)


def timeline(doctype: str, name: str) -> list[dict]:
	"""The extra timeline items the desk's form loads with a record (Frappe's own docinfo)."""
	frappe.response.pop("docinfo", None)
	get_docinfo(frappe.get_doc(doctype, name))
	return frappe.response["docinfo"]["additional_timeline_content"]


class TestEmployerHistory(EPTestCase):
	def setUp(self):
		super().setUp()
		self.lead = make_employer_lead(organisation_name="Lakeside Grocers")
		self.contact = make_contact("Priya", "Employer Lead", self.lead.name)
		self.first = make_interaction(
			employer_lead=self.lead.name,
			contact=self.contact,
			interaction_date=add_to_date(now_datetime(), days=-20),
			summary="Asked about <b>evening</b> shifts\nand bus routes",
			needs_reply=1,
		)
		self.second = make_interaction(
			employer_lead=self.lead.name, interaction_type="Site Visit", summary="Toured the warehouse"
		)

	def test_the_lead_shows_its_interactions_newest_first(self):
		items = timeline("Employer Lead", self.lead.name)
		self.assertEqual(len(items), 2)
		self.assertIn(self.second.name, items[0]["content"])
		self.assertIn(self.first.name, items[1]["content"])
		first = items[1]["content"]
		contact_name = frappe.db.get_value("Contact", self.contact, "full_name")
		self.assertIn(f"with {contact_name}", first)
		self.assertIn("Awaiting our reply", first)
		# when: "3 weeks ago", the date and time on hover
		when = frappe.utils.get_datetime(self.first.interaction_date)
		self.assertIn(f'data-timestamp="{when:%Y-%m-%d %H:%M:%S}"', first)
		self.assertIn(
			f'title="{frappe.utils.format_datetime(when)}">{frappe.utils.pretty_date(when)}</span>', first
		)
		# the summary is the employer's words, shown as text, never as markup
		self.assertIn("Asked about &lt;b&gt;evening&lt;/b&gt; shifts<br>and bus routes", first)
		self.assertEqual(str(items[1]["creation"]), str(self.first.interaction_date))

	def test_conversion_carries_them_to_the_partnership(self):
		partnership = convert_lead(self.lead.name)
		carried = frappe.get_all(
			"Employer Interaction", filters={"hiring_partnership": partnership}, pluck="name"
		)
		self.assertEqual(sorted(carried), sorted([self.first.name, self.second.name]))
		self.assertEqual(
			set(
				frappe.get_all(
					"Employer Interaction", filters={"name": ["in", carried]}, pluck="employer_name"
				)
			),
			{"Lakeside Grocers"},
		)
		self.assertEqual(len(timeline("Hiring Partnership", partnership)), 2)
		# the partnership's last contact counts them
		self.assertEqual(
			frappe.db.get_value("Hiring Partnership", partnership, "last_contact_date"),
			self.second.interaction_date.date(),
		)
		# one logged on the converted lead afterwards is the partnership's too
		later = make_interaction(employer_lead=self.lead.name, summary="Signed the agreement")
		self.assertEqual(later.hiring_partnership, partnership)
		self.assertEqual(len(timeline("Hiring Partnership", partnership)), 3)

	def test_a_lead_with_no_interactions_carries_nothing(self):
		lead = make_employer_lead()
		self.assertEqual(history.carry_interactions(lead.name, "no-such-partnership", "x"), 0)
		self.assertEqual(timeline("Employer Lead", lead.name), [])

	def test_a_reader_sees_only_what_they_may_read(self):
		"""An employer's login reads no lead at all: its timeline hook lists nothing for them."""
		frappe.set_user(make_user("Employer Partner"))
		self.assertEqual(history.interaction_timeline("Employer Lead", self.lead.name), [])

	def test_the_lead_connects_its_interactions_and_partnership(self):
		from employment_partners.employment_partners.doctype.employer_lead.employer_lead_dashboard import (
			get_data,
		)

		data = get_data()
		self.assertEqual(data["fieldname"], "employer_lead")
		items = [item for group in data["transactions"] for item in group["items"]]
		self.assertEqual(items, ["Employer Interaction", "Hiring Partnership"])
		for doctype in items:
			self.assertTrue(frappe.get_meta(doctype).has_field("employer_lead"), doctype)


class TestMainContact(EPTestCase):
	"""The person the rep has been talking to becomes the partnership's main contact at conversion
	(the appreciation events' invitations and the books' parties go to it)."""

	def test_the_leads_primary_contact_becomes_the_partnerships(self):
		lead = make_employer_lead()
		make_contact("Aaron", "Employer Lead", lead.name)
		primary = make_contact("Beatriz", "Employer Lead", lead.name)
		frappe.db.set_value("Contact", primary, "is_primary_contact", 1)
		partnership = convert_lead(lead.name)
		self.assertEqual(frappe.db.get_value("Hiring Partnership", partnership, "primary_contact"), primary)

	def test_without_a_primary_the_first_recorded_and_without_contacts_none(self):
		lead = make_employer_lead()
		first = make_contact("Aaron", "Employer Lead", lead.name)
		frappe.db.set_value("Contact", first, "creation", add_to_date(now_datetime(), days=-3))
		make_contact("Beatriz", "Employer Lead", lead.name)
		self.assertEqual(
			frappe.db.get_value("Hiring Partnership", convert_lead(lead.name), "primary_contact"), first
		)
		bare = make_employer_lead()
		self.assertIsNone(
			frappe.db.get_value("Hiring Partnership", convert_lead(bare.name), "primary_contact")
		)
