#!/usr/bin/env bash
# Make the .deb and the plain tarball from the frozen bundle in packaging/dist/underret.
# Called by scripts/build.sh; run that instead.
set -euo pipefail
cd "$(dirname "$0")/../.."
DIST=packaging/dist
BUNDLE="$DIST/underret"
[ -x "$BUNDLE/underret" ] || { echo "no frozen bundle in $BUNDLE: run scripts/build.sh" >&2; exit 1; }

VERSION=$(.venv/bin/python -c 'import desktop; print(desktop.__version__)')
ARCH=$(dpkg --print-architecture 2>/dev/null || uname -m)

# underret-pack (sign and check guideline packs) and underret-desk (the municipality's receiving desk)
# are the same program started by another name.
ln -sfn underret "$BUNDLE/underret-pack"
ln -sfn underret "$BUNDLE/underret-desk"

# Plain tarball: unpack anywhere, run ./underret/underret.
TARBALL="$DIST/underret-$VERSION-linux-$(uname -m).tar.gz"
tar -C "$DIST" --owner=0 --group=0 -czf "$TARBALL" underret
echo "tarball: $TARBALL ($(du -h "$TARBALL" | cut -f1))"

if ! command -v dpkg-deb >/dev/null 2>&1; then
  echo "dpkg-deb not found: .deb not built" >&2
  exit 0
fi
STAGE=packaging/build/deb-root
rm -rf "$STAGE"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
         "$STAGE/usr/share/icons/hicolor/scalable/apps" "$STAGE/usr/share/icons/hicolor/256x256/apps" \
         "$STAGE/usr/share/doc/underret" "$STAGE/usr/share/underret"
cp -a "$BUNDLE" "$STAGE/opt/underret"
ln -s /opt/underret/underret "$STAGE/usr/bin/underret"
ln -s /opt/underret/underret "$STAGE/usr/bin/underret-pack"
ln -s /opt/underret/underret "$STAGE/usr/bin/underret-desk"
install -m 644 packaging/linux/underret.desktop "$STAGE/usr/share/applications/underret.desktop"
# The desk's menu entry is not in every user's menu (frontline PCs have no use for it): IT copies it
# to /usr/share/applications on the receiving team's PCs (packaging/README.md).
install -m 644 packaging/linux/underret-desk.desktop "$STAGE/usr/share/underret/underret-desk.desktop"
install -m 644 packaging/linux/underret.svg "$STAGE/usr/share/icons/hicolor/scalable/apps/underret.svg"
install -m 644 packaging/linux/underret.png "$STAGE/usr/share/icons/hicolor/256x256/apps/underret.png"
install -m 644 packaging/README.md "$STAGE/usr/share/doc/underret/README-IT.md"
install -m 755 packaging/linux/postrm "$STAGE/DEBIAN/postrm"
SIZE_KB=$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)
cat > "$STAGE/DEBIAN/control" <<CONTROL
Package: underret
Version: $VERSION
Architecture: $ARCH
Maintainer: Underret <it@underret.invalid>
Installed-Size: $SIZE_KB
Section: misc
Priority: optional
Depends: libc6 (>= 2.31), libstdc++6 (>= 12), libssl3 | libssl3t64, libglib2.0-0 | libglib2.0-0t64,
 libfontconfig1, libfreetype6, libdbus-1-3, libxcb1
Recommends: libegl1, libgl1, libx11-6, libx11-xcb1, libxkbcommon0, libxkbcommon-x11-0,
 libxcb-icccm4, libxcb-keysyms1, libxcb-shape0, libxcb-xinerama0, libxcb-randr0, libxcb-render-util0,
 libxcb-image0, libxcb-xfixes0, libxcb-sync1, libxcb-shm0, libxcb-render0, libxcb-util1,
 libwayland-client0, libwayland-cursor0, libcups2 | libcups2t64
Homepage: https://underret.invalid/
Description: file notifications of concern about a child (underretninger)
 Underret guides frontline staff through the municipality's guidelines to
 write a notification of concern about a child, keeps it in an encrypted
 vault and delivers it securely to the municipality. Machine policy is read
 from /etc/underret/policy.json.
CONTROL
(cd "$STAGE" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | xargs -0 md5sum > DEBIAN/md5sums)
DEB="$DIST/underret_${VERSION}_${ARCH}.deb"
dpkg-deb --root-owner-group -Zzstd -z3 --build "$STAGE" "$DEB" >/dev/null
echo "deb: $DEB ($(du -h "$DEB" | cut -f1))"
