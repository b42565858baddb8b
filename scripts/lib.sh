# shellcheck shell=bash
# Shared set-up for scripts/demo.sh and scripts/test.sh.
#
# Everything here is idempotent: it installs and starts what is missing, creates a bench
# *outside* the repository, links this checkout into it (editable) and creates or
# migrates a site.  Every failure ends with one line saying what is wrong and how to fix it.
#
# Configuration (environment variables, all optional):
#   EP_BENCH_DIR          where the bench lives          (default: ~<bench user>/ep-bench)
#   EP_BENCH_USER         unprivileged user for bench    (default: "frappe" when run as root)
#   FRAPPE_SOURCE         git URL or local path of frappe (default: https://github.com/frappe/frappe)
#   FRAPPE_BRANCH         (default: version-15)
#   AIR_DATEPICKER_SOURCE git URL or local path of frappe/air-datepicker, for offline mirrors
#                         (frappe's package.json takes it from GitHub)
#   ERPNEXT_SOURCE        git URL or local path of erpnext (default: https://github.com/frappe/erpnext)
#   ERPNEXT_BRANCH        (default: version-15)
#   EP_WITH_ERPNEXT       1 to install ERPNext on the site as well (default: 0)
#   EP_DB_ADMIN_USER      MariaDB admin login used to create sites (default: ep_admin; created when
#   EP_DB_ADMIN_PASSWORD  run as root, since frappe treats an empty root password as missing)
#   EP_ADMIN_PASSWORD     password of the site's Administrator (default: admin)
#   EP_PYTHON             the Python for a new bench (default: the newest python3.12, 3.11 or 3.10 in
#                         /usr/local/bin, /usr/bin or /bin; the system's python3 when it is one of them)
set -Eeuo pipefail

EP_REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FRAPPE_SOURCE="${FRAPPE_SOURCE:-https://github.com/frappe/frappe}"
FRAPPE_BRANCH="${FRAPPE_BRANCH:-version-15}"
ERPNEXT_SOURCE="${ERPNEXT_SOURCE:-https://github.com/frappe/erpnext}"
ERPNEXT_BRANCH="${ERPNEXT_BRANCH:-version-15}"
EP_WITH_ERPNEXT="${EP_WITH_ERPNEXT:-0}"
AIR_DATEPICKER_SOURCE="${AIR_DATEPICKER_SOURCE:-}"
EP_DB_ADMIN_USER="${EP_DB_ADMIN_USER:-ep_admin}"
EP_DB_ADMIN_PASSWORD="${EP_DB_ADMIN_PASSWORD:-ep_admin_password}"
EP_ADMIN_PASSWORD="${EP_ADMIN_PASSWORD:-admin}"
EP_DB_HOST="${EP_DB_HOST:-127.0.0.1}"
EP_DB_PORT="${EP_DB_PORT:-3306}"
EP_REDIS_URL="${EP_REDIS_URL:-redis://127.0.0.1:6379}"

# pip and uv need the system CA bundle on some machines
if [[ -f /etc/ssl/certs/ca-certificates.crt ]]; then
	export SSL_CERT_FILE="${SSL_CERT_FILE:-/etc/ssl/certs/ca-certificates.crt}" UV_NATIVE_TLS=1
fi

if [[ $EUID -eq 0 ]]; then
	EP_BENCH_USER="${EP_BENCH_USER:-frappe}"
else
	EP_BENCH_USER="${EP_BENCH_USER:-$(id -un)}"
fi

die() {
	echo "employment_partners: ERROR: $*" >&2
	exit 1
}
say() { echo "==> $*"; }

on_error() {
	local rc=$? line=$1 cmd=$2
	echo "employment_partners: ERROR: step failed (exit $rc) at ${BASH_SOURCE[1]##*/}:$line: $cmd" >&2
	echo "employment_partners: see the output above; re-running the command resumes where it stopped." >&2
	exit "$rc"
}
trap 'on_error $LINENO "$BASH_COMMAND"' ERR

is_root() { [[ $EUID -eq 0 ]]; }

