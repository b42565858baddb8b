"""Rows straight into the tables, many at a time: what lets the generator make 100,000 placements
with their follow-ups in minutes rather than hours.

Nothing here runs a controller.  The generator (agency.py) computes every value a controller
would have set (full names, fetched fields, statuses, counts) and this module only stores them:
multi-row INSERTs through the database cursor (pymysql's `executemany` packs the rows into
statements of up to about 1 MB), the standard columns filled in, names from the doctype's own
naming series, and the series counters moved past the names used, so records made later in the
desk continue the numbering.
"""

import itertools
from collections import Counter, defaultdict
from datetime import date, datetime

import frappe

STANDARD = ("name", "creation", "modified", "owner", "modified_by", "docstatus", "idx")
NUMERIC = {"Int", "Float", "Currency", "Percent", "Check", "Rating", "Duration"}


class Namer:
	"""Names from naming series such as "PL-.YYYY.-": PL-2025-00001, PL-2025-00002, ... continuing
	after the site's own counter (tabSeries), which `save` moves past the last name used."""

	def __init__(self):
		self.current: dict[str, int] = {}
		self.child_counter = itertools.count(1)
		self.child_prefix = frappe.generate_hash(length=4)

	def next(self, series: str, on) -> str:
		prefix = series.replace(".YYYY.", str(on.year)).replace(".", "")
		if prefix not in self.current:
			self.current[prefix] = int(
				frappe.db.sql("select `current` from `tabSeries` where name = %s", prefix)[0][0]
				if frappe.db.sql("select 1 from `tabSeries` where name = %s", prefix)
				else 0
			)
		self.current[prefix] += 1
		return f"{prefix}{self.current[prefix]:05d}"

	def child(self) -> str:
		"""A unique name for a child row (Frappe gives them random ones)."""
		return f"{self.child_prefix}{next(self.child_counter):07x}"

	def save(self):
		for prefix, current in self.current.items():
			frappe.db.sql(
				"""insert into `tabSeries` (name, `current`) values (%s, %s)
				on duplicate key update `current` = greatest(`current`, values(`current`))""",
				(prefix, current),
			)


class Writer:
	"""Buffers rows per doctype and writes them in chunks.  A doctype's first row fixes its
	columns; every later row must carry the same keys."""

	def __init__(self, user: str = "Administrator", chunk: int = 5000):
		self.user = user
		self.chunk = chunk
		self.columns: dict[str, tuple[str, ...]] = {}
		self.buffers: dict[str, list[tuple]] = defaultdict(list)
		self.counts: Counter = Counter()
		self.namer = Namer()
		self.checked: set[str] = set()
		self.logins: list[str] = []  # users given the password hash `close` stores
		self.password_hash = None

	def add(self, doctype: str, row: dict, at: datetime | date | None = None, by: str | None = None) -> str:
		"""Store a record; `at` is when it was made (creation and modified), `by` who made it."""
		at = _as_datetime(at) if at else datetime.now()
		full = {
			"creation": at,
			"modified": at,
			"owner": by or self.user,
			"modified_by": by or self.user,
			"docstatus": 0,
			"idx": 0,
			**row,
		}
		columns = self.columns.get(doctype)
		if columns is None:
			columns = self.columns[doctype] = tuple(full)
		elif len(full) != len(columns):
			missing = set(columns) ^ set(full)
			raise ValueError(f"{doctype}: a row's fields differ from the first row's: {sorted(missing)}")
		buffer = self.buffers[doctype]
		buffer.append(tuple(full[column] for column in columns))
		if len(buffer) >= self.chunk:
			self.flush(doctype)
		return full["name"]

	def children(
		self, doctype: str, parenttype: str, parent: str, parentfield: str, rows, at=None, first_idx=1
	):
		for idx, row in enumerate(rows, start=first_idx):
			self.add(
				doctype,
				{
					"name": self.namer.child(),
					"parent": parent,
					"parenttype": parenttype,
					"parentfield": parentfield,
					"idx": idx,
					**row,
				},
				at=at,
			)

	def flush(self, doctype: str | None = None):
		for name in [doctype] if doctype else list(self.buffers):
			rows = self.buffers.pop(name, [])
			if rows and name not in self.checked:
				unknown = set(self.columns[name]) - set(frappe.db.get_table_columns(name))
				if unknown:
					raise ValueError(f"{name} has no columns {sorted(unknown)}")
				self.checked.add(name)
			if rows:
				numeric = [i for i, c in enumerate(self.columns[name]) if c in _numeric_fields(name)]
				if numeric:  # Frappe stores numbers NOT NULL: None is 0
					rows = [_zero(row, numeric) for row in rows]
				bulk_insert(name, self.columns[name], rows)
				self.counts[name] += len(rows)

	def close(self):
		self.flush()
		self.namer.save()
		if self.logins:
			frappe.db._cursor.executemany(
				"""insert into `__Auth` (doctype, name, fieldname, `password`, encrypted)
				values ('User', %s, 'password', %s, 0)
				on duplicate key update `password` = values(`password`)""",
				[(email, self.password_hash) for email in self.logins],
			)


def bulk_insert(doctype: str, columns, rows: list[tuple]):
	"""One multi-row INSERT per ~1 MB of rows (pymysql's executemany), inside the transaction."""
	table = f"tab{doctype}"
	sql = "insert into `{}` ({}) values ({})".format(
		table, ", ".join(f"`{c}`" for c in columns), ", ".join(["%s"] * len(columns))
	)
	frappe.db.sql("select 1")  # connects if need be
	frappe.db._cursor.executemany(sql, rows)


def _numeric_fields(doctype: str) -> set[str]:
	if doctype.startswith("__"):
		return set()
	return {f.fieldname for f in frappe.get_meta(doctype).fields if f.fieldtype in NUMERIC}


def _zero(row: tuple, indexes: list[int]) -> tuple:
	if all(row[i] is not None for i in indexes):
		return row
	values = list(row)
	for i in indexes:
		if values[i] is None:
			values[i] = 0
	return tuple(values)


def _as_datetime(value) -> datetime:
	if isinstance(value, datetime):
		return value
	return datetime(value.year, value.month, value.day, 9, 0)
