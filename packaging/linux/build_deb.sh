#!/usr/bin/env bash
# Build dist/gansureader_VERSION_ARCH.deb from the onedir bundle in dist/gansureader/.
# Files under /usr/lib/gansureader, a launcher in /usr/bin, a .desktop file and
# hicolor icons. Depends: what the bundle takes from the system (glibc, GL, EGL, CUPS,
# xcb) and a font that has Chinese.
set -euo pipefail
cd "$(dirname "$0")/../.."
bundle=dist/gansureader
[ -x "$bundle/gansureader" ] || { echo "build_deb.sh: no bundle in $bundle (run pyinstaller first)" >&2; exit 1; }
version=$(PYTHONPATH=src python3 -c 'import gansureader; print(gansureader.__version__)')
arch=$(dpkg --print-architecture)
# The newest glibc symbol the bundle uses is the oldest glibc it runs on.
glibc=$(find "$bundle" -type f \( -name '*.so*' -o -name gansureader \) -exec objdump -T {} + 2>/dev/null \
        | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -n 1)
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
install -d "$root/DEBIAN" "$root/usr/lib/gansureader" "$root/usr/bin" "$root/usr/share/applications"
cp -a "$bundle/." "$root/usr/lib/gansureader/"
# Shared libraries are loaded, not run: 0644 (PyInstaller copies them with the x bit).
find "$root/usr/lib/gansureader" -type f -name '*.so*' -exec chmod 0644 {} +
install -D -m 644 packaging/linux/lintian-overrides "$root/usr/share/lintian/overrides/gansureader"
ln -s ../lib/gansureader/gansureader "$root/usr/bin/gansureader"  # the bootloader finds _internal via /proc/self/exe
# What software centres read, and the menu entry: both checked before they are shipped.
for tool in appstreamcli desktop-file-validate; do
  command -v "$tool" >/dev/null || { echo "build_deb.sh: $tool is missing (apt install appstream desktop-file-utils)" >&2; exit 1; }
done
appstreamcli validate --no-net packaging/linux/io.github.gansureader.metainfo.xml
desktop-file-validate packaging/linux/gansureader.desktop
install -D -m 644 packaging/linux/io.github.gansureader.metainfo.xml "$root/usr/share/metainfo/io.github.gansureader.metainfo.xml"
install -m 644 packaging/linux/gansureader.desktop "$root/usr/share/applications/"
for size in 16 24 32 48 64 128 256 512; do
  install -D -m 644 "resources/icons/gansureader-$size.png" \
    "$root/usr/share/icons/hicolor/${size}x${size}/apps/gansureader.png"
done
# The man page and the bash/zsh completions, from the CLI's own parser.
docs=$(mktemp -d)
trap 'rm -rf "$root" "$docs"' EXIT
"${PYTHON:-.venv/bin/python}" packaging/linux/cli_docs.py "$docs"
install -D -m 644 "$docs/gansureader.1" "$root/usr/share/man/man1/gansureader.1"
gzip -9n "$root/usr/share/man/man1/gansureader.1"
install -D -m 644 "$docs/gansureader.bash" "$root/usr/share/bash-completion/completions/gansureader"
install -D -m 644 "$docs/_gansureader" "$root/usr/share/zsh/vendor-completions/_gansureader"
# The licences: the project's in Debian's machine-readable form, the bundle's notices
# (packaging/notices.py, made from what the bundle holds) beside it.
[ -f "$bundle/licenses/THIRD-PARTY-NOTICES.txt" ] || { echo "build_deb.sh: no notices in $bundle (run packaging/notices.py)" >&2; exit 1; }
doc="$root/usr/share/doc/gansureader"
install -d "$doc"
cat > "$doc/copyright" <<COPYRIGHT
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: gansureader
Source: https://github.com/gansureader/gansureader
Comment: The bundle under /usr/lib/gansureader carries Python, Qt for Python and other
 libraries, each under its own licence; their notices and licence texts are in
 /usr/lib/gansureader/licenses/THIRD-PARTY-NOTICES.txt.

Files: *
Copyright: 2026 the gansureader developers
License: MIT
$(sed -e 's/^$/./' -e 's/^/ /' LICENSE)
COPYRIGHT
gzip -9n -c packaging/linux/changelog.Debian > "$doc/changelog.gz"  # a native package's name
installed_kb=$(du -sk "$root/usr" | cut -f1)
cat > "$root/DEBIAN/control" <<CONTROL
Package: gansureader
Version: $version
Architecture: $arch
Maintainer: gansureader developers <gansureader@users.noreply.github.com>
Installed-Size: $installed_kb
Depends: libc6 (>= $glibc), libgl1, libegl1, libxcb1, libcups2, libpulse0, fontconfig-config, fonts-noto-cjk | fonts-wqy-zenhei
Recommends: speech-dispatcher, espeak-ng
Section: net
Priority: optional
Homepage: https://github.com/gansureader/gansureader
Description: desktop reader for 中国甘肃网 (gscn.com.cn) that works offline
 Reads the Gansu provincial news portal's articles with their 精彩推荐 and
 新闻排行 panels, keeps them in an offline cache with full-text search.
CONTROL
out="dist/gansureader_${version}_${arch}.deb"
dpkg-deb --build --root-owner-group -Zxz "$root" "$out" >/dev/null
echo "$out"
