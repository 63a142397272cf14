"""The role × URL × state matrix (issue 10, point 8): every route, asked by every role of both municipalities,
for objects in every state, answers exactly what ``MATRIX`` says.

A cell is (route name, method, persona, state). ``MATRIX`` holds per route the expected answer to GET and to POST
(an empty body): a status (200, 400, 403, 404, 405) or ``"302 <route name>"`` for a redirect. Per method a dict
persona → answer, where an answer may itself be a dict state → answer when the state matters; ``"*"`` stands for
every persona (or state) not named. A route without an entry, or a cell without an answer, fails
``test_every_cell_has_an_entry`` naming the (route, method, persona, state). How to add a route: docs/testing.md.

A refused POST (403/404/405) must leave the database as it was. Each request runs in a savepoint that is rolled
back, so every cell sees the same objects (tests/access_world.py builds them once per module).
"""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from django.apps import apps
from django.db import transaction
from django.urls import Resolver404, resolve, reverse

from tests.access_world import PERSONAS, build_once, route_kwargs, states_for
from tests.test_url_access import ROUTES

CONVERTERS = dict(ROUTES)
METHODS = ("GET", "POST")
MISSING = object()

# --- named answers: persona -> answer ('*' for every persona not named; an answer may be a dict state -> answer,
# with '*' for every state not named). Shared by several routes, so the table stays readable. -----------------
# the method is not allowed, for everyone
EVERYONE_405 = {"*": 405}
# a page anyone signed in (or not) may open
EVERYONE_200 = {"*": 200}
# a settings page: each functional admin for their own municipality
ADMIN_PAGE = {"*": 403, "functional_admin": 200, "outsider_admin": 200}
# a setting of Voorbeeldstad: its admin; Anderstad's admin does not learn it exists
ADMIN_OBJECT = {"*": 403, "functional_admin": 200, "outsider_admin": 404}
# an admin action that only takes POST: other roles are refused before the method
ADMIN_POST_ONLY = {"*": 403, "functional_admin": 405, "outsider_admin": 405}
# national settings (price list, national law, municipalities)
NATIONAL_ONLY = {"*": 403, "national_admin": 200}
# a plan action that only takes POST: roles without case work are refused before the method
CASE_POST_ONLY = {
    "*": 405,
    "manager": 403,
    "policy_analyst": 403,
    "privacy_officer": 403,
    "functional_admin": 403,
    "national_admin": 403,
    "outsider_manager": 403,
    "outsider_policy_analyst": 403,
    "outsider_admin": 403,
}


def plan_case(owner, *, team_lead=None, doorbraakteam, **others):
    """The answers for a route of one plan: ``owner`` for the professional who owns it, ``team_lead`` (default
    the same) for the team lead of its team, ``doorbraakteam`` once the plan is submitted (a draft is not theirs:
    404); a colleague and the case roles of Anderstad get 404 (its existence is not revealed), every other role
    403 unless ``others`` names it."""
    return {
        "*": 403,
        "professional": owner,
        "colleague": 404,
        "team_lead": owner if team_lead is None else team_lead,
        "doorbraakteam": {"*": doorbraakteam, "concept": 404},
        "outsider": 404,
        "outsider_team_lead": 404,
        "outsider_doorbraakteam": 404,
        **others,
    }


# a page of the plan: its owner and team lead; the Doorbraakteam once it is submitted
PLAN_READ = plan_case(200, doorbraakteam=200)
# an edit page of the plan: owner and team lead; the Doorbraakteam reads but does not edit
PLAN_EDIT_PAGE = plan_case(200, doorbraakteam=403)
# a plan form posted empty: 400 with the errors for who may edit, refused for the rest
PLAN_WRITE_EMPTY = plan_case(400, doorbraakteam=403)
# the basis of a decision: as PLAN_READ, and the manager while the request waits at the manager
DECIDER_READ = {
    "*": 404,
    "professional": 200,
    "team_lead": 200,
    "doorbraakteam": {"*": 200, "concept": 404},
    "manager": {"*": 403, "submitted@manager": 200},
    "policy_analyst": 403,
    "privacy_officer": 403,
    "functional_admin": 403,
    "national_admin": 403,
    "outsider_policy_analyst": 403,
    "outsider_admin": 403,
}

