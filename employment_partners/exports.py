"""Funder-ready exports of the app's reports (issue 22): the PDF and the Excel / CSV file a funder
is sent.  Frappe's own export of any other report is left as it is.

**PDF** (`report_to_pdf`, the app's version of Frappe's frappe.utils.print_format.report_to_pdf;
the desk's PDF button on an app report sends the report's name and filters, public/js/reports.js).
The page is made here from the report's own run, as the user may run it:

- the agency's letter head (letter_head.py: the one chosen, the default company's, or the site's
  default) and the agency's name;
- the report's title and filters, then its headline figures (the summary cards) above the table;
- the table, with its column headers at the top of every page: `thead { display:
  table-header-group }` repeats them where the PDF engine breaks a table (a patched-Qt
  wkhtmltopdf, a browser), and the rows are cut into page-sized tables, each with its header,
  since the wkhtmltopdf Frappe 15 runs on this platform (0.12.6 without patched Qt) repeats no
  header and draws no header or footer HTML (Frappe's footer needs JavaScript and a local file,
  and get_pdf disables both);
- the definitions (how each figure is counted) after the table;
- "Page x of y" with the agency's name and the report's title at the foot of every page,
  stamped on the finished PDF (`number_pages`).

**Excel and CSV** (`export_query`, the app's version of frappe.desk.query_report.export_query,
built from Frappe's own pieces: run, build_xlsx_data, get_csv_bytes, provide_binary_file):

- each column holds one kind of value: a report whose rows each hold their own kind of figure in
  one column (`row_fieldtype`: a count, a rate, money) is exported with that column split by
  kind ("Total (count)", "Total (%)", "Total (amount)", "Total (number)"), each cell in the
  column of its kind and given that kind's number format;
- a "Definitions" sheet: the report's definitions, one per row, and the period line.

Both are reached only through the request guard's permission-checked overrides
(security/overrides.py CHECKED), which run these in place of Frappe's.
"""

import base64
import io
import json
import math
import mimetypes
import re

import frappe
from frappe import _
from frappe.utils import cint, escape_html, now_datetime

from employment_partners import letter_head, reporting

APP_MODULE = "Employment Partners"


def is_app_report(report_name) -> bool:
	"""A script report of this app (its exports are the funder-ready ones)."""
	if not report_name or not isinstance(report_name, str):
		return False
	row = frappe.db.get_value("Report", report_name, ["module", "report_type"], as_dict=True)
	return bool(row) and row.module == APP_MODULE and row.report_type == "Script Report"


# --------------------------------------------------------------------------- one kind per column
# a row's kind (`row_fieldtype`, public/js/reports.js) -> the kind of the column it goes in
ROW_KINDS = {"Int": "Int", "Percent": "Percent", "Currency": "Currency", "Float": "Float", "Float2": "Float"}
# the kinds in the order their columns come, with the word that names each
KINDS = (("Int", "count"), ("Percent", "%"), ("Currency", "amount"), ("Float", "number"))
NUMBER_FORMATS = {"Int": "#,##0", "Percent": "0.0", "Currency": "#,##0.00", "Float": "#,##0.0#"}
PRECISION = {"Float": 1, "Percent": 1, "Float2": 2}


def _mixed(column, rows) -> bool:
	"""A Float column whose rows say their own kind: the row-kind formatter's columns."""
	return column.get("fieldtype") == "Float" and any(
		isinstance(row, dict) and row.get("row_fieldtype") for row in rows
	)


