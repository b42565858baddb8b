"""The retention early warning (early_warning/, metrics/early_warning.py) on hand-made histories.

The scored week (2009): twelve placements current on Monday 2009-03-02, no follow-ups, scored by
the points rule (3 % with no fact present; one point doubles the odds):
  A1 A2 A3  started 2009-02-16 (first 30 days: 2 points), a High concern reported 2009-02-25
            (recent concern 2, severe 2): 6 points, risk 0.03*64 / (0.97 + 0.03*64) = 66.436 %
  B1 B2 B3  started 2009-02-16, no concern: 2 points, risk 0.12 / 1.09 = 11.009 %
  C1 .. C6  started 2008-06-02, nothing: 0 points, risk 3 %
What happened: A1 and A2 Ended 2009-03-10; B1 Ended 2009-03-31 (the 29th day after, inside);
C1 Ended 2009-04-01 (the 30th, outside); C2 Completed 2009-03-05 (not a separation).
Separated: A1, A2, B1 (3 of 12).  Ranked A1 A2 A3 B1 B2 B3 C1 .. C6 (ties by placement id):
  top 10: A1..C4, 3 separated: 30 %;  top 10 % = ceil(1.2) = 2: A1 A2, both: 100 %,
  recall 2 / 3 = 66.7 %;  baseline (first 90 days): A and B, 6 flagged, 3 separated: precision
  50 %, recall 100 %;  Brier = (2 (1 - .66436)^2 + .66436^2 + (1 - .11009)^2 + 2 .11009^2
  + 6 .03^2) / 12.
  Calibration: 0-5 %: 6, predicted 3 %, 0 separated; 10-25 %: 3, 11.009 %, 1 (33.3 %);
  50-100 %: 3, 66.436 %, 2 (66.7 %).

The trained history (2011-2012), where the cause of separating is known: 40 people get a High
concern (on a day from 35 to 164 of the job) and are gone 10 days later; 80 hold steady; 10 get a Medium concern and stay;
10 leave on day 120 with no warning.  Trained on 2012-07-02, the concern must weigh most, and
among the placements current that day the five with a fresh concern are ranked first.
"""

import math

import frappe
from frappe.utils import add_days, getdate

from employment_partners.early_warning import features, model, scoring
from employment_partners.metrics import early_warning
from employment_partners.tests import EPTestCase
from employment_partners.tests.factories import (
	make_job_order,
	make_participant,
	make_placement,
	make_retention_issue,
	make_user,
)

SCORED = "2009-03-02"
RISK_A = round(100 * 0.03 * 64 / (0.97 + 0.03 * 64), 3)  # 66.436
RISK_B = round(100 * 0.12 / 1.09, 3)  # 11.009
RISK_C = 3.0


def lonely(year_from: str, year_to: str):
	"""Nothing else on the site has a placement running in these years."""
	assert not frappe.db.sql(
		"""select name from `tabPlacement` where start_date <= %s
		and (end_date is null or end_date >= %s) limit 1""",
		(year_to, year_from),
	), f"the site already has placements in {year_from} .. {year_to}"


def fresh_points_rule():
	scoring.store(model.points_rule(), scoring.ACTIVE, "test")


def place(order: str, key: str, start: str, case_manager: str | None = None, **values):
	person = make_participant(
		first_name=key, last_name="Early Warning", enrolment_date="2008-01-07", case_manager=case_manager
	)
	return make_placement(order, person.name, start_date=start, **values)


def end(placement, status: str, on: str):
	placement.reload()
	placement.update(
		{"status": status, "end_date": on, "separation_reason": "Quit" if status == "Ended" else None}
	)
	placement.save()


