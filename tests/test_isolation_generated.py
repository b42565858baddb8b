"""Generated isolation attempts: three employer partnerships, each with a portal login and a full set of
records (placements, a retention issue, feedback, paperwork, job orders, appreciation-event
invitations, and the traces staff leave on them: comments, a tag, an attached file), and each
employer trying the read and write channels of Frappe and of the app on another's records: the
product of the other side's records x channels, plus generated filter shapes (name, partnership,
participant, like patterns, `or_filters`, `in` lists, level-1 fields) x the list channels.

An attempt *leaks* when its answer holds a secret of another partnership (a record name, a
participant's name, the partnership's name, a job title, an email...) that the request itself did
not carry (Frappe's refusals name the record that was asked for), or a level-1 value of the
employer's own records (their participants' record and surname, the case manager, level-1 rows).
It *writes* when a record of another side changed (modified, likes, tags, assignments, comments,
files...) or a record naming another side's partnership or placements appeared.  Both must be zero.

Each employer attacks the next side (Alpha -> Beta -> Gamma -> Alpha), so every side is attacked and
no two attackers lock the same record at once; they run in parallel, one session each.

The channels this suite found leaking (child tables read on their own, the other invitees of a
shared event, level-1 tables' columns in a list, Frappe's tags, the desk form's comments and
history, the print view's title, the access log of a refused print, likes) were closed in the app;
each group keeps its own test at the end (`test_closed_gap` and the two after it).
"""

import json
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import frappe
import pytest
from frappe.desk.doctype.tag.tag import add_tag
from frappe.utils.password import update_password

from employment_partners.portal import users
from employment_partners.tests.factories import (
	make_hiring_partnership,
	make_job_order,
	make_retention_issue,
	make_retention_placement,
	make_user,
)

pytestmark = pytest.mark.slow

PASSWORD = "Isolation-generated-9!"
LABELS = ("Alpha", "Beta", "Gamma")
MIN_ATTEMPTS = 500
# the doctypes an employer reads (their own partnerships' rows), and those they never read
READABLE = (
	"Placement",
	"Job Order",
	"Retention Issue Report",
	"Employer Feedback",
	"Employer Confirmation",
	"Employer Appreciation Event",
)
NEVER = ("Participant", "Hiring Partnership", "Retention Follow-up", "Contact")
# Frappe's own records about a record, and the column naming it
TRACES = {
	"Comment": "reference_name",
	"Version": "docname",
	"ToDo": "reference_name",
	"File": "attached_to_name",
	"Communication": "reference_name",
	"Tag Link": "document_name",
	"DocShare": "share_name",
	"Document Follow": "ref_docname",
	"Access Log": "reference_document",
	"View Log": "reference_name",
}
# child tables of the readable doctypes (and of the partnership), with their parent
CHILDREN = {
	"Placement Retention Bonus": "Placement",
	"Placement Incentive Payment": "Placement",
	"Retention Intervention": "Retention Issue Report",
	"Job Order Skill": "Job Order",
	"Employer Appreciation Invitee": "Employer Appreciation Event",
	"Hiring Partnership Portal User": "Hiring Partnership",
}
# a change each write attempt asks for: what would matter if it got through
CHANGES = {
	"Placement": {"start_date": "2026-09-02"},
	"Job Order": {"openings": 9},
	"Retention Issue Report": {"status": "Closed"},
	"Employer Feedback": {"satisfaction": 1},
	"Employer Confirmation": {"status": "Confirmed"},
	"Employer Appreciation Event": {"venue": "Mole Hall"},
	"Participant": {"city": "Moleville"},
	"Hiring Partnership": {"status": "Inactive"},
}
# methods of the app's controllers a client may call on a record
DOC_METHODS = {"Placement": "add_default_bonuses", "Employer Appreciation Event": "propose_invitees"}
REPORTS = (
	"At Risk This Week",
	"Early Warning Track Record",
	"Employer Pipeline",
	"Employer Placement Summary",
	"Follow-up Due",
	"Incentive Spend",
	"Outcomes Follow-up",
	"Participant Outcomes",
	"Partnership Health",
	"Retention by Service",
	"WIOA Employer Services Performance",
)
WEB_FORMS = {
	"report-a-concern": ("/partner/concern", "Retention Issue Report"),
	"placement-feedback": ("/partner/feedback", "Employer Feedback"),
	"request-hires": ("/partner/request-hires", "Job Order"),
}
# the channels whose count and value calls run on these shapes only (the rest: the main list calls)
COUNTED_SHAPES = ("name =", "partnership =", "participant =")


@dataclass
class Side:
	"""One employer partnership, its portal login and everything made for it."""

	label: str
	email: str = ""
	partnership: str = ""
	partner_name: str = ""
	case_manager: str = ""
	participants: list[str] = field(default_factory=list)
	placements: list[str] = field(default_factory=list)
	file_url: str = ""
	# doctype -> names: what the employer reads of their own, and what they never read
	records: dict[str, list[str]] = field(default_factory=dict)
	hidden: dict[str, list[str]] = field(default_factory=dict)
	# child doctype -> row names
	rows: dict[str, list[str]] = field(default_factory=dict)
	# words no one outside the partnership may read: names, titles, emails
	words: list[str] = field(default_factory=list)
	# what even this side's employer must not read of their own records (level 1)
	own_level_1: list[str] = field(default_factory=list)

	def names(self) -> list[tuple[str, str]]:
		"""(doctype, name) of every record of the side, the ones its employer reads first."""
		return [(d, n) for group in (self.records, self.hidden) for d, names in group.items() for n in names]

	def secrets(self) -> list[tuple[str, str]]:
		"""(secret, what) of everything the side's records hold that others must not read."""
		out = [(name, f"{self.label}'s {doctype} {name}") for doctype, name in self.names()]
		out += [(n, f"{self.label}'s {d} row {n}") for d, names in self.rows.items() for n in names]
		out += [(w, f"{self.label}'s {w!r}") for w in self.words]
		return out


