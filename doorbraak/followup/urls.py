from django.urls import path

from . import views

app_name = "followup"
urlpatterns = [
    path("inbox/", views.inbox, name="inbox"),
    path("evaluaties/", views.evaluation_list, name="evaluations"),
    path("beheer/", views.matrix, name="matrix"),
    path("beheer/standaard/", views.matrix_defaults, name="matrix_defaults"),
    path("beheer/niveaus/<int:level_id>/", views.level_edit, name="level_edit"),
    path("beheer/niveaus/<int:level_id>/verplaatsen/", views.level_move, name="level_move"),
    path("beheer/niveaus/<int:level_id>/verwijderen/", views.level_delete, name="level_delete"),
    path("beheer/contactpersonen/nieuw/", views.contact_edit, name="contact_create"),
    path("beheer/contactpersonen/<int:contact_id>/", views.contact_edit, name="contact_edit"),
    path("plannen/<uuid:plan_id>/", views.plan_followup, name="plan_followup"),
    path("plannen/<uuid:plan_id>/onderbouwing/", views.plan_basis, name="plan_basis"),
    path("plannen/<uuid:plan_id>/indienen/", views.plan_submit, name="plan_submit"),
    path("plannen/<uuid:plan_id>/besluit/", views.plan_decide, name="plan_decide"),
    path("plannen/<uuid:plan_id>/acties/", views.action_add, name="action_add"),
    path("plannen/<uuid:plan_id>/acties/<int:action_id>/", views.action_state, name="action_state"),
    path("plannen/<uuid:plan_id>/evaluaties/<int:evaluation_id>/", views.evaluation_record, name="evaluation_record"),
    path(
        "plannen/<uuid:plan_id>/evaluaties/<int:evaluation_id>/tekst/", views.evaluation_draft, name="evaluation_draft"
    ),
    path(
        "plannen/<uuid:plan_id>/evaluaties/<int:evaluation_id>/kosten-overnemen/",
        views.realised_copy,
        name="realised_copy",
    ),
    path("plannen/<uuid:plan_id>/evaluaties/<int:evaluation_id>/kosten/", views.realised_add, name="realised_add"),
    path(
        "plannen/<uuid:plan_id>/evaluaties/<int:evaluation_id>/kosten/<uuid:line_id>/",
        views.realised_line,
        name="realised_line",
    ),
    path("plannen/<uuid:plan_id>/delen/", views.sharing, name="sharing"),
    path("plannen/<uuid:plan_id>/delen/<int:consent_id>/intrekken/", views.consent_withdraw, name="consent_withdraw"),
    path("plannen/<uuid:plan_id>/delen/partner/<int:contact_id>/", views.partner_timeline, name="partner_timeline"),
]
