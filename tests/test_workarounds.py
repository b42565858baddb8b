"""The registry of Frappe workarounds (employment_partners/workarounds.py), and what each corrects.

The registry: every entry links its upstream issue (or the upstream line, saying no issue was
found), gives its Frappe versions and names tests that exist; every patch of Frappe in the package
goes through it; an entry outside its versions is not applied; a process that imports the app has
every patch.  The behaviour, for the workarounds that had no test of their own: each with the
workaround (Frappe corrected) and, for the patches, without it (`workarounds.unpatched`): that half
shows what Frappe 15.44.2 does, so the day a Frappe release fixes it upstream, it fails here and the
entry's versions should end at that release.
"""

import ast
import importlib
import inspect
import json
import logging
import re
import subprocess
import sys
import types
from pathlib import Path

import frappe
import pytest
from frappe.model.db_query import DatabaseQuery

from employment_partners import install, permissions, workarounds
from employment_partners.portal import users
from employment_partners.tests.factories import make_job_order, make_skill, make_user, unique
from employment_partners.workarounds import WORKAROUNDS, Patch, Versions, Workaround, unpatched

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "employment_partners"
UPSTREAM = re.compile(
	r"^https://github\.com/frappe/frappe/(issues/\d+|pull/\d+|blob/v15\.44\.2/frappe/\S+#L\d+(-L\d+)?)$"
)


# --- the registry -------------------------------------------------------------------------------------


def resolve_test(reference: str):
	"""The test function `tests/test_x.py::[Class::]test_name[param]` names, or None."""
	path, *names = reference.split("::")
	module = importlib.import_module(path.removesuffix(".py").replace("/", "."))
	found = module
	for name in names:
		found = getattr(found, name.split("[")[0], None)
	return found if callable(found) and names and names[-1].startswith("test_") else None


def test_every_entry_links_upstream_and_names_its_versions_code_and_tests():
	names = [entry.name for entry in WORKAROUNDS]
	assert len(names) == len(set(names)), names
	for entry in WORKAROUNDS:
		assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)+", entry.name), entry.name
		assert entry.kind in ("patch", "hook", "migrate", "import", "script", "template"), entry.name
		assert entry.fixes.endswith(".") and not re.search(r"\.\s+[A-Z]", entry.fixes), entry.name
		assert entry.upstream and all(UPSTREAM.match(link) for link in entry.upstream), entry.name
		if not any("/issues/" in link or "/pull/" in link for link in entry.upstream):
			assert workarounds.NO_ISSUE in entry.upstream_status, entry.name
		assert entry.upstream_status, entry.name
		assert entry.versions.includes(frappe.__version__), (entry.name, str(entry.versions))
		if entry.kind in ("script", "template"):
			assert f'Frappe workaround "{entry.name}"' in (PACKAGE / entry.code).read_text(), entry.name
		if entry.kind == "script":
			# every desk page loads it
			asset = "/assets/employment_partners/" + entry.code.removeprefix("public/")
			assert asset in frappe.get_hooks("app_include_js", app_name="employment_partners"), entry.name
		elif entry.kind == "template":
			# Frappe's loader finds the app's copy first
			source = frappe.utils.jinja.get_jloader().get_source(frappe.utils.jinja.get_jenv(), entry.code)
			assert "/employment_partners/" in source[1], (entry.name, source[1])
		else:
			assert callable(frappe.get_attr(entry.code)), entry.name
		assert entry.tests, entry.name
		for reference in entry.tests:
			assert resolve_test(reference), f"{entry.name}: no test {reference}"
		assert bool(entry.patch) == (entry.kind == "patch"), entry.name


def test_each_hook_and_step_is_where_the_registry_says():
	for entry in WORKAROUNDS:
		if entry.hook:
			hooked = frappe.get_hooks(entry.hook.name, app_name="employment_partners")
			if entry.hook.key:
				hooked = hooked.get(entry.hook.key)
			if isinstance(hooked, dict):  # doc_events: {event: [paths]}
				hooked = [path for paths in hooked.values() for path in paths]
			assert entry.hook.path in (hooked or []), entry.name
		if entry.called_by:
			caller = (
				importlib.import_module(entry.called_by)
				if entry.called_by == "employment_partners"
				else frappe.get_attr(entry.called_by)
			)
			function = entry.code.rsplit(".", 1)[1]
			assert re.search(rf"\b{function}\(", inspect.getsource(caller)), entry.name
	# the patches are in place before anything of a request or job runs
	for hook in ("before_request", "before_job"):
		first = frappe.get_hooks(hook, app_name="employment_partners")[0]
		assert first == "employment_partners.workarounds.ensure_applied", hook


