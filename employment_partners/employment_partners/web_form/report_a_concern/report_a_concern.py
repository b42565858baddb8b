from employment_partners.placements import placements
from employment_partners.portal import pages


def get_context(context):
	pages.limit_link_options(context, placement_statuses=placements.CURRENT)
