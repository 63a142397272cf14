from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("doorbraak.core.urls")),
    path("account/", include("doorbraak.accounts.urls")),
    path("beheer/", include("doorbraak.organisations.urls")),
    path("huishoudens/", include("doorbraak.households.urls")),
    path("plannen/", include("doorbraak.plans.urls")),
    path("plannen/", include("doorbraak.workspace.urls")),  # the plan page: /plannen/<uuid>/...
    path("wetgeving/", include("doorbraak.legal.urls")),
    path("kosten/", include("doorbraak.costs.urls")),
    path("betrokkenheid/", include("doorbraak.engagement.urls")),
    path("opvolging/", include("doorbraak.followup.urls")),
    path("documenten/", include("doorbraak.documents.urls")),
    path("django-admin/", admin.site.urls),
]
