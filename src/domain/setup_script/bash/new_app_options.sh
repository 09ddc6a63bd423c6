
usage() {
  printf 'Usage: bash %s [--reuse]\n' "$0" >&2
  printf '  --reuse  set up the existing app registration with this name\n' >&2
}

REUSE=0
for arg in "$@"; do
  case $arg in
    --reuse) REUSE=1 ;;
    *)
      printf 'Unknown option: %s\n' "$arg" >&2
      usage
      exit 2
      ;;
  esac
done
