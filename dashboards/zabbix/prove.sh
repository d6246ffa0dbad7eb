#!/usr/bin/env bash
# Proves the tillwatch Zabbix template against a real Zabbix 6.0 on this machine:
#   PostgreSQL + zabbix-server-pgsql + zabbix-frontend-php (Apache with mod_php, its own config on a free port),
#   the template imported through the JSON-RPC API (configuration.import), a host pointing at a running collector
#   fed with ../shared/samples/fleet-small, then waits until the HTTP agent item, dependent items and discovered
#   store items have values (item.get, history.get) and the store availability trigger fires for KY9A (missing in
#   processing all day) but not for the small store N4NJ. Exit 0 when so, 1 otherwise (with the reason).
#
# Доказательство шаблона Zabbix: настоящий Zabbix 6.0 с PostgreSQL, импорт через API, узел на живой коллектор.
#
# Environment: TILLWATCH_URL=http://host:port  use that collector instead of starting one with the sample fleet
#              ZABBIX_PROVE_TIMEOUT=180         seconds to wait for values
#              ZABBIX_PROVE_KEEP=1              leave everything running (prints how to stop it)
# Needs root for the first run on a fresh Debian machine (apt-get install, PostgreSQL role and database).
set -euo pipefail

here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
root="$(cd "$here/../.." && pwd)"
template="$here/tillwatch_template.yaml"
sample="${TILLWATCH_SAMPLE:-$root/../shared/samples/fleet-small}"
timeout_s="${ZABBIX_PROVE_TIMEOUT:-180}"
db=tillwatch_zabbix
work="$(mktemp -d /tmp/tillwatch-zabbix.XXXXXX)"
chmod 755 "$work"

say() { printf 'zabbix-prove [%3ss]: %s\n' "$SECONDS" "$*" >&2; }
die() { say "FAILED: $*"; exit 1; }

# --- packages -----------------------------------------------------------------------------------------------
packages=(zabbix-server-pgsql zabbix-frontend-php php8.2-pgsql apache2 libapache2-mod-php8.2 postgresql curl jq)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || die "missing packages (${missing[*]}); run as root or: apt-get install ${missing[*]}"
  say "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

free_port() {
  local p
  for _ in $(seq 1 50); do
    p=$(( 20000 + RANDOM % 12000 ))  # zabbix_server takes ListenPort up to 32767
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
  die "no free port"
}

