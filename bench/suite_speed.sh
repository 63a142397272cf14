#!/usr/bin/env bash
# How fast is the test suite, compared with an older commit, measured back to back on this machine?
#
#   bash bench/suite_speed.sh [BASE_COMMIT]      (default 2063b08: the suite before issue 8)
#   ROUNDS=2 bash bench/suite_speed.sh           (alternate base and this checkout twice)
#
# BASE_COMMIT is unpacked with `git archive` into a temporary folder that borrows this checkout's .venv,
# node_modules and static/vendor; nothing in the repository changes. Each round runs, one after the other:
# the whole suite at BASE_COMMIT, the whole suite here (both with the browser tests) and `make test-fast`'s
# selection here. Every line gives pytest's summary, the wall-clock time, the CPU time (user + sys, all
# processes) and the load average before the run: on a busy machine compare ratios, not seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
here=$PWD
base=${1:-2063b08}
rounds=${ROUNDS:-1}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

git archive "$base" | tar -x -C "$tmp"
ln -s "$here/.venv" "$tmp/.venv"
ln -s "$here/node_modules" "$tmp/node_modules"
ln -s "$here/static/vendor" "$tmp/static/vendor"

measure() { # label, folder, pytest arguments...
	local label=$1 dir=$2 load summary times
	shift 2
	load=$(cut -d' ' -f1 /proc/loadavg)
	TIMEFORMAT='%R %U %S'
	times=$( { time (cd "$dir" && .venv/bin/python -m pytest -q "$@" >"$tmp/out.log" 2>&1 || true) ; } 2>&1 )
	summary=$(tail -1 "$tmp/out.log")
	awk -v label="$label" -v ld="$load" -v summary="$summary" -v t="$times" 'BEGIN {
		split(t, s, " "); printf "%-22s wall %6.1f s  cpu %6.1f s  load %5s  | %s\n", label, s[1], s[2] + s[3], ld, summary
	}'
}

echo "nproc $(nproc), base $(git rev-parse --short "$base"), here $(git rev-parse --short HEAD)$(git diff --quiet || echo '+changes')"
for round in $(seq "$rounds"); do
	echo "== round $round"
	measure "base: pytest" "$tmp"
	measure "here: pytest" "$here"
	measure "here: make test-fast" "$here" -m "not browser and not slow"
done
