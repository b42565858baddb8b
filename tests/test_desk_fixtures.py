"""What ships with the app for the desk: roles, kanban board, workspace, cards and chart."""

import json

import frappe

from employment_partners.pipeline import stages


def test_roles_ship_with_desk_access_as_intended():
	desk = dict(
		frappe.get_all(
			"Role", filters={"name": ("in", list(_roles()))}, fields=["name", "desk_access"], as_list=1
		)
	)
	assert desk == _roles()


def _roles():
	return {"Business Services Rep": 1, "Partnership Manager": 1, "Case Manager": 1, "Employer Partner": 0}


def test_kanban_board_has_a_column_per_stage_in_order():
	board = frappe.get_doc("Kanban Board", "Employer Pipeline")
	assert (board.reference_doctype, board.field_name) == ("Employer Lead", "stage")
	assert [c.column_name for c in board.columns] == list(stages.ALL_STAGES)


def test_workspace_shows_the_cards_and_the_stage_chart():
	workspace = frappe.get_doc("Workspace", "Employment Partners")
	blocks = json.loads(workspace.content)
	cards = [b["data"]["number_card_name"] for b in blocks if b["type"] == "number_card"]
	assert cards == [
		"Open Employer Leads",
		"Active Partnerships",
		"Employer Interactions This Month",
		"Open Job Orders",
		"Active Placements",
		"Overdue Follow-ups",
		"Open Retention Issues",
	]
	assert [b["data"]["chart_name"] for b in blocks if b["type"] == "chart"] == ["Employer Leads by Stage"]
	for card in cards:
		assert frappe.db.exists("Number Card", card)


def test_retention_workflow_and_notifications_ship():
	workflow = frappe.get_doc("Workflow", "Retention Issue")
	assert (workflow.document_type, workflow.workflow_state_field, workflow.is_active) == (
		"Retention Issue Report",
		"status",
		1,
	)
	moves = {(t.state, t.action, t.next_state) for t in workflow.transitions}
	assert ("Intervention Planned", "Close as Separated", "Closed - Separated") in moves
	assert not any(t.state == "New" and t.next_state != "Acknowledged" for t in workflow.transitions)
	for name in ("Retention Issue Reported", "Retention Follow-up Due", "Retention Follow-up Overdue"):
		assert frappe.db.get_value("Notification", name, "enabled") == 1
		assert frappe.db.get_value("Notification", f"{name} (Email)", "channel") == "Email"


def test_the_stage_chart_lists_stages_in_pipeline_order():
	from employment_partners.employment_partners.dashboard_chart_source.employer_leads_by_stage import (
		employer_leads_by_stage,
	)
	from employment_partners.tests.factories import make_employer_lead

	chart = frappe.get_doc("Dashboard Chart", "Employer Leads by Stage")
	assert (chart.chart_type, chart.source) == ("Custom", "Employer Leads by Stage")
	before = employer_leads_by_stage.get()["datasets"][0]["values"]
	try:
		make_employer_lead(stage="Prospect")
		make_employer_lead(stage="Lost / Poor Fit", lost_reason="No entry-level roles")
		data = employer_leads_by_stage.get()
		assert data["labels"] == list(stages.ALL_STAGES)
		after = data["datasets"][0]["values"]
		assert [b - a for a, b in zip(before, after, strict=True)] == [1, 0, 0, 0, 0, 0, 0, 1]
	finally:
		frappe.db.rollback()


def test_the_kanban_cards_fetch_the_fields_they_show():
	"""Frappe's kanban fetches the list view's fields only: the list settings add the card's."""
	board = frappe.get_doc("Kanban Board", "Employer Pipeline")
	list_js = frappe.get_app_path(
		"employment_partners", "employment_partners", "doctype", "employer_lead", "employer_lead_list.js"
	)
	source = open(list_js).read()
	for field in json.loads(board.fields):
		assert f'"{field}"' in source.split("add_fields:")[1].split("]")[0], field
