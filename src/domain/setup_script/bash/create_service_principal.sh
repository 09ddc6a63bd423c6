find_or_create_sp() {
  local id
  id=$(az ad sp list --filter "appId eq '$APP_ID'" --query '[].id' -o tsv) || return 1
  if [[ -z $id ]]; then
    id=$(az ad sp create --id "$APP_ID" --query id -o tsv) || return 1
  fi
  printf '%s\n' "$id"
}
if ! SP_ID=$(retry find_or_create_sp) || ! is_guid "$SP_ID"; then
  fail "Could not create the service principal (enterprise application) of the app registration. Check that your account may create enterprise applications, for example as Application Administrator."
fi
printf 'Service principal object ID: %s\n' "$SP_ID"
