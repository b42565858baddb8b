// Copyright (c) 2026, Employment Partners contributors and contributors
// For license information, please see license.txt

// frappe.ui.form.on("Retention Issue Report", {
// 	refresh(frm) {

// 	},
// });
