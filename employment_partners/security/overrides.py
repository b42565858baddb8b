"""Permission-checked versions of Frappe 15 whitelisted methods that check none
(hooks.py `override_whitelisted_methods`; each is classified "override" in frappe_methods.json).

Each answers what the same question answers through Frappe's permission-checked list path, so a
count or a grouping can never say more than the list the user may read: the record rules
(`permission_query_conditions`), role permissions and the query guard's field check all apply.
"""

import frappe
from frappe import _
from frappe.query_builder import DocType
from frappe.query_builder.functions import Count
from frappe.utils import cint

from employment_partners.security import query_guard


def _doctype(doctype) -> str:
	"""A DocType the user may name: tables that are not DocTypes (Sessions, __Auth, ...) never are."""
	if not isinstance(doctype, str) or not frappe.db.exists("DocType", doctype):
		frappe.throw(_("{0} is not a document type").format(str(doctype)[:80]), frappe.PermissionError)
	return doctype


@frappe.whitelist()
def get_count(doctype: str, filters=None, debug=False, cache=False) -> int:
	"""frappe.client.get_count: Frappe 15 runs `frappe.db.count(doctype, filters)` for any login, on
	any table (an employer counted another partnership's placements and bisected Administrator's
	session id out of `Sessions`).  Here: the count of the list the user may read."""
	doctype = _doctype(doctype)
	rows = frappe.get_list(
		doctype,
		filters=frappe.parse_json(filters) if isinstance(filters, str) else filters,
		fields=[f"count(distinct `tab{doctype}`.`name`) as total_count"],
		order_by=None,
	)
	return cint(rows[0].total_count if rows else 0)


@frappe.whitelist()
def get_group_by_count(doctype: str, current_filters: str, field: str) -> list[dict]:
	"""frappe.desk.listview.get_group_by_count: for `assigned_to` Frappe 15 counts the ToDos of every
	record matching the filters with `frappe.qb.get_query`, which applies no permission (an
	employer learned who works another partnership's follow-ups).  Here the records counted are
	those of the list the user may read; other fields go through Frappe's own (permission-checked)
	path."""
	from frappe.desk.listview import get_group_by_count as frappe_get_group_by_count

	doctype = _doctype(doctype)
	if field != "assigned_to":
		return frappe_get_group_by_count(doctype, current_filters, field)
	filters = frappe.parse_json(current_filters)
	readable = frappe.get_list(doctype, filters=filters, pluck="name", limit_page_length=0, order_by=None)
	if not readable:
		return []
	todo, user = DocType("ToDo"), DocType("User")
	count = Count("*").as_("count")
	return (
		frappe.qb.from_(todo)
		.from_(user)
		.select(todo.allocated_to.as_("name"), count)
		.where(
			(todo.status != "Cancelled")
			& (todo.allocated_to == user.name)
			& (user.user_type == "System User")
			& (todo.reference_type == doctype)
			& (todo.reference_name.isin(readable))
		)
		.groupby(todo.allocated_to)
		.orderby(count, order=frappe.qb.desc)
		.limit(50)
		.run(as_dict=True)
	)


@frappe.whitelist()
def get(doctype: str, name: str | None = None, filters=None, parent: str | None = None):
	"""frappe.client.get: Frappe 15 looks a record up by any filters before it checks permission, so
	whether a record comes back says whether it matched a hidden field (`{"name": X, "has_disability":
	1}`).  The filters must name only fields the user may read."""
	from frappe.client import get as frappe_get

	if filters and not name:
		query_guard.check_filters(_doctype(doctype), frappe.parse_json(filters))
	return frappe_get(doctype, name=name, filters=filters, parent=parent)


# --- the rest: Frappe's own function, called after a permission check on its arguments ----------
#
# Each entry of CHECKED wraps one Frappe 15 whitelisted function: `check(args)` refuses what the
# caller may not do (raising frappe.PermissionError) or rewrites an argument Frappe trusts (the
# `user` of a report run), then Frappe's function runs with the same arguments; `after(result)`,
# where given, removes from the answer what the caller may not read.  An entry may name, fourth,
# the app's version that runs in Frappe's place once the check has passed (it calls Frappe's for
# what it does not handle itself: the funder-ready exports of the app's reports, exports.py).
# hooks.py maps each Frappe path to `employment_partners.security.overrides.<name>`.

SYSTEM_MANAGERS = {"System Manager", "Administrator"}


def _is_system_manager() -> bool:
	return frappe.session.user == "Administrator" or bool(SYSTEM_MANAGERS & set(frappe.get_roles()))


def _may(doctype, name, ptype="read"):
	if not doctype or not name or not frappe.has_permission(doctype, ptype, name):
		frappe.throw(_("Not permitted"), frappe.PermissionError)


