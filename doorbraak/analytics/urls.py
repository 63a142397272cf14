from django.urls import path

from . import views

app_name = "analytics"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("export/", views.dashboard_export, name="export"),
    path("verversen/", views.refresh_status, name="refresh_status"),
    path("verversen/nu/", views.refresh, name="refresh"),
]
