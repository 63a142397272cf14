"""Display rows for the return page. A plan can have a few hundred lines; every label, amount and translation
is prepared here once per request, and each table row is built here as escaped HTML. (Filters and {% if %}s per
cell per row in the template were most of the page's time.) row_html() is the whole row; keep it in step with
the table head in plan_return.html."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from html import escape as esc

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from doorbraak.core.formatting import format_euro, format_number, format_percent, truncate

from .constants import BudgetStatus, FundingStream, PriceOrigin

SOURCE_LENGTH = 90
UUID_PLACEHOLDER = "00000000-0000-0000-0000-000000000000"


def stream_labels() -> dict[str, str]:
    return {code: str(label) for code, label in FundingStream.choices}


def rows_html(rows: Iterable[dict], *, with_actions: bool, csrf_token: str = "") -> SafeString:
    """The <tr>s of a scenario's line table (with an actions cell when the scenario can change; its confirm
    button is a small form that needs the request's ``csrf_token``)."""
    texts = {
        "source": esc(_("Bron:")),
        "estimate": esc(_("Schatting")),
        "edit": esc(_("Wijzigen")),
        "to_confirm": esc(_("schatting, controleer")),
        "no_quantity": esc(_("aantal invullen")),
        "confirm": esc(_("Klopt")),
        "csrf": esc(csrf_token),
    }
    return mark_safe("".join([row_html(row, with_actions=with_actions, texts=texts) for row in rows]))  # noqa: S308


def row_html(row: dict, *, with_actions: bool, texts: Mapping[str, str]) -> str:
    """One <tr> of the line table. Every value goes through html.escape (quotes included): this is the hot
    loop of the page, and Django's format_html per cell cost as much as the template it replaced."""
    label = esc(row["label"])
    parts = [f'<tr id="line-{esc(row["pk"])}"><th scope="row">{label}']
    if row["item_name"]:
        parts.append(f"<br><small>{esc(row['item_name'])}</small>")
    if row["budget"]:
        parts.append(f'<br><span class="badge">{esc(row["budget"])}</span>')
    if row["needs_confirmation"]:
        parts.append(f'<br><span class="badge badge--estimate">{texts["to_confirm"]}</span>')
        if row["no_quantity"]:
            parts.append(f' <span class="badge badge--estimate">{texts["no_quantity"]}</span>')
    parts.append(f'</th><td class="num">{esc(row["quantity"])}')
    if row["range"]:
        parts.append(f"<br><small>{esc(row['range'])}</small>")
    parts.append(
        f'</td><td class="num">{esc(row["unit_price"])}</td><td class="num">{esc(row["probability"])}</td>'
        f'<td class="num">{esc(row["amount"])}</td><td>{esc(row["stream"])}<br><small>{esc(row["cashable"])}</small>'
        f'</td><td class="costs-origin"><strong>{esc(row["origin"])}</strong>'
    )
    if row["is_estimate"]:
        parts.append(f' <span class="badge badge--estimate">{texts["estimate"]}</span>')
    if row["index_note"]:
        parts.append(f"<br><small>{esc(row['index_note'])}</small>")
    if row["source"]:
        source = esc(row["source"])
        if row["source_url"]:
            source = f'<a class="utrecht-link" href="{esc(row["source_url"])}" rel="noopener noreferrer">{source}</a>'
        parts.append(f"<br><small>{texts['source']} {source}</small>")
    parts.append("</td>")
    if with_actions:
        parts.append("<td>")
        if row["edit_url"]:
            url = esc(row["edit_url"])
            parts.append(
                f'<a class="utrecht-link" href="{url}" hx-get="{url}" hx-target="#line-{esc(row["pk"])}" '
                f'hx-swap="outerHTML">{texts["edit"]}<span class="visually-hidden"> {label}</span></a>'
            )
            if row["needs_confirmation"] and not row["no_quantity"]:
                confirm = url + "bevestigen/"
                parts.append(
                    f'<form method="post" action="{confirm}" hx-post="{confirm}" hx-target="#return-workspace" '
                    f'hx-swap="outerHTML" class="inline-form"><input type="hidden" name="csrfmiddlewaretoken" '
                    f'value="{texts["csrf"]}"><input type="hidden" name="version" value="{row["version"]}">'
                    f'<button type="submit" class="utrecht-button utrecht-button--subtle">{texts["confirm"]}'
                    f'<span class="visually-hidden"> {label}</span></button></form>'
                )
        parts.append("</td>")
    parts.append("</tr>")
    return "".join(parts)


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
                "needs_confirmation": line["needs_confirmation"],
                "no_quantity": not quantity,
                "version": int(line["version"]),
                "index_note": line["index_note"],
                "source": truncate(line["price_source"], SOURCE_LENGTH),
                "source_url": line["price_source_url"],
                "edit_url": edit_url.replace(UUID_PLACEHOLDER, pk) if line["scenario"] in editable_scenarios else "",
            }
        )
    return rows
