"""Default retention terms (docs/privacy.md, "Bewaartermijnen", gives the sources and what could not be verified)."""

# Case files: 20 years after the plan was closed or evaluated. The Jeugdwet (art. 7.3.8, since 2020) keeps youth
# files 20 years; a Doorbraak plan often covers a family with children, so the longest social-domain term is
# the default. A municipality lowers it on the retention screen when its archivist says so.
DEFAULT_CASE_FILE_YEARS = 20
# Audit detail (the processing log): 5 years, then the rows are deleted.
DEFAULT_AUDIT_YEARS = 5

CASE_FILE_YEARS_MIN, CASE_FILE_YEARS_MAX = 1, 30
AUDIT_YEARS_MIN, AUDIT_YEARS_MAX = 1, 30

# Who answers a household's access request and sets the terms: the functional admin and the privacy officer.
PRIVACY_ROLES = ("functional_admin", "privacy_officer")