def _make_side(label: str, tag: str) -> Side:
	side = Side(label=label)
	side.case_manager = make_user("Case Manager", email=f"iso-cm-{label.lower()}-{tag}@agency.example.com")
	side.partner_name = f"Iso{label} Foods {tag}"
	side.partnership = make_hiring_partnership(partner_name=side.partner_name).name
	cook = make_job_order(
		hiring_partnership=side.partnership, job_title=f"Iso{label} Grill Cook {tag}", openings=5
	)
	draft = make_job_order(
		hiring_partnership=side.partnership, job_title=f"Iso{label} Dish Washer {tag}", status="Draft"
	)
	side.email = f"iso-{label.lower()}-{tag}@employer.example.com"
	users.invite(side.partnership, side.email, f"Iso{label}{tag}", "Owner")
	update_password(side.email, PASSWORD)
	# mail me about what I follow: an employer may turn it on in their own settings, and Frappe's
	# follow_document does nothing (and answers 200) for a user who has not
	frappe.db.set_value("User", side.email, "document_follow_notify", 1)
	first, last = f"Zp{label}{tag}", f"Secret{label}{tag}"
	active = make_retention_placement(
		case_manager=side.case_manager,
		job_order=cook.name,
		start_date="2026-09-01",
		incentive_amount=1000,
		incentive_duration_weeks=6,
		training_plan="Two weeks beside a line cook, then the grill",
		skill_complexity="Low",
		incentive_payments=[{"milestone": "Hire", "amount": 500, "paid_on": "2026-09-02"}],
		retention_bonuses=[{"milestone_days": 90, "amount": 250}],
		participant={"first_name": first, "last_name": last},
	)
	ended = make_retention_placement(
		case_manager=side.case_manager,
		job_order=cook.name,
		start_date="2026-08-03",
		participant={"first_name": f"Zq{label}{tag}", "last_name": f"Hidden{label}{tag}"},
	)
	ended.update(
		{
			"status": "Ended",
			"end_date": "2026-09-15",
			"separation_reason": "Quit",
			"separation_notes": f"Left after a dispute {label}{tag}",
		}
	)
	ended.save()
	issue = make_retention_issue(
		active.name,
		reported_on="2026-10-01 10:00:00",
		interventions=[
			{
				"intervention_type": "Job Coaching",
				"intervention_date": "2026-10-02",
				"owner_user": side.case_manager,
				"outcome": f"Coached {first} on calling in",
			}
		],
	)
	side.file_url = _leave_staff_traces(issue, f"{first} {last}", f"iso-{label.lower()}-{tag}", tag)
	feedback = frappe.get_doc(
		{
			"doctype": "Employer Feedback",
			"hiring_partnership": side.partnership,
			"placement": active.name,
			"milestone": "30 Days",
			"satisfaction": 4,
			"comments": f"Iso{label} feedback {tag}",
			"received_on": "2026-10-02",
		}
	).insert()
	paperwork = frappe.get_doc(
		{"doctype": "Employer Confirmation", "placement": active.name, "kind": "Incentive Agreement"}
	).insert()
	event = frappe.get_doc(
		{
			"doctype": "Employer Appreciation Event",
			"event_name": f"Iso{label} Breakfast {tag}",
			"event_type": "Networking Brunch/Coffee",
			"event_date": frappe.utils.add_days(frappe.utils.today(), 20),
			"budget": 900,
			"invitees": [{"hiring_partnership": side.partnership}],
		}
	).insert()
	side.participants = [active.participant, ended.participant]
	side.placements = [active.name, ended.name]
	side.records = {
		"Placement": side.placements,
		"Job Order": [cook.name, draft.name],
		"Retention Issue Report": [issue.name],
		"Employer Feedback": [feedback.name],
		"Employer Confirmation": [paperwork.name],
		"Employer Appreciation Event": [event.name],
	}
	side.hidden = {
		"Participant": side.participants,
		"Hiring Partnership": [side.partnership],
		"Retention Follow-up": frappe.get_all(
			"Retention Follow-up", filters={"placement": ("in", side.placements)}, pluck="name"
		),
		"Contact": [users.contact_of(side.email, side.partnership)],
	}
	side.words = [
		side.partner_name,
		first,
		last,
		f"Zq{label}{tag}",
		f"Hidden{label}{tag}",
		cook.job_title,
		draft.job_title,
		event.event_name,
		f"Iso{label} feedback {tag}",
		f"iso-{label.lower()}-{tag}-warning",
		f"Left after a dispute {label}{tag}",
		side.email,
		side.case_manager,
	]
	side.own_level_1 = [
		*side.participants,
		last,
		f"Hidden{label}{tag}",
		side.case_manager,
		*side.hidden["Retention Follow-up"],
		f"Coached {first}",
		f"Left after a dispute {label}{tag}",
	]
	return side


def _leave_staff_traces(issue, full_name: str, file_prefix: str, tag: str) -> str:
	"""What the agency's staff leave on an issue: a comment, a tag, a private attachment (its URL)."""
	issue.add_comment("Comment", f"Called {full_name} about the shifts")
	add_tag(f"iso-{tag}", "Retention Issue Report", issue.name)
	attachment = {
		"doctype": "File",
		"file_name": f"{file_prefix}-warning.txt",
		"content": f"{full_name}: written warning".encode(),
		"is_private": 1,
		"attached_to_doctype": "Retention Issue Report",
		"attached_to_name": issue.name,
	}
	return frappe.get_doc(attachment).insert().file_url


def _collect_rows(sides: list[Side]):
	"""The child rows of each side's records (its invitee row on the shared event too)."""
	for side in sides:
		parents = [name for names in side.records.values() for name in names] + [side.partnership]
		for child in CHILDREN:
			by = {"hiring_partnership": side.partnership}
			if child != "Employer Appreciation Invitee":
				by = {"parent": ("in", parents)}
			side.rows[child] = frappe.get_all(child, filters=by, pluck="name")
		side.own_level_1 += side.rows["Placement Retention Bonus"] + side.rows["Retention Intervention"]
		assert all(side.rows[c] for c in CHILDREN if c != "Job Order Skill"), side.rows


@pytest.fixture(scope="module")
def world():
	frappe.set_user("Administrator")
	tag = frappe.generate_hash(length=6)
	sides = [_make_side(label, tag) for label in LABELS]
	# a job fair all three are invited to; staff added the last one later (so it has a history)
	shared = frappe.get_doc(
		{
			"doctype": "Employer Appreciation Event",
			"event_name": f"Iso Shared Job Fair {tag}",
			"event_type": "Job Fair",
			"event_date": frappe.utils.add_days(frappe.utils.today(), 30),
			"invitees": [{"hiring_partnership": side.partnership} for side in sides[:2]],
		}
	).insert()
	shared.append("invitees", {"hiring_partnership": sides[2].partnership})
	shared.save()
	_collect_rows(sides)
	frappe.db.commit()
	yield frappe._dict(sides=sides, shared_event=shared.name, tag=tag)
	frappe.set_user("Administrator")
	frappe.db.rollback()
	frappe.delete_doc("Employer Appreciation Event", shared.name, force=True, ignore_permissions=True)
	for doctype, column in TRACES.items():
		frappe.db.delete(doctype, {column: shared.name})
	for side in sides:
		_purge(side)
	frappe.db.delete("Tag Link", {"tag": f"iso-{tag}"})
	frappe.db.delete("Tag", {"name": f"iso-{tag}"})
	frappe.db.commit()


