"""The employer pulse: the agency asks, the employer answers with one click.

For each current placement (Active or Transitioned to Permanent) of a partnership that has the pulse on, the employer's people (the
partnership's portal users, or else its primary contact) are asked "Is Maria S. still working with
you?", weekly while the placement is in its first `pulse_weekly_until_days` days (default 30) and
monthly after that until `pulse_monthly_until_days` (default 180); never while an earlier question
about the placement is still awaiting its answer.  One email per person lists their placements,
each with three links: All good, Concern, No longer employed.  A site with no outgoing email
account asks nothing (and reminds nobody) until it has one.

Each link carries a random token (secrets.token_urlsafe, 256 bits) that is stored only as its
SHA-256 hash on an Employer Pulse record bound to one placement and one recipient.  A token is
refused when unknown (tampered or replaced by a reminder's), answered already (single use: the
hash stays so that a second click is told when it was answered) or past its expiry (Settings:
pulse_link_days, default 14).  Unanswered after `pulse_answer_days` (Settings, default 3): one
reminder with a fresh link (the old one stops working); after as many days again, the
partnership's Business Services Rep is told.

The answers:
- All good: the placement's "employer last confirmed employment" date is set, and when a
  retention follow-up of the placement is open and due (due date reached, window not ended) a
  reached "Employer Verification" attempt is added to it: a verified contact.
- Concern: a Retention Issue Report through the Portal channel, reported by the pulse's contact.
- No longer employed: the employer's last day and reason are stored on the pulse, the placement is
  flagged for review (never ended automatically) and its case manager gets a ToDo and an email.

Response figures per partnership (metrics.pulse) are refreshed after every answer and every run.
"""

import hashlib
import re
import secrets
from datetime import date, datetime
from email import message_from_string

import frappe
from frappe import _
from frappe.utils import add_days, cint, get_datetime, get_url, getdate, now_datetime, time_diff_in_hours

from employment_partners import arithmetic, defaults
from employment_partners.metrics import pulse as pulse_metrics
from employment_partners.pipeline import organisations
from employment_partners.placements import placements
from employment_partners.portal import submissions
from employment_partners.retention import follow_ups, issues
from employment_partners.utils import can_send_email, get_settings

AWAITING, ANSWERED, EXPIRED = "Awaiting Answer", "Answered", "Expired"
ALL_GOOD, CONCERN, ENDED = "All Good", "Concern", "No Longer Employed"
# the answer in a link's query string -> the answer recorded
ANSWERS = {"good": ALL_GOOD, "concern": CONCERN, "ended": ENDED}
WEEKLY_UNTIL_DAYS, MONTHLY_UNTIL_DAYS = 30, 180
WEEKLY, MONTHLY = 7, 30
ANSWER_DAYS, LINK_DAYS = 3, 14
# the emails' words, as Email Template records (defaults/email_template.json) the agency may edit
QUESTION_TEMPLATE, UNANSWERED_TEMPLATE = "Employer Pulse Question", "Employer Pulse Unanswered"


class PulseRefused(frappe.ValidationError):
	"""A link that cannot be answered: unknown, used or expired."""


# --- the schedule ------------------------------------------------------------------------------


def interval_days(age_days: int, weekly_until: int, monthly_until: int) -> int | None:
	"""Days between questions for a placement `age_days` old; None when none is asked."""
	if age_days < 0 or age_days > monthly_until:
		return None
	return WEEKLY if age_days <= weekly_until else MONTHLY


def is_due(start_date, on: date, last_sent, weekly_until: int, monthly_until: int) -> bool:
	"""A question is due when the placement is in its asking period and the last one was sent at
	least an interval ago (or never)."""
	interval = interval_days((on - getdate(start_date)).days, weekly_until, monthly_until)
	if interval is None:
		return False
	return last_sent is None or (on - getdate(last_sent)).days >= interval


def _answer_days(settings) -> int:
	return cint(settings.pulse_answer_days) or ANSWER_DAYS


def _link_days(settings) -> int:
	return cint(settings.pulse_link_days) or LINK_DAYS


# --- tokens --------------------------------------------------------------------------------------


def hash_token(token: str) -> str:
	return hashlib.sha256((token or "").encode()).hexdigest()


def new_token() -> tuple[str, str]:
	token = secrets.token_urlsafe(32)
	return token, hash_token(token)


def answer_url(token: str, answer: str) -> str:
	return get_url(f"/partner/pulse?t={token}&a={answer}")


