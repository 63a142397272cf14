"""The national admin's pages: the price list (a new year's price never overwrites an old one), index
figures and the suggestion rules."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from doorbraak.core.access import national_admin_required
from doorbraak.core.forms import add_service_errors

from ..forms import IndexFigureForm, ItemPriceForm, PriceItemForm, SuggestionRuleForm
from ..selectors import price_list as selectors
from ..services import price_list as services


@national_admin_required
def price_list(request):
    items = selectors.price_items_with_prices()
    return render(request, "costs/price_list.html", {"items": items})


@national_admin_required
@require_http_methods(["GET", "POST"])
def price_item_create(request):
    form = PriceItemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            item = services.price_item_create(
                actor=request.user,
                data={
                    k: d[k] for k in ("code", "name", "unit", "funding_stream", "life_domain", "cashable", "index_type")
                },
                price={k: d[k] for k in ("year", "amount", "source", "source_url", "notes")},
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Post toegevoegd."))
            return redirect("costs:price_item", code=item.code)
    return render(request, "costs/price_item_form.html", {"form": form}, status=400 if form.errors else 200)


@national_admin_required
@require_http_methods(["GET", "POST"])
def price_item(request, code):
    item = selectors.price_item_for_admin(code=code)
    form = ItemPriceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.item_price_add(actor=request.user, item=item, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Nieuwe prijs toegevoegd; bestaande prijzen en plannen blijven ongewijzigd."))
            return redirect("costs:price_item", code=item.code)
    prices = selectors.prices_of_item(item=item)
    return render(
        request,
        "costs/price_item.html",
        {"item": item, "prices": prices, "form": form},
        status=400 if form.errors else 200,
    )


@national_admin_required
@require_http_methods(["GET", "POST"])
def index_figures(request):
    form = IndexFigureForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.index_figure_set(actor=request.user, **form.cleaned_data)
        messages.success(request, _("Indexcijfer opgeslagen."))
        return redirect("costs:index_figures")
    figures = selectors.index_figures_for_admin()
    return render(
        request, "costs/index_figures.html", {"figures": figures, "form": form}, status=400 if form.errors else 200
    )


@national_admin_required
@require_http_methods(["GET", "POST"])
def suggestion_rules(request):
    form = SuggestionRuleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.suggestion_rule_create(actor=request.user, data=form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Regel toegevoegd."))
            return redirect("costs:suggestion_rules")
    rules = selectors.suggestion_rules_for_admin()
    return render(
        request, "costs/suggestion_rules.html", {"rules": rules, "form": form}, status=400 if form.errors else 200
    )


@national_admin_required
@require_POST
def suggestion_rule_delete(request, rule_id):
    rule = selectors.suggestion_rule_for_admin(rule_id=rule_id)
    services.suggestion_rule_delete(actor=request.user, rule=rule)
    messages.success(request, _("Regel verwijderd."))
    return redirect("costs:suggestion_rules")
