"""The caseload rule (permissions.caseload_rule): a Case Manager works on their own participants,
their team's (Settings, Case Manager Supervisors) and unassigned ones, and on those participants'
records; agency-wide read is a Settings choice, off by default.  Each rule is checked for the
document (has_permission) and for the list (get_list), which share one SQL condition."""

import frappe

from employment_partners.tests import EPTestCase
from employment_partners.tests.factories import (
	make_job_order,
	make_participant,
	make_referral,
	make_retention_issue,
	make_retention_placement,
	make_user,
)
from employment_partners.tests.test_services import service_partner
from employment_partners.utils import SETTINGS


class CaseloadCase(EPTestCase):
	def setUp(self):
		super().setUp()
		self.housing = service_partner("Housing")
		self.ana = make_user("Case Manager")
		self.ben = make_user("Case Manager")
		self.supervisor = make_user("Case Manager")
		settings = frappe.get_doc(SETTINGS)
		settings.set("supervisors", [{"case_manager": self.ana, "supervisor": self.supervisor}])
		settings.case_managers_read_all = 0
		settings.save()
		self.anas = self.case_records(self.ana)
		self.bens = self.case_records(self.ben)
		self.unassigned = make_participant().name
		frappe.db.set_value("Participant", self.unassigned, "case_manager", None)

	def case_records(self, case_manager: str) -> dict[str, str]:
		"""One record of every caseload doctype, for a participant of `case_manager`."""
		placement = make_retention_placement(case_manager=case_manager)
		person = placement.participant
		common = {"participant": person}
		made = {
			"Participant": person,
			"Placement": placement.name,
			"Retention Follow-up": frappe.get_all(
				"Retention Follow-up", filters={"placement": placement.name}, pluck="name", limit=1
			)[0],
			"Retention Issue Report": make_retention_issue(placement.name).name,
			"Referral": make_referral(make_job_order().name, person).name,
		}
		for doctype, values in (
			("Retention Plan", {"long_term_goal": "Keep the job a year"}),
			(
				"Coaching Session",
				{"kind": "Job Coaching", "session_date": "2026-10-01", "minutes": 30, "mode": "Phone"},
			),
			("Service Referral", {"category": "Housing", "service_partner": self.housing}),
		):
			made[doctype] = frappe.get_doc({"doctype": doctype, **common, **values}).insert().name
		return made

	def visible(self, doctype: str, name: str) -> tuple[bool, bool]:
		"""(has_permission read, listed by get_list): the two must always agree."""
		doc_level = frappe.has_permission(doctype, "read", name)
		listed = bool(frappe.get_list(doctype, filters={"name": name}, pluck="name"))
		return doc_level, listed


class TestCaseload(CaseloadCase):
	def test_a_case_manager_reads_their_own_caseload_and_not_a_colleagues(self):
		frappe.set_user(self.ana)
		for doctype in self.anas:
			self.assertEqual(self.visible(doctype, self.anas[doctype]), (True, True), doctype)
			self.assertEqual(self.visible(doctype, self.bens[doctype]), (False, False), doctype)
		self.assertEqual(self.visible("Participant", self.unassigned), (True, True), "intake queue")
		# a whole list holds none of Ben's participants
		listed = set(frappe.get_list("Participant", pluck="name", limit=0))
		self.assertIn(self.anas["Participant"], listed)
		self.assertNotIn(self.bens["Participant"], listed)

	def test_a_supervisor_reads_their_teams_caseload(self):
		frappe.set_user(self.supervisor)
		for doctype in self.anas:
			self.assertEqual(self.visible(doctype, self.anas[doctype]), (True, True), doctype)
			self.assertEqual(self.visible(doctype, self.bens[doctype]), (False, False), doctype)
		doc = frappe.get_doc("Participant", self.anas["Participant"])
		doc.phone = "555-0100"
		doc.save()  # and works on it

	def test_a_case_manager_cannot_change_or_take_a_colleagues_participant(self):
		frappe.set_user(self.ana)
		with self.assertRaises(frappe.PermissionError):
			frappe.get_doc("Participant", self.bens["Participant"]).check_permission("read")
		self.assertFalse(frappe.has_permission("Placement", "write", self.bens["Placement"]))
		before = frappe.db.count("Participant")
		with self.assertRaises(frappe.PermissionError):
			make_participant(case_manager=self.ben)  # creating one into someone else's caseload
		self.assertEqual(frappe.db.count("Participant"), before)
		mine = make_participant(case_manager=self.ana)  # the good path
		self.assertEqual(frappe.db.get_value("Participant", mine.name, "case_manager"), self.ana)
		# a participant moved to Ben (by a manager) leaves Ana's caseload with their records
		frappe.set_user("Administrator")
		frappe.db.set_value("Participant", self.anas["Participant"], "case_manager", self.ben)
		frappe.set_user(self.ana)
		self.assertEqual(self.visible("Retention Plan", self.anas["Retention Plan"]), (False, False))

	def test_agency_wide_read_lets_case_managers_read_everyone_but_change_only_their_own(self):
		frappe.db.set_single_value(SETTINGS, "case_managers_read_all", 1)
		frappe.set_user(self.ana)
		for doctype in self.bens:
			self.assertEqual(self.visible(doctype, self.bens[doctype]), (True, True), doctype)
			self.assertFalse(frappe.has_permission(doctype, "write", self.bens[doctype]), doctype)
		theirs = frappe.get_doc("Participant", self.bens["Participant"])
		theirs.phone = "555-0199"
		with self.assertRaises(frappe.PermissionError):
			theirs.save()
		self.assertTrue(frappe.has_permission("Participant", "write", self.anas["Participant"]))

	def test_managers_and_reps_who_case_manage(self):
		frappe.set_user(make_user("Partnership Manager"))
		for doctype in self.bens:
			self.assertEqual(self.visible(doctype, self.bens[doctype]), (True, True), doctype)
		# a rep who also case-manages reads placements and referrals as a rep, participants as a
		# case manager
		frappe.set_user(make_user("Business Services Rep", "Case Manager"))
		for doctype in ("Placement", "Referral"):
			self.assertEqual(self.visible(doctype, self.bens[doctype]), (True, True), doctype)
		self.assertEqual(self.visible("Participant", self.bens["Participant"]), (False, False))
		# a rep alone reads participants (level 0) for matching, as before
		frappe.set_user(make_user("Business Services Rep"))
		self.assertEqual(self.visible("Participant", self.bens["Participant"]), (True, True))


