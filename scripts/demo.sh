#!/usr/bin/env bash
# Bring up a running demo site: desk at http://localhost:8000 (EP_PORT), login printed at the end.
#
#   bash scripts/demo.sh          start (or restart) the demo
#   bash scripts/demo.sh stop     stop it
#
# Idempotent: installs what is missing, creates the bench (outside this repository) and the
# demo site on first use, migrates when the app's schema changed, loads demo data once.
#   EP_DEMO_SITE   the demo site (default: ep.localhost; ep-erp.localhost with EP_WITH_ERPNEXT=1)
#   EP_PORT        web port (default: 8000)
#   EP_DEMO_EMPLOYERS, EP_DEMO_PARTICIPANTS  size of the generated agency (default: 60 and 600;
#                  the named demo logins and their story come on top)
# See scripts/lib.sh for the rest of the configuration.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# with ERPNext (EP_WITH_ERPNEXT=1) the demo is a site of its own, with a company and its books
if [[ "$EP_WITH_ERPNEXT" == 1 ]]; then
	EP_DEMO_SITE="${EP_DEMO_SITE:-ep-erp.localhost}"
else
	EP_DEMO_SITE="${EP_DEMO_SITE:-ep.localhost}"
fi
EP_PORT="${EP_PORT:-8000}"

ensure_bench_user
run_dir="$EP_BENCH_DIR/run"

# each demo site's processes have pid files of their own (an ERPNext demo may run beside this one)
stop_demo() {
	local pidfile
	for pidfile in "$run_dir/demo-$EP_DEMO_SITE"-*.pid; do
		[[ -f "$pidfile" ]] || continue
		# each process leads its own group (setsid): stop it with its workers
		kill -- "-$(cat "$pidfile")" 2>/dev/null || true
		rm -f "$pidfile"
	done
}

if [[ "${1:-}" == "stop" ]]; then
	stop_demo
	say "demo stopped"
	exit 0
fi

setup_bench
ensure_assets
ensure_site "$EP_DEMO_SITE"
# the demo's emails (invitations, pulse questions, digests) are queued for the desk to show, never sent
as_bench bash -c "cd '$EP_BENCH_DIR' && bench use '$EP_DEMO_SITE' >/dev/null \
	&& bench --site '$EP_DEMO_SITE' set-config -p mute_emails 1 >/dev/null \
	&& bench --site '$EP_DEMO_SITE' execute employment_partners.demo.ensure_demo_data \
	&& bench --site '$EP_DEMO_SITE' employment-partners make-demo --employers ${EP_DEMO_EMPLOYERS:-60} \
		--participants ${EP_DEMO_PARTICIPANTS:-600} \
	&& bench --site '$EP_DEMO_SITE' execute employment_partners.demo.ensure_early_warning"
# with ERPNext, the books last: fiscal years, every partnership a customer and a supplier, every paid
# incentive and bonus posted once (employment_partners.demo.ensure_books; a restart posts nothing new)
if [[ "$EP_WITH_ERPNEXT" == 1 ]]; then
	as_bench bash -c "cd '$EP_BENCH_DIR' && bench --site '$EP_DEMO_SITE' execute employment_partners.demo.ensure_books"
fi

stop_demo
for _ in $(seq 20); do # a stopped demo lets go of its port within a few seconds
	(echo >"/dev/tcp/127.0.0.1/$EP_PORT") 2>/dev/null || break
	sleep 0.5
done
if (echo >"/dev/tcp/127.0.0.1/$EP_PORT") 2>/dev/null; then
	die "port $EP_PORT is in use by another program; stop it or set EP_PORT to a free port"
fi

as_bench mkdir -p "$run_dir"
start_bg() {
	local name=$1
	shift
	as_bench bash -c "cd '$EP_BENCH_DIR/sites' || exit 1
		setsid nohup $* >'$EP_BENCH_DIR/logs/demo-$EP_DEMO_SITE-$name.log' 2>&1 </dev/null &
		echo \$! >'$run_dir/demo-$EP_DEMO_SITE-$name.pid'"
}
start_bg web "'$EP_BENCH_DIR/env/bin/python' -m frappe.utils.bench_helper frappe --site '$EP_DEMO_SITE' serve --port $EP_PORT --noreload"
start_bg worker "'$EP_BENCH_DIR/env/bin/python' -m frappe.utils.bench_helper frappe worker --queue short,default,long"
start_bg scheduler "'$EP_BENCH_DIR/env/bin/python' -m frappe.utils.bench_helper frappe schedule"

for _ in $(seq 60); do
	if curl -fsS "http://localhost:$EP_PORT/api/method/ping" >/dev/null 2>&1; then
		echo
		echo "Employment Partners demo is running."
		echo "  URL:    http://localhost:$EP_PORT/app/employment-partners"
		echo "  Login:  Administrator / $EP_ADMIN_PASSWORD"
		echo "  Employer portal: http://localhost:$EP_PORT/partner (employer logins printed above with the demo data)"
		echo "  Logs:   $EP_BENCH_DIR/logs/demo-$EP_DEMO_SITE-*.log    Stop: bash scripts/demo.sh stop"
		exit 0
	fi
	sleep 1
done
die "the web server did not answer on port $EP_PORT; see $EP_BENCH_DIR/logs/demo-$EP_DEMO_SITE-web.log"
