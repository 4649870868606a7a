#!/usr/bin/env bash
# Render a slide deck to one PNG a slide with LibreOffice, to look at every slide before a release:
#   scripts/render_deck.sh deck.pptx [out_dir]
# Needs LibreOffice Impress and poppler (Debian: apt-get install -y libreoffice-impress poppler-utils).
set -euo pipefail
deck="$1"
out="${2:-$(dirname "$deck")/$(basename "$deck" .pptx)-slides}"
mkdir -p "$out"
rm -f "$out"/slide-*.png
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
soffice -env:UserInstallation="file://$profile" --headless --convert-to pdf --outdir "$out" "$deck" >/dev/null
pdftoppm -r 60 -png "$out/$(basename "$deck" .pptx).pdf" "$out/slide"
ls "$out"/slide-*.png
