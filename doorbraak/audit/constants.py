"""Every action the audit log knows, in one place. The values are the dotted codes stored in ``AuditEvent.action``.

A new kind of read or write gets a member here first; ``audit_record`` refuses a code that is not listed, so the
list stays complete. Labels are Dutch: they are what a privacy officer reads in the processing log.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    # sign-in (accounts): who, never the e-mail address typed; the object is the account when there is one
    SIGNIN_SUCCESS = "signin.success", _("ingelogd")
    SIGNIN_FAILURE = "signin.failure", _("inlogpoging mislukt")
    SIGNIN_BACKOFF = "signin.backoff", _("inloggen tijdelijk afgeremd")
    SIGNIN_LOGOUT = "signin.logout", _("uitgelogd")
    SIGNIN_EXPIRED = "signin.expired", _("sessie verlopen")
    PASSWORD_RESET_REQUEST = "signin.reset_request", _("nieuw wachtwoord aangevraagd per e-mail")
    PASSWORD_RESET_COMPLETE = "signin.reset_complete", _("nieuw wachtwoord ingesteld via e-maillink")
    MFA_ENROL = "mfa.enrol", _("tweestapsverificatie ingesteld")
    MFA_VERIFY_SUCCESS = "mfa.verify.success", _("tweede stap gelukt")
    MFA_VERIFY_FAILURE = "mfa.verify.failure", _("tweede stap mislukt")
    MFA_RECOVERY_USED = "mfa.recovery_used", _("herstelcode gebruikt")
    MFA_RESET = "mfa.reset", _("tweestapsverificatie opnieuw ingesteld door beheerder")
    MFA_WEBAUTHN_ADD = "mfa.webauthn.add", _("beveiligingssleutel toegevoegd")
    MFA_WEBAUTHN_REMOVE = "mfa.webauthn.remove", _("beveiligingssleutel verwijderd")
    SIGNIN_SSO_FAILURE = "signin.sso_failure", _("inloggen via gemeente-account geweigerd")
    # organisations
    ORGANISATION_CREATE = "organisation.create", _("gemeente aangemaakt")
    ORGANISATION_UPDATE = "organisation.update", _("gemeente gewijzigd")
    TEAM_CREATE = "team.create", _("team aangemaakt")
    TEAM_UPDATE = "team.update", _("team gewijzigd")
    DISTRICT_CREATE = "district.create", _("wijk aangemaakt")
    DISTRICT_UPDATE = "district.update", _("wijk gewijzigd")
    MEMBERSHIP_CREATE = "membership.create", _("gebruiker toegevoegd")
    MEMBERSHIP_UPDATE = "membership.update", _("gebruiker gewijzigd")
    MEMBERSHIP_ACTIVATE = "membership.activate", _("gebruiker geactiveerd")
    MEMBERSHIP_DEACTIVATE = "membership.deactivate", _("gebruiker gedeactiveerd")
    MEMBERSHIP_PASSWORD_RESET = "membership.password_reset", _("wachtwoord opnieuw ingesteld")
    # households
    HOUSEHOLD_CREATE = "household.create", _("huishouden aangemaakt")
    HOUSEHOLD_READ = "household.read", _("huishouden ingezien")
    HOUSEHOLD_UPDATE = "household.update", _("huishouden gewijzigd")
    CONSENT_CREATE = "consent.create", _("toestemming vastgelegd")
    CONSENT_SHARE_RECORD = "consent.share.record", _("delen met partner vastgelegd")
    CONSENT_SHARE_WITHDRAW = "consent.share.withdraw", _("delen met partner ingetrokken")
    # plans
    PLAN_CREATE = "plan.create", _("plan aangemaakt")
    PLAN_READ = "plan.read", _("plan ingezien")
    PLAN_UPDATE = "plan.update", _("plan gewijzigd")
    PLAN_STATUS = "plan.status", _("status van plan gewijzigd")
    PLAN_EXPORT = "plan.export", _("plan geëxporteerd")
    PLAN_EXPORT_PAGE = "plan.export_page", _("exportpagina van plan geopend")
    PLAN_LISTED = "plan.listed", _("getoond in de plannenlijst")
    TAG_CREATE = "tag.create", _("label aangemaakt")
    TAG_UPDATE = "tag.update", _("label gewijzigd")
    # legal
    LEGAL_READ = "legal.read", _("legitimiteit ingezien")
    LEGAL_CITE = "legal.cite", _("wetsartikel geciteerd")
    LEGAL_MOTIVATION = "legal.motivation", _("motivering gewijzigd")
    LEGAL_ARTICLE_SAVE = "legal.article.save", _("landelijk wetsartikel opgeslagen")
    LEGAL_ARTICLE_RETIRE = "legal.article.retire", _("landelijk wetsartikel vervallen")
    LEGAL_LOCAL_SAVE = "legal.local.save", _("lokale regel opgeslagen")
    LEGAL_LOCAL_RETIRE = "legal.local.retire", _("lokale regel vervallen")
    LEGAL_LOCAL_IMPORT_STAGE = "legal.local.import_stage", _("import lokale regels klaargezet")
    LEGAL_LOCAL_IMPORT = "legal.local.import", _("lokale regels geïmporteerd")
    # costs
    COSTS_LINE_ADD = "costs.line.add", _("kostenregel toegevoegd")
    COSTS_LINE_UPDATE = "costs.line.update", _("kostenregel gewijzigd")
    COSTS_LINE_DELETE = "costs.line.delete", _("kostenregel verwijderd")
    COSTS_LINE_REPRICE = "costs.line.reprice", _("kostenregel opnieuw geprijsd")
    COSTS_SCENARIO_COPY = "costs.scenario.copy", _("scenario gekopieerd")
    COSTS_SHEET_UPDATE = "costs.sheet.update", _("instellingen rekensom gewijzigd")
    COSTS_SEED = "costs.seed", _("kostenregels voorgevuld")
    COSTS_PRICE_ADD = "costs.price.add", _("prijs toegevoegd")
    COSTS_INDEX_SET = "costs.index.set", _("prijsindex vastgelegd")
    COSTS_RULE_ADD = "costs.rule.add", _("suggestieregel toegevoegd")
    COSTS_RULE_DELETE = "costs.rule.delete", _("suggestieregel verwijderd")
    COSTS_TARIFFS_IMPORT = "costs.tariffs.import", _("tarieven geïmporteerd")
    COSTS_TARIFFS_TOGGLE = "costs.tariffs.toggle", _("tariefset aan- of uitgezet")
    COSTS_BUDGET_SET = "costs.budget.set", _("Doorbraakbudget vastgesteld")
    COSTS_BUDGET_PAID = "costs.budget.paid", _("uitgave Doorbraakbudget vastgelegd")
    # analytics: the dashboards read protected aggregates only; a refresh reads the plans to count them
    ANALYTICS_REFRESH = "analytics.refresh", _("dashboardcijfers ververst")
    ANALYTICS_EXPORT = "analytics.export", _("dashboardcijfers geëxporteerd")
    # engagement
    ENGAGEMENT_UPDATE = "engagement.update", _("betrokkenheid gewijzigd")
    ENGAGEMENT_SCORES = "engagement.scores", _("scores Positieve Gezondheid vastgelegd")
    # prefab (plan templates)
    PREFAB_SAVE = "prefab.save", _("plansjabloon opgeslagen")
    PREFAB_PUBLISH = "prefab.publish", _("plansjabloon gepubliceerd")
    PREFAB_RETIRE = "prefab.retire", _("plansjabloon ingetrokken")
    PREFAB_APPLY = "prefab.apply", _("plan gevuld vanuit sjabloon")
    # followup
    ESCALATION_LEVEL_CREATE = "escalation_level.create", _("escalatieniveau aangemaakt")
    ESCALATION_LEVEL_UPDATE = "escalation_level.update", _("escalatieniveau gewijzigd")
    ESCALATION_LEVEL_DELETE = "escalation_level.delete", _("escalatieniveau verwijderd")
    ESCALATION_LEVEL_MOVE = "escalation_level.move", _("escalatieniveau verplaatst")
    ESCALATION_LEVEL_SEED = "escalation_level.seed", _("standaard-escalatiematrix aangemaakt")
    CONTACT_CREATE = "contact.create", _("contactpersoon toegevoegd")
    CONTACT_UPDATE = "contact.update", _("contactpersoon gewijzigd")
    DECISION_REQUEST = "decision.request", _("besluit gevraagd")
    DECISION_APPROVE = "decision.approve", _("plan goedgekeurd")
    DECISION_REJECT = "decision.reject", _("plan afgewezen")
    DECISION_ESCALATE = "decision.escalate", _("plan voorgelegd aan volgend niveau")
    DECISION_SKIP = "decision.skip", _("niveau overgeslagen (vier ogen)")
    ACTION_CREATE = "action.create", _("vervolgactie aangemaakt")
    ACTION_STATE = "action.state", _("stand van vervolgactie gewijzigd")
    EVALUATION_SCHEDULE = "evaluation.schedule", _("evaluatie ingepland")
    EVALUATION_RECORD = "evaluation.record", _("evaluatie vastgelegd")
    EVALUATION_DRAFT = "evaluation.draft", _("evaluatie: tekst tussentijds opgeslagen")
    # privacy: the household's rights (AVG art. 15) and retention
    PRIVACY_ACCESS_VIEW = "privacy.access.view", _("inzageverzoek: gegevens van huishouden getoond")
    PRIVACY_ACCESS_EXPORT = "privacy.access.export", _("inzageverzoek: gegevens van huishouden geëxporteerd")
    PRIVACY_RETENTION_UPDATE = "privacy.retention.update", _("bewaartermijnen gewijzigd")
    PRIVACY_RETENTION_DELETE = "privacy.retention.delete", _("verwijderd na afloop van de bewaartermijn")
    PRIVACY_RETENTION_RUN = "privacy.retention.run", _("bewaartermijnen toegepast")
    INBOX_LISTED = "inbox.listed", _("getoond in de inbox")
    EVALUATION_LISTED = "evaluation.listed", _("getoond in de lijst met evaluaties")
    # the processing log itself (Logboek Dataverwerkingen) and refused attempts
    ACCESS_REFUSED = "access.refused", _("toegang geweigerd")
    LOG_READ = "log.read", _("logboek van huishouden ingezien")
    LOG_EXPORT = "log.export", _("logboek geëxporteerd")


class AuditOutcome(models.TextChoices):
    ALLOWED = "allowed", _("toegestaan")
    REFUSED = "refused", _("geweigerd")


class ProcessingActivityCode(models.TextChoices):
    """The activities of the register of processing activities (AVG art. 30); each municipality has one row per
    code (``ProcessingActivity``) with its own description. Every audit action belongs to exactly one."""

    PLAN_DRAFTING = "plan_drafting", _("Maatwerkplan opstellen")
    DECISION = "decision", _("Besluitvorming")
    FOLLOWUP = "followup", _("Opvolging en evaluatie")
    ACCOUNTABILITY = "accountability", _("Verantwoording")
    SECURITY = "security", _("Toegang en beveiliging")
    CONFIGURATION = "configuration", _("Inrichting en beheer")


# The defaults a municipality starts with: purpose and legal basis per activity (it may reword them).
DEFAULT_ACTIVITIES = {
    ProcessingActivityCode.PLAN_DRAFTING: (
        _("Samen met het huishouden een maatwerkplan opstellen en onderbouwen (waardendriehoek)."),
        _("AVG art. 6 lid 1 onder e en art. 9 lid 2 onder g/h; Wmo 2015, Jeugdwet, Participatiewet, Wgs."),
    ),
    ProcessingActivityCode.DECISION: (
        _("Besluiten over uitzonderingen en voorzieningen langs de escalatiematrix, met vier ogen."),
        _("AVG art. 6 lid 1 onder e; Awb; de wetten waarop het besluit steunt."),
    ),
    ProcessingActivityCode.FOLLOWUP: (
        _("Vervolgacties bewaken en het plan na 6 en 12 maanden evalueren."),
        _("AVG art. 6 lid 1 onder e; de wet waarop de ondersteuning steunt."),
    ),
    ProcessingActivityCode.ACCOUNTABILITY: (
        _("Verantwoorden wie welke gegevens verwerkte: logboek, exports en inzageverzoeken."),
        _("AVG art. 5 lid 2, art. 15 en art. 32; NEN 7513."),
    ),
    ProcessingActivityCode.SECURITY: (
        _("Inloggen, sessies en geweigerde toegangspogingen vastleggen."),
        _("AVG art. 32; BIO."),
    ),
    ProcessingActivityCode.CONFIGURATION: (
        _("Teams, gebruikers, tarieven, lokale regels en de escalatiematrix inrichten."),
        _("AVG art. 6 lid 1 onder e."),
    ),
}

# Which activity each action belongs to, by the part of the code before the first dot; ACTIVITY_EXCEPTIONS
# overrides it for single actions. ``test_processing_log`` checks that every action lands on one.
_ACTIVITY_BY_PREFIX = {
    "signin": ProcessingActivityCode.SECURITY,
    "mfa": ProcessingActivityCode.SECURITY,
    "access": ProcessingActivityCode.SECURITY,
    "organisation": ProcessingActivityCode.CONFIGURATION,
    "team": ProcessingActivityCode.CONFIGURATION,
    "district": ProcessingActivityCode.CONFIGURATION,
    "membership": ProcessingActivityCode.CONFIGURATION,
    "escalation_level": ProcessingActivityCode.CONFIGURATION,
    "contact": ProcessingActivityCode.CONFIGURATION,
    "tag": ProcessingActivityCode.CONFIGURATION,
    "household": ProcessingActivityCode.PLAN_DRAFTING,
    "consent": ProcessingActivityCode.PLAN_DRAFTING,
    "plan": ProcessingActivityCode.PLAN_DRAFTING,
    "legal": ProcessingActivityCode.PLAN_DRAFTING,
    "costs": ProcessingActivityCode.PLAN_DRAFTING,
    "engagement": ProcessingActivityCode.PLAN_DRAFTING,
    "decision": ProcessingActivityCode.DECISION,
    "inbox": ProcessingActivityCode.DECISION,
    "action": ProcessingActivityCode.FOLLOWUP,
    "evaluation": ProcessingActivityCode.FOLLOWUP,
    "log": ProcessingActivityCode.ACCOUNTABILITY,
    "privacy": ProcessingActivityCode.ACCOUNTABILITY,
    "analytics": ProcessingActivityCode.ACCOUNTABILITY,
    "prefab": ProcessingActivityCode.CONFIGURATION,
}
ACTIVITY_EXCEPTIONS = {
    AuditAction.LEGAL_ARTICLE_SAVE: ProcessingActivityCode.CONFIGURATION,
    AuditAction.LEGAL_ARTICLE_RETIRE: ProcessingActivityCode.CONFIGURATION,
    AuditAction.LEGAL_LOCAL_SAVE: ProcessingActivityCode.CONFIGURATION,
    AuditAction.LEGAL_LOCAL_RETIRE: ProcessingActivityCode.CONFIGURATION,
    AuditAction.LEGAL_LOCAL_IMPORT_STAGE: ProcessingActivityCode.CONFIGURATION,
    AuditAction.LEGAL_LOCAL_IMPORT: ProcessingActivityCode.CONFIGURATION,
    AuditAction.COSTS_PRICE_ADD: ProcessingActivityCode.CONFIGURATION,
    AuditAction.COSTS_INDEX_SET: ProcessingActivityCode.CONFIGURATION,
    AuditAction.COSTS_RULE_ADD: ProcessingActivityCode.CONFIGURATION,
    AuditAction.COSTS_RULE_DELETE: ProcessingActivityCode.CONFIGURATION,
    AuditAction.COSTS_TARIFFS_IMPORT: ProcessingActivityCode.CONFIGURATION,
    AuditAction.COSTS_TARIFFS_TOGGLE: ProcessingActivityCode.CONFIGURATION,
    AuditAction.COSTS_BUDGET_SET: ProcessingActivityCode.CONFIGURATION,
    AuditAction.COSTS_BUDGET_PAID: ProcessingActivityCode.FOLLOWUP,
    AuditAction.PLAN_STATUS: ProcessingActivityCode.FOLLOWUP,
    AuditAction.EVALUATION_LISTED: ProcessingActivityCode.FOLLOWUP,
    AuditAction.PREFAB_APPLY: ProcessingActivityCode.PLAN_DRAFTING,
}


def activity_for(action: str) -> ProcessingActivityCode:
    """The processing activity an action belongs to (KeyError for an action no rule covers)."""
    if action in ACTIVITY_EXCEPTIONS:
        return ACTIVITY_EXCEPTIONS[action]
    return _ACTIVITY_BY_PREFIX[action.split(".", 1)[0]]
