#!/usr/bin/env bash
# Audit entry point for any CI system: scripts/ci/kompat-audit.sh PATH... [kompat audit options]
# Exit codes: 0 clean, 1 findings at --fail-on level (default error), 2 usage or unreadable matrix.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec "$here/../kompat" audit "$@"
