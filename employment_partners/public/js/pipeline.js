// The employer pipeline's next steps: a refused stage change (on the board or the lead's form)
// offers the step that lets it through as its message's button (EmployerLead.refuse_stage_change):
// a reason to write, the partnership to create, the job order to open.
frappe.provide("employment_partners.pipeline");

employment_partners.pipeline.next_step = function (args) {
	frappe.hide_msgprint();
	const step = employment_partners.pipeline.steps[args.step];
	if (step) step(args);
};

// after a move made here: the board, the list or the lead's form shows it
employment_partners.pipeline.refresh = function (lead) {
	if (cur_frm && cur_frm.doctype === "Employer Lead" && cur_frm.docname === lead) {
		cur_frm.reload_doc();
	} else if (cur_list && cur_list.doctype === "Employer Lead") {
		cur_list.refresh();
	}
};

employment_partners.pipeline.move = function (args, reason) {
	return frappe
		.call({
			method: "employment_partners.api.pipeline.move_lead",
			args: { lead: args.lead, stage: args.stage, reason: reason || null },
			freeze: true,
		})
		.then((r) => {
			if (!r.message) return;
			frappe.show_alert({
				message: __("{0} moved to {1}", [args.organisation, __(r.message)]),
				indicator: "green",
			});
			employment_partners.pipeline.refresh(args.lead);
		});
};

employment_partners.pipeline.ask_reason = function (args, label) {
	const dialog = new frappe.ui.Dialog({
		title: __("{0} to {1}", [args.organisation, __(args.stage)]),
		fields: [{ fieldname: "reason", fieldtype: "Small Text", label: label, reqd: 1 }],
		primary_action_label: __("Move to {0}", [__(args.stage)]),
		primary_action({ reason }) {
			dialog.hide();
			employment_partners.pipeline.move(args, reason);
		},
	});
	dialog.show();
};

employment_partners.pipeline.steps = {
	reason(args) {
		employment_partners.pipeline.ask_reason(args, __("Reason"));
	},
	lost_reason(args) {
		employment_partners.pipeline.ask_reason(args, __("Why is this lead lost?"));
	},
	convert(args) {
		frappe
			.call({
				method: "employment_partners.api.pipeline.convert_lead",
				args: { lead: args.lead },
				freeze: true,
			})
			.then((r) => {
				if (!r.message) return;
				frappe.show_alert({
					message: __("Hiring Partnership {0} created", [args.organisation]),
					indicator: "green",
				});
				// the move the rep asked for, now that its gate is met (a further gate asks again)
				employment_partners.pipeline.move(args);
			});
	},
	job_order(args) {
		frappe.new_doc("Job Order", { hiring_partnership: args.hiring_partnership });
	},
};

// Frappe workaround "kanban-skips-list-onload" (employment_partners/workarounds.py): Frappe 15's
// kanban view does not run its doctype's list settings' onload, as the list view does: here it
// does, so the board offers what the list offers (Employer Lead: "My leads")
if (frappe.views.KanbanView && !frappe.views.KanbanView.prototype._ep_runs_onload) {
	const setup_view = frappe.views.KanbanView.prototype.setup_view;
	frappe.views.KanbanView.prototype.setup_view = function () {
		setup_view.call(this);
		if (this.doctype === "Employer Lead" && this.settings.onload) this.settings.onload(this);
	};
	frappe.views.KanbanView.prototype._ep_runs_onload = true;
}
