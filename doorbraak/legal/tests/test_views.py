from html.parser import HTMLParser

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from doorbraak.audit.models import AuditEvent
from doorbraak.households.tests.factories import HouseholdFactory
from doorbraak.legal import selectors
from doorbraak.legal.models import Citation, LegalArticle, LocalArticle, LocalImport, PlanLegalBasis
from doorbraak.legal.services import citation_add, national_article_save
from doorbraak.plans.models import Tag
from doorbraak.plans.tests.factories import NeedFactory, PlanFactory

from .factories import LocalArticleFactory

pytestmark = pytest.mark.django_db


def article(key="Pw 35"):
    law_short, number = key.rsplit(" ", 1)
    return LegalArticle.objects.filter(law_short=law_short, article=number).first()


# Legitimacy page ----------------------------------------------------------------------------


def test_legitimacy_page_shows_suggestions_with_reasons(plan, professional, login):
    response = login(professional).get(reverse("legal:plan_legitimacy", args=[plan.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Waarom:" in html and "huurachterstand" in html
    assert "Gesloten argumenten" in html and "Dat mag niet van de wet." in html
    assert AuditEvent.objects.filter(action="legal.read", object_id=str(plan.pk)).exists()


def test_legitimacy_heading_names_the_household_reference(plan, professional, login):
    html = login(professional).get(reverse("legal:plan_legitimacy", args=[plan.pk])).content.decode()
    ref = plan.household.reference
    assert f'Legitimiteit <span class="badge">{ref}</span></h1>' in html
    assert f"<title>Legitimiteit · {ref}" in html


def test_suggestion_reasons_show_life_domain_labels_not_codes(plan, professional, login):
    NeedFactory(plan=plan, life_domain="opvoeden_opgroeien", description="Jeugdhulp voor de kinderen.")
    NeedFactory(plan=plan, life_domain="psychische_gezondheid", description="Behandeling bij de GGZ.")
    html = login(professional).get(reverse("legal:plan_legitimacy", args=[plan.pk])).content.decode()
    assert "Opvoeden en opgroeien" in html or "Psychische gezondheid" in html
    assert "leefgebied" in html
    assert "opvoeden_opgroeien" not in html and "psychische_gezondheid" not in html


def test_domain_labels_translates_codes_in_order():
    from doorbraak.legal.suggestions import domain_labels

    assert domain_labels(["wonen", "opvoeden_opgroeien", "onbekend"]) == ["Wonen", "Opvoeden en opgroeien", "onbekend"]


def test_legitimacy_page_roles_and_tenancy(plan, team_lead, doorbraakteam, manager, policy_analyst, outsider, login):
    url = reverse("legal:plan_legitimacy", args=[plan.pk])
    assert login(team_lead).get(url).status_code == 200
    assert login(manager).get(url).status_code == 403
    assert login(policy_analyst).get(url).status_code == 403
    assert login(outsider).get(url).status_code == 404


def test_suggestions_follow_block_1(plan, professional, login):
    client = login(professional)
    url = reverse("legal:plan_legitimacy", args=[plan.pk])
    assert "Wet BRP art. 2.41" not in client.get(url).content.decode()
    plan.situation = "Vrouw in de vrouwenopvang na huiselijk geweld; haar ex-partner mag niet weten waar ze woont."
    plan.breakthrough_description = "Een geheim adres en urgentie voor een woning."
    plan.save()
    html = client.get(url, HTTP_HX_REQUEST="true", data={"partial": "suggestions"}).content.decode()
    assert "Wet BRP art. 2.41" in html
    assert "<html" not in html  # the HTMX partial only


def test_local_articles_are_suggested_only_in_their_municipality(plan, outsider_plan, professional, outsider, login):
    LocalArticleFactory(
        organisation=plan.organisation,
        regulation_title="Beleidsregels huurachterstand Voorbeeldstad",
        keywords=["huurachterstand", "ontruiming"],
        life_domains=["wonen", "schulden"],
        heading="Huurachterstand overnemen",
        summary="Het college kan een huurachterstand overnemen.",
    )
    html = login(professional).get(reverse("legal:plan_legitimacy", args=[plan.pk])).content.decode()
    assert "Beleidsregels huurachterstand Voorbeeldstad" in html
    other = login(outsider).get(reverse("legal:plan_legitimacy", args=[outsider_plan.pk])).content.decode()
    assert "Beleidsregels huurachterstand Voorbeeldstad" not in other


def test_co_selection_is_explained(plan, professional, login):
    tag = Tag.objects.get(kind="problem", code="huurachterstand")
    plan.tags.add(tag)
    pw48 = article("Pw 48")
    for _ in range(4):
        earlier = PlanFactory(household=HouseholdFactory(team=plan.team), owner=professional)
        earlier.tags.add(tag)
        citation_add(actor=professional, plan=earlier, article=pw48, application="may")
    html = login(professional).get(reverse("legal:plan_legitimacy", args=[plan.pk])).content.decode()
    assert "Gekozen in 4 van 4 eerdere plannen met het label 'Huurachterstand'" in html


class _Forms(HTMLParser):
    """The forms inside the element with id ``scope``: (action, {name: value}) of their inputs."""

    def __init__(self, scope):
        super().__init__()
        self.scope, self.depth, self.forms = scope, 0, []

    VOID = frozenset({"input", "br", "img", "meta", "link", "hr"})

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag not in self.VOID and (self.depth or attrs.get("id") == self.scope):
            self.depth += 1
        if not self.depth:
            return
        if tag == "form":
            self.forms.append((attrs.get("action"), {}))
        elif tag == "input" and self.forms and attrs.get("name"):
            self.forms[-1][1][attrs["name"]] = attrs.get("value", "")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if self.depth and tag not in self.VOID:
            self.depth -= 1

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1


def forms_in(html: str, scope: str):
    parser = _Forms(scope)
    parser.feed(html)
    return parser.forms


def test_general_grounds_panel_is_always_shown_and_not_in_the_list(plan, professional, login):
    html = login(professional).get(reverse("legal:plan_legitimacy", args=[plan.pk])).content.decode()
    assert "Algemene gronden" in html
    panel = html[html.index('id="general-title"') : html.index('<ol class="utrecht-ordered-list legal-suggestions">')]
    listed = html[html.index('<ol class="utrecht-ordered-list legal-suggestions">') :]
    for label in ("Awb art. 3:2", "Awb art. 3:4", "Awb art. 3:46", "Awb art. 4:84"):
        assert label in panel
        assert f"{label} —" not in listed  # not a ranked suggestion
    assert "In gewone taal:" in panel


def test_general_ground_is_cited_in_one_click_by_posting_what_the_page_renders(plan, professional, login):
    client = login(professional)
    html = client.get(reverse("legal:plan_legitimacy", args=[plan.pk])).content.decode()
    forms = forms_in(html, "general-title-panel")
    assert len(forms) == 4, forms
    action, data = next((a, d) for a, d in forms if d["article_ref"] == f"n:{article('Awb 4:84').pk}")
    assert set(data) == {"csrfmiddlewaretoken", "article_ref", "application"}  # nothing to fill in
    response = client.post(action, data)
    assert response.status_code == 302
    citation = Citation.objects.get(plan=plan)
    assert citation.key == "Awb 4:84" and citation.application == "hardship"
    after = client.get(reverse("legal:plan_legitimacy", args=[plan.pk])).content.decode()
    assert len(forms_in(after, "general-title-panel")) == 3 and "Al gekozen." in after


def test_general_grounds_panel_is_read_only_once_the_plan_left_concept(plan, professional, login):
    plan.status = "submitted"
    plan.save(update_fields=["status"])
    response = login(professional).get(reverse("legal:plan_legitimacy", args=[plan.pk]))
    assert response.status_code == 200
    assert "Algemene gronden" in response.content.decode()
    assert forms_in(response.content.decode(), "general-title-panel") == []


def test_suggestions_show_situations_plain_language_and_the_matching_sentence(plan, professional, login):
    pw48 = article("Pw 48")
    LegalArticle.objects.filter(pk=pw48.pk).update(
        situations="De corporatie wil het huis ontruimen door een huurachterstand. Er is geen inkomen.",
        plain_language="De gemeente kan een schuld overnemen als lening.",
        version=pw48.version + 1,
    )
    LocalArticleFactory(
        organisation=plan.organisation,
        regulation_title="Beleidsregels huurachterstand Voorbeeldstad",
        keywords=["huurachterstand", "ontruiming"],
        life_domains=["wonen", "schulden"],
        heading="Huurachterstand overnemen",
        summary="Het college kan een huurachterstand overnemen.",
        situations="Een gezin met kinderen dreigt uit huis gezet te worden.",
        plain_language="Het college kan de huurschuld betalen.",
    )
    html = login(professional).get(reverse("legal:plan_legitimacy", args=[plan.pk])).content.decode()
    assert "De gemeente kan een schuld overnemen als lening." in html  # national plain language
    assert "Het college kan de huurschuld betalen." in html  # local plain language
    assert "Situaties waarin dit artikel ruimte geeft" in html
    assert "Past bij de situatie: “De corporatie wil het huis ontruimen door een huurachterstand.”" in html


# Citing ------------------------------------------------------------------------------------------


def test_cite_update_and_delete(plan, professional, login):
    client = login(professional)
    pw35 = article("Pw 35")
    url = reverse("legal:citation_add", args=[plan.pk])
    response = client.post(url, {"article_ref": f"n:{pw35.pk}", "application": "must", "motivation": ""})
    assert response.status_code == 302
    citation = Citation.objects.get(plan=plan)
    assert citation.law_short == "Pw" and citation.heading == pw35.heading and citation.url == pw35.canonical_url
    assert not selectors.legal_side_complete(plan=plan)
    client.post(url, {"article_ref": f"n:{pw35.pk}", "application": "must"})  # double submit
    assert Citation.objects.filter(plan=plan).count() == 1

    update = reverse("legal:citation_update", args=[plan.pk, citation.pk])
    prefix = f"c{citation.pk}"
    client.post(
        update,
        {f"{prefix}-application": "may", f"{prefix}-motivation": "Kosten zijn noodzakelijk.", f"{prefix}-version": 0},
    )
    citation.refresh_from_db()
    assert citation.application == "may" and citation.version == 1
    # The article now says how it applies; the side also needs the motivation paragraph to be complete.
    assert selectors.legal_missing(plan=plan) == [str(selectors.MOTIVATION_MISSING)]
    response = client.post(
        update, {f"{prefix}-application": "must", f"{prefix}-motivation": "Oud", f"{prefix}-version": 0}, follow=True
    )
    assert "intussen gewijzigd" in response.content.decode()
    citation.refresh_from_db()
    assert citation.motivation == "Kosten zijn noodzakelijk."

    client.post(reverse("legal:citation_delete", args=[plan.pk, citation.pk]))
    assert not Citation.objects.filter(plan=plan).exists()


def test_citation_keeps_the_version_used(plan, professional, national_admin, login):
    pw35 = article("Pw 35")
    citation = citation_add(actor=professional, plan=plan, article=pw35, application="must", motivation="x")
    old_heading = pw35.heading
    national_article_save(actor=national_admin, article=pw35, data={"heading": "Gewijzigde kop"})
    login(national_admin).post(reverse("legal:national_retire", args=[pw35.pk]))
    citation.refresh_from_db()
    assert citation.heading == old_heading and citation.retired_at is None
    assert citation.article_changed_since
    html = login(professional).get(reverse("legal:plan_legitimacy", args=[plan.pk])).content.decode()
    assert old_heading in html and "zoals geciteerd" in html
    assert list(selectors.citations_for_plan(plan=plan)) == [citation]


def test_cite_rules(plan, outsider_plan, professional, colleague, team_lead, doorbraakteam, manager, outsider, login):
    pw35 = article("Pw 35")
    data = {"article_ref": f"n:{pw35.pk}", "application": "must"}
    assert login(colleague).post(reverse("legal:citation_add", args=[plan.pk]), data).status_code == 404
    plan.status = "submitted"
    plan.save()
    assert login(doorbraakteam).post(reverse("legal:citation_add", args=[plan.pk]), data).status_code == 403
    assert login(manager).post(reverse("legal:citation_add", args=[plan.pk]), data).status_code == 403
    assert login(outsider).post(reverse("legal:citation_add", args=[plan.pk]), data).status_code == 404
    plan.status = "concept"
    plan.save()
    assert login(team_lead).post(reverse("legal:citation_add", args=[plan.pk]), data).status_code == 302
    assert Citation.objects.filter(plan=plan, national_article=pw35).exists()
    # Another municipality's local article cannot be cited.
    foreign = LocalArticleFactory(organisation=outsider_plan.organisation)
    response = login(professional).post(
        reverse("legal:citation_add", args=[plan.pk]), {"article_ref": f"l:{foreign.pk}", "application": "may"}
    )
    assert response.status_code == 404
    # Retired articles cannot be cited.
    retired = article("Pw 48")
    retired.retired_at = retired.valid_from or __import__("datetime").date(2025, 1, 1)
    retired.save()
    response = login(professional).post(
        reverse("legal:citation_add", args=[plan.pk]), {"article_ref": f"n:{retired.pk}", "application": "may"}
    )
    assert response.status_code == 404


@pytest.mark.parametrize("status", ["submitted", "approved", "in_progress"])
def test_legal_side_is_locked_after_concept(plan, professional, login, status):
    """Past 'concept' the citations and motivation lie fixed: services refuse, the page is read-only."""
    from django.core.exceptions import ValidationError

    from doorbraak.legal import services

    citation = citation_add(actor=professional, plan=plan, article=article("Pw 35"), application="must", motivation="m")
    basis = services.motivation_save(actor=professional, plan=plan, motivation="Vaste tekst.", version=0)
    plan.status = status
    plan.save()
    calls = [
        lambda: citation_add(actor=professional, plan=plan, article=article("Pw 48"), application="may"),
        lambda: services.citation_update(
            actor=professional, citation=citation, application="may", motivation="x", version=citation.version
        ),
        lambda: services.citation_delete(actor=professional, citation=citation),
        lambda: services.motivation_save(actor=professional, plan=plan, motivation="Nieuw.", version=basis.version),
    ]
    for call in calls:
        with pytest.raises(ValidationError, match="liggen vast"):
            call()

    client = login(professional)
    url = reverse("legal:plan_legitimacy", args=[plan.pk])
    html = client.get(url).content.decode()
    assert "liggen vast" in html
    assert "Kies dit artikel" not in html and "Motivering opslaan" not in html and "Verwijderen" not in html
    assert "Vaste tekst." in html and "Pw art. 35" in html

    pw48 = article("Pw 48")
    posts = [
        (reverse("legal:citation_add", args=[plan.pk]), {"article_ref": f"n:{pw48.pk}", "application": "may"}),
        (
            reverse("legal:citation_update", args=[plan.pk, citation.pk]),
            {f"c{citation.pk}-application": "may", f"c{citation.pk}-motivation": "x", f"c{citation.pk}-version": 0},
        ),
        (reverse("legal:citation_delete", args=[plan.pk, citation.pk]), {}),
        (reverse("legal:motivation", args=[plan.pk]), {"motivation": "Nieuw.", "version": 1, "action": "save"}),
        (reverse("legal:motivation", args=[plan.pk]), {"motivation": "", "version": 1, "action": "draft"}),
    ]
    for post_url, data in posts:
        response = client.post(post_url, data, follow=True)
        assert response.status_code == 200
        assert "liggen vast" in response.content.decode() or "ligt vast" in response.content.decode()
    citation.refresh_from_db()
    assert list(Citation.objects.filter(plan=plan)) == [citation]
    assert (citation.application, citation.motivation) == ("must", "m")
    assert PlanLegalBasis.objects.get(plan=plan).motivation == "Vaste tekst."


def test_motivation_draft_save_and_conflict(plan, professional, outsider, manager, login):
    client = login(professional)
    citation_add(actor=professional, plan=plan, article=article("Pw 35"), application="must", motivation="noodzakelijk")
    url = reverse("legal:motivation", args=[plan.pk])
    response = client.post(url, {"motivation": "", "version": 0, "action": "draft"})
    assert response.status_code == 200
    assert "Pw art. 35" in response.content.decode()
    assert not PlanLegalBasis.objects.filter(plan=plan).exists()
    assert client.post(url, {"motivation": "Onze motivering.", "version": 0, "action": "save"}).status_code == 302
    basis = PlanLegalBasis.objects.get(plan=plan)
    assert basis.motivation == "Onze motivering." and basis.version == 1
    response = client.post(url, {"motivation": "Oude basis", "version": 0, "action": "save"})
    assert response.status_code == 409
    basis.refresh_from_db()
    assert basis.motivation == "Onze motivering."
    assert login(manager).post(url, {"motivation": "x", "version": 1}).status_code == 403
    assert login(outsider).post(url, {"motivation": "x", "version": 1}).status_code == 404


def test_includes_render_for_documents(plan, professional):
    from django.template.loader import render_to_string

    citation_add(actor=professional, plan=plan, article=article("Awb 4:84"), application="hardship", motivation="m")
    context = {
        "plan": plan,
        "citations": list(selectors.citations_for_plan(plan=plan)),
        "legal_basis": selectors.legal_basis_for_plan(plan=plan),
    }
    html = render_to_string("legal/_legal_basis.html", context)
    assert "Awb art. 4:84" in html and "https://wetten.overheid.nl/jci1.3:c:BWBR0005537&amp;artikel=4:84" in html
    printed = render_to_string(
        "legal/_closed_arguments.html", {"print": True, "closed_arguments": selectors.closed_arguments()}
    )
    assert printed.count("closed-arguments__stopper") == 10 and "<details" not in printed
    assert len(selectors.closed_arguments()) == 10


# National law base --------------------------------------------------------------------------------


def test_national_admin_manages_articles(national_admin, professional, functional_admin, login):
    client = login(national_admin)
    assert client.get(reverse("legal:national_list")).status_code == 200
    data = {
        "law_short": "Wet X",
        "law_title": "Wet van de test",
        "bwb_id": "BWBR0000001",
        "article": "7",
        "paragraph": "",
        "heading": "Testkop",
        "room_for_maatwerk": "Ruimte.",
        "kind": "bevoegdheid",
        "life_domains": ["wonen"],
        "keywords": "urgentie; woning",
        "source_url": "",
        "verified": "yes",
        "valid_from": "2025-01-01",
        "valid_until": "",
    }
    assert client.post(reverse("legal:national_create"), data).status_code == 302
    created = LegalArticle.objects.get(law_short="Wet X")
    assert created.keywords == ["urgentie", "woning"] and created.valid_from.isoformat() == "2025-01-01"
    data["heading"] = "Nieuwe kop"
    assert client.post(reverse("legal:national_edit", args=[created.pk]), data).status_code == 302
    created.refresh_from_db()
    assert created.heading == "Nieuwe kop" and created.version == 2
    assert client.post(reverse("legal:national_retire", args=[created.pk])).status_code == 302
    created.refresh_from_db()
    assert created.retired_at is not None
    for user in (professional, functional_admin):
        assert login(user).get(reverse("legal:national_list")).status_code == 403
        assert login(user).post(reverse("legal:national_retire", args=[created.pk])).status_code == 403


# Local regulations --------------------------------------------------------------------------------


LOCAL_DATA = {
    "regulation_title": "Huisvestingsverordening Voorbeeldstad",
    "regulation_type": "verordening",
    "cvdr_id": "CVDR123456",
    "article": "2.5",
    "heading": "Hardheidsclausule urgentie",
    "summary": "Het college kan afwijken.",
    "kind": "hardheidsclausule",
    "life_domains": ["wonen"],
    "keywords": "urgentie",
    "valid_from": "",
    "valid_until": "",
}


def test_functional_admin_manages_local_articles(functional_admin, outsider_admin, professional, login):
    client = login(functional_admin)
    assert client.get(reverse("legal:local_list")).status_code == 200
    assert client.post(reverse("legal:local_create"), LOCAL_DATA).status_code == 302
    local = LocalArticle.objects.get(cvdr_id="CVDR123456")
    assert local.organisation == functional_admin.membership.organisation
    assert local.canonical_url == "https://lokaleregelgeving.overheid.nl/CVDR123456"
    assert client.post(reverse("legal:local_create"), LOCAL_DATA).status_code == 200  # duplicate refused
    assert (
        client.post(reverse("legal:local_edit", args=[local.pk]), {**LOCAL_DATA, "summary": "Anders"}).status_code
        == 302
    )
    assert client.post(reverse("legal:local_retire", args=[local.pk])).status_code == 302
    local.refresh_from_db()
    assert local.summary == "Anders" and local.retired_at is not None and local.version == 3
    # Another municipality: not visible (404); other roles: 403.
    other = login(outsider_admin)
    assert other.get(reverse("legal:local_edit", args=[local.pk])).status_code == 404
    assert other.post(reverse("legal:local_retire", args=[local.pk])).status_code == 404
    listing = other.get(reverse("legal:local_list")).content.decode()
    assert reverse("legal:local_edit", args=[local.pk]) not in listing
    assert login(professional).get(reverse("legal:local_list")).status_code == 403
    assert login(professional).get(reverse("legal:local_import")).status_code == 403


CSV_OK = (
    "regulation_title,regulation_type,cvdr_id,article,heading,summary,kind,life_domains,keywords,valid_from,valid_until\n"
    "Beleidsregels bijzondere bijstand,beleidsregel,CVDR1,4,Huurachterstand,Overname huurachterstand.,"
    "voorziening,wonen;schulden,huurachterstand;ontruiming,2024-01-01,\n"
    "Beleidsregels bijzondere bijstand,beleidsregel,CVDR1,9,Hardheid,Afwijken kan.,hardheidsclausule,algemeen,,,\n"
)


def upload(client, text):
    return client.post(reverse("legal:local_import"), {"file": SimpleUploadedFile("r.csv", text.encode())})


def test_local_import_preview_then_confirm(functional_admin, outsider_admin, login):
    client = login(functional_admin)
    response = upload(client, CSV_OK)
    assert response.status_code == 302
    staged = LocalImport.objects.get()
    preview = client.get(response.url)
    assert preview.status_code == 200 and "Overname huurachterstand." in preview.content.decode()
    assert not LocalArticle.objects.exists()
    assert login(outsider_admin).get(response.url).status_code == 404
    assert login(outsider_admin).post(response.url).status_code == 404
    assert login(functional_admin).post(response.url).status_code == 302
    assert LocalArticle.objects.filter(organisation=functional_admin.membership.organisation).count() == 2
    assert not LocalImport.objects.filter(pk=staged.pk).exists()


def test_local_import_reads_situations_and_plain_language(functional_admin, login):
    client = login(functional_admin)
    text = (
        "regulation_title,article,summary,kind,situations,plain_language\n"
        'Beleidsregels schulden,3,Het college kan afwijken.,hardheidsclausule,"Ze krijgt haar geld pas laat.",'
        "Het college mag afwijken.\n"
    )
    response = upload(client, text)
    assert login(functional_admin).post(response.url).status_code == 302
    local = LocalArticle.objects.get(organisation=functional_admin.membership.organisation)
    assert local.situations == "Ze krijgt haar geld pas laat." and local.plain_language == "Het college mag afwijken."


def test_article_forms_edit_situations_and_plain_language(national_admin, functional_admin, login):
    article_pk = LegalArticle.objects.first().pk
    for user, url in [
        (national_admin, reverse("legal:national_edit", args=[article_pk])),
        (functional_admin, reverse("legal:local_create")),
    ]:
        html = login(user).get(url).content.decode()
        assert 'name="situations"' in html and 'name="plain_language"' in html, url


def test_local_import_with_errors_stores_nothing(functional_admin, login):
    client = login(functional_admin)
    bad = CSV_OK + "Beleidsregels bijzondere bijstand,beleidsregel,,10,,Iets.,onzin,maan,,2024-13-01,\n"
    response = upload(client, bad)
    preview = client.get(response.url).content.decode()
    assert "Regel" in preview and "onbekende soort" in preview and "onbekend leefgebied" in preview
    assert "regels opslaan" not in preview
    response = client.post(response.url, follow=True)
    assert "bevat fouten" in response.content.decode()
    assert not LocalArticle.objects.exists()


def test_local_import_rejects_wrong_header(functional_admin, login):
    client = login(functional_admin)
    response = upload(client, "naam,tekst\nx,y\n")
    assert "Kolommen ontbreken" in client.get(response.url).content.decode()


def test_article_forms_use_a_dutch_empty_choice(national_admin, functional_admin, login):
    article_pk = LegalArticle.objects.first().pk
    pages = [
        (national_admin, reverse("legal:national_create")),
        (national_admin, reverse("legal:national_edit", args=[article_pk])),
        (functional_admin, reverse("legal:local_create")),
    ]
    for user, url in pages:
        html = login(user).get(url).content.decode()
        assert "---------" not in html, url
        assert "— kies —" in html, url


def test_a_household_with_a_child_finds_the_childs_best_interests_in_the_panel(plan, professional, login):
    """IVRK 3 applies to every decision that concerns a child: for a household with a member under 18 the panel
    offers it (unless the list holds it already), and citing it is one click on the form the page renders."""
    from django.utils import timezone

    from doorbraak.households.tests.factories import HouseholdMemberFactory
    from tests.pageforms import rendered_forms

    plan.situation = "Man van 52 met een energieschuld; de leverancier dreigt af te sluiten."
    plan.breakthrough_description = "De gemeente betaalt de schuld aan de leverancier voor."
    plan.save(update_fields=["situation", "breakthrough_description"])
    client = login(professional)
    url = reverse("legal:plan_legitimacy", args=[plan.pk])
    ivrk3 = article("IVRK 3")
    before = client.get(url)
    assert f'value="n:{ivrk3.pk}"' not in panel_html(before.content.decode())
    HouseholdMemberFactory(household=plan.household, role="child", birth_year=timezone.localdate().year - 9)
    page = client.get(url)
    html = page.content.decode()
    listed = html[html.index('<ol class="utrecht-ordered-list legal-suggestions">') :]
    assert "IVRK art. 3 lid 1 —" not in listed  # this plan (an energy debt) does not rank it in its ten
    assert "kinderen in het plan" in panel_html(html) and "belang van het kind (IVRK art. 3)" in html
    form = next(f for f in rendered_forms(page) if f.data().get("article_ref") == [f"n:{ivrk3.pk}"])
    assert form.submit(client).status_code == 302
    assert Citation.objects.get(plan=plan).key == "IVRK 3"


def panel_html(html: str) -> str:
    return html[html.index('id="general-title"') : html.index('<ol class="utrecht-ordered-list legal-suggestions">')]


def test_a_suggested_article_is_cited_by_posting_the_form_the_page_renders(plan, professional, login):
    """The suggestion list's "Kies dit artikel": the form as rendered (article and default application in hidden
    fields), pressed as the professional would; the article is then cited and its suggestion says so."""
    from tests.pageforms import rendered_forms

    client = login(professional)
    url = reverse("legal:plan_legitimacy", args=[plan.pk])
    page = client.get(url)
    choose = [f for f in rendered_forms(page) if any("Kies dit artikel" in label for _n, _v, label in f.buttons)]
    assert len(choose) >= 3, "the list offers its suggestions with a button each"
    form = choose[0]
    ref = form.data()["article_ref"][0]
    response = form.submit(client, button="Kies dit artikel")
    assert response.status_code == 302
    citation = Citation.objects.get(plan=plan)
    assert f"n:{citation.national_article_id}" == ref or f"l:{citation.local_article_id}" == ref
    after = [f for f in rendered_forms(client.get(url)) if f.data().get("article_ref") == [ref]]
    assert not any("Kies dit artikel" in label for f in after for _n, _v, label in f.buttons)
