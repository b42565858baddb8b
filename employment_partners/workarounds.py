"""Every workaround for Frappe the app carries, in one registry (`WORKAROUNDS`).

Each entry says what it fixes, links its upstream issue or pull request (or, where none was found,
the upstream line that causes the behaviour, and says so), the Frappe versions it applies to, where
it lives and the tests that fail without it (tests/test_workarounds.py checks all of that).  Kinds:

- **patch**: replaces a Frappe function; the replacement is in `frappe_fixes.py`.  `apply()` sets
  each patch whose versions include the running Frappe and skips, with a warning, one whose do not
  ("fieldlevel-read-skips-fields" is fixed upstream for v16 by frappe/frappe#32192).
- **hook**: a hooks.py entry (or a step of one) that exists only because of how Frappe behaves.
- **migrate**: an after_migrate / before_uninstall step that corrects what Frappe does to a site.
- **import**: set when the app is loaded.
- **script**: a desk script (`code` is its file under the package) that changes a Frappe function of
  the browser's; the file names its entry where it does so.
- **template**: a Jinja template of the package that stands in for Frappe's of the same path (apps
  installed later come first in Frappe's template loader); `code` is its file, which names its entry.

Hooks and migrate steps stay where Frappe calls them; each carries a comment naming its entry here.

When the patches are applied, and why there
-------------------------------------------
`apply()` runs when the package `employment_partners` is imported (its `__init__`), and again,
doing nothing when all is in place, as the first `before_request` and `before_job` hook:

- bench commands (`bench worker`, `bench schedule`, `bench migrate`, `bench execute`, the
  console): Frappe's command line imports every app's `commands` module when it starts, so the
  patches are in place before any site is touched; a worker forks its jobs from that process.  The
  tests likewise (conftest.py imports the app).
- web requests: Frappe keeps the hooks in Redis, so a web worker imports the app only when it first
  calls one of the app's hooks.  `before_request` names `ensure_applied` first, so the patches are
  in place before any request's handler runs.  One thing runs before any hook: a sign-in is checked
  inside `frappe.auth.HTTPRequest()` (frappe/app.py, init_request), so the very first request a fresh
  web worker serves, if it is a sign-in, meets Frappe's own login tracker (the address lock of
  "sign-in-locks-the-office"); from its next request on, the worker has the fix.
- background jobs: `before_job` does the same for a worker not started by bench.

A patch replaces a module or class attribute, which every caller in Frappe 15 looks up when it
calls (DatabaseQuery's methods, `frappe.permissions.has_child_permission`,
`frappe.auth.get_login_attempt_tracker`, `typing_validations.raise_type_error`), so one application
per process is enough.  Each replacement is made from the function it replaces (`frappe_fixes`),
which it keeps as `__wrapped__`: `apply()` never wraps twice, and `unpatched()` lets a test take one
off to show what Frappe does without it.
"""

import importlib
import logging
import re
from contextlib import contextmanager
from dataclasses import dataclass

FRAPPE = "https://github.com/frappe/frappe"
V15 = f"{FRAPPE}/blob/v15.44.2/frappe"  # the Frappe the app is built and tested on
NO_ISSUE = "no upstream issue found"

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Versions:
	"""The Frappe versions a workaround applies to: `first` <= version < `before`."""

	first: str
	before: str | None = None

	def includes(self, version: str) -> bool:
		v = version_tuple(version)
		return version_tuple(self.first) <= v and (self.before is None or v < version_tuple(self.before))

	def __str__(self) -> str:
		return f">={self.first}" + (f",<{self.before}" if self.before else "")


@dataclass(frozen=True)
class Patch:
	"""`target` ("module:Class.attribute" or "module:attribute") is replaced by what the factory
	`fix` ("module:function") makes of it."""

	target: str
	fix: str


@dataclass(frozen=True)
class Hook:
	"""A hooks.py entry: `path` registered under the hook `name` (and, for a dict hook, `key`)."""

	name: str
	path: str
	key: str | None = None


