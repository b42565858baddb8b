"""Digests: what a person would otherwise open a report to learn, by email.

Daily, to each Business Services Rep and each Case Manager (one email per person, with every
section their roles give them):
- BSR: their leads whose next follow-up is due or past; employers' messages on their leads and
  partnerships still waiting for the agency's reply past the reply SLA; retention issues
  reported on their partnerships since yesterday's digest;
- Case Manager: their open follow-ups overdue or due within the week; their participants at
  High risk of separating within 30 days (the early warning, with its reasons); the retention
  issues of their participants still waiting to be acknowledged.
Weekly, to each Partnership Manager: partnerships that fell into At risk this week (health over
the last 365 days, today against a week ago), and the week's placements and separations.

Nothing is sent to someone with nothing to read, and nothing twice: a person gets one daily
digest a day and one weekly digest a week however often the job runs (the day or week sent is
kept as the user's default `ep_daily_digest_sent` / `ep_weekly_digest_sent`).  Each person can turn either digest off in
their Notification Settings (the two "Employment Partners" checks; email notifications off
turns them off too).  Sent by the scheduler (hooks.py); queued like every Frappe email.
"""

import frappe
from frappe import _
from frappe.utils import add_days, add_to_date, get_url_to_form, getdate, now_datetime, today

from employment_partners.metrics import early_warning
from employment_partners.metrics import partnerships as partnership_metrics
from employment_partners.metrics import period as periods
from employment_partners.metrics import retention as retention_metrics
from employment_partners.pipeline import organisations, stages
from employment_partners.placements import placements
from employment_partners.retention import issues
from employment_partners.utils import can_send_email

BSR, CASE_MANAGER, MANAGER = "Business Services Rep", "Case Manager", "Partnership Manager"
DAILY_FIELD, WEEKLY_FIELD = "ep_daily_digest", "ep_weekly_digest"
DAILY_SENT, WEEKLY_SENT = "ep_daily_digest_sent", "ep_weekly_digest_sent"
TEMPLATE = "ep_digest"
AT_RISK_IN_DIGEST = 10


def recipients(role: str, optin_field: str) -> list[str]:
	"""Enabled users with the role who have not turned the digest (or email notifications) off."""
	rows = frappe.db.sql(
		f"""
		select distinct u.name
		from `tabUser` u
		join `tabHas Role` r on r.parent = u.name and r.parenttype = 'User' and r.role = %(role)s
		left join `tabNotification Settings` ns on ns.name = u.name
		where u.enabled = 1 and u.user_type = 'System User'
			and ifnull(ns.enabled, 1) = 1 and ifnull(ns.enable_email_notifications, 1) = 1
			and ifnull(ns.`{optin_field}`, 1) = 1
		order by u.name
		""",
		{"role": role},
	)
	return [row[0] for row in rows]


# ------------------------------------------------------------------ what each person reads
def bsr_sections(user: str, now=None) -> list[dict]:
	now = now or now_datetime()
	on = getdate(now)
	leads = frappe.get_all(
		"Employer Lead",
		filters={"assigned_bsr": user, "stage": ("!=", stages.LOST), "next_follow_up_date": ("<=", on)},
		fields=["name", "organisation_name", "stage", "next_follow_up_date"],
		order_by="next_follow_up_date, name",
	)
	replies = frappe.db.sql(
		"""
		select e.name, e.employer_name, e.interaction_date, e.reply_due_on, e.summary
		from `tabEmployer Interaction` e
		left join `tabEmployer Lead` l on l.name = e.employer_lead
		left join `tabHiring Partnership` hp on hp.name = e.hiring_partnership
		where e.direction = 'Inbound' and e.needs_reply = 1 and e.replied_on is null
			and e.reply_due_on < %(now)s
			and (hp.assigned_bsr = %(user)s or (hp.name is null and l.assigned_bsr = %(user)s))
		order by e.reply_due_on
		""",
		{"user": user, "now": now},
		as_dict=True,
	)
	new_issues = frappe.get_all(
		"Retention Issue Report",
		filters={"assigned_bsr": user, "reported_on": (">", add_to_date(now, days=-1))},
		fields=["name", "employer_name", "participant_label", "issue_type", "severity", "reported_on"],
		order_by="reported_on",
	)
	return [
		_section(
			_("Leads due a follow-up"),
			[
				_item(
					"Employer Lead",
					lead.name,
					lead.organisation_name,
					_("{0}: follow-up due {1}").format(
						_(lead.stage), frappe.format(lead.next_follow_up_date, "Date")
					),
					overdue=getdate(lead.next_follow_up_date) < on,
				)
				for lead in leads
			],
		),
		_section(
			_("Employers waiting for a reply past the SLA"),
			[
				_item(
					"Employer Interaction",
					row.name,
					row.employer_name,
					_("reply was due {0}: {1}").format(
						frappe.format(row.reply_due_on, "Datetime"), row.summary or ""
					),
					overdue=True,
				)
				for row in replies
			],
		),
		_section(
			_("New retention issues on your partnerships"),
			[
				_item(
					"Retention Issue Report",
					row.name,
					row.employer_name,
					_("{0} ({1}) with {2}").format(_(row.issue_type), _(row.severity), row.participant_label),
				)
				for row in new_issues
			],
		),
	]