pids=()
pg_started=""
# zabbix_server flushes its caches to the database on SIGTERM: it must be gone before PostgreSQL stops, or it
# waits for the database forever. Its processes (and theirs) are killed outright if it does not exit in time.
stop_zabbix_server() {
  local main
  [ -f "$work/zabbix_server.pid" ] || return 0
  main="$(cat "$work/zabbix_server.pid")"
  kill -0 "$main" 2>/dev/null || return 0
  local tree=("$main") i=0
  while [ $i -lt ${#tree[@]} ]; do
    tree+=($(pgrep -P "${tree[$i]}" || true))
    i=$((i + 1))
  done
  kill "$main" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$main" 2>/dev/null || break; sleep 0.5; done
  for p in "${tree[@]}"; do kill -KILL "$p" 2>/dev/null || true; done
}

cleanup() {
  local rc=$?
  if [ -n "${ZABBIX_PROVE_KEEP:-}" ]; then
    say "left running (ZABBIX_PROVE_KEEP): frontend $web, work dir $work; stop with: kill ${pids[*]:-}; apache2 -f $work/httpd.conf -k stop"
    exit $rc
  fi
  [ -f "$work/httpd.conf" ] && apache2 -f "$work/httpd.conf" -k stop >/dev/null 2>&1 || true
  stop_zabbix_server
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -n "$pg_started" ] && pg_ctlcluster "${pg_started%/*}" "${pg_started#*/}" stop >/dev/null 2>&1 || true
  if [ $rc -ne 0 ]; then
    for f in "$work"/zabbix_server.log "$work"/httpd-error.log "$work"/collector.log; do
      [ -f "$f" ] && { say "--- last lines of $f"; tail -n 25 "$f" >&2; }
    done
  fi
  exit $rc
}
trap cleanup EXIT

# --- PostgreSQL and the Zabbix database ---------------------------------------------------------------------
cluster="$(pg_lsclusters -h | awk 'NR==1 {print $1 "/" $2}')"
[ -n "$cluster" ] || die "no PostgreSQL cluster (pg_lsclusters is empty)"
if ! pg_lsclusters -h | awk 'NR==1' | grep -q online; then
  pg_ctlcluster "${cluster%/*}" "${cluster#*/}" start
  pg_started="$cluster"
fi
pg_port="$(pg_lsclusters -h | awk 'NR==1 {print $3}')"
psql_as_postgres() { runuser -u postgres -- psql -p "$pg_port" -v ON_ERROR_STOP=1 -qtA "$@"; }

db_password="$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
if [ -z "$(psql_as_postgres -c "select 1 from pg_roles where rolname='$db'")" ]; then
  psql_as_postgres -c "create role $db login password '$db_password'"
else
  psql_as_postgres -c "alter role $db password '$db_password'"
fi
if [ -z "$(psql_as_postgres -c "select 1 from pg_database where datname='$db'")" ]; then
  psql_as_postgres -c "create database $db owner $db encoding 'UTF8' template template0"
fi
export PGPASSWORD="$db_password"
dbq() { psql -h 127.0.0.1 -p "$pg_port" -U "$db" -d "$db" -v ON_ERROR_STOP=1 -qtA "$@"; }
if [ -z "$(dbq -c "select 1 from information_schema.tables where table_name='dbversion'")" ]; then
  say "creating the Zabbix schema (once)"
  for f in schema images data; do
    zcat "/usr/share/zabbix-server-pgsql/$f.sql.gz" | dbq >/dev/null
  done
fi

# --- Zabbix server ------------------------------------------------------------------------------------------
zbx_port="$(free_port)"
cat >"$work/zabbix_server.conf" <<EOF
ListenIP=127.0.0.1
ListenPort=$zbx_port
LogFile=$work/zabbix_server.log
PidFile=$work/zabbix_server.pid
SocketDir=$work
DBHost=127.0.0.1
DBPort=$pg_port
DBName=$db
DBUser=$db
DBPassword=$db_password
CacheUpdateFrequency=2
StartPollers=2
StartPollersUnreachable=1
StartTrappers=1
StartPingers=1
StartDiscoverers=1
StartHTTPPollers=1
StartPreprocessors=2
StartLLDProcessors=1
AllowRoot=1
Timeout=4
EOF
chmod 600 "$work/zabbix_server.conf"
zabbix_server -c "$work/zabbix_server.conf"

# --- frontend: Apache + mod_php serving zabbix-frontend-php -------------------------------------------------
web_port="$(free_port)"
web="http://127.0.0.1:$web_port"
umask_old="$(umask)"; umask 027
cat >/etc/zabbix/zabbix.conf.php <<EOF
<?php
// Written by tillwatch dashboards/zabbix/prove.sh for its throwaway Zabbix.
\$DB['TYPE'] = 'POSTGRESQL';
\$DB['SERVER'] = '127.0.0.1';
\$DB['PORT'] = '$pg_port';
\$DB['DATABASE'] = '$db';
\$DB['USER'] = '$db';
\$DB['PASSWORD'] = '$db_password';
\$DB['SCHEMA'] = '';
\$DB['ENCRYPTION'] = false;
\$DB['DOUBLE_IEEE754'] = true;
\$ZBX_SERVER = '127.0.0.1';
\$ZBX_SERVER_PORT = '$zbx_port';
\$ZBX_SERVER_NAME = 'tillwatch';
\$IMAGE_FORMAT_DEFAULT = IMAGE_FORMAT_PNG;
EOF
umask "$umask_old"
chgrp www-data /etc/zabbix/zabbix.conf.php
mods=/usr/lib/apache2/modules
cat >"$work/httpd.conf" <<EOF
ServerRoot /etc/apache2
ServerName 127.0.0.1
Listen 127.0.0.1:$web_port
PidFile $work/httpd.pid
DefaultRuntimeDir $work
Mutex file:$work default
ErrorLog $work/httpd-error.log
LogLevel warn
User www-data
Group www-data
LoadModule mpm_prefork_module $mods/mod_mpm_prefork.so
LoadModule authz_core_module $mods/mod_authz_core.so
LoadModule dir_module $mods/mod_dir.so
LoadModule mime_module $mods/mod_mime.so
LoadModule php_module $mods/libphp8.2.so
StartServers 2
MinSpareServers 1
MaxSpareServers 3
TypesConfig /etc/mime.types
DocumentRoot /usr/share/zabbix
DirectoryIndex index.php
<Directory /usr/share/zabbix>
  Require all granted
  AllowOverride None
</Directory>
<FilesMatch "\.php\$">
  SetHandler application/x-httpd-php
</FilesMatch>
php_value max_execution_time 300
php_value memory_limit 256M
php_value post_max_size 16M
php_value upload_max_filesize 2M
php_value max_input_time 300
php_value date.timezone UTC
EOF
apache2 -f "$work/httpd.conf" -k start

api() { # api METHOD PARAMS-JSON -> result JSON (dies on an API error)
  local body out
  body="$(jq -cn --arg m "$1" --argjson p "$2" --arg a "${auth:-}" \
    '{jsonrpc: "2.0", method: $m, params: $p, id: 1} + (if $a == "" then {} else {auth: $a} end)')"
  out="$(curl -sS --max-time 60 -H 'Content-Type: application/json-rpc' -d "$body" "$web/api_jsonrpc.php")" \
    || die "API $1: no answer from $web"
  if [ "$(jq 'has("error")' <<<"$out")" = true ]; then die "API $1: $(jq -c .error <<<"$out")"; fi
  jq -c .result <<<"$out"
}

for _ in $(seq 1 60); do
  version="$(curl -s --max-time 5 -H 'Content-Type: application/json-rpc' \
    -d '{"jsonrpc":"2.0","method":"apiinfo.version","params":{},"id":1}' "$web/api_jsonrpc.php" | jq -r '.result // empty' 2>/dev/null || true)"
  [ -n "$version" ] && break
  sleep 1
done
[ -n "${version:-}" ] || die "the Zabbix frontend API at $web did not answer"
say "Zabbix API $version at $web, server on 127.0.0.1:$zbx_port"
case "$version" in 6.0.*) ;; *) die "expected Zabbix 6.0, got $version" ;; esac

