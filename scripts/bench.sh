#!/usr/bin/env bash
# The benchmark (docs/benchmarks.md): seedc against the incumbent (PyYAML's C loader +
# sqlite3, the way the app seeds today), a peer (sqlite-utils inserting the same rows
# from JSON) and the floors (a libyaml event scan; sqlite3 .import in one transaction),
# as whole processes, medians of several runs (hyperfine), peak RSS (/usr/bin/time),
# and a row checksum of every database so no figure comes from a run that did the
# wrong work. Both layouts: the records in an include file (n<size>) and inline in
# content.yaml (n<size>-inline).
#   scripts/bench.sh                             sizes 1000 10000 100000, then docs/benchmarks.md
#   BENCH_SIZES="1000" scripts/bench.sh          other sizes
#   BENCH_SIZES="100000 1000000" scripts/bench.sh  1,000,000 is optional: one run each, and
#                                                no incumbent or seed_initial_data.py above 100,000
#   BENCH_DATABASE_URL=postgresql://...          an existing server (else a throwaway one)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
for tool in hyperfine gcc; do
  command -v "$tool" >/dev/null || { [ "$(id -u)" -eq 0 ] || s=sudo; ${s:-} apt-get install -y -qq "$tool" >/dev/null; }
done
[ -x /usr/bin/time ] || { [ "$(id -u)" -eq 0 ] || s=sudo; ${s:-} apt-get install -y -qq time >/dev/null; }
if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c "import yaml, sqlalchemy, psycopg2, sqlite_utils" 2>/dev/null; then
  python3 -m venv .venv
  .venv/bin/pip install -q --disable-pip-version-check "SQLAlchemy>=2,<3" psycopg2-binary bcrypt pytest PyYAML sqlite-utils
fi
.venv/bin/python -c "import yaml; yaml.CSafeLoader" # the incumbent needs the C loader
swift build -c release --product seedc
rm -rf .bench/results
mkdir -p .bench/results
gcc -O2 -o .bench/yaml_scan bench/yaml_scan.c -lyaml
seedc=$PWD/.build/release/seedc
# The repository's own content has two accounts; their passwords for the runs here.
export ADMIN_PASSWORD=bench-admin IM_OFFICER_PASSWORD=bench-officer
py=$PWD/.venv/bin/python
sqlite_utils=$PWD/.venv/bin/sqlite-utils

pg_url=${BENCH_DATABASE_URL:-}
if [ -z "$pg_url" ]; then
  read -r pg_dir pg_url < <(scripts/postgres.sh)
  trap 'scripts/postgres.sh stop "$pg_dir"' EXIT
fi

# measure GROUP NAME ROWS DATABASE PREPARE COMMAND: medians of $runs runs by hyperfine,
# then one run (after PREPARE) under /usr/bin/time for peak RSS, then the database's
# checksum; with once=1 a single run gives both. Writes .bench/results/GROUP/NAME.*;
# a command that fails is recorded (NAME.failed, its stderr in NAME.err) for the
# report, which then fails, and the other measurements go on.
measure() {
  local group=$1 name=$2 rows=$3 database=$4 prepare=$5 command=$6
  local out=.bench/results/$group/$name status=0
  mkdir -p ".bench/results/$group"
  echo "== $group $name"
  if [ "${once:-0}" = 1 ]; then
    # One run: a tool that takes minutes here, or a size above 100,000.
    bash -c "$prepare" >/dev/null 2>&1 \
      && /usr/bin/time -f "%e %M" -o "$out.once" bash -c "$command" >/dev/null 2>"$out.err" || status=$?
    if [ "$status" = 0 ]; then
      read -r seconds rss < "$out.once"
      printf '{"results":[{"median":%s,"min":%s,"max":%s,"runs":1}]}\n' "$seconds" "$seconds" "$seconds" > "$out.json"
      echo "$rss" > "$out.rss"
    fi
  else
    hyperfine --style basic --runs "${runs:-5}" --prepare "$prepare" --export-json "$out.json" "$command" >"$out.err" 2>&1 || status=$?
    if [ "$status" = 0 ]; then
      bash -c "$prepare" >/dev/null 2>&1 \
        && /usr/bin/time -f "%M" -o "$out.rss" bash -c "$command" >/dev/null 2>"$out.err" || status=$?
    fi
  fi
  if [ "$status" != 0 ]; then
    echo "   failed (exit $status): $(tail -c 300 "$out.err" | tr '\n' ' ')"
    echo "$status" > "$out.failed"
    rm -f "$out.json"
    return 0
  fi
  local check="-"
  [ "$database" != "-" ] && check=$($py bench/checksum.py ${relational:+--relational} "$database")
  printf '%s\n%s\n' "$rows" "$check" > "$out.meta"
}