def one_kind_per_column(columns: list[dict], rows: list) -> tuple[list[dict], list]:
	"""The columns and rows of an export in which each column holds one kind of value.  A run of
	adjacent mixed columns becomes, kind by kind, one column per original column and kind present
	in it ("Total (count)", "With Incentive (count)", ..., "Total (amount)", ...); a mixed column
	holding one kind only keeps its label and takes that kind.  Other columns are unchanged."""
	if not any(_mixed(c, rows) for c in columns):
		return columns, rows
	out_columns, moves = [], []  # moves: (new fieldname, old fieldname, row kind)
	run: list[dict] = []

	def flush():
		if not run:
			return
		present = {
			c["fieldname"]: {
				ROW_KINDS.get(row.get("row_fieldtype"), "Float")
				for row in rows
				if isinstance(row, dict) and row.get(c["fieldname"]) is not None
			}
			for c in run
		}
		for kind, word in KINDS:
			for c in run:
				kinds = present[c["fieldname"]] or {"Float"}
				if kind not in kinds:
					continue
				single = len(kinds) == 1
				fieldname = c["fieldname"] if single else f"{c['fieldname']}__{word}"
				label = c.get("label") if single else "{0} ({1})".format(c.get("label"), _(word))
				out_columns.append({**c, "fieldname": fieldname, "label": label, "fieldtype": kind})
				moves.append((fieldname, c["fieldname"], kind))
		run.clear()

	for column in columns:
		if _mixed(column, rows):
			run.append(column)
			continue
		flush()
		out_columns.append(column)
	flush()

	out_rows = []
	for row in rows:
		if not isinstance(row, dict):
			out_rows.append(row)
			continue
		kind = ROW_KINDS.get(row.get("row_fieldtype"), "Float")
		new = {k: v for k, v in row.items() if k not in {old for _n, old, _k in moves}}
		for fieldname, old, column_kind in moves:
			if column_kind == kind or fieldname == old:
				new[fieldname] = row.get(old)
			else:
				new[fieldname] = None
		out_rows.append(new)
	return out_columns, out_rows


# --------------------------------------------------------------------------- Excel and CSV
def export_query():
	"""frappe.desk.query_report.export_query for the app's reports (the request's form, as Frappe
	reads it); any other report is exported by Frappe's own."""
	from frappe.desk.query_report import export_query as frappes_export_query

	if not is_app_report(frappe.local.form_dict.get("report_name")):
		return frappes_export_query()

	from frappe.desk.query_report import build_xlsx_data, format_duration_fields, run
	from frappe.desk.reportview import clean_params, parse_json
	from frappe.desk.utils import get_csv_bytes, pop_csv_params, provide_binary_file

	form = frappe._dict(frappe.local.form_dict)
	csv_params = pop_csv_params(form)
	clean_params(form)
	parse_json(form)
	report_name = form.report_name
	frappe.permissions.can_export(
		frappe.get_cached_value("Report", report_name, "ref_doctype"), raise_exception=True
	)
	file_format = form.file_format_type
	if file_format not in ("Excel", "CSV"):
		frappe.throw(
			_("Export as Excel or CSV, not {0}").format(str(file_format)[:40]), title=_("Invalid format")
		)
	visible_idx = form.visible_idx or []
	if isinstance(visible_idx, str):
		visible_idx = json.loads(visible_idx)
	data = frappe._dict(
		run(
			report_name,
			form.filters,
			custom_columns=frappe.parse_json(form.custom_columns or "[]"),
			are_default_filters=False,
		)
	)
	data.filters = form.applied_filters or {}
	if not data.columns:
		frappe.respond_as_web_page(
			_("No data to export"), _("You can try changing the filters of your report.")
		)
		return
	format_duration_fields(data)
	data.columns, data.result = one_kind_per_column(data.columns, data.result or [])
	table, widths = build_xlsx_data(
		data, visible_idx, form.include_indentation, include_filters=form.include_filters
	)
	if file_format == "CSV":
		content, extension = get_csv_bytes(table, csv_params), "csv"
	else:
		labels = [_(c.get("label")) for c in data.columns if not c.get("hidden")]
		header_row = next((i for i, row in enumerate(table, start=1) if row == labels), 1)
		content = workbook(report_name, table, widths, data.columns, header_row, data.message)
		extension = "xlsx"
	provide_binary_file(report_name, extension, content)