class ScoredWeek:
	"""The 2009 week above."""

	def __init__(self, case_managers=(None, None)):
		lonely("2008-01-01", "2009-12-31")
		order = make_job_order(openings=50).name
		self.order = order
		self.p = {}
		for i, key in enumerate(["A1", "A2", "A3", "B1", "B2", "B3", "C1", "C2", "C3", "C4", "C5", "C6"]):
			start = "2008-06-02" if key.startswith("C") else "2009-02-16"
			self.p[key] = place(order, key, start, case_manager=case_managers[i % 2])
		for key in ("A1", "A2", "A3"):
			make_retention_issue(self.p[key].name, severity="High", reported_on="2009-02-25 10:00:00")
		end(self.p["A1"], "Ended", "2009-03-10")
		end(self.p["A2"], "Ended", "2009-03-10")
		end(self.p["B1"], "Ended", "2009-03-31")
		end(self.p["C1"], "Ended", "2009-04-01")
		end(self.p["C2"], "Completed", "2009-03-05")
		# a history without follow-ups: nothing but what the week names counts
		frappe.db.delete("Retention Follow-up", {"placement": ("in", self.names())})
		fresh_points_rule()

	def names(self):
		return [p.name for p in self.p.values()]

	def rows(self) -> dict:
		return {
			r.placement: (r.risk, r.band, r.reasons)
			for r in frappe.get_all(
				scoring.RISK,
				filters={"placement": ("in", self.names())},
				fields=["placement", "risk", "band", "reasons"],
			)
		}


class TestTheModel(EPTestCase):
	def test_the_fit_recovers_known_coefficients(self):
		"""Patterns made from a known model, with counts large enough that the data are the
		model's expectation: the unpenalised fit gives the model back."""
		truth = {"first_30_days": 1.2, "concern_recent": 2.0, "part_time": -0.7}
		intercept = -2.5
		patterns = []
		for mask in range(8):
			facts = dict(zip(truth, [(mask >> i) & 1 for i in range(3)], strict=True))
			z = intercept + sum(c for code, c in truth.items() if facts[code])
			n = 10**7
			x = tuple(int(facts.get(code, 0)) for code in features.CODES)
			patterns.append((x, n, round(n * model.sigmoid(z))))
		fitted = model.fit(patterns, l2=1e-9)
		self.assertAlmostEqual(fitted.intercept, intercept, places=3)
		for code, c in truth.items():
			self.assertAlmostEqual(fitted.coefficients[code], c, places=3)
		# facts never seen are pulled to nothing by the penalty
		self.assertAlmostEqual(model.fit(patterns).coefficients["barrier_housing"], 0, places=6)

	def test_quality_is_worked_out_by_hand(self):
		"""Two patterns: risk 0.5 (2 rows, 1 separated) and risk 0.2 (3 rows, 1 separated).
		Brier = (0.25 + 0.25 + 0.64 + 2 * 0.04) / 5 = 0.244.  AUC: of 2 x 3 pairs (separated,
		stayed), ranked right: the 0.5 one over both 0.2 stayers (2), tied with the other 0.5
		(0.5), the 0.2 one tied with 2 stayers (2 * 0.5): 3.5 / 6."""
		half = model.Model(model.LOGISTIC, 0.0, {"part_time": math.log(0.2 / 0.8)})
		zero = tuple(0 for _ in features.CODES)
		part_time = tuple(int(code == "part_time") for code in features.CODES)
		quality = model.quality(half, [(zero, 2, 1), (part_time, 3, 1)])
		self.assertEqual((quality["rows"], quality["separations"]), (5, 2))
		self.assertAlmostEqual(quality["brier"], 0.244)
		self.assertAlmostEqual(quality["auc"], 3.5 / 6)

	def test_the_fit_refuses_history_with_one_outcome(self):
		zero = tuple(0 for _ in features.CODES)
		with self.assertRaises(ValueError):
			model.fit([(zero, 10, 0)])

	def test_the_points_rule(self):
		rule = model.points_rule()
		self.assertAlmostEqual(rule.risk({}), 0.03)
		self.assertAlmostEqual(100 * rule.risk({"first_30_days": 1}), RISK_B, places=3)
		self.assertEqual(
			rule.reasons({"first_30_days": 1, "concern_recent": 1, "part_time": 1}),
			["first_30_days", "concern_recent", "part_time"],
		)


