"""The query guard: a list query run as a user may name only fields that user may read.

Frappe 15's list path (`frappe.get_list`, `frappe.client.get_list`, REST lists and `/api/v2`,
`frappe.desk.reportview.get` / `get_count` / `export_query`, `get_group_by_count`, sidebar stats,
link search, number cards and dashboard charts with filters) builds its SQL in
`frappe.model.db_query.DatabaseQuery`.  Its field-level check removes a hidden column from the
select list only when the column stands alone (`apply_fieldlevel_read_permissions` judges an
expression by its first column), and it applies filters, `or_filters`, `order_by` and
`group_by` on any column.  Rows, counts and order then say the hidden value: a rep filtering
`has_disability = 1` got exactly the people with a disability, `order_by=date_of_birth` returned
everyone in birth order, `elt(2, name, date_of_birth)` returned the dates themselves.

The guard runs on every such query that applies permissions (not `frappe.get_all`, not
`ignore_permissions`) once Frappe has parsed its arguments, and **refuses** the query, naming the
field, when any of these names a field the user may not read at its permission level:
- a filter or `or_filters` entry (of the doctype or of a child table it holds), as a tuple, dict
  or SQL text;
- `order_by` and `group_by`;
- any column inside a field expression (every identifier, not only the first), a joined link
  field and the link it goes through, a child table's column and the table field that holds it.

A column of the doctype asked for on its own (`"date_of_birth"`, `"date_of_birth as dob"`) is left
to Frappe, which drops it from the answer (with the Frappe workaround "fieldlevel-read-skips-fields"
of employment_partners/workarounds.py): the desk's list view asks for every Currency column
whatever its level (frappe/public/js/frappe/list/base_list.js, `get_fields_in_list_view`), and
dropping such a column returns the same rows, count and order.
Refusing instead of dropping the other parts is deliberate: a filter dropped silently changes the
answer and still says something.

Identifiers must be columns the guard can place, SQL keywords or aliases the expression itself
makes; anything else (another table, a subquery, a user variable, a comment, a server function such
as `user()` or `sleep()`) is refused too.  Readability is Frappe's own: `get_permitted_fields`
(role permissions by permission level, "select"-only access included).
"""

import re

import frappe
from frappe import _
from frappe.model import child_table_fields, default_fields, optional_fields

# a string literal, an identifier chain (`tabX`.`col`, tabX.col, col), a number, or one character
_TOKENS = re.compile(
	r"""(?P<str>'(?:[^'\\]|\\.|'')*'|"(?:[^"\\]|\\.|"")*")
	|(?P<ident>(?:`[^`]*`|[A-Za-z_][\w$]*)(?:\s*\.\s*(?:`[^`]*`|[A-Za-z_][\w$]*|\*))*)
	|(?P<num>\d+(?:\.\d+)?(?:e[+-]?\d+)?)
	|(?P<other>\S)""",
	re.X | re.S,
)
_PLAIN = re.compile(
	r"^\s*(?:`[^`]+`|[A-Za-z_][\w$]*)(?:\s*\.\s*(?:`[^`]+`|[A-Za-z_][\w$]*))?"
	r"(?:\s+as\s+(?:`[^`]+`|[A-Za-z_][\w$]*|'[^']*'|\"[^\"]*\"))?\s*$",
	re.I,
)
# words an expression may use that are not columns
KEYWORDS = frozenset(
	"""and or not xor is null in like between as asc desc distinct case when then else end true
	false div mod interval binary collate escape regexp rlike sounds separator using unknown
	microsecond second minute hour day week month quarter year day_hour day_minute day_second
	hour_minute hour_second minute_second year_month char signed unsigned integer decimal date
	datetime time double float utf8mb4 utf8mb4_unicode_ci utf8mb4_general_ci nulls first last
	""".split()
)
# functions that read something other than the row's own columns, or stall the server
REFUSED_FUNCTIONS = frozenset(
	"""sleep benchmark load_file user current_user session_user system_user database schema version
	connection_id last_insert_id found_rows row_count get_lock release_lock release_all_locks
	is_free_lock is_used_lock master_pos_wait master_gtid_wait sys_eval sys_exec values
	""".split()
)
# characters that have no business in a field, filter or sort expression
_REFUSED_CHARACTERS = {";", "@", "#", "\\"}


class Refused(frappe.PermissionError):
	"""A list query named a field its user may not read, or something that is not a field."""


# Frappe workaround "list-queries-name-hidden-fields" (employment_partners/workarounds.py)
def check(query) -> None:
	"""Refuse `query` (a DatabaseQuery whose arguments Frappe has just parsed) if it names a field
	`query.user` may not read.  Called for every list query that applies permissions."""
	if query.flags.ignore_permissions or query.user == "Administrator":
		return
	guard = _Guard(query)
	own = f"`tab{query.doctype}`."
	for field in query.fields or ():
		if not isinstance(field, str):
			continue
		plain = _PLAIN.match(field)
		if not plain or ("." in field.split(" as ")[0] and not field.strip().startswith(own)):
			guard.expression(field, _("a computed column"))
	for name in ("filters", "or_filters"):
		for item in _filter_items(getattr(query, name)):
			guard.filter(item)
	if isinstance(query.order_by, str) and query.order_by != "KEEP_DEFAULT_ORDERING":
		guard.expression(query.order_by, _("the sort order"), sorting=True)
	if isinstance(query.group_by, str):
		guard.expression(query.group_by, _("the grouping"))
	log_sensitive_list(query, guard)


