"""The query guard and the request guard, attacked as the query-channels issue describes.

The oracle compares answers, not strings: an attempt that names a field the user may not read
must be refused, or answer exactly what the same call answers without that field (the allowed
view); a count must equal the length of the list the user may read.  The generated part tries every
doctype x role x field the role may not read, in every shape (filters with each operator,
or_filters, order_by, group_by, a child table's column, expressions: elt, replace, concat, if,
case, coalesce, arithmetic, a subquery) through every list channel, in-process through Frappe's
own dispatcher (so the app's override_whitelisted_methods apply); the REST part sends the issue's
reproductions through a real web server as employer, rep and case-manager logins.
"""

import ast
import json
from pathlib import Path
from types import SimpleNamespace

import frappe
import pytest
from frappe.desk.form.assign_to import add as assign
from frappe.utils.password import update_password

from employment_partners.portal import users
from employment_partners.security import methods, overrides
from employment_partners.tests.factories import (
	make_hiring_partnership,
	make_job_order,
	make_participant,
	make_placement,
	make_user,
)
from tests.cleanup import forget, remove_users

PASSWORD = "Guard-pass-9!"
MIN_ATTEMPTS = 5000
APP_DOCTYPES_TO_ATTACK = (
	"Participant",
	"Placement",
	"Retention Issue Report",
	"Coaching Session",
	"Employer Appreciation Event",
	"Employer Pulse",
	"Job Order",
)


@pytest.fixture(scope="module")
def world():
	tag = frappe.generate_hash(length=6)
	w = SimpleNamespace(tag=tag, made=[])
	w.cm_a, w.cm_b = make_user("Case Manager"), make_user("Case Manager")
	w.rep = make_user("Business Services Rep")
	w.pa = make_hiring_partnership(partner_name=f"Guard A {tag}").name
	w.pb = make_hiring_partnership(partner_name=f"Guard B {tag}").name
	w.employer = f"guard-a-{tag}@employer.example.com"
	users.invite(w.pa, w.employer, f"GuardA{tag}", "Owner")
	for user in (w.cm_a, w.cm_b, w.rep, w.employer):
		update_password(user, PASSWORD)
	w.job_a = make_job_order(hiring_partnership=w.pa, openings=5).name
	w.job_b = make_job_order(hiring_partnership=w.pb, openings=5).name
	w.people = [
		make_participant(
			first_name=f"Guard{i}",
			case_manager=w.cm_a if i % 2 else w.cm_b,
			has_disability=int(i % 3 == 0),
			barrier_legal=i % 2,
			date_of_birth=f"19{70 + i}-0{1 + i}-1{i}",
			email=f"guard{i}-{tag}@participant.invalid",
		).name
		for i in range(8)
	]
	w.place_a = make_placement(job_order=w.job_a, participant=w.people[2]).name
	w.place_b = make_placement(
		job_order=w.job_b, participant=w.people[0], retention_bonuses=[{"milestone_days": 90, "amount": 100}]
	).name
	assign({"doctype": "Placement", "name": w.place_b, "assign_to": [w.cm_b]})
	frappe.db.commit()
	yield w
	frappe.set_user("Administrator")
	frappe.db.rollback()
	remove_world(w)


def remove_world(w):
	"""Delete what the world committed, row by row in SQL (a record's own deletion would wait on
	whatever a worker is doing with it), and what Frappe keeps about it."""
	placements = [w.place_a, w.place_b]
	follow_ups = frappe.get_all(
		"Retention Follow-up", filters={"placement": ("in", placements)}, pluck="name"
	)
	records = [
		*(("Retention Follow-up", name) for name in follow_ups),
		*(("Placement", name) for name in placements),
		*(("Participant", name) for name in w.people),
		("Job Order", w.job_a),
		("Job Order", w.job_b),
		("Hiring Partnership", w.pa),
		("Hiring Partnership", w.pb),
	]
	names = [name for _doctype, name in records]
	forget(names)
	for doctype, name in records:
		for table in frappe.get_meta(doctype).get_table_fields():
			frappe.db.delete(table.options, {"parent": name, "parenttype": doctype})
		frappe.db.delete(doctype, {"name": name})
	remove_users([w.cm_a, w.cm_b, w.rep, w.employer])
	frappe.db.commit()


