#!/bin/bash
# Installs the build into a temporary prefix, validates the desktop file and the AppStream
# metainfo with the freedesktop tools, and checks that every file names the same app id.
#
# Usage: check-install.sh CMAKE BUILD_DIR APP_ID VERSION
set -euo pipefail

cmake_command=$1
build_dir=$2
app_id=$3
version=$4
executable=arcade-poc-dashboard

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

require_tool() {
    command -v "$1" >/dev/null || fail "$1 not found: install the Debian package $2"
}

expect_equal() {
    [[ "$2" == "$3" ]] || fail "$1: expected '$3', got '$2'"
}

# Prints the value of KEY in the [Desktop Entry] group of a desktop file.
desktop_key() {
    sed -n "s/^$2=//p" "$1"
}

require_tool desktop-file-validate desktop-file-utils
require_tool appstreamcli appstream
require_tool xmllint libxml2-utils

prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT

"$cmake_command" --install "$build_dir" --prefix "$prefix" >/dev/null

desktop_file=$prefix/share/applications/$app_id.desktop
metainfo_file=$prefix/share/metainfo/$app_id.metainfo.xml
icon_file=$prefix/share/icons/hicolor/scalable/apps/$app_id.svg
for file in "$prefix/bin/$executable" "$desktop_file" "$metainfo_file" "$icon_file"; do
    [[ -f "$file" ]] || fail "not installed: ${file#"$prefix"/}"
done
[[ -x "$prefix/bin/$executable" ]] || fail "bin/$executable is not executable"

# desktop-file-validate exits 0 on hints and warnings, so any output counts as a failure.
validation=$(desktop-file-validate "$desktop_file" 2>&1) || true
[[ -z "$validation" ]] || fail "desktop-file-validate reported: $validation"

# --strict also fails on warnings and infos. Pedantic hints, such as the one about upper-case
# letters in the app id, do not fail it.
appstreamcli validate --no-net --strict --explain "$metainfo_file" \
    || fail "appstreamcli validate rejected $app_id.metainfo.xml"

xmllint --noout "$icon_file" || fail "the installed icon is not well-formed XML"

expect_equal "desktop file Icon" "$(desktop_key "$desktop_file" Icon)" "$app_id"
expect_equal "desktop file Exec" "$(desktop_key "$desktop_file" Exec)" "$executable"
expect_equal "desktop file StartupWMClass" "$(desktop_key "$desktop_file" StartupWMClass)" "$executable"

metainfo_value() {
    xmllint --xpath "string($1)" "$metainfo_file"
}
expect_equal "metainfo id" "$(metainfo_value /component/id)" "$app_id"
expect_equal "metainfo launchable" \
    "$(metainfo_value "/component/launchable[@type='desktop-id']")" "$app_id.desktop"
expect_equal "metainfo binary" "$(metainfo_value /component/provides/binary)" "$executable"
expect_equal "metainfo release" "$(metainfo_value "/component/releases/release[1]/@version")" "$version"

echo "PASS: $app_id installs a valid desktop file, metainfo and icon"
