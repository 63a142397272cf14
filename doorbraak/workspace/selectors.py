"""Reads for the plan's workspace that span the sides: which sides hold anything yet (one query)."""

from django.db.models import Exists, OuterRef, Q

from doorbraak.costs.models import CostLine
from doorbraak.engagement.models import Engagement, HealthScoreSet
from doorbraak.legal.models import Citation
from doorbraak.plans.models import Plan


def sides_started(*, plan: Plan) -> dict[str, bool]:
    """Per side of the value triangle, whether anything was entered on it (one query). ``plan`` comes from a
    plans selector that checked the user; every subquery is bound to its municipality too."""
    org = plan.organisation_id
    texts = ~Q(own_words="") | ~Q(goals="") | ~Q(motivation="")
    row = (
        Plan.objects.filter(pk=plan.pk)
        .annotate(
            engagement_text=Exists(Engagement.objects.filter(texts, plan=OuterRef("pk"), organisation_id=org)),
            engagement_scores=Exists(HealthScoreSet.objects.filter(plan=OuterRef("pk"), organisation_id=org)),
            has_lines=Exists(CostLine.objects.filter(plan=OuterRef("pk"), organisation_id=org)),
            has_citations=Exists(Citation.objects.filter(plan=OuterRef("pk"), organisation_id=org)),
        )
        .values("engagement_text", "engagement_scores", "has_lines", "has_citations")
        .get()
    )
    return {
        "engagement": row["engagement_text"] or row["engagement_scores"],
        "return": row["has_lines"],
        "legitimacy": row["has_citations"],
    }
