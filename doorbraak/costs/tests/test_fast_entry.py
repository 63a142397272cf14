"""Fast cost entry (issue 9, point 6), as a user does it: the price field's search without JavaScript (local
tariffs first, never another municipality's), the folded line form, accepting several suggested lines at once,
and the honest prefill from the helper inventory. Every form is posted as the page renders it."""

from decimal import Decimal
from html import unescape
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from doorbraak.audit.models import AuditEvent
from doorbraak.costs.constants import PriceOrigin, Scenario
from doorbraak.costs.models import CostLine, PriceItem, SuggestionRule, Tariff, TariffSet
from doorbraak.plans.models import Tag
from doorbraak.plans.tests.factories import HelperFactory
from tests.pageforms import rendered_form

pytestmark = pytest.mark.django_db


class _Options(HTMLParser):
    """The options of the <select name="item"> as (value, text), in page order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.inside = False
        self.options: list[list[str]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "select":
            self.inside = attrs.get("name") == "item"
        elif tag == "option" and self.inside:
            self.options.append([attrs.get("value") or "", ""])

    def handle_endtag(self, tag):
        if tag == "select":
            self.inside = False

    def handle_data(self, data):
        if self.inside and self.options:
            self.options[-1][1] += data


def price_options(response) -> list[tuple[str, str]]:
    parser = _Options()
    parser.feed(response.content.decode())
    return [(value, " ".join(text.split())) for value, text in parser.options if value]


def add_page(client, plan, **params):
    return client.get(reverse("costs:line_add", args=[plan.pk]), params)


def add_form(page):
    return rendered_form(
        page,
        action_contains=reverse("costs:line_add", args=[page.wsgi_request.resolver_match.kwargs["plan_id"]]),
        with_field="quantity",
    )


def item(code):
    return PriceItem.objects.get(code=code)


def make_tariff(organisation, creator, *, name, amount, item=None, code="", unit="uur", stream="wmo", valid_from):
    """A tariff in the organisation's purchase set (created on first use): mapped to ``item`` or an own post."""
    tariff_set, _ = TariffSet.objects.get_or_create(
        organisation=organisation, kind="municipal", name="Inkoop", defaults={"created_by": creator}
    )
    return Tariff.objects.create(
        tariff_set=tariff_set,
        organisation=organisation,
        item=item,
        code=item.code if item else code,
        name=name,
        unit=unit,
        amount=Decimal(amount),
        funding_stream=stream,
        valid_from=valid_from,
    )


@pytest.fixture
def tariffs(plan, functional_admin, other_org, outsider_admin):
    """Voorbeeldstad: a purchase tariff for a price-list post and an own post; Anderstad: the same post
    cheaper and an own post. Only Voorbeeldstad's may ever reach a Voorbeeldstad plan."""
    start = plan.created_at.date().replace(month=1, day=1)
    begeleiding = item("wmo_begeleiding_individueel")
    ours, theirs = (plan.organisation, functional_admin), (other_org, outsider_admin)
    make_tariff(*ours, item=begeleiding, name="Begeleiding Voorbeeldstad", amount="70.00", valid_from=start)
    own = make_tariff(*ours, code="vbs_maatjes", name="Maatjesproject Voorbeeldstad", amount="25.00", valid_from=start)
    make_tariff(*theirs, item=begeleiding, name="Begeleiding Anderstad", amount="1.00", valid_from=start)
    make_tariff(*theirs, code="ads_geheim", name="Geheime post Anderstad", amount="2.00", valid_from=start)
    return {"own": own, "begeleiding": begeleiding}


# --- the price field without JavaScript ----------------------------------------------------------------------
def test_search_narrows_the_list_and_the_narrowed_choice_is_posted(plan, professional, login):
    client = login(professional)
    everything = price_options(add_page(client, plan, scenario="current"))
    assert len(everything) == PriceItem.objects.filter(is_active=True).count()  # about 130 national posts
    page = add_page(client, plan, scenario="current", q="huisarts")
    found = price_options(page)
    assert 0 < len(found) < 5 and all("huisarts" in text.lower() for _value, text in found)
    assert (
        "post gevonden voor 'huisarts'" in page.content.decode()
        or "posten gevonden voor 'huisarts'" in page.content.decode()
    )
    # each option says its price, unit and origin
    value, text = found[0]
    assert "€" in text and "per keer" in text and "landelijke prijslijst" in text
    # the search form is a GET form on the page; searching keeps the scenario
    search = rendered_form(page, with_field="q")
    assert search.method == "get" and search.data()["scenario"] == ["current"]
    response = add_form(page).submit(client, {"item": value, "quantity": "3"})
    assert response.status_code == 302, response.content.decode()[:300]
    line = CostLine.objects.get(plan=plan)
    assert line.item_id == int(value) and line.quantity == 3 and line.scenario == Scenario.CURRENT


