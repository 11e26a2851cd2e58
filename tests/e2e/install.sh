#!/usr/bin/env bash
# Idempotent setup of the e2e gate on a fresh Debian machine (run as root).
#   - Debian Chromium (/usr/bin/chromium): Playwright never downloads a browser.
#   - Fonts with Vietnamese glyphs (Noto, DejaVu) so screenshots have no tofu.
#   - Java for vnu.jar (the Nu Html Checker).
#   - npm packages from package-lock.json, with install scripts disabled
#     (vnu-jar's postinstall would try to download a Java runtime).
# Fast when everything is already there.
set -euo pipefail
cd "$(dirname "$0")"

need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
dpkg-query -W -f='${Status}' fonts-noto-core 2>/dev/null | grep -q 'ok installed' || need_apt+=(fonts-noto-core)
dpkg-query -W -f='${Status}' fonts-dejavu-core 2>/dev/null | grep -q 'ok installed' || need_apt+=(fonts-dejavu-core)
command -v java >/dev/null 2>&1 || need_apt+=(default-jre-headless)
command -v node >/dev/null 2>&1 || need_apt+=(nodejs npm)

if [ ${#need_apt[@]} -gt 0 ]; then
  echo "install.sh: apt-get install ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# npm ci only when node_modules is missing or older than the lock file.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ] \
   || [ ! -f node_modules/vnu-jar/build/dist/vnu.jar ] || [ ! -f node_modules/playwright-core/package.json ] \
   || [ ! -f node_modules/axe-core/axe.min.js ]; then
  echo "install.sh: npm ci --ignore-scripts"
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
fi
echo "install.sh: ok (chromium $(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}'), node $(node --version), $(java -version 2>&1 | head -1))"
