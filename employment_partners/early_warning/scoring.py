"""Scoring every current placement, and training the model, on the agency's own history.

- `refresh(day)` (daily, by the scheduler): one INSERT ... SELECT scores every placement current
  on `day` with the active model and keeps it in that week's Separation Risk row: the week's
  first scoring is also kept as "at the week's start", which the track record judges; later days
  update the current risk.  The risk is computed in SQL from the model's coefficients, so 20,000
  placements are one statement, not a loop over documents.
- `train(day)` (weekly): snapshots every other week over the 52 weeks whose 30 days ahead have
  ended by `day` are grouped into patterns in one SQL pass (features.py); those of the last 13
  weeks are held out to measure the model fitted on the ones before them, then the model is
  fitted on all of them and stored as a new Early Warning Model, active from then on.  Too little history, or a failed fit, stores the
  attempt with its reason and leaves the model in use as it was.
- `backfill(weeks, day)`: what the scheduler would have scored each Monday of the past weeks,
  with the model that would have been trained then (for a new site, and the demo).
"""

import frappe
from frappe import _
from frappe.utils import add_days, getdate, now_datetime, today

from employment_partners.early_warning import features, model
from employment_partners.early_warning.features import CODES
from employment_partners.placements.placements import CURRENT, ENDED

RISK = "Separation Risk"
MODEL = "Early Warning Model"
ACTIVE, SUPERSEDED, NOT_USED = "Active", "Superseded", "Not Used"
TRAINING_WEEKS = 52
SNAPSHOT_DAYS = 14  # a snapshot every other week
HOLDOUT_WEEKS = 13


def week_start(day) -> "date":  # noqa: F821
	day = getdate(day)
	return add_days(day, -day.weekday())


# ------------------------------------------------------------------ models
def active_model() -> tuple[str, model.Model]:
	"""The model in use (its record's name and itself): the newest active one; the points rule,
	stored on first use, while none has been trained."""
	name = frappe.db.get_value(MODEL, {"status": ACTIVE}, "name", order_by="creation desc")
	if not name:
		name = store(model.points_rule(), ACTIVE, note=_("No model has been trained yet."))
	return name, load(name)


def load(name: str) -> model.Model:
	doc = frappe.get_doc(MODEL, name)
	return model.Model(
		doc.method,
		doc.intercept,
		{row.feature: row.coefficient for row in doc.coefficients if row.feature in features.BY_CODE},
	)


def store(fitted: model.Model | None, status: str, note: str = "", **values) -> str:
	"""A model record: its coefficients readable on the desk (reason, coefficient, odds ratio)."""
	import math

	doc = frappe.new_doc(MODEL)
	doc.update(values)
	doc.status = status
	doc.note = note
	doc.trained_on = doc.trained_on or today()
	if fitted:
		doc.method = fitted.method
		doc.intercept = fitted.intercept
		doc.base_risk = 100 * model.sigmoid(fitted.intercept)
		for code in CODES:
			coefficient = fitted.coefficients.get(code, 0.0)
			doc.append(
				"coefficients",
				{
					"feature": code,
					"reason": features.BY_CODE[code].reason,
					"coefficient": coefficient,
					"odds_ratio": math.exp(coefficient),
					"points": model.POINTS[code] if fitted.method == model.POINTS_RULE else None,
				},
			)
	else:
		doc.method = model.LOGISTIC
	doc.insert(ignore_permissions=True)
	if status == ACTIVE:
		frappe.db.sql(
			f"update `tab{MODEL}` set status = %s where status = %s and name <> %s",
			(SUPERSEDED, ACTIVE, doc.name),
		)
	return doc.name


# ------------------------------------------------------------------ scoring
def _score_sql(fitted: model.Model, row: str = "y") -> tuple[str, str]:
	"""SQL of the risk (0-1) and of the reasons (codes of the facts present that raise it, the
	largest first) of a row `row` of `features.select_features()`."""
	terms = [repr(float(fitted.intercept))] + [
		f"{float(fitted.coefficients.get(code, 0.0))!r} * {row}.{code}" for code in CODES
	]
	order = fitted.raising()  # the reasons, in the model's order
	reasons = ", ".join(f"if({row}.{c}, '{c}', null)" for c in order)
	return f"1 / (1 + exp(-({' + '.join(terms)})))", f"concat_ws(',', {reasons})" if order else "''"


def refresh(day=None) -> dict:
	"""Score every placement current on `day` (today) and keep it in the week's risk rows."""
	day = getdate(day or today())
	model_name, fitted = active_model()
	risk, reasons = _score_sql(fitted)
	band = f"if(x.risk >= {model.HIGH}, 'High', if(x.risk >= {model.MEDIUM}, 'Medium', 'Low'))"
	frappe.db.sql(
		f"""insert into `tab{RISK}` (name, creation, modified, modified_by, owner, docstatus, idx,
			placement, participant, participant_name, case_manager, hiring_partnership, employer_name,
			week_start, first_90_days, scored_at_start, risk_at_start, band_at_start, reasons_at_start, model_at_start,
			scored_on, risk, band, reasons, model)
		select concat(x.placement, '-', date_format(%(week)s, '%%Y%%m%%d')), %(now)s, %(now)s,
			'Administrator', 'Administrator', 0, 0,
			x.placement, x.participant, x.participant_name, x.case_manager, x.hiring_partnership,
			x.employer_name, %(week)s, x.first_90_days, %(day)s, round(100 * x.risk, 3), {band}, x.reasons,
			%(model)s, %(day)s, round(100 * x.risk, 3), {band}, x.reasons, %(model)s
		from (select y.*, {risk} as risk, {reasons} as reasons from (
			select p.name as placement, p.participant, pt.full_name as participant_name,
				pt.case_manager, p.hiring_partnership, p.employer_name,
				({features.FIRST_90_DAYS}) as first_90_days, {features.select_features()}
			{features.from_current([day])}) y) x
		on duplicate key update modified = values(modified), scored_on = values(scored_on),
			risk = values(risk), band = values(band), reasons = values(reasons), model = values(model),
			case_manager = values(case_manager), participant_name = values(participant_name)""",
		{"week": week_start(day), "now": now_datetime(), "model": model_name, "day": day},
	)
	return {"day": day, "week_start": week_start(day), "model": model_name, "unscored": unscored()}