# a page of the case roles in teams (no plan in the URL): professionals and team leads of each municipality
TEAM_CASE_PAGE = {
    "*": 403,
    **dict.fromkeys(("professional", "colleague", "team_lead", "outsider", "outsider_team_lead"), 200),
}
# the dashboards (aggregates only): the policy roles and team leads of each municipality
DASHBOARD_ROLES = (
    "team_lead",
    "manager",
    "policy_analyst",
    "outsider_team_lead",
    "outsider_manager",
    "outsider_policy_analyst",
)
DASHBOARD = {"*": 403, **dict.fromkeys(DASHBOARD_ROLES, 200)}
# a page of the processing log or the household's rights: each municipality's functional admin and privacy officer
# the case roles of Voorbeeldstad, refused the household's rights pages (another municipality: 404)
CASE_AND_POLICY = ("professional", "colleague", "team_lead", "doorbraakteam", "manager", "policy_analyst")
PRIVACY_PAGE = {"*": 403, "functional_admin": 200, "privacy_officer": 200, "outsider_admin": 200}

# plan templates: the national admin and each functional admin make them; the world's template is Voorbeeldstad's
TEMPLATE_ADMIN = {"*": 403, "functional_admin": 200, "national_admin": 200, "outsider_admin": 200}
TEMPLATE_OF_VOORBEELDSTAD = {"*": 403, "functional_admin": 200, "national_admin": 404, "outsider_admin": 404}
# starting from a template: the plan's owner and team lead; a colleague and the other municipality's case roles 404
TEMPLATE_FOR_PLAN = {
    "*": 403,
    "professional": 200,
    "team_lead": 200,
    "colleague": 404,
    "outsider": 404,
    "outsider_team_lead": 404,
}

# the second step for someone who passed it already (every persona signs in verified): on to the start page
MFA_DONE = {"*": "302 home", "national_admin": "302 organisations:organisation_list"}

