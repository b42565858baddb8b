"""Industry, placement type and separation reason became Link fields to small doctypes an agency
edits (Industry Sector, Placement Type, Separation Reason), each list defined once.  Their
shipped records carry the old options' names, so stored values stay valid; the one spelling
that differed ("Laid off" in past job losses, "Laid Off" elsewhere) takes the record's."""

import frappe


def execute():
	frappe.db.sql("update `tabParticipant Job Loss` set reason = 'Laid Off' where binary reason = 'Laid off'")
