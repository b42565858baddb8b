frappe.provide("frappe.dashboards.chart_sources");

frappe.dashboards.chart_sources["Employer Leads by Stage"] = {
	method: "employment_partners.employment_partners.dashboard_chart_source.employer_leads_by_stage.employer_leads_by_stage.get",
	filters: [],
};
