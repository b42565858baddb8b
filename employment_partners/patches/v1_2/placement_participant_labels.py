"""Placements gain the participant label employers see ("Maria S.", as issues.participant_label
writes it): fill it in for the placements made before."""

import frappe


def execute():
	frappe.db.sql(
		"""
		update `tabPlacement` pl
		join `tabParticipant` p on p.name = pl.participant
		set pl.participant_label = concat(
			trim(coalesce(p.first_name, '')),
			case when trim(coalesce(p.last_name, '')) != ''
				then concat(' ', left(trim(p.last_name), 1), '.') else '' end)
		"""
	)
