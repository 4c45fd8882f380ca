#!/bin/sh
# Installs jixiao from this unpacked tarball into a user's home (no administrator rights needed):
#
#   sh install.sh                  # into ~/.local (bin, share/jixiao/templates, share/man, completions)
#   sh install.sh --prefix DIR     # into DIR/bin, DIR/share/...
#   sh install.sh --uninstall      # remove what an earlier install put there; the copy kept at
#                                  # PREFIX/share/jixiao/install.sh removes its own install
#
# Every file and every folder it creates is written to PREFIX/share/jixiao/installed-files; uninstall
# removes exactly those (folders only when empty), so a user's own templates and drafts stay, and an
# upgrade first removes the files of the version it replaces.
set -eu
umask 022

here=$(cd "$(dirname "$0")" && pwd)
prefix="$HOME/.local"
# The copy kept in PREFIX/share/jixiao uninstalls from its own PREFIX.
[ -f "$here/installed-files" ] && prefix=$(cd "$here/../.." && pwd)
action=install
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) [ $# -ge 2 ] || { echo "install.sh: --prefix 需要一个目录 / needs a folder" >&2; exit 2; }
                  prefix="$2"; shift ;;
        --prefix=*) prefix="${1#--prefix=}" ;;
        --uninstall) action=uninstall ;;
        -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "install.sh: 未知参数 / unknown argument: $1（见 --help）" >&2; exit 2 ;;
    esac
    shift
done
case "$prefix" in
    /*) ;;
    *) prefix="$(pwd)/$prefix" ;;
esac

data="$prefix/share/jixiao"
manifest="$data/installed-files"
# fish reads a user's completions from its config folder, not from ~/.local/share.
if [ "$prefix" = "$HOME/.local" ]; then
    fish_dir="${XDG_CONFIG_HOME:-$HOME/.config}/fish/completions"
else
    fish_dir="$prefix/share/fish/vendor_completions.d"
fi

uninstall() {
    [ -f "$manifest" ] || return 0
    # Read whole first: the manifest lists itself among the files to remove.
    list=$(cat "$manifest")
    # Files first, then folders deepest first; a folder that still holds something is left.
    printf '%s\n' "$list" | sed -n 's/^f //p' | while IFS= read -r p; do rm -f -- "$p"; done
    printf '%s\n' "$list" | sed -n 's/^d //p' | sort -r | while IFS= read -r p; do rmdir -- "$p" 2>/dev/null || true; done
}

if [ "$action" = uninstall ]; then
    if [ ! -f "$manifest" ]; then
        echo "在 $prefix 下没有找到 jixiao 的安装记录 / No jixiao install found under $prefix." >&2
        exit 1
    fi
    uninstall
    echo "已卸载 jixiao（自己的模板和草稿未动）/ jixiao removed from $prefix (your own templates and drafts are kept)."
    exit 0
fi

if ! version=$("$here/bin/jixiao" --version 2>&1); then
    echo "install.sh: 这个 jixiao 无法在本机运行 / this jixiao does not run on this machine:" >&2
    echo "$version" >&2
    exit 1
fi

uninstall
new_manifest=$(mktemp)
trap 'rm -f "$new_manifest"' EXIT

# mkdirs DIR: create DIR and any missing parent, recording the ones created here.
mkdirs() {
    [ -d "$1" ] && return 0
    mkdirs "$(dirname "$1")"
    mkdir -- "$1"
    echo "d $1" >> "$new_manifest"
}

# put MODE SOURCE DEST: copy one file (replacing, never writing through, an existing one).
put() {
    mkdirs "$(dirname "$3")"
    rm -f -- "$3"
    cp -- "$2" "$3"
    chmod "$1" "$3"
    echo "f $3" >> "$new_manifest"
}

put 755 "$here/bin/jixiao" "$prefix/bin/jixiao"
for t in "$here"/share/jixiao/templates/*.json; do
    put 644 "$t" "$data/templates/$(basename "$t")"
done
put 644 "$here/share/man/man1/jixiao.1.gz" "$prefix/share/man/man1/jixiao.1.gz"
put 644 "$here/share/bash-completion/completions/jixiao" "$prefix/share/bash-completion/completions/jixiao"
put 644 "$here/share/zsh/site-functions/_jixiao" "$prefix/share/zsh/site-functions/_jixiao"
put 644 "$here/share/fish/vendor_completions.d/jixiao.fish" "$fish_dir/jixiao.fish"
put 644 "$here/README" "$data/README"
put 755 "$here/install.sh" "$data/install.sh"
mkdirs "$data"
echo "f $manifest" >> "$new_manifest"
cp -- "$new_manifest" "$manifest"
chmod 644 "$manifest"

echo "已安装 jixiao $version 到 $prefix / Installed jixiao $version into $prefix."
case ":$PATH:" in
    *":$prefix/bin:"*) ;;
    *) echo "注意：$prefix/bin 不在 PATH 中。请在 ~/.profile 中加入 / Note: add to ~/.profile:"
       echo "  export PATH=\"$prefix/bin:\$PATH\"" ;;
esac
echo "zsh 补全：在 ~/.zshrc 的 compinit 之前加入 / zsh completion: before compinit in ~/.zshrc add:"
echo "  fpath=(\"$prefix/share/zsh/site-functions\" \$fpath)"
echo "卸载 / To uninstall: sh \"$data/install.sh\" --uninstall"