# run a command as the bench user, with a clean, predictable PATH
as_bench() {
	local home
	home="$(getent passwd "$EP_BENCH_USER" | cut -d: -f6)"
	local path="$home/.bench-cli/bin:/usr/local/bin:/usr/bin:/bin"
	if [[ "$(id -un)" == "$EP_BENCH_USER" ]]; then
		env HOME="$home" PATH="$path" "$@"
	else
		# from the bench user's home: the caller's folder (a checkout cloned into a private folder,
		# such as mktemp -d makes) may be one it cannot enter, and git, for one, will not start there
		(cd "$home" && runuser -u "$EP_BENCH_USER" -- env HOME="$home" PATH="$path" "$@")
	fi
}

bench_home() { getent passwd "$EP_BENCH_USER" | cut -d: -f6; }

ensure_bench_user() {
	if ! getent passwd "$EP_BENCH_USER" >/dev/null; then
		is_root || die "user '$EP_BENCH_USER' does not exist; run as root once, or set EP_BENCH_USER to your user"
		say "creating unprivileged user $EP_BENCH_USER (bench refuses to run as root)"
		useradd --create-home --shell /bin/bash "$EP_BENCH_USER"
	fi
	EP_BENCH_DIR="${EP_BENCH_DIR:-$(bench_home)/ep-bench}"
	export EP_BENCH_DIR
}

apt_install() {
	is_root || die "missing system packages: $*; install them (sudo apt-get install $*) or run this script as root"
	say "installing system packages: $*"
	if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/tmp/ep-apt.log 2>&1; then
		apt-get update -qq >/dev/null 2>&1 || die "apt-get update failed; check the network or the apt sources"
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/tmp/ep-apt.log 2>&1 ||
			die "apt-get install $* failed; see /tmp/ep-apt.log"
	fi
}

# Frappe 15 runs on Python 3.10, 3.11 and 3.12 (Debian 12 ships 3.11, Ubuntu 22.04 3.10, Ubuntu
# 24.04 3.12).  Sets EP_PYTHON to the interpreter the bench is made with.
python_supported() { "$1" -c 'import sys; sys.exit(not (3, 10) <= sys.version_info[:2] <= (3, 12))' 2>/dev/null; }
python_version() { "$1" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null; }

choose_python() {
	local name found version
	if [[ -n "${EP_PYTHON:-}" ]]; then
		found="$(command -v "$EP_PYTHON" 2>/dev/null)" || die "EP_PYTHON='$EP_PYTHON' is not a program on this machine"
		python_supported "$found" ||
			die "EP_PYTHON='$EP_PYTHON' is Python $(python_version "$found"); Frappe 15 needs Python 3.10, 3.11 or 3.12"
		EP_PYTHON="$found"
		return 0
	fi
	# the system's interpreters only: a user's pyenv or the bench CLI's own venv are not the bench's
	for name in python3.12 python3.11 python3.10; do
		found="$(PATH=/usr/local/bin:/usr/bin:/bin command -v "$name" 2>/dev/null)" || continue
		EP_PYTHON="$found"
		return 0
	done
	version="$(python_version "$(PATH=/usr/local/bin:/usr/bin:/bin command -v python3 2>/dev/null || echo python3)")"
	case "$version" in
	3.10 | 3.11 | 3.12)
		apt_install "python$version"
		EP_PYTHON="/usr/bin/python$version"
		;;
	*)
		die "Frappe 15 needs Python 3.10, 3.11 or 3.12 and this machine has ${version:+only Python }${version:-no python3}; install one (e.g. apt-get install python3.12, or from deadsnakes/pyenv) and set EP_PYTHON to it"
		;;
	esac
}

# Frappe 15 builds its assets with Node.js 18 or newer (20 was tried); Ubuntu 22.04's package is 12
check_node() {
	local node_major
	node_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null)" || die "node does not run; install Node.js 20"
	((node_major >= 18)) ||
		die "Node.js $node_major is too old: Frappe 15 needs Node.js 18 or newer (20 was tried); install Node.js 20 from nodejs.org, NodeSource or nvm, then re-run"
}

