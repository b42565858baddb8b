"""Sites made before job orders and placements: store the new settings' defaults
(incentive cap, retention-bonus milestones, matches shown)."""

from employment_partners.install import set_default_settings


def execute():
	set_default_settings()