class TestCaseloadRefusals(CaseloadCase):
	"""A change refused by the caseload rule says whose caseload it is and whom to ask (issue 23),
	never Frappe's permission trace, and stores nothing."""

	TRACE = ("Not allowed via controller permission check", "Insufficient Permission", "Not permitted")

	def setUp(self):
		super().setUp()
		frappe.db.set_single_value(SETTINGS, "case_managers_read_all", 1)
		self.ben_name = frappe.utils.get_fullname(self.ben)
		self.person = frappe.db.get_value("Participant", self.bens["Participant"], "full_name")
		self.expected = (
			f"{self.person} is in {self.ben_name}'s caseload. Ask {self.ben_name} or a partnership "
			f"manager to change this, or to move {self.person} to your caseload."
		)

	def refused(self, doc):
		frappe.local.message_log = []
		with self.assertRaises(frappe.PermissionError) as raised:
			doc.save() if not doc.is_new() else doc.insert()
		text = str(raised.exception)
		for trace in self.TRACE:
			self.assertNotIn(trace, text)
		return text

	def test_every_record_of_a_colleagues_participant_says_whose_it_is(self):
		frappe.set_user(self.ana)
		for doctype, name in self.bens.items():
			doc = frappe.get_doc(doctype, name)
			before = doc.modified
			self.assertEqual(self.refused(doc), self.expected, doctype)
			self.assertEqual(frappe.db.get_value(doctype, name, "modified"), before, doctype)

	def test_a_new_session_for_a_colleagues_participant_says_so_and_stores_nothing(self):
		frappe.set_user(self.ana)
		values = {"kind": "Job Coaching", "session_date": "2026-10-02", "minutes": 20, "mode": "Phone"}
		before = frappe.db.count("Coaching Session")
		session = frappe.get_doc(
			{"doctype": "Coaching Session", "participant": self.bens["Participant"], **values}
		)
		self.assertEqual(self.refused(session), self.expected)
		self.assertEqual(frappe.db.count("Coaching Session"), before)
		# the good path: her own participant's session is stored
		mine = frappe.get_doc(
			{"doctype": "Coaching Session", "participant": self.anas["Participant"], **values}
		).insert()
		self.assertTrue(frappe.db.exists("Coaching Session", mine.name))

	def test_a_new_participant_in_a_colleagues_caseload_names_the_colleague(self):
		frappe.set_user(self.ana)
		newcomer = frappe.get_doc(
			{"doctype": "Participant", "first_name": "Nadia", "last_name": "Okafor", "case_manager": self.ben}
		)
		self.assertTrue(self.refused(newcomer).startswith(f"Nadia Okafor is in {self.ben_name}'s caseload."))
		self.assertFalse(frappe.db.exists("Participant", {"first_name": "Nadia", "last_name": "Okafor"}))

	def test_the_refusal_is_not_given_where_the_caseload_is_not_the_reason(self):
		"""A supervisor changes their team's records; a manager anyone's."""
		frappe.set_user(self.supervisor)
		doc = frappe.get_doc("Participant", self.anas["Participant"])
		doc.phone = "555-0142"
		doc.save()
		frappe.set_user(make_user("Partnership Manager"))
		doc = frappe.get_doc("Participant", self.bens["Participant"])
		doc.phone = "555-0143"
		doc.save()
		self.assertEqual(frappe.db.get_value("Participant", self.bens["Participant"], "phone"), "555-0143")


class TestCaseloadRefusalsNameNoOneUnreadable(CaseloadCase):
	"""Without agency-wide read a case manager reads no colleague's participant: a change asked of
	one of their records by its id (REST saves without reading first) is refused without naming the
	person or their case manager."""

	def test_the_refusal_names_no_one(self):
		frappe.set_user(self.ana)
		names = (
			frappe.db.get_value("Participant", self.bens["Participant"], "full_name"),
			frappe.utils.get_fullname(self.ben),
		)
		follow_up = frappe.get_doc("Retention Follow-up", self.bens["Retention Follow-up"])
		follow_up.notes = "rewritten"
		session = frappe.get_doc(
			{
				"doctype": "Coaching Session",
				"participant": self.bens["Participant"],
				"kind": "Job Coaching",
				"session_date": "2026-10-02",
				"minutes": 20,
				"mode": "Phone",
			}
		)
		before = frappe.db.count("Coaching Session")
		for doc in (follow_up, session):
			frappe.local.message_log = []
			with self.assertRaises(frappe.PermissionError) as raised:
				doc.insert() if doc.is_new() else doc.save()
			said = str(raised.exception) + " ".join(str(m) for m in frappe.local.message_log)
			for name in names:
				self.assertNotIn(name, said, doc.doctype)
			self.assertNotIn("caseload", said, doc.doctype)
		self.assertEqual(frappe.db.count("Coaching Session"), before)
		self.assertNotEqual(
			frappe.db.get_value("Retention Follow-up", self.bens["Retention Follow-up"], "notes"), "rewritten"
		)
