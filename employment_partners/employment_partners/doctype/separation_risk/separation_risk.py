# Copyright (c) 2026, Employment Partners contributors and contributors
# For license information, please see license.txt

from frappe.model.document import Document

from employment_partners.permissions import OwnedRecord


class SeparationRisk(OwnedRecord, Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		band: DF.Literal["Low", "Medium", "High"]
		band_at_start: DF.Literal["Low", "Medium", "High"]
		case_manager: DF.Link | None
		employer_name: DF.Data | None
		first_90_days: DF.Check
		hiring_partnership: DF.Link | None
		model: DF.Link | None
		model_at_start: DF.Link | None
		participant: DF.Link | None
		participant_name: DF.Data | None
		placement: DF.Link
		reasons: DF.SmallText | None
		reasons_at_start: DF.SmallText | None
		risk: DF.Percent
		risk_at_start: DF.Percent
		scored_at_start: DF.Date | None
		scored_on: DF.Date | None
		week_start: DF.Date | None
	# end: auto-generated types
	pass
