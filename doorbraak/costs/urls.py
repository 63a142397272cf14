from django.urls import path

from . import views

app_name = "costs"
urlpatterns = [
    path("plannen/<uuid:plan_id>/", views.plan_return, name="plan_return"),
    path("plannen/<uuid:plan_id>/regels/", views.line_add, name="line_add"),
    path("plannen/<uuid:plan_id>/regels/<uuid:line_id>/", views.line_edit, name="line_edit"),
    path("plannen/<uuid:plan_id>/regels/<uuid:line_id>/verwijderen/", views.line_delete, name="line_delete"),
    path("plannen/<uuid:plan_id>/regels/<uuid:line_id>/herprijzen/", views.line_reprice, name="line_reprice"),
    path("plannen/<uuid:plan_id>/huidig-uit-hulpverleners/", views.scenario_prefill, name="scenario_prefill"),
    path("plannen/<uuid:plan_id>/kopieer-naar-dreigend/", views.scenario_copy, name="scenario_copy"),
    path("plannen/<uuid:plan_id>/suggestie/", views.suggestion_add, name="suggestion_add"),
    path("plannen/<uuid:plan_id>/instellingen/", views.sheet_update, name="sheet_update"),
    path("prijslijst/", views.price_list, name="price_list"),
    path("prijslijst/nieuw/", views.price_item_create, name="price_item_create"),
    path("prijslijst/<slug:code>/", views.price_item, name="price_item"),
    path("indexcijfers/", views.index_figures, name="index_figures"),
    path("suggestieregels/", views.suggestion_rules, name="suggestion_rules"),
    path("suggestieregels/<int:rule_id>/verwijderen/", views.suggestion_rule_delete, name="suggestion_rule_delete"),
    path("tarieven/", views.tariff_sets, name="tariff_sets"),
    path("tarieven/uploaden/", views.tariff_upload, name="tariff_upload"),
    path("tarieven/bevestigen/", views.tariff_confirm, name="tariff_confirm"),
    path("tarieven/<int:set_id>/", views.tariff_set_detail, name="tariff_set"),
    path("tarieven/<int:set_id>/aan-uit/", views.tariff_set_toggle, name="tariff_set_toggle"),
    path("budget/", views.budget, name="budget"),
    path("budget/grootboek/", views.ledger, name="ledger"),
    path("budget/grootboek/<uuid:line_id>/betaald/", views.ledger_mark_paid, name="ledger_mark_paid"),
]