def call(cmd: str, **kwargs):
	"""A whitelisted method as frappe.handler.execute_cmd runs it for a request (the last
	override_whitelisted_methods hook replaces it; it must be whitelisted), in this process."""
	for hook in reversed(frappe.get_hooks("override_whitelisted_methods", {}).get(cmd, [])):
		cmd = hook
		break
	method = frappe.get_attr(cmd)
	frappe.is_whitelisted(method)
	frappe.local.form_dict = frappe._dict({k: v for k, v in kwargs.items() if v is not None})
	frappe.local.response = frappe._dict(docs=[])
	return frappe.call(method, **frappe.local.form_dict)


# the guard's refusal, or Frappe's own "Field not permitted in query" where it checks first
REFUSALS = (frappe.PermissionError, frappe.DataError)


def refused(fn) -> bool:
	try:
		fn()
	except REFUSALS:
		return True
	finally:
		frappe.local.message_log = []
	return False


# --- the generated attempts --------------------------------------------------------------------

FILTER_OPS = (
	("=", "1"),
	("!=", "0"),
	("like", "%a%"),
	("not like", "%a%"),
	("<", "5"),
	(">", "0"),
	("in", ["1", "a"]),
	("not in", ["0"]),
	("is", "set"),
	("is", "not set"),
	("between", ["1900-01-01", "2100-01-01"]),
)
EXPRESSIONS = (
	"elt(2, name, {f}) as x",
	"replace(name, name, {f}) as x",
	"concat({f}, '') as x",
	"if({f} is null, 0, 1) as x",
	"case when {f} = 1 then 1 else 0 end as x",
	"coalesce({f}, name) as x",
	"({f} + 0) as x",
	"(select {f} from `tab{d}` limit 1) as x",
)


def hidden_fields(doctype: str, user: str) -> list[str]:
	meta = frappe.get_meta(doctype)
	levels = set(meta.get_permlevel_access("read", user=user))
	return [
		df.fieldname
		for df in meta.get_fieldnames_with_value(with_field_meta=True)
		if df.permlevel not in levels
	]


def attempts(doctype: str, field: str):
	"""(channel, kwargs with the hidden field, the same kwargs without it) for every shape."""
	base = {"doctype": doctype}
	for op, value in FILTER_OPS:
		f = json.dumps([[doctype, field, op, value]])
		for cmd, key in (
			("frappe.client.get_list", "filters"),
			("frappe.client.get_count", "filters"),
			("frappe.desk.reportview.get", "filters"),
			("frappe.desk.reportview.get_count", "filters"),
			("frappe.desk.search.search_link", "filters"),
			("frappe.client.get", "filters"),
			("frappe.client.get_value", "filters"),
		):
			extra = {"txt": ""} if cmd.endswith("search_link") else {}
			extra |= {"fieldname": "name"} if cmd.endswith("get_value") else {}
			extra |= {"fields": json.dumps(["name"])} if cmd.endswith("reportview.get") else {}
			yield cmd, {**base, **extra, key: f}, {**base, **extra, key: "[]"}
	for cmd in ("frappe.client.get_list", "frappe.desk.reportview.get"):
		fields = json.dumps(["name"])
		yield (
			cmd,
			{**base, "fields": fields, "or_filters": json.dumps({field: "1", "name": "x"})},
			{**base, "fields": fields, "or_filters": json.dumps({"name": "x"})},
		)
		yield (
			cmd,
			{**base, "fields": fields, "order_by": f"{field} asc"},
			{**base, "fields": fields, "order_by": "name asc"},
		)
		yield (
			cmd,
			{**base, "fields": fields, "order_by": f"`tab{doctype}`.`{field}` desc"},
			{**base, "fields": fields, "order_by": "name desc"},
		)
		yield (
			cmd,
			{**base, "fields": json.dumps(["count(*) as n"]), "group_by": field},
			{**base, "fields": json.dumps(["count(*) as n"]), "group_by": "name"},
		)
		for expression in EXPRESSIONS:
			yield (
				cmd,
				{**base, "fields": json.dumps(["name", expression.format(f=field, d=doctype)])},
				{**base, "fields": fields},
			)
	yield "frappe.desk.listview.get_group_by_count", {**base, "current_filters": "[]", "field": field}, None
	yield (
		"frappe.desk.reportview.get_sidebar_stats",
		{**base, "stats": json.dumps([field]), "filters": "[]"},
		{**base, "stats": "[]", "filters": "[]"},
	)
	for expression in EXPRESSIONS:
		fieldname = json.dumps([expression.format(f=field, d=doctype)])
		yield (
			"frappe.client.get_value",
			{**base, "fieldname": fieldname, "filters": json.dumps({"name": ["is", "set"]})},
			{**base, "fieldname": json.dumps([]), "filters": json.dumps({"name": ["is", "set"]})},
		)


