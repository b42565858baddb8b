"""What ships with the app for the desk: roles, kanban board, workspace, cards and chart."""

import json

import frappe

from employment_partners.pipeline import stages
from tests.conftest import REPORTS

# the workspace's number cards, in order
CARDS = (
	"Open Employer Leads",
	"Active Partnerships",
	"Employer Interactions This Month",
	"Open Job Orders",
	"Active Placements",
	"Overdue Follow-ups",
	"Open Retention Issues",
	"At Risk This Week",
	"90-Day Retention",
	"Partnerships at Risk",
)


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


def test_workspace_shows_the_cards_charts_and_reports():
	workspace = frappe.get_doc("Workspace", "Employment Partners")
	blocks = json.loads(workspace.content)
	cards = [b["data"]["number_card_name"] for b in blocks if b["type"] == "number_card"]
	assert cards == list(CARDS)
	charts = [b["data"]["chart_name"] for b in blocks if b["type"] == "chart"]
	assert charts == ["Employer Pipeline Funnel", "Partnership Health Bands"]
	for card in cards:
		assert frappe.db.exists("Number Card", card)
	for chart in charts:
		# the workspace's charts are the reports' own charts: one set of figures
		assert frappe.db.get_value("Dashboard Chart", chart, ["chart_type", "use_report_chart"]) == (
			"Report",
			1,
		)
	reports = [l.link_to for l in workspace.links if l.link_type == "Report"]
	assert set(reports) >= set(REPORTS)


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


def test_each_role_sees_the_cards_for_what_it_reads():
	# Frappe shows a card to a user who may read its document type; a Custom card without one
	# was shown to System Managers only (case managers never saw Overdue Follow-ups)
	from frappe.desk.doctype.number_card.number_card import has_permission

	from employment_partners.tests.factories import make_user

	everything = set(CARDS)
	expected = {
		# reps see no risk of separation (the early warning is the case managers' and managers')
		"Business Services Rep": everything - {"At Risk This Week"},
		"Partnership Manager": everything,
		"Case Manager": everything - {"Open Employer Leads"},
		"Employer Partner": set(),
	}
	try:
		for role, cards in expected.items():
			frappe.set_user(make_user(role))
			# Frappe's card rule, and the whole check the desk makes (with the app's hooks:
			# employers read their own placements and issues, but no desk card)
			seen = {
				c
				for c in everything
				if has_permission(frappe.get_doc("Number Card", c), "read", frappe.session.user)
				and frappe.has_permission("Number Card", "read", c)
			}
			assert seen == cards, role
			# the report cards open Partnership Health: whoever sees them may read it
			opens = bool(frappe.get_doc("Report", "Partnership Health").is_permitted())
			assert opens == ("Partnerships at Risk" in cards), role
	finally:
		frappe.set_user("Administrator")
		frappe.db.rollback()


def test_the_funnel_lists_stages_in_pipeline_order():
	from frappe.desk.query_report import run

	from employment_partners.tests.factories import make_employer_lead

	try:
		make_employer_lead()  # made today: it reaches Prospect this year
		chart = run("Employer Pipeline", {})["chart"]
		assert chart["data"]["labels"] == list(stages.STAGES)
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
