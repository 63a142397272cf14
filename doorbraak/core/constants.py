"""Vocabulary shared by several apps. Codes match ../shared/data (life_domains column)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LifeDomain(models.TextChoices):
    INKOMEN = "inkomen", _("Inkomen")
    SCHULDEN = "schulden", _("Schulden")
    WONEN = "wonen", _("Wonen")
    PSYCHISCHE_GEZONDHEID = "psychische_gezondheid", _("Psychische gezondheid")
    LICHAMELIJKE_GEZONDHEID = "lichamelijke_gezondheid", _("Lichamelijke gezondheid")
    VERSLAVING = "verslaving", _("Verslaving")
    OPVOEDEN_OPGROEIEN = "opvoeden_opgroeien", _("Opvoeden en opgroeien")
    ZORG_ONDERSTEUNING = "zorg_ondersteuning", _("Zorg en ondersteuning")
    WERK_DAGBESTEDING = "werk_dagbesteding", _("Werk en dagbesteding")
    ONDERWIJS = "onderwijs", _("Onderwijs")
    VEILIGHEID_JUSTITIE = "veiligheid_justitie", _("Veiligheid en justitie")
    VERBLIJFSSTATUS = "verblijfsstatus", _("Verblijfsstatus")
    SOCIAAL_NETWERK = "sociaal_netwerk", _("Sociaal netwerk")
    ALGEMEEN = "algemeen", _("Algemeen")