def test_words_all_count_and_no_match_says_so(plan, professional, login):
    client = login(professional)
    assert len(price_options(add_page(client, plan, q="ggz consult"))) >= 1
    page = add_page(client, plan, q="zzzgeenpost")
    assert price_options(page) == []
    assert "0 posten gevonden voor 'zzzgeenpost'" in page.content.decode()


def test_local_tariffs_first_and_never_another_municipalitys(plan, professional, login, tariffs):
    client = login(professional)
    options = price_options(add_page(client, plan))
    local = [text for _value, text in options if "lokaal tarief" in text]
    assert [text for _value, text in options[: len(local)]] == local  # local before national
    assert any(text.startswith("Maatjesproject Voorbeeldstad") and "€ 25,00 per uur" in text for text in local)
    assert any(text.startswith(tariffs["begeleiding"].name) and "€ 70,00" in text for text in local)
    page = " ".join(text for _value, text in options)
    assert "Anderstad" not in page and "€ 1,00" not in page and "€ 2,00" not in page
    assert price_options(add_page(client, plan, q="Geheime post")) == []
    # the local tariff's own name finds the post it is mapped to
    assert [text.split(" — ")[0] for _v, text in price_options(add_page(client, plan, q="Voorbeeldstad"))] == [
        tariffs["begeleiding"].name,
        "Maatjesproject Voorbeeldstad",
    ]


def test_an_own_post_is_chosen_from_the_same_field(plan, professional, login, tariffs):
    client = login(professional)
    page = add_page(client, plan, scenario="plan", q="maatjes")
    [(value, _text)] = price_options(page)
    assert add_form(page).data()["item"] == [value]  # the only match is chosen already
    assert add_form(page).submit(client, {"quantity": "10"}).status_code == 302
    line = CostLine.objects.get(plan=plan)
    assert line.tariff == tariffs["own"] and line.item is None and line.price_origin == PriceOrigin.TARIFF
    assert line.unit_price == Decimal("25.00")


def test_another_municipalitys_own_post_cannot_be_posted(plan, professional, login, tariffs, other_org):
    client = login(professional)
    theirs = Tariff.objects.get(organisation=other_org, item__isnull=True)
    page = add_page(client, plan, scenario="plan")
    form = add_form(page)
    data = form.data({"quantity": "1"})
    data["item"] = [f"eigen-{theirs.pk}"]  # a crafted post: the page never offers it
    response = client.post(form.action, data)
    assert response.status_code == 400
    assert "Kies een geldige optie" in response.content.decode() or "bestaat niet" in response.content.decode()
    assert not CostLine.objects.filter(plan=plan).exists()


# --- the folded form -----------------------------------------------------------------------------------------
def test_folded_form_posted_with_only_the_visible_fields(plan, professional, login):
    client = login(professional)
    page = add_page(client, plan, scenario="current")
    html = page.content.decode()
    shown, folded = html.split('<details class="costs-more-fields"')
    folded = folded.split("</details>")[0]
    for name in ("scenario", "item", "quantity"):
        assert f'name="{name}"' in shown
    for name in ("manual_price", "funding_stream", "cashable", "description", "quantity_low", "probability"):
        assert f'name="{name}"' in folded
    assert not folded.startswith(" open")
    value = next(v for v, text in price_options(page) if text.startswith("Huisartsconsult"))
    response = add_form(page).submit(client, {"item": value, "quantity": "6"})
    assert response.status_code == 302
    line = CostLine.objects.get(plan=plan)
    assert line.funding_stream == "zvw" and line.probability == 1 and line.cashable  # from the post


def test_threatening_shows_the_probability(plan, professional, login):
    html = add_page(login(professional), plan, scenario="threatening").content.decode()
    shown = html.split('<details class="costs-more-fields"')[0]
    assert 'name="probability"' in shown


