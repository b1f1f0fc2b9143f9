#!/usr/bin/env bash
# What the test suite needs beyond npm: Debian's Chromium at /usr/bin/chromium (the browser tests drive it through
# playwright-core, which never downloads a browser) and redis-server on PATH (each queue test file starts its own).
# Run before every `npm test` (the pretest step) and by .ci/run. Installs what is missing when it can (root, or
# passwordless sudo, with apt-get); otherwise stops before the suite and prints the one command that installs it.
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v redis-server >/dev/null || missing+=(redis-server)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

install_cmd="sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}"
explain() {
  echo "The tests need the Debian package(s) ${missing[*]}, which are not installed, and $1." >&2
  echo "Install them with:" >&2
  echo "  $install_cmd" >&2
  echo "then run npm test again." >&2
  exit 1
}

command -v apt-get >/dev/null || explain "this machine has no apt-get (the suite is set up for Debian; install Chromium at /usr/bin/chromium and redis-server by your system's means)"
if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  explain "this user cannot install them (not root, no passwordless sudo)"
fi

echo "== installing ${missing[*]} for the tests (browser tests: chromium; queue tests: redis-server)"
apt_log=$(mktemp)
started=$SECONDS
if ! {
  ${as_root[@]+"${as_root[@]}"} apt-get update -qq &&
    ${as_root[@]+"${as_root[@]}"} env DEBIAN_FRONTEND=noninteractive \
      apt-get install -y -qq --no-install-recommends "${missing[@]}"
} >"$apt_log" 2>&1; then
  cat "$apt_log" >&2
  rm -f "$apt_log"
  explain "installing them failed (the apt output is above)"
fi
rm -f "$apt_log"
echo "installed ${missing[*]} in $((SECONDS - started))s"

[ -x /usr/bin/chromium ] || { echo "chromium is still missing at /usr/bin/chromium" >&2; exit 1; }
command -v redis-server >/dev/null || { echo "redis-server is still missing from PATH" >&2; exit 1; }
# The redis-server package may start a system Redis on 6379; the tests never use it (each file starts its own).
