from django.urls import path

from .views import ledger, plan_return, price_list, tariffs

app_name = "costs"
urlpatterns = [
    # the plan's return page (professional)
    path("plannen/<uuid:plan_id>/", plan_return.plan_return, name="plan_return"),
    path("plannen/<uuid:plan_id>/regels/", plan_return.line_add, name="line_add"),
    path("plannen/<uuid:plan_id>/regels/<uuid:line_id>/", plan_return.line_edit, name="line_edit"),
    path("plannen/<uuid:plan_id>/regels/<uuid:line_id>/verwijderen/", plan_return.line_delete, name="line_delete"),
    path("plannen/<uuid:plan_id>/regels/<uuid:line_id>/herprijzen/", plan_return.line_reprice, name="line_reprice"),
    path("plannen/<uuid:plan_id>/regels/<uuid:line_id>/bevestigen/", plan_return.line_confirm, name="line_confirm"),
    path("plannen/<uuid:plan_id>/huidig-uit-hulpverleners/", plan_return.scenario_prefill, name="scenario_prefill"),
    path("plannen/<uuid:plan_id>/kopieer-naar-dreigend/", plan_return.scenario_copy, name="scenario_copy"),
    path("plannen/<uuid:plan_id>/suggestie/", plan_return.suggestion_add, name="suggestion_add"),
    path("plannen/<uuid:plan_id>/instellingen/", plan_return.sheet_update, name="sheet_update"),
    path("plannen/<uuid:plan_id>/toelichting/", plan_return.sheet_note, name="sheet_note"),
    path("plannen/<uuid:plan_id>/regels/<uuid:line_id>/toelichting/", plan_return.line_note, name="line_note"),
    # the national price list, index figures and suggestion rules (national admin)
    path("prijslijst/", price_list.price_list, name="price_list"),
    path("prijslijst/nieuw/", price_list.price_item_create, name="price_item_create"),
    path("prijslijst/<slug:code>/", price_list.price_item, name="price_item"),
    path("indexcijfers/", price_list.index_figures, name="index_figures"),
    path("suggestieregels/", price_list.suggestion_rules, name="suggestion_rules"),
    path(
        "suggestieregels/<int:rule_id>/verwijderen/",
        price_list.suggestion_rule_delete,
        name="suggestion_rule_delete",
    ),
    # local tariffs and the Doorbraakbudget (functional admin)
    path("tarieven/", tariffs.tariff_sets, name="tariff_sets"),
    path("tarieven/uploaden/", tariffs.tariff_upload, name="tariff_upload"),
    path("tarieven/bevestigen/", tariffs.tariff_confirm, name="tariff_confirm"),
    path("tarieven/<int:set_id>/", tariffs.tariff_set_detail, name="tariff_set"),
    path("tarieven/<int:set_id>/aan-uit/", tariffs.tariff_set_toggle, name="tariff_set_toggle"),
    path("budget/", tariffs.budget, name="budget"),
    # the budget ledger
    path("budget/grootboek/", ledger.ledger, name="ledger"),
    path("budget/grootboek/<uuid:line_id>/betaald/", ledger.ledger_mark_paid, name="ledger_mark_paid"),
]
