from django.urls import path

from . import views

app_name = "organisations"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("teams/nieuw/", views.team_create, name="team_create"),
    path("teams/<int:team_id>/", views.team_edit, name="team_edit"),
    path("wijken/nieuw/", views.district_create, name="district_create"),
    path("wijken/<int:district_id>/", views.district_edit, name="district_edit"),
    path("gebruikers/nieuw/", views.user_create, name="user_create"),
    path("gebruikers/<int:membership_id>/", views.user_edit, name="user_edit"),
    path("gebruikers/<int:membership_id>/deactiveren/", views.user_deactivate, name="user_deactivate"),
    path("gebruikers/<int:membership_id>/activeren/", views.user_activate, name="user_activate"),
    path("gebruikers/<int:membership_id>/wachtwoord/", views.user_reset_password, name="user_reset_password"),
    path("gebruikers/<int:membership_id>/tweestapsverificatie/", views.user_reset_mfa, name="user_reset_mfa"),
    path("instellingen/", views.settings_edit, name="settings"),
    path("organisaties/", views.organisation_list, name="organisation_list"),
    path("organisaties/nieuw/", views.organisation_create, name="organisation_create"),
]