# doctypes whose level-1 fields are people's sensitive details: a list read returning them is a look
LOGGED_DOCTYPES = ("Participant",)


def log_sensitive_list(query, guard) -> None:
	"""A web request's list read that returns a participant's level-1 fields goes to Frappe's
	Access Log, as a look at one record does (permissions.log_sensitive_read): once per request."""
	request = getattr(frappe.local, "request", None)
	if query.doctype not in LOGGED_DOCTYPES or not request or query.user != frappe.session.user:
		return
	sensitive = {df.fieldname for df in guard.meta.fields if df.permlevel}
	asked = set()
	for field in query.fields or ():
		if isinstance(field, str):
			asked.update(
				m.group("ident").split(".")[-1].strip("` ")
				for m in _TOKENS.finditer(field)
				if m.lastgroup == "ident"
			)
			if field.strip() in ("*", f"`tab{query.doctype}`.*"):
				asked.update(sensitive)
	shown = sorted(asked & sensitive & guard.readable(query.doctype))
	seen = frappe.flags.ep_logged_lists = frappe.flags.ep_logged_lists or set()
	if not shown or query.doctype in seen:
		return
	seen.add(query.doctype)
	from frappe.core.doctype.access_log.access_log import make_access_log

	make_access_log(
		doctype=query.doctype,
		method=frappe.form_dict.get("cmd") or request.path,
		filters=frappe.as_json(query.filters or []) if query.filters else None,
		columns=", ".join(shown),
		page="list",
	)


def check_filters(doctype: str, filters, user: str | None = None) -> None:
	"""Refuse `filters` on `doctype` if they name a field `user` may not read: for endpoints that
	look records up by filters outside the list path (`frappe.client.get`)."""
	user = user or frappe.session.user
	if user == "Administrator" or not filters:
		return
	query = frappe._dict(doctype=doctype, user=user, linked_table_aliases={}, link_tables=[])
	guard = _Guard(query)
	for item in _filter_items(frappe.parse_json(filters) if isinstance(filters, str) else filters):
		guard.filter(item)


def _filter_items(filters):
	if not filters:
		return []
	if isinstance(filters, dict):
		return [{key: value} for key, value in filters.items()]
	if (
		isinstance(filters, list | tuple)
		and filters
		and isinstance(filters[0], str)
		and len(filters) in (3, 4)
	):
		# a single filter given bare: [field, op, value] or [doctype, field, op, value]
		if not any(isinstance(x, list | tuple | dict) for x in filters[:2]):
			return [filters]
	return list(filters)


