#!/usr/bin/env bash
# Build Waymark's front end: compile web/scss/waymark.scss against
# govuk-frontend's Sass and vendor the JS we serve into web/static/vendor/.
# Idempotent; runs from any cwd; works on the repository root.
# Never copies govuk-frontend's assets/fonts (GDS Transport is GOV.UK's only).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

log() { printf 'build-frontend: %s\n' "$*" >&2; }

# --- dependencies ------------------------------------------------------------
# npm writes node_modules/.package-lock.json on every install; when it is newer
# than package.json and package-lock.json, node_modules matches them.
need_install=0
if [[ ! -d node_modules ]] || [[ ! -f node_modules/.package-lock.json ]]; then
  need_install=1
elif [[ package.json -nt node_modules/.package-lock.json ]]; then
  need_install=1
elif [[ -f package-lock.json && package-lock.json -nt node_modules/.package-lock.json ]]; then
  need_install=1
elif [[ ! -x node_modules/.bin/sass ]]; then
  need_install=1
fi

if (( need_install )); then
  if [[ -f package-lock.json ]]; then
    log "npm ci"
    npm ci --no-audit --no-fund
  else
    log "npm install (no package-lock.json yet)"
    npm install --no-audit --no-fund
  fi
else
  log "node_modules up to date"
fi

GOVUK="node_modules/govuk-frontend/dist/govuk"
HTMX="node_modules/htmx.org/dist"
for f in "$GOVUK/index.scss" "$GOVUK/govuk-frontend.min.js" "$HTMX/htmx.min.js"; do
  [[ -f "$f" ]] || { log "missing $f after install"; exit 1; }
done

# --- CSS -------------------------------------------------------------------------
mkdir -p web/static/css web/static/vendor
css_tmp="$(mktemp "web/static/css/.waymark.css.XXXXXX")"
trap 'rm -f "$css_tmp"' EXIT
node_modules/.bin/sass \
  --no-source-map \
  --style=compressed \
  --quiet-deps \
  --load-path=node_modules \
  web/scss/waymark.scss "$css_tmp"

# GDS Transport belongs to GOV.UK: refuse to ship CSS that names it or any font file.
if grep -qi 'GDS Transport' "$css_tmp"; then
  log "compiled CSS names GDS Transport: check \$govuk-font-family"; exit 1
fi
if grep -qiE '@font-face|url\([^)]*\.(woff2?|ttf|otf|eot)' "$css_tmp"; then
  log "compiled CSS references a font file"; exit 1
fi
mv -f "$css_tmp" web/static/css/waymark.css
chmod 644 web/static/css/waymark.css
trap - EXIT
log "wrote web/static/css/waymark.css ($(wc -c < web/static/css/waymark.css) bytes)"

# --- vendored JS -----------------------------------------------------------------
# govuk-frontend.min.js is an ES module exporting initAll (loaded by /static/js/init.js).
install -m 644 "$GOVUK/govuk-frontend.min.js" web/static/vendor/govuk-frontend.min.js
install -m 644 "$GOVUK/govuk-frontend.min.js.map" web/static/vendor/govuk-frontend.min.js.map
install -m 644 "$HTMX/htmx.min.js" web/static/vendor/htmx.min.js
log "vendored govuk-frontend $(node -p 'require("./node_modules/govuk-frontend/package.json").version') and htmx $(node -p 'require("./node_modules/htmx.org/package.json").version') into web/static/vendor/"
# No govuk-frontend images are copied: the favicon and icons are GOV.UK's crown/crest.
