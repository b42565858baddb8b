"""Rules a job order or a placement must meet: pay, hours, openings, incentives.

Plain functions returning the translated reason a value is refused, or None, so the
controllers throw and the tests read each rule directly.
"""

from frappe import _
from frappe.utils import flt, fmt_money

from employment_partners import utils

MIN_HOURS = 1
MAX_HOURS = 80


def wage_problem(wage) -> str | None:
	if not flt(wage):
		return _("Give the hourly wage")
	if flt(wage) < 0:
		return _("Hourly wage must be more than 0, not {0}").format(fmt_money(wage))
	return None


def hours_problem(hours) -> str | None:
	if not MIN_HOURS <= flt(hours) <= MAX_HOURS:
		return _("Hours per week must be between {0} and {1}, not {2}").format(
			MIN_HOURS, MAX_HOURS, flt(hours)
		)
	return None


def pay_problem(wage, hours) -> str | None:
	"""A job order's or a placement's terms: a positive wage and 1-80 hours a week."""
	return wage_problem(wage) or hours_problem(hours)


def incentive_problem(amount, cap) -> str | None:
	"""The employer incentive for one participant: not negative, not above the cap in Settings."""
	if flt(amount) < 0:
		return _("The employer incentive cannot be negative")
	if flt(amount) > flt(cap):
		return _("Employer incentive {0} exceeds the cap of {1} per participant").format(
			fmt_money(amount), fmt_money(cap)
		)
	return None


def commitments_problem(amount, training_plan: str | None, weeks, skill_complexity: str | None) -> str | None:
	"""An incentive is tied to what the employer commits to: a training plan, how many weeks,
	and how complex the skills are."""
	if flt(amount) <= 0:
		return None
	missing = []
	if not (training_plan or "").strip():
		missing.append(_("a training plan"))
	if (weeks or 0) <= 0:
		missing.append(_("the commitment in weeks"))
	if not skill_complexity:
		missing.append(_("the skill complexity"))
	if missing:
		return _("An employer incentive needs the employer's commitments: {0}").format(", ".join(missing))
	return None


def payments_problem(payments: list[tuple[str, float]], incentive) -> str | None:
	"""Milestone payments: each more than 0, together no more than the incentive.

	`payments` holds (milestone, amount) pairs.
	"""
	for milestone, amount in payments:
		if flt(amount) <= 0:
			return _("The payment for milestone {0} must be more than 0").format(milestone)
	total = sum(flt(amount) for _milestone, amount in payments)
	if total > flt(incentive):
		return _("Milestone payments total {0}, more than the incentive of {1}").format(
			fmt_money(total), fmt_money(incentive)
		)
	return None


def bonus_problem(bonus) -> str | None:
	"""A participant retention bonus (a Placement Retention Bonus row): paid after a positive
	number of days retained, more than 0, and once marked paid, paid on a day (not in the
	future) by a stated means."""
	if (bonus.milestone_days or 0) <= 0:
		return _("Row {0}: days retained must be more than 0").format(bonus.idx)
	if flt(bonus.amount) <= 0:
		return _("Row {0}: the bonus amount must be more than 0").format(bonus.idx)
	if bonus.paid_on and not bonus.paid_how:
		return _("Say how the {0}-day retention bonus was paid").format(bonus.milestone_days)
	if bonus.paid_how and not bonus.paid_on:
		return _("Give the day the {0}-day retention bonus was paid").format(bonus.milestone_days)
	return utils.not_in_future_problem(bonus.paid_on, "Paid On")


def incentive_paid(payments) -> float:
	"""Total of milestone payments that have a paid-on date."""
	return sum(float(p.amount or 0) for p in payments if p.paid_on)


def bonus_days(text: str | None) -> list[int]:
	"""Retention-bonus milestones from Settings ("30, 90, 180") as sorted, distinct days."""
	days = set()
	for part in (text or "").replace(";", ",").split(","):
		part = part.strip()
		if part.isdigit() and int(part) > 0:
			days.add(int(part))
	return sorted(days)
