"""Referral statuses: Proposed → Referred → Interviewing → Offered → Hired, or
Declined by Employer (with a reason) or Withdrawn (with a reason).

A referral moves forward (steps may be skipped: an employer can offer without an interview),
never back; Hired, Declined and Withdrawn are final.  Hired is set when the placement made
from the referral is saved, so every hire has its placement record.
"""

from frappe import _

PROPOSED = "Proposed"
REFERRED = "Referred"
INTERVIEWING = "Interviewing"
OFFERED = "Offered"
HIRED = "Hired"
DECLINED = "Declined by Employer"
WITHDRAWN = "Withdrawn"

FLOW = (PROPOSED, REFERRED, INTERVIEWING, OFFERED, HIRED)
FINAL = (HIRED, DECLINED, WITHDRAWN)
# the employer has seen the candidate: only these can be declined
WITH_EMPLOYER = (REFERRED, INTERVIEWING, OFFERED)
# counted for the accepted-referral rate: the employer said yes, or no
ACCEPTED = (OFFERED, HIRED)
DECIDED = (OFFERED, HIRED, DECLINED)


def status_problem(
	from_status: str | None,
	to_status: str,
	*,
	has_placement: bool = False,
	decline_reason: str | None = None,
	withdrawal_reason: str | None = None,
) -> str | None:
	"""Why a referral may not move from `from_status` to `to_status`, or None."""
	if from_status is None and to_status not in (PROPOSED, REFERRED):
		return _("A new referral starts as Proposed or Referred, not {0}").format(to_status)
	if from_status == to_status:
		return None
	if from_status in FINAL:
		return _("This referral is already {0}: make a new referral instead").format(from_status)
	if to_status == HIRED and not has_placement:
		return _(
			"A referral becomes Hired when its placement is saved: record the Placement from this referral"
		)
	if to_status == DECLINED:
		if from_status not in WITH_EMPLOYER:
			return _("Only a referral the employer has received can be declined, not one that is {0}").format(
				from_status
			)
		if not decline_reason:
			return _("Say why the employer declined the candidate")
		return None
	if to_status == WITHDRAWN:
		if not (withdrawal_reason or "").strip():
			return _("Say why the referral is withdrawn")
		return None
	if from_status and FLOW.index(to_status) < FLOW.index(from_status):
		return _("A referral cannot move back from {0} to {1}").format(from_status, to_status)
	return None
