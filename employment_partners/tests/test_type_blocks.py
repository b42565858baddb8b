"""Every doctype's controller carries Frappe's generated type block (hooks.py asks for them:
export_python_type_annotations), naming every field its JSON declares, and no field it lost.

Regenerate after changing a doctype's JSON by hand: saving it in the desk (developer mode) does it,
or frappe.types.exporter.TypeExporter(frappe.get_doc("DocType", name)).export_types()."""

import json
import re
import unittest
from pathlib import Path

from frappe.model import no_value_fields

DOCTYPES = Path(__file__).resolve().parent.parent / "employment_partners" / "doctype"
BLOCK = re.compile(r"# begin: auto-generated types\n(.*?)# end: auto-generated types", re.S)
ANNOTATION = re.compile(r"^\t\t(\w+): DF\.", re.M)


def declared_fields(folder: Path) -> set[str]:
	meta = json.loads((folder / f"{folder.name}.json").read_text())
	fields = {f["fieldname"] for f in meta["fields"] if f["fieldtype"] not in no_value_fields}
	fields |= {f["fieldname"] for f in meta["fields"] if f["fieldtype"] in ("Table", "Table MultiSelect")}
	if meta.get("istable"):
		fields |= {"parent", "parentfield", "parenttype"}
	return fields


class TestTypeBlocks(unittest.TestCase):
	def test_every_doctype_has_a_current_type_block(self):
		folders = sorted(p for p in DOCTYPES.iterdir() if (p / f"{p.name}.json").exists())
		self.assertGreater(len(folders), 40)
		for folder in folders:
			with self.subTest(doctype=folder.name):
				code = (folder / f"{folder.name}.py").read_text()
				block = BLOCK.search(code)
				self.assertIsNotNone(block, f"{folder.name}.py has no generated type block")
				annotated = set(ANNOTATION.findall(block.group(1)))
				self.assertEqual(annotated, declared_fields(folder))

	def test_a_missing_field_is_seen(self):
		"""The check above can fail: a block without one of the JSON's fields is told apart."""
		folder = DOCTYPES / "placement"
		block = BLOCK.search((folder / "placement.py").read_text()).group(1)
		annotated = set(ANNOTATION.findall(block.replace("\t\tstatus: DF.", "\t\t# status: DF.")))
		self.assertEqual(declared_fields(folder) - annotated, {"status"})
