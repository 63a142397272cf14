from django.urls import path

from . import household_views as views

# The household screens (household_views.py) under their own namespace, mounted at /huishoudens/.
app_name = "households"
urlpatterns = [
    path("nieuw/", views.household_create, name="create"),
    path("<uuid:household_id>/", views.household_detail, name="detail"),
    path("<uuid:household_id>/gezinsleden/", views.member_add, name="member_add"),
    path("<uuid:household_id>/toestemming/", views.consent_add, name="consent_add"),
]