class TestScoringAndTrackRecord(EPTestCase):
	def setUp(self):
		super().setUp()
		self.week = ScoredWeek()
		scoring.refresh(SCORED)

	def test_each_placement_is_scored_as_worked_out_by_hand(self):
		rows = self.week.rows()
		self.assertEqual(len(rows), 12)
		for key, placement in self.week.p.items():
			risk, band, reasons = rows[placement.name]
			expected = {"A": RISK_A, "B": RISK_B, "C": RISK_C}[key[0]]
			self.assertAlmostEqual(float(risk), expected, places=3, msg=key)
			self.assertEqual(band, model.band(expected / 100), key)
			if key.startswith("A"):
				self.assertEqual(reasons, "first_30_days,concern_recent,concern_severe")
			elif key.startswith("B"):
				self.assertEqual(reasons, "first_30_days")
			else:
				self.assertFalse(reasons)

	def test_the_track_record_is_worked_out_by_hand(self):
		weeks = early_warning.track_record(SCORED, SCORED, "2009-04-01")
		self.assertEqual(len(weeks), 1)
		week = weeks[0]
		self.assertEqual(str(week.week_start), SCORED)
		self.assertEqual((week.scored, week.separated, week.top_n, week.top_share_n), (12, 3, 10, 2))
		self.assertAlmostEqual(week.precision_top_n, 30.0)
		self.assertAlmostEqual(week.precision_top_share, 100.0)
		self.assertAlmostEqual(week.recall_top_share, 200 / 3)
		self.assertEqual(week.baseline_flagged, 6)
		self.assertAlmostEqual(week.baseline_precision, 50.0)
		self.assertAlmostEqual(week.baseline_recall, 100.0)
		a, b, c = RISK_A / 100, RISK_B / 100, RISK_C / 100
		brier = (2 * (1 - a) ** 2 + a**2 + (1 - b) ** 2 + 2 * b**2 + 6 * c**2) / 12
		self.assertAlmostEqual(week.brier, brier, places=9)

	def test_the_calibration_table_is_worked_out_by_hand(self):
		table = early_warning.calibration(SCORED, SCORED, "2009-04-01")
		expected = [
			(6, RISK_C, 0.0),
			(0, None, None),
			(3, RISK_B, 100 / 3),
			(0, None, None),
			(3, RISK_A, 200 / 3),
		]
		self.assertEqual(len(table), len(expected))
		for row, (n, predicted, observed) in zip(table, expected, strict=True):
			self.assertEqual(row.placement_weeks, n, row.band)
			for got, want in ((row.predicted, predicted), (row.observed, observed)):
				if want is None:
					self.assertIsNone(got, row.band)
				else:
					self.assertAlmostEqual(got, want, places=9, msg=row.band)

	def test_a_week_is_judged_only_once_its_30_days_have_passed(self):
		self.assertEqual(early_warning.track_record(SCORED, SCORED, "2009-03-31"), [])
		self.assertEqual(early_warning.open_weeks(SCORED, SCORED, "2009-03-31"), 1)
		self.assertEqual(early_warning.open_weeks(SCORED, SCORED, "2009-04-01"), 0)

	def test_a_later_scoring_in_the_week_keeps_what_was_said_at_its_start(self):
		make_retention_issue(self.week.p["C3"].name, severity="Critical", reported_on="2009-03-03 09:00:00")
		scoring.refresh("2009-03-04")
		row = frappe.get_doc(scoring.RISK, {"placement": self.week.p["C3"].name})
		self.assertEqual((float(row.risk_at_start), str(row.scored_at_start)), (RISK_C, SCORED))
		self.assertGreater(float(row.risk), RISK_C)
		self.assertEqual(str(row.scored_on), "2009-03-04")
		# the track record judges the start
		self.assertAlmostEqual(
			early_warning.track_record(SCORED, SCORED, "2009-04-01")[0].precision_top_n, 30.0
		)

	def test_nothing_dated_after_the_day_changes_its_score(self):
		"""Data dated after the scored day moves nothing scored for that day; the same data dated
		that day does (so the test can see a change)."""
		before = self.week.rows()
		p = self.week.p
		make_retention_issue(p["C3"].name, severity="Critical", reported_on="2009-03-03 08:00:00")
		follow_up = frappe.get_doc(
			{
				"doctype": "Retention Follow-up",
				"participant": p["B2"].participant,
				"placement": p["B2"].name,
				"label": "Check-in",
				"due_date": "2009-03-04",
				"window_end": "2009-03-10",
				"attempts": [{"attempted_on": "2009-03-04 10:00:00", "method": "Phone", "reached": 0}],
			}
		).insert()
		partner = frappe.get_doc(
			{
				"doctype": "Service Partner",
				"partner_name": "Early Warning Rides",
				"categories": [{"category": "Transportation"}],
			}
		).insert()
		frappe.get_doc(
			{
				"doctype": "Service Referral",
				"participant": p["C4"].participant,
				"category": "Transportation",
				"service_partner": partner.name,
				"referred_on": "2009-03-05",
				"status": "Referred",
			}
		).insert()
		person = frappe.get_doc("Participant", p["C5"].participant)
		person.append(
			"job_losses",
			{"employer": "Elsewhere Ltd", "end_date": "2009-03-06", "reason": "Quit"},
		)
		person.save()
		end(p["B3"], "Ended", "2009-03-20")
		frappe.db.delete(scoring.RISK, {"placement": ("in", self.week.names())})
		scoring.refresh(SCORED)
		self.assertEqual(self.week.rows(), before)
		self.assertTrue(follow_up.name)

		# the same concern dated the scored day counts
		make_retention_issue(p["C6"].name, severity="High", reported_on=f"{SCORED} 07:00:00")
		scoring.refresh(SCORED)
		after = self.week.rows()
		self.assertGreater(float(after[p["C6"].name][0]), RISK_C)
		self.assertEqual(after[p["C6"].name][2], "concern_recent,concern_severe")

	def test_a_placement_with_no_start_is_named_not_scored(self):
		"""A start date is required on the form; a placement loaded without one (an import) is
		left out of the scores and named on the At Risk list, never a traceback."""
		from frappe.desk.query_report import run

		frappe.db.set_value("Placement", self.week.p["C6"].name, "start_date", None)
		self.assertIn(self.week.p["C6"].name, scoring.refresh(SCORED)["unscored"])
		frappe.db.delete(scoring.RISK, {"placement": self.week.p["C6"].name})
		scoring.refresh(SCORED)
		self.assertNotIn(self.week.p["C6"].name, self.week.rows())
		message = run("At Risk This Week", {"as_of": SCORED})["message"]
		self.assertIn("have no start date and cannot be scored until one is entered: ", message)
		self.assertIn(self.week.p["C6"].name, message)