def _purge(side: Side):
	everything = [n for _d, n in side.names()]
	for doctype in ("Employer Pulse", "Employer Confirmation", "Employer Feedback", "Retention Issue Report"):
		for name in frappe.get_all(doctype, filters={"hiring_partnership": side.partnership}, pluck="name"):
			frappe.delete_doc(doctype, name, force=True, ignore_permissions=True)
	for name in frappe.get_all("File", filters={"attached_to_name": ("in", everything)}, pluck="name"):
		frappe.delete_doc("File", name, force=True, ignore_permissions=True)
	for doctype, column in TRACES.items():  # names are reused once deleted: no stale traces
		frappe.db.delete(doctype, {column: ("in", everything)})
	for name in side.hidden["Retention Follow-up"]:
		frappe.delete_doc("Retention Follow-up", name, force=True, ignore_permissions=True)
	for name in side.placements:
		frappe.delete_doc("Placement", name, force=True, ignore_permissions=True)
	for name in side.participants:
		frappe.delete_doc("Participant", name, force=True, ignore_permissions=True)
	for name in frappe.get_all("Job Order", filters={"hiring_partnership": side.partnership}, pluck="name"):
		frappe.delete_doc("Job Order", name, force=True, ignore_permissions=True)
	for name in side.records["Employer Appreciation Event"]:
		frappe.delete_doc("Employer Appreciation Event", name, force=True, ignore_permissions=True)
	frappe.delete_doc("Hiring Partnership", side.partnership, force=True, ignore_permissions=True)
	for name in side.hidden["Contact"]:
		frappe.delete_doc("Contact", name, force=True, ignore_permissions=True)
	for user in (side.email, side.case_manager):
		_purge_user(user)
	frappe.db.delete("Deleted Document", {"deleted_name": ("in", everything)})


def _purge_user(user: str):
	"""A login and what the site kept of it: its contact, the mail queued for it, its logs."""
	queued = frappe.get_all("Email Queue Recipient", filters={"recipient": user}, pluck="parent")
	frappe.db.delete("Email Queue Recipient", {"parent": ("in", queued or [""])})
	frappe.db.delete("Email Queue", {"name": ("in", queued or [""])})
	sent = frappe.get_all("Communication", filters={"recipients": ("like", f"%{user}%")}, pluck="name")
	frappe.db.delete("Communication Link", {"parent": ("in", sent or [""])})
	frappe.db.delete("Communication", {"name": ("in", sent or [""])})
	frappe.db.delete("Access Log", {"user": user})
	frappe.db.delete("View Log", {"viewed_by": user})
	contacts = frappe.get_all(
		"Contact Email", filters={"email_id": user, "parenttype": "Contact"}, pluck="parent"
	)
	for name in contacts:
		frappe.delete_doc("Contact", name, force=True, ignore_permissions=True)
	frappe.delete_doc("User", user, force=True, ignore_permissions=True)
	frappe.db.delete("Deleted Document", {"deleted_name": ("in", [user, *contacts])})


# --- what the site holds of a side, to see that nothing was written ------------------------------

POINTING = ("Retention Issue Report", "Employer Feedback", "Employer Confirmation", "Job Order", "Referral")


def site_state(sides: list[Side], shared_event: str) -> dict:
	"""Every record's stored stamps (modified, likes, tags, assignments, comments) and child rows,
	the traces Frappe keeps of a record, and the records naming each side's partnership or
	placements."""
	frappe.db.rollback()  # see what the web server committed
	state = {}
	for side in sides:
		for doctype, names in {**side.records, **side.hidden}.items():
			for row in frappe.db.sql(
				f"select name, modified, _liked_by, _user_tags, _assign, _comments from `tab{doctype}`"
				" where name in %(names)s",
				{"names": names},
				as_dict=True,
			):
				state[(doctype, row.name)] = tuple(row.values())
		for child in side.rows:
			state[(child, side.label)] = frappe.db.sql(
				f"select name, modified from `tab{child}` where parent in %(parents)s order by name",
				{"parents": [n for _d, n in side.names()]},
			)
		everything = [n for _d, n in side.names()]
		for doctype, column in TRACES.items():
			# the side's own employer leaves traces on its own records (print and view logs); a
			# refused print view is checked in its own test below
			only = {"method": ("!=", "Print")} if doctype == "Access Log" else {}
			state[(doctype, side.label)] = frappe.db.count(
				doctype, {column: ("in", everything), "owner": ("!=", side.email), **only}
			)
		for doctype in POINTING:
			meta = frappe.get_meta(doctype)
			if meta.has_field("hiring_partnership"):
				state[(doctype, "partnership", side.label)] = frappe.db.count(
					doctype, {"hiring_partnership": side.partnership}
				)
			if meta.has_field("placement"):
				state[(doctype, "placement", side.label)] = frappe.db.count(
					doctype, {"placement": ("in", side.placements)}
				)
	state["shared event"] = frappe.db.sql(
		"select name, modified, _liked_by, _user_tags, _assign from `tabEmployer Appreciation Event`"
		" where name = %s",
		shared_event,
	)
	state["users named mole"] = frappe.db.count("User", {"name": ("like", "mole%")})
	return state


# --- the attempts --------------------------------------------------------------------------------


@dataclass
class Attempt:
	channel: str
	method: str
	path: str
	params: dict | None = None
	data: dict | None = None
	body: dict | None = None
	write: bool = False
	headers: dict | None = None


class Attacker:
	"""One employer's login, what they must never read, and what their attempts found."""

	def __init__(self, live_site, side: Side, victim: Side, everyone: list[Side]):
		self.site, self.side, self.victim = live_site, side, victim
		self.session = live_site.login(side.email, PASSWORD)
		self.secrets = [s for other in everyone if other is not side for s in other.secrets()]
		self.secrets += [(s, f"{side.label}'s own level-1 {s!r}") for s in side.own_level_1]
		self.counts: Counter = Counter()
		self.leaks: list[str] = []
		self.accepted_writes: list[str] = []
		self.errors: list[str] = []

	def run(self, attempts: list[Attempt]):
		for attempt in attempts:
			self.run_one(attempt)

	def run_one(self, a: Attempt):
		response = self.session.request(
			a.method,
			f"{self.site.url}{a.path}",
			params=a.params,
			data=a.data,
			json=a.body,
			headers=a.headers,
			timeout=120,
			allow_redirects=False,
		)
		self.counts[a.channel] += 1
		sent = a.path + json.dumps([a.params, a.data, a.body], default=str)
		text = response.text
		where = f"{self.side.label} -> {self.victim.label}: {a.channel}: {a.method} {sent}"
		for secret, what in self.secrets:
			if secret in text and secret not in sent:
				at = text.find(secret)
				self.leaks.append(
					f"{where} => {what} in {response.status_code} …{text[max(0, at - 200) : at + 80]}…"
				)
		if a.channel == "frappe.client.has_permission" and response.ok:
			if response.json()["message"].get("has_permission"):
				self.leaks.append(f"{where} => permission granted")
		if a.write and response.status_code < 400:
			self.accepted_writes.append(f"{where} => {response.status_code} {text[:300]}")
		# a write refused by an error (Frappe's add_tag answers a refusal with a 500) is still refused:
		# the site's state says whether anything was written
		if response.status_code >= 500 and not a.write:
			self.errors.append(f"{where} => {response.status_code} {text[:300]}")


