"""Employer services: which establishments the agency served, when, and the two employer measures
WIOA piloted from 2016 to 2024, Repeat Business Customers and Employer Penetration.

Since the joint final rule of 23 February 2024 (89 FR 13814, effective 25 March 2024) the WIOA
indicator of Effectiveness in Serving Employers is Retention with the Same Employer (metrics/
wioa.py); the two pilot approaches are supplemental figures only (funder-definitions-notes.md,
"Former pilot approaches").

- **Establishment**: a hiring partnership.  A lead not converted to a partnership is an
  establishment of its own; once converted, its services before conversion are the
  partnership's.  (The rule's establishment is a worksite: a partnership with several worksites
  counts once.)
- **Served** (`SERVED_SQL`): a service dated that day: a job order opened, a referral sent, a
  placement started (workforce recruitment and training services), an interaction of a type in
  `SERVICE_INTERACTION_TYPES`, or attendance at an event of a type in `SERVICE_EVENT_TYPES`.
- **Repeat Business Customers**, as TEGL 10-16 Change 1 words it: numerator = establishments
  served in the reporting period *and* at any time in the three years before it; denominator =
  establishments served at any time in those three years.
- **Employer Penetration**: establishments served in the reporting period / the establishments
  in the area (Settings, from the BLS QCEW count the rule names).

The reporting period is the cohort (`%(start)s` .. `%(end)s`, metrics/period.py); the three years
before it are `%(start)s` - 3 years .. the day before `%(start)s`.
"""

import frappe

from employment_partners import arithmetic

# Employer Interaction types that are a service to the employer, not a contact about one: an
# Event is an information session, a job fair or a rapid response session the employer took part
# in (the employer services the WIOA pilot counted: employer information and support, workforce
# recruitment assistance, rapid response / business downsizing assistance; TEGL 10-16 Change 1,
# "Effectiveness in Serving Employers").  Calls, emails, meetings and site visits are outreach and
# account management, which the pilot did not count as a service.
SERVICE_INTERACTION_TYPES = ("Event",)
# Employer Appreciation Event types that serve the employer when it attends (workforce recruitment
# assistance); appreciation brunches and awards recognise an employer, they do not serve it
SERVICE_EVENT_TYPES = ("Job Fair",)

# (establishment, day) of every service, with %(service_interactions)s and %(service_events)s
SERVED_SQL = """
	select jo.hiring_partnership as establishment, ifnull(jo.open_date, date(jo.creation)) as day,
		'Job Order' as service
	from `tabJob Order` jo
	union all
	select r.hiring_partnership, r.referred_on, 'Referral'
	from `tabReferral` r where r.referred_on is not null
	union all
	select pl.hiring_partnership, pl.start_date, 'Placement'
	from `tabPlacement` pl
	union all
	select coalesce(nullif(i.hiring_partnership, ''), nullif(l.hiring_partnership, ''), concat('lead:', i.employer_lead)),
		date(i.interaction_date), 'Employer Interaction'
	from `tabEmployer Interaction` i
	left join `tabEmployer Lead` l on l.name = i.employer_lead
	where i.interaction_type in %(service_interactions)s
	union all
	select inv.hiring_partnership, ev.event_date, 'Employer Appreciation Event'
	from `tabEmployer Appreciation Invitee` inv
	join `tabEmployer Appreciation Event` ev
		on ev.name = inv.parent and inv.parenttype = 'Employer Appreciation Event'
	where inv.attended = 1 and ev.event_type in %(service_events)s
"""


def _values(period) -> dict:
	return {
		**period.values(),
		"service_interactions": SERVICE_INTERACTION_TYPES,
		"service_events": SERVICE_EVENT_TYPES,
	}


def employer_measures(period, establishments: int | None) -> dict:
	"""Establishments served in the period (`served`), in the three years before it
	(`served_before`, the repeat-business denominator) and in both (`repeat`); the repeat-business
	rate and the penetration of the area's `establishments` (None when Settings has no count)."""
	row = frappe.db.sql(
		f"""
		with served as ({SERVED_SQL}),
		per_establishment as (
			select s.establishment,
				max(s.day between %(start)s and %(end)s) as served_now,
				max(s.day < %(start)s) as served_before
			from served s
			where s.establishment is not null
				and s.day >= date_sub(%(start)s, interval 3 year) and s.day <= %(end)s
			group by s.establishment
		)
		select sum(served_now) as served, sum(served_before) as served_before,
			sum(served_now and served_before) as repeat_served
		from per_establishment
		""",
		_values(period),
		as_dict=True,
	)[0]
	served, before = int(row.served or 0), int(row.served_before or 0)
	repeat = int(row.repeat_served or 0)
	return {
		"served": served,
		"served_before": before,
		"repeat": repeat,
		"repeat_rate": arithmetic.percent(repeat, before),
		"establishments": establishments or None,
		"penetration": arithmetic.percent(served, establishments) if establishments else None,
	}