def _names(value) -> list:
	value = frappe.parse_json(value) if isinstance(value, str) and value.startswith("[") else value
	return list(value) if isinstance(value, list | tuple) else [value]


def _callable_method(path) -> None:
	"""A method another method runs for the caller (`query=`, `method=`, `tree_method=`): it must be
	one the caller may call directly."""
	if not path:
		return
	from employment_partners.security import methods

	function = methods.resolve(str(path))
	if function is None or (
		methods.classify(function) in ("refused", "override") and not _is_system_manager()
	):
		frappe.throw(_("{0} is not available to your role").format(str(path)[:80]), frappe.PermissionError)


def _own_user(args, key="user"):
	if args.get(key) and args[key] != frappe.session.user and not _is_system_manager():
		args[key] = frappe.session.user


def _strip_hidden(doc):
	"""A saved document as the caller may read it: Frappe copies level-1 values back from the
	database on save and returns them."""
	if isinstance(doc, dict) and doc.get("doctype") and doc.get("name"):
		meta = frappe.get_meta(doc["doctype"])
		levels = set(meta.get_permlevel_access("read"))
		for df in meta.fields:
			if df.permlevel and df.permlevel not in levels:
				doc.pop(df.fieldname, None)
	elif hasattr(doc, "apply_fieldlevel_read_permissions"):
		doc.apply_fieldlevel_read_permissions()
	return doc


def _strip_response_docs(result):
	for doc in frappe.response.get("docs") or []:
		_strip_hidden(doc)
	return _strip_hidden(result)


def _strip_versions(result):
	"""Version rows of the desk form (`docinfo.versions`) without the changes of fields the caller
	may not read (a retention issue's level-1 intervention notes showed in its history)."""
	docinfo = frappe.response.get("docinfo") or (result if isinstance(result, dict) else None)
	for version in (docinfo or {}).get("versions") or []:
		data = frappe.parse_json(version.get("data") or "{}")
		doctype = version.get("ref_doctype")
		if not doctype or not isinstance(data, dict):
			continue
		meta = frappe.get_meta(doctype)
		levels = set(meta.get_permlevel_access("read")) | {0}

		def readable(fieldname):
			df = meta.get_field(fieldname)
			return not df or (df.permlevel or 0) in levels

		for key in ("changed", "added", "removed", "row_changed"):
			data[key] = [row for row in data.get(key) or [] if readable(row[0])]
		version["data"] = frappe.as_json(data)
	return result


def _report_args(args):
	if not _is_system_manager():
		args.pop("user", None)
		args.pop("prepared_report_name", None)


def _search_args(args):
	"""search_link / search_widget: `ignore_user_permissions` turns every permission off in
	Frappe 15 (ignore_permissions=True); `query=` runs any whitelisted method; the search field and
	filter fields are the caller's."""
	if not _is_system_manager():
		args["ignore_user_permissions"] = False
	_callable_method(args.get("query"))
	doctype = args.get("doctype")
	if doctype and frappe.db.exists("DocType", doctype):
		if args.get("searchfield"):
			query_guard.check_filters(doctype, {args["searchfield"]: ""})
		for fieldname in frappe.parse_json(args.get("filter_fields") or "[]") or []:
			query_guard.check_filters(doctype, {fieldname: ""})
		if args.get("filters"):
			query_guard.check_filters(doctype, frappe.parse_json(args["filters"]))


def _upload_args(args):
	"""upload_file: Frappe 15 ignores the answer of its own write check, and a `file_url` without
	content copies any existing file, private ones included, into a File the caller owns."""
	form = frappe.form_dict
	if form.get("doctype") and form.get("docname"):
		_may(form.doctype, form.docname, "write")
	if form.get("method"):
		_callable_method(form.method)
	if form.get("file_url") and not frappe.request.files:
		existing = frappe.db.get_value("File", {"file_url": form.file_url}, "name")
		if not existing or not frappe.has_permission("File", "read", existing):
			frappe.throw(_("Not permitted"), frappe.PermissionError)


def _global_search_results(result):
	return [row for row in result or [] if frappe.has_permission(row.get("doctype"), "read", row.get("name"))]


def _tag_results(result):
	return [
		row
		for row in result or []
		if frappe.has_permission(row.get("document_type"), "read", row.get("name"))
	]


def _open_count_args(args):
	doctype, name = args.get("doctype"), args.get("name")
	_may(doctype, name)
	allowed = {
		item
		for group in (frappe.get_meta(doctype).get_dashboard_data().get("transactions") or [])
		for item in group.get("items", [])
	}
	asked = frappe.parse_json(args.get("items") or "[]") or []
	if any(item not in allowed for item in asked):
		frappe.throw(_("Not permitted"), frappe.PermissionError)


