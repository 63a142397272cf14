from django.db import models
from django.utils.translation import gettext_lazy as _


class Scenario(models.TextChoices):
    CURRENT = "current", _("Huidige situatie")
    THREATENING = "threatening", _("Dreigende situatie")
    PLAN = "plan", _("Met het plan")
    REALISED = "realised", _("Gerealiseerd")


# The three scenarios a professional fills in on the return page (realised belongs to evaluations).
PLAN_SCENARIOS = (Scenario.CURRENT, Scenario.THREATENING, Scenario.PLAN)


class FundingStream(models.TextChoices):
    WMO = "wmo", _("Wmo")
    JEUGDWET = "jeugdwet", _("Jeugdwet")
    PARTICIPATIEWET = "participatiewet", _("Participatiewet")
    SCHULDHULP = "schuldhulp", _("Schuldhulpverlening")
    GEMEENTE_OVERIG = "gemeente_overig", _("Gemeente overig")
    ZVW = "zvw", _("Zorgverzekeringswet")
    WLZ = "wlz", _("Wet langdurige zorg")
    WONINGCORPORATIE = "woningcorporatie", _("Woningcorporatie")
    JUSTITIE = "justitie", _("Justitie en politie")
    ONDERWIJS = "onderwijs", _("Onderwijs")
    UWV = "uwv", _("UWV")
    BELASTINGDIENST = "belastingdienst", _("Belastingdienst")
    OVERIG = "overig", _("Overig")


class IndexType(models.TextChoices):
    CPI = "cpi", _("CPI (CBS, alle huishoudens)")
    OVA_MIX = "ova_mix", _("Mengindex loon/prijs (OVA)")
    NZA = "nza", _("NZa-indexatie")
    STATUTORY = "statutory", _("Wettelijk bedrag (vervangen, niet indexeren)")


class TariffKind(models.TextChoices):
    MUNICIPAL = "municipal", _("Inkooptarieven gemeente")
    INSURER = "insurer", _("Tarieven zorgverzekeraar")
    NZA = "nza", _("NZa-tarieven")


# Within local tariffs, the municipality's own purchase tariffs win over insurer and NZa tariffs.
TARIFF_KIND_PRIORITY = {TariffKind.MUNICIPAL: 0, TariffKind.INSURER: 1, TariffKind.NZA: 2}


class PriceOrigin(models.TextChoices):
    MANUAL = "manual", _("Handmatige prijs")
    TARIFF = "tariff", _("Lokaal tarief")
    NATIONAL = "national", _("Landelijke prijslijst")
    FREE = "free", _("Eigen bedrag (vrije regel)")


class BudgetStatus(models.TextChoices):
    COMMITTED = "committed", _("Vastgelegd")
    PAID = "paid", _("Betaald")


DEFAULT_HORIZON_MONTHS = 12