@pytest.mark.slow
def test_every_hidden_field_in_every_shape_through_every_list_channel(world):
	"""At least 5,000 attempts; each refused, or answered exactly as without the hidden field."""
	made, differences = 0, []
	roles = {"rep": world.rep, "case manager": world.cm_a, "employer": world.employer}
	for role, user in roles.items():
		frappe.set_user(user)
		for doctype in APP_DOCTYPES_TO_ATTACK:
			if not frappe.has_permission(doctype, "read", user=user):
				continue
			fields = hidden_fields(doctype, user)
			for field in fields:
				for cmd, attack, allowed in attempts(doctype, field):
					made += 1
					answer = None
					try:
						answer = call(cmd, **attack)
					except REFUSALS:
						continue
					finally:
						frappe.local.message_log = []
					expected = call(cmd, **allowed) if allowed else "refusal"
					if answer != expected:
						differences.append((role, doctype, field, cmd, attack, str(answer)[:120]))
		frappe.set_user("Administrator")
	assert made >= MIN_ATTEMPTS, made
	assert differences == [], f"{len(differences)} of {made}: {differences[:5]}"


def test_a_child_tables_hidden_column_in_a_filter_is_refused(world):
	"""An employer reads their placements at level 0; the bonuses table is at level 1."""
	frappe.set_user(world.employer)
	for cmd in ("frappe.client.get_list", "frappe.client.get_count", "frappe.desk.reportview.get_count"):
		attack = json.dumps([["Placement Retention Bonus", "amount", "=", 100]])
		assert refused(lambda cmd=cmd, attack=attack: call(cmd, doctype="Placement", filters=attack)), cmd


def test_readable_fields_still_filter_sort_group_and_count(world):
	"""The good path: a case manager's list of their caseload by a level-1 field they may read, and
	a rep's by a level-0 field, agree row for row with the count and with Administrator's view
	narrowed to what the user may read."""
	for user, filters, order in (
		(world.cm_a, {"has_disability": 1}, "date_of_birth asc"),
		(world.rep, {"first_name": ["like", "Guard%"]}, "first_name desc"),
	):
		frappe.set_user(user)
		rows = call(
			"frappe.client.get_list",
			doctype="Participant",
			filters=json.dumps(filters),
			order_by=order,
			limit_page_length=0,
		)
		count = call("frappe.client.get_count", doctype="Participant", filters=json.dumps(filters))
		mine = {r["name"] for r in call("frappe.client.get_list", doctype="Participant", limit_page_length=0)}
		frappe.set_user("Administrator")
		everyone = frappe.get_all("Participant", filters=filters, order_by=order, pluck="name")
		assert [r["name"] for r in rows] == [n for n in everyone if n in mine]
		assert count == len(rows) > 0


