# Copyright (c) 2026, Employment Partners contributors and contributors
# For license information, please see license.txt

from frappe.model.document import Document


class EmployerPulse(Document):
	"""Made and answered by employment_partners.portal.pulse; read-only in the desk."""

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		answer: DF.Literal["", "All Good", "Concern", "No Longer Employed"]
		answered_on: DF.Datetime | None
		bsr_notified_on: DF.Datetime | None
		contact: DF.Link | None
		employer_name: DF.Data | None
		end_reason: DF.SmallText | None
		expires_on: DF.Datetime
		hiring_partnership: DF.Link | None
		job_title: DF.Data | None
		naming_series: DF.Literal["EPU-.YYYY.-"]
		participant_label: DF.Data | None
		placement: DF.Link
		recipient_email: DF.Data
		reminded_on: DF.Datetime | None
		reported_end_date: DF.Date | None
		response_hours: DF.Float
		retention_issue: DF.Link | None
		sent_on: DF.Datetime
		status: DF.Literal["Awaiting Answer", "Answered", "Expired"]
		token_hash: DF.Data | None
	# end: auto-generated types
