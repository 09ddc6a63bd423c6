# f2ef992c-3afb-46b9-b7cf-a126ee74c451 is the Global Reader role in every tenant.
if ! ASSIGNED=$(retry az rest --method GET \
  --uri "$GRAPH/v1.0/roleManagement/directory/roleAssignments?\$filter=principalId%20eq%20'$SP_ID'" \
  --query "value[?roleDefinitionId=='f2ef992c-3afb-46b9-b7cf-a126ee74c451'].id" -o tsv); then
  fail "Could not read the directory roles of the service principal. The signed-in admin needs Privileged Role Administrator or Global Administrator."
fi
GLOBAL_READER_BODY="{\"principalId\":\"$SP_ID\",\"roleDefinitionId\":\"f2ef992c-3afb-46b9-b7cf-a126ee74c451\",\"directoryScopeId\":\"/\"}"
if [[ -n $ASSIGNED ]]; then
  printf 'Global Reader was already assigned.\n'
elif ! retry az_quiet rest --method POST \
  --uri "$GRAPH/v1.0/roleManagement/directory/roleAssignments" \
  --headers Content-Type=application/json --body "$GLOBAL_READER_BODY"; then
  fail "Could not assign the Global Reader role to the service principal. The signed-in admin needs Privileged Role Administrator or Global Administrator."
fi
printf 'Assigned Global Reader.\n'
