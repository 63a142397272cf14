from django.urls import path

from . import views

app_name = "engagement"
urlpatterns = [
    path("plannen/<uuid:plan_id>/", views.plan_engagement, name="plan_engagement"),
]
