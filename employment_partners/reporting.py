"""What every script report shares: its definitions block, filters and column helpers.

Each report states how each of its figures is counted (numerator, denominator, period, as-of)
in words a funder would accept.  The definitions travel as the report's message: the desk shows
them above the figures (folded), and printing or saving the report as PDF puts them under the
filters (public/js/reports.js), so a funder reading the PDF reads them too.
"""

import functools

import frappe
from frappe import _

from employment_partners import arithmetic


def definitions(
	items: list[tuple[str, str]], period=None, values: dict | None = None, note: str | None = None
) -> str:
	"""HTML of a report's definitions: (figure, how it is counted) pairs, translated; `values` fill
	the {placeholders} of texts that quote the site's own settings.  The line above them says who
	is counted and as of when: the period's (`period`), or a report's own (`note`, translated)."""

	def worded(text):
		return _(text).format(**values) if values else _(text)

	lines = "".join(
		f"<li><b>{frappe.utils.escape_html(_(name))}</b>: {frappe.utils.escape_html(worded(text))}</li>"
		for name, text in items
	)
	as_of = ""
	if period or note:
		as_of = "<p>" + frappe.utils.escape_html(period_line(period) if period else note) + "</p>"
	return (
		f'<details class="ep-definitions"><summary>{frappe.utils.escape_html(_("How these figures are counted"))}'
		f"</summary>{as_of}<ul>{lines}</ul></details>"
	)


def definition_items(message) -> tuple[list[tuple[str, str]], str | None]:
	"""The (figure, how it is counted) pairs and the period line of a report's definitions, read
	back from the HTML `definitions()` made (the report's message): what an export writes out as
	text.  ([], None) for a message that holds none."""
	import html
	import re

	message = message or ""
	if not isinstance(message, str) or "ep-definitions" not in message:
		return [], None
	items = [
		(html.unescape(name), html.unescape(text))
		for name, text in re.findall(r"<li><b>(.*?)</b>: (.*?)</li>", message, flags=re.S)
	]
	line = re.search(r"</summary><p>(.*?)</p>", message, flags=re.S)
	return items, html.unescape(line.group(1)) if line else None


def period_line(period) -> str:
	"""The sentence that says who is counted and what evidence counts (metrics/period.py)."""
	return _(
		"Counted: records of {0} to {1} (by the date each figure names), measured as of {2}: evidence "
		"recorded after that day does not count, and a figure whose window had not closed by then is "
		"counted over those whose window had."
	).format(
		frappe.format(period.start, "Date"),
		frappe.format(period.end, "Date"),
		frappe.format(period.as_of, "Date"),
	)


def column(
	label: str,
	fieldname: str,
	fieldtype: str = "Data",
	width: int = 120,
	options: str | None = None,
	precision: int | None = None,
) -> dict:
	"""A report column; `precision` shows a Float with the decimals its definition gives.  It is
	never narrower than its heading in the reader's language ("With: Retai…" was cut)."""
	col = fit({"label": _(label), "fieldname": fieldname, "fieldtype": fieldtype, "width": width})
	if options:
		col["options"] = options
	if precision is not None:
		col["precision"] = precision
	return col


# the desk's report headings: about 7.5 px a character at its 13 px font, and room for the column's
# menu and sort arrows
HEADING_PX_PER_CHARACTER = 7.5
HEADING_PADDING_PX = 40


def heading_width(label: str) -> int:
	"""The width a report column needs to show its heading whole."""
	return int(len(label) * HEADING_PX_PER_CHARACTER + HEADING_PADDING_PX + 0.5)


def fit(col: dict) -> dict:
	"""`col`, made at least as wide as its heading and, for a date, as its dates."""
	if col.get("label"):
		col["width"] = max(col.get("width") or 120, heading_width(col["label"]))
	if col.get("fieldtype") in ("Date", "Datetime"):
		moment = "2026-12-31 23:59:59" if col["fieldtype"] == "Datetime" else "2026-12-31"
		width = shown_px(shown(moment, col)) + CELL_PADDING_PX
		col["width"] = max(col.get("width") or 120, int(width + 0.5))
	return col