class TestTheDigest(EPTestCase):
	def test_a_case_manager_reads_their_people_at_high_risk_in_the_digest(self):
		"""Scored today: Ada, in her second week, a High concern yesterday (points rule: 6 points,
		66 %); Bo, another case manager's, the same; Cy, hers, a year in (3 %)."""
		from employment_partners import digests

		mine, theirs = make_user("Case Manager"), make_user("Case Manager")
		order = make_job_order(openings=5).name
		today = getdate()
		people = {}
		for key, case_manager, started in (
			("Ada", mine, add_days(today, -10)),
			("Bo", theirs, add_days(today, -10)),
			("Cy", mine, add_days(today, -400)),
		):
			people[key] = place(order, key, str(started), case_manager=case_manager)
		for key in ("Ada", "Bo"):
			make_retention_issue(
				people[key].name, severity="High", reported_on=f"{add_days(today, -1)} 09:00:00"
			)
		# no follow-ups: nothing but what the docstring names counts
		frappe.db.delete("Retention Follow-up", {"placement": ("in", [p.name for p in people.values()])})
		fresh_points_rule()
		scoring.refresh(today)
		section = next(s for s in digests.case_manager_sections(mine) if s["title"] == "At risk this week")
		self.assertEqual([item["title"] for item in section["items"]], [people["Ada"].participant_name])
		item = section["items"][0]
		self.assertIn("66%", item["detail"])
		self.assertIn(features.reason("concern_recent"), item["detail"])
		self.assertTrue(item["overdue"])


class TestTooLittleHistory(EPTestCase):
	def test_too_little_history_keeps_the_model_in_use(self):
		in_use, _ = scoring.active_model()
		name = scoring.train("2010-03-01")
		attempt = frappe.get_doc(scoring.MODEL, name)
		self.assertEqual(attempt.status, scoring.NOT_USED)
		self.assertIn("Too little history", attempt.note)
		self.assertEqual(scoring.active_model()[0], in_use)


