"""Reads of the analytics app. Dashboards read only the protected cells of the latest run, never plans."""

from dataclasses import dataclass

from django.http import Http404
from django.utils.translation import gettext as _

from doorbraak.followup.models import EscalationLevel
from doorbraak.organisations.constants import Role
from doorbraak.organisations.models import District, Team
from doorbraak.plans.constants import PlanStatus
from doorbraak.plans.models import Tag

from . import aggregation as A
from .models import AggregateCell, AggregateRun
from .suppression import SECONDARY, Cell, share

# Who sees which cuts: the municipality's policy roles every cut; a team lead the own team only.
POLICY_ROLES = (Role.MANAGER, Role.POLICY_ANALYST)
DASHBOARD_ROLES = (*POLICY_ROLES, Role.TEAM_LEAD)
TABS = ("algemeen", "leefgebieden")
TARGET_MINUTES = 15  # the method's target time to a substantiated plan (BRIEF.md §5)


@dataclass(frozen=True)
class Cut:
    cut: str
    cut_id: str
    label: str

    @property
    def param(self) -> str:
        return f"{self.cut}:{self.cut_id}" if self.cut_id else self.cut


@dataclass(frozen=True)
class Figure(Cell):
    """A protected cell as a table shows it: the number, or why it is held back."""

    @property
    def text(self) -> str:
        if self.value is None:
            return _("onderdrukt") if self.reason == SECONDARY else _("< 10")
        return f"{self.value:,.0f}".replace(",", ".")


HELD = Figure(None, "small")


def latest_run(*, organisation) -> AggregateRun | None:
    return AggregateRun.objects.filter(organisation=organisation, finished_at__isnull=False).first()


def cuts_for(*, membership) -> list[Cut]:
    """The cuts this member may look at, the widest first."""
    organisation = membership.organisation
    if membership.role == Role.TEAM_LEAD:
        return [Cut(A.TEAM, str(membership.team_id), membership.team.name)] if membership.team_id else []
    cuts = [Cut(A.ORGANISATION, "", organisation.display_name or organisation.name)]
    cuts += [
        Cut(A.TEAM, str(t.pk), _("Team %(name)s") % {"name": t.name})
        for t in Team.objects.filter(organisation=organisation)
    ]
    districts = District.objects.filter(organisation=organisation).order_by("name")
    cuts += [Cut(A.DISTRICT, str(d.pk), _("Wijk %(name)s") % {"name": d.name}) for d in districts]
    if Team.objects.filter(organisation=organisation, district__isnull=True).exists():
        cuts.append(Cut(A.DISTRICT, A.NO_DISTRICT, _("Teams zonder wijk")))
    return cuts


def chosen_cut(*, membership, param: str | None) -> Cut:
    """The cut asked for in the URL (``team:12``), if this member may see it; 404 otherwise (so a team of another
    municipality looks the same as one that does not exist)."""
    cuts = cuts_for(membership=membership)
    if not cuts:
        raise Http404
    if not param:
        return cuts[0]
    for cut in cuts:
        if cut.param == param:
            return cut
    raise Http404


def periods_of(run: AggregateRun | None) -> list[str]:
    if run is None:
        return []
    values = AggregateCell.objects.filter(run=run, cut=A.ORGANISATION, metric=A.STARTED).values_list(
        "period", flat=True
    )
    # the latest year first, each year followed by its quarters, the latest first
    return sorted(set(values), key=lambda p: (-int(p[:4]), -int(p[6:] or 5)))


def period_label(period: str) -> str:
    year, _sep, quarter = period.partition("-Q")
    return _("%(quarter)se kwartaal %(year)s") % {"quarter": quarter, "year": year} if quarter else year


def _cells(run, period: str, cut: Cut) -> dict[tuple[str, str], Figure]:
    rows = AggregateCell.objects.filter(run=run, period=period, cut=cut.cut, cut_id=cut.cut_id).values_list(
        "metric", "key", "value", "reason"
    )
    return {(metric, key): Figure(value, reason) for metric, key, value, reason in rows}