def _method(name: str) -> str:
	return f"/api/method/{name}"


def _j(value) -> str:
	return json.dumps(value)


def _reads(doctype: str, name: str) -> list[Attempt]:
	"""The channels that read one record by its name."""
	ref = {"doctype": doctype, "name": name}
	return [
		Attempt("REST GET", "GET", f"/api/resource/{doctype}/{name}"),
		Attempt("frappe.client.get", "GET", _method("frappe.client.get"), params=ref),
		Attempt(
			"frappe.client.get_value",
			"GET",
			_method("frappe.client.get_value"),
			params={"doctype": doctype, "filters": _j({"name": name}), "fieldname": _j(["*"])},
		),
		Attempt("frappe.desk.form.load.getdoc", "GET", _method("frappe.desk.form.load.getdoc"), params=ref),
		Attempt(
			"frappe.desk.form.load.get_docinfo",
			"GET",
			_method("frappe.desk.form.load.get_docinfo"),
			params=ref,
		),
		Attempt("print view", "GET", "/printview", params={**ref, "format": "Standard"}),
	]


def record_attempts(victim: Side, own: Side) -> list[Attempt]:
	"""Every channel that names one record, on every record of the victim."""
	out = []
	for doctype, name in victim.names():
		out += _reads(doctype, name)
		out += [
			Attempt(
				"frappe.client.has_permission",
				"GET",
				_method("frappe.client.has_permission"),
				params={"doctype": doctype, "docname": name, "perm_type": "read"},
			),
			Attempt(
				"frappe.client.validate_link",
				"GET",
				_method("frappe.client.validate_link"),
				params={"doctype": doctype, "docname": name, "fields": _j(["*"])},
			),
			Attempt(
				"frappe.desk.form.linked_with.get",
				"GET",
				_method("frappe.desk.form.linked_with.get"),
				params={"doctype": doctype, "docname": name},
			),
			Attempt(
				"frappe.www.printview.get_html_and_style",
				"GET",
				_method("frappe.www.printview.get_html_and_style"),
				params={"doc": doctype, "name": name},
			),
			Attempt(
				"web form get_form_data",
				"GET",
				_method("frappe.website.doctype.web_form.web_form.get_form_data"),
				params={"doctype": doctype, "docname": name, "web_form_name": "report-a-concern"},
			),
		]
		if doctype in CHANGES:
			out += _writes(doctype, name, own)
	out.append(Attempt("private file URL", "GET", victim.file_url))
	return out


def _writes(doctype: str, name: str, own: Side) -> list[Attempt]:
	"""The channels that change or delete one record, or attach something to it."""
	change = CHANGES[doctype]
	fieldname, value = next(iter(change.items()))
	out = [
		Attempt("REST PUT", "PUT", f"/api/resource/{doctype}/{name}", body=change, write=True),
		Attempt("REST DELETE", "DELETE", f"/api/resource/{doctype}/{name}", write=True),
		Attempt(
			"frappe.client.set_value",
			"POST",
			_method("frappe.client.set_value"),
			data={"doctype": doctype, "name": name, "fieldname": fieldname, "value": value},
			write=True,
		),
		Attempt(
			"frappe.client.save",
			"POST",
			_method("frappe.client.save"),
			data={"doc": _j({"doctype": doctype, "name": name, **change})},
			write=True,
		),
		Attempt(
			"frappe.client.delete",
			"POST",
			_method("frappe.client.delete"),
			data={"doctype": doctype, "name": name},
			write=True,
		),
		Attempt(
			"frappe.client.rename_doc",
			"POST",
			_method("frappe.client.rename_doc"),
			data={"doctype": doctype, "old_name": name, "new_name": f"{name}-MOLE"},
			write=True,
		),
		Attempt(
			"frappe.desk.form.utils.add_comment",
			"POST",
			_method("frappe.desk.form.utils.add_comment"),
			data={
				"reference_doctype": doctype,
				"reference_name": name,
				"content": "mole",
				"comment_email": own.email,
				"comment_by": own.email,
			},
			write=True,
		),
		Attempt(
			"frappe.desk.form.assign_to.add",
			"POST",
			_method("frappe.desk.form.assign_to.add"),
			data={"doctype": doctype, "name": name, "assign_to": _j([own.email])},
			write=True,
		),
		Attempt(
			"frappe.desk.form.assign_to.remove",
			"POST",
			_method("frappe.desk.form.assign_to.remove"),
			data={"doctype": doctype, "name": name, "assign_to": own.email, "ignore_permissions": 1},
			write=True,
		),
		Attempt(
			"frappe.desk.form.document_follow.follow_document",
			"POST",
			_method("frappe.desk.form.document_follow.follow_document"),
			data={"doctype": doctype, "doc_name": name, "user": own.email},
			write=True,
		),
		Attempt(
			"frappe.desk.doctype.tag.tag.add_tag",
			"POST",
			_method("frappe.desk.doctype.tag.tag.add_tag"),
			data={"tag": "mole", "dt": doctype, "dn": name},
			write=True,
		),
		Attempt(
			"frappe.client.attach_file",
			"POST",
			_method("frappe.client.attach_file"),
			data={
				"filename": "mole.txt",
				"filedata": "bW9sZQ==",
				"doctype": doctype,
				"docname": name,
				"decode_base64": 1,
				"is_private": 1,
			},
			write=True,
		),
	]
	if doctype in DOC_METHODS:
		method = DOC_METHODS[doctype]
		out += [
			Attempt(
				"run_doc_method",
				"POST",
				_method("run_doc_method"),
				data={"method": method, "dt": doctype, "dn": name},
				write=True,
			),
			Attempt(
				"REST run_method",
				"POST",
				f"/api/resource/{doctype}/{name}",
				params={"run_method": method},
				write=True,
			),
		]
	return out


def own_record_attempts(own: Side) -> list[Attempt]:
	"""The employer's own records, read through the API and lists (their level-1 fields must stay
	hidden).  The desk form and the print view of them have their own test (test_closed_gap)."""
	out = []
	for doctype, names in own.records.items():
		for name in names:
			out += [
				Attempt("REST GET (own)", "GET", f"/api/resource/{doctype}/{name}"),
				Attempt(
					"frappe.client.get (own)",
					"GET",
					_method("frappe.client.get"),
					params={"doctype": doctype, "name": name},
				),
				Attempt(
					"frappe.client.get_value (own)",
					"GET",
					_method("frappe.client.get_value"),
					params={"doctype": doctype, "filters": _j({"name": name}), "fieldname": _j(["*"])},
				),
			]
		every_field = {"fields": _j(["*"]), "limit_page_length": 0}
		out += [
			Attempt("REST list (own, every field)", "GET", f"/api/resource/{doctype}", params=every_field),
			Attempt(
				"frappe.client.get_list (own, every field)",
				"POST",
				_method("frappe.client.get_list"),
				data={"doctype": doctype, **every_field},
			),
			Attempt(
				"frappe.desk.search.search_link (own)",
				"GET",
				_method("frappe.desk.search.search_link"),
				params={"doctype": doctype, "txt": "", "page_length": 100},
			),
		]
		for child, parent in CHILDREN.items():
			if parent == doctype and child != "Employer Appreciation Invitee" and not _level_1(child):
				out.append(_child_columns_list(doctype, child))
	return out