def test_link_search_finds_the_people_the_user_may_read(world):
	"""Frappe's link search sorts by the `_relevance` it computes from the name; the guard refused
	it as a hidden field, so no staff login could pick a participant in a link field (found by
	walking a case manager's day, tests/test_role_days.py).  Each finds exactly the people of the
	list they may read that match, and nobody else."""
	for user in (world.cm_a, world.rep):
		frappe.set_user(user)
		found = {
			row["value"]
			for row in call(
				"frappe.desk.search.search_link", doctype="Participant", txt="Guard", page_length=50
			)
		}
		readable = {
			r["name"]
			for r in call(
				"frappe.client.get_list",
				doctype="Participant",
				filters=json.dumps({"first_name": ["like", "Guard%"]}),
				limit_page_length=0,
			)
		}
		assert found == readable and found, user
		assert found <= set(world.people)


def test_a_made_column_sorts_but_never_stands_for_a_hidden_one(world):
	"""The sort order may name what a checked expression made; an alias named like a hidden field
	sorts by the expression (ORDER BY takes the alias), never groups by the hidden column, and a
	made column of a hidden field is refused where it is made."""
	frappe.set_user(world.rep)
	base = {"doctype": "Participant", "filters": json.dumps({"first_name": ["like", "Guard%"]})}
	by_alias = call(
		"frappe.client.get_list",
		**base,
		fields=json.dumps(["name", "locate('1', name) as `_rank`"]),
		order_by="_rank desc, name asc",
		limit_page_length=0,
	)
	assert [r["name"] for r in by_alias] == sorted(
		(r["name"] for r in by_alias), key=lambda n: (-(n.find("1") + 1), n)
	)
	readable = sorted(r["name"] for r in call("frappe.client.get_list", **base, limit_page_length=0))
	# has_disability (level 1, every third person) is not the rep's to read: by it, the order and
	# the groups would differ from the names'
	for attack, expected in (
		(
			{"fields": json.dumps(["name", "name as has_disability"]), "order_by": "has_disability desc"},
			sorted(readable, reverse=True),
		),
		(
			{
				"fields": json.dumps(["name", "count(*) as n", "name as has_disability"]),
				"group_by": "has_disability",
			},
			readable,
		),
		({"fields": json.dumps(["name", "date_of_birth as `_dob`"]), "order_by": "_dob asc"}, None),
		({"fields": json.dumps(["name", "name as `_x`"]), "group_by": "_x"}, None),
	):
		try:
			answer = call("frappe.client.get_list", **base, **attack, limit_page_length=0)
		except REFUSALS:
			continue
		finally:
			frappe.local.message_log = []
		names = [r["name"] for r in answer]
		assert expected is not None, f"{attack} answered {names}"
		assert (names if "order_by" in attack else sorted(names)) == expected, (attack, names)


def test_get_count_counts_only_what_the_user_may_read(world):
	"""Item 1: frappe.client.get_count ran frappe.db.count for any login on any table."""
	frappe.set_user(world.employer)
	assert (
		call(
			"frappe.client.get_count",
			doctype="Placement",
			filters=json.dumps({"hiring_partnership": world.pb}),
		)
		== 0
	)
	assert (
		call(
			"frappe.client.get_count",
			doctype="Placement",
			filters=json.dumps({"hiring_partnership": world.pa}),
		)
		== 1
	)
	for table in ("Sessions", "__Auth", "DefaultValue"):
		assert refused(
			lambda table=table: call(
				"frappe.client.get_count", doctype=table, filters=json.dumps({"name": ["like", "a%"]})
			)
		)
	assert refused(lambda: call("frappe.client.get_count", doctype="Email Queue", filters="[]"))
	frappe.set_user(world.rep)
	assert refused(
		lambda: call(
			"frappe.client.get_count",
			doctype="Participant",
			filters=json.dumps({"name": world.people[0], "barrier_legal": 1}),
		)
	)


