from django.urls import path

from . import views

app_name = "plans"
urlpatterns = [
    path("", views.plan_list, name="list"),
    path("labels/", views.tag_list, name="tags_admin"),
    path("labels/<int:tag_id>/status/", views.tag_toggle, name="tag_toggle"),
    path("starten/<uuid:household_id>/", views.plan_start, name="start"),
]
