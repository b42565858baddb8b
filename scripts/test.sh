#!/usr/bin/env bash
# Run the whole test suite against real sites (real MariaDB, real Redis): first on a site with
# Frappe alone, then on a site with ERPNext as well (the app's ERPNext tests run there; on the
# first site they are skipped, and its tests check that nothing of ERPNext shows).
#
#   bash scripts/test.sh [pytest args...]
#
# Idempotent: installs what is missing, creates the bench (outside this repository) and the
# test sites on first use, migrates when the app's schema changed, then runs pytest on each.
#   EP_TEST_SITE           the Frappe-alone test site (default: ep-test.localhost)
#   EP_ERPNEXT_TEST_SITE   the ERPNext test site (default: ep-erp-test.localhost)
#   EP_TEST_ERPNEXT        1 (default) to test on the ERPNext site too; 0 for the first site only
# See scripts/lib.sh for the rest of the configuration (ERPNEXT_SOURCE and its branch).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

EP_TEST_SITE="${EP_TEST_SITE:-ep-test.localhost}"
EP_ERPNEXT_TEST_SITE="${EP_ERPNEXT_TEST_SITE:-ep-erp-test.localhost}"
EP_TEST_ERPNEXT="${EP_TEST_ERPNEXT:-1}"
[[ "$EP_TEST_ERPNEXT" == 1 ]] && EP_WITH_ERPNEXT=1 # the bench gets ERPNext (bench get-app)

setup_bench
ensure_browser
ensure_assets

run_suite() {
	local site=$1 apps=$2 started rc
	shift 2
	ensure_site "$site" "$apps"
	as_bench bash -c "cd '$EP_BENCH_DIR' && bench --site '$site' set-config -p allow_tests 1 >/dev/null \
		&& bench --site '$site' set-config admin_password '$EP_ADMIN_PASSWORD' >/dev/null"
	say "running the tests on $site ($apps)"
	started=$SECONDS
	set +e
	as_bench env EP_BENCH_DIR="$EP_BENCH_DIR" EP_TEST_SITE="$site" EP_ADMIN_PASSWORD="$EP_ADMIN_PASSWORD" \
		bash -c "cd '$EP_BENCH_DIR/apps/employment_partners' && '$EP_BENCH_DIR/env/bin/python' -m pytest \"\$@\"" pytest "$@"
	rc=$?
	set -e
	say "$site: pytest exit $rc in $((SECONDS - started)) s"
	if [[ $rc -eq 5 ]]; then
		die "pytest collected no tests on $site; that is a failure here, never a pass"
	fi
	return $rc
}

trap - ERR
rc=0
run_suite "$EP_TEST_SITE" "employment_partners" "$@" || rc=$?
if [[ "$EP_TEST_ERPNEXT" == 1 ]]; then
	run_suite "$EP_ERPNEXT_TEST_SITE" "erpnext employment_partners" "$@" || rc=$((rc ? rc : $?))
fi
exit $rc