def _level_1(child: str) -> bool:
	"""Whether the table field holding `child` rows is at a permission level above 0."""
	parent = frappe.get_meta(CHILDREN[child])
	return any(df.permlevel for df in parent.get_table_fields() if df.options == child)


def _child_columns_list(doctype: str, child: str) -> Attempt:
	"""A list of `doctype` asking for every column of its `child` rows."""
	columns = [
		f"`tab{child}`.`{df.fieldname}`"
		for df in frappe.get_meta(child).fields
		if df.fieldtype in ("Data", "Link", "Currency", "Int", "Small Text", "Select", "Date")
	]
	return Attempt(
		f"REST list (own, {child} columns)",
		"GET",
		f"/api/resource/{doctype}",
		params={"fields": _j(["name", f"`tab{child}`.`name`", *columns]), "limit_page_length": 0},
	)


def _filter_shapes(doctype: str, victim: Side, own: Side) -> list[tuple[str, dict]]:
	"""(shape, query arguments) that would find the victim's rows of `doctype` if a rule let them."""
	names = victim.records.get(doctype) or victim.hidden.get(doctype) or []
	mine = own.records.get(doctype) or own.hidden.get(doctype) or [""]
	meta = frappe.get_meta(doctype)
	shapes = []
	if names:
		shapes += [
			("name =", {"filters": [["name", "=", names[0]]]}),
			("name like", {"filters": [["name", "like", f"%{names[0][-5:]}"]]}),
			("name in", {"filters": [["name", "in", [*names, *mine]]]}),
			("or_filters name", {"or_filters": [["name", "=", n] for n in names]}),
			("name not in their own", {"filters": [["name", "not in", mine]]}),
		]
	if meta.has_field("hiring_partnership"):
		shapes += [
			("partnership =", {"filters": [["hiring_partnership", "=", victim.partnership]]}),
			(
				"partnership in",
				{"filters": [["hiring_partnership", "in", [victim.partnership, own.partnership]]]},
			),
			(
				"partnership like",
				{"filters": [["hiring_partnership", "like", f"%{victim.partnership[-5:]}"]]},
			),
			("partnership !=", {"filters": [["hiring_partnership", "!=", own.partnership]]}),
			(
				"or_filters partnership",
				{
					"or_filters": [
						["hiring_partnership", "=", victim.partnership],
						["hiring_partnership", "is", "set"],
					]
				},
			),
		]
	if meta.has_field("participant"):
		shapes += [
			("participant =", {"filters": [["participant", "=", victim.participants[0]]]}),
			("participant in", {"filters": [["participant", "in", victim.participants]]}),
		]
	for text_field in ("employer_name", "participant_name", "participant_label", "job_title", "event_name"):
		if meta.has_field(text_field):
			shapes.append((f"{text_field} like", {"filters": [[text_field, "like", f"%{victim.label}%"]]}))
	for child, parent in CHILDREN.items():
		if parent == doctype and names:
			shapes.append((f"{child} parent in", {"filters": [[child, "parent", "in", names]]}))
			if frappe.get_meta(child).has_field("hiring_partnership"):
				shapes.append(
					(
						f"{child} partnership =",
						{"filters": [[child, "hiring_partnership", "=", victim.partnership]]},
					)
				)
	level_1 = [df.fieldname for df in meta.fields if df.permlevel and df.fieldtype != "Table"]
	if level_1:
		shapes.append(("level-1 fields", {"fields": ["name", *level_1]}))
		shapes.append((f"level-1 field {level_1[0]}", {"fields": [level_1[0], "name"]}))
	return shapes


def list_attempts(victim: Side, own: Side) -> list[Attempt]:
	"""Generated filter shapes x the list channels, on every doctype."""
	out = []
	for doctype in (*READABLE, *NEVER):
		shapes = _filter_shapes(doctype, victim, own)
		if doctype in NEVER:  # refused by doctype whatever the filter: a few shapes suffice
			shapes = [
				shape for shape in shapes if shape[0] in (*COUNTED_SHAPES, "name like", "level-1 fields")
			]
		for shape, args in shapes:
			fields = args.get("fields") or ["name"]
			filters = args.get("filters") or []
			either = {"or_filters": _j(args["or_filters"])} if args.get("or_filters") else {}
			listing = {"fields": _j(fields), "filters": _j(filters), "limit_page_length": 0, **either}
			out += [
				Attempt(f"REST list [{shape}]", "GET", f"/api/resource/{doctype}", params=listing),
				Attempt(
					f"frappe.client.get_list [{shape}]",
					"POST",
					_method("frappe.client.get_list"),
					data={"doctype": doctype, **listing},
				),
				Attempt(
					f"frappe.desk.reportview.get [{shape}]",
					"POST",
					_method("frappe.desk.reportview.get"),
					data={
						"doctype": doctype,
						"fields": _j([f"`tab{doctype}`.`{f}`" for f in fields]),
						"filters": _j(filters),
						"page_length": 500,
						**either,
					},
				),
			]
			if shape in COUNTED_SHAPES:
				out += [
					Attempt(
						f"frappe.client.get_count [{shape}]",
						"GET",
						_method("frappe.client.get_count"),
						params={"doctype": doctype, "filters": _j(filters)},
					),
					Attempt(
						f"frappe.desk.reportview.get_count [{shape}]",
						"POST",
						_method("frappe.desk.reportview.get_count"),
						data={"doctype": doctype, "filters": _j(filters)},
					),
					Attempt(
						f"frappe.client.get_value [{shape}]",
						"GET",
						_method("frappe.client.get_value"),
						params={"doctype": doctype, "filters": _j(filters), "fieldname": _j(["*"])},
					),
					Attempt(
						f"frappe.desk.reportview.get_list [{shape}]",
						"POST",
						_method("frappe.desk.reportview.get_list"),
						data={"doctype": doctype, "fields": _j(["*"]), "filters": _j(filters)},
					),
					Attempt(
						f"frappe.desk.listview.get_group_by_count [{shape}]",
						"GET",
						_method("frappe.desk.listview.get_group_by_count"),
						params={"doctype": doctype, "current_filters": _j(filters), "field": "owner"},
					),
				]
	return out


