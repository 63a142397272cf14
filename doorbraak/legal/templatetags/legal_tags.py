from django import template

from doorbraak.legal import selectors

register = template.Library()


@register.simple_tag
def get_closed_arguments():
    """{% get_closed_arguments as closed_arguments %}"""
    return selectors.closed_arguments()


@register.simple_tag
def get_citations(plan):
    """{% get_citations plan as citations %}: the plan's citations (snapshots), for documents."""
    return list(selectors.citations_for_plan(plan=plan))


@register.simple_tag
def get_legal_basis(plan):
    return selectors.legal_basis_for_plan(plan=plan)