def workbook(report_name, table, widths, columns, header_row: int = 1, message=None) -> bytes:
	"""The xlsx: the report's sheet (its rows as Frappe builds them, each numeric column given its
	kind's number format) and a Definitions sheet."""
	from openpyxl import Workbook
	from openpyxl.styles import Alignment, Font
	from openpyxl.utils import get_column_letter
	from openpyxl.workbook.child import INVALID_TITLE_REGEX

	book = Workbook()
	sheet = book.active
	sheet.title = INVALID_TITLE_REGEX.sub(" ", _(report_name))[:31]
	for row in table:
		sheet.append([_cell(value) for value in row])
	for i, width in enumerate(widths, start=1):
		if width:
			sheet.column_dimensions[get_column_letter(i)].width = width
	for cell in sheet[header_row] if sheet.max_row >= header_row else ():
		cell.font = Font(bold=True)
	shown = [c for c in columns if not c.get("hidden")]
	for i, column in enumerate(shown, start=1):
		number_format = NUMBER_FORMATS.get(column.get("fieldtype"))
		if not number_format:
			continue
		for (cell,) in sheet.iter_rows(min_row=header_row + 1, min_col=i, max_col=i):
			if isinstance(cell.value, int | float):
				cell.number_format = number_format

	items, line = reporting.definition_items(message)
	definitions = book.create_sheet(_("Definitions"))
	definitions.append([_("Figure"), _("How it is counted")])
	for name, text in items:
		definitions.append([_cell(name), _cell(text)])
	definitions.append([])
	for label, value in (
		(_("Counted"), line),
		(_("Agency"), letter_head.agency_name()),
		(_("Report"), _(report_name)),
		(_("Exported"), frappe.format(now_datetime(), "Datetime")),
	):
		if value:
			definitions.append([label, _cell(value)])
	definitions["A1"].font = definitions["B1"].font = Font(bold=True)
	definitions.column_dimensions["A"].width = 42
	definitions.column_dimensions["B"].width = 120
	for (cell,) in definitions.iter_rows(min_col=2, max_col=2):
		cell.alignment = Alignment(wrap_text=True, vertical="top")
	out = io.BytesIO()
	book.save(out)
	return out.getvalue()


def _cell(value):
	from frappe.utils.xlsxutils import ILLEGAL_CHARACTERS_RE, handle_html

	if isinstance(value, str):
		return ILLEGAL_CHARACTERS_RE.sub("", handle_html(value))
	return value


# --------------------------------------------------------------------------- PDF
def report_to_pdf(
	html=None,
	orientation="Landscape",
	report_name=None,
	filters=None,
	letter_head_name=None,
	with_letter_head=1,
	columns=None,
	applied_filters=None,
):
	"""frappe.utils.print_format.report_to_pdf: for an app report named in `report_name`, the
	funder-ready PDF of its run with `filters` (the HTML the desk sent is not used), on the letter
	head named (or the agency's default) unless `with_letter_head` is 0; otherwise Frappe's own,
	of the HTML sent."""
	from frappe.utils.print_format import report_to_pdf as frappes_report_to_pdf

	if not is_app_report(report_name):
		return frappes_report_to_pdf(html, orientation)
	from frappe.core.doctype.access_log.access_log import make_access_log

	page = report_page(
		report_name,
		filters,
		orientation,
		letter_head_name,
		columns,
		applied_filters,
		with_letter_head=cint(with_letter_head),
	)
	make_access_log(
		report_name=report_name,
		file_type="PDF",
		method="PDF",
		filters=filters if isinstance(filters, str) else frappe.as_json(filters or {}),
	)
	frappe.local.response.filename = f"{_(report_name)}.pdf"
	frappe.local.response.filecontent = pdf(page.html, orientation, page.footer)
	frappe.local.response.type = "pdf"


def pdf(html: str, orientation: str, footer: str) -> bytes:
	"""The PDF of a page made by `report_page`, each page numbered."""
	from frappe.utils.pdf import get_pdf

	return number_pages(get_pdf(html, {"orientation": orientation}), footer)


