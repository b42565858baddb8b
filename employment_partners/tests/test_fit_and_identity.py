"""Fit score arithmetic and employer identity helpers."""

import unittest

import frappe

from employment_partners.pipeline import fit, organisations


class TestFitScore(unittest.TestCase):
	def test_score_adds_the_points_of_each_met_criterion(self):
		values = {"pays_living_wage": 1, "offers_benefits": 1, "fair_chance_hiring": 1}
		score, parts = fit.fit_score(values)
		self.assertEqual(score, 20 + 12 + 15)
		self.assertEqual(
			[(str(label), points) for label, points in parts],
			[("Living wage", 20), ("Benefits", 12), ("Fair-chance hiring", 15)],
		)

	def test_all_criteria_make_100_and_none_make_0(self):
		self.assertEqual(fit.fit_score({f: 1 for f, _l, _p in fit.CRITERIA})[0], 100)
		self.assertEqual(fit.fit_score({})[0], 0)

	def test_living_wage_threshold_is_inclusive(self):
		self.assertTrue(fit.pays_living_wage(20, 20))
		self.assertFalse(fit.pays_living_wage(19.99, 20))
		self.assertFalse(fit.pays_living_wage(None, 20))


class TestIdentity(unittest.TestCase):
	def test_name_normalisation_drops_case_punctuation_and_legal_suffixes(self):
		self.assertEqual(organisations.normalize_name("The Acme Co., Inc."), "acme")
		self.assertEqual(organisations.normalize_name("ACME, LLC"), "acme")
		self.assertEqual(organisations.normalize_name("Smith & Sons Ltd"), "smith and sons")

	def test_domain_from_website(self):
		self.assertEqual(organisations.domain_of("https://www.Acme.com/jobs?x=1"), "acme.com")
		self.assertEqual(organisations.domain_of("careers.acme.com"), "careers.acme.com")
		self.assertIsNone(organisations.domain_of(""))
		with self.assertRaisesRegex(frappe.ValidationError, "Website localhost has no valid domain"):
			organisations.domain_of("localhost")

	def test_ein_has_nine_digits(self):
		self.assertEqual(organisations.normalize_ein("123456789"), "12-3456789")
		self.assertEqual(organisations.normalize_ein(" 12-3456789 "), "12-3456789")
		self.assertIsNone(organisations.normalize_ein(""))
		for bad in ("12345678", "1234567890", "12-345678A"):
			with self.assertRaisesRegex(frappe.ValidationError, "must have exactly 9 digits"):
				organisations.normalize_ein(bad)