def test_find_participants_ranks_only_the_caseload(world):
	"""Item 6: a case manager ranking candidates got people from every caseload."""
	frappe.set_user(world.cm_a)
	ranked = {
		row["participant"]
		for row in call("employment_partners.api.hiring.find_participants", job_order=world.job_b, limit=100)
	}
	caseload = set(frappe.get_list("Participant", pluck="name", limit_page_length=0))
	assert ranked and ranked <= caseload
	assert not ranked & {p for i, p in enumerate(world.people) if i % 2 == 0}


def test_who_works_a_record_is_counted_only_over_readable_records(world):
	"""Item 7: get_group_by_count(field="assigned_to") applied no permission."""
	frappe.set_user(world.cm_a)  # place_b's participant is cm_b's, assigned to cm_b
	counts = call(
		"frappe.desk.listview.get_group_by_count",
		doctype="Placement",
		current_filters="[]",
		field="assigned_to",
	)
	assert world.cm_b not in {row["name"] for row in counts}
	frappe.set_user(world.cm_b)
	counts = call(
		"frappe.desk.listview.get_group_by_count",
		doctype="Placement",
		current_filters="[]",
		field="assigned_to",
	)
	assert {row["name"]: row["count"] for row in counts}.get(world.cm_b) == 1


def test_suitability_count_and_age_band_are_level_one(world):
	"""Item 4: the level-0 count was the visible indicators plus three hidden ones; the age band
	follows from the level-1 date of birth.  Both are level 1 now: a rep cannot subtract."""
	meta = frappe.get_meta("Participant")
	assert meta.get_field("suitability_count").permlevel == meta.get_field("age_indicator").permlevel == 1
	frappe.set_user(world.rep)
	row = call(
		"frappe.client.get_list",
		doctype="Participant",
		fields=json.dumps(["name", "suitability_count", "age_indicator"]),
		filters=json.dumps({"name": world.people[0]}),
	)
	assert row == [{"name": world.people[0]}]


def test_a_list_read_of_sensitive_fields_is_in_the_access_log(live_site, world):
	"""Item 8: a REST list returning date of birth is a look, logged as a form read is."""
	before = frappe.db.count("Access Log", {"user": world.cm_a, "export_from": "Participant"})
	s = live_site.login(world.cm_a, PASSWORD)
	r = s.get(
		f"{live_site.url}/api/resource/Participant", params={"fields": json.dumps(["name", "date_of_birth"])}
	)
	assert r.status_code == 200 and any(row.get("date_of_birth") for row in r.json()["data"])
	frappe.db.rollback()
	logged = frappe.get_all(
		"Access Log",
		filters={"user": world.cm_a, "export_from": "Participant"},
		fields=["columns", "page"],
		order_by="creation desc",
	)
	assert len(logged) == before + 1 and logged[0].columns == "date_of_birth" and logged[0].page == "list"
	# a list without sensitive fields is not a look
	s.get(f"{live_site.url}/api/resource/Participant", params={"fields": json.dumps(["name", "first_name"])})
	frappe.db.rollback()
	assert frappe.db.count("Access Log", {"user": world.cm_a, "export_from": "Participant"}) == before + 1


# --- over REST, as the issue reproduced it -------------------------------------------------------