def _printview_args(args):
	doc = args.get("doc")
	doc = frappe.parse_json(doc) if isinstance(doc, str) else doc
	if isinstance(doc, dict):
		if not doc.get("name") or not frappe.db.exists(doc.get("doctype"), doc.get("name")):
			frappe.throw(_("Save the document before printing it"), frappe.PermissionError)
		_may(doc["doctype"], doc["name"], "print")


def _report_pdf_args(args):
	"""report_to_pdf renders the caller's HTML with wkhtmltopdf, which fetches what it links to:
	only the site's own paths and inline data may be linked."""
	import re

	html = args.get("html") or ""
	html = re.sub(r"(?is)<\s*(iframe|object|embed|frame|base|meta|link)\b.*?(>|$)", "", html)
	args["html"] = re.sub(
		r"""(?i)\b(src|href|data|action)\s*=\s*(["']?)(?!/(?!/)|data:|#)[^"'\s>]*\2""", "", html
	)


def _email_args(args):
	if not args.get("doctype") or not args.get("name"):
		frappe.throw(_("An email is sent from a record"), frappe.PermissionError)
	_may(args["doctype"], args["name"], "email")
	for attachment in _names(args.get("attachments") or "[]"):
		name = attachment.get("fid") if isinstance(attachment, dict) else attachment
		if name and not (frappe.db.exists("File", name) and frappe.has_permission("File", "read", name)):
			frappe.throw(_("Not permitted"), frappe.PermissionError)


def _web_form_args(args):
	web_form = frappe.get_doc("Web Form", args.get("web_form"))
	data = frappe.parse_json(args.get("data") or "{}") if "data" in args else None
	if not web_form.published:
		frappe.throw(_("Not permitted"), frappe.PermissionError)
	if args.get("doctype") and args["doctype"] != web_form.doc_type:
		frappe.throw(_("Not permitted"), frappe.PermissionError)
	if isinstance(data, dict) and data.get("doctype") and data["doctype"] != web_form.doc_type:
		frappe.throw(_("Not permitted"), frappe.PermissionError)


def _dashboard_chart_args(args):
	if not _is_system_manager():
		if not args.get("chart_name") or args.get("chart"):
			frappe.throw(_("Open a saved chart"), frappe.PermissionError)
		_may("Dashboard Chart", args["chart_name"])


