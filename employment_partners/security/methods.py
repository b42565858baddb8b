"""Which whitelisted methods a request may run, decided before Frappe runs any (`before_request`).

Frappe 15 reaches a whitelisted function by several routes: `/api/method/<path>`, `/api/v1/...`,
`/api/v2/method/<path>` and `/api/v2/method/<doctype>/<method>`, and `cmd=<path>` in the form data
of *any* request, which `frappe.app.application` runs before it looks at the path (so
`/api/method/ping?cmd=frappe.desk.form.load.getdoc` runs getdoc).  A function is also reachable
under every name it is imported as: Frappe's own test modules re-export whitelisted functions
(`frappe.tests.test_form_load.getdoc`).  Guarding names therefore guards nothing; this module
resolves the request to the **function object** Frappe would call (after
`override_whitelisted_methods`, as `frappe.handler.execute_cmd` does) and judges that.

- **Portal and guest sessions are denied by default.**  An employer's login (Employer Partner
  without a staff role) and Guest may call only the functions in `PORTAL_METHODS`: what the portal
  pages, its web forms, the pulse and signing in and out need.  Every other method, and the REST
  document API (`/api/resource`, `/api/v2/document`, `/api/v2/doctype`), is refused with a message.
- **Desk users get Frappe's methods as classified** in `frappe_methods.json` (every whitelisted
  function of the installed Frappe, see docs/security-scan.md): "refused" ones are refused to all
  but System Managers; "override" ones are replaced (hooks.py `override_whitelisted_methods`) by
  the permission-checked versions in `security/overrides.py`.
"""

import json
from functools import cache
from pathlib import Path

import frappe
import frappe.handler
from frappe import _

from employment_partners import permissions

CLASSIFICATION = Path(__file__).with_name("frappe_methods.json")

# what a portal (employer) or guest session may call: resolved to functions before comparing
PORTAL_METHODS = (
	# signing in and out, passwords, the session's own boot
	"frappe.handler.logout",
	"frappe.handler.web_logout",
	"frappe.auth.get_logged_user",
	"frappe.core.doctype.user.user.reset_password",
	"frappe.core.doctype.user.user.update_password",
	"frappe.core.doctype.user.user.test_password_strength",
	"frappe.core.doctype.user.user.verify_password",
	"frappe.www.login.login_via_key",
	"frappe.www.login.send_login_link",
	"frappe.twofactor.send_token_via_sms",
	"frappe.twofactor.send_token_via_email",
	"frappe.realtime.get_user_info",
	"frappe.realtime.can_subscribe_doc",
	"frappe.realtime.can_subscribe_doctype",
	"frappe.translate.load_all_translations",
	"frappe.translate.get_app_translations",
	"frappe.website.doctype.website_settings.website_settings.get_auto_account_deletion_time",
	# the portal's web forms
	"frappe.website.doctype.web_form.web_form.accept",
	"frappe.website.doctype.web_form.web_form.get_form_data",
	"frappe.website.doctype.web_form.web_form.get_link_options",
	"frappe.website.doctype.web_form.web_form.delete",
	"frappe.handler.upload_file",
	# the app's portal endpoints (they check the employer's partnerships themselves)
	"employment_partners.api.portal.rsvp",
	"employment_partners.api.portal.confirm_paperwork",
	"employment_partners.api.portal.answer_pulse",
)
# paths that reach a method without naming it in `cmd` or /method/
FIXED_ROUTES = {
	"/api/method/login": "login",
	"/api/v2/method/login": "login",
	"/api/method/logout": "frappe.handler.logout",
	"/api/v2/method/logout": "frappe.handler.logout",
	"/api/method/ping": "frappe.ping",
	"/api/v2/method/ping": "frappe.ping",
	"/api/v2/method/upload_file": "frappe.handler.upload_file",
	"/api/v2/method/run_doc_method": "frappe.handler.run_doc_method",
}
# what Frappe answers itself without running a whitelisted function
ALWAYS = {"login", "frappe.ping"}
SYSTEM_MANAGERS = {"System Manager", "Administrator"}


class NotAllowed(frappe.PermissionError):
	pass


# Frappe workaround "methods-reachable-by-any-route" (employment_partners/workarounds.py)
def guard_request():
	"""before_request: refuse a call the session may not make, before Frappe runs it."""
	request = getattr(frappe.local, "request", None)
	user = frappe.session.user
	if not request or user == "Administrator" or request.method == "OPTIONS":
		return
	portal = user == "Guest" or permissions.is_employer_user(user)
	if user != "Guest" and portal and request.method == "GET":
		give_portal_session_a_csrf_token()
	name = requested_method(request)
	if name is None:
		if portal and _is_document_api(request.path):
			frappe.throw(_("The employer portal does not offer this"), NotAllowed, title=_("Not permitted"))
		return
	if name in ALWAYS:
		return
	function = resolve(name)
	if portal:
		if function is None or function not in portal_functions():
			frappe.throw(_("The employer portal does not offer this"), NotAllowed, title=_("Not permitted"))
		return
	if function in doc_method_runners():
		check_doc_method(request)
	# "override": reached under a name override_whitelisted_methods does not cover (an alias)
	if classify(function) in ("refused", "override") and not SYSTEM_MANAGERS & set(frappe.get_roles(user)):
		frappe.throw(
			_("{0} is not available to your role").format(name.rsplit(".", 1)[-1]),
			NotAllowed,
			title=_("Not permitted"),
		)


