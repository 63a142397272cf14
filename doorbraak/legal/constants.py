from django.db import models
from django.utils.translation import gettext_lazy as _


class ArticleKind(models.TextChoices):
    """What kind of room an article gives (the `kind` column of the law base)."""

    PLICHT_TOT_MAATWERK = "plicht_tot_maatwerk", _("Plicht tot maatwerk")
    HARDHEIDSCLAUSULE = "hardheidsclausule", _("Hardheidsclausule")
    BEVOEGDHEID = "bevoegdheid", _("Bevoegdheid")
    VOORZIENING = "voorziening", _("Voorziening")
    BEGINSEL = "beginsel", _("Beginsel")
    GRONDRECHT = "grondrecht", _("Grondrecht")
    VERDRAG = "verdrag", _("Verdrag")
    GEGEVENSDELING = "gegevensdeling", _("Gegevensdeling")


class Verified(models.TextChoices):
    YES = "yes", _("Geverifieerd")
    PARTLY = "partly", _("Deels geverifieerd")
    NO = "no", _("Niet geverifieerd")


class RegulationType(models.TextChoices):
    """Local regulations: Awb 4:84 only covers policy rules; ordinances need their own hardship clause."""

    VERORDENING = "verordening", _("Verordening")
    BELEIDSREGEL = "beleidsregel", _("Beleidsregel")
    NADERE_REGELS = "nadere_regels", _("Nadere regels")
    BELEIDSPLAN = "beleidsplan", _("Beleidsplan")


class Application(models.TextChoices):
    """How a cited article applies to the exception in the plan (BRIEF.md §8 item 3)."""

    MUST = "must", _("Moet: de wet verplicht tot maatwerk")
    MAY = "may", _("Mag: de wet geeft de bevoegdheid")
    HARDSHIP = "hardship", _("Hardheidsclausule: afwijken is toegestaan")
    PRINCIPLE = "principle", _("Beginsel of grondrecht: weegt mee")
    DELEGATED = "delegated", _("Gedelegeerd aan lokale regeling")


# The application a professional most likely means, by article kind (a default they can change).
DEFAULT_APPLICATION = {
    ArticleKind.PLICHT_TOT_MAATWERK: Application.MUST,
    ArticleKind.VOORZIENING: Application.MUST,
    ArticleKind.HARDHEIDSCLAUSULE: Application.HARDSHIP,
    ArticleKind.BEVOEGDHEID: Application.MAY,
    ArticleKind.GEGEVENSDELING: Application.MAY,
    ArticleKind.BEGINSEL: Application.PRINCIPLE,
    ArticleKind.GRONDRECHT: Application.PRINCIPLE,
    ArticleKind.VERDRAG: Application.PRINCIPLE,
}

# Columns of the national law base CSV (doorbraak/legal/data/legal-articles.csv). Optional extra
# columns understood by the loader: valid_from, valid_until (YYYY-MM-DD), retired (yes / a date),
# situations (2-4 lay sentences) and plain_language (one B1 sentence).
CSV_COLUMNS = (
    "law_short",
    "law_title",
    "bwb_id",
    "article",
    "paragraph",
    "heading",
    "room_for_maatwerk",
    "life_domains",
    "keywords",
    "kind",
    "source_url",
    "verified",
)
CSV_OPTIONAL_COLUMNS = ("valid_from", "valid_until", "retired", "situations", "plain_language")

LOCAL_CSV_COLUMNS = (
    "regulation_title",
    "regulation_type",
    "cvdr_id",
    "article",
    "heading",
    "summary",
    "kind",
    "life_domains",
    "keywords",
    "valid_from",
    "valid_until",
    "situations",
    "plain_language",
)
LOCAL_CSV_REQUIRED = ("regulation_title", "article", "summary", "kind")

CANONICAL_URL = "https://wetten.overheid.nl/jci1.3:c:{bwb_id}&artikel={article}"
CVDR_URL = "https://lokaleregelgeving.overheid.nl/{cvdr_id}"

# Staged local imports are removed after this many hours (they hold regulation text, no personal data).
LOCAL_IMPORT_TTL_HOURS = 24


# Refusal of an empty motivation paragraph, by the form and the service alike.
MOTIVATION_REQUIRED = _(
    "Schrijf de motivering voordat u opslaat: een plan kan niet worden ingediend zonder motivering. "
    "Met 'Maak een concept' krijgt u een voorzet."
)
