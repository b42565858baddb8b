"""Job retention: follow-up schedules, follow-up outcomes, retention issues and their SLA."""