def test_rest_reproductions_are_refused(live_site, world):
	url = live_site.url
	rep = live_site.login(world.rep, PASSWORD)
	sensitive = {p: frappe.db.get_value("Participant", p, ["date_of_birth", "email"]) for p in world.people}
	for params in (
		{
			"fields": json.dumps(
				["name", "elt(2, name, date_of_birth) as dob", "replace(name, name, email) as email"]
			)
		},
		{"filters": json.dumps({"has_disability": 1})},
		{"order_by": "date_of_birth asc"},
		{"fields": json.dumps(["count(*) as n"]), "group_by": "indigenous"},
	):
		for path in ("/api/resource/Participant", "/api/v2/document/Participant"):
			r = rep.get(f"{url}{path}", params=params)
			# refused by the guard (403), or by Frappe's own check of a grouped column first (417)
			assert r.status_code in (403, 417), (path, params, r.status_code, r.text[:200])
			assert not any(str(v[0]) in r.text or v[1] in r.text for v in sensitive.values())
	r = rep.get(
		f"{url}/api/method/frappe.desk.listview.get_group_by_count",
		params={"doctype": "Participant", "current_filters": "[]", "field": "has_disability"},
	)
	assert r.status_code == 403
	# the same questions without the hidden field are answered
	r = rep.get(
		f"{url}/api/resource/Participant",
		params={"filters": json.dumps({"first_name": ["like", "Guard%"]}), "limit_page_length": 0},
	)
	assert r.status_code == 200 and {row["name"] for row in r.json()["data"]} >= set(world.people)


def test_an_employer_learns_nothing_of_sessions_or_other_partnerships(live_site, world):
	"""Item 1 as the attacker ran it: bisecting Administrator's session id with counts."""
	url = live_site.url
	employer = live_site.login(world.employer, PASSWORD)
	answers = []
	for prefix in "0123456789abcdef":
		for cmd in (
			"frappe.client.get_count",
			"frappe.desk.reportview.get_count",
			"frappe.client.get_list",
			"frappe.client.get_value",
		):
			r = employer.post(
				f"{url}/api/method/{cmd}",
				data={
					"doctype": "Sessions",
					"filters": json.dumps({"sid": ["like", f"{prefix}%"]}),
					"fieldname": "sid",
				},
			)
			answers.append((r.status_code, r.text))
		r = employer.get(
			f"{url}/api/resource/Placement",
			params={
				"fields": json.dumps(
					["name", f"(select count(*) from tabSessions where sid like '{prefix}%') as n"]
				)
			},
		)
		answers.append((r.status_code, r.text))
	assert {status for status, _text in answers} == {403}, answers[:3]
	r = employer.post(
		f"{url}/api/method/frappe.client.get_count",
		data={"doctype": "Placement", "filters": json.dumps({"hiring_partnership": world.pb})},
	)
	assert r.status_code == 403


def test_cmd_and_aliases_do_not_bypass_the_portal_guard(live_site, world):
	"""Item 5: Frappe runs form_dict.cmd before the path, and test modules re-export methods."""
	url = live_site.url
	employer = live_site.login(world.employer, PASSWORD)
	liked_before = frappe.db.get_value("Placement", world.place_b, "_liked_by")
	for method, params in (
		("ping", {"cmd": "frappe.desk.form.load.getdoc", "doctype": "Placement", "name": world.place_a}),
		(
			"ping",
			{
				"cmd": "frappe.desk.like.toggle_like",
				"doctype": "Placement",
				"name": world.place_b,
				"add": "Yes",
			},
		),
		("frappe.tests.test_form_load.getdoc", {"doctype": "Placement", "name": world.place_a}),
		("frappe.desk.form.load.getdoc", {"doctype": "Placement", "name": world.place_a}),
	):
		r = employer.post(f"{url}/api/method/{method}", data=params)
		assert r.status_code == 403, (method, params, r.status_code, r.text[:200])
	frappe.db.rollback()
	assert frappe.db.get_value("Placement", world.place_b, "_liked_by") == liked_before
	# what the portal needs still works
	assert employer.get(f"{url}/partner").status_code == 200
	assert employer.get(f"{url}/api/method/frappe.auth.get_logged_user").json()["message"] == world.employer


def test_a_refused_method_reached_by_a_rep(live_site, world):
	rep = live_site.login(world.rep, PASSWORD)
	r = rep.post(
		f"{live_site.url}/api/method/frappe.core.doctype.user.user.get_roles", data={"uid": "Administrator"}
	)
	assert r.status_code == 403 and "System Manager" not in r.text


# --- the classification ------------------------------------------------------------------------