def unscored(reader: bool = False) -> list[str]:
	"""Current placements the warning cannot score: no start date (of them, those the session
	user may read, when `reader`)."""
	read = frappe.get_list if reader else frappe.get_all
	return read(
		"Placement",
		filters={"status": ["in", CURRENT], "start_date": ["is", "not set"]},
		pluck="name",
		order_by="name",
	)


# ------------------------------------------------------------------ training
def training_days(day, weeks: int = TRAINING_WEEKS) -> list:
	"""The snapshot days a model trained on `day` learns from: every other week (a placement's
	facts change little in one), the newest one whose 30 days ahead have all passed by `day` (so
	every outcome is known), going back `weeks` weeks."""
	last = add_days(getdate(day), -features.HORIZON_DAYS)
	return [add_days(last, -SNAPSHOT_DAYS * k) for k in range(weeks * 7 // SNAPSHOT_DAYS)][::-1]


def patterns_by_day(days) -> dict:
	"""Placement-days of `days` grouped by day and facts: {day: [(facts, rows, rows that
	separated)]}, read in one pass."""
	codes = ", ".join(CODES)
	rows = frappe.db.sql(
		f"""select d, {codes}, count(*) as n, sum(separated) as y from (
			select snap.d, ({features.SEPARATED}) as separated, {features.select_features()}
			{features.from_current(days)}) snapshots
		group by d, {codes}""",
		as_dict=True,
	)
	found = {getdate(day): [] for day in days}
	for r in rows:
		found[getdate(r.d)].append((tuple(int(r[c] or 0) for c in CODES), int(r.n), int(r.y or 0)))
	return found


def patterns(days) -> list[model.Pattern]:
	"""Placement-days of `days` grouped by their facts: (facts, rows, rows that separated)."""
	return merged(patterns_by_day(days).values())


def merged(groups) -> list[model.Pattern]:
	total: dict = {}
	for group in groups:
		for facts, n, y in group:
			rows, separated = total.get(facts, (0, 0))
			total[facts] = (rows + n, separated + y)
	return [(facts, n, y) for facts, (n, y) in total.items()]


def separations_between(first, last) -> int:
	"""Placements that ended (separated) on a day from `first` to 29 days after `last`."""
	return frappe.db.count(
		"Placement",
		{
			"status": ENDED,
			"end_date": ["between", [first, add_days(last, features.HORIZON_DAYS - 1)]],
		},
	)


def train(day=None) -> str:
	"""Fit a model on the history known by `day` (today) and make it the one in use; or record why
	not, keeping the model in use.  Returns the new record's name."""
	day = getdate(day or today())
	days = training_days(day)
	window = {"trained_on": day, "window_from": days[0], "window_to": days[-1]}
	separated = separations_between(days[0], days[-1])
	first_start = frappe.db.sql("select min(start_date) from `tabPlacement`")[0][0]
	history_weeks = (days[-1] - getdate(first_start)).days // 7 if first_start else 0
	if separated < model.MIN_SEPARATIONS or history_weeks < model.MIN_WEEKS:
		note = _(
			"Too little history to train: {0} placements separated in the window (at least {1} are"
			" needed) over {2} weeks of placements (at least {3}). The model in use stays in use."
		).format(separated, model.MIN_SEPARATIONS, history_weeks, model.MIN_WEEKS)
		return store(None, NOT_USED, note, separations=separated, **window)
	try:
		by_day = patterns_by_day(days)
		cut = add_days(days[-1], -7 * HOLDOUT_WEEKS)
		older = merged(group for day, group in by_day.items() if day <= cut)
		held_out = merged(group for day, group in by_day.items() if day > cut)
		measured = model.quality(model.fit(older), held_out)
		every = merged(by_day.values())
		fitted = model.fit(every)
	except Exception:
		frappe.log_error(title=_("Early warning: training failed"))
		return store(
			None,
			NOT_USED,
			_("Training failed (see the Error Log); the model in use stays in use."),
			separations=separated,
			**window,
		)
	return store(
		fitted,
		ACTIVE,
		_(
			"Fitted on snapshots every other week from {0} to {1}; quality measured on those of the"
			" last {2} weeks, held out from a fit on the ones before."
		).format(frappe.format(days[0], "Date"), frappe.format(days[-1], "Date"), HOLDOUT_WEEKS),
		separations=separated,
		training_rows=sum(n for _x, n, _y in every),
		patterns=len(every),
		holdout_rows=measured["rows"],
		holdout_separations=measured["separations"],
		holdout_brier=measured["brier"],
		holdout_auc=measured["auc"],
		**window,
	)


def backfill(weeks: int, day=None, retrain_every: int = 1):
	"""Score each Monday of the `weeks` weeks before `day` (today) as the scheduler would have,
	with the model a training would have had then (trained on that Monday's history, every
	`retrain_every` weeks: the scheduler retrains weekly)."""
	monday = week_start(day or today())
	for k in range(weeks, 0, -1):
		past = add_days(monday, -7 * k)
		if (weeks - k) % retrain_every == 0:
			train(past)
		refresh(past)


# ------------------------------------------------------------------ scheduler
def run_daily():
	refresh()


def run_weekly():
	train()
	refresh()
