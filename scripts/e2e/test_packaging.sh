#!/usr/bin/env bash
# Issue 17: what the packages are made of, checked on the binary under test at low cost (the full
# release build and the .deb are checked by hand, see docs/packaging.md): --version prints the one
# version, the bash/zsh/fish completions and the manual page name every subcommand, and the tarball's
# install.sh installs into a scratch HOME where the binary finds its templates from another folder
# through PATH, then uninstalls leaving only the user's own template.
set -euo pipefail
JX="${JIXIAO:?set JIXIAO to the jixiao binary (scripts/e2e/run-all.sh does)}"
"$(dirname "$0")/../package" --check "$JX"
