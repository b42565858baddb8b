"""The early warning's model: a logistic regression an agency can read, fitted on its own history.

Every feature is a yes/no fact (features.py), so a year of weekly snapshots of 100,000 placements
collapses, in SQL, to a few hundred distinct patterns with how many placements showed each and
how many of them separated within 30 days.  The model is fitted on those patterns by Newton's
method (iteratively reweighted least squares) with an L2 penalty on the coefficients (not the
intercept): the regularised logistic regression the field uses for risk of job loss, written out
here in pure Python because its whole cost is a 15 x 15 linear solve per step.  No numerical
library is added to an agency's bench for it: scikit-learn would bring SciPy and NumPy (over
100 MB) for one function, and neither Frappe nor ERPNext ships them.

A risk is the model's probability; its reasons are the facts present for that placement whose
coefficient raises the risk, largest first, in words.

Until the history holds enough separations to fit (MIN_SEPARATIONS), the points rule (POINTS)
scores instead: the same formula with coefficients set by hand, documented in
docs/early-warning.md, and every screen that shows a risk says which one was used.
"""

import math
from dataclasses import dataclass, field

from employment_partners.early_warning.features import CODES

LOGISTIC = "Logistic Regression"
POINTS_RULE = "Points Rule"

L2 = 1.0
MIN_SEPARATIONS = 30  # distinct placements that separated in the training window
MIN_WEEKS = 12  # weeks of history before the first training day

# The points rule: each fact present adds its points; one point doubles the odds of separating
# within 30 days; with no fact present the risk is 3 %.  Set by hand from the sources' emphasis
# (a concern from the employer and losing contact weigh most; the first month most of the
# calendar), not fitted: it orders people, its percentages are not measured.
POINTS = {
	"first_30_days": 2,
	"days_31_to_90": 1,
	"concern_recent": 2,
	"concern_severe": 2,
	"pulse_unanswered": 1,
	"follow_up_missed": 1,
	"unable_to_contact": 2,
	"past_job_loss": 1,
	"part_time": 1,
	"below_target_wage": 1,
	"support_referral_open": 1,
	"barrier_transport_childcare": 1,
	"barrier_housing": 1,
	"barrier_personal": 1,
}
POINTS_BASE_RISK = 0.03

# bands a risk is shown in (lower bound included)
HIGH = 0.25
MEDIUM = 0.10


@dataclass
class Model:
	method: str
	intercept: float
	coefficients: dict[str, float] = field(default_factory=dict)

	def log_odds(self, facts: dict) -> float:
		return self.intercept + sum(c for code, c in self.coefficients.items() if facts.get(code))

	def risk(self, facts: dict) -> float:
		return sigmoid(self.log_odds(facts))

	def raising(self) -> list[str]:
		"""The facts whose coefficient raises the risk, the largest first (ties by feature order)."""
		return sorted(
			(code for code, c in self.coefficients.items() if c > 0),
			key=lambda code: (-self.coefficients[code], CODES.index(code)),
		)

	def reasons(self, facts: dict) -> list[str]:
		"""The facts present that raise the risk, the largest first."""
		return [code for code in self.raising() if facts.get(code)]


def band(risk: float) -> str:
	return "High" if risk >= HIGH else "Medium" if risk >= MEDIUM else "Low"


def sigmoid(z: float) -> float:
	if z >= 0:
		return 1 / (1 + math.exp(-z))
	e = math.exp(z)
	return e / (1 + e)


def points_rule() -> Model:
	return Model(
		POINTS_RULE,
		math.log(POINTS_BASE_RISK / (1 - POINTS_BASE_RISK)),
		{code: POINTS[code] * math.log(2) for code in CODES},
	)


# ------------------------------------------------------------------ fitting
# a pattern: (the facts as a tuple of 0/1 in CODES order, how many rows showed it, how many separated)
Pattern = tuple[tuple[int, ...], int, int]


def fit(patterns: list[Pattern], l2: float = L2, max_steps: int = 50) -> Model:
	"""The L2-penalised maximum-likelihood logistic regression of the patterns."""
	k = len(CODES) + 1
	w = [0.0] * k
	total = sum(n for _x, n, _y in patterns)
	positives = sum(y for _x, _n, y in patterns)
	if not total or not positives or positives == total:
		raise ValueError("both outcomes are needed to fit")
	w[0] = math.log(positives / (total - positives))
	for _step in range(max_steps):
		grad = [0.0] * k
		hess = [[0.0] * k for _ in range(k)]
		for x, n, y in patterns:
			row = (1, *x)
			p = sigmoid(sum(wi * xi for wi, xi in zip(w, row, strict=True)))
			residual, weight = y - n * p, n * p * (1 - p)
			active = [i for i, xi in enumerate(row) if xi]
			for i in active:
				grad[i] += residual
				for j in active:
					hess[i][j] += weight
		for i in range(1, k):
			grad[i] -= l2 * w[i]
			hess[i][i] += l2
		step = solve(hess, grad)
		w = [wi + si for wi, si in zip(w, step, strict=True)]
		if max(abs(s) for s in step) < 1e-9:
			break
	return Model(LOGISTIC, w[0], dict(zip(CODES, w[1:], strict=True)))


def solve(a: list[list[float]], b: list[float]) -> list[float]:
	"""x with a x = b, by Gaussian elimination with partial pivoting (a is copied)."""
	n = len(b)
	m = [[*row, b[i]] for i, row in enumerate(a)]
	for col in range(n):
		pivot = max(range(col, n), key=lambda r: abs(m[r][col]))
		if abs(m[pivot][col]) < 1e-12:
			raise ValueError("singular system")
		m[col], m[pivot] = m[pivot], m[col]
		for r in range(col + 1, n):
			f = m[r][col] / m[col][col]
			if f:
				for c in range(col, n + 1):
					m[r][c] -= f * m[col][c]
	x = [0.0] * n
	for r in range(n - 1, -1, -1):
		x[r] = (m[r][n] - sum(m[r][c] * x[c] for c in range(r + 1, n))) / m[r][r]
	return x


# ------------------------------------------------------------------ quality
def quality(model: Model, patterns: list[Pattern]) -> dict:
	"""How well `model` predicts the patterns: rows, separations, the Brier score (mean squared
	difference between risk and outcome) and the area under the ROC curve (the chance a placement
	that separated was ranked above one that did not, ties counting half)."""
	scored = sorted((model.risk(dict(zip(CODES, x, strict=True))), n, y) for x, n, y in patterns)
	rows = sum(n for _p, n, _y in scored)
	positives = sum(y for _p, _n, y in scored)
	brier = sum(y * (1 - p) ** 2 + (n - y) * p**2 for p, n, y in scored) / rows if rows else None
	auc = None
	if positives and rows - positives:
		area, negatives_below, i = 0.0, 0, 0
		while i < len(scored):
			j, pos, neg = i, 0, 0
			while j < len(scored) and scored[j][0] == scored[i][0]:
				pos, neg = pos + scored[j][2], neg + scored[j][1] - scored[j][2]
				j += 1
			area += pos * (negatives_below + neg / 2)
			negatives_below += neg
			i = j
		auc = area / (positives * (rows - positives))
	return {"rows": rows, "separations": positives, "brier": brier, "auc": auc}
