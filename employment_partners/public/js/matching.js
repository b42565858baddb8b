// Ranked matches in a dialog, shared by the Job Order and Participant forms.
// Each row shows the score and its parts (points, maximum and the reason), and a button that
// proposes a referral; rows already referred show the referral's status instead.
frappe.provide("employment_partners.matching");

employment_partners.matching.render_parts = function (parts) {
	return parts
		.map((part) => {
			const full = part.points === part.max_points;
			const colour = full ? "green" : part.points === 0 ? "red" : "orange";
			return `<div class="ep-match-part">
				<span class="indicator-pill ${colour}">${frappe.utils.escape_html(part.label)}
					${part.points}/${part.max_points}</span>
				<span class="text-muted small">${frappe.utils.escape_html(part.why)}</span>
			</div>`;
		})
		.join("");
};

employment_partners.matching.show = function ({ title, method, args, describe, referral_args }) {
	const dialog = new frappe.ui.Dialog({
		title: title,
		size: "extra-large",
		fields: [{ fieldtype: "HTML", fieldname: "results" }],
	});
	const $results = dialog.fields_dict.results.$wrapper;
	$results.html(`<div class="text-muted">${__("Ranking…")}</div>`);
	dialog.show();

	frappe.call({ method: method, args: args }).then((r) => {
		const rows = r.message || [];
		if (!rows.length) {
			$results.html(`<div class="text-muted">${__("No matches found")}</div>`);
			return;
		}
		const html = rows
			.map((row, i) => {
				const who = describe(row);
				const action = row.referral_status
					? `<span class="indicator-pill blue">${__(row.referral_status)}</span>`
					: `<button class="btn btn-xs btn-primary ep-refer" data-index="${i}">
						${__("Propose Referral")}</button>`;
				return `<tr>
					<td class="text-muted">${i + 1}</td>
					<td><a href="${who.route}">${frappe.utils.escape_html(who.title)}</a>
						<div class="text-muted small">${frappe.utils.escape_html(who.subtitle || "")}</div></td>
					<td><div class="ep-match-score">${row.score}</div></td>
					<td>${employment_partners.matching.render_parts(row.parts)}</td>
					<td>${action}</td>
				</tr>`;
			})
			.join("");
		$results.html(`<table class="table table-sm ep-match-table">
			<thead><tr><th>#</th><th>${__("Match")}</th><th>${__("Score")}</th>
				<th>${__("Why")}</th><th></th></tr></thead>
			<tbody>${html}</tbody></table>`);
		$results.find(".ep-refer").on("click", function () {
			const row = rows[$(this).data("index")];
			const $button = $(this).prop("disabled", true);
			frappe
				.call({
					method: "employment_partners.api.hiring.propose_referral",
					args: referral_args(row),
				})
				.then((res) => {
					$button.replaceWith(
						`<a class="indicator-pill gray" href="/app/referral/${res.message}">${__(
							"Proposed"
						)}</a>`
					);
					frappe.show_alert({
						message: __("Referral {0} proposed", [res.message]),
						indicator: "green",
					});
				})
				.catch(() => $button.prop("disabled", false));
		});
	});
};

employment_partners.matching.for_job_order = function (frm) {
	employment_partners.matching.show({
		title: __("Participants for {0}", [frm.doc.job_title]),
		method: "employment_partners.api.hiring.find_participants",
		args: { job_order: frm.doc.name },
		describe: (row) => ({
			title: row.full_name,
			subtitle: row.participant,
			route: `/app/participant/${encodeURIComponent(row.participant)}`,
		}),
		referral_args: (row) => ({ job_order: frm.doc.name, participant: row.participant }),
	});
};

employment_partners.matching.for_participant = function (frm) {
	employment_partners.matching.show({
		title: __("Open jobs for {0}", [frm.doc.full_name]),
		method: "employment_partners.api.hiring.find_job_orders",
		args: { participant: frm.doc.name },
		describe: (row) => ({
			title: `${row.job_title} · ${row.employer_name || ""}`,
			subtitle: `${row.job_order} · ${format_currency(row.hourly_wage)}/h`,
			route: `/app/job-order/${encodeURIComponent(row.job_order)}`,
		}),
		referral_args: (row) => ({ job_order: row.job_order, participant: frm.doc.name }),
	});
};
