from django.urls import path

from . import views

app_name = "legal"
urlpatterns = [
    path("plannen/<uuid:plan_id>/", views.plan_legitimacy, name="plan_legitimacy"),
    path("plannen/<uuid:plan_id>/verwijzingen/", views.citation_add, name="citation_add"),
    path("plannen/<uuid:plan_id>/verwijzingen/<int:citation_id>/", views.citation_update, name="citation_update"),
    path(
        "plannen/<uuid:plan_id>/verwijzingen/<int:citation_id>/verwijderen/",
        views.citation_delete,
        name="citation_delete",
    ),
    path("plannen/<uuid:plan_id>/motivering/", views.motivation, name="motivation"),
    path("landelijk/", views.national_list, name="national_list"),
    path("landelijk/nieuw/", views.national_edit, name="national_create"),
    path("landelijk/<int:article_id>/", views.national_edit, name="national_edit"),
    path("landelijk/<int:article_id>/intrekken/", views.national_retire, name="national_retire"),
    path("lokaal/", views.local_list, name="local_list"),
    path("lokaal/nieuw/", views.local_edit, name="local_create"),
    path("lokaal/<int:article_id>/", views.local_edit, name="local_edit"),
    path("lokaal/<int:article_id>/intrekken/", views.local_retire, name="local_retire"),
    path("lokaal/import/", views.local_import, name="local_import"),
    path("lokaal/import/<int:import_id>/", views.local_import_preview, name="local_import_preview"),
]