@dataclass(frozen=True)
class Workaround:
	name: str
	kind: str  # "patch", "hook", "migrate", "import", "script" or "template"
	fixes: str  # what Frappe does that the app corrects, in one sentence
	upstream: tuple[str, ...]  # the issue or pull request, else the upstream line that causes it
	upstream_status: str  # what upstream has done about it, or NO_ISSUE
	versions: Versions
	code: str  # the dotted path of the function that does the work (a script: its file)
	tests: tuple[str, ...]  # "path/to/test_x.py::[Class::]test_name", each fails without it
	patch: Patch | None = None
	hook: Hook | None = None
	called_by: str | None = None  # the function that runs `code`, when a hook does not name it
	notes: str = ""


FRAPPE_15 = Versions("15.0", "16.0")  # the app's supported Frappe (pyproject.toml): re-check on 16
TESTS = "tests/test_workarounds.py::"

WORKAROUNDS: tuple[Workaround, ...] = (
	# --- patches: frappe_fixes.py -------------------------------------------------------------------
	Workaround(
		name="fieldlevel-read-skips-fields",
		kind="patch",
		fixes="DatabaseQuery.apply_fieldlevel_read_permissions pops hidden fields from the list it is"
		" iterating, so the field after a hidden one is never checked and comes back to the reader.",
		upstream=(
			f"{FRAPPE}/pull/32192",
			f"{FRAPPE}/issues/37950",
			f"{V15}/model/db_query.py#L635",
		),
		upstream_status="fixed for v16 by #32192 (merged 2025-04); #37950 asks for the v15 backport",
		versions=Versions("15.0", "16.0"),
		code="employment_partners.frappe_fixes.recheck_until_nothing_is_removed",
		tests=(
			TESTS + "test_a_field_after_a_hidden_one_is_dropped_too",
			"tests/test_permissions.py::TestParticipantPrivacy"
			"::test_a_rep_reads_what_matching_needs_and_not_the_sensitive_fields",
		),
		patch=Patch(
			"frappe.model.db_query:DatabaseQuery.apply_fieldlevel_read_permissions",
			"employment_partners.frappe_fixes:recheck_until_nothing_is_removed",
		),
	),
	Workaround(
		name="level-one-table-columns-listed",
		kind="patch",
		fixes="DatabaseQuery.apply_fieldlevel_read_permissions judges a child table's column by the"
		" column's own permission level, not by its table field's, so a level-1 table comes back joined.",
		upstream=(f"{V15}/model/db_query.py#L669-L671", f"{FRAPPE}/issues/19824"),
		upstream_status=f"{NO_ISSUE} for lists; #19824 (table fields' level ignored, v14) is closed",
		versions=FRAPPE_15,
		code="employment_partners.frappe_fixes.drop_columns_of_unreadable_tables",
		tests=(
			TESTS + "test_a_level_one_tables_columns_are_dropped",
			"tests/test_isolation_generated.py::test_closed_gap",
		),
		patch=Patch(
			"frappe.model.db_query:DatabaseQuery.apply_fieldlevel_read_permissions",
			"employment_partners.frappe_fixes:drop_columns_of_unreadable_tables",
		),
	),
	Workaround(
		name="child-row-checked-without-its-parent",
		kind="patch",
		fixes="frappe.permissions.has_child_permission passes a row's parent_doc on, which is None for a"
		" row loaded alone, so only the parent doctype's role permission is asked, never the parent record.",
		upstream=(
			f"{V15}/permissions.py#L824-L830",
			f"{V15}/model/base_document.py#L271-L277",
			f"{FRAPPE}/pull/17681",
		),
		upstream_status=f"{NO_ISSUE}; the line came with #17681, meant as a fallback to the parent",
		versions=FRAPPE_15,
		code="employment_partners.frappe_fixes.ask_the_parent_record",
		tests=(
			TESTS + "test_a_child_row_read_alone_follows_its_parent_record",
			"tests/test_isolation_generated.py::test_closed_gap",
		),
		patch=Patch(
			"frappe.permissions:has_child_permission",
			"employment_partners.frappe_fixes:ask_the_parent_record",
		),
	),
	Workaround(
		name="list-queries-name-hidden-fields",
		kind="patch",
		fixes="DatabaseQuery applies filters, or_filters, order_by and group_by on any column and judges"
		" a field expression by its first column only, so rows, counts and order say hidden values.",
		upstream=(
			f"{FRAPPE}/pull/40515",
			f"{FRAPPE}/pull/37316",
			f"{V15}/model/db_query.py#L589",
			f"{V15}/model/db_query.py#L644",
		),
		upstream_status="order_by/group_by: #40515 (merged 2026-07, develop); filter fields: checked by"
		" the newer query engine (#37316, 2026-02); no version-15 backport found; expressions: " + NO_ISSUE,
		versions=FRAPPE_15,
		code="employment_partners.security.query_guard.check",
		tests=(
			TESTS + "test_a_filter_on_a_hidden_field_is_refused",
			"tests/test_query_guard.py::test_every_hidden_field_in_every_shape_through_every_list_channel",
			"tests/test_query_guard.py::test_a_child_tables_hidden_column_in_a_filter_is_refused",
		),
		patch=Patch(
			"frappe.model.db_query:DatabaseQuery.parse_args",
			"employment_partners.frappe_fixes:guard_the_query",
		),
	),
	Workaround(
		name="sign-in-locks-the-office",
		kind="patch",
		fixes="frappe.auth.get_login_attempt_tracker also locks a client address after failed sign-ins"
		" (everyone behind one router) and answers a lock with SecurityException, an HTTP 500.",
		upstream=(f"{V15}/auth.py#L241", f"{V15}/auth.py#L486-L492"),
		upstream_status=NO_ISSUE,
		versions=FRAPPE_15,
		code="employment_partners.frappe_fixes.lock_the_account_not_the_address",
		tests=(
			TESTS + "test_failed_sign_ins_lock_the_account_with_a_message",
			"tests/test_query_guard.py::test_failed_sign_ins_lock_the_account_not_the_office",
		),
		patch=Patch(
			"frappe.auth:get_login_attempt_tracker",
			"employment_partners.frappe_fixes:lock_the_account_not_the_address",
		),
	),
	Workaround(
		name="wrong-type-refused-without-a-message",
		kind="patch",
		fixes="frappe.utils.typing_validations.raise_type_error raises FrappeTypeError bare, so with"
		" tracebacks hidden (a production site) a wrong-typed argument gets a 417 with no text.",
		upstream=(f"{V15}/utils/typing_validations.py#L55-L66",),
		upstream_status=NO_ISSUE,
		versions=FRAPPE_15,
		code="employment_partners.frappe_fixes.refuse_with_a_message",
		tests=(TESTS + "test_a_wrong_typed_argument_is_refused_with_a_message",),
		patch=Patch(
			"frappe.utils.typing_validations:raise_type_error",
			"employment_partners.frappe_fixes:refuse_with_a_message",
		),
	),
	# --- hooks --------------------------------------------------------------------------------------
	Workaround(
		name="child-rows-listed-without-parent-rules",
		kind="hook",
		fixes="A child table listed on its own (REST, get_list with parent_doctype, get_value) is limited"
		" by its parent doctype's role permission only, never by the parent records' rules.",
		upstream=(
			f"{V15}/model/db_query.py#L114",
			f"{V15}/model/db_query.py#L1048-L1051",
			f"{FRAPPE}/pull/14844",
			f"{FRAPPE}/issues/21076",
		),
		upstream_status="#14844 (parent rules in get_list) was closed unmerged; #21076 (user permissions"
		" not applied to child data) is open",
		versions=FRAPPE_15,
		code="employment_partners.permissions.child_query_conditions",
		tests=(
			TESTS + "test_a_child_table_lists_only_rows_of_readable_parents",
			"tests/test_isolation_generated.py::test_closed_gap",
		),
		hook=Hook(
			"permission_query_conditions",
			"employment_partners.permissions.child_query_conditions",
			key="Job Order Skill",
		),
		notes="registered for each of the app's child tables (hooks.py)",
	),
	Workaround(
		name="tag-links-readable-by-all",
		kind="hook",
		fixes="Tag Link is readable by the All role with no record rule, so a tag lists every record it"
		" is on, with its title, to any login.",
		upstream=(f"{V15}/desk/doctype/tag_link/tag_link.json#L74", f"{FRAPPE}/pull/14262"),
		upstream_status=f"{NO_ISSUE}; All got read on Tag Link in #14262 so that anyone may tag",
		versions=FRAPPE_15,
		code="employment_partners.permissions.tag_link_condition",
		tests=(
			TESTS + "test_an_employer_lists_no_tags",
			"tests/test_isolation_generated.py::test_closed_gap",
		),
		hook=Hook(
			"permission_query_conditions",
			"employment_partners.permissions.tag_link_condition",
			key="Tag Link",
		),
	),
	Workaround(
		name="print-view-logs-before-checking",
		kind="hook",
		fixes="/printview writes an Access Log row of a print before it checks the reader's permission,"
		" so a refused print is logged as one; portal logins are kept off /printview and /app.",
		upstream=(f"{V15}/www/printview.py#L52-L54", f"{V15}/www/printview.py#L116-L117"),
		upstream_status=NO_ISSUE,
		versions=FRAPPE_15,
		code="employment_partners.permissions.keep_employers_on_the_portal",
		tests=(
			TESTS + "test_a_portal_login_is_refused_the_print_view_before_frappe_serves_it",
			"tests/test_isolation_generated.py::test_a_refused_print_view_is_not_logged_as_a_print",
		),
		hook=Hook("before_request", "employment_partners.permissions.keep_employers_on_the_portal"),
	),
	Workaround(
		name="desk-cards-shown-by-document-type",
		kind="hook",
		fixes="Number Card and Dashboard Chart let anyone who may read the card's doctype read the card,"
		" so employers (who read their own placements and job orders) got the agency's desk cards.",
		upstream=(
			f"{V15}/desk/doctype/number_card/number_card.py#L111-L124",
			f"{V15}/desk/doctype/dashboard_chart/dashboard_chart.py#L69-L85",
		),
		upstream_status=NO_ISSUE,
		versions=FRAPPE_15,
		code="employment_partners.permissions.app_desk_record_permission",
		tests=(
			TESTS + "test_an_employer_reads_none_of_the_apps_desk_cards",
			"tests/test_query_guard.py::test_a_card_or_chart_shows_only_to_those_who_may_read_what_it_counts",
		),
		hook=Hook(
			"has_permission", "employment_partners.permissions.app_desk_record_permission", key="Number Card"
		),
		notes="registered for Number Card and Dashboard Chart",
	),
	Workaround(
		name="attach-ignores-its-write-check",
		kind="hook",
		fixes="frappe.handler.upload_file asks for write permission on the record a file is attached to"
		" and ignores the answer, so any login could attach a file to any record.",
		upstream=(f"{V15}/handler.py#L250-L256", f"{FRAPPE}/pull/22500", f"{FRAPPE}/pull/43153"),
		upstream_status="the check came with #22500; #43153 ('write permission required for attaching"
		" file') was merged 2026-09, no version-15 backport found",
		versions=FRAPPE_15,
		code="employment_partners.permissions.check_file_attachment",
		tests=(
			"employment_partners/tests/test_portal_users.py::TestAttachments"
			"::test_attaching_a_file_to_an_app_record_needs_write_permission_on_it",
		),
		hook=Hook("doc_events", "employment_partners.permissions.check_file_attachment", key="File"),
	),
	Workaround(
		name="whitelisted-methods-without-checks",
		kind="hook",
		fixes="Forty-five Frappe 15 whitelisted methods (frappe.client.get_count, get_group_by_count,"
		" search_link, upload_file ...) check too little; each is replaced by a permission-checked version.",
		upstream=(f"{FRAPPE}/pull/35657",),
		upstream_status="get_count: #35657 (merged upstream); the others: "
		+ NO_ISSUE
		+ "; each method's reason is in security/frappe_methods.json ('override')",
		versions=FRAPPE_15,
		code="employment_partners.security.overrides.get_count",
		tests=(
			"tests/test_query_guard.py::test_each_override_is_hooked_and_each_hook_classified",
			"tests/test_query_guard.py::test_get_count_counts_only_what_the_user_may_read",
			"tests/test_query_guard.py::test_rest_reproductions_are_refused",
		),
		hook=Hook(
			"override_whitelisted_methods",
			"employment_partners.security.overrides.get_count",
			key="frappe.client.get_count",
		),
		notes="all of security/overrides.py OVERRIDES; the test named first checks hooks.py has each",
	),
	Workaround(
		name="methods-reachable-by-any-route",
		kind="hook",
		fixes="Frappe runs the method named in `cmd` on any path and under every name it is imported"
		" as, so guarding names guards nothing; portal and guest sessions are denied by default.",
		upstream=(f"{V15}/app.py#L106-L111",),
		upstream_status=NO_ISSUE,
		versions=FRAPPE_15,
		code="employment_partners.security.methods.guard_request",
		tests=(
			"tests/test_query_guard.py::test_cmd_and_aliases_do_not_bypass_the_portal_guard",
			"tests/test_query_guard.py::test_a_refused_method_reached_by_a_rep",
			"tests/test_query_guard.py::test_every_frappe_whitelisted_method_is_classified",
		),
		hook=Hook("before_request", "employment_partners.security.methods.guard_request"),
	),
	Workaround(
		name="doc-method-judged-on-the-callers-copy",
		kind="hook",
		fixes="run_doc_method asks only read permission, for a POST too, on a document the caller sends"
		" whole, so a caller could set the very fields a permission rule reads.",
		upstream=(f"{V15}/handler.py#L309-L315", f"{FRAPPE}/pull/42933"),
		upstream_status="#42933 (check write/create in run_doc_method) was closed unmerged",
		versions=FRAPPE_15,
		code="employment_partners.security.methods.check_doc_method",
		tests=("tests/test_query_guard.py::test_a_document_method_is_judged_on_the_stored_record",),
		hook=Hook("before_request", "employment_partners.security.methods.guard_request"),
		called_by="employment_partners.security.methods.guard_request",
	),
	Workaround(
		name="portal-sessions-without-csrf-token",
		kind="hook",
		fixes="Frappe makes a session's CSRF token only when the desk loads and checks none for a session"
		" without one, so a portal session was protected by its SameSite cookie alone.",
		upstream=(f"{V15}/auth.py#L80-L92", f"{V15}/www/app.py#L35"),
		upstream_status=NO_ISSUE,
		versions=FRAPPE_15,
		code="employment_partners.security.methods.give_portal_session_a_csrf_token",
		tests=("tests/test_query_guard.py::test_a_portal_session_must_send_its_csrf_token",),
		hook=Hook("before_request", "employment_partners.security.methods.guard_request"),
		called_by="employment_partners.security.methods.guard_request",
	),
	# --- migrate and uninstall steps: install.py ----------------------------------------------------
	Workaround(
		name="website-role-made-with-desk-access",
		kind="migrate",
		fixes="Frappe creates a role named in a doctype's permissions with desk access when it does not"
		" exist yet, so Employer Partner, a website role, could come to reach the desk.",
		upstream=(f"{V15}/core/doctype/doctype/doctype.py#L1847-L1853",),
		upstream_status=NO_ISSUE,
		versions=FRAPPE_15,
		code="employment_partners.install.keep_employers_off_the_desk",
		tests=(
			TESTS + "test_a_migrate_takes_desk_access_from_employer_partner",
			"tests/test_permissions.py::TestRolePermissions::test_employer_partner_sees_nothing_on_the_desk",
		),
		hook=Hook("after_migrate", "employment_partners.install.after_migrate"),
		called_by="employment_partners.install.after_migrate",
	),
	Workaround(
		name="tracebacks-shown-by-default",
		kind="migrate",
		fixes="System Settings' allow_error_traceback is on by default, so a production site answers a"
		" failed request, a guest's included, with the server's Python traceback.",
		upstream=(
			f"{V15}/core/doctype/system_settings/system_settings.json#L257-L258",
			f"{V15}/utils/response.py#L36-L40",
		),
		upstream_status=NO_ISSUE,
		versions=FRAPPE_15,
		code="employment_partners.install.hide_tracebacks_in_production",
		tests=(
			"tests/test_production_mode.py::test_a_guest_gets_no_traceback_on_a_production_site",
			"tests/test_production_mode.py::test_developer_mode_keeps_the_settings_as_they_are",
		),
		hook=Hook("after_migrate", "employment_partners.install.after_migrate"),
		called_by="employment_partners.install.after_migrate",
	),
	Workaround(
		name="custom-fields-rewritten-every-migrate",
		kind="migrate",
		fixes="create_custom_fields saves every field it is given and alters each doctype's table, which"
		" commits, even when nothing changed; the app passes it only the fields that differ.",
		upstream=(f"{V15}/custom/doctype/custom_field/custom_field.py#L333-L341",),
		upstream_status=NO_ISSUE,
		versions=FRAPPE_15,
		code="employment_partners.install.ensure_custom_fields",
		tests=(
			"employment_partners/tests/test_defaults.py::TestShippedDefaults"
			"::test_a_migrate_that_changes_nothing_commits_nothing",
		),
		hook=Hook("after_migrate", "employment_partners.install.after_migrate"),
		called_by="employment_partners.install.after_migrate",
	),
	Workaround(
		name="uninstall-leaves-links-to-the-app",
		kind="migrate",
		fixes="remove_app deletes an app's doctypes and its modules' records only, leaving contacts,"
		" communications, notifications and custom fields that point at doctypes that are gone.",
		upstream=(f"{V15}/installer.py#L405-L408", f"{V15}/installer.py#L425-L463"),
		upstream_status=NO_ISSUE,
		versions=FRAPPE_15,
		code="employment_partners.install.before_uninstall",
		tests=(
			"tests/test_uninstall.py"
			"::test_uninstall_leaves_every_contact_and_address_openable_and_nothing_pointing_at_the_app",
		),
		hook=Hook("before_uninstall", "employment_partners.install.before_uninstall"),
	),
	# --- set when the app loads ---------------------------------------------------------------------
	Workaround(
		name="email-css-parser-noise",
		kind="import",
		fixes="Frappe inlines its email stylesheet with premailer, whose CSS parser logs three ERROR"
		" lines about a rule of Frappe's own in each process that renders an email; the email is right.",
		upstream=(f"{V15}/email/email_body.py#L390-L406",),
		upstream_status=NO_ISSUE,
		versions=FRAPPE_15,
		code="employment_partners.utils.quiet_css_parser",
		tests=(
			"employment_partners/tests/test_pulse.py::TestSchedule"
			"::test_an_email_is_rendered_without_the_css_parsers_noise",
			TESTS + "test_a_process_that_imports_the_app_has_every_workaround",
		),
		called_by="employment_partners",
	),
	# --- desk scripts -------------------------------------------------------------------------------
	Workaround(
		name="chart-axis-counts-with-decimals",
		kind="script",
		fixes="A report chart's axis labels go through shorten_number(label, country, 3), which prints"
		" a whole number of three digits with two decimals (300 placements as 300.00).",
		upstream=(
			f"{V15}/public/js/frappe/views/reports/query_report.js#L1056-L1059",
			f"{V15}/public/js/frappe/utils/utils.js#L1383",
		),
		upstream_status=NO_ISSUE,
		versions=FRAPPE_15,
		code="public/js/reports.js",
		tests=("tests/test_role_days.py::test_a_manager_reads_every_report",),
	),
	Workaround(
		name="report-chart-axis-options-replaced",
		kind="script",
		fixes="QueryReport.get_chart_options replaces a report chart's axisOptions with Frappe's own,"
		' so a chart\'s xIsSeries is lost and every label of a week series is cut ("J ...").',
		upstream=(f"{V15}/public/js/frappe/views/reports/query_report.js#L1056-L1059",),
		upstream_status=NO_ISSUE,
		versions=FRAPPE_15,
		code="public/js/reports.js",
		tests=("tests/test_role_days.py::test_a_manager_reads_every_report",),
	),
	Workaround(
		name="kanban-skips-list-onload",
		kind="script",
		fixes="The kanban view replaces the list view's setup_view without running the list settings'"
		" onload, so a board lacks the buttons its list has (the rep's My leads).",
		upstream=(f"{V15}/public/js/frappe/views/kanban/kanban_view.js#L144-L150",),
		upstream_status=NO_ISSUE,
		versions=FRAPPE_15,
		code="public/js/pipeline.js",
		tests=("tests/test_role_days.py::test_a_reps_day",),
	),
	# --- templates ----------------------------------------------------------------------------------
	Workaround(
		name="email-html-without-lang",
		kind="template",
		fixes="Every email's HTML comes from templates/emails/standard.html, whose html element names no"
		" language, so a screen reader guesses it (WCAG 2.1 AA, 3.1.1).",
		upstream=(f"{V15}/templates/emails/standard.html#L2",),
		upstream_status=NO_ISSUE,
		versions=FRAPPE_15,
		code="templates/emails/standard.html",
		tests=("tests/test_accessibility.py::test_the_apps_emails_have_no_violations",),
	),
)


