from django.urls import path

from . import views

app_name = "privacy"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("huishoudens/<uuid:household_id>/", views.household_access, name="household_access"),
    path("bewaartermijnen/", views.retention_edit, name="retention"),
]
