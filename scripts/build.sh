#!/usr/bin/env bash
# The main job: install what is missing, build seedc, compile the repository's content
# into seeds/ (a no-op when seeds/ is current). Extra arguments go to `seedc build`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release --product seedc
.build/release/seedc build "$@"
