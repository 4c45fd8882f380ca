#!/usr/bin/env bash
# A draft whose disk is full: its lock cannot be written, so it is edited without one, and the status
# line says so, with the file and the cause (it once said nothing, while another program could open the
# same draft). Needs a small tmpfs to fill, so root and mount; says SKIP otherwise.
source "$(dirname "$0")/jixiao.sh"
mkdir "$W/full"
if [[ $EUID != 0 ]] || ! mount -t tmpfs -o size=256k tmpfs "$W/full" 2>/dev/null; then
    echo "SKIP full_disk_lock: no small tmpfs can be mounted here (needs root)"
    exit 0
fi
e2e_on_exit "umount '$W/full'"
cp "$EXAMPLE" "$W/full/d.json"
# Fill what is left; dd stops at ENOSPC.
dd if=/dev/zero of="$W/full/fill" bs=4k 2>/dev/null || true
e2e_start "HOME='$W/home' '$JX' '$W/full/d.json'" 220 30
jx_main
wait_for "未能建立草稿锁"
assert_screen_has "$W/full/.d.json.lock：磁盘已满"
assert_screen_has "其他程序可能同时打开此草稿"
[[ ! -e "$W/full/.d.json.lock" ]]
send F10
[[ "$(wait_exit)" == 0 ]]
cmp -s "$W/full/d.json" "$EXAMPLE"