ORIENTATIONS = ("Landscape", "Portrait")
# page sizes (width x height, portrait, mm) of Print Settings' PDF Page Size; others read as A4
PAGE_SIZES = {
	"A4": (210, 297),
	"A3": (297, 420),
	"A5": (148, 210),
	"Letter": (215.9, 279.4),
	"Legal": (215.9, 355.6),
}
MARGIN_MM = 15  # Frappe's get_pdf: 15 mm on every side (no header or footer HTML)
PX_PER_MM = 96 / 25.4
LINE_PX, ROW_PADDING_PX, CHAR_PX = 15, 8, 6.2
# the part of a page the rows are given: what the estimate may be short of (a long word, a tall
# letter head image) spills onto the next page instead of past it
FILL = 0.88


def report_page(
	report_name,
	filters,
	orientation="Landscape",
	chosen=None,
	picked=None,
	applied=None,
	with_letter_head: bool = True,
):
	"""The HTML of an app report's PDF (see the module's docstring), from the report's run with
	`filters` as the session user may run it: frappe._dict(html, footer, pages)."""
	from frappe.desk.query_report import run

	if orientation not in ORIENTATIONS:
		frappe.throw(
			_("Print in Landscape or Portrait, not {0}").format(str(orientation)[:40]),
			title=_("Invalid orientation"),
		)
	if problem := letter_head.problem_with_chosen(chosen):
		frappe.throw(problem, title=_("Invalid letter head"))
	filters = frappe.parse_json(filters) if isinstance(filters, str) else (filters or {})
	if not isinstance(filters, dict):
		frappe.throw(_("The filters must be a JSON object"), title=_("Invalid filter"))
	data = frappe._dict(run(report_name, dict(filters), are_default_filters=False))
	if data.get("prepared_report") and data.get("result") is None:
		frappe.throw(_("Prepare the report first, then print it"), title=_("Report not prepared"))
	picked = frappe.parse_json(picked) if isinstance(picked, str) else picked
	columns = [
		frappe._dict(c)
		for c in data.columns or []
		if not c.get("hidden") and (not picked or c.get("fieldname") in picked)
	]
	rows = [r for r in data.result or [] if isinstance(r, dict)]
	title = _(report_name)
	agency = letter_head.agency_name()
	head = letter_head.for_print(chosen) if with_letter_head else None
	if head:
		head = {**head, "header": _inline_images(head["header"]), "footer": _inline_images(head["footer"])}
	width_mm, height_mm = _page_size(orientation)
	shares = _shares(columns)
	header = _header_cells(columns, shares)
	body = [_row_cells(row, columns) for row in rows]
	pages = _paginate(
		body,
		columns,
		shares,
		width_mm,
		height_mm,
		first_page_px=_top_px(head, data.report_summary, filters, width_mm),
		header_px=_row_px([c.label or "" for c in columns], shares, width_mm, bold=True),
	)
	definitions, line = reporting.definition_items(data.message)
	html = frappe.render_template(
		"employment_partners/templates/reports/funder_report.html",
		{
			"title": escape_html(title),
			"agency": escape_html(agency or ""),
			"letter_head": head,
			"filters": _filter_lines(filters, applied),
			"summary": _summary_cards(data.report_summary),
			"header": header,
			"pages": [
				[
					{"cells": cells, "indent": cint(row.get("indent")), "bold": cint(row.get("bold"))}
					for cells, row in page
				]
				for page in pages
			],
			"widths": [f"{share * 100:.2f}%" for share in shares],
			"definitions": [(escape_html(_(n)), escape_html(t)) for n, t in definitions],
			"definitions_title": escape_html(_("How these figures are counted")),
			"period_line": escape_html(line or ""),
			"printed": escape_html(
				_("Printed on {0} by {1}").format(
					frappe.format(now_datetime(), "Datetime"), frappe.utils.get_fullname(frappe.session.user)
				)
			),
			"no_rows": escape_html(_("Nothing to show for these filters")),
			"lang": frappe.local.lang,
		},
	)
	footer = f"{agency} - {title}" if agency else title
	return frappe._dict(html=html, footer=footer, pages=len(pages))


