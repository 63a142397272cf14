"""The law base (national), local regulations (per municipality) and a plan's legal side.

Citations store a snapshot of the article as it was when cited, so later edits or retirement of an
article never change what an old plan shows.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doorbraak.core import bounds
from doorbraak.core.bounds import BoundedModel

from .constants import CANONICAL_URL, CVDR_URL, Application, ArticleKind, RegulationType, Verified
from .notation import article_label


class CitableMixin:
    """Key and label shared by national articles, local articles and citations (from law_short, article and
    paragraph)."""

    def __str__(self) -> str:
        return self.label

    @property
    def key(self) -> str:
        """The article key used by the suggestion cases and co-selection: '<law_short> <article>'."""
        return f"{self.law_short} {self.article}"

    @property
    def label(self) -> str:
        return article_label(self.law_short, self.article, self.paragraph)


class ArticleBase(BoundedModel, CitableMixin, models.Model):
    """Columns shared by national and local articles."""

    field_bounds = {
        "situations": bounds.LONG_TEXT,
        "plain_language": bounds.LONG_TEXT,
        "valid_from": bounds.LAW_DATE,
        "valid_until": bounds.LAW_DATE,
        "retired_at": bounds.LAW_DATE,
    }

    article = models.CharField(_("artikel"), max_length=32)
    heading = models.CharField(_("kop"), max_length=300)
    kind = models.CharField(_("soort ruimte"), max_length=32, choices=ArticleKind.choices)
    life_domains = models.JSONField(_("leefgebieden"), default=list, blank=True)
    keywords = models.JSONField(_("trefwoorden"), default=list, blank=True)
    # Two to four lay sentences on the situations in which the article gives room or a duty (searched by the
    # suggestions, quoted in their reason), and one plain-language (B1) sentence on what the article means.
    situations = models.TextField(_("situaties"), blank=True)
    plain_language = models.TextField(_("in gewone taal"), blank=True)
    valid_from = models.DateField(_("geldig vanaf"), null=True, blank=True)
    valid_until = models.DateField(_("geldig tot en met"), null=True, blank=True)
    retired_at = models.DateField(_("ingetrokken op"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True

    @property
    def is_retired(self) -> bool:
        return self.retired_at is not None

    def is_valid_on(self, day=None) -> bool:
        day = day or timezone.localdate()
        if self.retired_at and self.retired_at <= day:
            return False
        if self.valid_from and self.valid_from > day:
            return False
        return not (self.valid_until and self.valid_until < day)


class LegalArticle(ArticleBase):
    """One article (or paragraph row of an article) of a national law or treaty with room for maatwerk."""

    field_bounds = {
        **ArticleBase.field_bounds,
        "room_for_maatwerk": bounds.LONG_TEXT,
        "full_text": bounds.LAW_TEXT,
        "full_text_date": bounds.LAW_DATE,
    }

    law_short = models.CharField(_("wet (afkorting)"), max_length=40)
    law_title = models.CharField(_("wet"), max_length=200)
    bwb_id = models.CharField(_("BWB-id"), max_length=20, blank=True)
    paragraph = models.CharField(_("lid"), max_length=40, blank=True)
    room_for_maatwerk = models.TextField(_("ruimte voor maatwerk"))
    source_url = models.URLField(_("bron"), max_length=400, blank=True)
    verified = models.CharField(_("geverifieerd"), max_length=8, choices=Verified.choices, default=Verified.NO)
    full_text = models.TextField(_("wettekst"), blank=True)
    full_text_date = models.DateField(_("wettekst geldend op"), null=True, blank=True)

    class Meta:
        ordering = ["law_short", "article", "paragraph"]
        constraints = [
            models.UniqueConstraint(fields=["law_short", "article", "paragraph"], name="legal_article_unique_row")
        ]
        verbose_name = _("wetsartikel")
        verbose_name_plural = _("wetsartikelen")

    @property
    def canonical_url(self) -> str:
        if self.bwb_id:
            return CANONICAL_URL.format(bwb_id=self.bwb_id, article=self.article)
        return self.source_url

    @property
    def summary(self) -> str:
        return self.room_for_maatwerk


class LocalArticle(ArticleBase):
    """An article of the municipality's own ordinance or policy rule. Visible to that municipality only."""

    field_bounds = {**ArticleBase.field_bounds, "summary": bounds.LONG_TEXT}

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="local_articles"
    )
    regulation_title = models.CharField(_("regeling"), max_length=250)
    regulation_type = models.CharField(
        _("soort regeling"), max_length=16, choices=RegulationType.choices, default=RegulationType.VERORDENING
    )
    cvdr_id = models.CharField(_("CVDR-id"), max_length=20, blank=True)
    summary = models.TextField(_("samenvatting"))

    class Meta:
        ordering = ["regulation_title", "article"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "regulation_title", "article"], name="local_article_unique_per_org"
            )
        ]
        indexes = [models.Index(fields=["organisation", "updated_at"])]
        verbose_name = _("lokaal artikel")
        verbose_name_plural = _("lokale artikelen")

    @property
    def law_short(self) -> str:
        return self.regulation_title

    @property
    def paragraph(self) -> str:
        return ""  # local articles are cited whole

    @property
    def canonical_url(self) -> str:
        return CVDR_URL.format(cvdr_id=self.cvdr_id) if self.cvdr_id else ""


