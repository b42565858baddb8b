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