def _inline_images(html: str) -> str:
	"""The letter head with the site's own images (a logo in /files or /private/files) written into
	it: the PDF engine then needs no request to the site for them."""
	if not html or "<img" not in html:
		return html or ""
	from bs4 import BeautifulSoup
	from frappe.core.doctype.file.utils import find_file_by_url

	soup = BeautifulSoup(html, "html.parser")
	for img in soup.find_all("img"):
		src = img.get("src") or ""
		if not src.startswith(("/files/", "/private/files/")):
			continue
		file = find_file_by_url(src.split("?", 1)[0])
		if not file:
			continue
		kind = mimetypes.guess_type(src.split("?", 1)[0])[0] or "image/png"
		img["src"] = f"data:{kind};base64,{base64.b64encode(file.get_content()).decode()}"
	return str(soup)


def _page_size(orientation) -> tuple[float, float]:
	size = frappe.db.get_single_value("Print Settings", "pdf_page_size") or "A4"
	width, height = PAGE_SIZES.get(size, PAGE_SIZES["A4"])
	return (height, width) if orientation == "Landscape" else (width, height)


def _shares(columns) -> list[float]:
	"""Each column's share of the table's width, from the widths the report gives its columns."""
	widths = [max(cint(c.get("width")) or 120, 40) for c in columns]
	total = sum(widths) or 1
	return [w / total for w in widths]


def _text(value, column, row) -> str:
	"""A cell as the desk shows it: in its column's kind, or its row's (row_fieldtype)."""
	if value is None or value == "":
		return ""
	kind = row.get("row_fieldtype")
	if kind and column.fieldtype == "Float":
		df = {"fieldtype": "Float" if kind == "Float2" else kind, "precision": PRECISION.get(kind)}
	else:
		df = {"fieldtype": column.fieldtype, "options": column.options, "precision": column.precision}
	if df["fieldtype"] in ("Link", "Dynamic Link", "Data", "Select", "Small Text", "Text"):
		return str(value)
	if df["fieldtype"] == "Float" and df.get("precision") is not None:
		# with its decimals, as the desk shows it (Frappe's format_value prints 8.0 as "8")
		return frappe.utils.fmt_money(value, precision=cint(df["precision"]))
	return frappe.format_value(value, df)


NUMERIC = ("Int", "Float", "Currency", "Percent")


def _row_cells(row, columns) -> tuple[list[dict], dict]:
	cells = []
	for column in columns:
		text = _text(row.get(column.fieldname), column, row)
		numeric = column.fieldtype in NUMERIC
		cells.append({"text": escape_html(text), "raw": text, "numeric": numeric})
	return cells, row


def _header_cells(columns, shares) -> list[dict]:
	return [{"label": escape_html(_(c.label or "")), "numeric": c.fieldtype in NUMERIC} for c in columns]


def _lines(text: str, share: float, width_mm: float, bold=False) -> int:
	chars = max(3, int((width_mm - 2 * MARGIN_MM) * PX_PER_MM * share / (CHAR_PX * (1.1 if bold else 1)) - 1))
	lines = 0
	for paragraph in str(text or "").split("\n"):
		words, line = paragraph.split() or [""], 0
		for word in words:
			length = len(word)
			if line and line + 1 + length > chars:
				lines, line = lines + 1, 0
			while length > chars:  # a word longer than the column breaks anywhere
				lines, length = lines + 1, length - chars
			line = line + (1 if line else 0) + length
		lines += 1
	return lines


def _row_px(texts, shares, width_mm, bold=False) -> float:
	return ROW_PADDING_PX + LINE_PX * max(
		[_lines(t, s, width_mm, bold) for t, s in zip(texts, shares, strict=True)] or [1]
	)


