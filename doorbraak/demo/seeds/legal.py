"""Demo legal side (Legitimiteit): for every demo plan with a breakthrough, cite the top three suggested
articles with the default application and a short motivation, and save a drafted motivation paragraph.
Written through doorbraak.legal.services; idempotent (a plan that has citations is left alone)."""

from doorbraak.legal.constants import DEFAULT_APPLICATION, Application
from doorbraak.legal.models import Citation, LegalArticle, LocalArticle
from doorbraak.legal.selectors import citations_for_plan
from doorbraak.legal.services import citation_add, motivation_draft, motivation_save
from doorbraak.legal.suggestions import suggestions_for_plan

MOTIVATION = "Sluit aan bij de doorbraak in dit plan; zie de situatieschets."


def seed(ctx) -> None:
    cited = 0
    for demo_plan in ctx.plans:
        plan = demo_plan.plan
        if not plan.has_breakthrough or Citation.objects.filter(plan=plan).exists():
            continue
        if demo_plan.is_new:  # in the same sitting as the sum, some minutes later
            ctx.sitting(demo_plan, ctx.rng("legal", demo_plan.key), minutes=(10, 35))
        for suggestion in suggestions_for_plan(plan=plan, top=3).suggestions:
            ref = suggestion.refs[0]
            model = LegalArticle if ref.startswith("n:") else LocalArticle
            article = model.objects.get(pk=int(ref[2:]))
            citation_add(
                actor=plan.owner,
                plan=plan,
                article=article,
                application=DEFAULT_APPLICATION.get(suggestion.kind, Application.MAY),
                motivation=MOTIVATION,
            )
            cited += 1
        draft = motivation_draft(plan=plan, citations=citations_for_plan(plan=plan))
        motivation_save(actor=plan.owner, plan=plan, motivation=draft, version=0)
    ctx.log(f"legal: {cited} demo citations")
