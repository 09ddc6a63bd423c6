#!/usr/bin/env python3
"""The Microsoft Graph objects that fake_az.sh answers with, and the Azure
CLI's `--query` and `--output` applied to them.

The objects have the shapes Microsoft Graph v1.0 documents (application,
servicePrincipal, appRoleAssignment), so the script under test reads them
with the same JMESPath queries it uses against a real tenant. The query is
run by `jmespath`, the library the Azure CLI uses, and the result printed
the way knack (the CLI's framework, knack/output.py) prints it.

Usage (the query may be empty; the output is json or tsv):
  fake_graph.py app APP_ID QUERY OUTPUT          az ad app show --id APP_ID
  fake_graph.py permissions APP_ID QUERY OUTPUT  az ad app permission list
  fake_graph.py sp ID QUERY OUTPUT               az ad sp show --id ID
  fake_graph.py assignments SP_ID QUERY OUTPUT   GET .../servicePrincipals/SP_ID/appRoleAssignments
  fake_graph.py assign SP_ID BODY QUERY OUTPUT   POST .../servicePrincipals/SP_ID/appRoleAssignedTo

State, from the environment fake_az.sh documents: FAKE_AZ_APP_JSON,
FAKE_AZ_IN_PLACE, FAKE_AZ_EXCHANGE_SP.
"""
import json
import os
import sys
from collections import OrderedDict

import jmespath

EXCHANGE_APP_ID = "00000002-0000-0ff1-ce00-000000000000"
MANAGE_AS_APP = "dc50a0fb-09a3-484d-be87-e023b12c6440"
FULL_ACCESS_AS_APP = "dc890d15-9560-4a4c-9b7f-a736ec74ec40"


def in_place(what):
    return what in os.environ.get("FAKE_AZ_IN_PLACE", "").split()


def exchange_sp_id():
    return os.environ.get("FAKE_AZ_EXCHANGE_SP", "c4d5e6f7-0819-4a2b-8c3d-4e5f60718293")


def application(app_id):
    """An app registration as `az ad app create --sign-in-audience
    AzureADMyOrg` leaves it, with the properties in FAKE_AZ_APP_JSON (a JSON
    object) put in place of these."""
    app = OrderedDict(
        id="8e9f0a1b-2c3d-4e5f-9a0b-1c2d3e4f5a6b",
        appId=app_id,
        displayName="CloudLink",
        signInAudience="AzureADMyOrg",
        isFallbackPublicClient=None,
        identifierUris=[],
        keyCredentials=[],
        passwordCredentials=[],
        publicClient={"redirectUris": []},
        requiredResourceAccess=[],
        spa={"redirectUris": []},
        web={
            "homePageUrl": None,
            "implicitGrantSettings": {
                "enableAccessTokenIssuance": False,
                "enableIdTokenIssuance": False,
            },
            "logoutUrl": None,
            "redirectUriSettings": [],
            "redirectUris": [],
        },
    )
    if in_place("permission"):
        app["requiredResourceAccess"] = [
            {
                "resourceAppId": EXCHANGE_APP_ID,
                "resourceAccess": [{"id": MANAGE_AS_APP, "type": "Role"}],
            }
        ]
    app.update(json.loads(os.environ.get("FAKE_AZ_APP_JSON") or "{}"))
    return app


def exchange_online():
    """Office 365 Exchange Online's service principal, which every tenant with
    Exchange Online has."""
    role = lambda id, value: {  # noqa: E731
        "allowedMemberTypes": ["Application"],
        "id": id,
        "isEnabled": True,
        "value": value,
    }
    return OrderedDict(
        id=exchange_sp_id(),
        appId=EXCHANGE_APP_ID,
        displayName="Office 365 Exchange Online",
        appRoles=[
            role(MANAGE_AS_APP, "Exchange.ManageAsApp"),
            role(FULL_ACCESS_AS_APP, "full_access_as_app"),
        ],
    )


