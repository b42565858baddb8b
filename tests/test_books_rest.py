"""ERPNext postings over REST on a served site (issue 26): what a rep's request cannot do to the
books, two identical requests at once, and what an employer reads."""

import threading

import frappe
import pytest
from frappe.utils.password import update_password

from employment_partners import books
from employment_partners.portal import users
from employment_partners.tests.factories import make_job_order, make_placement, make_user
from employment_partners.tests.test_books import make_rent_entry
from employment_partners.utils import SETTINGS
from tests.cleanup import forget, remove_users

pytestmark = [
	pytest.mark.slow,
	pytest.mark.skipif(not books.installed(), reason="ERPNext is not installed on this site"),
]

PASSWORD = "Books-rest-26!"
ACCOUNTS = {
	"ep_post_to_accounting": 1,
	"ep_company": "Riverside Employment Agency",
	"ep_incentive_voucher": "Journal Entry",
	"ep_incentive_expense_account": "Miscellaneous Expenses - REA",
	"ep_cost_center": "Main - REA",
	"ep_bonus_expense_account": "Marketing Expenses - REA",
	"ep_bonus_paid_from_account": "Cash - REA",
}


class Books:
	"""A rep's placement (a bonus paid and posted, an incentive milestone not yet paid), the
	accounts team's rent entry, and an employer login of the placement's partnership; committed
	for the server and removed afterwards (vouchers with their ledger rows)."""

	def __init__(self, live_site):
		from employment_partners.books import parties

		self.site = live_site
		self.settings = frappe.db.get_values_from_single(list(ACCOUNTS), None, SETTINGS, as_dict=True)[0]
		settings = frappe.get_doc(SETTINGS)
		settings.update(ACCOUNTS)
		settings.save()
		self.rep = make_user("Business Services Rep")
		order = make_job_order(job_title="Books Cook", assigned_bsr=self.rep)
		self.order, self.hp = order.name, order.hiring_partnership
		frappe.db.set_value("Hiring Partnership", self.hp, "assigned_bsr", self.rep)
		self.supplier = parties.create_supplier(self.hp)
		self.placement = make_placement(
			order.name,
			incentive_amount=1000,
			incentive_duration_weeks=6,
			training_plan="Two weeks beside a line cook",
			skill_complexity="Low",
			incentive_payments=[{"milestone": "Hire", "amount": 500}],
			retention_bonuses=[
				{"milestone_days": 30, "amount": 100, "paid_on": "2026-10-05", "paid_how": "Cash"}
			],
		)
		self.employer = f"books-{frappe.generate_hash(length=6)}@employer.example.com"
		users.invite(self.hp, self.employer, "Books", "Owner")
		for email in (self.rep, self.employer):
			update_password(email, PASSWORD)
		self.rent = make_rent_entry()
		frappe.db.commit()

	def vouchers(self, docstatus: int | None = None) -> list[str]:
		frappe.db.rollback()  # see what the server committed
		filters = {"ep_placement": self.placement.name}
		if docstatus is not None:
			filters["docstatus"] = docstatus
		return frappe.get_all("Journal Entry", filters=filters, pluck="name", order_by="name")

	def cleanup(self):
		frappe.db.rollback()
		frappe.set_user("Administrator")
		vouchers = [*self.vouchers(), self.rent]
		for doctype in ("GL Entry", "Payment Ledger Entry"):
			frappe.db.delete(doctype, {"voucher_no": ("in", vouchers)})
		frappe.db.delete("Journal Entry Account", {"parent": ("in", vouchers)})
		frappe.db.delete("Journal Entry", {"name": ("in", vouchers)})
		names = [self.placement.name, self.order, self.hp]
		frappe.db.delete("Retention Follow-up", {"placement": self.placement.name})
		frappe.db.delete("ToDo", {"reference_name": ("in", names)})
		forget(names + vouchers)
		frappe.delete_doc("Placement", self.placement.name, force=True, ignore_permissions=True)
		frappe.delete_doc("Participant", self.placement.participant, force=True, ignore_permissions=True)
		frappe.delete_doc("Job Order", self.order, force=True, ignore_permissions=True)
		frappe.db.set_value("Hiring Partnership", self.hp, "ep_supplier", None)
		frappe.db.delete("Dynamic Link", {"link_name": self.supplier})
		frappe.delete_doc("Supplier", self.supplier, force=True, ignore_permissions=True)
		frappe.delete_doc("Hiring Partnership", self.hp, force=True, ignore_permissions=True)
		remove_users([self.rep, self.employer])
		for field, value in self.settings.items():
			frappe.db.set_single_value(SETTINGS, field, value)
		frappe.clear_document_cache(SETTINGS, SETTINGS)
		frappe.db.commit()


