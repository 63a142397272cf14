"""Legitimiteit benchmark: suggestion latency for one plan with the full national base, 50 local articles
and 10,000 earlier plans (with tags and 3 citations each) in the same municipality.

Builds a throw-away SQLite database in a temporary directory (never the dev database), or with
``--database-url postgres://...`` a throw-away PostgreSQL database on that server (created and dropped), then measures
``doorbraak.legal.suggestions.suggestions_for_plan`` for 300 plans: p50/p95 warm (target p95 <= 30 ms),
the one-off cold start (index build) and the first read after a new citation (30 writes).

Run: .venv/bin/python -m bench.legal_suggestions  [--plans 10000] [--samples 300] [--database-url URL]
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path


def percentile(samples, q):
    ordered = sorted(samples)
    return ordered[max(0, int(round(q * len(ordered))) - 1)]


SITUATIONS = [
    "Moeder met drie kinderen, huurachterstand van 2.500 euro en een aangekondigde ontruiming.",
    "Man van 50 met schulden bij de zorgverzekeraar en de energieleverancier, beslag op zijn uitkering.",
    "Jongere van 18 uit de jeugdzorg zonder woning en zonder inkomen, slaapt bij vrienden.",
    "Gezin met een statushouder die de brieven niet begrijpt; achterstanden bij energie.",
    "Vrouw in de opvang na huiselijk geweld, zoekt een eigen woning met een geheim adres.",
    "Vader met een psychische aandoening, gekort op de bijstand, dreigt zijn huis te verliezen.",
    "Meisje van 12 zit thuis; de school kan geen passende begeleiding bieden.",
]
BREAKTHROUGHS = [
    "De gemeente betaalt de achterstand zodat de ontruiming wordt ingetrokken.",
    "Een moratorium en direct een schuldregeling starten.",
    "Uitkering zonder wachttijd en een briefadres.",
    "Urgentie op grond van de hardheidsclausule.",
    "Ontheffing van de arbeidsplicht tot de behandeling klaar is.",
    "Jeugdhulp en onderwijs samen betalen voor een maatwerktraject.",
]


def build(n_plans: int, seed: int = 7):
    from django.core.management import call_command

    call_command("migrate", verbosity=0)

    from django.contrib.auth import get_user_model

    from doorbraak.households.models import Household
    from doorbraak.legal.models import Citation, LegalArticle, LocalArticle
    from doorbraak.organisations.constants import Role
    from doorbraak.organisations.models import Membership, Organisation, Team
    from doorbraak.plans.models import Plan, Tag

    rng = random.Random(seed)
    org = Organisation.objects.create(name="Gemeente Bench", slug="bench")
    team = Team.objects.create(organisation=org, name="Wijkteam Bench")
    user = get_user_model().objects.create_user("bench@example.org", password=None)
    Membership.objects.create(user=user, organisation=org, role=Role.PROFESSIONAL, team=team)

    domains = ["wonen", "schulden", "inkomen", "opvoeden_opgroeien", "psychische_gezondheid", "zorg_ondersteuning"]
    # The situations texts only where the model has them (the same bench also runs on code from before issue 11).
    texts = (
        {
            "situations": "Een gezin komt klem te zitten door een vaste regel van de gemeente. De regel pakt voor "
            "dit huishouden veel zwaarder uit dan bedoeld. Er is snel een oplossing nodig.",
            "plain_language": "De gemeente mag van haar eigen regel afwijken als die voor u te hard uitpakt.",
        }
        if "situations" in {f.name for f in LocalArticle._meta.get_fields()}
        else {}
    )
    LocalArticle.objects.bulk_create(
        LocalArticle(
            organisation=org,
            regulation_title=f"Verordening sociaal domein Bench {i // 10 + 1}",
            regulation_type="verordening" if i % 2 else "beleidsregel",
            cvdr_id=f"CVDR{600000 + i}",
            article=str(i + 1),
            heading=f"Lokale regel {i + 1} over {domains[i % len(domains)]}",
            summary="Het college kan in bijzondere gevallen afwijken als de regel onevenredig uitpakt "
            f"voor het huishouden ({domains[i % len(domains)]}).",
            kind=["hardheidsclausule", "voorziening", "bevoegdheid"][i % 3],
            life_domains=[domains[i % len(domains)]],
            keywords=["urgentie", "huurachterstand", "bijzondere bijstand", "kwijtschelding", "jeugdhulp"][
                i % 5 : i % 5 + 2
            ],
            **texts,
        )
        for i in range(50)
    )
    households = Household.objects.bulk_create(
        Household(organisation=org, team=team, created_by=user) for _ in range(n_plans)
    )
    plans = Plan.objects.bulk_create(
        Plan(
            id=uuid.UUID(int=rng.getrandbits(128)),
            organisation=org,
            team=team,
            household=h,
            owner=user,
            status="submitted",
            situation=rng.choice(SITUATIONS),
            breakthrough_description=rng.choice(BREAKTHROUGHS),
        )
        for h in households
    )
    tags = list(Tag.objects.exclude(kind="breakthrough"))
    through = Plan.tags.through
    links = []
    for plan in plans:
        for tag in rng.sample(tags, 3):
            links.append(through(plan_id=plan.pk, tag_id=tag.pk))
    through.objects.bulk_create(links, batch_size=5000)
    articles = list(LegalArticle.objects.all())
    citations = []
    for plan in plans:
        for article in rng.sample(articles, 3):
            citations.append(
                Citation(
                    plan=plan,
                    organisation=org,
                    national_article=article,
                    application="may",
                    motivation="Bench.",
                    article_version=article.version,
                    law_short=article.law_short,
                    article=article.article,
                    heading=article.heading,
                    kind=article.kind,
                    created_by=user,
                )
            )
    Citation.objects.bulk_create(citations, batch_size=5000)
    # bulk_create bypasses the services and signals that keep the co-selection counts: recount once.
    from doorbraak.legal.coselection import rebuild

    rebuild()
    return org, user, plans


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--plans", type=int, default=10_000)
    parser.add_argument("--samples", type=int, default=300)
    parser.add_argument("--database-url", help="postgres://user@host:port/any — a throw-away database is created")
    args = parser.parse_args(argv)

    if args.database_url:
        return _on_postgres(args)
    tmp = tempfile.mkdtemp(prefix="doorbraak-bench-legal-")
    os.environ["SQLITE_PATH"] = str(Path(tmp) / "bench.sqlite3")
    os.environ.pop("DATABASE_URL", None)
    return run(args)


def _on_postgres(args):
    """Create a throw-away database next to the one in the URL, run, and drop it again."""
    from urllib.parse import urlsplit, urlunsplit

    import psycopg

    parts = urlsplit(args.database_url)
    name = f"doorbraak_bench_legal_{os.getpid()}"
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    os.environ["DATABASE_URL"] = urlunsplit(parts._replace(path=f"/{name}"))
    try:
        return run(args)
    finally:
        from django.db import connections

        connections.close_all()
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')


def run(args):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import django

    django.setup()
    from django.db import connection

    from doorbraak.legal.models import Citation, LegalArticle
    from doorbraak.legal.services import citation_add
    from doorbraak.legal.suggestions import suggestions_for_plan

    started = time.perf_counter()
    org, user, plans = build(args.plans)
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"database: {connection.vendor}; load average (1/5/15 min): {load}; CPUs: {os.cpu_count()}")
    print(
        f"built {len(plans)} plans, {Citation.objects.count()} citations, "
        f"{LegalArticle.objects.count()} national + 50 local articles in {time.perf_counter() - started:.1f} s"
    )

    rng = random.Random(11)
    sample = rng.sample(plans, min(args.samples, len(plans)))
    t = time.perf_counter()
    suggestions_for_plan(plan=sample[0])
    cold = (time.perf_counter() - t) * 1000

    timings, cpu = [], []
    for plan in sample:
        t, c = time.perf_counter(), time.process_time()
        result = suggestions_for_plan(plan=plan)
        timings.append((time.perf_counter() - t) * 1000)
        cpu.append((time.process_time() - c) * 1000)
        assert len(result.suggestions) == 10

    # A new citation changes co-selection; the next read must see it (counts are per request, never stale).
    # Measure the first read after each of 30 writes, on a plan sharing tags with the written one.
    from doorbraak.plans.models import Plan

    extra = list(LegalArticle.objects.filter(law_short="Pw"))
    after_write = []
    for i in range(30):
        writer = sample[-1 - i]
        writer.status = "concept"  # citations can only change while a plan is a concept
        writer.save(update_fields=["status"])
        article = next(a for a in extra if not Citation.objects.filter(plan=writer, national_article=a).exists())
        citation_add(actor=user, plan=writer, article=article, application="may")
        reader = Plan.objects.filter(tags__in=writer.tags.all()).exclude(pk=writer.pk).first()
        t = time.perf_counter()
        suggestions_for_plan(plan=reader)
        after_write.append((time.perf_counter() - t) * 1000)

    p50, p95 = statistics.median(timings), percentile(timings, 0.95)
    print(f"cold start (index build): {cold:.0f} ms")
    print(f"warm: p50 {p50:.1f} ms, p95 {p95:.1f} ms over {len(timings)} plans (target p95 <= 30 ms)")
    # On a shared machine the wall clock mostly measures the other jobs; this process's CPU time much less so
    # (it leaves out the database server's own work on PostgreSQL).
    print(f"warm, CPU time of this process: p50 {statistics.median(cpu):.1f} ms, p95 {percentile(cpu, 0.95):.1f} ms")
    print(
        f"first read after a new citation: p50 {statistics.median(after_write):.1f} ms, "
        f"p95 {percentile(after_write, 0.95):.1f} ms, max {max(after_write):.1f} ms over {len(after_write)} writes"
    )
    print("load average after the run: " + ", ".join(f"{x:.2f}" for x in os.getloadavg()))
    return 0 if p95 <= 30 else 1


if __name__ == "__main__":
    raise SystemExit(main())
