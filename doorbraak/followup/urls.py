from django.urls import path

from . import views

app_name = "followup"
urlpatterns = [
    path("plannen/<uuid:plan_id>/", views.plan_followup, name="plan_followup"),
]