def test_folded_fields_open_when_one_has_an_error(plan, professional, login):
    client = login(professional)
    page = add_page(client, plan, scenario="plan")
    response = add_form(page).submit(client, {"quantity": "1", "description": "Kosten van de uitzondering"})
    assert response.status_code == 400
    html = response.content.decode()
    assert '<details class="costs-more-fields" open>' in html
    assert "Kies een financieringsstroom." in html  # a free line has no post to follow
    # the user fills in the folded fields and posts the form again as it came back
    again = add_form(response).submit(client, {"funding_stream": "gemeente_overig", "manual_price": "450"})
    assert again.status_code == 302
    assert CostLine.objects.get(plan=plan).unit_price == Decimal("450.00")


def test_edit_form_is_folded_too_and_keeps_the_own_post(plan, professional, login, tariffs):
    client = login(professional)
    page = add_page(client, plan, scenario="plan", q="maatjes")
    add_form(page).submit(client, {"item": price_options(page)[0][0], "quantity": "10"})
    line = CostLine.objects.get(plan=plan)
    edit = client.get(reverse("costs:line_edit", args=[plan.pk, line.pk]))
    assert '<details class="costs-more-fields"' in edit.content.decode()
    form = rendered_form(edit, action_contains=reverse("costs:line_edit", args=[plan.pk, line.pk]))
    assert form.data()["item"] == [f"eigen-{tariffs['own'].pk}"]
    assert form.submit(client, {"quantity": "12"}).status_code == 302
    line.refresh_from_db()
    assert line.quantity == 12 and line.tariff == tariffs["own"]


# --- accepting suggestions -----------------------------------------------------------------------------------
def suggestions_page(client, plan):
    page = client.get(reverse("costs:plan_return", args=[plan.pk]))
    return page, rendered_form(page, action_contains=reverse("costs:suggestion_add", args=[plan.pk]))


def test_accept_several_suggested_lines_at_once(plan, professional, login):
    plan.tags.add(Tag.objects.get(code="dreigende_ontruiming"), Tag.objects.get(code="budgetbeheer"))
    client = login(professional)
    page, form = suggestions_page(client, plan)
    keys = [value for name, value in _boxes(page)]
    assert len(keys) >= 3
    response = form.submit(client, {"selected": keys[:3]}, button="Geselecteerde toevoegen")
    assert response.status_code == 302
    assert CostLine.objects.filter(plan=plan).count() == 3
    follow = client.get(response.url).content.decode()
    assert "3 voorgestelde regels toegevoegd." in follow
    assert AuditEvent.objects.filter(action="costs.line.add", object_id=str(plan.pk)).count() == 3
    # the accepted lines are no longer offered; the rest still are, and "Toevoegen" on one still works
    page, form = suggestions_page(client, plan)
    left = [value for _name, value in _boxes(page)]
    assert not set(keys[:3]) & set(left)
    if left:
        assert form.submit(client, button="Toevoegen").status_code == 302
        assert CostLine.objects.filter(plan=plan).count() == 4


def test_accept_several_is_all_or_nothing_and_names_the_line(plan, professional, login):
    unpriced = PriceItem.objects.create(
        code="zonder_prijs", name="Post zonder prijs", unit="keer", funding_stream="wmo", life_domain="algemeen"
    )
    SuggestionRule.objects.create(tag_codes="budgetbeheer", item=unpriced, scenario="plan", quantity=1, probability=1)
    plan.tags.add(Tag.objects.get(code="budgetbeheer"))
    client = login(professional)
    page, form = suggestions_page(client, plan)
    keys = [value for _name, value in _boxes(page)]
    assert f"plan:{unpriced.pk}" in keys and len(keys) >= 2
    response = form.submit(client, {"selected": keys}, button="Geselecteerde toevoegen")
    assert response.status_code == 400
    html = unescape(response.content.decode())
    assert "'Post zonder prijs' (Met het plan) kon niet worden toegevoegd" in html
    assert "Er is niets toegevoegd." in html
    assert not CostLine.objects.filter(plan=plan).exists()
    # nothing ticked
    response = form.submit(client, button="Geselecteerde toevoegen")
    assert response.status_code == 400 and "Kies eerst een of meer voorgestelde regels." in response.content.decode()


