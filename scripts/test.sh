#!/usr/bin/env bash
# Run the whole test suite against a real site (real MariaDB, real Redis).
#
#   bash scripts/test.sh [pytest args...]
#
# Idempotent: installs what is missing, creates the bench (outside this repository) and the
# test site on first use, migrates when the app's schema changed, then runs pytest.
#   EP_TEST_SITE   the test site (default: ep-test.localhost)
# See scripts/lib.sh for the rest of the configuration.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

EP_TEST_SITE="${EP_TEST_SITE:-ep-test.localhost}"

setup_bench
ensure_browser
ensure_assets
ensure_site "$EP_TEST_SITE"
as_bench bash -c "cd '$EP_BENCH_DIR' && bench --site '$EP_TEST_SITE' set-config -p allow_tests 1 >/dev/null \
	&& bench --site '$EP_TEST_SITE' set-config admin_password '$EP_ADMIN_PASSWORD' >/dev/null"

say "running the tests on $EP_TEST_SITE"
set +e
trap - ERR
as_bench env EP_BENCH_DIR="$EP_BENCH_DIR" EP_TEST_SITE="$EP_TEST_SITE" EP_ADMIN_PASSWORD="$EP_ADMIN_PASSWORD" \
	bash -c "cd '$EP_BENCH_DIR/apps/employment_partners' && '$EP_BENCH_DIR/env/bin/python' -m pytest \"\$@\"" pytest "$@"
rc=$?
set -e
if [[ $rc -eq 5 ]]; then
	die "pytest collected no tests; that is a failure here, never a pass"
fi
exit $rc