# name: (Frappe path, check(args), after(result) or None)
CHECKED = {
	"set_value": ("frappe.client.set_value", None, _strip_hidden),
	"insert": ("frappe.client.insert", None, _strip_hidden),
	"save": ("frappe.client.save", None, _strip_hidden),
	"submit": ("frappe.client.submit", None, _strip_hidden),
	"cancel": ("frappe.client.cancel", None, _strip_hidden),
	"apply_workflow": ("frappe.model.workflow.apply_workflow", None, _strip_hidden),
	"savedocs": ("frappe.desk.form.save.savedocs", None, _strip_response_docs),
	"cancel_doc": ("frappe.desk.form.save.cancel", None, _strip_response_docs),
	"getdoc": ("frappe.desk.form.load.getdoc", None, _strip_versions),
	"get_docinfo": ("frappe.desk.form.load.get_docinfo", None, _strip_versions),
	"upload_file": ("frappe.handler.upload_file", _upload_args, None),
	"make_mapped_doc": (
		"frappe.model.mapper.make_mapped_doc",
		lambda a: _callable_method(a.get("method")),
		None,
	),
	"get_all_nodes": (
		"frappe.desk.treeview.get_all_nodes",
		lambda a: _callable_method(a.get("tree_method")),
		None,
	),
	"run": ("frappe.desk.query_report.run", _report_args, None),
	"export_query": (
		"frappe.desk.query_report.export_query",
		_report_args,
		None,
		"employment_partners.exports.export_query",
	),
	"toggle_like": ("frappe.desk.like.toggle_like", lambda a: _may(a.get("doctype"), a.get("name")), None),
	"search_link": ("frappe.desk.search.search_link", _search_args, None),
	"search_widget": ("frappe.desk.search.search_widget", _search_args, None),
	"get_link_title": (
		"frappe.desk.search.get_link_title",
		lambda a: (
			_may(a.get("doctype"), a.get("docname"), "select")
			if frappe.only_has_select_perm(a.get("doctype"))
			else _may(a.get("doctype"), a.get("docname"))
		),
		None,
	),
	"get_open_count": ("frappe.desk.notifications.get_open_count", _open_count_args, None),
	"mark_as_read": (
		"frappe.desk.doctype.notification_log.notification_log.mark_as_read",
		lambda a: (
			frappe.db.get_value("Notification Log", a.get("docname"), "for_user") == frappe.session.user
			or frappe.throw(_("Not permitted"), frappe.PermissionError)
		),
		None,
	),
	"get_events": ("frappe.desk.doctype.event.event.get_events", _own_user, None),
	"set_seen_value": (
		"frappe.desk.doctype.notification_settings.notification_settings.set_seen_value",
		_own_user,
		None,
	),
	"dashboard_chart": (
		"frappe.desk.doctype.dashboard_chart.dashboard_chart.get",
		_dashboard_chart_args,
		None,
	),
	"add_tag": (
		"frappe.desk.doctype.tag.tag.add_tag",
		lambda a: _may(a.get("dt"), a.get("dn"), "write"),
		None,
	),
	"add_tags": (
		"frappe.desk.doctype.tag.tag.add_tags",
		lambda a: [_may(a.get("dt"), dn, "write") for dn in _names(a.get("docs"))],
		None,
	),
	"remove_tag": (
		"frappe.desk.doctype.tag.tag.remove_tag",
		lambda a: _may(a.get("dt"), a.get("dn"), "write"),
		None,
	),
	"get_documents_for_tag": ("frappe.desk.doctype.tag.tag.get_documents_for_tag", None, _tag_results),
	"update_follow": (
		"frappe.desk.form.document_follow.update_follow",
		lambda a: _may(a.get("doctype"), a.get("doc_name")),
		None,
	),
	"get_follow_users": (
		"frappe.desk.form.document_follow.get_follow_users",
		lambda a: _may(a.get("doctype"), a.get("doc_name")),
		None,
	),
	"get_next": (
		"frappe.desk.form.utils.get_next",
		lambda a: (
			_may(a.get("doctype"), a.get("value")),
			query_guard.check_filters(a.get("doctype"), {a.get("sort_field") or "modified": ""}),
		),
		None,
	),
	"report_to_pdf": (
		"frappe.utils.print_format.report_to_pdf",
		_report_pdf_args,
		None,
		"employment_partners.exports.report_to_pdf",
	),
	"global_search": ("frappe.utils.global_search.search", None, _global_search_results),
	"get_html_and_style": ("frappe.www.printview.get_html_and_style", _printview_args, None),
	"get_email_template": (
		"frappe.email.doctype.email_template.email_template.get_email_template",
		lambda a: _may("Email Template", a.get("template_name")),
		None,
	),
	"web_form_accept": ("frappe.website.doctype.web_form.web_form.accept", _web_form_args, None),
	"web_form_get_form_data": (
		"frappe.website.doctype.web_form.web_form.get_form_data",
		_web_form_args,
		None,
	),
	"user_query": (
		"frappe.core.doctype.user.user.user_query",
		lambda a: _search_args({**a, "doctype": "User"}),
		None,
	),
	"get_latest_submissions": (
		"frappe.core.doctype.submission_queue.submission_queue.get_latest_submissions",
		lambda a: _may(a.get("doctype"), a.get("docname")),
		None,
	),
	"make_prepared_report": (
		"frappe.core.doctype.prepared_report.prepared_report.make_prepared_report",
		lambda a: (
			frappe.get_doc("Report", a.get("report_name")).is_permitted()
			or frappe.throw(_("Not permitted"), frappe.PermissionError)
		),
		None,
	),
	"make_email": ("frappe.core.doctype.communication.email.make", _email_args, None),
	"bulk_apply": (
		"frappe.automation.doctype.assignment_rule.assignment_rule.bulk_apply",
		lambda a: [_may(a.get("doctype"), dn, "write") for dn in _names(a.get("docnames"))],
		None,
	),
}


def _make(name, path, check, after, runs=None):
	def override(**kwargs):
		original = frappe.get_attr(runs or path)
		kwargs.pop("cmd", None)
		if check:
			check(kwargs)
		result = frappe.call(original, **kwargs)
		return after(result) if after else result

	override.__name__ = override.__qualname__ = name
	override.__doc__ = f"{path}, after the app's permission check (security/overrides.py CHECKED)."
	original = frappe.get_attr(path)
	methods = frappe.allowed_http_methods_for_whitelisted_func.get(original)
	return frappe.whitelist(allow_guest=original in frappe.guest_methods, methods=methods)(override)


for _name, (_path, _check, _after, *_runs) in CHECKED.items():
	globals()[_name] = _make(_name, _path, _check, _after, *_runs)

# hooks.py: override_whitelisted_methods
# Frappe workaround "whitelisted-methods-without-checks" (employment_partners/workarounds.py)
OVERRIDES = {
	"frappe.client.get_count": "employment_partners.security.overrides.get_count",
	"frappe.client.get": "employment_partners.security.overrides.get",
	"frappe.desk.listview.get_group_by_count": "employment_partners.security.overrides.get_group_by_count",
	# not a leak: a sidebar of workspaces whose links an app-only staff login cannot open (desk_home)
	"frappe.desk.desktop.get_workspace_sidebar_items": "employment_partners.desk_home.workspace_sidebar_items",
	**{path: f"employment_partners.security.overrides.{name}" for name, (path, *_rest) in CHECKED.items()},
}