# --- sending -------------------------------------------------------------------------------------


def due_placements(on: date) -> list[dict]:
	"""Current placements (placements.CURRENT) whose question is due on `on`: one query, the schedule rule in Python."""
	rows = frappe.db.sql(
		"""
		select p.name, p.start_date, p.hiring_partnership, p.participant_label, p.job_title,
			coalesce(h.pulse_weekly_until_days, %(weekly)s) as weekly_until,
			coalesce(nullif(h.pulse_monthly_until_days, 0), %(monthly)s) as monthly_until,
			(select max(date(s.sent_on)) from `tabEmployer Pulse` s where s.placement = p.name) as last_sent
		from `tabPlacement` p
		join `tabHiring Partnership` h on h.name = p.hiring_partnership
		where p.status in %(current)s and h.pulse_enabled = 1 and h.status = %(partnership_active)s
			and p.start_date <= %(on)s and p.start_date >= %(earliest)s
			and datediff(%(on)s, p.start_date) <= coalesce(nullif(h.pulse_monthly_until_days, 0), %(monthly)s)
			and not exists (select 1 from `tabEmployer Pulse` w
				where w.placement = p.name and w.status = %(awaiting)s)
		order by p.hiring_partnership, p.start_date, p.name
		""",
		{
			"on": on,
			"weekly": WEEKLY_UNTIL_DAYS,
			"monthly": MONTHLY_UNTIL_DAYS,
			"awaiting": AWAITING,
			"current": placements.CURRENT,
			"partnership_active": organisations.ACTIVE,
			# no partnership asks past its longest asking period: a range the start-date index reads
			"earliest": add_days(on, -_longest_asking_days()),
		},
		as_dict=True,
	)
	return [
		r for r in rows if is_due(r.start_date, on, r.last_sent, cint(r.weekly_until), cint(r.monthly_until))
	]


def _longest_asking_days() -> int:
	longest = frappe.db.sql(
		"""select max(coalesce(nullif(pulse_monthly_until_days, 0), %s)) from `tabHiring Partnership`
		where pulse_enabled = 1""",
		MONTHLY_UNTIL_DAYS,
	)[0][0]
	return int(longest or MONTHLY_UNTIL_DAYS)


def recipients(partnership: str) -> list[dict]:
	"""Who is asked: the partnership's enabled portal users, else its primary contact's email."""
	rows = frappe.db.sql(
		"""
		select u.name as email, pu.contact
		from `tabHiring Partnership Portal User` pu
		join `tabUser` u on u.name = pu.user and u.enabled = 1
		where pu.parent = %s and pu.parenttype = 'Hiring Partnership'
		order by pu.idx
		""",
		partnership,
		as_dict=True,
	)
	if rows:
		return rows
	contact = frappe.db.get_value("Hiring Partnership", partnership, "primary_contact")
	email = contact and frappe.db.get_value("Contact", contact, "email_id")
	return [frappe._dict(email=email, contact=contact)] if email else []


def send_due(now: datetime | None = None) -> list[str]:
	"""Ask about every placement that is due; returns the Employer Pulse names made."""
	if not can_send_email():
		return []  # a question nobody can receive is not asked (and not counted as unanswered)
	now = get_datetime(now or now_datetime())
	settings = get_settings()
	made, letters = [], {}
	for row in due_placements(now.date()):
		for person in recipients(row.hiring_partnership):
			token, token_hash = new_token()
			pulse = frappe.get_doc(
				{
					"doctype": "Employer Pulse",
					"placement": row.name,
					"recipient_email": person.email,
					"contact": person.contact,
					"sent_on": now,
					"expires_on": add_days(now, _link_days(settings)),
					"token_hash": token_hash,
				}
			).insert(ignore_permissions=True)
			made.append(pulse.name)
			letters.setdefault(person.email, []).append((pulse, token))
	for email, items in letters.items():
		_send(email, items, reminder=False)
	return made


def _send(email: str, items: list, reminder: bool):
	questions = [
		{
			"participant": pulse.participant_label,
			"job_title": pulse.job_title,
			"employer": pulse.employer_name,
			"links": {key: answer_url(token, key) for key in ANSWERS},
		}
		for pulse, token in items
	]
	subject, message = _render(
		QUESTION_TEMPLATE,
		{
			"questions": questions,
			"count": len(questions),
			"first": questions[0]["participant"],
			"reminder": reminder,
			"expires_on": items[0][0].expires_on,
		},
	)
	frappe.sendmail(
		recipients=[email],
		subject=subject,
		message=message,
		reference_doctype="Hiring Partnership",
		reference_name=items[0][0].hiring_partnership,
	)


