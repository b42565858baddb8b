#!/usr/bin/env bash
# Benchmarks at scale (issue 15): a generated agency of 1,000 employers, 20,000 participants and
# 100,000 placements (five years), then the reports, the scheduler, the portal under load and
# matching, each against its lower bound.  Prints one table and writes the numbers as JSON.
#
#   bash scripts/benchmark.sh            everything (24 minutes on a new machine, 12 of them making
#                                        the agency; the site is made once)
#   bash scripts/benchmark.sh reports    one part: reports, scheduler, portal, matching or early_warning
#
# Not part of the test suite.  Idempotent: the bench and the site are made when missing, the
# agency is generated once per site; every benchmark leaves the site's data as it found it.
#   EP_BENCH_SITE     the benchmark site (default: ep-scale.localhost)
#   EP_BENCH_SIZES    make-demo options (default: --employers 1000 --participants 20000
#                     --placements 100000 --years 5)
#   EP_BENCH_OUT      where the JSON goes (default: benchmarks/results in this checkout)
# See scripts/lib.sh for the rest of the configuration.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

EP_BENCH_SITE="${EP_BENCH_SITE:-ep-scale.localhost}"
EP_BENCH_SIZES="${EP_BENCH_SIZES:---employers 1000 --participants 20000 --placements 100000 --years 5}"
EP_BENCH_OUT="${EP_BENCH_OUT:-$EP_REPO_DIR/benchmarks/results}"
parts=("${@:-reports scheduler portal matching early_warning}")
read -r -a parts <<<"${parts[*]}"

setup_bench
ensure_site "$EP_BENCH_SITE"
mkdir -p "$EP_BENCH_OUT"
chmod -R a+rwX "$EP_BENCH_OUT" # the bench user writes the results, whoever cloned the checkout
say "generating the agency on $EP_BENCH_SITE (once per site)"
# the digests, the pulse and the invitations queue their emails in an outbox that never connects
# anywhere (mute_emails keeps them from leaving): with emails muted and no outgoing account, the
# app sends none of them, and the scheduler's and the portal's numbers would leave them out
# the generated agency makes its logins through Frappe's user creation, and Frappe refuses a 61st
# new user within the hour (throttle_user_limit): the portal benchmark then makes its own logins
as_bench bash -c "cd '$EP_BENCH_DIR' && bench --site '$EP_BENCH_SITE' set-config -p mute_emails 1 >/dev/null \
	&& bench --site '$EP_BENCH_SITE' set-config -p throttle_user_limit 1000000 >/dev/null \
	&& bench --site '$EP_BENCH_SITE' execute employment_partners.utils.ensure_outbox \
		--kwargs \"{'account_name': 'Benchmark Outbox', 'email_id': 'outbox@scale.employment-partners.invalid'}\" \
	&& bench --site '$EP_BENCH_SITE' employment-partners make-demo $EP_BENCH_SIZES"

run_py() {
	# library warnings filtered out of stderr; grep finding no line to pass on is no failure
	as_bench bash -c "cd '$EP_BENCH_DIR/sites' && '$EP_BENCH_DIR/env/bin/python' $*" \
		2> >(grep -v -e pkg_resources -e ARC4 -e 'from cryptography' >&2 || true)
}

run_part() {
	case "$1" in
	reports) run_py "'$EP_REPO_DIR/benchmarks/bench_reports.py' '$EP_BENCH_SITE' --json '$EP_BENCH_OUT/reports.json'" ;;
	scheduler) run_py "'$EP_REPO_DIR/benchmarks/bench_scheduler.py' '$EP_BENCH_SITE' --lag-days 1 --json '$EP_BENCH_OUT/scheduler.json'" ;;
	portal) run_py "'$EP_REPO_DIR/benchmarks/bench_portal.py' '$EP_BENCH_SITE' --json '$EP_BENCH_OUT/portal.json'" ;;
	matching) # on the test site, as docs/benchmarks.md's matching table: 20,000 participants of its own
		ensure_site "${EP_TEST_SITE:-ep-test.localhost}"
		run_py "'$EP_REPO_DIR/benchmarks/bench_matching.py' '${EP_TEST_SITE:-ep-test.localhost}' 20000" | tee "$EP_BENCH_OUT/matching.txt" ;;
	early_warning) run_py "'$EP_REPO_DIR/benchmarks/bench_early_warning.py' '$EP_BENCH_SITE' --json '$EP_BENCH_OUT/early_warning.json'" ;;
	*) echo "unknown part $1: reports, scheduler, portal, matching or early_warning" >&2 && return 2 ;;
	esac
}

# every part runs whatever the one before it did: a part that misses its target (or fails) is
# reported at the end, and the script then exits non-zero
missed=()
for part in "${parts[@]}"; do
	say "benchmark: $part"
	if run_part "$part"; then
		say "benchmark: $part met its targets"
	else
		rc=$?
		say "benchmark: $part missed a target or failed (exit $rc); going on with the next part"
		missed+=("$part")
	fi
done
say "results in $EP_BENCH_OUT"
((${#missed[@]} == 0)) || die "benchmark parts that missed a target or failed (every part ran): ${missed[*]}"
