"""Today's single follow-up schedule and exit date of each participant become one program
enrolment, keeping every follow-up and what it recorded.

1. each follow-up schedule a participant used (theirs, else the Settings default) gets a program:
   the shipped program of that schedule when the site has it, else a new program named after
   the schedule (counting in 15D when the schedule has outcome milestones, in WIOA when it is the
   shipped WIOA schedule);
2. each participant gets one enrolment in it, from their enrolment date to their exit date;
3. their follow-ups after exit (no placement) are stamped with that enrolment, so a later save
   finds them and makes nothing twice;
4. Settings enrols new participants in the default schedule's program.

Idempotent: a participant who already has an enrolment is left alone.
"""

import frappe
from frappe.utils import getdate

from employment_partners import defaults
from employment_partners.retention import follow_ups, schedule


def execute():
	# a site installed after programs never runs this (Frappe marks an installed app's patches
	# done); one upgraded from before participants had a schedule (v1_1) never had the column:
	# each of its participants follows the Settings default
	has_column = frappe.db.has_column("Participant", "follow_up_schedule")
	own_schedule = "nullif(p.follow_up_schedule, '')" if has_column else "null"
	defaults.ensure_defaults()  # the shipped programs first (after_migrate runs after the patches)
	default = follow_ups.default_schedule()
	people = frappe.db.sql(
		f"""
		select p.name, p.enrolment_date, p.exit_date, {own_schedule} as schedule
		from `tabParticipant` p
		where not exists (select 1 from `tabProgram Enrolment` e where e.parent = p.name and e.parenttype = 'Participant')
		""",
		as_dict=True,
	)
	programs: dict[str, str] = {}
	for person in people:
		schedule_name = person.schedule or default
		if not schedule_name:
			continue
		program = programs.get(schedule_name) or program_for(schedule_name)
		programs[schedule_name] = program
		row = frappe.get_doc(
			{
				"doctype": "Program Enrolment",
				"parent": person.name,
				"parenttype": "Participant",
				"parentfield": "enrolments",
				"idx": 1,
				"program": program,
				"enrolled_on": person.enrolment_date or person.exit_date or getdate(),
				"exit_date": person.exit_date,
			}
		)
		row.db_insert()
		frappe.db.sql(
			"""update `tabRetention Follow-up` set program = %s, program_enrolment = %s
			where participant = %s and ifnull(placement, '') = '' and ifnull(program_enrolment, '') = ''""",
			(program, row.name, person.name),
		)
	set_default_programs(programs.get(default) or (program_for(default) if default else None))


def program_for(schedule_name: str) -> str:
	"""The program that owes this schedule's follow-ups: an existing one, else one made now."""
	existing = frappe.db.get_value(
		"Program", {"follow_up_schedule": schedule_name}, "name", order_by="creation"
	)
	if existing:
		return existing
	has_milestones = frappe.db.exists(
		"Follow-up Schedule Row",
		{"parent": schedule_name, "parenttype": "Follow-up Schedule", "outcome_milestone": ("is", "set")},
	)
	name = schedule_name
	while frappe.db.exists("Program", name):
		name = f"{schedule_name} (program)"
	doc = frappe.get_doc(
		{
			"doctype": "Program",
			"program_name": name,
			"follow_up_schedule": schedule_name,
			"counts_in_15d": 1 if has_milestones else 0,
			"counts_in_wioa": 1 if schedule_name == schedule.WIOA_NAME else 0,
		}
	)
	doc.flags.ignore_permissions = True
	doc.flags.ignore_validate = True  # a custom schedule with no rows after exit still had enrolments
	doc.insert()
	return doc.name


def set_default_programs(program: str | None):
	settings = frappe.get_single("Employment Partners Settings")
	if settings.default_programs or not program:
		return
	settings.append("default_programs", {"program": program})
	settings.flags.ignore_permissions = True
	settings.save()