def frappe_whitelisted() -> set[str]:
	"""Every whitelisted function of the installed Frappe, by dotted path (read from its source)."""
	root = Path(frappe.__file__).parent
	found = set()
	for path in root.rglob("*.py"):
		try:
			tree = ast.parse(path.read_text())
		except (SyntaxError, UnicodeDecodeError):
			continue
		module = ".".join(path.relative_to(root.parent).with_suffix("").parts).removesuffix(".__init__")

		def visit(body, prefix=""):
			for node in body:
				if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and any(
					"whitelist" in ast.unparse(d) for d in node.decorator_list
				):
					found.add(f"{module}.{prefix}{node.name}")
				elif isinstance(node, ast.ClassDef):
					visit(node.body, prefix + node.name + ".")

		visit(tree.body)
	return found


def test_every_frappe_whitelisted_method_is_classified():
	"""An upgrade of Frappe that adds a whitelisted function fails here until it is classified."""
	data = methods.classification()
	unclassified = sorted(frappe_whitelisted() - set(data["methods"]))
	assert unclassified == [], f"classify these in security/frappe_methods.json: {unclassified}"
	assert {entry["class"] for entry in data["methods"].values()} <= set(data["classes"])


def test_each_override_is_hooked_and_each_hook_classified():
	data = methods.classification()["methods"]
	hooks = frappe.get_hooks("override_whitelisted_methods")
	hooked = {
		path: targets[-1] for path, targets in hooks.items() if targets[-1].startswith("employment_partners.")
	}
	assert hooked == overrides.OVERRIDES
	for path, entry in data.items():
		if entry["class"] == "override":
			assert hooked.get(path) == entry["by"], path
	for path in hooked:
		assert data[path]["class"] == "override", path


# --- the low items: CSRF on portal sessions, markup in disguise, sign-in locks -------------------


def test_a_portal_session_must_send_its_csrf_token(live_site, world):
	from tests.conftest import csrf_token_in

	employer = live_site.login(world.employer, PASSWORD)  # takes the token from /partner
	token = employer.headers.pop("X-Frappe-CSRF-Token", None)
	assert token and token == csrf_token_in(employer.get(f"{live_site.url}/partner").text)
	url = f"{live_site.url}/api/method/frappe.auth.get_logged_user"
	assert employer.post(url).status_code == 400  # Frappe's CSRFTokenError
	assert employer.post(url, headers={"X-Frappe-CSRF-Token": "forged"}).status_code == 400
	r = employer.post(url, headers={"X-Frappe-CSRF-Token": token})
	assert r.status_code == 200 and r.json()["message"] == world.employer


def test_markup_in_disguise_and_in_an_employers_own_profile_is_refused(world):
	from employment_partners.portal.submissions import markup_problem

	hostile = ("<\x00img src=x onerror=alert(1)>", "<\u200bscript>x</script>", "<\x0bsvg onload=x>")
	frappe.set_user(world.employer)
	user = frappe.get_doc("User", world.employer)
	for value in hostile:
		user.first_name = value
		assert markup_problem(user), value
		with pytest.raises(frappe.ValidationError):
			user.save(ignore_permissions=True)
	user.reload()
	user.first_name = "Dana < 5 shifts"  # a comparison, not markup
	user.save(ignore_permissions=True)
	frappe.db.rollback()