class TestWhoSeesTheRisk(EPTestCase):
	def setUp(self):
		super().setUp()
		self.cm1, self.cm2 = make_user("Case Manager"), make_user("Case Manager")
		self.manager = make_user("Partnership Manager")
		self.week = ScoredWeek(case_managers=(self.cm1, self.cm2))
		scoring.refresh(SCORED)

	def report(self, user: str, **filters):
		from frappe.desk.query_report import run

		frappe.set_user(user)
		try:
			return run("At Risk This Week", {"as_of": SCORED, "band": "All", **filters})
		finally:
			frappe.set_user("Administrator")

	def allowed(self, user: str) -> list[str]:
		frappe.set_user(user)
		try:
			return frappe.get_list(
				scoring.RISK,
				filters={"week_start": SCORED, "placement": ("in", self.week.names())},
				pluck="placement",
			)
		finally:
			frappe.set_user("Administrator")

	def test_a_case_manager_sees_exactly_their_caseload_in_risk_order(self):
		mine = {p.name for i, p in enumerate(self.week.p.values()) if i % 2 == 0}
		self.assertEqual(set(self.allowed(self.cm1)), mine)
		result = self.report(self.cm1)["result"]
		shown = [row["placement"] for row in result if row["placement"] in self.week.names()]
		self.assertEqual(set(shown), mine)
		ordered = sorted(
			(row for row in result if row["placement"] in mine), key=lambda r: (-r["risk"], r["placement"])
		)
		self.assertEqual(shown, [row["placement"] for row in ordered])
		# by partnership: counts of the rows they may read, not everyone's
		counts = self.report(self.cm1, view="Partnerships")["result"]
		row = next(r for r in counts if r["hiring_partnership"] == self.week.p["A1"].hiring_partnership)
		self.assertEqual(row["scored"], len(mine))
		self.assertEqual(row["high"], sum(1 for key in ("A1", "A3") if self.week.p[key].name in mine))

	def test_a_manager_sees_every_placement(self):
		self.assertEqual(set(self.allowed(self.manager)), set(self.week.names()))
		counts = self.report(self.manager, view="Partnerships")["result"]
		row = next(r for r in counts if r["hiring_partnership"] == self.week.p["A1"].hiring_partnership)
		self.assertEqual((row["scored"], row["high"], row["medium"]), (12, 3, 3))

	def test_employers_and_reps_never_see_a_risk(self):
		from employment_partners.portal import users

		employer = f"ew-{frappe.generate_hash(length=6)}@employer.example.com"
		users.invite(self.week.p["A1"].hiring_partnership, employer, "Early", "Warning")
		rep = make_user("Business Services Rep")
		for user in (employer, rep):
			self.assertFalse(frappe.has_permission(scoring.RISK, "read", user=user))
			self.assertFalse(frappe.has_permission("Early Warning Model", "read", user=user))
			with self.assertRaises(frappe.PermissionError):
				self.report(user)

	def test_a_reason_from_a_field_the_reader_cannot_read_is_not_shown(self):
		rep = make_user("Business Services Rep")
		self.assertNotIn("barrier_personal", early_warning.visible_codes(rep))
		self.assertIn("barrier_personal", early_warning.visible_codes(self.cm1))
		codes = "barrier_personal,first_30_days"
		self.assertEqual(
			early_warning.reasons_for(codes, early_warning.visible_codes(rep)),
			[features.reason("first_30_days")],
		)

	def test_plan_a_check_in(self):
		from employment_partners.api.early_warning import plan_check_in

		a1 = self.week.p["A3"]
		frappe.db.set_value("Placement", a1.name, "start_date", add_days(getdate(), -20))
		frappe.set_user(self.cm1 if a1.name in self.allowed(self.cm1) else self.cm2)
		made = plan_check_in(a1.name)
		follow_up = frappe.get_doc("Retention Follow-up", made["follow_up"])
		self.assertEqual((follow_up.placement, follow_up.status), (a1.name, "Open"))
		self.assertEqual(str(follow_up.due_date), str(getdate()))
		# once: the open one is given back
		self.assertEqual(plan_check_in(a1.name)["follow_up"], follow_up.name)
		frappe.set_user("Administrator")
		with self.assertRaisesRegex(frappe.ValidationError, "ended on"):
			plan_check_in(self.week.p["A1"].name)
		with self.assertRaisesRegex(frappe.MandatoryError, "Placement is required"):
			plan_check_in(None)