ensure_system_packages() {
	local missing=()
	command -v git >/dev/null || missing+=(git)
	choose_python
	local version include
	version="$(python_version "$EP_PYTHON")"
	"$EP_PYTHON" -c "import venv, ensurepip" 2>/dev/null || missing+=("python$version-venv")
	include="$("$EP_PYTHON" -c 'import sysconfig; print(sysconfig.get_paths()["include"])')"
	[[ -e "$include/Python.h" ]] || missing+=("python$version-dev")
	if ! command -v mariadb >/dev/null; then
		# a server already listening (e.g. a CI service container) needs only the client
		if (echo >"/dev/tcp/$EP_DB_HOST/$EP_DB_PORT") 2>/dev/null; then
			missing+=(mariadb-client)
		else
			missing+=(mariadb-server mariadb-client)
		fi
	fi
	command -v redis-server >/dev/null || command -v redis-cli >/dev/null || missing+=(redis-server)
	command -v node >/dev/null || missing+=(nodejs npm)
	command -v pkg-config >/dev/null || missing+=(pkg-config)
	command -v gcc >/dev/null || missing+=(build-essential)
	command -v rsync >/dev/null || missing+=(rsync)
	command -v curl >/dev/null || missing+=(curl)
	[[ -e /usr/include/mariadb/mysql.h ]] || missing+=(libmariadb-dev)
	# Frappe prints reports and documents to PDF with wkhtmltopdf
	command -v wkhtmltopdf >/dev/null || missing+=(wkhtmltopdf)
	if ((${#missing[@]})); then apt_install "${missing[@]}"; fi

	check_node
	if ! command -v yarn >/dev/null; then
		is_root || die "yarn is missing; install it with: sudo npm install -g yarn@1"
		say "installing yarn 1"
		npm install -g --silent yarn@1 >/dev/null || die "npm install -g yarn@1 failed; check access to the npm registry"
	fi
}

# ---------------------------------------------------------------- MariaDB
MARIADB_CNF_LINES="[mysqld]
character-set-client-handshake = FALSE
character-set-server = utf8mb4
collation-server = utf8mb4_unicode_ci

[mysql]
default-character-set = utf8mb4
"

db_root() { mariadb --protocol=socket -uroot "$@"; }

mariadb_alive() { mariadb-admin --protocol=tcp -h "$EP_DB_HOST" -P "$EP_DB_PORT" -u nobody ping >/dev/null 2>&1 || mariadb-admin ping >/dev/null 2>&1; }

start_mariadb() {
	if [[ -d /run/systemd/system ]]; then
		systemctl restart mariadb
	elif [[ -x /usr/sbin/mariadbd ]]; then
		mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld
		start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
	else
		service mariadb start
	fi
	for _ in $(seq 60); do mariadb_alive && return 0; sleep 1; done
	die "MariaDB did not start; see /var/log/mysql/error.log"
}

stop_mariadb() {
	if [[ -d /run/systemd/system ]]; then
		systemctl stop mariadb
		return
	fi
	mariadb-admin --protocol=socket -uroot shutdown 2>/dev/null || service mariadb stop || true
	for _ in $(seq 60); do pgrep -x mariadbd >/dev/null || return 0; sleep 1; done
	die "MariaDB did not stop; stop it by hand and re-run"
}

ensure_mariadb() {
	if ! mariadb_alive; then
		is_root || die "MariaDB is not running on $EP_DB_HOST:$EP_DB_PORT; start it (sudo service mariadb start) and re-run"
		say "starting MariaDB"
		start_mariadb
	fi
	ensure_db_admin
	local collation
	collation="$(mariadb_query "SELECT @@collation_server")" ||
		die "cannot log in to MariaDB as $EP_DB_ADMIN_USER; set EP_DB_ADMIN_USER / EP_DB_ADMIN_PASSWORD to an admin login"
	if [[ "$collation" != "utf8mb4_unicode_ci" ]]; then
		is_root || die "MariaDB uses collation $collation; frappe needs utf8mb4_unicode_ci: add to [mysqld]: character-set-server=utf8mb4, collation-server=utf8mb4_unicode_ci, then restart MariaDB"
		say "configuring MariaDB for utf8mb4 / utf8mb4_unicode_ci and restarting it"
		if grep -qs '^!includedir /etc/mysql/mariadb.conf.d' /etc/mysql/my.cnf; then
			mkdir -p /etc/mysql/mariadb.conf.d
			printf '%s' "$MARIADB_CNF_LINES" >/etc/mysql/mariadb.conf.d/99-employment-partners.cnf
		else
			printf '%s' "$MARIADB_CNF_LINES" >/etc/mysql/employment-partners.cnf
			grep -qs '^!include /etc/mysql/employment-partners.cnf' /etc/mysql/my.cnf ||
				printf '\n!include /etc/mysql/employment-partners.cnf\n' >>/etc/mysql/my.cnf
		fi
		stop_mariadb
		start_mariadb
		collation="$(mariadb_query "SELECT @@collation_server")"
		[[ "$collation" == "utf8mb4_unicode_ci" ]] ||
			die "MariaDB still uses collation $collation after the restart; check /etc/mysql/my.cnf"
	fi
}

# the admin login that creates sites; made once per run, when running as root
ensure_db_admin() {
	is_root && db_root -e "SELECT 1" >/dev/null 2>&1 || return 0
	local host
	for host in localhost 127.0.0.1 %; do
		db_root -e "CREATE USER IF NOT EXISTS '$EP_DB_ADMIN_USER'@'$host' IDENTIFIED BY '$EP_DB_ADMIN_PASSWORD';
			GRANT ALL PRIVILEGES ON *.* TO '$EP_DB_ADMIN_USER'@'$host' WITH GRANT OPTION;" ||
			die "cannot create the MariaDB admin login $EP_DB_ADMIN_USER@$host; set EP_DB_ADMIN_USER / EP_DB_ADMIN_PASSWORD to an existing admin login"
	done
}

# a query as the admin login
mariadb_query() {
	mariadb --protocol=tcp -h "$EP_DB_HOST" -P "$EP_DB_PORT" -u "$EP_DB_ADMIN_USER" -p"$EP_DB_ADMIN_PASSWORD" -N -B -e "$1" 2>/dev/null
}

# ---------------------------------------------------------------- Redis
ensure_redis() {
	local hostport="${EP_REDIS_URL#redis://}"
	local host="${hostport%%:*}" port="${hostport##*:}"
	port="${port%%/*}"
	if ! redis-cli -h "$host" -p "$port" ping 2>/dev/null | grep -q PONG; then
		is_root || die "Redis is not answering on $host:$port; start it (sudo service redis-server start) and re-run"
		say "starting Redis on $host:$port"
		if [[ -d /run/systemd/system ]]; then
			systemctl start redis-server
		else
			mkdir -p /var/lib/redis /var/log/redis
			redis-server --daemonize yes --bind 127.0.0.1 --port "$port" --save "" --appendonly no \
				--dir /var/lib/redis --logfile /var/log/redis/ep.log
		fi
		for _ in $(seq 20); do redis-cli -h "$host" -p "$port" ping 2>/dev/null | grep -q PONG && return 0; sleep 0.5; done
		die "Redis did not start on $host:$port; see /var/log/redis/"
	fi
}

# ---------------------------------------------------------------- sources
# is a git source (URL or path) reachable?  Fails with one clear line if not.
check_source() {
	local name=$1 src=$2 branch=$3 var=$4
	if ! as_bench timeout 60 git ls-remote --exit-code "$src" "$branch" >/dev/null 2>&1; then
		die "cannot reach $name at '$src' (branch $branch); set $var to a reachable git URL or a local path of a mirror"
	fi
}

# A local clone, owned by the bench user, of a source that is a local path (git cannot
# hard-link another user's objects) or that needs a local change (air-datepicker below).
stage_clone() {
	local src=$1 branch=$2 dest=$3
	as_bench rm -rf "$dest"
	as_bench mkdir -p "$(dirname "$dest")"
	as_bench git clone -q --no-local --single-branch --branch "$branch" "$src" "$dest" ||
		die "cannot clone '$src' (branch $branch) into $dest"
}

# frappe's package.json takes air-datepicker from GitHub.  With AIR_DATEPICKER_SOURCE set,
# the staged frappe clone takes it from a tarball made of that source instead.
prepare_frappe_source() {
	FRAPPE_INIT_PATH="$FRAPPE_SOURCE"
	FRAPPE_INIT_BRANCH="$FRAPPE_BRANCH"
	local src="$EP_BENCH_DIR.sources"
	if [[ -e "$FRAPPE_SOURCE" || -n "$AIR_DATEPICKER_SOURCE" ]]; then
		say "staging frappe from $FRAPPE_SOURCE"
		stage_clone "$FRAPPE_SOURCE" "$FRAPPE_BRANCH" "$src/frappe"
		FRAPPE_INIT_PATH="$src/frappe"
	fi
	[[ -z "$AIR_DATEPICKER_SOURCE" ]] && return 0
	local tgz="$src/air-datepicker.tgz" commit
	say "taking air-datepicker from $AIR_DATEPICKER_SOURCE"
	commit="$(grep -A2 '^"air-datepicker@' "$src/frappe/yarn.lock" | sed -n 's/.*tar.gz\/\([0-9a-f]*\)".*/\1/p')"
	[[ -n "$commit" ]] || commit=HEAD
	as_bench rm -rf "$src/air-datepicker"
	as_bench git clone -q --no-local "$AIR_DATEPICKER_SOURCE" "$src/air-datepicker" ||
		die "cannot clone AIR_DATEPICKER_SOURCE '$AIR_DATEPICKER_SOURCE'"
	as_bench bash -c "cd '$src/air-datepicker' && git archive --format=tar.gz --prefix=package/ '$commit' >'$tgz'"
	as_bench bash -c "cd '$src/frappe' \
		&& sed -i 's#\"air-datepicker\": \"github:frappe/air-datepicker\"#\"air-datepicker\": \"file:$tgz\"#' package.json \
		&& sed -i '/^\"air-datepicker@github:frappe\/air-datepicker\":/,/^\$/d' yarn.lock \
		&& git -c user.name=ep -c user.email=ep@localhost commit -qam 'local: air-datepicker from a mirror' \
		&& git branch -f ep-local HEAD"
	FRAPPE_INIT_BRANCH="ep-local"
}

# ---------------------------------------------------------------- bench
ensure_bench_cli() {
	local home
	home="$(bench_home)"
	if [[ ! -x "$home/.bench-cli/bin/bench" ]]; then
		say "installing the bench CLI for $EP_BENCH_USER"
		as_bench "$EP_PYTHON" -m venv "$home/.bench-cli"
		as_bench "$home/.bench-cli/bin/pip" install -q "frappe-bench>=5.22,<6" ||
			die "pip install frappe-bench failed; check access to PyPI"
	fi
	as_bench git config --global --get-all safe.directory 2>/dev/null | grep -qx '\*' ||
		as_bench git config --global --add safe.directory '*'
}

ensure_bench() {
	# pin what the ecosystem needs today: frappe 15 still imports pkg_resources
	local constraints
	constraints="$(bench_home)/.ep-constraints.txt"
	as_bench bash -c "printf 'setuptools<81\n' >'$constraints'"
	export PIP_CONSTRAINT="$constraints" UV_CONSTRAINT="$constraints"

	if [[ -f "$EP_BENCH_DIR/sites/common_site_config.json" && -x "$EP_BENCH_DIR/env/bin/python" && -f "$EP_BENCH_DIR/apps/frappe/frappe/__init__.py" ]]; then
		return 0
	fi
	if [[ -e "$EP_BENCH_DIR" ]]; then
		say "removing the incomplete bench at $EP_BENCH_DIR"
		rm -rf "$EP_BENCH_DIR"
	fi
	check_source frappe "$FRAPPE_SOURCE" "$FRAPPE_BRANCH" FRAPPE_SOURCE
	prepare_frappe_source
	mkdir -p "$(dirname "$EP_BENCH_DIR")"
	say "creating the bench at $EP_BENCH_DIR (frappe $FRAPPE_BRANCH from $FRAPPE_SOURCE)"
	as_bench bash -c "cd '$(dirname "$EP_BENCH_DIR")' && PIP_CONSTRAINT='$constraints' bench init \
		--frappe-path '$FRAPPE_INIT_PATH' --frappe-branch '$FRAPPE_INIT_BRANCH' --python '$EP_PYTHON' \
		--no-backups --skip-redis-config-generation --skip-assets --no-procfile '$(basename "$EP_BENCH_DIR")'" ||
		die "bench init failed (see above); fix the cause and re-run"
	as_bench "$EP_BENCH_DIR/env/bin/pip" install -q "setuptools<81"
	as_bench bash -c "cd '$EP_BENCH_DIR' \
		&& bench set-config -g redis_cache '$EP_REDIS_URL' \
		&& bench set-config -g redis_queue '$EP_REDIS_URL' \
		&& bench set-config -g redis_socketio '$EP_REDIS_URL' \
		&& bench set-config -g db_host '$EP_DB_HOST' \
		&& bench set-config -gp db_port '$EP_DB_PORT' \
		&& bench set-config -gp developer_mode 1"
}

ensure_erpnext() {
	[[ "$EP_WITH_ERPNEXT" == 1 ]] || return 0
	[[ -f "$EP_BENCH_DIR/apps/erpnext/erpnext/__init__.py" ]] && return 0
	check_source erpnext "$ERPNEXT_SOURCE" "$ERPNEXT_BRANCH" ERPNEXT_SOURCE
	say "getting ERPNext ($ERPNEXT_BRANCH from $ERPNEXT_SOURCE)"
	as_bench bash -c "cd '$EP_BENCH_DIR' && bench get-app --skip-assets --branch '$ERPNEXT_BRANCH' '$ERPNEXT_SOURCE'" ||
		die "bench get-app erpnext failed (see above)"
}

# link this checkout into the bench, editable: apps/employment_partners -> the checkout
link_app() {
	local target="$EP_BENCH_DIR/apps/employment_partners"
	if as_bench test -r "$EP_REPO_DIR/employment_partners/hooks.py"; then
		if [[ "$(readlink "$target" 2>/dev/null)" != "$EP_REPO_DIR" ]]; then
			say "linking $EP_REPO_DIR into the bench (editable)"
			rm -rf "$target"
			as_bench ln -s "$EP_REPO_DIR" "$target"
		fi
	else
		say "user $EP_BENCH_USER cannot read $EP_REPO_DIR; copying the checkout into the bench instead of linking it"
		rm -rf "$target"
		mkdir -p "$target"
		rsync -a --delete --exclude .git "$EP_REPO_DIR/" "$target/"
		chown -R "$EP_BENCH_USER" "$target"
	fi
	# the desk serves the app's public files through sites/assets; keep that link on this checkout
	local assets="$EP_BENCH_DIR/sites/assets/employment_partners"
	if [[ -d "$EP_BENCH_DIR/sites/assets" && "$(readlink "$assets" 2>/dev/null)" != "$target/employment_partners/public" ]]; then
		rm -rf "$assets"
		as_bench ln -s "$target/employment_partners/public" "$assets"
	fi
	local marker="$EP_BENCH_DIR/env/.ep-installed"
	local want
	want="$EP_REPO_DIR:$(sha1sum "$EP_REPO_DIR/pyproject.toml" | cut -c1-40)"
	if [[ "$(cat "$marker" 2>/dev/null)" != "$want" ]]; then
		say "installing employment_partners (editable) with its test dependencies into the bench env"
		as_bench "$EP_BENCH_DIR/env/bin/pip" install -q -e "$target[test]" ||
			die "pip install of employment_partners failed (see above)"
		as_bench bash -c "echo '$want' >'$marker'"
	fi
	# sites/apps.txt lists the bench's apps, one a line (bench writes it without a final newline)
	as_bench "$EP_BENCH_DIR/env/bin/python" -c 'import sys; p = sys.argv[1]; apps = open(p).read().split()
apps += [] if "employment_partners" in apps else ["employment_partners"]
open(p, "w").write("\n".join(apps) + "\n")' "$EP_BENCH_DIR/sites/apps.txt"
}

ensure_assets() {
	if [[ ! -e "$EP_BENCH_DIR/sites/assets/frappe/dist" || ! -e "$EP_BENCH_DIR/sites/assets/employment_partners" ]]; then
		say "building desk assets (a few minutes the first time)"
		as_bench bash -c "cd '$EP_BENCH_DIR' && bench build --production --force" || die "bench build failed (see above)"
	fi
	if [[ -f "$EP_BENCH_DIR/apps/erpnext/erpnext/__init__.py" && ! -e "$EP_BENCH_DIR/sites/assets/erpnext/dist" ]]; then
		say "building ERPNext's desk assets"
		as_bench bash -c "cd '$EP_BENCH_DIR' && bench build --production --app erpnext" || die "bench build --app erpnext failed (see above)"
	fi
}

site_apps() {
	local apps="employment_partners"
	[[ "$EP_WITH_ERPNEXT" == 1 ]] && apps="erpnext employment_partners"
	echo "$apps"
}

# ensure_site SITE [APPS]: APPS defaults to site_apps (EP_WITH_ERPNEXT decides)


# the hash of everything that `bench migrate` reads from this app
app_schema_hash() {
	(cd "$EP_REPO_DIR" && find employment_partners -type f \( -name '*.json' -o -name 'hooks.py' -o -name 'install.py' -o -name 'patches.txt' -o -path '*/patches/*' \) -print0 |
		sort -z | xargs -0 sha1sum | sha1sum | cut -c1-40)
}

# A site is reached by its name (bench serves sites by host name); browsers resolve *.localhost
# themselves, but wkhtmltopdf (PDF printing) asks the system, so the name goes in /etc/hosts.
ensure_hosts_entry() {
	local site=$1
	grep -qE "^[^#]*[[:space:]]$site([[:space:]]|\$)" /etc/hosts 2>/dev/null && return 0
	if is_root; then
		printf '127.0.0.1\t%s\n' "$site" >>/etc/hosts
	else
		say "add '127.0.0.1 $site' to /etc/hosts to print to PDF from http://$site (sudo bench --site $site add-to-hosts)"
	fi
}

ensure_site() {
	local site=$1 apps=${2:-$(site_apps)}
	ensure_hosts_entry "$site"
	local site_dir="$EP_BENCH_DIR/sites/$site"
	local db_name=""
	if [[ -f "$site_dir/site_config.json" ]]; then
		db_name="$("$EP_BENCH_DIR/env/bin/python" -c "import json,sys;print(json.load(open(sys.argv[1])).get('db_name',''))" "$site_dir/site_config.json")"
	fi
	if [[ -z "$db_name" || -z "$(mariadb_query "SHOW DATABASES LIKE '$db_name'")" ]]; then
		say "creating site $site"
		rm -f "$site_dir/.ep-schema-hash" # a new site is migrated once, whatever an old one left behind
		local install_args=()
		for app in $apps; do install_args+=(--install-app "$app"); done
		as_bench bash -c "cd '$EP_BENCH_DIR' && bench new-site '$site' --force --db-root-username '$EP_DB_ADMIN_USER' \
			--db-root-password '$EP_DB_ADMIN_PASSWORD' --admin-password '$EP_ADMIN_PASSWORD' --no-mariadb-socket \
			${install_args[*]}" || die "bench new-site $site failed (see above)"
	else
		for app in $apps; do
			if ! as_bench bash -c "cd '$EP_BENCH_DIR' && bench --site '$site' list-apps 2>/dev/null" | grep -q "^$app"; then
				say "installing $app on $site"
				as_bench bash -c "cd '$EP_BENCH_DIR' && bench --site '$site' install-app '$app'" || die "install-app $app failed (see above)"
			fi
		done
	fi
	as_bench bash -c "cd '$EP_BENCH_DIR' && bench --site '$site' execute employment_partners.install.complete_setup_wizard \
		--kwargs \"{'password': '$EP_ADMIN_PASSWORD'}\"" >/dev/null || die "finishing the setup wizard on $site failed (see above)"
	local hash_file="$site_dir/.ep-schema-hash" hash
	hash="$(app_schema_hash)"
	if [[ "$(cat "$hash_file" 2>/dev/null)" != "$hash" ]]; then
		say "migrating $site"
		as_bench bash -c "cd '$EP_BENCH_DIR' && bench --site '$site' migrate" || die "bench migrate on $site failed (see above)"
		as_bench bash -c "echo '$hash' >'$hash_file'"
	fi
}

setup_bench() {
	ensure_bench_user
	ensure_system_packages
	ensure_mariadb
	ensure_redis
	ensure_bench_cli
	ensure_bench
	ensure_erpnext
	link_app
}

# Debian's Chromium for the browser tests (never a browser download), and axe-core from the npm
# registry, which the accessibility checks run in it (tests/test_accessibility.py: EP_AXE_JS)
EP_AXE_VERSION="4.10.3"
ensure_browser() {
	EP_AXE_JS="$EP_BENCH_DIR/.tools/node_modules/axe-core/axe.min.js"
	export EP_AXE_JS
	if ! command -v chromium >/dev/null; then
		apt_install chromium
	fi
	if ! grep -qs "\"version\": \"$EP_AXE_VERSION\"" "$(dirname "$EP_AXE_JS")/package.json"; then
		say "installing axe-core $EP_AXE_VERSION (npm)"
		as_bench bash -c "mkdir -p '$EP_BENCH_DIR/.tools' && npm install --prefix '$EP_BENCH_DIR/.tools' \
			--no-save --no-audit --no-fund --silent 'axe-core@$EP_AXE_VERSION'" >/dev/null \
			|| die "npm install axe-core failed; check access to the npm registry"
	fi
}