def test_every_patch_of_frappe_in_the_package_is_in_the_registry():
	"""Read: no module assigns to anything it imported from Frappe, or calls setattr, except the
	registry.  Running: every function of the app held by a Frappe module or class is a patch the
	registry applied there."""
	written = [
		found
		for path in sorted(PACKAGE.rglob("*.py"))
		if path.name != "workarounds.py"
		for found in patches_in_source(path)
	]
	assert written == [], "patch Frappe through employment_partners/workarounds.py"

	targets = {entry.patch.target: entry for entry in WORKAROUNDS if entry.patch}
	held = []
	for module_name, module in list(sys.modules.items()):
		if not (module_name == "frappe" or module_name.startswith("frappe.")) or module is None:
			continue
		for name, value in list(vars(module).items()):
			if _is_the_apps(value):
				held.append((f"{module_name}:{name}", value))
			elif isinstance(value, type) and value.__module__ == module_name:
				held += [
					(f"{module_name}:{value.__name__}.{attribute}", function)
					for attribute, function in vars(value).items()
					if _is_the_apps(function)
				]
	assert held, "the patches are applied in this process"
	for target, function in held:
		assert target in targets, f"{target} holds {function.__module__}.{function.__qualname__}"
		assert workarounds.applied_names(function), target


STATE = {"local", "flags", "response", "form_dict", "session", "request", "message_log"}


def patches_in_source(path: Path) -> list[str]:
	"""Assignments to what a module imported from Frappe (its request state aside), and setattr."""
	tree = ast.parse(path.read_text())
	from_frappe = set()
	for node in ast.walk(tree):
		if isinstance(node, ast.Import):
			from_frappe |= {
				(a.asname or a.name).split(".")[0] for a in node.names if a.name.split(".")[0] == "frappe"
			}
		elif isinstance(node, ast.ImportFrom) and not node.level and node.module.split(".")[0] == "frappe":
			from_frappe |= {a.asname or a.name for a in node.names}
	found = []
	for node in ast.walk(tree):
		targets = getattr(node, "targets", None) or [getattr(node, "target", None)]
		for target in targets if isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign) else ():
			for one in target.elts if isinstance(target, ast.Tuple) else [target]:
				names = _dotted(one)
				if names and names[0] in from_frappe and not (names[0] == "frappe" and names[1] in STATE):
					found.append(f"{path.relative_to(REPO)}:{node.lineno} {'.'.join(names)} = ...")
		if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "setattr":
			found.append(f"{path.relative_to(REPO)}:{node.lineno} setattr(...)")
	return found


def _dotted(node) -> list[str] | None:
	if not isinstance(node, ast.Attribute):
		return None
	names = []
	while isinstance(node, ast.Attribute):
		names.insert(0, node.attr)
		node = node.value
	return [node.id, *names] if isinstance(node, ast.Name) else None


def _is_the_apps(value) -> bool:
	return isinstance(value, types.FunctionType) and value.__module__.startswith("employment_partners")


class Greeter:
	def greet(self):
		return "hello"


def shout(original):
	def greet(self):
		return original(self).upper()

	return greet


def test_a_patch_outside_its_versions_is_not_applied_and_says_so(caplog):
	assert workarounds.version_tuple("15.44.2") == (15, 44, 2)
	assert workarounds.version_tuple("16.0.0-dev") == (16, 0, 0)
	assert workarounds.version_tuple("15") == (15, 0, 0)

	def entry(versions):
		return Workaround(
			name="test-shout",
			kind="patch",
			fixes="Greets too quietly.",
			upstream=("https://github.com/frappe/frappe/issues/1",),
			upstream_status="",
			versions=versions,
			code="tests.test_workarounds.shout",
			tests=(),
			patch=Patch("tests.test_workarounds:Greeter.greet", "tests.test_workarounds:shout"),
		)

	try:
		with caplog.at_level(logging.WARNING, logger="employment_partners.workarounds"):
			assert workarounds.apply([entry(Versions("14.0", "15.0"))], "15.44.2") == {
				"test-shout": "skipped"
			}
		assert Greeter().greet() == "hello"
		assert "test-shout not applied: Frappe 15.44.2 is outside >=14.0,<15.0" in caplog.text
		assert workarounds.apply([entry(Versions("15.0"))], "15.44.2") == {"test-shout": "applied"}
		assert workarounds.apply([entry(Versions("15.0"))], "15.44.2") == {"test-shout": "already applied"}
		assert Greeter().greet() == "HELLO"  # wrapped once
	finally:
		Greeter.greet = workarounds.original_of(Greeter.greet)

	# frappe/frappe#32192 fixed the first one for v16: there, it is left alone
	fixed = workarounds.get("fieldlevel-read-skips-fields")
	before = DatabaseQuery.apply_fieldlevel_read_permissions
	assert not fixed.versions.includes("16.0.0-dev") and fixed.versions.includes("15.44.2")
	assert workarounds.apply([fixed], "16.0.0") == {fixed.name: "skipped"}
	assert DatabaseQuery.apply_fieldlevel_read_permissions is before


