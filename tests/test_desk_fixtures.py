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


# each staff role's workspace (desk_home.HOMES), and who else may open it
WORKSPACES = {
	"Business Services": {"Business Services Rep"},
	"Job Retention": {"Case Manager"},
	"Employment Partners": {"Partnership Manager", "System Manager"},
}


def _opens(workspace) -> list[tuple[str, bool]]:
	"""Everything a workspace shows, and whether the current user may open it: each number card by
	the desk's own rule, each chart's report, each shortcut's and link's doctype or report."""
	from frappe.desk.doctype.number_card.number_card import has_permission as card_permission

	def report(name):
		return bool(frappe.get_doc("Report", name).is_permitted())

	def target(kind, name):
		if kind == "Report":
			return report(name)
		return frappe.has_permission(name, "read")

	out = [
		(
			f"card {c.number_card_name}",
			bool(
				card_permission(
					frappe.get_doc("Number Card", c.number_card_name), "read", frappe.session.user
				)
			)
			and frappe.has_permission("Number Card", "read", c.number_card_name),
		)
		for c in workspace.number_cards
	]
	for c in workspace.charts:
		chart = frappe.get_doc("Dashboard Chart", c.chart_name)
		out.append((f"chart {c.chart_name}", report(chart.report_name) if chart.report_name else True))
	out += [(f"shortcut {s.label}", target(s.type, s.link_to)) for s in workspace.shortcuts if s.link_to]
	out += [(f"link {l.label}", target(l.link_type, l.link_to)) for l in workspace.links if l.type == "Link"]
	return out


def test_each_role_lands_on_a_workspace_showing_only_what_it_may_open():
	"""The case manager's "You don't have access to Report: Employer Pipeline" came from a chart on a
	workspace shared by every role: now each role has its own, and opens everything on it."""
	from employment_partners import desk_home
	from employment_partners.tests.factories import make_user

	try:
		for role, home in desk_home.HOMES:
			user = make_user(role)
			assert frappe.db.get_value("User", user, "default_workspace") == home, role
			frappe.set_user(user)
			workspace = frappe.get_doc("Workspace", home)
			closed = [item for item, may in _opens(workspace) if not may]
			assert closed == [], (role, closed)
			pages = _sidebar()
			shown = {page.name for page in pages}
			# the app's workspaces only: on an ERPNext site not its Home, Quality, Support, Settings
			assert {page.module for page in pages} == {"Employment Partners"}, (role, shown)
			for name, roles in WORKSPACES.items():
				assert (name in shown) == (role in roles), (role, name, shown)
			# Frappe's administration is not in a staff member's sidebar
			assert not shown & {"Users", "Build", "Website", "Tools", "Integrations"}, (role, shown)
			assert workspace.get("roles") and {r.role for r in workspace.roles} == WORKSPACES[home]
			frappe.set_user("Administrator")
	finally:
		frappe.set_user("Administrator")
		frappe.db.rollback()


def _sidebar() -> list[dict]:
	"""The sidebar's pages as the desk asks for them (its workspace page, hooks' override included),
	and as the boot gives them: the two must agree."""
	from frappe.boot import get_bootinfo

	path = "frappe.desk.desktop.get_workspace_sidebar_items"
	# what frappe.handler.execute_cmd calls for the path
	pages = frappe.get_attr(frappe.get_hooks("override_whitelisted_methods").get(path, [path])[-1])()["pages"]
	booted = get_bootinfo().allowed_workspaces
	assert [p.name for p in booted] == [p.name for p in pages]
	return pages


def test_a_login_with_another_apps_role_keeps_the_sidebar_frappe_gives_it():
	"""Only a login whose work here is the app's alone has its sidebar narrowed: an agency's
	accountant who is also a rep keeps ERPNext's workspaces (on an ERPNext site); and every staff
	login keeps the agency's own workspaces."""
	from frappe.desk.desktop import get_workspace_sidebar_items

	from employment_partners import desk_home
	from employment_partners.tests.factories import make_user

	erpnext = "erpnext" in frappe.get_installed_apps()
	try:
		agencys = frappe.get_doc(
			{"doctype": "Workspace", "label": "Agency Procedures", "title": "Agency Procedures", "public": 1}
		).insert(ignore_permissions=True)
		for roles in (
			("Business Services Rep", "Accounts User" if erpnext else "Blogger"),
			("Case Manager",),
		):
			frappe.set_user(make_user(*roles))
			shown = [page.name for page in _sidebar()]
			assert agencys.name in shown, roles
			if len(roles) > 1:
				assert shown == [page.name for page in get_workspace_sidebar_items()["pages"]], roles
				assert not erpnext or "Accounting" in shown, shown
			frappe.set_user("Administrator")
		assert desk_home.app_staff_only({"Case Manager", "All", "Desk User", "Guest"})
		assert not desk_home.app_staff_only({"Case Manager", "Accounts User", "All"})
		assert not desk_home.app_staff_only({"All", "Desk User"})
	finally:
		frappe.set_user("Administrator")
		frappe.db.rollback()


