"""Demo dashboards: refresh the protected figures of every demo municipality once all plans are written, so
the dashboards show "stand van <now>" right after seeding. Idempotent: a later run that changed nothing leaves
the figures (and the audit log) as they are."""

from doorbraak.analytics.selectors import latest_run
from doorbraak.analytics.services import refresh_aggregates


def seed(ctx) -> None:
    for organisation in ctx.organisations.values():
        if ctx.created or latest_run(organisation=organisation) is None:
            refresh_aggregates(organisation=organisation)
