#!/usr/bin/env bash
# Run the whole test suite against real sites (real MariaDB, real Redis): first on a site with
# Frappe alone, then, on a site with ERPNext as well, every suite ERPNext can change (ERPNEXT_SUITES
# below; the app's ERPNext tests run there, on the first site they are skipped and its tests check
# that nothing of ERPNext shows).
#
#   bash scripts/test.sh [pytest args...]     with arguments, both sites run what they select
#
# Idempotent: installs what is missing, creates the bench (outside this repository) and the
# test sites on first use, migrates when the app's schema changed, then runs pytest on each.
#   EP_TEST_SITE           the Frappe-alone test site (default: ep-test.localhost)
#   EP_ERPNEXT_TEST_SITE   the ERPNext test site (default: ep-erp-test.localhost)
#   EP_TEST_ERPNEXT        1 (default) to test on the ERPNext site too; 0 for the first site only;
#                          all to run the whole suite on the ERPNext site too
# See scripts/lib.sh for the rest of the configuration (ERPNEXT_SOURCE and its branch).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

EP_TEST_SITE="${EP_TEST_SITE:-ep-test.localhost}"
EP_ERPNEXT_TEST_SITE="${EP_ERPNEXT_TEST_SITE:-ep-erp-test.localhost}"
EP_TEST_ERPNEXT="${EP_TEST_ERPNEXT:-1}"
[[ "$EP_TEST_ERPNEXT" != 0 ]] && EP_WITH_ERPNEXT=1 # the bench gets ERPNext (bench get-app)

# What ERPNext can change, run again on the ERPNext site (the rest reads and writes only the app's
# own doctypes, whose rules ERPNext does not touch, and ran on the first site):
ERPNEXT_SUITES=(
	employment_partners/tests/test_books.py   # the books: customers, suppliers, vouchers, postings
	tests/test_books_rest.py                  # the same over REST, as each role
	tests/test_server_fields.py               # ERPNext's custom fields on the partnership are the server's
	tests/test_permission_matrix.py           # every role's cells with ERPNext's roles and doctypes beside
	tests/test_permissions.py                 # record rules with ERPNext's permission hooks in play
	tests/test_rest_privacy.py                # what REST shows, ERPNext's doctypes linked
	tests/test_query_guard.py                 # Frappe's list and search methods with ERPNext's overrides
	tests/test_fuzz.py                        # every whitelisted method, the books' able to act
	tests/test_portal.py                      # employers' contacts, which ERPNext also links (customers)
	employment_partners/tests/test_portal_users.py
	tests/test_desk_fixtures.py               # the workspace, roles and fixtures beside ERPNext's
	tests/test_smoke.py                       # install and the setup wizard with ERPNext's
	tests/test_uninstall.py                   # uninstall leaves ERPNext's contacts and addresses whole
	employment_partners/employment_partners/doctype/hiring_partnership # its form, with ERPNext's fields
)
# and every test file that speaks of ERPNext (a new ERPNext test runs there without being listed)
while IFS= read -r file; do
	[[ " ${ERPNEXT_SUITES[*]} " == *" $file "* ]] || ERPNEXT_SUITES+=("$file")
done < <(cd "$EP_REPO_DIR" && { grep -rli --include='test_*.py' erpnext employment_partners tests || true; } | sort)

setup_bench
ensure_browser
ensure_assets

# the layers of the package (pyproject.toml, [tool.importlinter]; the README's Layout): no import
# runs up a layer or in a circle, those inside functions included
say "checking the import layers (lint-imports)"
if ! layers="$(as_bench bash -c "cd '$EP_BENCH_DIR/apps/employment_partners' && '$EP_BENCH_DIR/env/bin/lint-imports' --no-cache" 2>&1)"; then
	printf '%s\n' "$layers" | sed -n '/Broken contracts/,$p'
	die "an import crosses the package's layers (above); the README's Layout gives the order"
fi

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
if [[ "$EP_TEST_ERPNEXT" != 0 ]]; then
	if (($#)) || [[ "$EP_TEST_ERPNEXT" == all ]]; then
		run_suite "$EP_ERPNEXT_TEST_SITE" "erpnext employment_partners" "$@" || rc=$((rc ? rc : $?))
	else
		run_suite "$EP_ERPNEXT_TEST_SITE" "erpnext employment_partners" "${ERPNEXT_SUITES[@]}" || rc=$((rc ? rc : $?))
	fi
fi
exit $rc