def test_a_persons_own_choices_stay_and_administrators_are_left_alone():
	from employment_partners import desk_home
	from employment_partners.tests.factories import make_user

	try:
		admin = make_user("System Manager", "Case Manager")
		assert frappe.db.get_value("User", admin, ["default_workspace", "module_profile"]) == (None, None)
		employer = make_user("Employer Partner")
		assert frappe.db.get_value("User", employer, "default_workspace") is None
		rep = frappe.get_doc("User", make_user("Business Services Rep"))
		assert (rep.module_profile, {b.module for b in rep.block_modules}) == (
			desk_home.STAFF_PROFILE,
			{"Automation", "Core", "Integrations", "Website"},
		)
		rep.default_workspace = "Job Retention"
		rep.module_profile = None
		rep.set("block_modules", [])
		rep.save(ignore_permissions=True)
		# what the agency chose for the rep stays
		rep.reload()
		assert (rep.default_workspace, rep.module_profile, rep.block_modules) == ("Job Retention", None, [])
		# a login becoming staff gets them
		employer_doc = frappe.get_doc("User", make_user())
		employer_doc.append("roles", {"role": "Case Manager"})
		employer_doc.save(ignore_permissions=True)
		assert (employer_doc.default_workspace, employer_doc.module_profile) == (
			"Job Retention",
			desk_home.STAFF_PROFILE,
		)
		both = make_user("Case Manager", "Business Services Rep")
		assert frappe.db.get_value("User", both, "default_workspace") == "Business Services"
	finally:
		frappe.db.rollback()


def test_the_breadcrumbs_lead_each_role_to_its_own_workspace():
	"""Frappe's breadcrumb leads to the first workspace of the module it knows of: for a rep that was
	the managers' workspace, which the rep may not open."""
	from frappe.desk.doctype.workspace.workspace import Workspace

	from employment_partners import desk_home
	from employment_partners.tests.factories import make_user

	try:
		for role, home in desk_home.HOMES:
			frappe.set_user(make_user(role))
			boot = frappe._dict(module_wise_workspaces=Workspace.get_module_wise_workspaces())
			desk_home.boot(boot)
			assert boot.module_wise_workspaces["Employment Partners"][0] == home, role
			assert set(boot.module_wise_workspaces["Employment Partners"]) == {
				name for name, roles in WORKSPACES.items() if role in roles
			}, role
	finally:
		frappe.set_user("Administrator")
		frappe.db.rollback()


# a shortcut whose badge counts what a number card beside it counts (the manager saw 34 on the card
# and 17 on the badge of open retention issues; the rep saw "My Open Leads 8" beside "Employer Lead
# 62"): workspace -> shortcut -> card
TWINS = {
	"Business Services": {"My Leads": "My Open Leads", "My Job Orders": "My Open Job Orders"},
	"Employment Partners": {
		"Employer Lead": "Open Employer Leads",
		"Hiring Partnership": "Active Partnerships",
		"Job Order": "Open Job Orders",
		"Placement": "Active Placements",
		"Open Retention Issues": "Open Retention Issues",
	},
	"Job Retention": {
		"Issues Awaiting Acknowledgement": "Issues Awaiting Acknowledgement",
		"Placement": "Active Placements",
	},
}


def _filters(*texts: str) -> set[tuple]:
	"""(doctype, field, operator, value) of filter texts as the desk reads them; the desk's one
	expression in them, the session's user, is the same marker in a shortcut and in a card."""
	out = set()
	for text in texts:
		text = (text or "[]").replace("frappe.session.user", '"frappe.session.user"').replace('""', '"')
		out |= {(f[0], f[1], f[2], json.dumps(f[3])) for f in json.loads(text)}
	return out


def test_a_shortcut_beside_a_card_counts_what_the_card_counts():
	for name, twins in TWINS.items():
		workspace = frappe.get_doc("Workspace", name)
		shortcuts = {s.label: s for s in workspace.shortcuts}
		on_it = {c.number_card_name for c in workspace.number_cards}
		for label, card_name in twins.items():
			assert card_name in on_it, (name, card_name)
			card = frappe.get_doc("Number Card", card_name)
			shortcut = shortcuts[label]
			assert (shortcut.type, shortcut.link_to) == ("DocType", card.document_type), (name, label)
			assert card.function == "Count", card_name
			assert _filters(shortcut.stats_filter) == _filters(
				card.filters_json, card.dynamic_filters_json
			), (
				name,
				label,
			)
		# every shortcut with a badge on a doctype a card counts is one of the twins
		counted = {frappe.db.get_value("Number Card", c, "document_type") for c in on_it}
		for shortcut in workspace.shortcuts:
			if shortcut.stats_filter and shortcut.link_to in counted:
				assert shortcut.label in twins, (name, shortcut.label)


def test_no_card_shows_a_change_frappe_cannot_compute_honestly():
	"""Frappe's "% since last month" counts the records that match the card's filters now and were
	created before a month ago: not last month's figure (a placement active then and ended since is
	left out), and for a month-to-date count ("Employer Interactions This Month: 10, 150% since
	yesterday") only noise.  The app's cards show their figure alone."""
	cards = frappe.get_all(
		"Number Card", filters={"module": "Employment Partners"}, fields=["name", "show_percentage_stats"]
	)
	assert cards and [c.name for c in cards if c.show_percentage_stats] == []
