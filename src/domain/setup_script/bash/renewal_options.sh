
if (($# > 0)); then
  printf 'Unknown option: %s\nUsage: bash %s\n' "$1" "$0" >&2
  exit 2
fi
