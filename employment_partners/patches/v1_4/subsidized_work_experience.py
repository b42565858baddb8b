"""Placement types gained "Subsidized" (wages paid by the agency or a grant, not the employer:
WIOA counts only unsubsidized employment).  The shipped defaults mark Work Experience subsidized,
but shipped records are never written over once a site has them (defaults/__init__.py), so a site
that already had the shipped "Work Experience" gets the mark here, once.  A site whose agency
deleted or renamed that record has nothing to mark; its other types stay unsubsidized until the
agency says otherwise."""

import frappe

WORK_EXPERIENCE = "Work Experience"


def execute():
	if frappe.db.exists("Placement Type", WORK_EXPERIENCE):
		frappe.db.set_value("Placement Type", WORK_EXPERIENCE, "subsidized", 1, update_modified=False)
