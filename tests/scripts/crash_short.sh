#!/usr/bin/env bash
# CTest: the short crash test. `chariot serve` is killed with SIGKILL 8 times while workers
# drive changes over HTTP; after each restart everything acknowledged must be there, nothing
# twice, and PRAGMA integrity_check must be ok. scripts/crash-test runs the long version (50).
# $1: the chariot binary.
set -euo pipefail
cd "$(dirname "$0")/../.."
exec python3 scripts/crash-test --binary "$1" --kills "${CRASH_KILLS:-8}" --workers 4 --max-round 0.4