def test_a_suggestion_accepted_twice_is_refused(plan, professional, login):
    plan.tags.add(Tag.objects.get(code="budgetbeheer"))
    client = login(professional)
    _page, form = suggestions_page(client, plan)
    assert form.submit(client, button="Toevoegen").status_code == 302
    response = form.submit(client, button="Toevoegen")  # the same, stale page (a second tab, a double click)
    assert response.status_code == 400
    assert "hoort niet (meer) bij dit plan" in response.content.decode()
    assert CostLine.objects.filter(plan=plan).count() == 1


def test_accepting_suggestions_roles_and_tenants(
    plan, professional, manager, outsider, colleague, team_lead, doorbraakteam, login
):
    plan.tags.add(Tag.objects.get(code="dreigende_ontruiming"), Tag.objects.get(code="budgetbeheer"))
    page, form = suggestions_page(login(professional), plan)
    data = form.data({"selected": [_boxes(page)[0][1]]})
    url = form.action
    assert login(manager).post(url, data).status_code == 403
    assert login(doorbraakteam).post(url, data).status_code == 404  # a draft is not theirs to see
    assert login(outsider).post(url, data).status_code == 404
    assert login(colleague).post(url, data).status_code == 404
    assert not CostLine.objects.filter(plan=plan).exists()
    assert login(team_lead).post(url, data, follow=False).status_code == 302  # the team lead may edit
    assert CostLine.objects.filter(plan=plan).count() == 1


def test_suggestions_of_another_municipality_are_404(outsider_plan, professional, login):
    outsider_plan.tags.add(Tag.objects.get(code="budgetbeheer"))
    url = reverse("costs:suggestion_add", args=[outsider_plan.pk])
    assert login(professional).post(url, {"add": "plan:1"}).status_code == 404


def _boxes(page) -> list[tuple[str, str]]:
    """The suggestion checkboxes the page renders, as (name, value)."""
    return [("selected", chunk.split('"')[0]) for chunk in page.content.decode().split('name="selected" value="')[1:]]


# --- honest prefill from the helper inventory ----------------------------------------------------------------
@pytest.fixture
def helpers(plan):
    HelperFactory(plan=plan, agency="Bewindvoerder Jansen", role="Beschermingsbewind", life_domain="schulden")
    HelperFactory(plan=plan, agency="Schuldhulp Voorbeeldstad", role="Schuldhulpverlener", life_domain="schulden")
    HelperFactory(plan=plan, agency="GGZ Oost", role="Behandelaar", life_domain="psychische_gezondheid")
    HelperFactory(plan=plan, agency="Woningcorporatie De Hoek", role="Verhuurder", life_domain="wonen")
    HelperFactory(plan=plan, agency="Basisschool De Linde", role="Intern begeleider", life_domain="onderwijs")


def prefill(client, plan):
    page = client.get(reverse("costs:plan_return", args=[plan.pk]))
    form = rendered_form(page, action_contains=reverse("costs:scenario_prefill", args=[plan.pk]))
    return form.submit(client)


def test_prefill_invents_no_quantities_and_no_zero_price_lines(plan, professional, login, helpers):
    client = login(professional)
    response = prefill(client, plan)
    assert response.status_code == 302
    lines = {line.description: line for line in CostLine.objects.filter(plan=plan, scenario=Scenario.CURRENT)}
    # a matching post only; the corporation has none, and "begeleider" at a school is no Wmo support
    assert set(lines) == {"Bewindvoerder Jansen", "Schuldhulp Voorbeeldstad", "GGZ Oost"}
    assert lines["Schuldhulp Voorbeeldstad"].quantity == 1  # the post's unit is one trajectory
    assert lines["Bewindvoerder Jansen"].quantity == 0 and lines["GGZ Oost"].quantity == 0  # left to the user
    for line in lines.values():
        assert line.needs_confirmation and line.item_id and line.unit_price > 0
        assert line.price_origin != PriceOrigin.FREE
    page = client.get(response.url).content.decode()
    assert "3 regels overgenomen uit de hulpverleners" in page
    assert "Vul bij 2 regels het aantal in." in page
    assert "Geen passende post voor: Woningcorporatie De Hoek, Basisschool De Linde" in page
    assert page.count("schatting, controleer") == 3 and page.count("aantal invullen") == 2