MATRIX = {
    "accounts:mfa_recovery_codes": {"GET": MFA_DONE, "POST": EVERYONE_405},
    "accounts:mfa_setup": {"GET": MFA_DONE, "POST": MFA_DONE},
    "accounts:mfa_verify": {"GET": MFA_DONE, "POST": MFA_DONE},
    "accounts:mfa_verify_key": {"GET": EVERYONE_405, "POST": MFA_DONE},
    # every signed-in person manages their own security keys; a key id that is not theirs (none is posted): 404
    "accounts:mfa_keys": {"GET": {"*": 200}, "POST": {"*": 200}},
    "accounts:mfa_key_remove": {"GET": EVERYONE_405, "POST": {"*": 404}},
    # a callback without a started sign-in is sent back to the login page; the tests set up no provider (404)
    "accounts:oidc_callback": {"GET": {"*": "302 accounts:login"}, "POST": EVERYONE_405},
    "accounts:oidc_start": {"GET": {"*": 404}, "POST": EVERYONE_405},
    "organisations:user_reset_mfa": {
        "GET": ADMIN_POST_ONLY,
        "POST": {"*": 403, "functional_admin": "302 organisations:user_edit", "outsider_admin": 404},
    },
    "prefab:apply": {
        "GET": EVERYONE_405,
        "POST": {
            **TEMPLATE_FOR_PLAN,
            # a concept takes the template; a plan past concept is sent back to the list, which says why
            "professional": {"*": "302 prefab:choose", "concept": "302 workspace:plan"},
            "team_lead": {"*": "302 prefab:choose", "concept": "302 workspace:plan"},
        },
    },
    "prefab:choose": {"GET": TEMPLATE_FOR_PLAN, "POST": TEMPLATE_FOR_PLAN},
    "prefab:create": {
        "GET": TEMPLATE_ADMIN,
        "POST": {**TEMPLATE_ADMIN, **dict.fromkeys(("functional_admin", "national_admin", "outsider_admin"), 400)},
    },
    "prefab:edit": {"GET": TEMPLATE_OF_VOORBEELDSTAD, "POST": TEMPLATE_OF_VOORBEELDSTAD},
    "prefab:list": {"GET": TEMPLATE_ADMIN, "POST": TEMPLATE_ADMIN},
    "prefab:publish": {
        "GET": EVERYONE_405,
        "POST": {**TEMPLATE_OF_VOORBEELDSTAD, "functional_admin": "302 prefab:edit"},
    },
    "prefab:retire": {
        "GET": EVERYONE_405,
        "POST": {**TEMPLATE_OF_VOORBEELDSTAD, "functional_admin": "302 prefab:list"},
    },
    "analytics:dashboard": {"GET": DASHBOARD, "POST": {"*": 403, **dict.fromkeys(DASHBOARD_ROLES, 405)}},
    # the world has no refreshed figures: nothing to export (404) for who may export
    "analytics:export": {
        "GET": {"*": 403, **dict.fromkeys(DASHBOARD_ROLES, 404)},
        "POST": {"*": 403, **dict.fromkeys(DASHBOARD_ROLES, 405)},
    },
    "analytics:refresh": {
        "GET": EVERYONE_405,
        "POST": {
            "*": 403,
            "functional_admin": "302 analytics:refresh_status",
            "outsider_admin": "302 analytics:refresh_status",
        },
    },
    "analytics:refresh_status": {"GET": ADMIN_PAGE, "POST": ADMIN_POST_ONLY},
    "logbook:export": {
        "GET": EVERYONE_405,
        "POST": {"*": 403, "functional_admin": 400, "privacy_officer": 400, "outsider_admin": 400},
    },
    "logbook:household": {
        "GET": {"*": 403, "functional_admin": 200, "privacy_officer": 200, "outsider_admin": 404},
        "POST": {"*": 403, "functional_admin": 200, "privacy_officer": 200, "outsider_admin": 404},
    },
    "logbook:overview": {
        "GET": PRIVACY_PAGE,
        "POST": {"*": 403, "functional_admin": 400, "privacy_officer": 400, "outsider_admin": 400},
    },
    "privacy:household_access": {
        "GET": {
            "*": 404,
            **dict.fromkeys(
                ("professional", "colleague", "team_lead", "doorbraakteam", "manager", "policy_analyst"), 403
            ),
            "functional_admin": 200,
            "privacy_officer": 200,
        },
        "POST": {
            "*": 404,
            **dict.fromkeys(
                ("professional", "colleague", "team_lead", "doorbraakteam", "manager", "policy_analyst"), 403
            ),
            "functional_admin": 200,
            "privacy_officer": 200,
        },
    },
    "privacy:overview": {"GET": PRIVACY_PAGE, "POST": PRIVACY_PAGE},
    "privacy:retention": {"GET": PRIVACY_PAGE, "POST": PRIVACY_PAGE},
    "costs:line_confirm": {"GET": CASE_POST_ONLY, "POST": PLAN_WRITE_EMPTY},
    "accounts:login": {
        "GET": {"*": "302 home", "national_admin": "302 organisations:organisation_list"},
        "POST": {"*": "302 home", "national_admin": "302 organisations:organisation_list"},
    },
    "accounts:logout": {"GET": EVERYONE_405, "POST": {"*": "302 accounts:login"}},
    "accounts:password_reset": {"GET": EVERYONE_200, "POST": EVERYONE_200},
    "accounts:password_reset_complete": {"GET": EVERYONE_200, "POST": EVERYONE_405},
    "accounts:password_reset_confirm": {"GET": EVERYONE_200, "POST": EVERYONE_200},
    "accounts:password_reset_done": {"GET": EVERYONE_200, "POST": EVERYONE_405},
    "branding_css": {"GET": EVERYONE_200, "POST": EVERYONE_405},
    "costs:budget": {"GET": ADMIN_PAGE, "POST": ADMIN_PAGE},
    "costs:index_figures": {"GET": NATIONAL_ONLY, "POST": NATIONAL_ONLY},
    "costs:ledger": {
        "GET": {
            "*": 200,
            **dict.fromkeys(("professional", "colleague", "national_admin", "outsider", "privacy_officer"), 403),
        },
        "POST": {
            "*": 200,
            **dict.fromkeys(("professional", "colleague", "national_admin", "outsider", "privacy_officer"), 403),
        },
    },
    "costs:ledger_mark_paid": {
        "GET": {"*": 403, "doorbraakteam": 405, "outsider_doorbraakteam": 405},
        "POST": {"*": 403, "doorbraakteam": "302 costs:ledger", "outsider_doorbraakteam": 404},
    },
    "costs:line_add": {"GET": PLAN_EDIT_PAGE, "POST": PLAN_WRITE_EMPTY},
    "costs:line_delete": {"GET": CASE_POST_ONLY, "POST": PLAN_WRITE_EMPTY},
    "costs:line_edit": {"GET": PLAN_EDIT_PAGE, "POST": PLAN_WRITE_EMPTY},
    "costs:line_note": {"GET": EVERYONE_405, "POST": PLAN_WRITE_EMPTY},
    "costs:sheet_note": {"GET": EVERYONE_405, "POST": PLAN_WRITE_EMPTY},
    "costs:line_reprice": {"GET": CASE_POST_ONLY, "POST": PLAN_WRITE_EMPTY},
    "costs:plan_return": {"GET": PLAN_READ, "POST": PLAN_READ},
    "costs:price_item": {"GET": NATIONAL_ONLY, "POST": NATIONAL_ONLY},
    "costs:price_item_create": {"GET": NATIONAL_ONLY, "POST": NATIONAL_ONLY},
    "costs:price_list": {"GET": NATIONAL_ONLY, "POST": NATIONAL_ONLY},
    "costs:scenario_copy": {"GET": CASE_POST_ONLY, "POST": PLAN_WRITE_EMPTY},
    "costs:scenario_prefill": {"GET": CASE_POST_ONLY, "POST": PLAN_WRITE_EMPTY},
    "costs:sheet_update": {"GET": CASE_POST_ONLY, "POST": PLAN_WRITE_EMPTY},
    "costs:suggestion_add": {"GET": CASE_POST_ONLY, "POST": PLAN_WRITE_EMPTY},
    "costs:suggestion_rule_delete": {
        "GET": {"*": 403, "national_admin": 405},
        "POST": {"*": 403, "national_admin": "302 costs:suggestion_rules"},
    },
    "costs:suggestion_rules": {"GET": NATIONAL_ONLY, "POST": NATIONAL_ONLY},
    "costs:tariff_confirm": {
        "GET": ADMIN_POST_ONLY,
        "POST": {"*": 403, "functional_admin": "302 costs:tariff_upload", "outsider_admin": "302 costs:tariff_upload"},
    },
    "costs:tariff_set": {"GET": ADMIN_OBJECT, "POST": ADMIN_OBJECT},
    "costs:tariff_set_toggle": {
        "GET": ADMIN_POST_ONLY,
        "POST": {"*": 403, "functional_admin": "302 costs:tariff_set", "outsider_admin": 404},
    },
    "costs:tariff_sets": {"GET": ADMIN_PAGE, "POST": ADMIN_PAGE},
    "costs:tariff_upload": {"GET": ADMIN_PAGE, "POST": ADMIN_PAGE},
    "documents:plan_export": {"GET": DECIDER_READ, "POST": DECIDER_READ},
    "engagement:plan_engagement": {"GET": PLAN_READ, "POST": EVERYONE_405},
    "engagement:scores_save": {"GET": EVERYONE_405, "POST": PLAN_EDIT_PAGE},
    # autosave: an empty post of a concept is refused (400); past concept the texts lie fixed (back to the page)
    "engagement:texts_save": {
        "GET": EVERYONE_405,
        "POST": plan_case({"*": "302 engagement:plan_engagement", "concept": 400}, doorbraakteam=403),
    },
    "followup:action_add": {
        "GET": EVERYONE_405,
        "POST": {
            "*": 404,
            "professional": 400,
            "team_lead": 400,
            "doorbraakteam": {"*": 403, "concept": 404, "submitted@doorbraakteam": 400, "submitted@manager": 400},
            "manager": {"*": 403, "submitted@manager": 400},
            "policy_analyst": 403,
            "privacy_officer": 403,
            "functional_admin": 403,
            "national_admin": 403,
            "outsider_policy_analyst": 403,
            "outsider_admin": 403,
        },
    },
    "followup:action_state": {
        "GET": EVERYONE_405,
        "POST": plan_case("302 followup:plan_followup", doorbraakteam=403, outsider_manager=404),
    },
    "followup:consent_withdraw": {"GET": EVERYONE_405, "POST": plan_case("302 followup:sharing", doorbraakteam=403)},
    "followup:contact_create": {"GET": ADMIN_PAGE, "POST": {"*": 403, "functional_admin": 400, "outsider_admin": 400}},
    "followup:contact_edit": {"GET": ADMIN_OBJECT, "POST": {"*": 403, "functional_admin": 400, "outsider_admin": 404}},
    "followup:evaluation_record": {
        "GET": plan_case({"*": 404, "approved": 200, "evaluated": 200}, doorbraakteam=403),
        "POST": plan_case({"*": 404, "approved": 400, "evaluated": 400}, doorbraakteam=403),
    },
    "followup:evaluation_draft": {
        "GET": EVERYONE_405,
        "POST": plan_case({"*": 404, "approved": 400, "evaluated": 400}, doorbraakteam=403),
    },
    "followup:evaluations": {
        "GET": TEAM_CASE_PAGE,
        "POST": TEAM_CASE_PAGE,
    },
    "followup:inbox": {
        "GET": {
            "*": 200,
            "policy_analyst": 403,
            "privacy_officer": 403,
            "functional_admin": 403,
            "national_admin": 403,
            "outsider_policy_analyst": 403,
            "outsider_admin": 403,
        },
        "POST": {
            "*": 200,
            "policy_analyst": 403,
            "privacy_officer": 403,
            "functional_admin": 403,
            "national_admin": 403,
            "outsider_policy_analyst": 403,
            "outsider_admin": 403,
        },
    },
    "followup:level_delete": {
        "GET": EVERYONE_405,
        "POST": {"*": 403, "functional_admin": "302 followup:matrix", "outsider_admin": 404},
    },
    "followup:level_edit": {"GET": ADMIN_OBJECT, "POST": {"*": 403, "functional_admin": 400, "outsider_admin": 404}},
    "followup:level_move": {
        "GET": EVERYONE_405,
        "POST": {"*": 403, "functional_admin": "302 followup:matrix", "outsider_admin": 404},
    },
    "followup:matrix": {"GET": ADMIN_PAGE, "POST": {"*": 403, "functional_admin": 400, "outsider_admin": 400}},
    "followup:matrix_defaults": {
        "GET": EVERYONE_405,
        "POST": {"*": 403, "functional_admin": "302 followup:matrix", "outsider_admin": "302 followup:matrix"},
    },
    "followup:partner_timeline": {"GET": PLAN_READ, "POST": PLAN_READ},
    "followup:plan_basis": {"GET": DECIDER_READ, "POST": EVERYONE_405},
    "followup:plan_decide": {
        "GET": EVERYONE_405,
        "POST": {
            "*": 404,
            "professional": {
                "*": "302 followup:plan_followup",
                "submitted@team_lead": 403,
                "submitted@doorbraakteam": 403,
                "submitted@manager": 403,
            },
            "team_lead": {
                "*": "302 followup:plan_followup",
                "submitted@team_lead": 400,
                "submitted@doorbraakteam": 403,
                "submitted@manager": 403,
            },
            "doorbraakteam": {
                "*": "302 followup:plan_followup",
                "concept": 404,
                "submitted@team_lead": 403,
                "submitted@doorbraakteam": 400,
                "submitted@manager": 403,
            },
            "manager": {"*": 403, "submitted@manager": 400},
            "policy_analyst": 403,
            "privacy_officer": 403,
            "functional_admin": 403,
            "national_admin": 403,
            "outsider_policy_analyst": 403,
            "outsider_admin": 403,
        },
    },
    "followup:plan_followup": {"GET": DECIDER_READ, "POST": DECIDER_READ},
    "followup:plan_submit": {"GET": EVERYONE_405, "POST": plan_case("302 followup:plan_followup", doorbraakteam=403)},
    "followup:realised_add": {
        "GET": EVERYONE_405,
        "POST": plan_case({"*": 404, "approved": 403, "evaluated": 403}, doorbraakteam=403),
    },
    "followup:realised_copy": {
        "GET": EVERYONE_405,
        "POST": plan_case({"*": 404, "approved": 403, "evaluated": 403}, doorbraakteam=403),
    },
    "followup:realised_line": {
        "GET": EVERYONE_405,
        "POST": plan_case({"*": 404, "approved": 403, "evaluated": 403}, doorbraakteam=403),
    },
    "followup:sharing": {"GET": PLAN_READ, "POST": PLAN_WRITE_EMPTY},
    "home": {
        "GET": {
            "*": "302 plans:list",
            "manager": 200,
            "policy_analyst": 200,
            "functional_admin": "302 organisations:overview",
            "privacy_officer": "302 logbook:overview",
            "national_admin": 200,
            "outsider_manager": 200,
            "outsider_policy_analyst": 200,
            "outsider_admin": "302 organisations:overview",
        },
        "POST": {
            "*": "302 plans:list",
            "manager": 200,
            "policy_analyst": 200,
            "functional_admin": "302 organisations:overview",
            "privacy_officer": "302 logbook:overview",
            "national_admin": 200,
            "outsider_manager": 200,
            "outsider_policy_analyst": 200,
            "outsider_admin": "302 organisations:overview",
        },
    },
    "households:consent_add": {
        "GET": EVERYONE_405,
        "POST": {
            "*": 403,
            "professional": 400,
            "colleague": 404,
            "team_lead": 400,
            "outsider": 404,
            "outsider_team_lead": 404,
        },
    },
    "households:create": {
        "GET": TEAM_CASE_PAGE,
        "POST": {
            "*": 403,
            "professional": 400,
            "colleague": 400,
            "team_lead": 400,
            "outsider": 400,
            "outsider_team_lead": 400,
        },
    },
    "households:detail": {"GET": plan_case(200, doorbraakteam=404), "POST": plan_case(200, doorbraakteam=404)},
    "households:member_add": {
        "GET": EVERYONE_405,
        "POST": {
            "*": 403,
            "professional": 400,
            "colleague": 404,
            "team_lead": 400,
            "outsider": 404,
            "outsider_team_lead": 404,
        },
    },
    "legal:citation_add": {"GET": EVERYONE_405, "POST": plan_case("302 legal:plan_legitimacy", doorbraakteam=403)},
    "legal:citation_delete": {"GET": EVERYONE_405, "POST": plan_case("302 legal:plan_legitimacy", doorbraakteam=403)},
    "legal:citation_update": {
        "GET": EVERYONE_405,
        "POST": plan_case({"*": "302 legal:plan_legitimacy", "concept": 400}, doorbraakteam=403),
    },
    "legal:local_create": {"GET": ADMIN_PAGE, "POST": ADMIN_PAGE},
    "legal:local_edit": {"GET": ADMIN_OBJECT, "POST": ADMIN_OBJECT},
    "legal:local_import": {"GET": ADMIN_PAGE, "POST": ADMIN_PAGE},
    "legal:local_import_preview": {
        "GET": ADMIN_OBJECT,
        "POST": {"*": 403, "functional_admin": "302 legal:local_list", "outsider_admin": 404},
    },
    "legal:local_list": {"GET": ADMIN_PAGE, "POST": ADMIN_PAGE},
    "legal:local_retire": {
        "GET": EVERYONE_405,
        "POST": {"*": 403, "functional_admin": "302 legal:local_list", "outsider_admin": 404},
    },
    "legal:motivation": {
        "GET": EVERYONE_405,
        "POST": plan_case({"*": "302 legal:plan_legitimacy", "concept": 400}, doorbraakteam=403),
    },
    "legal:national_create": {"GET": NATIONAL_ONLY, "POST": NATIONAL_ONLY},
    "legal:national_edit": {"GET": NATIONAL_ONLY, "POST": NATIONAL_ONLY},
    "legal:national_list": {"GET": NATIONAL_ONLY, "POST": NATIONAL_ONLY},
    "legal:national_retire": {"GET": EVERYONE_405, "POST": {"*": 403, "national_admin": "302 legal:national_list"}},
    "legal:plan_legitimacy": {"GET": PLAN_READ, "POST": PLAN_READ},
    "organisations:district_create": {"GET": ADMIN_PAGE, "POST": ADMIN_PAGE},
    "organisations:district_edit": {"GET": ADMIN_OBJECT, "POST": ADMIN_OBJECT},
    "organisations:organisation_create": {"GET": NATIONAL_ONLY, "POST": NATIONAL_ONLY},
    "organisations:organisation_list": {"GET": NATIONAL_ONLY, "POST": NATIONAL_ONLY},
    "organisations:overview": {"GET": ADMIN_PAGE, "POST": ADMIN_PAGE},
    "organisations:settings": {"GET": ADMIN_PAGE, "POST": ADMIN_PAGE},
    "organisations:team_create": {"GET": ADMIN_PAGE, "POST": ADMIN_PAGE},
    "organisations:team_edit": {"GET": ADMIN_OBJECT, "POST": ADMIN_OBJECT},
    "organisations:user_activate": {
        "GET": ADMIN_POST_ONLY,
        "POST": {"*": 403, "functional_admin": "302 organisations:overview", "outsider_admin": 404},
    },
    "organisations:user_create": {"GET": ADMIN_PAGE, "POST": ADMIN_PAGE},
    "organisations:user_deactivate": {
        "GET": ADMIN_POST_ONLY,
        "POST": {"*": 403, "functional_admin": "302 organisations:overview", "outsider_admin": 404},
    },
    "organisations:user_edit": {"GET": ADMIN_OBJECT, "POST": ADMIN_OBJECT},
    "organisations:user_reset_password": {"GET": ADMIN_POST_ONLY, "POST": ADMIN_OBJECT},
    "plans:list": {
        "GET": {
            "*": 200,
            "manager": 403,
            "policy_analyst": 403,
            "privacy_officer": 403,
            "functional_admin": 403,
            "national_admin": 403,
            "outsider_manager": 403,
            "outsider_policy_analyst": 403,
            "outsider_admin": 403,
        },
        "POST": {
            "*": 200,
            "manager": 403,
            "policy_analyst": 403,
            "privacy_officer": 403,
            "functional_admin": 403,
            "national_admin": 403,
            "outsider_manager": 403,
            "outsider_policy_analyst": 403,
            "outsider_admin": 403,
        },
    },
    "plans:start": {
        "GET": EVERYONE_405,
        "POST": {
            "*": 403,
            "professional": "302 workspace:plan",
            "colleague": 404,
            "team_lead": "302 workspace:plan",
            "outsider": 404,
            "outsider_team_lead": 404,
        },
    },
    "plans:tag_toggle": {"GET": EVERYONE_405, "POST": {"*": 403, "national_admin": "302 plans:tags_admin"}},
    "plans:tags_admin": {"GET": NATIONAL_ONLY, "POST": {"*": 403, "national_admin": 400}},
    "workspace:item": {"GET": EVERYONE_405, "POST": PLAN_WRITE_EMPTY},
    "workspace:item_add": {"GET": EVERYONE_405, "POST": PLAN_WRITE_EMPTY},
    "workspace:plan": {"GET": PLAN_READ, "POST": PLAN_READ},
    "workspace:plan_nav": {"GET": PLAN_READ, "POST": PLAN_READ},
    "workspace:section": {"GET": EVERYONE_405, "POST": PLAN_WRITE_EMPTY},
    "workspace:status": {
        "GET": EVERYONE_405,
        "POST": plan_case("302 workspace:plan", doorbraakteam="302 workspace:plan"),
    },
    "workspace:tags": {"GET": EVERYONE_405, "POST": PLAN_WRITE_EMPTY},
}


