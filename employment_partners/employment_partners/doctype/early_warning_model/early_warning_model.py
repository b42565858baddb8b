# Copyright (c) 2026, Employment Partners contributors and contributors
# For license information, please see license.txt

from frappe.model.document import Document


class EarlyWarningModel(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from employment_partners.employment_partners.doctype.early_warning_coefficient.early_warning_coefficient import (
			EarlyWarningCoefficient,
		)

		base_risk: DF.Percent
		coefficients: DF.Table[EarlyWarningCoefficient]
		holdout_auc: DF.Float
		holdout_brier: DF.Float
		holdout_rows: DF.Int
		holdout_separations: DF.Int
		intercept: DF.Float
		method: DF.Literal["Logistic Regression", "Points Rule"]
		note: DF.SmallText | None
		patterns: DF.Int
		separations: DF.Int
		status: DF.Literal["Active", "Superseded", "Not Used"]
		trained_on: DF.Date | None
		training_rows: DF.Int
		window_from: DF.Date | None
		window_to: DF.Date | None
	# end: auto-generated types
	pass