def trace_attempts(victim: Side) -> list[Attempt]:
	"""Frappe's records about the victim's records (comments, versions, assignments, files, tags...)."""
	names = [n for _d, n in victim.names()]
	out = []
	for doctype, column in TRACES.items():
		if doctype == "Tag Link":
			continue  # its own test below (test_closed_gap)
		filters = _j([[column, "in", names]])
		out += [
			Attempt(
				f"REST list of {doctype}",
				"GET",
				f"/api/resource/{doctype}",
				params={"fields": _j(["*"]), "filters": filters, "limit_page_length": 0},
			),
			Attempt(
				f"frappe.client.get_list of {doctype}",
				"POST",
				_method("frappe.client.get_list"),
				data={"doctype": doctype, "fields": _j(["*"]), "filters": filters, "limit_page_length": 0},
			),
		]
	return out


def search_attempts(victim: Side) -> list[Attempt]:
	"""Link search by the victim's names and words, and with the victim's partnership as a filter."""
	out = []
	for doctype in (*READABLE, *NEVER):
		names = victim.records.get(doctype) or victim.hidden.get(doctype) or []
		for txt in (victim.partner_name, victim.words[1], victim.label, *names[:1]):
			out.append(
				Attempt(
					"frappe.desk.search.search_link",
					"GET",
					_method("frappe.desk.search.search_link"),
					params={"doctype": doctype, "txt": txt},
				)
			)
		key = "hiring_partnership" if frappe.get_meta(doctype).has_field("hiring_partnership") else "name"
		value = victim.partnership if key == "hiring_partnership" else ["in", names or [""]]
		out.append(
			Attempt(
				"frappe.desk.search.search_widget",
				"GET",
				_method("frappe.desk.search.search_widget"),
				params={"doctype": doctype, "txt": "", "filters": _j({key: value}), "page_length": 100},
			)
		)
	for doctype, query in (
		("Contact", "frappe.contacts.doctype.contact.contact.contact_query"),
		("Address", "frappe.contacts.doctype.address.address.address_query"),
	):
		out.append(
			Attempt(
				"search_link with a query",
				"GET",
				_method("frappe.desk.search.search_link"),
				params={
					"doctype": doctype,
					"txt": "",
					"query": query,
					"filters": _j({"link_doctype": "Hiring Partnership", "link_name": victim.partnership}),
				},
			)
		)
	return out


def report_attempts(victim: Side) -> list[Attempt]:
	"""The app's query reports, with the victim's partnership as a filter under each name it goes by,
	and report exports."""
	out = []
	for report in REPORTS:
		for key in ("hiring_partnership", "partnership"):
			filters = {key: victim.partnership, "from_date": "2026-01-01", "to_date": "2026-12-31"}
			out.append(
				Attempt(
					"frappe.desk.query_report.run",
					"POST",
					_method("frappe.desk.query_report.run"),
					data={"report_name": report, "filters": _j(filters)},
				)
			)
	for doctype in READABLE:
		out.append(
			Attempt(
				"frappe.desk.reportview.export_query",
				"POST",
				_method("frappe.desk.reportview.export_query"),
				data={
					"doctype": doctype,
					"file_format_type": "CSV",
					"fields": _j([f"`tab{doctype}`.`name`"]),
					"filters": _j([[doctype, "name", "in", victim.records[doctype]]]),
				},
			)
		)
	return out


def app_method_attempts(victim: Side, tag: str) -> list[Attempt]:
	"""The app's own whitelisted methods (the portal's and the desk's) with the victim's ids."""
	api = "employment_partners.api"
	out = [
		Attempt(
			"portal rsvp",
			"POST",
			_method(f"{api}.portal.rsvp"),
			data={"event": event, "answer": answer},
			write=True,
		)
		for event in victim.records["Employer Appreciation Event"]
		for answer in ("Yes", "No", "Maybe")
	]
	out += [
		Attempt(
			"portal confirm_paperwork",
			"POST",
			_method(f"{api}.portal.confirm_paperwork"),
			data={"name": name},
			write=True,
		)
		for name in victim.records["Employer Confirmation"]
	]
	out.append(
		Attempt(
			"portal invite_portal_user",
			"POST",
			_method(f"{api}.portal.invite_portal_user"),
			data={
				"partnership": victim.partnership,
				"email": f"mole-{tag}@example.com",
				"first_name": "Mole",
			},
			write=True,
		)
	)
	for token in (victim.placements[0], victim.partnership):
		out += [
			Attempt(
				"portal answer_pulse",
				"POST",
				_method(f"{api}.portal.answer_pulse"),
				data={"token": token, "answer": "ended", "end_date": "2026-10-01", "reason": "Quit"},
				headers={"X-Forwarded-For": f"10.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}.9"},
				write=True,
			),
			Attempt("pulse page", "GET", "/partner/pulse", params={"t": token, "a": "good"}),
		]
	order, participant = victim.records["Job Order"][0], victim.participants[0]
	in_placements = _j([["Retention Follow-up", "placement", "in", victim.placements]])
	out += [
		Attempt(
			"hiring find_participants",
			"GET",
			_method(f"{api}.hiring.find_participants"),
			params={"job_order": order},
		),
		Attempt(
			"hiring find_job_orders",
			"GET",
			_method(f"{api}.hiring.find_job_orders"),
			params={"participant": participant},
		),
		Attempt(
			"hiring propose_referral",
			"POST",
			_method(f"{api}.hiring.propose_referral"),
			data={"job_order": order, "participant": participant},
			write=True,
		),
		Attempt(
			"retention services_timeline",
			"GET",
			_method(f"{api}.retention.services_timeline"),
			params={"participant": participant},
		),
		Attempt(
			"early_warning risk_history",
			"GET",
			_method(f"{api}.early_warning.risk_history"),
			params={"placement": victim.placements[0]},
		),
		Attempt(
			"early_warning risk_history by participant",
			"GET",
			_method(f"{api}.early_warning.risk_history"),
			params={"participant": participant},
		),
		Attempt(
			"early_warning plan_check_in",
			"POST",
			_method(f"{api}.early_warning.plan_check_in"),
			data={"placement": victim.placements[0]},
			write=True,
		),
		Attempt("early_warning at_risk_card", "GET", _method(f"{api}.early_warning.at_risk_card")),
		Attempt(
			"retention follow_up_events",
			"GET",
			_method(f"{api}.retention.follow_up_events"),
			params={"start": "2026-01-01", "end": "2027-12-31", "filters": in_placements},
		),
		Attempt(
			"retention overdue_follow_ups_card",
			"GET",
			_method(f"{api}.retention.overdue_follow_ups_card"),
			params={"filters": in_placements},
		),
		Attempt("reports retention_90_card", "GET", _method(f"{api}.reports.retention_90_card")),
		Attempt(
			"reports partnerships_at_risk_card", "GET", _method(f"{api}.reports.partnerships_at_risk_card")
		),
		Attempt(
			"pipeline convert_lead",
			"POST",
			_method(f"{api}.pipeline.convert_lead"),
			data={"lead": victim.partnership},
			write=True,
		),
		Attempt(
			"pipeline move_lead",
			"POST",
			_method(f"{api}.pipeline.move_lead"),
			data={"lead": victim.partnership, "stage": "Lost / Poor Fit", "reason": "taken over"},
			write=True,
		),
	]
	return out