class _Guard:
	def __init__(self, query):
		self.doctype = query.doctype
		self.user = query.user
		self.meta = frappe.get_meta(self.doctype)
		self.aliases = {
			alias.strip("`"): table.strip("`")[3:]
			for alias, table in (getattr(query, "linked_table_aliases", None) or {}).items()
		}
		self.link_fields = {
			link.table_alias.strip("`"): link.fieldname
			for link in (getattr(query, "link_tables", None) or [])
		}
		self._readable: dict[str, set[str]] = {}
		# the columns the query's own checked expressions name with "as": the sort order may use them
		# (Frappe's link search sorts by the `_relevance` it computes from the name)
		self.made: set[str] = set()

	# --- what the user may read ----------------------------------------------------------------

	def readable(self, doctype: str) -> set[str]:
		"""Columns of `doctype` (the queried one, or a child table of it) the user may read."""
		if doctype not in self._readable:
			from frappe.model import get_permitted_fields

			parent = self.doctype if doctype != self.doctype else None
			fields = get_permitted_fields(
				doctype=doctype, parenttype=parent, user=self.user, ignore_virtual=True
			)
			self._readable[doctype] = {*fields, *default_fields, *optional_fields}
			if frappe.get_meta(doctype).istable:
				self._readable[doctype].update(child_table_fields)
		return self._readable[doctype]

	def column(self, doctype: str, fieldname: str) -> None:
		"""Refuse unless `fieldname` of `doctype` (this query's doctype, a child table it holds, or
		a doctype joined through one of its link fields) is readable."""
		if doctype == self.doctype:
			self._own(fieldname)
			return
		table_field = self._table_field(doctype)
		if table_field is None:
			self._refuse_table(doctype)
		if table_field.permlevel and table_field.permlevel not in self.meta.get_permlevel_access(
			"read", user=self.user
		):
			self._refuse_field(self.meta, table_field.fieldname)
		meta = frappe.get_meta(doctype)
		if fieldname not in self.readable(doctype):
			if fieldname in meta.get_valid_columns() or meta.has_field(fieldname):
				self._refuse_field(meta, fieldname)
			self._refuse_unknown(fieldname)

	def _own(self, fieldname: str) -> None:
		if fieldname in self.readable(self.doctype):
			return
		if fieldname in self.meta.get_valid_columns() or self.meta.has_field(fieldname):
			self._refuse_field(self.meta, fieldname)
		self._refuse_unknown(fieldname)

	def _linked(self, alias: str, fieldname: str) -> None:
		"""A column of a doctype joined through a link field (`link_field.column` in fields)."""
		self._own(self.link_fields[alias])
		doctype = self.aliases[alias]
		if not frappe.has_permission(doctype, "read", user=self.user) and not frappe.has_permission(
			doctype, "select", user=self.user
		):
			self._refuse_table(doctype)
		from frappe.model import get_permitted_fields

		meta = frappe.get_meta(doctype)
		if fieldname not in {*get_permitted_fields(doctype=doctype, user=self.user), *default_fields}:
			self._refuse_field(meta, fieldname)

	def _table_field(self, child: str):
		for df in self.meta.get_table_fields():
			if df.options == child:
				return df
		return None

	# --- the parts of a query ------------------------------------------------------------------

	def filter(self, item) -> None:
		if isinstance(item, str):
			self.expression(item, _("a filter"))
			return
		if isinstance(item, dict):
			for key in item:
				self._filter_field(self.doctype, key)
			return
		if isinstance(item, list | tuple):
			if len(item) >= 4:
				self._filter_field(item[0] or self.doctype, item[1])
			elif item:
				self._filter_field(self.doctype, item[0])
			return
		self._refuse_unknown(str(item))

	def _filter_field(self, doctype, fieldname) -> None:
		if not isinstance(doctype, str) or not isinstance(fieldname, str):
			self._refuse_unknown(str(fieldname))
		if re.fullmatch(r"[A-Za-z_][\w$]*", fieldname.strip("`")):
			self.column(doctype, fieldname.strip("`"))
		else:
			# an expression as a filter's field (Frappe passes `ifnull(...)` through)
			self.expression(fieldname, _("a filter"))

	def expression(self, text: str, where: str, sorting: bool = False) -> None:
		"""Every identifier in `text` must be a readable column, a keyword or an alias it makes; a
		sort order may also name a column the query's checked expressions made (ORDER BY takes
		such a name for the computed column; GROUP BY would take the table's own column first)."""
		if "--" in text or "/*" in text or any(c in text for c in _REFUSED_CHARACTERS):
			self._refuse_text(text, where)
		tokens = [(m.lastgroup, m.group(m.lastgroup), m.end()) for m in _TOKENS.finditer(text)]
		for index, (kind, value, end) in enumerate(tokens):
			if kind != "ident":
				continue
			previous = tokens[index - 1][1].lower() if index else ""
			following = text[end:].lstrip()[:1]
			parts = [part.strip().strip("`") for part in re.split(r"\.(?=(?:[^`]*`[^`]*`)*[^`]*$)", value)]
			if len(parts) == 1:
				word = parts[0]
				lowered = word.lower()
				if following == "(":  # a function call
					if lowered in REFUSED_FUNCTIONS or lowered in ("select", "exists"):
						self._refuse_text(text, where)
					continue
				if previous == "as":  # an alias this expression makes
					if not (word in self.meta.get_valid_columns() or self.meta.has_field(word)):
						self.made.add(word)
					continue
				if lowered == "select":
					self._refuse_text(text, where)
				if word in self.meta.get_valid_columns() or self.meta.has_field(word):
					self._own(word)
				elif word in self.readable(self.doctype):
					continue
				elif sorting and word in self.made:  # a column a checked expression made
					continue
				elif lowered in KEYWORDS:
					continue
				else:
					self._refuse_unknown(word)
			elif len(parts) == 2:
				table, column = parts
				if column == "*":
					if table != f"tab{self.doctype}":
						self._refuse_text(text, where)
					continue
				if table in self.aliases:
					self._linked(table, column)
				elif table.startswith("tab"):
					self.column(table[3:], column)
				else:
					self._refuse_unknown(value)
			else:
				self._refuse_unknown(value)

	# --- refusals ------------------------------------------------------------------------------

	def _refuse_field(self, meta, fieldname: str):
		df = meta.get_field(fieldname)
		label = _(df.label) if df and df.label else fieldname
		frappe.throw(
			_(
				"You may not read {0} ({1}) of {2}, so a list cannot be filtered, sorted, grouped or computed by it"
			).format(label, fieldname, _(meta.name)),
			Refused,
			title=_("Not permitted"),
		)

	def _refuse_unknown(self, name: str):
		frappe.throw(
			_("{0} is not a field of {1} you may read").format(name, _(self.doctype)),
			Refused,
			title=_("Not permitted"),
		)

	def _refuse_table(self, doctype: str):
		frappe.throw(
			_("A list of {0} cannot read {1}").format(_(self.doctype), _(doctype)),
			Refused,
			title=_("Not permitted"),
		)

	def _refuse_text(self, text: str, where: str):
		frappe.throw(
			_("Only fields you may read can be named in {0}, not: {1}").format(where, text[:80]),
			Refused,
			title=_("Not permitted"),
		)
