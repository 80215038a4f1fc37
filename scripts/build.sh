#!/usr/bin/env bash
# The main job: install what is missing, build seedc, compile the repository's content
# into seeds/ (a no-op when seeds/ is current), then apply it to the embedded SQLite
# default (seedc.db beside content.yaml, tables created when missing). Set
# DATABASE_URL to apply elsewhere. Extra arguments go to `seedc build`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release --product seedc
.build/release/seedc build "$@"
.build/release/seedc apply --create-tables
