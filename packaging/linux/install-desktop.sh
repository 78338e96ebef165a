#!/bin/sh
# Puts Journey Builder in this user's application menu and `journey-builder` on the PATH
# (~/.local/bin), pointing at the folder this script sits in. Needs no root and no Python.
#
#   ./install-desktop.sh               after unpacking, and again after unpacking a newer version
#   ./install-desktop.sh --uninstall   takes the menu entry, icon and command out again
#
# The shop's data (~/.local/share/journey-builder) is never touched: an upgrade is unpacking the
# new version, running its install-desktop.sh and deleting the old folder.
set -eu

here=$(cd "$(dirname "$0")" && pwd -P)
data_home=${XDG_DATA_HOME:-$HOME/.local/share}
apps=$data_home/applications
icons=$data_home/icons/hicolor/scalable/apps
bin=$HOME/.local/bin
entry=$apps/journey-builder.desktop
command_link=$bin/journey-builder

refresh_menu() {
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$apps" || true
    fi
}

if [ "${1:-}" = "--uninstall" ]; then
    rm -f "$entry" "$icons/journey-builder.svg"
    # Only our own link: a journey-builder installed there some other way is left alone.
    if [ -L "$command_link" ]; then
        rm -f "$command_link"
    fi
    refresh_menu
    echo "Journey Builder is no longer in the menu. Your shop's data was left where it is."
    exit 0
elif [ $# -gt 0 ]; then
    echo "usage: $0 [--uninstall]" >&2
    exit 2
fi

mkdir -p "$apps" "$icons" "$bin"
cp "$here/journey-builder.svg" "$icons/journey-builder.svg"
# Exec and TryExec get this folder's absolute path, so the menu works without ~/.local/bin on PATH.
while IFS= read -r line; do
    case $line in
        Exec=*) printf 'Exec="%s"\n' "$here/journey-builder" ;;
        TryExec=*) printf 'TryExec=%s\n' "$here/journey-builder" ;;
        *) printf '%s\n' "$line" ;;
    esac
done <"$here/journey-builder.desktop" >"$entry.tmp"
mv "$entry.tmp" "$entry"
if [ -e "$command_link" ] && [ ! -L "$command_link" ]; then
    echo "$command_link exists and is not ours: left as it is; run $here/journey-builder instead." >&2
else
    ln -sfn "$here/journey-builder" "$command_link"
fi
refresh_menu
echo "Journey Builder is in the application menu; in a terminal: journey-builder --help"