def portal_attempts(victim: Side, own: Side) -> list[Attempt]:
	"""The portal's pages with the victim's ids in the URL, and inserts (REST and web form) into the
	victim's partnership or naming the victim's placement from the employer's own."""
	out = [Attempt("portal home", "GET", "/partner")]
	for route, doctype in WEB_FORMS.values():
		for name in victim.records[doctype]:
			out += [
				Attempt("web form page with their id", "GET", f"{route}/{name}"),
				Attempt("web form edit page with their id", "GET", f"{route}/{name}/edit"),
			]
	placement = victim.placements[0]
	hire = {
		"job_title": "Mole",
		"openings": 1,
		"hourly_wage": 20,
		"hours_per_week": 40,
		"employment_type": "Full-time",
		"shift": "Day",
	}
	concern = {"placement": placement, "issue_type": "Attendance", "description": "mole"}
	inserts = (
		("Job Order", {"hiring_partnership": victim.partnership, "status": "Draft", **hire}),
		("Retention Issue Report", concern),
		("Retention Issue Report", {**concern, "hiring_partnership": own.partnership}),
		("Employer Feedback", {"hiring_partnership": victim.partnership, "satisfaction": 1}),
		(
			"Employer Feedback",
			{"hiring_partnership": own.partnership, "placement": placement, "satisfaction": 1},
		),
	)
	for doctype, values in inserts:
		out += [
			Attempt("REST POST", "POST", f"/api/resource/{doctype}", body=values, write=True),
			Attempt(
				"frappe.client.insert",
				"POST",
				_method("frappe.client.insert"),
				data={"doc": _j({"doctype": doctype, **values})},
				write=True,
			),
		]
	# web forms take ten submissions a minute per form and address: one of each shape
	accept = _method("frappe.website.doctype.web_form.web_form.accept")
	for form, values in (
		("report-a-concern", concern),
		("placement-feedback", {"placement": placement, "milestone": "90 Days", "satisfaction": 1}),
		("request-hires", {"hiring_partnership": victim.partnership, **hire}),
	):
		out.append(
			Attempt(
				"web form accept",
				"POST",
				accept,
				data={"web_form": form, "data": _j(values)},
				headers={"X-Forwarded-For": f"10.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}.8"},
				write=True,
			)
		)
	return out


def attempts_of(attacker: Attacker, world) -> list[Attempt]:
	victim, own = attacker.victim, attacker.side
	return [
		*record_attempts(victim, own),
		*own_record_attempts(own),
		*list_attempts(victim, own),
		*trace_attempts(victim),
		*search_attempts(victim),
		*report_attempts(victim),
		*app_method_attempts(victim, world.tag),
		*portal_attempts(victim, own),
	]


def _attack(live_site, world, plan) -> tuple[list[Attacker], float]:
	"""Each employer runs its plan against the next side, all at once; returns them and the time."""
	sides = world.sides
	attackers = [
		Attacker(live_site, side, sides[(i + 1) % len(sides)], sides) for i, side in enumerate(sides)
	]
	plans = {a.side.label: plan(a, world) for a in attackers}
	started = time.monotonic()
	with ThreadPoolExecutor(max_workers=len(attackers)) as pool:
		list(pool.map(lambda a: a.run(plans[a.side.label]), attackers))
	return attackers, time.monotonic() - started


def _summary(leaks: list[str]) -> str:
	"""How many leaks each channel had, then the first few in full."""
	channels = Counter(leak.split(": ")[1] for leak in leaks)
	return "\n".join([f"{n:4d} {c}" for c, n in channels.most_common()] + leaks[:12])


def _by_channel(attackers: list[Attacker]) -> Counter:
	counts = Counter()
	for a in attackers:
		for channel, n in a.counts.items():
			counts[channel.split(" [")[0]] += n
	return counts


def test_generated_attempts_across_partnerships_leak_and_write_nothing(live_site, world):
	before = site_state(world.sides, world.shared_event)
	attackers, elapsed = _attack(live_site, world, attempts_of)
	after = site_state(world.sides, world.shared_event)

	counts = _by_channel(attackers)
	total = sum(counts.values())
	print(f"\n{total} attempts in {elapsed:.1f}s, by channel:")
	for channel, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
		print(f"  {n:5d}  {channel}")
	leaks = [leak for a in attackers for leak in a.leaks]
	writes = [w for a in attackers for w in a.accepted_writes]
	errors = [e for a in attackers for e in a.errors]
	changed = {k: (before[k], after.get(k)) for k in before if before[k] != after.get(k)}
	assert total >= MIN_ATTEMPTS, counts
	assert not leaks, _summary(leaks)
	assert not writes, "\n".join(writes[:30])
	assert not changed, changed
	assert not errors, "\n".join(errors[:30])


# --- gaps this suite found and the app closed (permissions.child_query_conditions, the invitee
# table at level 1, frappe_fixes._drop_unreadable_tables, permissions.tag_link_condition and
# permissions.keep_employers_on_the_portal); each group of channels is its own test ------------


def child_table_attempts(attacker: Attacker, world) -> list[Attempt]:
	"""Child tables read on their own (`parent=` the readable doctype): Frappe checks only the parent
	doctype's role permission, never the parent record, and the app's rules have no condition for
	child doctypes."""
	out = []
	for child, parent in CHILDREN.items():
		for name in attacker.victim.rows[child]:
			out += [
				Attempt(
					"frappe.client.get (child row)",
					"GET",
					_method("frappe.client.get"),
					params={"doctype": child, "name": name, "parent": parent},
				),
				Attempt(
					"frappe.client.get_value (child row)",
					"GET",
					_method("frappe.client.get_value"),
					params={
						"doctype": child,
						"filters": _j({"name": name}),
						"fieldname": _j(["*"]),
						"parent": parent,
					},
				),
			]
		args = {"parent": parent, "fields": _j(["*"]), "filters": "[]", "limit_page_length": 0}
		out += [
			Attempt("REST list (child)", "GET", f"/api/resource/{child}", params=args),
			Attempt(
				"frappe.client.get_list (child)",
				"POST",
				_method("frappe.client.get_list"),
				data={"doctype": child, **args},
			),
			Attempt(
				"frappe.desk.reportview.get (child)",
				"POST",
				_method("frappe.desk.reportview.get"),
				data={
					"doctype": child,
					"parent_doctype": parent,
					"fields": _j([f"`tab{child}`.`name`", f"`tab{child}`.`parent`"]),
					"filters": "[]",
				},
			),
		]
	return out


