#!/usr/bin/env bash
# CTest: every libFuzzer target in tests/fuzz runs for FUZZ_SECONDS (default 10) under ASan and
# UBSan from its seed corpus (scripts/fuzz builds them with clang into build-fuzz/). Skips with
# a message when clang++ is absent. $1 (the chariot binary) is not needed.
set -euo pipefail
cd "$(dirname "$0")/../.."
exec scripts/fuzz --seconds "${FUZZ_SECONDS:-10}"
