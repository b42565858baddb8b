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
	]
	assert [b["data"]["chart_name"] for b in blocks if b["type"] == "chart"] == ["Employer Leads by Stage"]
	for card in cards:
		assert frappe.db.exists("Number Card", card)
