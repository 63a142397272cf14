import re

import pytest
from django.urls import reverse

from doorbraak.audit.models import AuditEvent
from doorbraak.engagement.models import Engagement, HealthScoreSet
from doorbraak.engagement.selectors import scores_for_plan
from doorbraak.plans.constants import PlanStatus

from .factories import EXPECTED_SCORES, NOW_SCORES, complete_engagement


def page(plan):
    return reverse("engagement:plan_engagement", args=[plan.pk])


def texts_url(plan):
    return reverse("engagement:texts_save", args=[plan.pk])


def scores_url(plan):
    return reverse("engagement:scores_save", args=[plan.pk])


def texts_data(version=0, **overrides):
    data = {
        "own_words": "Rust in mijn hoofd.",
        "goals": "Eigen huis.",
        "motivation": "Zelf weer regie.",
        "version": version,
    }
    data.update(overrides)
    return data


def scores_data(now=NOW_SCORES, expected=EXPECTED_SCORES, now_version=0, expected_version=0):
    data = {"now_version": now_version, "expected_version": expected_version}
    data.update({f"now_{k}": v for k, v in now.items()})
    data.update({f"expected_{k}": v for k, v in expected.items()})
    return data


# --- the page ---------------------------------------------------------------


def test_owner_sees_forms_chart_and_table(plan, professional, login):
    complete_engagement(plan)
    response = login(professional).get(page(plan))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="img"' in html and 'aria-label="Spinnenweb Positieve Gezondheid' in html
    assert "Gemiddelde nu: 3,5" in html
    assert '<th scope="row" class="utrecht-table__header-cell">Zingeving</th>' in html
    assert 'name="now_meaning"' in html and 'value="4"' in html
    assert "Compleet:" in html
    # SVG coordinates are never localised ("150,5" would break the drawing in a Dutch locale)
    assert re.search(r'<line x1="\d+(\.\d+)?" y1="\d+(\.\d+)?" x2="[\d.]+" y2="[\d.]+"/>', html)
    assert not re.search(r'x2="\d+,\d', html)
    assert "<script" not in html.split("</head>")[1]  # no inline script in the body
    assert " style=" not in html
    assert AuditEvent.objects.filter(action="plan.read", object_id=str(plan.pk), extra__section="engagement").exists()


def test_team_lead_may_view_and_edit(plan, team_lead, login):
    response = login(team_lead).get(page(plan))
    assert response.status_code == 200
    assert 'name="own_words"' in response.content.decode()


def test_doorbraakteam_reads_submitted_plan_without_forms(plan, doorbraakteam, login):
    complete_engagement(plan)
    plan.status = PlanStatus.SUBMITTED
    plan.save()
    response = login(doorbraakteam).get(page(plan))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="own_words"' not in html
    assert "Rust in mijn hoofd" in html or "rust in mijn hoofd" in html.lower()


@pytest.mark.parametrize(("persona", "status"), [("manager", 403), ("policy_analyst", 403), ("outsider", 404)])
def test_page_access(plan, login, request, persona, status):
    assert login(request.getfixturevalue(persona)).get(page(plan)).status_code == status


def test_anonymous_is_sent_to_login(plan, client):
    response = client.get(page(plan))
    assert response.status_code == 302 and "/account/" in response["Location"]


# --- saving the texts ------------------------------------------------------


def test_save_texts_without_javascript_redirects(plan, professional, login):
    response = login(professional).post(texts_url(plan), texts_data())
    assert response.status_code == 302 and response["Location"] == page(plan) + "#engagement-texts"
    assert Engagement.objects.get(plan=plan).own_words == "Rust in mijn hoofd."


