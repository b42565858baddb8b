"""Employer services and the former WIOA pilot measures (metrics/employer_services.py), on a
hand-made history; every figure worked out below.

Reporting period 2013-01-01 .. 2013-12-31 (as of 2013-12-31); the three years before it are
2010-01-01 .. 2012-12-31.

  establishment        services (date: what)                                     before  now
  Alder (partnership)  2011-03-01 job order; 2013-05-06 placement                   yes    yes
  Birch (partnership)  2009-12-31 job order (a day too old); 2013-02-01 referral    no     yes
  Cedar (partnership)  2010-01-01 job order (the first day of the three years)      yes    no
  Dogwood (a lead,     2012-06-11 Event; 2013-03-04 Event                           yes    yes
    never converted)
  Elm (a lead, then    2012-02-02 Event while a lead; converted; 2013-07-01         yes    yes
    a partnership)       job order: one establishment, not two
  Fir (partnership)    2012-05-07 Call, 2013-05-06 Meeting (contacts, not           no     yes
                         services); 2012-11-12 appreciation brunch attended (not
                         a service); 2013-09-09 job fair attended
  Gum (partnership)    2012-08-08 job order; 2014-01-15 referral (after the period) yes    no
  Hazel (partnership)  2013-09-09 job fair invited, not attended                     no     no

Served in 2013: Alder, Birch, Dogwood, Elm, Fir = 5.  Served in 2010-2012: Alder, Cedar,
Dogwood, Elm, Gum = 5.  Both: Alder, Dogwood, Elm = 3.
Repeat Business Customers (TEGL 10-16 Change 1): 3 / 5 = 60.0 %.  (The rule before, repeat /
served this period, happens to read 3 / 5 here too; test_the_denominator_is_the_three_years_before
tells the two apart.)
Employer Penetration with 50 establishments in Settings: 5 / 50 = 10.0 %.
"""

import frappe

from employment_partners.employment_partners.report.wioa_employer_services_performance.wioa_employer_services_performance import (
	execute,
)
from employment_partners.metrics import employer_services
from employment_partners.metrics import period as periods
from employment_partners.pipeline.conversion import convert_lead
from employment_partners.tests import EPTestCase
from employment_partners.tests.factories import (
	make_employer_lead,
	make_hiring_partnership,
	make_interaction,
	make_job_order,
	make_participant,
	make_placement,
	make_referral,
)

PERIOD = {"from_date": "2013-01-01", "to_date": "2013-12-31", "as_of": "2013-12-31"}


def event(name, event_type, day, attendance):
	"""An employer event on `day`; `attendance`: (partnership, attended)."""
	return frappe.get_doc(
		{
			"doctype": "Employer Appreciation Event",
			"event_name": name,
			"event_type": event_type,
			"event_date": day,
			"invitees": [{"hiring_partnership": hp, "attended": int(came)} for hp, came in attendance],
		}
	).insert()


def job_order(partnership, day):
	return make_job_order(hiring_partnership=partnership, open_date=day)


def referral(partnership, day):
	order = job_order(partnership, "2009-06-01")  # too old to count for anyone
	name = make_referral(order.name, make_participant(enrolment_date="2009-01-05").name).name
	frappe.db.set_value("Referral", name, "referred_on", day)