auth="$(api user.login '{"username":"Admin","password":"zabbix"}' | jq -r .)"

# --- the collector ------------------------------------------------------------------------------------------
if [ -n "${TILLWATCH_URL:-}" ]; then
  collector="$TILLWATCH_URL"
else
  [ -d "$sample/logs" ] || die "sample fleet not found at $sample (set TILLWATCH_SAMPLE or TILLWATCH_URL)"
  say "building the tillwatch command line if needed"
  "$root/tillwatch" --help >/dev/null 2>&1 || die "the tillwatch command line does not run (./tillwatch --help)"
  c_port="$(free_port)"
  collector="http://127.0.0.1:$c_port"
  "$root/tillwatch" serve --stores "$sample/stores.csv" --data "$work/data" --port "$c_port" --host 127.0.0.1 \
    >"$work/collector.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 120); do curl -sf "$collector/health/ready" >/dev/null && break; sleep 0.5; done
  curl -sf "$collector/health/ready" >/dev/null || die "collector did not become ready"
  say "collector at $collector; replaying the sample fleet"
  "$root/tillwatch" replay --logs "$sample/logs" --stores "$sample/stores.csv" --server "$collector" --speed max >/dev/null
fi
# Not `| grep -q`: with pipefail, grep leaving early makes curl fail on the broken pipe.
curl -sf "$collector/metrics" -o "$work/metrics.txt" || die "cannot scrape $collector/metrics"
grep -q '^tillwatch_store_info' "$work/metrics.txt" || die "no tillwatch_store_info at $collector/metrics"

# --- template and host --------------------------------------------------------------------------------------
rules='{"groups":{"createMissing":true},
  "templates":{"createMissing":true,"updateExisting":true},
  "items":{"createMissing":true,"updateExisting":true,"deleteMissing":true},
  "triggers":{"createMissing":true,"updateExisting":true,"deleteMissing":true},
  "discoveryRules":{"createMissing":true,"updateExisting":true,"deleteMissing":true},
  "graphs":{"createMissing":true,"updateExisting":true,"deleteMissing":true},
  "templateDashboards":{"createMissing":true,"updateExisting":true,"deleteMissing":true},
  "valueMaps":{"createMissing":true,"updateExisting":true}}'
# A clean import every run: the host and template of a previous run go first.
old_host="$(api host.get '{"output":["hostid"],"filter":{"host":["tillwatch-collector"]}}' | jq -c '[.[].hostid]')"
[ "$old_host" = '[]' ] || api host.delete "$old_host" >/dev/null
old_template="$(api template.get '{"output":["templateid"],"filter":{"host":["tillwatch collector by HTTP"]}}' | jq -c '[.[].templateid]')"
[ "$old_template" = '[]' ] || api template.delete "$old_template" >/dev/null
api configuration.import "$(jq -cn --rawfile s "$template" --argjson r "$rules" '{format: "yaml", source: $s, rules: $r}')" >/dev/null
template_id="$(api template.get '{"output":["templateid"],"filter":{"host":["tillwatch collector by HTTP"]}}' | jq -r '.[0].templateid')"
[ "$template_id" != null ] || die "template not found after import"
say "template imported (templateid $template_id)"

