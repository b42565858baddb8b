"""Job orders, referrals and placements: the "source" and "match" half of the pipeline."""