def _share(part: Figure, whole: Figure) -> Figure:
    result = share(part, whole)
    return Figure(result.value, result.reason)


def dashboard(*, membership, run, period: str, cut: Cut, tab: str) -> dict:
    """Everything one dashboard tab shows, as rows of protected figures (each chart has the same rows as a table)."""
    cells = _cells(run, period, cut)

    def get(metric, key=""):
        return cells.get((metric, key), HELD)

    started = get(A.STARTED)
    data = {"started": started, "submitted": get(A.SUBMITTED), "tab": tab}
    if tab == "algemeen":
        data["time_to_plan"] = {name: get(A.TIME_TO_PLAN, name) for name in ("median", "p25", "p75")}
        data["target_minutes"] = TARGET_MINUTES
        data["statuses"] = [
            {"label": label, "count": get(A.STATUS, code), "share": _share(get(A.STATUS, code), started)}
            for code, label in PlanStatus.choices
        ]
        levels = EscalationLevel.objects.filter(organisation=membership.organisation).order_by("position")
        data["decisions"] = [
            {
                "label": level.name,
                "approved": get(A.DECISION, f"{level.position}:approved"),
                "rejected": get(A.DECISION, f"{level.position}:rejected"),
                "escalated": get(A.DECISION, f"{level.position}:escalated"),
            }
            for level in levels
        ]
    else:
        labels = dict(Tag.objects.values_list("code", "label"))
        tags = [
            {"label": labels.get(key, key), "count": figure, "share": _share(figure, started)}
            for (metric, key), figure in cells.items()
            if metric == A.TAG
        ]
        tags.sort(key=lambda row: (-(row["count"].value or 0), row["label"]))
        pairs = []
        for (metric, key), figure in cells.items():
            if metric == A.PAIR:
                a, _sep, b = key.partition("|")
                pairs.append(
                    {
                        "label": f"{labels.get(a, a)} + {labels.get(b, b)}",
                        "count": figure,
                        "share": _share(figure, started),
                    }
                )
        pairs.sort(key=lambda row: (-(row["count"].value or 0), row["label"]))
        data["tags"], data["pairs"] = tags, pairs
    return data


def chart_data(data: dict) -> dict:
    """The figures the chart draws: the shown ones only, labels with their values (the table holds all)."""
    if data["tab"] == "algemeen":
        rows = [(r["label"], r["count"]) for r in data["statuses"]]
        title = _("Plannen naar status")
    else:
        rows = [(r["label"], r["count"]) for r in data["tags"][:12]]
        title = _("Plannen met het label")
    rows = [(str(label), float(figure.value)) for label, figure in rows if figure.shown]
    return {"title": str(title), "labels": [r[0] for r in rows], "values": [r[1] for r in rows]}


def export_rows(data: dict) -> list[list[str]]:
    """The table(s) of a tab as rows for CSV/XLSX: what the page shows, held-back cells as on the page."""
    out = [[_("onderwerp"), _("aantal"), _("aandeel (%)")]]
    out.append([_("plannen gestart"), data["started"].text, ""])
    out.append([_("plannen ingediend"), data["submitted"].text, ""])
    if data["tab"] == "algemeen":
        t = data["time_to_plan"]
        out.append([_("tijd tot plan, mediaan (min)"), t["median"].text, ""])
        out += [[_("status: %(s)s") % {"s": r["label"]}, r["count"].text, r["share"].text] for r in data["statuses"]]
        for r in data["decisions"]:
            for state, label in (
                ("approved", _("goedgekeurd")),
                ("rejected", _("afgewezen")),
                ("escalated", _("doorgezet")),
            ):
                out.append([f"{r['label']}: {label}", r[state].text, ""])
    else:
        out += [[_("label: %(l)s") % {"l": r["label"]}, r["count"].text, r["share"].text] for r in data["tags"]]
        out += [[_("combinatie: %(l)s") % {"l": r["label"]}, r["count"].text, r["share"].text] for r in data["pairs"]]
    return out
