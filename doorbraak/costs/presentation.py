"""Display rows for the return page. The page lists up to a few hundred lines; every label, amount and
translation is prepared here once per request (a template filter per cell per row was the page's main cost),
so the template only prints ready strings."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from django.utils.translation import gettext as _

from .constants import BudgetStatus, FundingStream, PriceOrigin
from .formatting import format_euro, format_number, format_percent, truncate

SOURCE_LENGTH = 90
UUID_PLACEHOLDER = "00000000-0000-0000-0000-000000000000"


def stream_labels() -> dict[str, str]:
    return {code: str(label) for code, label in FundingStream.choices}


def line_rows(
    lines: Iterable, *, amounts: Mapping, editable_scenarios: set[str], edit_url: str
) -> list[dict[str, object]]:
    """One dict per line (from selectors.line_values_for_plan) with the display values of the line table.
    ``edit_url`` is the line-edit URL reversed once with UUID_PLACEHOLDER as the line id; rows of scenarios
    that cannot change get none."""
    streams = stream_labels()
    origins = {code: str(label) for code, label in PriceOrigin.choices}
    cashable_text, not_cashable_text = _("verzilverbaar"), _("niet verzilverbaar")
    budget_text, paid_text = _("Doorbraakbudget"), _("Doorbraakbudget") + " · " + _("betaald")
    rows = []
    for line in lines:
        quantity = line["quantity"]
        low, high = line["quantity_low"], line["quantity_high"]
        has_range = low is not None or high is not None
        if has_range:
            low = quantity if low is None else low
            high = quantity if high is None else high
        pk = str(line["id"])
        item_name = line["item_name"] or ""
        description = line["description"]
        rows.append(
            {
                "pk": pk,
                "scenario": line["scenario"],
                # the same rule as CostLine.label
                "label": description or item_name or line["tariff_name"] or "",
                "item_name": item_name if description else "",
                "budget": (paid_text if line["budget_status"] == BudgetStatus.PAID else budget_text)
                if line["paid_from_budget"]
                else "",
                "quantity": f"{format_number(quantity)} {line['unit']}".rstrip(),
                "range": f"({format_number(low)}–{format_number(high)})" if has_range else "",
                "unit_price": format_euro(line["unit_price"]),
                "probability": format_percent(line["probability"]),
                "amount": format_euro(amounts.get(line["id"])),
                "stream": streams.get(line["funding_stream"], line["funding_stream"]),
                "cashable": cashable_text if line["cashable"] else not_cashable_text,
                "origin": origins.get(line["price_origin"], line["price_origin"]),
                "is_estimate": line["is_estimate"],
                "index_note": line["index_note"],
                "source": truncate(line["price_source"], SOURCE_LENGTH),
                "source_url": line["price_source_url"],
                "edit_url": edit_url.replace(UUID_PLACEHOLDER, pk) if line["scenario"] in editable_scenarios else "",
            }
        )
    return rows
