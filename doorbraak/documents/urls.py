from django.urls import path

from . import views

app_name = "documents"
urlpatterns = [
    path("plannen/<uuid:plan_id>/", views.plan_export_view, name="plan_export"),
]
