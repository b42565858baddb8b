const EMPLOYER_LEAD_STAGE_COLOURS = {
	Prospect: "gray",
	Outreach: "blue",
	Qualify: "cyan",
	Nurture: "purple",
	Source: "orange",
	Match: "yellow",
	Feedback: "green",
	"Lost / Poor Fit": "red",
};

frappe.listview_settings["Employer Lead"] = {
	// the Employer Pipeline kanban shows these on its cards; Frappe's kanban fetches only the
	// list's fields, so they are fetched here (the kanban view is a list view)
	add_fields: ["stage", "assigned_bsr_name", "next_follow_up_date", "fit_score"],
	// a follow-up date that has passed is marked: the rep's next call is late
	formatters: {
		next_follow_up_date(value) {
			if (!value) return "";
			const shown = frappe.datetime.str_to_user(value);
			if (value >= frappe.datetime.get_today()) return shown;
			return `<span class="text-danger" title="${__("Overdue")}">${shown} · ${__("overdue")}</span>`;
		},
	},
	// a rep's own leads in one click, on the list and on the board (pipeline.js runs this on the
	// kanban view too)
	onload(listview) {
		listview.page.add_inner_button(__("My leads"), () =>
			listview.filter_area.add([["Employer Lead", "assigned_bsr", "=", frappe.session.user]])
		);
		listview.page.add_inner_button(__("Everyone's leads"), () =>
			listview.filter_area.remove("assigned_bsr")
		);
	},
	get_indicator(doc) {
		return [__(doc.stage), EMPLOYER_LEAD_STAGE_COLOURS[doc.stage] || "gray", "stage,=," + doc.stage];
	},
};
