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

// each form ranks the other side of a referral: [what it ranks, the endpoint, the dialog's title]
employment_partners.matching.RANKS = {
	"Job Order": ["participant", "find_participants", (doc) => __("Participants for {0}", [doc.job_title])],
	Participant: ["job_order", "find_job_orders", (doc) => __("Open jobs for {0}", [doc.full_name])],
};

employment_partners.matching.describe = function (row) {
	if (row.participant) {
		const route = `/app/participant/${encodeURIComponent(row.participant)}`;
		return { title: row.full_name, subtitle: row.participant, route };
	}
	return {
		title: `${row.job_title} · ${row.employer_name || ""}`,
		subtitle: `${row.job_order} · ${format_currency(row.hourly_wage)}/h`,
		route: `/app/job-order/${encodeURIComponent(row.job_order)}`,
	};
};

// "Find Matches" on a job order, "Find Jobs" on a participant
employment_partners.matching.find = function (frm) {
	const [other, method, title] = employment_partners.matching.RANKS[frm.doctype];
	const own = frappe.scrub(frm.doctype);
	employment_partners.matching.show({
		title: title(frm.doc),
		method: `employment_partners.api.hiring.${method}`,
		args: { [own]: frm.doc.name },
		describe: employment_partners.matching.describe,
		referral_args: (row) => ({ [own]: frm.doc.name, [other]: row[other] }),
	});
};
