from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from doorbraak.followup import services
from doorbraak.followup.comparison import compare
from doorbraak.followup.costs_bridge import forecast_vs_realised
from doorbraak.followup.models import Evaluation
from doorbraak.followup.tests.factories import REALISED_LINES, add_cost_lines

D = Decimal


@pytest.mark.parametrize(
    ("totals", "direct", "avoided"),
    [
        # (current, threatening, plan, realised) → forecast/realised direct and avoided.
        (
            {"current": {"wmo": D("100.00")}, "threatening": {"wmo": D("500.00")}, "plan": {"wmo": D("40.00")}},
            (D("60.00"), D("100.00")),
            (D("460.00"), D("500.00")),
        ),
        (
            {
                "current": {"wmo": D("100.00")},
                "threatening": {"wmo": D("500.00")},
                "plan": {"wmo": D("40.00")},
                "realised": {"wmo": D("55.55")},
            },
            (D("60.00"), D("44.45")),
            (D("460.00"), D("444.45")),
        ),
        ({}, (D("0.00"), D("0.00")), (D("0.00"), D("0.00"))),
    ],
)
def test_compare_totals(totals, direct, avoided):
    result = compare(totals)
    assert (result.total.direct_forecast, result.total.direct_realised) == direct
    assert (result.total.avoided_forecast, result.total.avoided_realised) == avoided


def test_compare_per_stream_includes_streams_of_any_scenario():
    result = compare({"plan": {"participatiewet": D("3000.00")}, "realised": {"uwv": D("10.00")}})
    rows = {r.stream: r for r in result.by_stream}
    assert set(rows) == {"participatiewet", "uwv"}
    assert rows["participatiewet"].direct_forecast == D("-3000.00")
    assert rows["participatiewet"].direct_realised == D("0.00")
    assert rows["uwv"].avoided_realised == D("-10.00")
    assert rows["uwv"].avoided_difference == D("-10.00")


@pytest.mark.django_db
def test_forecast_vs_realised_to_the_cent(complete_plan):
    add_cost_lines(complete_plan, "realised", REALISED_LINES)
    figures = forecast_vs_realised(plan=complete_plan)
    total = figures.comparison.total
    # current 3,185.00; threatening 41,156.00; plan 4,592.50; realised 5,538.75
    assert total.direct_forecast == D("-1407.50")
    assert total.direct_realised == D("-2353.75")
    assert total.avoided_forecast == D("36563.50")
    assert total.avoided_realised == D("35617.25")
    rows = {r.stream: r for r in figures.comparison.by_stream}
    assert (rows["wmo"].direct_forecast, rows["wmo"].direct_realised) == (D("1592.50"), D("796.25"))
    assert (rows["wmo"].avoided_forecast, rows["wmo"].avoided_realised) == (D("9063.50"), D("8267.25"))
    assert (rows["jeugdwet"].avoided_forecast, rows["jeugdwet"].avoided_realised) == (D("30500.00"), D("30500.00"))
    assert rows["participatiewet"].direct_realised == D("-3150.00")
    assert all(isinstance(v, Decimal) for r in rows.values() for v in (r.direct_realised, r.avoided_realised))


@pytest.mark.django_db
def test_realised_lines_entered_on_the_evaluation_page(submitted, team_lead, professional, doorbraakteam, login):
    services.decision_approve(actor=team_lead, request=submitted, reason="Akkoord.")
    plan = submitted.plan
    six = Evaluation.objects.get(plan=plan, months=6)
    copy_url = reverse("followup:realised_copy", args=[plan.pk, six.pk])
    assert login(professional).post(copy_url).status_code == 403  # not due yet
    Evaluation.objects.filter(pk=six.pk).update(due_on=timezone.localdate() - timedelta(days=1))
    assert login(doorbraakteam).post(copy_url).status_code == 403
    assert login(professional).post(copy_url).status_code == 302
    figures = forecast_vs_realised(plan=plan)
    assert figures.comparison.realised_total == D("4592.50")  # a copy of the plan
    # The rent arrears turned out 3,150.00; support took 39 hours instead of 26.
    lines = {line.description: line for line in figures.realised_lines}
    for description, quantity, price in (
        ("Huurachterstand ineens betalen", "1", "3150.00"),
        ("Ambulante begeleiding", "39", "61.25"),
    ):
        line = lines[description]
        prefix = f"r{line.pk.hex[:8]}"
        url = reverse("followup:realised_line", args=[plan.pk, six.pk, line.pk])
        data = {f"{prefix}-quantity": quantity, f"{prefix}-unit_price": price, f"{prefix}-version": line.version}
        assert login(professional).post(url, data).status_code == 302
    add_url = reverse("followup:realised_add", args=[plan.pk, six.pk])
    data = {
        "nieuw-description": "Extra gesprek schuldhulp",
        "nieuw-quantity": "2",
        "nieuw-unit_price": "87.30",
        "nieuw-funding_stream": "schuldhulp",
    }
    assert login(professional).post(add_url, data).status_code == 302
    figures = forecast_vs_realised(plan=plan)
    assert figures.comparison.realised_total == D("5713.35")  # 3,150.00 + 2,388.75 + 174.60
    assert figures.comparison.total.avoided_realised == D("35442.65")
    page = login(professional).get(reverse("followup:plan_followup", args=[plan.pk])).content.decode()
    assert "€ 35.442,65" in page and "€ 36.563,50" in page