# a column of words is made as wide as its longest value up to this; a longer one ends in "…",
# whole on hover (the desk's table)
VALUE_CAP_PX = 360
# a cell's padding and a tree row's indent step and toggle, in the desk's report table
CELL_PADDING_PX = 24
INDENT_PX = 15
TOGGLE_PX = 20
WORDS = {"Data", "Link", "Dynamic Link", "Select", "Date", "Datetime"}
# the desk's table font (14 px Inter): digits and capitals are wider than the rest (measured:
# "09-14-2026" is 93 px; an id "PT-2025-00123" was cut at 130 px)
DIGIT_PX = 9.5
OTHER_PX = 7.2
DATES = {"Date", "Datetime"}


def shown_px(text: str) -> float:
	"""About how wide the desk's table draws `text`."""
	return sum(DIGIT_PX if c.isdigit() or c.isupper() else OTHER_PX for c in text)


def shown(value, col: dict) -> str:
	"""The text the desk shows for `value` in column `col`."""
	if value is None or value == "":
		return ""
	if col.get("fieldtype") in DATES:
		return frappe.format(value, col.get("fieldtype"))
	return str(value)


def fit_values(columns: list, rows: list) -> list:
	"""`columns`, each as wide as its heading (`fit`, for columns written out by hand rather than
	with `column`) and each column of words (and dates) as its longest value shown, up to
	VALUE_CAP_PX (a date cut to "10-01-20…" says nothing); the first column of a tree report also
	holds its rows' indent."""
	tree = any(isinstance(row, dict) and row.get("indent") for row in rows)
	for i, col in enumerate(columns):
		if not isinstance(col, dict):
			continue
		fit(col)
		if col.get("fieldtype", "Data") not in WORDS:
			continue
		fieldname = col.get("fieldname")
		widest = 0
		for row in rows:
			value = row.get(fieldname) if isinstance(row, dict) else (row[i] if i < len(row) else None)
			px = shown_px(shown(value, col))
			if tree and i == 0 and isinstance(row, dict):
				px += (row.get("indent") or 0) * INDENT_PX + TOGGLE_PX
			widest = max(widest, px)
		if widest:
			col["width"] = max(
				col.get("width") or 120, min(VALUE_CAP_PX, int(widest + CELL_PADDING_PX + 0.5))
			)
	return columns


def fitted_report(execute):
	"""A report's execute whose columns are each made to fit their headings and values (fit_values)."""

	@functools.wraps(execute)
	def run(filters=None):
		out = execute(filters)
		if isinstance(out, tuple | list) and len(out) > 1 and isinstance(out[1], list):
			fit_values(out[0], out[1])
		return out

	return run


NO_FIGURE = "–"


def summary_item(
	label: str, value, datatype: str, indicator: str | None = None, precision: int | None = None
) -> dict:
	"""A report summary card.  A figure that cannot be worked out yet (a rate whose denominator is
	empty, an average of nothing) shows a dash: a 0 there would read as a result nobody earned.
	A Float with `precision` is shown with that many decimals, rounded half up (the desk would
	use the system's float precision), in the site's number format."""
	item = {"label": label, "value": value, "datatype": datatype}
	if value is None:
		item.update(value=NO_FIGURE, datatype="Data")
	elif precision is not None:
		# fmt_money, not format_value: Frappe shows a whole Float without its decimals (8.0 as "8")
		item.update(
			value=frappe.utils.fmt_money(arithmetic.rounded(value, precision), precision=precision),
			datatype="Data",
		)
	if indicator:
		item["indicator"] = indicator
	return item


def chart_values(pairs) -> tuple[list, list]:
	"""Labels and values of a bar chart, leaving out the bars that have no figure yet."""
	kept = [(label, value) for label, value in pairs if value is not None]
	return [label for label, _value in kept], [value for _label, value in kept]


def readable(rows: list[dict], doctype: str, key: str) -> list[dict]:
	"""The rows about records the user may read: a report that names people applies the same role,
	User Permission and record rules as the list of those people (one query)."""
	if not rows:
		return rows
	names = frappe.get_list(
		doctype, filters={"name": ("in", {row[key] for row in rows})}, pluck="name", limit_page_length=0
	)
	allowed = set(names)
	return [row for row in rows if row[key] in allowed]


def unknown_filters_problem(filters, known: set[str]) -> str | None:
	"""A filter the report does not know is refused rather than silently ignored."""
	unknown = sorted(set(filters or {}) - known)
	if unknown:
		return _("This report has no filter {0}").format(", ".join(unknown))
	return None


def check_filters(filters, known: set[str]):
	problem = unknown_filters_problem(filters, known | {"from_date", "to_date", "as_of"})
	if problem:
		frappe.throw(problem, title=_("Invalid filter"))