def requested_method(request) -> str | None:
	"""The dotted name of the method this request makes Frappe run, or None for none."""
	if frappe.form_dict.get("cmd"):  # frappe.app.application runs it whatever the path
		return str(frappe.form_dict.cmd)
	path = request.path.rstrip("/")
	if path in FIXED_ROUTES:
		return FIXED_ROUTES[path]
	for prefix in ("/api/method/", "/api/v1/method/"):
		if path.startswith(prefix):
			return path[len(prefix) :]
	if path.startswith("/api/v2/method/"):
		rest = path[len("/api/v2/method/") :]
		if "/" in rest:  # /api/v2/method/<doctype>/<method>: a method of the doctype's module
			doctype, method = rest.split("/", 1)
			try:
				from frappe.modules.utils import load_doctype_module

				return f"{load_doctype_module(doctype).__name__}.{method}"
			except Exception:
				return rest
		return rest
	if "/method/" in path and path.startswith("/api/v2/document/"):
		return "frappe.handler.run_doc_method"
	return None


def _is_document_api(path: str) -> bool:
	return path.startswith(("/api/resource", "/api/v1/resource", "/api/v2/document", "/api/v2/doctype"))


def resolve(name: str):
	"""The function Frappe would call for `name`, after override_whitelisted_methods; None when
	there is none (Frappe then refuses the call itself)."""
	for hook in reversed(frappe.get_hooks("override_whitelisted_methods", {}).get(name, [])):
		name = hook
		break
	try:
		if "." in name:
			function = frappe.get_attr(name)
		else:
			function = getattr(frappe.handler, name)
	except Exception:
		return None
	return getattr(function, "__func__", function)


@cache
def doc_method_runners() -> frozenset:
	"""Frappe's routes to a controller method of a document (v1 and v2)."""
	import frappe.api.v2

	return frozenset(
		{frappe.handler.run_doc_method, frappe.api.v2.run_doc_method, frappe.api.v2.execute_doc_method}
	)


# Frappe workaround "doc-method-judged-on-the-callers-copy" (employment_partners/workarounds.py)
def check_doc_method(request) -> None:
	"""run_doc_method: Frappe 15 (v1) asks only "read", for a POST too, and judges a document the
	caller sends whole, so a caller could set the very fields a permission rule reads.  Here the
	stored record is judged ("write" for a POST), a document that is not stored needs "create", and
	the controller method is held to its class in frappe_methods.json."""
	form = frappe.form_dict
	document = form.get("docs") or form.get("document")
	document = frappe.parse_json(document) if isinstance(document, str) else document
	doctype = (
		form.get("dt")
		or (document or {}).get("doctype")
		or (request.path.split("/")[4] if request.path.startswith("/api/v2/document/") else None)
	)
	name = (
		form.get("dn")
		or (document or {}).get("name")
		or (request.path.split("/")[5] if request.path.startswith("/api/v2/document/") else None)
	)
	method = form.get("method") or form.get("run_method") or request.path.rstrip("/").rsplit("/", 1)[-1]
	if not doctype or not frappe.db.exists("DocType", doctype):
		frappe.throw(_("Not permitted"), NotAllowed)
	ptype = "read" if request.method == "GET" else "write"
	if name and frappe.db.exists(doctype, name):
		allowed = frappe.has_permission(doctype, ptype, name)
	else:
		allowed = frappe.has_permission(doctype, "create")
	from frappe.model.base_document import get_controller

	function = getattr(get_controller(doctype), str(method), None)
	function = getattr(function, "__func__", function)
	if not allowed or (classify(function) == "refused" and not SYSTEM_MANAGERS & set(frappe.get_roles())):
		frappe.throw(_("Not permitted"), NotAllowed, title=_("Not permitted"))


@cache
def portal_functions() -> frozenset:
	return frozenset(f for name in PORTAL_METHODS if (f := resolve(name)) is not None)


@cache
def classification() -> dict:
	return json.loads(CLASSIFICATION.read_text())


def classify(function) -> str | None:
	"""The class of a Frappe whitelisted function, found by where it is defined (its module and
	qualified name), so every alias of it has its class; None for the app's own and other apps'."""
	function = getattr(function, "__func__", function)
	path = f"{getattr(function, '__module__', '')}.{getattr(function, '__qualname__', '')}"
	return classification()["methods"].get(path, {}).get("class")


# Frappe workaround "portal-sessions-without-csrf-token" (employment_partners/workarounds.py)
def give_portal_session_a_csrf_token():
	"""Frappe 15 makes a CSRF token only when the desk (/app) loads, and checks none for a session
	without one, so an employer's portal session was protected by its SameSite=Lax cookie alone.
	A portal session gets its token on its first page (the sign-in POST itself carries none); the
	portal's pages hand it to their scripts (frappe.csrf_token) and every POST after must send it."""
	session = getattr(frappe.local, "session", None)
	if not session or session.data.get("csrf_token") or not getattr(frappe.local, "session_obj", None):
		return
	from frappe.sessions import generate_csrf_token

	generate_csrf_token()
	frappe.local.session_obj.update(force=True)