def _render(template: str, args: dict) -> tuple[str, str]:
	"""Subject and body from the agency's Email Template record (shipped in defaults/, editable in
	the desk), or from the shipped one if the agency deleted it: the pulse's emails carry links
	made at sending, which a Notification (it renders one stored record) cannot."""
	if frappe.db.exists("Email Template", template):
		doc = frappe.get_cached_doc("Email Template", template)
	else:
		doc = frappe.get_doc(defaults.shipped("Email Template", template))
	return doc.get_formatted_subject(args), doc.get_formatted_response(args)


def remind_and_escalate(now: datetime | None = None) -> dict[str, list[str]]:
	"""Unanswered after N days: one reminder (a fresh link); after N more days the rep is told."""
	if not can_send_email():
		return {"reminded": [], "told": []}
	now = get_datetime(now or now_datetime())
	settings = get_settings()
	days = _answer_days(settings)
	pulse = frappe.qb.DocType("Employer Pulse")
	base = frappe.qb.from_(pulse).select(pulse.name).where(pulse.status == AWAITING)
	to_remind = (
		base.where(pulse.reminded_on.isnull()).where(pulse.sent_on <= add_days(now, -days)).run(pluck=True)
	)
	letters = {}
	for name in to_remind:
		doc = frappe.get_doc("Employer Pulse", name)
		token, token_hash = new_token()
		doc.db_set(
			{"token_hash": token_hash, "reminded_on": now, "expires_on": add_days(now, _link_days(settings))}
		)
		letters.setdefault(doc.recipient_email, []).append((doc, token))
	for email, items in letters.items():
		_send(email, items, reminder=True)

	to_tell = (
		base.where(pulse.reminded_on.isnotnull())
		.where(pulse.bsr_notified_on.isnull())
		.where(pulse.reminded_on <= add_days(now, -days))
		.run(pluck=True)
	)
	by_rep = {}
	for name in to_tell:
		doc = frappe.get_doc("Employer Pulse", name)
		doc.db_set("bsr_notified_on", now)
		rep = frappe.db.get_value("Hiring Partnership", doc.hiring_partnership, "assigned_bsr")
		if rep:
			by_rep.setdefault(rep, []).append(doc)
	for rep, docs in by_rep.items():
		subject, message = _render(
			UNANSWERED_TEMPLATE,
			{"pulses": [d.as_dict() for d in docs], "url": get_url("/app/employer-pulse")},
		)
		frappe.sendmail(recipients=[rep], subject=subject, message=message)
	return {"reminded": to_remind, "told": to_tell}


def expire(now: datetime | None = None) -> list[str]:
	now = get_datetime(now or now_datetime())
	names = frappe.get_all(
		"Employer Pulse", filters={"status": AWAITING, "expires_on": ("<=", now)}, pluck="name"
	)
	for name in names:
		frappe.db.set_value("Employer Pulse", name, "status", EXPIRED)
	return names


def run_daily() -> dict[str, list[str]]:
	"""Scheduler: expire, remind and tell, ask what is due, refresh the partnership figures.
	Idempotent: run twice on a day, the second run creates and sends nothing."""
	now = now_datetime()
	done = {"expired": expire(now), **remind_and_escalate(now), "sent": send_due(now)}
	pulse_metrics.store_response_figures(now.date())
	return done


# --- answering -----------------------------------------------------------------------------------


LINK = re.compile(r"/partner/pulse\?t=([A-Za-z0-9_\-]+)&(?:amp;)?a=(good|concern|ended)")


def links_queued_for(recipient: str) -> list[dict[str, str]]:
	"""The answer links of every pulse email queued for `recipient`, newest email last; each
	question as {answer: token} (what the email's three buttons carry)."""
	out = []
	queued = frappe.get_all("Email Queue Recipient", filters={"recipient": recipient}, pluck="parent")
	for raw in frappe.get_all(
		"Email Queue",
		filters={"name": ("in", queued or [""])},
		fields=["name", "message"],
		order_by="creation asc",
	):
		body = ""
		for part in message_from_string(raw.message).walk():
			if part.get_content_type() == "text/html":
				body += part.get_payload(decode=True).decode()
		questions = {}
		for token, answer in LINK.findall(body):
			questions.setdefault(token, set()).add(answer)
		# each question carries the same token under its three answers
		out += [{a: token for a in answers} for token, answers in questions.items()]
	return out