class TestTraining(EPTestCase):
	"""The 2011-2012 history above, trained on 2012-07-02."""

	TRAINED_ON = "2012-07-02"

	def setUp(self):
		super().setUp()
		lonely("2010-06-01", "2012-12-31")
		order = make_job_order(openings=500).name
		self.warned, self.fresh = [], []
		for i in range(40):
			# the concern comes on day 35 to 164 of the job, so the time in the job tells nothing
			start, day = add_days("2011-03-07", 7 * i), 35 + (37 * i) % 130
			p = place(order, f"W{i}", start)
			make_retention_issue(p.name, severity="High", reported_on=f"{add_days(start, day)} 09:00:00")
			end(p, "Ended", add_days(start, day + 10))
			self.warned.append(p)
		self.steady = [place(order, f"S{j}", add_days("2011-01-03", 5 * j)) for j in range(80)]
		for k in range(10):
			p = place(order, f"F{k}", add_days("2011-05-02", 14 * k))
			make_retention_issue(
				p.name, severity="Medium", reported_on=f"{add_days(p.start_date, 60)} 09:00:00"
			)
			q = place(order, f"Q{k}", add_days("2011-04-04", 14 * k))
			end(q, "Ended", add_days(q.start_date, 120))
		for n in range(5):
			p = place(order, f"N{n}", "2012-04-02")
			make_retention_issue(p.name, severity="High", reported_on="2012-06-25 09:00:00")
			self.fresh.append(p)

	def test_the_known_cause_weighs_most_and_its_people_are_ranked_first(self):
		name = scoring.train(self.TRAINED_ON)
		trained = frappe.get_doc(scoring.MODEL, name)
		self.assertEqual((trained.method, trained.status), (model.LOGISTIC, scoring.ACTIVE), trained.note)
		self.assertGreaterEqual(trained.separations, model.MIN_SEPARATIONS)
		self.assertGreater(trained.holdout_rows, 0)
		coefficients = {row.feature: row.coefficient for row in trained.coefficients}
		concern = coefficients["concern_recent"] + coefficients["concern_severe"]
		self.assertEqual(max(coefficients, key=coefficients.get)[:7], "concern", coefficients)
		self.assertGreater(concern, 2)
		scoring.refresh(self.TRAINED_ON)
		ranked = frappe.get_all(
			scoring.RISK,
			filters={"week_start": self.TRAINED_ON},
			order_by="risk desc, placement asc",
			pluck="placement",
		)
		self.assertEqual(set(ranked[:5]), {p.name for p in self.fresh})
		self.assertEqual(frappe.db.get_value(scoring.RISK, {"placement": self.fresh[0].name}, "model"), name)

	def test_training_reads_nothing_dated_after_its_day(self):
		days = scoring.training_days(self.TRAINED_ON)
		before = sorted(scoring.patterns(days))
		after_day = add_days(self.TRAINED_ON, 1)
		for p in self.fresh:
			end(p, "Ended", after_day)
		make_retention_issue(
			self.steady[-1].name, severity="Critical", reported_on=f"{self.TRAINED_ON} 10:00:00"
		)
		self.assertEqual(sorted(scoring.patterns(days)), before)
		# the same concern dated inside the window is read
		make_retention_issue(self.steady[-2].name, severity="Critical", reported_on=f"{days[-1]} 08:00:00")
		self.assertNotEqual(sorted(scoring.patterns(days)), before)

	def test_a_failed_training_keeps_the_model_in_use(self):
		in_use, _ = scoring.active_model()
		fit = model.fit
		model.fit = lambda patterns, **kwargs: (_ for _ in ()).throw(ArithmeticError("no"))
		try:
			name = scoring.train(self.TRAINED_ON)
		finally:
			model.fit = fit
		attempt = frappe.get_doc(scoring.MODEL, name)
		self.assertEqual(attempt.status, scoring.NOT_USED)
		self.assertIn("Training failed", attempt.note)
		self.assertEqual(scoring.active_model()[0], in_use)


class TestTrackRecordChart(EPTestCase):
	"""The track record's chart reads whole beside many weeks (issue 23: labels cut to "0 ..." and
	"Precision, Top ..."): short week labels and line names, its title saying what is drawn."""

	def test_the_chart_says_what_it_draws_in_words_it_can_show_whole(self):
		from employment_partners.employment_partners.report.early_warning_track_record import (
			early_warning_track_record as report,
		)

		weeks = [
			frappe._dict(week_start=f"2026-06-{day:02d}", precision_top_share=30.0, baseline_precision=12.5)
			for day in (1, 8, 15, 22, 29)
		]
		chart = report.chart(weeks)
		self.assertEqual(chart["data"]["labels"], ["Jun 1", "Jun 8", "Jun 15", "Jun 22", "Jun 29"])
		self.assertEqual([d["name"] for d in chart["data"]["datasets"]], ["Top 10 %", "Baseline"])
		self.assertIn("Precision", chart["title"])
		headings = [c["label"] for c in report.week_columns()]
		self.assertEqual(len(set(headings)), len(headings))
		self.assertIn("Precision, Top 10 People", headings)