group_id="$(api hostgroup.get '{"output":["groupid"],"filter":{"name":["tillwatch"]}}' | jq -r '.[0].groupid // empty')"
[ -n "$group_id" ] || group_id="$(api hostgroup.create '{"name":"tillwatch"}' | jq -r '.groupids[0]')"
host_id="$(api host.create "$(jq -cn --arg g "$group_id" --arg t "$template_id" --arg u "$collector" '{
  host: "tillwatch-collector", name: "tillwatch collector",
  groups: [{groupid: $g}], templates: [{templateid: $t}],
  macros: [{macro: "{$TILLWATCH.URL}", value: $u}, {macro: "{$TILLWATCH.INTERVAL}", value: "5s"},
           {macro: "{$TILLWATCH.WINDOW}", value: "1d"}]}')" | jq -r '.hostids[0]')"
say "host tillwatch-collector (hostid $host_id) -> $collector/metrics"

# --- wait for values ----------------------------------------------------------------------------------------
deadline=$(( SECONDS + timeout_s ))
while :; do
  items="$(api item.get "$(jq -cn --arg h "$host_id" '{hostids: [$h], output: ["itemid","key_","lastclock","lastvalue","state","error","value_type","type"]}')")"
  master="$(jq -r '[.[] | select(.key_ == "tillwatch.get_metrics" and .lastclock != "0")] | length' <<<"$items")"
  dependent="$(jq -r '[.[] | select(.type == "18" and (.key_ | startswith("tillwatch.store.") | not) and .lastclock != "0")] | length' <<<"$items")"
  stores="$(jq -r '[.[] | select(.key_ | startswith("tillwatch.store.availability[")) | select(.lastclock != "0")] | length' <<<"$items")"
  # The sample day over the 1d window: KY9A (missing in processing all day) is below 99%; N4NJ is below the minimum volume.
  problems="$(api trigger.get "$(jq -cn --arg h "$host_id" '{hostids: [$h], filter: {value: 1}, output: ["description"], expandDescription: true}')" \
    | jq -r '.[].description')"
  ky9a="$(grep -c 'Store KY9A availability below' <<<"$problems" || true)"
  n4nj="$(grep -c 'Store N4NJ availability below' <<<"$problems" || true)"
  [ "$n4nj" = 0 ] || die "the small store N4NJ raised an availability problem below the minimum volume"
  if [ "$master" = 1 ] && [ "$dependent" -ge 5 ] && [ "$stores" -ge 1 ] && [ "$ky9a" = 1 ]; then break; fi
  [ $SECONDS -lt $deadline ] || {
    jq -r '.[] | "\(.key_)\tclock=\(.lastclock)\tstate=\(.state)\t\(.error)"' <<<"$items" >&2
    die "after ${timeout_s}s: master with value $master/1, dependent items with values $dependent (want >= 5), store availability items with values $stores (want >= 1), KY9A availability problem $ky9a/1"
  }
  sleep 3
done

master_id="$(jq -r '.[] | select(.key_ == "tillwatch.get_metrics") | .itemid' <<<"$items")"
history="$(api history.get "$(jq -cn --arg i "$master_id" '{itemids: [$i], history: 4, sortfield: "clock", sortorder: "DESC", limit: 1}')")"
[ "$(jq 'length' <<<"$history")" -ge 1 ] || die "history.get returned nothing for the HTTP agent item"
exposition="$(jq -r '.[0].value' <<<"$history")"
grep -q '^tillwatch_store_info{' <<<"$exposition" || die "the HTTP agent item's value is not the collector's exposition: ${exposition:0:200}"
unsupported="$(jq -r '[.[] | select(.state == "1")] | length' <<<"$items")"
triggers="$(api trigger.get "$(jq -cn --arg h "$host_id" '{hostids: [$h], countOutput: true}')" | jq -r .)"
graphs="$(api graph.get "$(jq -cn --arg h "$host_id" '{hostids: [$h], countOutput: true}')" | jq -r .)"
store_count="$(jq -r '[.[] | select(.key_ | startswith("tillwatch.store.silent["))] | length' <<<"$items")"
[ "$store_count" -ge 1 ] && [ "$triggers" -ge $(( 4 * store_count + 2 )) ] \
  || die "expected 4 triggers per discovered store plus 2, got $triggers for $store_count stores"

say "values received:"
jq -r '.[] | select(.lastclock != "0" and .key_ != "tillwatch.get_metrics") | "  \(.key_) = \(.lastvalue)"' <<<"$items" | sort >&2
say "HTTP agent item tillwatch.get_metrics: ${#exposition} characters of exposition in history, $(grep -c '^tillwatch_' <<<"$exposition") tillwatch samples"
say "items: $(jq length <<<"$items") on the host, $dependent template dependent items and $stores discovered store availability items with values, $unsupported unsupported; $store_count stores discovered, $triggers triggers, $graphs graphs"
say "problems (triggers in PROBLEM state, window {\$TILLWATCH.WINDOW}=1d):"
sed 's/^/  /' <<<"$problems" >&2
echo "zabbix-prove: OK"
