"""What the test provider says about a person: the e-mail address, and per account the ``amr``/``acr`` it asserts
(read from the JSON file in IDP_ACCOUNTS that serve.py was started with)."""

import json
import os


def _account(user) -> dict:
    with open(os.environ["IDP_ACCOUNTS"], encoding="utf-8") as handle:
        return json.load(handle).get(user.username, {})


def userinfo(claims, user):
    claims["email"] = user.email
    claims["email_verified"] = True
    return claims


def id_token(id_token, user, **kwargs):
    account = _account(user)
    for claim in ("amr", "acr"):
        if claim in account:
            id_token[claim] = account[claim]
    return id_token