def get(name: str) -> Workaround:
	return next(entry for entry in WORKAROUNDS if entry.name == name)


# --- versions ---------------------------------------------------------------------------------------


def version_tuple(version: str) -> tuple[int, int, int]:
	"""(major, minor, patch) of "15.44.2", "16.0.0-dev" or "15"."""
	found = re.match(r"\d+(?:\.\d+)*", version.strip())
	if not found:
		raise ValueError(f"not a version: {version!r}")
	parts = [int(part) for part in found.group().split(".")[:3]]
	return (*parts, *[0] * (3 - len(parts)))


def frappe_version() -> str:
	import frappe

	return frappe.__version__


# --- applying the patches ---------------------------------------------------------------------------


def apply(entries=None, version: str | None = None) -> dict[str, str]:
	"""Apply each patch whose versions include the running Frappe (or `version`), once; skip the
	others, saying so.  Returns what became of each: "applied", "already applied" or "skipped"."""
	version = version or frappe_version()
	done = {}
	for entry in WORKAROUNDS if entries is None else entries:
		if not entry.patch:
			continue
		if not entry.versions.includes(version):
			logger.warning(
				"employment_partners: Frappe workaround %s not applied: Frappe %s is outside %s (%s)",
				entry.name,
				version,
				entry.versions,
				entry.upstream_status,
			)
			done[entry.name] = "skipped"
			continue
		owner, attribute = _target(entry.patch.target)
		current = getattr(owner, attribute)
		if entry.name in applied_names(current):
			done[entry.name] = "already applied"
			continue
		setattr(owner, attribute, _wrap(entry, current))
		done[entry.name] = "applied"
	return done