def invitee_field_attempts(attacker: Attacker, world) -> list[Attempt]:
	"""The invitee table's columns asked for in a list of events: a shared event lists its rows of
	every partnership (the parent's rule limits the events, not the joined rows)."""
	child = "`tabEmployer Appreciation Invitee`"
	fields = _j(["name", f"{child}.`hiring_partnership`", f"{child}.`name`"])
	doctype = "Employer Appreciation Event"
	return [
		Attempt("REST list (invitee fields)", "GET", f"/api/resource/{doctype}", params={"fields": fields}),
		Attempt(
			"frappe.client.get_list (invitee fields)",
			"POST",
			_method("frappe.client.get_list"),
			data={"doctype": doctype, "fields": fields},
		),
		Attempt(
			"frappe.desk.reportview.get (invitee fields)",
			"POST",
			_method("frappe.desk.reportview.get"),
			data={
				"doctype": doctype,
				"fields": _j([f"`tab{doctype}`.`name`", f"{child}.`hiring_partnership`"]),
			},
		),
	]


def shared_event_attempts(attacker: Attacker, world) -> list[Attempt]:
	"""The job fair all three are invited to, read by its name: every invitee row comes along (the
	other partnerships, their contacts, RSVPs and gifts; the print view names them)."""
	ref = {"doctype": "Employer Appreciation Event", "name": world.shared_event}
	return [
		Attempt(
			"REST GET (shared event)",
			"GET",
			f"/api/resource/Employer Appreciation Event/{world.shared_event}",
		),
		Attempt("frappe.client.get (shared event)", "GET", _method("frappe.client.get"), params=ref),
		Attempt("getdoc (shared event)", "GET", _method("frappe.desk.form.load.getdoc"), params=ref),
		Attempt("print view (shared event)", "GET", "/printview", params={**ref, "format": "Standard"}),
	]


def tag_attempts(attacker: Attacker, world) -> list[Attempt]:
	"""Frappe's Tag Link is readable by every login with no record rule: a tag staff put on another
	partnership's retention issue lists it, titled with its participant's name."""
	return [
		Attempt(
			"get_documents_for_tag",
			"GET",
			_method("frappe.desk.doctype.tag.tag.get_documents_for_tag"),
			params={"tag": f"#iso-{world.tag}"},
		),
		Attempt("REST list of Tag Link", "GET", "/api/resource/Tag Link", params={"fields": _j(["*"])}),
	]


def desk_form_attempts(attacker: Attacker, world) -> list[Attempt]:
	"""The desk form of the employer's own records (getdoc, get_docinfo): it carries the agency's
	comments, the emails to the case manager, the version history (level-1 values included) and the
	assignments."""
	out = []
	for doctype, names in attacker.side.records.items():
		for name in names:
			ref = {"doctype": doctype, "name": name}
			out += [
				Attempt("getdoc (own)", "GET", _method("frappe.desk.form.load.getdoc"), params=ref),
				Attempt("get_docinfo (own)", "GET", _method("frappe.desk.form.load.get_docinfo"), params=ref),
			]
	return out


def print_title_attempts(attacker: Attacker, world) -> list[Attempt]:
	"""The print view of the employer's own placements: its <title> is the placement's title field,
	the participant's full name (level 1); the body hides it."""
	return [
		Attempt(
			"print view (own)",
			"GET",
			"/printview",
			params={"doctype": "Placement", "name": name, "format": "Standard"},
		)
		for name in attacker.side.placements
	]


def level_1_table_attempts(attacker: Attacker, world) -> list[Attempt]:
	"""A list of the employer's own placements and issues asking for the columns of their level-1
	tables (retention bonuses, interventions): Frappe checks the child fields' own permission
	level, not the level of the table field that holds them."""
	return [_child_columns_list(parent, child) for child, parent in CHILDREN.items() if _level_1(child)]


KNOWN_GAPS = {
	"child tables read on their own": (
		child_table_attempts,
		"Frappe 15 checks a child row against its parent doctype's role permission only; needs "
		"permission_query_conditions for the child doctypes and a has_child_permission fix "
		"(hooks.py / permissions.py / frappe_fixes.py)",
	),
	"invitee columns in an event list": (
		invitee_field_attempts,
		"joined child rows are not limited by the parent's rule; needs the invitee table at "
		"permlevel 1 (doctype JSON) or a rule on the child doctype",
	),
	"the shared event by its name": (
		shared_event_attempts,
		"an employer reads every invitee row of a shared event; needs the invitee table at "
		"permlevel 1 (doctype JSON) or the controller to drop other partnerships' rows",
	),
	"level-1 tables' columns in a list of their own": (
		level_1_table_attempts,
		"db_query checks a child column's own permlevel, not its table field's; needs the fix in "
		"frappe_fixes.py (DatabaseQuery.apply_fieldlevel_read_permissions)",
	),
	"Frappe's tags": (
		tag_attempts,
		"Tag Link is readable by All with no record rule; needs a permission_query_conditions "
		"hook on Tag Link (hooks.py / permissions.py)",
	),
	"the desk form of their own records": (
		desk_form_attempts,
		"getdoc/get_docinfo return comments, communications, versions and assignments to any "
		"reader; needs the desk form methods refused to portal users (hooks.py)",
	),
	"the print view title of their own placements": (
		print_title_attempts,
		"Placement's title field is participant_name (level 1); needs title_field participant_label "
		"(doctype JSON) or a get_title that honours permission levels",
	),
}


@pytest.mark.parametrize("gap", list(KNOWN_GAPS))
def test_closed_gap(live_site, world, gap):
	plan, _why = KNOWN_GAPS[gap]
	attackers, _elapsed = _attack(live_site, world, plan)
	leaks = [leak for a in attackers for leak in a.leaks]
	assert not leaks, _summary(leaks)


def test_a_refused_print_view_is_not_logged_as_a_print(live_site, world):
	def prints() -> int:
		frappe.db.rollback()
		users = [side.email for side in world.sides]
		names = [name for side in world.sides for _doctype, name in side.names()]
		return frappe.db.count("Access Log", {"user": ("in", users), "reference_document": ("in", names)})

	def print_theirs(attacker: Attacker, world) -> list[Attempt]:
		return [
			Attempt("print view", "GET", "/printview", params={"doctype": d, "name": n, "format": "Standard"})
			for d, n in attacker.victim.names()
		]

	before = prints()
	attackers, _elapsed = _attack(live_site, world, print_theirs)
	assert not [leak for a in attackers for leak in a.leaks]
	assert prints() == before, "refused print views logged as prints"


def like_attempts(attacker: Attacker, world) -> list[Attempt]:
	"""Likes on the victim's records (Frappe's toggle_like checks no permission)."""
	return [
		Attempt(
			"frappe.desk.like.toggle_like",
			"POST",
			_method("frappe.desk.like.toggle_like"),
			data={"doctype": doctype, "name": name, "add": "Yes"},
			write=True,
		)
		for doctype, names in attacker.victim.records.items()
		for name in names
	]


def test_no_likes_on_their_records(live_site, world):
	before = site_state(world.sides, world.shared_event)
	attackers, _elapsed = _attack(live_site, world, like_attempts)
	after = site_state(world.sides, world.shared_event)
	assert not [leak for a in attackers for leak in a.leaks]
	changed = sorted(str(k) for k in before if before[k] != after.get(k))
	assert not changed, changed
