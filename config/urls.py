from django.contrib import admin
from django.urls import include, path

from doorbraak.organisations.views import branding_css
from doorbraak.plans.home_views import home

urlpatterns = [
    # Two site-wide addresses, named without a namespace: the start page and the stylesheet every page links.
    path("", home, name="home"),
    path("huisstijl.css", branding_css, name="branding_css"),
    path("account/", include("doorbraak.accounts.urls")),
    path("beheer/", include("doorbraak.organisations.urls")),
    path("huishoudens/", include("doorbraak.plans.household_urls")),
    path("logboek/", include("doorbraak.plans.log_urls")),
    path("plannen/", include("doorbraak.plans.urls")),
    path("plannen/", include("doorbraak.workspace.urls")),  # the plan page: /plannen/<uuid>/...
    path("wetgeving/", include("doorbraak.legal.urls")),
    path("kosten/", include("doorbraak.costs.urls")),
    path("betrokkenheid/", include("doorbraak.engagement.urls")),
    path("opvolging/", include("doorbraak.followup.urls")),
    path("documenten/", include("doorbraak.documents.urls")),
    path("dashboards/", include("doorbraak.analytics.urls")),
    path("privacy/", include("doorbraak.privacy.urls")),
    path("django-admin/", admin.site.urls),
]

# A request Django refuses before any view (a POST over DATA_UPLOAD_MAX_MEMORY_SIZE): a Dutch page, 413 for size.
handler400 = "doorbraak.core.errors.bad_request"
