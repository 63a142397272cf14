"""Rendement benchmark: a plan with 200 cost lines.

- calculator: p95 of the pure calculation of 200 lines (target < 5 ms)
- page: p95 of rendering the plan's return page through the Django test client (target < 100 ms)

Run: .venv/bin/python -m bench.costs_bench  (uses a throw-away test database via Django's test runner utils)
"""

import os
import statistics
import time
import uuid
from decimal import Decimal


def p95(samples):
    ordered = sorted(samples)
    return ordered[max(0, int(round(0.95 * len(ordered))) - 1)]


def bench_calculator(n_lines=200, repeats=500):
    from doorbraak.costs.calculator import Line, calculate

    streams = ["wmo", "jeugdwet", "participatiewet", "zvw", "justitie", "woningcorporatie"]
    scenarios = ["current", "threatening", "plan"]
    lines = [
        Line(
            scenarios[i % 3],
            Decimal(i % 37 + 1),
            Decimal("66.35"),
            streams[i % 6],
            i % 2 == 0,
            Decimal("0.6") if i % 5 == 0 else Decimal(1),
            Decimal(i % 37),
            Decimal(i % 37 + 5),
            key=i,
        )
        for i in range(n_lines)
    ]
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        calculate(lines)
        samples.append((time.perf_counter() - start) * 1000)
    return p95(samples), statistics.median(samples)


def bench_page(n_lines=200, repeats=50):
    from django.test import Client
    from django.urls import reverse

    from doorbraak.costs.models import CostLine, PriceItem
    from doorbraak.households.tests.factories import HouseholdFactory
    from doorbraak.organisations.constants import Role
    from doorbraak.organisations.tests.factories import OrganisationFactory, TeamFactory, make_member
    from doorbraak.plans.tests.factories import PlanFactory

    org = OrganisationFactory(slug=f"bench-{uuid.uuid4().hex[:6]}")
    team = TeamFactory(organisation=org)
    user = make_member(org, Role.PROFESSIONAL, team=team, email=f"bench-{uuid.uuid4().hex[:6]}@example.org")
    plan = PlanFactory(household=HouseholdFactory(team=team, created_by=user), owner=user)
    items = list(PriceItem.objects.all()[:50])
    CostLine.objects.bulk_create(
        [
            CostLine(
                plan=plan,
                organisation=org,
                scenario=["current", "threatening", "plan"][i % 3],
                item=items[i % 50],
                quantity=Decimal(i % 20 + 1),
                unit_price=Decimal("66.35"),
                price_origin="national",
                price_source="bench",
                price_year=2022,
                price_level_year=2025,
                indexed=True,
                index_note="prijspeil 2022, geïndexeerd naar 2025",
                funding_stream=items[i % 50].funding_stream,
                cashable=items[i % 50].cashable,
                probability=Decimal("0.5") if i % 4 == 0 else Decimal(1),
            )
            for i in range(n_lines)
        ]
    )
    client = Client(HTTP_HOST="localhost")  # no test instrumentation: measure real rendering
    client.force_login(user)
    url = reverse("costs:plan_return", args=[plan.pk])
    assert client.get(url).status_code == 200
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        response = client.get(url)
        samples.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    results_samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        client.get(url + "?partial=results", HTTP_HX_REQUEST="true")
        results_samples.append((time.perf_counter() - start) * 1000)
    return p95(samples), statistics.median(samples), p95(results_samples)


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()
    from django.conf import settings
    from django.test.utils import get_runner

    calc_p95, calc_median = bench_calculator()
    print(f"calculator, 200 lines: p95 {calc_p95:.3f} ms, median {calc_median:.3f} ms (target < 5 ms)")
    runner = get_runner(settings)(verbosity=0, interactive=False)
    old = runner.setup_databases()
    try:
        page_p95, page_median, partial_p95 = bench_page()
    finally:
        runner.teardown_databases(old)
    print(f"return page, 200 lines: p95 {page_p95:.1f} ms, median {page_median:.1f} ms (target < 100 ms)")
    print(f"results partial (HTMX), 200 lines: p95 {partial_p95:.1f} ms")


if __name__ == "__main__":
    main()
