#!/usr/bin/env bash
# The Debian packages the suite's browser test needs: Chromium, and Noto CJK so that Chinese renders.
# Installed with apt-get where they are missing and this runs as root (as CI does); elsewhere it says
# what is missing and the browser test skips.
set -uo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need+=(fonts-noto-cjk)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null \
        || echo "scripts/system-packages.sh: apt-get could not install ${need[*]}: the browser test will skip" >&2
else
    echo "scripts/system-packages.sh: ${need[*]} missing (apt-get install as root): the browser test will skip" >&2
fi
exit 0