def awaiting_link(recipient: str) -> str | None:
	"""The "all good" link of the newest question still awaiting `recipient`'s answer, as their
	email carries it (the demo prints one per employer; its emails are queued, never sent)."""
	for question in reversed(links_queued_for(recipient)):
		try:
			find(question["good"])
		except PulseRefused:
			continue
		return answer_url(question["good"], "good")
	return None


def find(token: str):
	"""The pulse a link's token is for, if it may still be answered; else PulseRefused."""
	name = frappe.db.get_value("Employer Pulse", {"token_hash": hash_token(token)}, "name") if token else None
	if not name:
		raise PulseRefused(_("This link is not valid. Please use the link in your most recent email."))
	doc = frappe.get_doc("Employer Pulse", name)
	if doc.status == ANSWERED:
		raise PulseRefused(
			_("This question was answered on {0}. Thank you.").format(
				frappe.format(doc.answered_on, "Datetime")
			)
		)
	if doc.status == EXPIRED or get_datetime(doc.expires_on) <= now_datetime():
		raise PulseRefused(
			_("This link expired on {0}. The agency will ask again.").format(
				frappe.format(doc.expires_on, "Datetime")
			)
		)
	return doc


def answer(token: str, answer_key: str, details: dict | None = None) -> "frappe.model.document.Document":
	"""Record one answer for the pulse the token is for; the token is then spent."""
	doc = find(token)
	chosen = ANSWERS.get(answer_key)
	if not chosen:
		raise PulseRefused(_("Choose All good, Concern or No longer employed."))
	details = frappe._dict(details or {})
	now = now_datetime()
	if chosen == ALL_GOOD:
		_all_good(doc, now)
	elif chosen == CONCERN:
		doc.retention_issue = _concern(doc, details, now)
	else:
		_ended(doc, details)
	doc.db_set(
		{
			"status": ANSWERED,
			"answer": chosen,
			"answered_on": now,
			"response_hours": arithmetic.hours(time_diff_in_hours(now, doc.sent_on)),
			"retention_issue": doc.retention_issue,
			"reported_end_date": doc.reported_end_date,
			"end_reason": doc.end_reason,
		}
	)
	if chosen == ENDED:
		# after the answer is stored: the case manager's notification quotes the employer's reason
		issues.employer_reported_end(doc.placement, doc.reported_end_date, doc.end_reason)
	pulse_metrics.store_response_figures(now.date(), [doc.hiring_partnership])
	return doc


def _all_good(doc, now):
	frappe.db.set_value("Placement", doc.placement, "last_employer_confirmation", now.date())
	follow_ups.record_attempt(
		doc.placement,
		now,
		method="Employer Verification",
		reached=True,
		notes=_("Employer pulse: {0} confirmed still employed").format(doc.recipient_email),
	)


def _concern(doc, details, now) -> str:
	report = issues.new_report(
		doc.placement,
		{
			**submissions.portal_report(doc.contact, frappe.session.user, now, details.severity),
			"issue_type": details.issue_type,
			"incident_start": details.incident_start or None,
			"incident_end": details.incident_end or None,
			"description": details.description,
		},
	)
	_require(report, ("issue_type", "description"))
	problem = submissions.input_problem(report)
	if problem:
		raise PulseRefused(problem)
	return issues.file_report(report)


def _ended(doc, details):
	start_date = frappe.db.get_value("Placement", doc.placement, "start_date")
	if not details.end_date:
		raise PulseRefused(_("Give the last day worked"))
	end_date = submissions.as_date(details.end_date)
	if not end_date:
		raise PulseRefused(_("Give the last day worked as a date"))
	if end_date > getdate() or end_date < getdate(start_date):
		raise PulseRefused(
			_("The last day worked must be between the start date {0} and today").format(
				frappe.format(start_date, "Date")
			)
		)
	reason = (details.reason or "").strip()
	if not reason:
		raise PulseRefused(_("Give the reason, in a few words"))
	if submissions.MARKUP.search(reason):
		raise PulseRefused(_("The reason contains HTML; please write it as plain text"))
	doc.reported_end_date, doc.end_reason = end_date, reason[:1000]


def _require(doc, fieldnames):
	for fieldname in fieldnames:
		if not doc.get(fieldname):
			raise PulseRefused(_("{0} is required").format(_(doc.meta.get_label(fieldname))))
