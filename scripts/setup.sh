#!/usr/bin/env bash
# Install everything DigiHulp needs on a fresh Debian 12 machine. Safe to run again:
# each step is skipped when its inputs have not changed.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=.venv
say() { printf '\n== %s\n' "$*"; }

# Debian packages: Chromium for the browser tests, espeak-ng for offline speech, strace for the
# test that nothing leaves the machine, redis-server for the test with two Rasa instances;
# build headers for route B below.
apt_packages=(chromium chromium-driver espeak-ng strace redis-server)
install_debian_packages() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "Debian packages: ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then echo "Run as root, or install: ${missing[*]}" >&2; exit 1; fi
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# A stamp file remembers the hash of what a virtual environment was built from.
stamp_ok() { [ -f "$1/.stamp" ] && [ "$(cat "$1/.stamp")" = "$2" ]; }
inputs_hash() { cat "$@" | sha256sum | cut -c1-16; }

python_version() { "$1" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null; }

# Rasa 3.6 supports Python 3.8-3.10. Route A: a 3.10 from PATH or pyenv. Route B: 3.11 with
# constraints (see README). Only these two were tried. BOT_PYTHON overrides the choice.
find_bot_python() {
  if [ -n "${BOT_PYTHON:-}" ]; then echo "$BOT_PYTHON"; return; fi
  # A pyenv shim may exist without working, so each candidate must really run.
  for p in python3.10 "$HOME"/.pyenv/versions/3.10*/bin/python python3.11 "$HOME"/.pyenv/versions/3.11*/bin/python python3; do
    case "$(python_version "$p")" in 3.10|3.11) command -v "$p"; return ;; esac
  done
}

setup_bot_venv() {
  local py version hash
  py=$(find_bot_python)
  version=$(python_version "${py:-none}")
  case "$version" in
    3.10|3.11) ;;
    *) echo "The bot needs Python 3.10 or 3.11 (found: ${py:-none} ${version:-}). Install one, or set BOT_PYTHON=/path/to/python3.10." >&2
       exit 1 ;;
  esac
  hash=$(inputs_hash requirements/bot.lock requirements/bot-test.lock requirements/bot-py311-constraints.txt)-$version
  [ "$version" = "3.10" ] || hash="$hash-$(inputs_hash requirements/bot-py311.lock)"
  stamp_ok "$VENV/bot" "$hash" && return 0
  rm -rf "$VENV/bot"
  "$py" -m venv "$VENV/bot"
  if [ "$version" = "3.10" ]; then
    say "Bot environment, route A (Python $version, pinned set)"
    "$VENV/bot/bin/pip" install -q --no-deps -r requirements/bot.lock
  else
    say "Bot environment, route B (Python $version, pinned set requirements/bot-py311.lock)"
    install_debian_packages libfreetype-dev libqhull-dev pkg-config
    MPLSETUPCFG="$PWD/requirements/mplsetup.cfg" "$VENV/bot/bin/pip" install -q \
      --no-deps --ignore-requires-python -r requirements/bot-py311.lock
  fi
  # The action tests' tools, on top (the production image installs only bot.lock).
  "$VENV/bot/bin/pip" install -q --no-deps -r requirements/bot-test.lock
  "$VENV/bot/bin/pip" check
  echo "$hash" > "$VENV/bot/.stamp"
}

# The web app: Python 3.10 or newer. Run-time set (requirements/web.lock, what a production image
# gets) and, on top, the test tools (requirements/test.lock). `make lock` makes both anew.
setup_web_venv() {
  local hash
  hash=$(inputs_hash requirements/web.lock requirements/test.lock pyproject.toml)
  stamp_ok "$VENV/web" "$hash" && return 0
  if ! python3 -c 'import sys; sys.exit(sys.version_info < (3, 10))'; then
    echo "The web app needs Python 3.10 or newer as python3 (found $(python_version python3))." >&2
    exit 1
  fi
  say "Web environment"
  rm -rf "$VENV/web"
  python3 -m venv "$VENV/web"
  "$VENV/web/bin/pip" install -q --no-deps -r requirements/web.lock -r requirements/test.lock
  "$VENV/web/bin/pip" install -q --no-deps --no-build-isolation -e .
  echo "$hash" > "$VENV/web/.stamp"
}

# axe-core for the accessibility tests (package.json; the lock file names no download hosts).
setup_test_tools() {
  command -v npm >/dev/null || install_debian_packages nodejs npm
  local hash
  hash=$(inputs_hash package.json package-lock.json)
  stamp_ok node_modules "$hash" && return 0
  say "Browser-test tools (npm)"
  npm ci --no-audit --no-fund --silent
  echo "$hash" > node_modules/.stamp
}

compile_catalogues() {
  "$VENV/web/bin/pybabel" compile -d locales >/dev/null
}

install_debian_packages "${apt_packages[@]}"
setup_bot_venv
setup_web_venv
setup_test_tools
compile_catalogues
