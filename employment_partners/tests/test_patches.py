import unittest

from employment_partners.patches.v1_0.business_day_as_half_hours import half_hour


class TestBusinessDayPatch(unittest.TestCase):
	def test_plain_half_hours_are_kept(self):
		self.assertEqual(
			[half_hour("08:30:00"), half_hour("9:00:00"), half_hour("17:00")], ["08:30", "09:00", "17:00"]
		)

	def test_install_time_and_junk_fall_back_to_the_default(self):
		self.assertEqual(
			[half_hour("01:35:57.304828"), half_hour("10:15:00"), half_hour(None), half_hour("soon")],
			[None] * 4,
		)
