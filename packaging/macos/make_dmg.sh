#!/usr/bin/env bash
# Wrap dist/gansureader.app (built by the spec's BUNDLE on macOS) in a compressed DMG
# with an Applications link: dist/gansureader-VERSION.dmg. Signing and notarising
# come before this when a Developer ID is configured (see README).
set -euo pipefail
cd "$(dirname "$0")/../.."
app=dist/gansureader.app
[ -d "$app" ] || { echo "make_dmg.sh: $app not found (run pyinstaller on macOS first)" >&2; exit 1; }
version=$(PYTHONPATH=src python3 -c 'import gansureader; print(gansureader.__version__)')
staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"
out="dist/gansureader-$version.dmg"
rm -f "$out"
hdiutil create -volname "gansureader $version" -srcfolder "$staging" -fs HFS+ -format UDZO "$out"
echo "$out"
