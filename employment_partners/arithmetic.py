"""Exact report arithmetic.

Averages and rates are computed from the database's exact sums and counts (integers and
DECIMAL money, never floats) with Python's Decimal, and rounded half up ("2.345" → "2.35");
the rounded figure is handed on as the float nearest to it (19.15 stays 19.15 in JSON and in
exports).  A figure with nothing to divide by is None (shown empty), never a division by zero.
"""

from decimal import ROUND_HALF_UP, Decimal


def _decimal(value) -> Decimal:
	return value if isinstance(value, Decimal) else Decimal(str(value or 0))


def _round(value: Decimal, places: int) -> float:
	return float(value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


def ratio(numerator, denominator, places: int = 2) -> float | None:
	"""numerator / denominator rounded half up to `places` decimals; None when the denominator is 0."""
	denominator = _decimal(denominator)
	if not denominator:
		return None
	return _round(_decimal(numerator) / denominator, places)


def hours(value) -> float | None:
	"""A span in hours as the app stores it (response, acknowledgement): two decimals, half up."""
	return rounded(value, 2)


def percent(numerator, denominator, places: int = 1) -> float | None:
	"""100 x numerator / denominator, rounded half up; None when the denominator is 0."""
	return ratio(100 * _decimal(numerator), denominator, places)


def weeks(days, count, places: int = 1) -> float | None:
	"""The mean, in weeks, of `count` spans that add up to `days` days."""
	return ratio(days, 7 * _decimal(count), places)


def rounded(value, places: int = 2) -> float | None:
	if value is None:
		return None
	return _round(_decimal(value), places)


def mean(values, places: int = 2) -> float | None:
	"""The mean of `values` (exact: as decimals), rounded half up; None for no values."""
	values = [_decimal(v) for v in values]
	return ratio(sum(values, Decimal(0)), len(values), places)