def ensure_applied():
	"""before_request and before_job: the patches are in place (importing the app applied them)."""
	apply()


def applied_names(function) -> list[str]:
	"""The workarounds wrapped around `function`, outermost first."""
	names = []
	while hasattr(function, "__ep_workaround__"):
		names.append(function.__ep_workaround__)
		function = function.__wrapped__
	return names


def original_of(function):
	while hasattr(function, "__ep_workaround__"):
		function = function.__wrapped__
	return function


@contextmanager
def unpatched(*names: str):
	"""Take the named patches off (keeping any other on the same Frappe function) for the block:
	for tests that show what Frappe does without them."""
	entries = [get(name) for name in names]
	targets = {entry.patch.target for entry in entries if entry.patch}
	saved = []
	for target in targets:
		owner, attribute = _target(target)
		current = getattr(owner, attribute)
		saved.append((owner, attribute, current))
		on = set(applied_names(current)) - set(names)
		function = original_of(current)
		for entry in WORKAROUNDS:
			if entry.patch and entry.patch.target == target and entry.name in on:
				function = _wrap(entry, function)
		setattr(owner, attribute, function)
	try:
		yield
	finally:
		for owner, attribute, current in saved:
			setattr(owner, attribute, current)


def _wrap(entry: Workaround, function):
	module, name = entry.patch.fix.split(":")
	fix = getattr(importlib.import_module(module), name)(function)
	fix.__ep_workaround__ = entry.name
	fix.__wrapped__ = function
	return fix


def _target(target: str):
	"""(the object holding the attribute, the attribute's name) of "module:Class.attribute"."""
	module, path = target.split(":")
	owner = importlib.import_module(module)
	*holders, attribute = path.split(".")
	for holder in holders:
		owner = getattr(owner, holder)
	return owner, attribute
