#!/usr/bin/env bash
# What `make test` needs beyond Python: Debian's docker-compose (tests/deploy renders
# deploy/compose.yaml without an engine) and Debian's headless Chromium (tests/console; never a
# downloaded browser), with a CJK font so the console's screenshots show their Chinese labels. Installed with apt when missing and we may; otherwise a clear message.
set -uo pipefail
missing=()
command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || missing+=(fonts-wqy-microhei)
[ ${#missing[@]} -eq 0 ] && exit 0
echo "make test: installing ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
if ! { $sudo apt-get update -qq && $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }; then
  echo "make test: could not install ${missing[*]} (apt-get install ${missing[*]}); tests/deploy or tests/console will fail" >&2
fi
exit 0