@pytest.fixture(scope="module")
def made(live_site):
	made = Books.__new__(Books)
	try:
		made.__init__(live_site)
		yield made
	finally:
		made.cleanup()


def rows(doc_name: str, table: str) -> list[dict]:
	doc = frappe.get_doc("Placement", doc_name)
	return [
		{k: v for k, v in row.as_dict(convert_dates_to_str=True).items() if k not in ("creation", "modified")}
		for row in doc.get(table)
	]


def test_a_rep_cannot_cancel_the_accounts_teams_voucher_over_rest(made):
	"""Item 1: a bonus row naming the rent entry, unpaid: nothing of the rent entry changes."""
	rep = made.site.login(made.rep, PASSWORD)
	bonus = rows(made.placement.name, "retention_bonuses")
	own = bonus[0]["voucher_no"]
	bonus[0].update(
		{"voucher_type": "Journal Entry", "voucher_no": made.rent, "paid_on": None, "paid_how": None}
	)
	r = rep.put(
		f"{made.site.url}/api/resource/Placement/{made.placement.name}", json={"retention_bonuses": bonus}
	)
	assert r.status_code == 200, r.text[:300]
	frappe.db.rollback()
	assert frappe.db.get_value("Journal Entry", made.rent, "docstatus") == 1
	assert frappe.db.get_value("Journal Entry", own, "docstatus") == 2  # the row's own, unpaid


def test_two_identical_puts_at_once_post_once(made):
	"""Item 3: the same payment sent twice at once is posted once, and nothing is cancelled."""
	sessions = [made.site.login(made.rep, PASSWORD) for _ in range(2)]
	before = set(made.vouchers())
	incentive = rows(made.placement.name, "incentive_payments")
	incentive[0]["paid_on"] = "2026-10-01"
	barrier, answers = threading.Barrier(2), []

	def put(session):
		barrier.wait()
		answers.append(
			session.put(
				f"{made.site.url}/api/resource/Placement/{made.placement.name}",
				json={"incentive_payments": incentive},
				timeout=120,
			).status_code
		)

	threads = [threading.Thread(target=put, args=(s,)) for s in sessions]
	for thread in threads:
		thread.start()
	for thread in threads:
		thread.join()
	assert answers == [200, 200]
	new = [name for name in made.vouchers() if name not in before]
	assert len(new) == 1, new
	assert frappe.db.get_value("Journal Entry", new[0], ["docstatus", "total_debit"]) == (1, 500)
	row = frappe.db.get_value("Placement Incentive Payment", incentive[0]["name"], "voucher_no")
	assert row == new[0]


def test_an_employer_reads_no_voucher_of_its_placement(made):
	"""Item 12: the employer's REST read of its placement shows no voucher."""
	employer = made.site.login(made.employer, PASSWORD)
	r = employer.get(f"{made.site.url}/api/resource/Placement/{made.placement.name}")
	assert r.status_code in (200, 403), r.text[:300]  # 403: the portal's logins have no REST
	data = r.json().get("data") or {}
	for row in data.get("incentive_payments", []) + data.get("retention_bonuses", []):
		assert "voucher_no" not in row and "voucher_type" not in row, row
	for voucher in made.vouchers():
		assert voucher not in r.text
	assert "Journal Entry" not in r.text
