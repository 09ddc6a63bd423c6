# Whether the certificate is on the app already, read from the app itself,
# so that running the script again adds it only once.
has_certificate() {
  local lines key_id key _
  lines=$(key_credentials "applications(appId='$APP_ID')") || return 1
  while IFS=$'\t' read -r key_id key _; do
    if [[ -n $key_id && $(thumbprint_of "$key") == "$THUMBPRINT_SHA1" ]]; then
      return 0
    fi
  done <<<"$lines"
  return 1
}
if has_certificate; then
  printf 'The certificate %s is already on the app registration.\n' "$THUMBPRINT_SHA1"
else
  CERT_FILE=$(mktemp) || fail "Could not create a temporary file for the certificate."
  trap 'rm -f "$CERT_FILE"' EXIT
  certificate_pem >"$CERT_FILE"
  if ! retry az_quiet ad app credential reset --id "$APP_ID" --cert "@$CERT_FILE" --append; then
    fail "Could not add the certificate to the app registration. Check that your account owns the app registration or may manage its credentials, for example as Application Administrator."
  fi
  printf 'Added the certificate to the app registration.\n'
fi
