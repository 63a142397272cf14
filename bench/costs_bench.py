"""Rendement benchmark: a plan with 200 cost lines.

- calculator: p95 of the pure calculation of 200 lines (target < 5 ms)
- page: p95 of rendering the plan's return page through the Django test client (target < 100 ms)

Wall-clock time is the target; the CPU time of this process is printed next to it because on a shared machine
the wall-clock p95 mostly measures the other jobs (the load average is printed before and after).

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


def timed(fn, repeats):
    """(wall ms samples, CPU ms samples) of ``repeats`` calls."""
    wall, cpu = [], []
    for _ in range(repeats):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return wall, cpu


def summary(samples):
    return f"p95 {p95(samples):.1f} ms, median {statistics.median(samples):.1f} ms"


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
    response = client.get(url)
    assert response.status_code == 200 and response.content.count(b'<tr id="line-') == n_lines

    def page():
        assert client.get(url).status_code == 200

    def partial():
        assert client.get(url + "?partial=results", HTTP_HX_REQUEST="true").status_code == 200

    return timed(page, repeats), timed(partial, repeats)


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()
    from django.conf import settings
    from django.test.utils import get_runner

    load_before = os.getloadavg()
    calc_p95, calc_median = bench_calculator()
    print(f"calculator, 200 lines: p95 {calc_p95:.3f} ms, median {calc_median:.3f} ms (target < 5 ms)")
    runner = get_runner(settings)(verbosity=0, interactive=False)
    old = runner.setup_databases()
    try:
        (page_wall, page_cpu), (partial_wall, partial_cpu) = bench_page()
    finally:
        runner.teardown_databases(old)
    print(f"return page, 200 lines: wall {summary(page_wall)} (target p95 < 100 ms); CPU {summary(page_cpu)}")
    print(f"results partial (HTMX), 200 lines: wall {summary(partial_wall)}; CPU {summary(partial_cpu)}")
    load_after = os.getloadavg()
    print(f"load average (1 min) before {load_before[0]:.2f}, after {load_after[0]:.2f}; {os.cpu_count()} CPUs")
    pressure = cpu_pressure()
    if pressure:
        print(f"CPU pressure (share of time some task waited for a CPU, last 60 s): {pressure}%")


def cpu_pressure() -> str:
    """Linux PSI 'some avg60' of /proc/pressure/cpu, or '' where the kernel does not expose it."""
    try:
        with open("/proc/pressure/cpu") as handle:
            first = handle.readline().split()
    except OSError:
        return ""
    return next((field.split("=")[1] for field in first if field.startswith("avg60=")), "")


if __name__ == "__main__":
    main()