def expected(name: str, method: str, persona: str, state: str):
    """The answer MATRIX gives for one cell, or MISSING."""
    row = MATRIX.get(name, {}).get(method)
    if row is None:
        return MISSING
    answer = row.get(persona, row.get("*", MISSING))
    if isinstance(answer, dict):
        answer = answer.get(state, answer.get("*", MISSING))
    return answer


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    built, outer = build_once(django_db_blocker)
    yield built
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


def answer_of(response) -> int | str:
    if response.status_code in (301, 302):
        path = urlparse(response["Location"]).path
        try:
            return f"302 {resolve(path).view_name}"
        except Resolver404:
            return f"302 {path}"
    return response.status_code


def fingerprint() -> dict[str, int]:
    """Row counts of every table of the project except the audit log (a refused attempt may be logged)."""
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model.__module__.startswith("doorbraak.") and model._meta.app_label != "audit"
    }


REFUSED = {403, 404, 405}


def ask(client, method: str, url: str, baseline: dict[str, int]):
    """One request in a savepoint that is rolled back, so the next cell sees the same objects. Returns the answer
    and, for a refused POST, whether it changed a table anyway."""
    with transaction.atomic():
        try:
            result = answer_of(client.post(url) if method == "POST" else client.get(url))
        except Exception as exc:  # the test client re-raises what would be a 500: record it as the cell's answer
            result = f"500 {type(exc).__name__}"
        changed = method == "POST" and result in REFUSED and fingerprint() != baseline
        transaction.set_rollback(True)
    return result, changed


