# Sourced by .ci/run after the virtualenv is made: start a throwaway PostgreSQL cluster on
# 127.0.0.1 (a free port, data in a temp dir) and export STATECHECK_TEST_POSTGRES for the
# store and web tests. Without PostgreSQL installed it says so and the postgres tests skip.

_statecheck_pg_start() {
  local bindir
  bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$bindir" ] || [ ! -x "$bindir/pg_ctl" ]; then
    echo "services.sh: PostgreSQL not installed; postgres tests will skip" >&2
    return 0
  fi
  local dir port as_user
  dir=$(mktemp -d /tmp/statecheck-pg.XXXXXX)
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  # PostgreSQL refuses to run as root: run it as the postgres user when we are root.
  as_user=()
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$dir"
    as_user=(runuser -u postgres --)
  fi
  "${as_user[@]}" "$bindir/initdb" -D "$dir/data" -A trust -U postgres --no-sync -E UTF8 >"$dir/initdb.log" 2>&1
  "${as_user[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null
  "${as_user[@]}" "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres statecheck_test
  export STATECHECK_TEST_POSTGRES="postgresql+psycopg://postgres@127.0.0.1:$port/statecheck_test"
  export STATECHECK_PG_DIR="$dir"
  # Stop the cluster when the CI shell exits.
  trap "${as_user[*]} $bindir/pg_ctl -D $dir/data -m fast stop >/dev/null 2>&1 || true" EXIT
  echo "services.sh: PostgreSQL on 127.0.0.1:$port" >&2
}
_statecheck_pg_start
unset -f _statecheck_pg_start
