#!/usr/bin/env bash
# Copy the dashboard's front-end libraries from node_modules (installed by
# `npm ci` from package-lock.json, exact pins) into the package, so the
# dashboard works offline with no CDN. The vendor folder is generated:
# it is git-ignored and rebuilt by this script in the setup step.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
if [ ! -d node_modules/leaflet ] || [ ! -d node_modules/world-atlas ] || [ ! -d node_modules/topojson-client ]; then
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
fi
vendor="src/tidings/web/static/vendor"
rm -rf "$vendor"
mkdir -p "$vendor/leaflet/images"
cp node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.css "$vendor/leaflet/"
cp node_modules/leaflet/dist/images/*.png "$vendor/leaflet/images/"
cp node_modules/leaflet/LICENSE "$vendor/leaflet/LICENSE"
cp node_modules/topojson-client/dist/topojson-client.min.js "$vendor/"
cp node_modules/topojson-client/LICENSE "$vendor/topojson-client.LICENSE"
cp node_modules/world-atlas/countries-110m.json "$vendor/"
cp node_modules/world-atlas/LICENSE "$vendor/world-atlas.LICENSE"
echo "dashboard vendor files in $vendor"