def observe(world, client, login, name: str):
    """{(method, persona, state): answer} for route ``name``, and the cells whose refused POST changed a table."""
    converters = CONVERTERS[name]
    baseline = fingerprint()
    cells, leaks = {}, []
    for persona in PERSONAS:
        login(world.users[persona])
        for state in states_for(converters):
            url = reverse(name, kwargs=route_kwargs(world, name, converters, state))
            for method in METHODS:
                cells[(method, persona, state)], changed = ask(client, method, url, baseline)
                if changed:
                    leaks.append((method, persona, state))
                if client.cookies.get("sessionid") is not None and not client.cookies["sessionid"].value:
                    login(world.users[persona])  # the cell logged the client out (accounts:logout)
    return cells, leaks


def test_every_cell_has_an_entry():
    """A new route, persona or state without an answer in MATRIX fails here, naming the cells."""
    missing = [
        (name, method, persona, state)
        for name, converters in ROUTES
        for method in METHODS
        for persona in PERSONAS
        for state in states_for(converters)
        if expected(name, method, persona, state) is MISSING
    ]
    stale = sorted(set(MATRIX) - set(CONVERTERS))
    assert not missing, (
        "no entry in MATRIX for (url name, method, persona, state): "
        + "; ".join(f"({name}, {method}, {persona}, {state})" for name, method, persona, state in missing[:40])
        + (f" … and {len(missing) - 40} more" if len(missing) > 40 else "")
    )
    assert not stale, f"MATRIX names routes that no longer exist: {stale}"


@pytest.mark.slow
@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(CONVERTERS))
def test_the_route_answers_as_the_matrix_says(name, world, client, login):
    cells, leaks = observe(world, client, login, name)
    wrong = [
        f"({name}, {method}, {persona}, {state}): expected {expected(name, method, persona, state)}, got {got}"
        for (method, persona, state), got in cells.items()
        if expected(name, method, persona, state) != got
    ]
    assert not wrong, "\n".join(wrong)
    assert not leaks, f"a refused POST changed the database: {leaks}"
