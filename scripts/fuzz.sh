#!/usr/bin/env bash
# A short bounded libFuzzer run over the YAML loader and the front-matter splitter,
# starting from the committed seed corpus (Fuzz/corpus). Usage: scripts/fuzz.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/../Fuzz"
seconds=${1:-30}
# SEEDC_FUZZ=1: the parent package instruments SeedCompiler for libFuzzer (Package.swift).
SEEDC_FUZZ=1 swift build -q
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp corpus/* "$work"/
# New inputs go to a scratch copy: the committed corpus only changes by hand.
.build/debug/SeedFuzz "$work" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 2>&1 | tail -25