def assignment(principal_id, resource_id, app_role_id):
    return OrderedDict(
        id="AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcd",
        appRoleId=app_role_id,
        principalDisplayName="CloudLink",
        principalId=principal_id,
        principalType="ServicePrincipal",
        resourceDisplayName="Office 365 Exchange Online",
        resourceId=resource_id,
    )


def graph_error(status, code, message):
    body = json.dumps({"error": {"code": code, "message": message}})
    print(f"ERROR: {status}({body})", file=sys.stderr)
    sys.exit(1)


def assign(sp_id, body):
    """POST /servicePrincipals/{id}/appRoleAssignedTo: id is the resource's
    service principal, and the body names principalId, resourceId and
    appRoleId."""
    try:
        body = json.loads(body)
    except ValueError:
        graph_error("Bad Request", "BadRequest", "Unable to read JSON request payload.")
    if not isinstance(body, dict) or set(body) != {"principalId", "resourceId", "appRoleId"}:
        graph_error("Bad Request", "Request_BadRequest", f"Unexpected properties: {sorted(body)}")
    if body["resourceId"] != sp_id:
        graph_error("Bad Request", "Request_BadRequest", "resourceId does not match the URL.")
    if sp_id != exchange_sp_id():
        graph_error("Not Found", "Request_ResourceNotFound", f"Resource '{sp_id}' does not exist.")
    if body["appRoleId"] not in [r["id"] for r in exchange_online()["appRoles"]]:
        graph_error(
            "Bad Request",
            "Request_BadRequest",
            "Permission being assigned was not found on application",
        )
    return assignment(body["principalId"], sp_id, body["appRoleId"])


def tsv_value(data):
    if isinstance(data, list):
        return str(len(data))
    if isinstance(data, dict):
        return ""
    return data if isinstance(data, str) else str(data)


def tsv(result):
    """knack's _TsvOutput: one line per item of a list, its fields split by
    tabs."""
    out = []
    for row in result if isinstance(result, list) else [result]:
        if isinstance(row, dict):
            out.append("\t".join(tsv_value(v) for v in row.values()))
        elif isinstance(row, list):
            out.append("\t".join(tsv_value(v) for v in row))
        elif isinstance(row, bool):
            out.append(str(row).lower())
        else:
            out.append(tsv_value(row))
    return "".join(line + "\n" for line in out)


def output(result, query, fmt):
    if query:
        try:
            result = jmespath.search(query, result, jmespath.Options(dict_cls=OrderedDict))
        except jmespath.exceptions.JMESPathError as e:
            print(f"ERROR: {e}", file=sys.stderr)
            sys.exit(1)
    if result is None:
        return
    if fmt == "tsv":
        sys.stdout.write(tsv(result))
    elif fmt in ("", "json"):
        print(json.dumps(result, ensure_ascii=False, indent=2, sort_keys=True))
    else:
        print(f"fake_graph.py: output {fmt} is not faked", file=sys.stderr)
        sys.exit(3)


def main(kind, id, *rest):
    if kind == "app":
        result = application(id)
    elif kind == "permissions":
        result = application(id)["requiredResourceAccess"]
    elif kind == "sp":
        if id not in (EXCHANGE_APP_ID, exchange_sp_id()):
            print(f"ERROR: Service principal '{id}' doesn't exist", file=sys.stderr)
            sys.exit(3)
        result = exchange_online()
    elif kind == "assignments":
        value = []
        if in_place("consent"):
            value.append(assignment(id, exchange_sp_id(), MANAGE_AS_APP))
        result = OrderedDict(value=value)
    elif kind == "assign":
        result = assign(id, rest[0])
        rest = rest[1:]
    else:
        print(f"fake_graph.py: unknown object {kind}", file=sys.stderr)
        sys.exit(3)
    output(result, *rest)


if __name__ == "__main__":
    main(*sys.argv[1:])