def test_failed_sign_ins_lock_the_account_not_the_office(live_site, world):
	"""Ten failures behind one address locked everyone behind it, answered HTTP 500."""
	settings = frappe.get_single("System Settings")
	before = settings.allow_consecutive_login_attempts, settings.allow_login_after_fail
	frappe.db.set_single_value(
		"System Settings", {"allow_consecutive_login_attempts": 3, "allow_login_after_fail": 120}
	)
	frappe.db.commit()
	try:
		for _attempt in range(4):  # Frappe locks when the count passes the limit
			r = live_site.session().post(
				f"{live_site.url}/api/method/login", data={"usr": world.rep, "pwd": "wrong"}
			)
			assert r.status_code == 401
		r = live_site.session().post(
			f"{live_site.url}/api/method/login", data={"usr": world.rep, "pwd": PASSWORD}
		)
		assert r.status_code == 429 and "Try again in 2 minutes" in r.text, (r.status_code, r.text[:300])
		# a colleague behind the same address signs in
		live_site.login(world.cm_a, PASSWORD)
	finally:
		frappe.db.set_single_value(
			"System Settings",
			{"allow_consecutive_login_attempts": before[0], "allow_login_after_fail": before[1]},
		)
		frappe.db.commit()
		for key in (world.rep, "127.0.0.1"):
			frappe.cache.hdel("login_failed_count", key)
			frappe.cache.hdel("login_failed_time", key)


def test_a_document_method_is_judged_on_the_stored_record(live_site, world):
	"""run_doc_method (v1) asked only "read" and judged the document the caller sent whole: a case
	manager could send another caseload's placement as her own participant's."""
	cm = live_site.login(world.cm_a, PASSWORD)
	forged = {"doctype": "Placement", "name": world.place_b, "participant": world.people[1], "__islocal": 1}
	url = f"{live_site.url}/api/method/run_doc_method"
	r = cm.post(url, data={"docs": json.dumps(forged), "method": "add_default_bonuses"})
	assert r.status_code == 403, (r.status_code, r.text[:300])
	rep = live_site.login(world.rep, PASSWORD)
	r = rep.post(
		url,
		data={
			"dt": "Placement",
			"dn": world.place_a,
			"method": "rename",
			"args": json.dumps({"name": "PL-x"}),
		},
	)
	assert r.status_code == 403, (r.status_code, r.text[:300])
	assert frappe.db.exists("Placement", world.place_a)
	# the good path: a method of a record the user may change
	r = rep.post(url, data={"dt": "Placement", "dn": world.place_a, "method": "add_default_bonuses"})
	assert r.status_code == 200, (r.status_code, r.text[:300])


def test_a_query_reports_filter_on_a_hidden_field_is_refused(world):
	"""Participant Outcomes filters by any barrier or indicator: a reader without level 1 (an
	agency may open the report to another role) may neither filter by a hidden one nor see it."""
	from employment_partners.employment_partners.report.participant_outcomes import participant_outcomes

	frappe.set_user(world.rep)
	for filters in ({"barrier": "barrier_legal"}, {"indicator": "has_disability"}):
		with pytest.raises(frappe.PermissionError):
			participant_outcomes.execute({"from_date": "2026-01-01", "to_date": "2026-12-31", **filters})
	frappe.set_user(world.cm_a)
	participant_outcomes.execute(
		{"from_date": "2026-01-01", "to_date": "2026-12-31", "barrier": "barrier_legal"}
	)


def test_a_card_or_chart_shows_only_to_those_who_may_read_what_it_counts(world):
	"""The app's permission hook on Number Card and Dashboard Chart answered True for staff, and
	Frappe takes the first hook that answers: a case manager (no Employer Lead, no Employer
	Pipeline report) got the leads card and the pipeline chart, then 403s and cards left loading."""
	card = frappe.get_doc("Number Card", "Open Employer Leads")
	chart = frappe.get_doc("Dashboard Chart", "Employer Pipeline Funnel")
	overdue = frappe.get_doc("Number Card", "Overdue Follow-ups")
	for user, allowed in ((world.cm_a, False), (world.rep, True), (world.employer, False)):
		frappe.set_user(user)  # Frappe's own hook reads the session's user
		for doc in (card, chart):
			assert bool(frappe.has_permission(doc.doctype, "read", doc, user=user)) == allowed, (
				user,
				doc.name,
			)
	# a card a case manager may read stays theirs
	frappe.set_user(world.cm_a)
	assert frappe.has_permission("Number Card", "read", overdue, user=world.cm_a)