for size in ${BENCH_SIZES:-1000 10000 100000}; do
  dir=$PWD/.bench/n$size
  inline=$PWD/.bench/n$size-inline
  [ -f "$dir/json/sectors.json" ] || $py bench/generate.py "$size" "$dir"
  [ -f "$inline/content.yaml" ] || $py bench/generate.py --inline "$size" "$inline"
  rows=$((size + 8))
  db=$dir/run.db
  $py bench/tables.py "sqlite:///$dir/empty.db"
  fresh="cp $dir/empty.db $db"
  # Runs per measurement: 5, 3 at 100,000, one above (minutes per run there).
  runs=$([ "$size" -ge 100000 ] && echo 3 || echo 5)
  once=$([ "$size" -gt 100000 ] && echo 1 || echo 0)

  # Records in an include file (records/bench.yaml), the layout of the repository.
  group=n$size
  measure $group seedc-build "$rows" - "rm -rf $dir/seeds" "$seedc build --root $dir"
  measure $group seedc-check "$rows" - "true" "$seedc check --root $dir"
  measure $group seedc-apply "$rows" "sqlite:$db" "$fresh" "$seedc apply --root $dir --database $db"
  measure $group seedc-apply-noop "$rows" "sqlite:$db" "true" "$seedc apply --root $dir --database $db"
  if [ "$size" -le 100000 ]; then
    # The incumbent's idempotent inserts scan the table once per row (the app's tables
    # have no index on the natural key): minutes at 100,000 records, so one run there,
    # and none above. The module's first apply is one run at 100,000 too.
    slow=$([ "$size" -ge 100000 ] && echo 1 || echo 0)
    once=$slow measure $group seed_initial_data "$rows" "sqlite:$db" "$fresh" "$py $dir/seeds/seed_initial_data.py $db"
    # What the app pays at every start: the module's no-op on the database it has just
    # applied, from a cold interpreter that neither reads nor writes a .pyc.
    measure $group seed_initial_data-noop "$rows" "sqlite:$db" "rm -rf $dir/seeds/__pycache__" "$py -B $dir/seeds/seed_initial_data.py $db"
    once=$slow measure $group incumbent "$rows" "sqlite:$db" "$fresh" "$py bench/incumbent.py $dir/records/bench.yaml $db"
  fi
  measure $group floor-yaml-scan "$rows" - "true" ".bench/yaml_scan $dir/records/bench.yaml"
  import="rm -f $dir/import.db; for t in sectors contacts whatsapp_groups announcements; do sqlite3 $dir/import.db \"CREATE TABLE \$t (\$(head -1 $dir/csv/\$t.csv))\"; done"
  measure $group floor-sqlite-import "$rows" "sqlite:$dir/import.db" "$import" \
    "sqlite3 $dir/import.db '.mode csv' '.import --skip 1 $dir/csv/sectors.csv sectors' '.import --skip 1 $dir/csv/contacts.csv contacts' '.import --skip 1 $dir/csv/whatsapp_groups.csv whatsapp_groups' '.import --skip 1 $dir/csv/announcements.csv announcements'"
  # The peer: sqlite-utils' CLI inserting the same rows from JSON into the app's tables.
  measure $group sqlite-utils "$rows" "sqlite:$db" "$fresh" \
    "for t in sectors contacts whatsapp_groups announcements; do $sqlite_utils insert $db \$t $dir/json/\$t.json || exit 1; done"
  measure $group seedc-apply-postgres "$rows" "$pg_url" "$py bench/tables.py $pg_url" "$seedc apply --root $dir --database $pg_url"
  measure $group psql-postgres-sql "$rows" "$pg_url" "$py bench/tables.py $pg_url" "psql -q -v ON_ERROR_STOP=1 $pg_url -f $dir/seeds/postgres.sql"

  # The same records inline in content.yaml (seed.records), a layout the README allows.
  group=n$size-inline
  idb=$inline/run.db
  measure $group seedc-build "$rows" - "rm -rf $inline/seeds" "$seedc build --root $inline"
  measure $group seedc-check "$rows" - "true" "$seedc check --root $inline"
  measure $group seedc-apply "$rows" "sqlite:$idb" "cp $dir/empty.db $idb" "$seedc apply --root $inline --database $idb"
  measure $group seedc-apply-noop "$rows" "sqlite:$idb" "true" "$seedc apply --root $inline --database $idb"
  measure $group floor-yaml-scan "$rows" - "true" ".bench/yaml_scan $inline/content.yaml"

  # The relational case (bench/relational.py): posts reference authors and categories
  # by natural key, categories form a tree; the database assigns every id.
  rel=$PWD/.bench/r$size
  [ -f "$rel/content.yaml" ] || $py bench/relational.py "$size" "$rel"
  $py bench/relational.py --tables "sqlite:///$rel/empty.db"
  group=r$size
  export relational=1
  measure $group seedc-build "$size" - "rm -rf $rel/seeds" "$seedc build --root $rel"
  measure $group seedc-apply "$size" "sqlite:$rel/run.db" "cp $rel/empty.db $rel/run.db" "$seedc apply --root $rel --database $rel/run.db"
  measure $group seedc-apply-postgres "$size" "$pg_url" "$py bench/relational.py --tables $pg_url" "$seedc apply --root $rel --database $pg_url"
  measure $group psql-postgres-sql "$size" "$pg_url" "$py bench/relational.py --tables $pg_url" "psql -q -v ON_ERROR_STOP=1 $pg_url -f $rel/seeds/postgres.sql"
  unset relational
done

runs=5 once=0
md=$PWD/.bench/markdown
[ -f "$md/content.yaml" ] || $py bench/generate.py --markdown 1000 "$md"
measure markdown "seedc-build-markdown" 1000 - "rm -rf $md/seeds" "$seedc build --root $md"
measure repo "seedc-check-repo" 19 - "true" "$seedc check"
measure repo "seedc-apply-repo-noop" 19 - "$seedc apply --create-tables --database $PWD/.bench/repo.db >/dev/null 2>&1 || true" "$seedc apply --database $PWD/.bench/repo.db"

$py bench/report.py .bench/results docs/benchmarks.md "scripts/bench.sh${BENCH_SIZES:+ (BENCH_SIZES=$BENCH_SIZES)}"
echo "wrote docs/benchmarks.md"
