"""Load the shipped national price list, CPI figures and suggestion rules (idempotent)."""

from django.core.management.base import BaseCommand

from doorbraak.costs.models import IndexFigure, ItemPrice, PriceItem, SuggestionRule
from doorbraak.costs.seed import load_index_figures, load_price_list, load_suggestion_rules


class Command(BaseCommand):
    help = "Laadt de landelijke prijslijst, CPI-cijfers en suggestieregels (bestaande prijzen blijven ongewijzigd)."

    def handle(self, *args, **options):
        items, prices = load_price_list(PriceItem, ItemPrice)
        figures = load_index_figures(IndexFigure)
        rules = load_suggestion_rules(SuggestionRule, PriceItem)
        self.stdout.write(f"posten: {items}, prijzen: {prices}, indexcijfers: {figures}, regels: {rules}")