def _top_px(head, summary, filters, width_mm) -> float:
	"""What comes above the table on the first page: letter head, title, filters, figures."""
	px = 60 + 18 * (len(filters or {}) + 2)
	if head:
		px += 30 + 20 * max(1, len(re.findall(r"<(?:div|p|br|h\d|tr)\b", head["header"] or "", re.I)))
		px += 160 if "<img" in (head["header"] or "") else 0
	cards = len(summary or [])
	if cards:
		per_row = max(1, int((width_mm - 2 * MARGIN_MM) * PX_PER_MM // 170))
		px += 62 * math.ceil(cards / per_row)
	return px


def _paginate(body, columns, shares, width_mm, height_mm, first_page_px, header_px) -> list[list]:
	"""The rows cut into page-sized runs, each printed as a table with its column headers."""
	page_px = (height_mm - 2 * MARGIN_MM) * PX_PER_MM * FILL
	pages, current, used = [], [], first_page_px + header_px
	for cells, row in body:
		px = _row_px([c["raw"] for c in cells], shares, width_mm)
		if current and used + px > page_px:
			pages.append(current)
			current, used = [], header_px
		current.append((cells, row))
		used += px
	pages.append(current)
	return pages


def _filter_lines(filters, applied) -> list[tuple[str, str]]:
	"""The filters as the desk printed them (label: value): the labels and values the desk sent
	(`applied`), else each filter's name."""
	applied = frappe.parse_json(applied) if isinstance(applied, str) else applied
	if isinstance(applied, dict) and applied:
		pairs = applied.items()
	else:
		pairs = ((_(k.replace("_", " ").capitalize()), v) for k, v in (filters or {}).items())
	return [
		(escape_html(str(label)[:80]), escape_html(str(value)[:200]))
		for label, value in pairs
		if value not in (None, "", [])
	]


def _summary_cards(summary) -> list[dict]:
	cards = []
	for item in summary or []:
		if not isinstance(item, dict) or item.get("label") is None:
			continue
		value, datatype = item.get("value"), item.get("datatype") or "Data"
		if value is None:
			text = reporting.NO_FIGURE
		elif datatype in ("Int", "Float", "Currency", "Percent"):
			text = frappe.format_value(value, {"fieldtype": datatype, "options": item.get("currency")})
		else:
			text = str(value)
		cards.append({"label": escape_html(str(item["label"])), "value": escape_html(text)})
	return cards


def number_pages(content: bytes, footer: str) -> bytes:
	"""The PDF with "<footer>   Page x of y" at the foot of every page (Helvetica, as every PDF
	reader holds it: a character it cannot draw prints as "?")."""
	from pypdf import PdfReader, PdfWriter
	from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

	reader = PdfReader(io.BytesIO(content))
	total = len(reader.pages)
	writer = PdfWriter()
	margin, size = MARGIN_MM * 72 / 25.4, 8
	for number, page in enumerate(reader.pages, start=1):
		width, height = float(page.mediabox.width), float(page.mediabox.height)
		label = _("Page {0} of {1}").format(number, total)
		right = width - margin - len(label) * size * 0.5
		drawn = (
			b"q 0.4 g BT /EPFooter %d Tf %.2f %.2f Td %s Tj ET BT /EPFooter %d Tf %.2f %.2f Td %s Tj ET Q"
			% (
				size,
				margin,
				margin / 2,
				_pdf_string(footer[:120]),
				size,
				right,
				margin / 2,
				_pdf_string(label),
			)
		)
		overlay_writer = PdfWriter()
		overlay = overlay_writer.add_blank_page(width, height)
		font = DictionaryObject(
			{
				NameObject("/Type"): NameObject("/Font"),
				NameObject("/Subtype"): NameObject("/Type1"),
				NameObject("/BaseFont"): NameObject("/Helvetica"),
				NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
			}
		)
		overlay[NameObject("/Resources")] = DictionaryObject(
			{
				NameObject("/Font"): DictionaryObject(
					{NameObject("/EPFooter"): overlay_writer._add_object(font)}
				)
			}
		)
		stream = DecodedStreamObject()
		stream.set_data(drawn)
		overlay[NameObject("/Contents")] = overlay_writer._add_object(stream)
		page.merge_page(overlay)
		writer.add_page(page)
	out = io.BytesIO()
	writer.write(out)
	return out.getvalue()


def _pdf_string(text: str) -> bytes:
	raw = str(text).encode("cp1252", "replace")
	return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"
