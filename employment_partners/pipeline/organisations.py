"""Employer identity: EIN format, name normalisation, web domain, and duplicate search.

Leads and partnerships share these rules, so a prospect that is already a partner (or
the same employer entered twice) is caught whichever record it is typed into.
"""

import re
from urllib.parse import urlparse

import frappe
from frappe import _

# Hiring Partnership statuses
ACTIVE = "Active"

LEGAL_SUFFIXES = {
	"inc",
	"incorporated",
	"llc",
	"llp",
	"lp",
	"ltd",
	"limited",
	"corp",
	"corporation",
	"co",
	"company",
	"plc",
	"pllc",
	"pc",
	"the",
}

EMPLOYER_DOCTYPES = {
	# doctype: name field
	"Employer Lead": "organisation_name",
	"Hiring Partnership": "partner_name",
}
# a lead and the partnership it became share one identity: (other doctype, field linking to it)
LINKED_RECORD = {
	"Employer Lead": ("Hiring Partnership", "hiring_partnership"),
	"Hiring Partnership": ("Employer Lead", "employer_lead"),
}
IDENTITY_FIELDS = ("normalized_name", "domain", "ein")


def normalize_ein(value: str | None) -> str | None:
	"""'123456789' or '12-3456789' → '12-3456789'; raises on anything but 9 digits."""
	if not value or not value.strip():
		return None
	digits = re.sub(r"[\s-]", "", value)
	if not re.fullmatch(r"\d{9}", digits):
		frappe.throw(
			_("EIN {0} is not valid: it must have exactly 9 digits, as in 12-3456789").format(value),
			title=_("Invalid EIN"),
		)
	return f"{digits[:2]}-{digits[2:]}"


def normalize_name(name: str | None) -> str:
	"""A comparable form of an organisation name: 'The Acme Co., Inc.' → 'acme'."""
	text = (name or "").lower().replace("&", " and ")
	text = re.sub(r"[^\w\s]", " ", text)
	words = [w for w in text.split() if w not in LEGAL_SUFFIXES]
	return " ".join(words)


def domain_of(website: str | None) -> str | None:
	"""'https://www.Acme.com/jobs' → 'acme.com'."""
	if not website or not website.strip():
		return None
	url = website.strip()
	if "://" not in url:
		url = "http://" + url
	host = (urlparse(url).hostname or "").lower()
	if host.startswith("www."):
		host = host[4:]
	if "." not in host:
		frappe.throw(_("Website {0} has no valid domain").format(website), title=_("Invalid website"))
	return host


def find_duplicates(
	*,
	normalized_name: str | None,
	domain: str | None,
	ein: str | None,
	exclude: tuple[str, str] | None = None,
	skip_linked: tuple[str, str] | None = None,
) -> list[dict]:
	"""Leads and partnerships that match on normalised name, domain or EIN.

	`exclude` is (doctype, name) of the record being checked; `skip_linked` is (doctype,
	name) of a record that legitimately shares the identity (a lead and the partnership it
	became).  Uses the indexed columns only.
	"""
	matches = []
	for doctype, name_field in EMPLOYER_DOCTYPES.items():
		table = frappe.qb.DocType(doctype)
		conditions = []
		if normalized_name:
			conditions.append(table.normalized_name == normalized_name)
		if domain:
			conditions.append(table.domain == domain)
		if ein:
			conditions.append(table.ein == ein)
		if not conditions:
			continue
		where = conditions[0]
		for condition in conditions[1:]:
			where = where | condition
		query = (
			frappe.qb.from_(table)
			.select(
				table.name, table[name_field].as_("title"), table.normalized_name, table.domain, table.ein
			)
			.where(where)
		)
		for skip in (exclude, skip_linked):
			if skip and skip[0] == doctype and skip[1]:
				query = query.where(table.name != skip[1])
		for row in query.run(as_dict=True):
			row.doctype = doctype
			row.matched_on = [
				label
				for label, hit in (
					(_("name"), normalized_name and row.normalized_name == normalized_name),
					(_("domain"), domain and row.domain == domain),
					(_("EIN"), ein and row.ein == ein),
				)
				if hit
			]
			matches.append(row)
	return matches


def set_identity(doc) -> None:
	"""Normalised EIN, web domain and name of a lead or partnership."""
	doc.ein = normalize_ein(doc.ein)
	doc.domain = domain_of(doc.website)
	doc.normalized_name = normalize_name(doc.get(EMPLOYER_DOCTYPES[doc.doctype]))


def check_duplicates(doc) -> None:
	"""Refuse a record whose EIN or normalised name is taken; warn on a shared domain.

	Runs for new records and when the identity changed."""
	if not doc.is_new() and not any(doc.has_value_changed(f) for f in IDENTITY_FIELDS):
		return
	name_field = EMPLOYER_DOCTYPES[doc.doctype]
	linked_doctype, link_field = LINKED_RECORD[doc.doctype]
	linked = (linked_doctype, doc.get(link_field)) if doc.get(link_field) else None
	matches = find_duplicates(
		normalized_name=doc.normalized_name,
		domain=doc.domain,
		ein=doc.ein,
		exclude=(doc.doctype, doc.name),
		skip_linked=linked,
	)
	for match in matches:
		label = f"{_(match.doctype)} {match.name} ({match.title})"
		if doc.ein and match.ein == doc.ein:
			frappe.throw(
				_("EIN {0} is already recorded on {1}; open that record or merge into it").format(
					doc.ein, label
				),
				title=_("Duplicate employer"),
				exc=frappe.DuplicateEntryError,
			)
		if match.normalized_name == doc.normalized_name and not doc.not_a_duplicate:
			frappe.throw(
				_(
					"{0} looks like a duplicate of {1}; open that record or merge into it, or tick "
					"'Confirmed Not a Duplicate' if it is a separate organisation"
				).format(doc.get(name_field), label),
				title=_("Duplicate employer"),
				exc=frappe.DuplicateEntryError,
			)
	domain_matches = [m for m in matches if doc.domain and m.domain == doc.domain]
	if domain_matches:
		frappe.msgprint(
			_("Another record uses the domain {0}: {1}").format(
				doc.domain, ", ".join(f"{_(m.doctype)} {m.name} ({m.title})" for m in domain_matches)
			),
			title=_("Possible duplicate"),
			indicator="orange",
			alert=True,
		)
