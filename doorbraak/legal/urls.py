from django.urls import path

from . import views

app_name = "legal"
urlpatterns = [
    path("plannen/<uuid:plan_id>/", views.plan_legitimacy, name="plan_legitimacy"),
]
