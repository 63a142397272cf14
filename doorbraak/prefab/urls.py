from django.urls import path

from . import views

app_name = "prefab"
urlpatterns = [
    path("", views.template_list, name="list"),
    path("nieuw/", views.template_edit, name="create"),
    path("<uuid:template_id>/", views.template_edit, name="edit"),
    path("<uuid:template_id>/publiceren/", views.template_publish, name="publish"),
    path("<uuid:template_id>/intrekken/", views.template_retire, name="retire"),
    path("plannen/<uuid:plan_id>/", views.template_choose, name="choose"),
    path("plannen/<uuid:plan_id>/<uuid:template_id>/", views.template_apply, name="apply"),
]
