from django.urls import path

from . import log_views as views

# The processing log (Logboek Dataverwerkingen), mounted at /logboek/.
app_name = "logbook"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("huishoudens/<uuid:household_id>/", views.household_log, name="household"),
    path("export/", views.export, name="export"),
]