def case_manager_sections(user: str, now=None) -> list[dict]:
	now = now or now_datetime()
	on = getdate(now)
	due = retention_metrics.follow_ups_due(on, 7, user)
	at_risk = early_warning.at_risk(on, ("High",), case_manager=user, reader=user)[:AT_RISK_IN_DIGEST]
	waiting = frappe.get_all(
		"Retention Issue Report",
		filters={"case_manager": user, "status": issues.NEW},
		fields=["name", "employer_name", "participant_label", "issue_type", "acknowledge_due"],
		order_by="acknowledge_due",
	)
	return [
		_section(
			_("Follow-ups overdue or due this week"),
			[
				_item(
					"Retention Follow-up",
					row.name,
					row.participant_name,
					_("{0}: {1}, due {2}").format(
						_(row.standing), row.label, frappe.format(row.due_date, "Date")
					),
					overdue=row.standing == retention_metrics.OVERDUE,
				)
				for row in due
			],
		),
		_section(
			_("At risk this week"),
			[
				_item(
					"Placement",
					row.placement,
					row.participant_name,
					_("{0} risk ({1}%) of leaving {2} within 30 days: {3}").format(
						_(row.band), round(row.risk), row.employer_name, row.reason_text
					),
					overdue=row.band == "High",
				)
				for row in at_risk
			],
		),
		_section(
			_("Retention issues waiting to be acknowledged"),
			[
				_item(
					"Retention Issue Report",
					row.name,
					row.employer_name,
					_("{0} with {1}; acknowledge by {2}").format(
						_(row.issue_type),
						row.participant_label,
						frappe.format(row.acknowledge_due, "Datetime"),
					),
					overdue=row.acknowledge_due and row.acknowledge_due < now,
				)
				for row in waiting
			],
		),
	]


def manager_sections(on=None) -> list[dict]:
	on = getdate(on or today())
	week_ago = add_days(on, -7)
	now = {
		r["name"]: r
		for r in partnership_metrics.partnership_health(
			periods.from_filters({}, 365, on=on), status=organisations.ACTIVE
		)
	}
	before = {
		r["name"]: r["band"]
		for r in partnership_metrics.partnership_health(
			periods.from_filters({}, 365, on=week_ago), status="Active"
		)
	}
	fell = [
		row
		for name, row in now.items()
		if row["band"] == partnership_metrics.AT_RISK and before.get(name) != partnership_metrics.AT_RISK
	]
	started = frappe.get_all(
		"Placement",
		filters={"start_date": ("between", (add_days(week_ago, 1), on))},
		fields=["name", "participant_name", "employer_name", "job_title", "start_date"],
		order_by="start_date",
	)
	separated = frappe.get_all(
		"Placement",
		filters={"status": placements.ENDED, "end_date": ("between", (add_days(week_ago, 1), on))},
		fields=["name", "participant_name", "employer_name", "separation_reason", "end_date"],
		order_by="end_date",
	)
	return [
		_section(
			_("Partnerships that fell into At risk"),
			[
				_item(
					"Hiring Partnership",
					row["name"],
					row["partner_name"],
					_("health {0} (was {1} a week ago)").format(
						row["health_score"], _(before.get(row["name"]) or "-")
					),
					overdue=True,
				)
				for row in fell
			],
		),
		_section(
			_("Placements this week"),
			[
				_item(
					"Placement",
					row.name,
					row.participant_name,
					_("{0} at {1}, started {2}").format(
						row.job_title, row.employer_name, frappe.format(row.start_date, "Date")
					),
				)
				for row in started
			],
		),
		_section(
			_("Separations this week"),
			[
				_item(
					"Placement",
					row.name,
					row.participant_name,
					_("left {0} on {1}: {2}").format(
						row.employer_name, frappe.format(row.end_date, "Date"), _(row.separation_reason or "")
					),
					overdue=True,
				)
				for row in separated
			],
		),
	]


