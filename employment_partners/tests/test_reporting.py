"""What every report shares: refusing unknown filters, the summary cards and chart bars of
figures that cannot be worked out yet, and the definitions block."""

import frappe

from employment_partners import reporting
from employment_partners.tests import EPTestCase


class TestReportingHelpers(EPTestCase):
	def test_an_unknown_filter_is_refused_and_known_ones_pass(self):
		with self.assertRaisesRegex(frappe.ValidationError, "This report has no filter colour, size"):
			reporting.check_filters({"from_date": "2019-01-01", "size": 1, "colour": "red"}, {"status"})
		reporting.check_filters(
			{"from_date": "2019-01-01", "to_date": "2019-12-31", "status": "Active"}, {"status"}
		)

	def test_a_figure_without_a_denominator_is_a_dash_not_zero(self):
		self.assertEqual(
			reporting.summary_item("Retained", None, "Percent", "Green"),
			{"label": "Retained", "value": "–", "datatype": "Data", "indicator": "Green"},
		)
		self.assertEqual(
			reporting.summary_item("Retained", 0.0, "Percent"),
			{"label": "Retained", "value": 0.0, "datatype": "Percent"},
		)

	def test_a_float_card_shows_its_decimals(self):
		self.assertEqual(reporting.summary_item("Weeks", 6.25, "Float", precision=1)["value"], "6.3")
		self.assertEqual(reporting.summary_item("Weeks", None, "Float", precision=1)["value"], "–")
		# a whole number keeps its decimal (Frappe's format_value would print "8")
		self.assertEqual(reporting.summary_item("Weeks", 8.0, "Float", precision=1)["value"], "8.0")

	def test_chart_bars_leave_out_what_has_no_figure(self):
		self.assertEqual(
			reporting.chart_values([("30 days", 100.0), ("90 days", 0.0), ("180 days", None)]),
			(["30 days", "90 days"], [100.0, 0.0]),
		)

	def test_definitions_are_escaped_and_carry_the_as_of_day(self):
		from employment_partners.metrics.period import from_filters

		period = from_filters({"from_date": "2019-01-01", "to_date": "2019-12-31"})
		html = reporting.definitions([("Hires", "placements <started> in the period")], period)
		self.assertIn('<details class="ep-definitions">', html)
		self.assertIn("<b>Hires</b>: placements &lt;started&gt; in the period", html)
		self.assertIn(frappe.format("2019-12-31", "Date"), html)


class TestColumnWidths(EPTestCase):
	"""A report column shows its heading and its values whole (issue 23: "With: Retai…", dates cut
	to "10-01-20…", a cohort cut to "exits 01-01-2026 - 12-07-…"), words up to a cap."""

	def test_a_date_column_is_as_wide_as_its_dates(self):
		narrow = reporting.column("Due", "due_date", "Date", 80)
		# "09-14-2026" is 93 px in the desk's table, in a cell with 5 px padding each side
		self.assertGreaterEqual(narrow["width"], 108)
		self.assertGreaterEqual(reporting.shown_px(frappe.format("2026-12-31", "Date")), 88)
		self.assertGreater(
			reporting.fit({"label": "At", "fieldtype": "Datetime", "width": 80})["width"], narrow["width"]
		)

	def test_words_fit_their_longest_value_up_to_the_cap(self):
		cohort = "exits 01-01-2026 - 12-07-2026"
		columns = [
			reporting.column("Measure", "measure", "Data", 100),
			reporting.column("Cohort", "cohort", "Data", 100),
			reporting.column("Counted From", "counted_from", "Data", 100),
			reporting.column("Value", "value", "Float", 80),
		]
		rows = [
			{"measure": "Exiters", "cohort": cohort, "counted_from": "x" * 300, "value": 1.0, "indent": 0},
			{
				"measure": "Excluded Exits (PIRL 923)",
				"cohort": cohort,
				"counted_from": "",
				"value": 2.0,
				"indent": 1,
			},
		]
		reporting.fit_values(columns, rows)
		px = reporting.shown_px
		self.assertEqual(columns[1]["width"], int(px(cohort) + 24 + 0.5))
		self.assertEqual(columns[2]["width"], reporting.VALUE_CAP_PX)
		self.assertEqual(columns[3]["width"], 80)  # figures keep theirs
		# the tree's first column holds the indented row's indent and toggle
		self.assertEqual(columns[0]["width"], int(px("Excluded Exits (PIRL 923)") + 15 + 20 + 24 + 0.5))
		# an id's digits and capitals are wide: "PT-2025-00123" fits
		self.assertGreaterEqual(
			reporting.fit_values(
				[reporting.column("Participant", "p", "Link", 130)], [{"p": "PT-2025-00123"}]
			)[0]["width"],
			140,
		)

	def test_every_report_fits_its_values(self):
		reports = frappe.get_all(
			"Report", filters={"module": "Employment Partners", "report_type": "Script Report"}, pluck="name"
		)
		self.assertGreaterEqual(len(reports), 11)
		for name in reports:
			module = frappe.get_module(
				f"employment_partners.employment_partners.report.{frappe.scrub(name)}.{frappe.scrub(name)}"
			)
			# reporting.fitted_report's wrapper around the report's own execute
			self.assertEqual(module.execute.__code__, reporting.fitted_report(len).__code__, name)
			self.assertEqual(module.execute.__wrapped__.__module__, module.__name__, name)