class TestEmployerServices(EPTestCase):
	def setUp(self):
		super().setUp()
		frappe.db.set_single_value("Employment Partners Settings", "establishments_count", 50)
		frappe.clear_document_cache("Employment Partners Settings", "Employment Partners Settings")
		hp = {n: make_hiring_partnership(partner_name=f"{n} ES Test").name for n in ("Alder", "Birch", "Cedar", "Fir", "Gum", "Hazel")}  # fmt: skip
		self.hp = hp
		job_order(hp["Alder"], "2011-03-01")
		alder_now = job_order(hp["Alder"], "2009-03-01")
		make_placement(
			alder_now.name, make_participant(enrolment_date="2012-01-02").name, start_date="2013-05-06"
		)
		job_order(hp["Birch"], "2009-12-31")
		referral(hp["Birch"], "2013-02-01")
		job_order(hp["Cedar"], "2010-01-01")
		dogwood = make_employer_lead(organisation_name="Dogwood ES Test").name
		make_interaction(
			employer_lead=dogwood, interaction_type="Event", interaction_date="2012-06-11 10:00:00"
		)
		make_interaction(
			employer_lead=dogwood, interaction_type="Event", interaction_date="2013-03-04 10:00:00"
		)
		elm = make_employer_lead(organisation_name="Elm ES Test").name
		make_interaction(employer_lead=elm, interaction_type="Event", interaction_date="2012-02-02 10:00:00")
		self.elm = convert_lead(elm)
		job_order(self.elm, "2013-07-01")
		make_interaction(
			hiring_partnership=hp["Fir"], interaction_type="Call", interaction_date="2012-05-07 10:00:00"
		)
		make_interaction(
			hiring_partnership=hp["Fir"], interaction_type="Meeting", interaction_date="2013-05-06 10:00:00"
		)
		event("Brunch ES Test", "Networking Brunch/Coffee", "2012-11-12", [(hp["Fir"], True)])
		event("Job Fair ES Test", "Job Fair", "2013-09-09", [(hp["Fir"], True), (hp["Hazel"], False)])
		job_order(hp["Gum"], "2012-08-08")
		referral(hp["Gum"], "2014-01-15")

	def measures(self, **filters):
		return employer_services.employer_measures(periods.from_filters({**PERIOD, **filters}), 50)

	def test_repeat_business_and_penetration(self):
		self.assertEqual(
			self.measures(),
			{
				"served": 5,  # Alder, Birch, Dogwood, Elm, Fir
				"served_before": 5,  # Alder, Cedar, Dogwood, Elm, Gum
				"repeat": 3,  # Alder, Dogwood, Elm
				"repeat_rate": 60.0,  # 3 / 5
				"establishments": 50,
				"penetration": 10.0,  # 5 / 50
			},
		)

	def test_the_denominator_is_the_three_years_before(self):
		# Birch's and Fir's services this year removed: served now Alder, Dogwood, Elm = 3, all of
		# them served before; served before still 5.  TEGL 10-16 Change 1: 3 / 5 = 60.0 %; the old
		# rule (repeat / served now) would read 3 / 3 = 100 %.
		frappe.db.delete("Referral", {"hiring_partnership": self.hp["Birch"]})
		frappe.db.delete("Employer Appreciation Event", {"event_name": "Job Fair ES Test"})
		figures = self.measures()
		self.assertEqual(
			(figures["served"], figures["served_before"], figures["repeat"], figures["repeat_rate"]),
			(3, 5, 3, 60.0),
		)

	def test_an_earlier_period_and_one_ended_by_the_as_of_day(self):
		# 2013 as of 2013-06-30: served now Alder (05-06 placement), Birch (02-01), Dogwood (03-04)
		# = 3 (Elm's 07-01 order and Fir's 09-09 fair are after the as-of day); repeat Alder,
		# Dogwood = 2 of the 5 served before: 40.0 %; penetration 3 / 50 = 6.0 %
		figures = self.measures(as_of="2013-06-30")
		self.assertEqual(
			(figures["served"], figures["served_before"], figures["repeat"], figures["repeat_rate"]),
			(3, 5, 2, 40.0),
		)
		self.assertEqual(figures["penetration"], 6.0)

	def test_the_wioa_report_rows_say_supplemental_and_cite_the_2024_rule(self):
		_columns, rows, definitions, _chart, _summary = execute(frappe._dict(PERIOD))
		by_measure = {row["measure"].split(" (")[0]: row for row in rows}
		repeat, penetration = by_measure["Repeat Business Customers"], by_measure["Employer Penetration"]
		self.assertEqual((repeat["numerator"], repeat["denominator"], repeat["value"]), (3, 5, 60.0))
		self.assertEqual(
			(penetration["numerator"], penetration["denominator"], penetration["value"]), (5, 50, 10.0)
		)
		for row in (repeat, penetration):
			self.assertIn("supplemental: former pilot approach, 2016–2024", row["measure"])
		self.assertIn("TEGL 10-16 Change 1", definitions)
		self.assertIn("89 FR 13814", definitions)
		self.assertEqual(
			definitions.count("supplemental: former pilot approach, 2016–2024"), 2, "both definitions"
		)

	def test_without_establishments_there_is_no_penetration(self):
		figures = employer_services.employer_measures(periods.from_filters(PERIOD), 0)
		self.assertEqual((figures["establishments"], figures["penetration"]), (None, None))
		self.assertEqual(figures["repeat_rate"], 60.0)