def _section(title: str, items: list[dict]) -> dict:
	return {"title": title, "items": items}


def _item(doctype: str, name: str, title: str | None, detail: str, overdue: bool = False) -> dict:
	return {
		"url": get_url_to_form(doctype, name),
		"title": title or name,
		"detail": detail,
		"overdue": bool(overdue),
	}


# ------------------------------------------------------------------ sending
def send(user: str, subject: str, sections: list[dict]) -> bool:
	"""Queue one digest email when any section has something in it; True when one was queued."""
	sections = [section for section in sections if section["items"]]
	if not sections or not can_send_email():  # kept for a day the site can send it
		return False
	frappe.sendmail(
		recipients=[user],
		subject=subject,
		template=TEMPLATE,
		args={"sections": sections, "settings_url": get_url_to_form("Notification Settings", user)},
		reference_doctype="User",
		reference_name=user,
	)
	return True


def _sent_already(user: str, key: str, mark: str) -> bool:
	# read from the table, not the defaults cache: a run rolled back must not leave it "sent"
	return frappe.db.get_value("DefaultValue", {"parent": user, "defkey": key}, "defvalue") == mark


def _mark_sent(user: str, key: str, mark: str):
	frappe.defaults.set_user_default(key, mark, user)


def send_daily(now=None) -> list[str]:
	"""Daily (scheduler): each BSR's and case manager's digest, once a day; returns who got one."""
	now = now or now_datetime()
	day = str(getdate(now))
	bsrs = set(recipients(BSR, DAILY_FIELD))
	case_managers = set(recipients(CASE_MANAGER, DAILY_FIELD))
	sent = []
	for user in sorted(bsrs | case_managers):
		if _sent_already(user, DAILY_SENT, day):
			continue

		def digest(user=user):
			sections = (bsr_sections(user, now) if user in bsrs else []) + (
				case_manager_sections(user, now) if user in case_managers else []
			)
			return send(user, _("Your day: employer pipeline and job retention"), sections)

		if _each_recipient(user, digest):
			_mark_sent(user, DAILY_SENT, day)
			sent.append(user)
	return sent


def _each_recipient(user: str, digest) -> bool:
	"""One recipient's digest: a failure is logged (Error Log) and undone for that recipient
	alone, and the run goes on to the next; their digest is not marked sent, so it is tried again."""
	frappe.db.savepoint("ep_digest")
	try:
		return digest()
	except Exception:
		frappe.db.rollback(save_point="ep_digest")
		frappe.log_error(
			title=_("Digest for {0} not sent").format(user), reference_doctype="User", reference_name=user
		)
		return False


def send_weekly(on=None) -> list[str]:
	"""Weekly (scheduler): the Partnership Managers' digest, once an ISO week; returns who got one."""
	year, week, _day = getdate(on or today()).isocalendar()
	mark = f"{year}-W{week:02d}"
	sections = manager_sections(on)
	sent = []
	for user in recipients(MANAGER, WEEKLY_FIELD):
		if not _sent_already(user, WEEKLY_SENT, mark) and _each_recipient(
			user, lambda user=user: send(user, _("Your week: partnerships and placements"), sections)
		):
			_mark_sent(user, WEEKLY_SENT, mark)
			sent.append(user)
	return sent
