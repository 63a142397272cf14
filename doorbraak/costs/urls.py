from django.urls import path

from . import views

app_name = "costs"
urlpatterns = [
    path("plannen/<uuid:plan_id>/", views.plan_return, name="plan_return"),
]