def test_prefill_uses_the_local_tariff_when_there_is_one(plan, professional, functional_admin, login, helpers):
    traject = item("sh_traject")
    start = plan.created_at.date().replace(month=1, day=1)
    make_tariff(
        plan.organisation,
        functional_admin,
        item=traject,
        name="Schuldhulp",
        amount="2900.00",
        unit="traject",
        stream="schuldhulp",
        valid_from=start,
    )
    prefill(login(professional), plan)
    line = CostLine.objects.get(plan=plan, item=traject)
    assert line.price_origin == PriceOrigin.TARIFF and line.unit_price == Decimal("2900.00")


def test_prefill_without_any_match_makes_no_lines(plan, professional, login):
    HelperFactory(plan=plan, agency="Woningcorporatie", role="Verhuurder", life_domain="wonen")
    response = prefill(login(professional), plan)
    assert response.status_code == 400
    assert "Geen van de hulpverleners past bij een post" in response.content.decode()
    assert not CostLine.objects.filter(plan=plan).exists()


def test_confirm_clears_the_mark_edit_clears_it_too(plan, professional, login, helpers):
    client = login(professional)
    prefill(client, plan)
    page = client.get(reverse("costs:plan_return", args=[plan.pk]))
    traject = CostLine.objects.get(plan=plan, description="Schuldhulp Voorbeeldstad")
    # only the line with a quantity has a "Klopt" button
    confirm = rendered_form(page, action_contains="/bevestigen/")
    assert confirm.action == reverse("costs:line_confirm", args=[plan.pk, traject.pk])
    with pytest.raises(AssertionError):
        rendered_form(page, action_contains="/bevestigen/", index=1)
    assert confirm.submit(client).status_code == 302
    traject.refresh_from_db()
    assert not traject.needs_confirmation
    # a line without a quantity: the professional fills it in through the edit form
    ggz = CostLine.objects.get(plan=plan, description="GGZ Oost")
    edit = client.get(reverse("costs:line_edit", args=[plan.pk, ggz.pk]))
    form = rendered_form(edit, action_contains=reverse("costs:line_edit", args=[plan.pk, ggz.pk]))
    assert form.submit(client, {"quantity": "18"}).status_code == 302
    ggz.refresh_from_db()
    assert ggz.quantity == 18 and not ggz.needs_confirmation
    assert client.get(reverse("costs:plan_return", args=[plan.pk])).content.decode().count("schatting, controleer") == 1


def test_confirming_a_line_without_quantity_is_refused(plan, professional, manager, outsider, login, helpers):
    client = login(professional)
    prefill(client, plan)
    line = CostLine.objects.get(plan=plan, description="Bewindvoerder Jansen")
    url = reverse("costs:line_confirm", args=[plan.pk, line.pk])
    assert login(manager).post(url, {"version": line.version}).status_code == 403
    assert login(outsider).post(url, {"version": line.version}).status_code == 404
    response = login(professional).post(url, {"version": line.version})
    assert response.status_code == 400
    assert "Vul eerst het aantal in bij 'Bewindvoerder Jansen'" in unescape(response.content.decode())
    line.refresh_from_db()
    assert line.needs_confirmation


def test_copy_to_threatening_as_rendered_keeps_the_mark(plan, professional, login, helpers):
    client = login(professional)
    prefill(client, plan)
    page = client.get(reverse("costs:plan_return", args=[plan.pk]))
    copy = rendered_form(page, action_contains=reverse("costs:scenario_copy", args=[plan.pk]))
    assert copy.submit(client).status_code == 302
    copied = CostLine.objects.filter(plan=plan, scenario=Scenario.THREATENING)
    assert copied.count() == 3 and all(line.needs_confirmation for line in copied)


def test_accept_all_shown_suggestions_in_one_click(plan, professional, login):
    plan.tags.add(Tag.objects.get(code="dreigende_ontruiming"), Tag.objects.get(code="budgetbeheer"))
    client = login(professional)
    page, form = suggestions_page(client, plan)
    shown = len(_boxes(page))
    response = form.submit(client, button=f"Alle {shown} voorgestelde regels toevoegen")
    assert response.status_code == 302
    assert CostLine.objects.filter(plan=plan).count() == shown
    assert "Voorgestelde regels" not in client.get(response.url).content.decode()  # nothing left to suggest


def test_a_single_suggestion_has_no_checkboxes(plan, professional, login):
    plan.tags.add(Tag.objects.get(code="budgetbeheer"))
    page, form = suggestions_page(login(professional), plan)
    assert _boxes(page) == [] and "Geselecteerde toevoegen" not in page.content.decode()
    assert form.submit(login(professional), button="Toevoegen").status_code == 302
