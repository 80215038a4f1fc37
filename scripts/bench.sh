#!/usr/bin/env bash
# The benchmark (docs/benchmarks.md): seedc against the incumbent (PyYAML's C loader +
# sqlite3, the way the app seeds today) and the floors (a libyaml event scan; sqlite3
# .import in one transaction), as whole processes, medians of several runs (hyperfine),
# peak RSS (/usr/bin/time), and a row checksum of every database so no figure comes
# from a run that did the wrong work.
#   scripts/bench.sh                     sizes 1000 10000 100000, then docs/benchmarks.md
#   BENCH_SIZES="1000" scripts/bench.sh  other sizes
#   BENCH_DATABASE_URL=postgresql://...  an existing server (else a throwaway one)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
for tool in hyperfine gcc; do
  command -v "$tool" >/dev/null || { [ "$(id -u)" -eq 0 ] || s=sudo; ${s:-} apt-get install -y -qq "$tool" >/dev/null; }
done
[ -x /usr/bin/time ] || { [ "$(id -u)" -eq 0 ] || s=sudo; ${s:-} apt-get install -y -qq time >/dev/null; }
if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c "import yaml, sqlalchemy, psycopg2" 2>/dev/null; then
  python3 -m venv .venv
  .venv/bin/pip install -q --disable-pip-version-check "SQLAlchemy>=2,<3" psycopg2-binary bcrypt pytest PyYAML
fi
.venv/bin/python -c "import yaml; yaml.CSafeLoader" # the incumbent needs the C loader
swift build -c release --product seedc
mkdir -p .bench/results
rm -f .bench/results/*
gcc -O2 -o .bench/yaml_scan bench/yaml_scan.c -lyaml
seedc=$PWD/.build/release/seedc
# The repository's own content has two accounts; their passwords for the runs here.
export ADMIN_PASSWORD=bench-admin IM_OFFICER_PASSWORD=bench-officer
py=$PWD/.venv/bin/python

pg_url=${BENCH_DATABASE_URL:-}
if [ -z "$pg_url" ]; then
  read -r pg_dir pg_url < <(scripts/postgres.sh)
  trap 'scripts/postgres.sh stop "$pg_dir"' EXIT
fi

# measure GROUP NAME ROWS DATABASE PREPARE COMMAND: medians by hyperfine, then one run
# (after PREPARE) under /usr/bin/time for peak RSS, then the database's checksum.
measure() {
  local group=$1 name=$2 rows=$3 database=$4 prepare=$5 command=$6
  local runs=5
  [ "$group" = n100000 ] && runs=3
  echo "== $group $name"
  if [ "${slow:-}" = 1 ]; then
    # One run: a tool that takes minutes here (the time and peak RSS of that run).
    bash -c "$prepare"
    /usr/bin/time -f "%e %M" -o ".bench/results/$group-$name.once" bash -c "$command" >/dev/null 2>&1
    read -r seconds rss < ".bench/results/$group-$name.once"
    printf '{"results":[{"median":%s,"min":%s,"max":%s,"runs":1}]}\n' "$seconds" "$seconds" "$seconds" > ".bench/results/$group-$name.json"
    echo "$rss" > ".bench/results/$group-$name.rss"
  else
    hyperfine --style basic --runs "$runs" --prepare "$prepare" --export-json ".bench/results/$group-$name.json" "$command" >/dev/null 2>&1
    bash -c "$prepare"
    /usr/bin/time -f "%M" -o ".bench/results/$group-$name.rss" bash -c "$command" >/dev/null 2>&1
  fi
  local check="-"
  [ "$database" != "-" ] && check=$($py bench/checksum.py "$database")
  printf '%s\n%s\n' "$rows" "$check" > ".bench/results/$group-$name.meta"
}

for size in ${BENCH_SIZES:-1000 10000 100000}; do
  dir=$PWD/.bench/n$size
  [ -f "$dir/content.yaml" ] || $py bench/generate.py "$size" "$dir"
  rows=$((size + 8))
  db=$dir/run.db
  $py bench/tables.py "sqlite:///$dir/empty.db"
  fresh="cp $dir/empty.db $db"
  measure "n$size" "seedc-build" "$rows" - "rm -rf $dir/seeds" "$seedc build --root $dir"
  measure "n$size" "seedc-check" "$rows" - "true" "$seedc check --root $dir"
  measure "n$size" "seedc-apply" "$rows" "sqlite:$db" "$fresh" "$seedc apply --root $dir --database $db"
  measure "n$size" "seedc-apply-noop" "$rows" "sqlite:$db" "true" "$seedc apply --root $dir --database $db"
  # The incumbent's idempotent inserts scan the table once per row (the app's tables
  # have no index on the natural key): minutes at 100,000 records, so one run there.
  once=$([ "$size" -ge 100000 ] && echo 1 || echo 0)
  slow=$once measure "n$size" "seed_initial_data" "$rows" "sqlite:$db" "$fresh" "$py $dir/seeds/seed_initial_data.py $db"
  slow=$once measure "n$size" "incumbent" "$rows" "sqlite:$db" "$fresh" "$py bench/incumbent.py $dir/records/bench.yaml $db"
  measure "n$size" "floor-yaml-scan" "$rows" - "true" ".bench/yaml_scan $dir/records/bench.yaml"
  import="rm -f $dir/import.db; for t in sectors contacts whatsapp_groups announcements; do sqlite3 $dir/import.db \"CREATE TABLE \$t (\$(head -1 $dir/csv/\$t.csv))\"; done"
  measure "n$size" "floor-sqlite-import" "$rows" "sqlite:$dir/import.db" "$import" \
    "sqlite3 $dir/import.db '.mode csv' '.import --skip 1 $dir/csv/sectors.csv sectors' '.import --skip 1 $dir/csv/contacts.csv contacts' '.import --skip 1 $dir/csv/whatsapp_groups.csv whatsapp_groups' '.import --skip 1 $dir/csv/announcements.csv announcements'"
  measure "n$size" "seedc-apply-postgres" "$rows" "$pg_url" "$py bench/tables.py $pg_url" "$seedc apply --root $dir --database $pg_url"
  measure "n$size" "psql-postgres-sql" "$rows" "$pg_url" "$py bench/tables.py $pg_url" "psql -q -v ON_ERROR_STOP=1 $pg_url -f $dir/seeds/postgres.sql"
done

md=$PWD/.bench/markdown
[ -f "$md/content.yaml" ] || $py bench/generate.py --markdown 1000 "$md"
measure markdown "seedc-build-markdown" 1000 - "rm -rf $md/seeds" "$seedc build --root $md"
measure repo "seedc-check-repo" 19 - "true" "$seedc check"
measure repo "seedc-apply-repo-noop" 19 - "$seedc apply --create-tables --database $PWD/.bench/repo.db >/dev/null 2>&1 || true" "$seedc apply --database $PWD/.bench/repo.db"

$py bench/report.py .bench/results docs/benchmarks.md "scripts/bench.sh${BENCH_SIZES:+ (BENCH_SIZES=$BENCH_SIZES)}"
echo "wrote docs/benchmarks.md"