def test_every_patch_is_applied_once():
	for entry in WORKAROUNDS:
		if entry.patch:
			owner, attribute = workarounds._target(entry.patch.target)
			assert workarounds.applied_names(getattr(owner, attribute)).count(entry.name) == 1, entry.name
	assert set(workarounds.apply().values()) == {"already applied"}


def test_a_process_that_imports_the_app_has_every_workaround():
	"""As a bench command, a worker or the console starts: importing the app is enough."""
	script = """
import json, logging
import employment_partners
from employment_partners import utils, workarounds
state = {}
for entry in workarounds.WORKAROUNDS:
	if entry.patch:
		owner, attribute = workarounds._target(entry.patch.target)
		state[entry.name] = entry.name in workarounds.applied_names(getattr(owner, attribute))
state["email-css-parser-noise"] = utils.critical_only in logging.getLogger("CSSUTILS").filters
print(json.dumps(state))
"""
	done = subprocess.run(
		[sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True
	)
	state = json.loads(done.stdout.strip().splitlines()[-1])
	expected = [e.name for e in WORKAROUNDS if e.patch] + ["email-css-parser-noise"]
	assert state == dict.fromkeys(expected, True)


# --- the patches ----------------------------------------------------------------------------------------


def selected(doctype: str, **kwargs) -> set[str]:
	"""The words of the select list of the SQL Frappe would run for this list query."""
	sql = frappe.get_list(doctype, run=False, **kwargs)
	return set(re.findall(r"\w+", re.split(r"\sfrom\s", sql, maxsplit=1)[0]))


def test_a_field_after_a_hidden_one_is_dropped_too():
	"""A Business Services Rep reads participants at level 0: date of birth and email are level 1."""
	frappe.set_user(make_user("Business Services Rep"))
	asked = ["name", "date_of_birth", "email", "first_name"]
	assert selected("Participant", fields=asked) & set(asked) == {"name", "first_name"}
	with unpatched("fieldlevel-read-skips-fields"):  # Frappe skips the field after one it pops
		assert selected("Participant", fields=asked) & set(asked) == {"name", "email", "first_name"}


def test_a_level_one_tables_columns_are_dropped():
	"""An employer reads appreciation events at level 0; the invitees table is at level 1."""
	frappe.set_user(make_user("Employer Partner"))
	invitee = "`tabEmployer Appreciation Invitee`.`hiring_partnership`"
	fields = ["name", invitee]
	with pytest.raises(frappe.PermissionError):  # the query guard refuses it first
		selected("Employer Appreciation Event", fields=fields)
	with unpatched("list-queries-name-hidden-fields"):
		assert "hiring_partnership" not in selected("Employer Appreciation Event", fields=fields)
		with unpatched("level-one-table-columns-listed"):  # Frappe keeps it: the column is at level 0
			assert "hiring_partnership" in selected("Employer Appreciation Event", fields=fields)


@pytest.fixture
def two_job_orders():
	"""An employer's job order and another partnership's, each with a required skill."""
	employer = f"{frappe.generate_hash(length=10)}@employer.example.com"
	theirs = make_job_order(skills=[make_skill()])
	mine = make_job_order(skills=[make_skill()])
	users.invite(mine.hiring_partnership, employer, "Workaround", "Employer")
	return employer, mine, theirs


def test_a_child_row_read_alone_follows_its_parent_record(two_job_orders):
	employer, mine, theirs = two_job_orders
	frappe.set_user(employer)
	assert frappe.has_permission("Job Order Skill", "read", doc=mine.required_skills[0].name)
	assert not frappe.has_permission("Job Order Skill", "read", doc=theirs.required_skills[0].name)
	with unpatched("child-row-checked-without-its-parent"):  # Frappe asks the Job Order role only
		assert frappe.has_permission("Job Order Skill", "read", doc=theirs.required_skills[0].name)


def test_a_filter_on_a_hidden_field_is_refused():
	frappe.set_user(make_user("Business Services Rep"))
	assert "first_name" in frappe.get_list("Participant", filters={"first_name": "Jo"}, run=False)
	with pytest.raises(frappe.PermissionError, match=r"\(has_disability\) of Participant"):
		frappe.get_list("Participant", filters={"has_disability": 1}, run=False)
	with unpatched("list-queries-name-hidden-fields"):  # Frappe filters on it, and the rows say it
		assert "has_disability" in frappe.get_list("Participant", filters={"has_disability": 1}, run=False)


def test_failed_sign_ins_lock_the_account_with_a_message(monkeypatch):
	key = f"{frappe.generate_hash(length=10)}@example.com"
	frappe.db.set_single_value(
		"System Settings", {"allow_consecutive_login_attempts": 1, "allow_login_after_fail": 120}
	)
	monkeypatch.setattr(frappe.local, "request_ip", "203.0.113.9", raising=False)
	try:
		assert frappe.auth.get_login_attempt_tracker("203.0.113.9") is None  # no lock per address
		with unpatched("sign-in-locks-the-office"):
			assert frappe.auth.get_login_attempt_tracker("203.0.113.9") is not None
		tracker = frappe.auth.LoginAttemptTracker(key, max_consecutive_login_attempts=1, lock_interval=120)
		tracker.add_failure_attempt()
		tracker.add_failure_attempt()
		with pytest.raises(frappe.TooManyRequestsError, match="Too many failed sign-ins for this account"):
			frappe.auth.get_login_attempt_tracker(key)
		with unpatched("sign-in-locks-the-office"), pytest.raises(frappe.SecurityException):
			frappe.auth.get_login_attempt_tracker(key)  # Frappe's lock: an HTTP 500
	finally:
		for table in ("login_failed_count", "login_failed_time"):
			frappe.cache.hdel(table, key)
			frappe.cache.hdel(table, "203.0.113.9")


def test_a_wrong_typed_argument_is_refused_with_a_message():
	from frappe.utils.typing_validations import validate_argument_types

	def hire(openings: int):
		return openings

	checked = validate_argument_types(hire)
	assert checked(openings=3) == 3
	with pytest.raises(frappe.FrappeTypeError, match=r"^openings must be a whole number, not str$"):
		checked(openings="many")
	with (
		unpatched("wrong-type-refused-without-a-message"),
		pytest.raises(frappe.FrappeTypeError, match="should be of type"),
	):
		checked(openings="many")
	frappe.local.message_log = []


# --- the hooks and migrate steps without a test of their own ------------------------------------------


def test_a_child_table_lists_only_rows_of_readable_parents(two_job_orders):
	employer, mine, theirs = two_job_orders
	frappe.set_user(employer)
	parents = frappe.get_list("Job Order Skill", parent_doctype="Job Order", pluck="parent", limit=0)
	assert mine.name in parents
	assert theirs.name not in parents


def test_an_employer_lists_no_tags(two_job_orders):
	from frappe.desk.doctype.tag.tag import add_tag

	employer, _mine, theirs = two_job_orders
	add_tag(unique("urgent").replace(" ", "-"), "Job Order", theirs.name)
	frappe.set_user(employer)
	assert frappe.get_list("Tag Link", filters={"document_name": theirs.name}, pluck="name") == []
	frappe.set_user(make_user("Business Services Rep"))  # staff still see the tags
	assert frappe.get_list("Tag Link", filters={"document_name": theirs.name}, pluck="name")


def test_a_portal_login_is_refused_the_print_view_before_frappe_serves_it(monkeypatch):
	employer = make_user("Employer Partner")
	for user, path, refused in (
		(employer, "/printview", True),
		(employer, "/app/placement", True),
		(employer, "/partner", False),
		(make_user("Business Services Rep"), "/printview", False),
	):
		frappe.set_user(user)
		monkeypatch.setattr(frappe.local, "request", types.SimpleNamespace(path=path), raising=False)
		if refused:
			with pytest.raises(frappe.PermissionError):
				permissions.keep_employers_on_the_portal()
		else:
			permissions.keep_employers_on_the_portal()


def test_an_employer_reads_none_of_the_apps_desk_cards():
	from frappe.desk.doctype.number_card.number_card import has_permission as frappes_own

	card = frappe.get_doc(
		{
			"doctype": "Number Card",
			"label": unique("Open Job Orders"),
			"type": "Document Type",
			"document_type": "Job Order",
			"function": "Count",
			"module": "Employment Partners",
		}
	).insert()
	employer, rep = make_user("Employer Partner"), make_user("Business Services Rep")
	frappe.set_user(employer)  # Frappe's own hook reads the session's user
	assert frappes_own(card, "read", employer)  # an employer reads job orders (their own)
	assert not frappe.has_permission("Number Card", "read", card, user=employer)
	frappe.set_user(rep)
	assert frappe.has_permission("Number Card", "read", card, user=rep)


def test_a_migrate_takes_desk_access_from_employer_partner():
	frappe.db.set_value("Role", "Employer Partner", "desk_access", 1)  # as Frappe makes the role
	install.after_migrate()
	assert frappe.db.get_value("Role", "Employer Partner", "desk_access") == 0