def test_save_texts_with_htmx_returns_the_status_line_and_missing_list(plan, professional, login):
    response = login(professional).post(texts_url(plan), texts_data(), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith("Opgeslagen om")  # the status line; the text being typed stays as it is
    assert 'id="engagement-missing"' in html and 'hx-swap-oob="true"' in html
    assert "<html" not in html and "<textarea" not in html


def test_stale_version_shows_conflict_and_keeps_both_texts(plan, professional, team_lead, login):
    login(professional).post(texts_url(plan), texts_data())
    response = login(team_lead).post(texts_url(plan), texts_data(version=0, own_words="Mijn eigen versie."))
    assert response.status_code == 409
    html = response.content.decode()
    assert "Iemand anders heeft dit onderdeel intussen gewijzigd" in html
    assert "Rust in mijn hoofd." in html and "Mijn eigen versie." in html
    assert 'name="overwrite_version" value="1"' in html
    assert Engagement.objects.get(plan=plan).own_words == "Rust in mijn hoofd."
    # "Mijn versie toch opslaan" deliberately replaces the stored text
    login(team_lead).post(
        texts_url(plan), {**texts_data(version=0, own_words="Mijn eigen versie."), "overwrite_version": 1}
    )
    assert Engagement.objects.get(plan=plan).own_words == "Mijn eigen versie."


def test_saving_texts_of_a_submitted_plan_is_refused_with_a_message(plan, professional, login):
    plan.status = PlanStatus.SUBMITTED
    plan.save()
    response = login(professional).post(texts_url(plan), texts_data(), follow=True)
    assert response.status_code == 200
    assert "de betrokkenheid ligt vast" in response.content.decode()
    assert not Engagement.objects.filter(plan=plan).exists()


@pytest.mark.parametrize(
    ("persona", "status"),
    [("colleague", 404), ("manager", 403), ("outsider", 404)],
)
def test_save_texts_access(plan, login, request, persona, status):
    response = login(request.getfixturevalue(persona)).post(texts_url(plan), texts_data())
    assert response.status_code == status
    assert not Engagement.objects.exists()


def test_doorbraakteam_cannot_save_texts(plan, doorbraakteam, login):
    plan.status = PlanStatus.SUBMITTED
    plan.save()
    assert login(doorbraakteam).post(texts_url(plan), texts_data()).status_code == 403


def test_get_on_save_url_is_not_allowed(plan, professional, login):
    assert login(professional).get(texts_url(plan)).status_code == 405


# --- saving the scores -----------------------------------------------------


def test_save_scores_without_javascript(plan, professional, login):
    response = login(professional).post(scores_url(plan), scores_data())
    assert response.status_code == 302
    scores = scores_for_plan(plan=plan)
    assert scores.values("now") == NOW_SCORES and scores.values("expected") == EXPECTED_SCORES


def test_save_scores_with_htmx_redraws_chart_and_table(plan, professional, login):
    response = login(professional).post(scores_url(plan), scores_data(), HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="engagement-scores"')
    assert "Scores opgeslagen." in html
    assert "Gemiddelde verwacht na het plan: 6,2" in html
    assert "<polygon" in html


def test_out_of_range_score_is_shown_as_error(plan, professional, login):
    response = login(professional).post(scores_url(plan), scores_data(now=dict(NOW_SCORES, meaning=12)))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_now_meaning_error">Zorg ervoor dat deze waarde hoogstens 10 is.' in html
    assert not HealthScoreSet.objects.exists()


def test_scores_conflict(plan, professional, team_lead, login):
    login(professional).post(scores_url(plan), scores_data())
    response = login(team_lead).post(scores_url(plan), scores_data(now=dict(NOW_SCORES, meaning=9)))
    html = response.content.decode()
    assert "Iemand anders heeft de scores intussen gewijzigd" in html
    assert 'name="now_version" value="1"' in html
    assert scores_for_plan(plan=plan).values("now")["meaning"] == 4


@pytest.mark.parametrize(("persona", "status"), [("colleague", 404), ("manager", 403), ("outsider", 404)])
def test_save_scores_access(plan, login, request, persona, status):
    assert login(request.getfixturevalue(persona)).post(scores_url(plan), scores_data()).status_code == status
    assert not HealthScoreSet.objects.exists()