class LocalImport(models.Model):
    """A CSV upload waiting for confirmation. Holds parsed regulation rows (no personal data)."""

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    rows = models.JSONField(default=list)
    errors = models.JSONField(default=list)

    class Meta:
        ordering = ["-created_at"]

    @property
    def has_errors(self) -> bool:
        return bool(self.errors)


class PlanLegalBasis(BoundedModel, models.Model):
    """The legal side of one plan: the motivation paragraph, versioned for optimistic locking."""

    field_bounds = {"motivation": bounds.TEXT}

    plan = models.OneToOneField("plans.Plan", on_delete=models.CASCADE, related_name="legal_basis")
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="+")
    motivation = models.TextField(_("motivering"), blank=True)
    version = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("juridische onderbouwing")
        verbose_name_plural = _("juridische onderbouwingen")


class Citation(BoundedModel, CitableMixin, models.Model):
    """A cited article in a plan, with a snapshot of the article version that was cited."""

    field_bounds = {"motivation": bounds.TEXT}

    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="citations")
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="+")
    national_article = models.ForeignKey(
        LegalArticle, on_delete=models.PROTECT, null=True, blank=True, related_name="citations"
    )
    local_article = models.ForeignKey(
        LocalArticle, on_delete=models.PROTECT, null=True, blank=True, related_name="citations"
    )
    application = models.CharField(_("hoe is het van toepassing"), max_length=16, choices=Application.choices)
    motivation = models.TextField(_("motivering"), blank=True)
    # Snapshot of the article as cited.
    article_version = models.PositiveIntegerField()
    law_short = models.CharField(max_length=250)
    law_title = models.CharField(max_length=250, blank=True)
    article = models.CharField(max_length=32)
    paragraph = models.CharField(max_length=40, blank=True)
    heading = models.CharField(max_length=300)
    summary = models.TextField(blank=True)
    kind = models.CharField(max_length=32, choices=ArticleKind.choices)
    url = models.URLField(max_length=400, blank=True)
    source_id = models.CharField(_("BWB- of CVDR-id"), max_length=20, blank=True)
    valid_from = models.DateField(null=True, blank=True)
    valid_until = models.DateField(null=True, blank=True)
    retired_at = models.DateField(null=True, blank=True)

    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)
    version = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "national_article"], name="citation_national_once_per_plan"),
            models.UniqueConstraint(fields=["plan", "local_article"], name="citation_local_once_per_plan"),
            models.CheckConstraint(
                condition=(
                    models.Q(national_article__isnull=False, local_article__isnull=True)
                    | models.Q(national_article__isnull=True, local_article__isnull=False)
                ),
                name="citation_exactly_one_article",
            ),
        ]
        indexes = [
            models.Index(fields=["organisation", "updated_at"]),
        ]
        verbose_name = _("wetsverwijzing")
        verbose_name_plural = _("wetsverwijzingen")

    @property
    def is_local(self) -> bool:
        return self.local_article_id is not None

    @property
    def article_changed_since(self) -> bool:
        """True when the cited article has been edited or retired after it was cited."""
        source = self.national_article or self.local_article
        return source is not None and (source.version != self.article_version or source.retired_at != self.retired_at)


class CoSelectionCount(models.Model):
    """How many plans of a municipality carry ``tag`` and cite the article ``article_key`` (one count per
    plan, whatever the number of paragraphs cited). ``article_key`` "" holds the number of plans with the tag.

    Denormalised for the suggestions (one indexed read of a few hundred rows instead of counting thousands
    of citations). Kept exact in the same transaction as every change: the citation services, the plan's
    tag links (m2m_changed) and plan deletion; see coselection.py. ``coselection.rebuild()`` recounts
    everything (after bulk loads that bypass the services)."""

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+")
    tag = models.ForeignKey("plans.Tag", on_delete=models.CASCADE, related_name="+")
    article_key = models.CharField(max_length=300, blank=True)
    national = models.BooleanField()  # a national article (shown nationwide in aggregate); True for tag totals
    plans = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "tag", "article_key", "national"], name="legal_coselection_unique"
            )
        ]
        indexes = [models.Index(fields=["tag", "national", "article_key", "plans"], name="legal_coselection_nat_idx")]
