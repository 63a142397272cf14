from django.urls import path

from . import views

app_name = "workspace"
urlpatterns = [
    path("<uuid:plan_id>/", views.plan_detail, name="plan"),
    path("<uuid:plan_id>/navigatie/", views.plan_nav, name="plan_nav"),
    path("<uuid:plan_id>/onderdeel/<str:section>/", views.plan_section_save, name="section"),
    path("<uuid:plan_id>/labels/", views.plan_tags_save, name="tags"),
    path("<uuid:plan_id>/lijst/<str:kind>/", views.plan_item_add, name="item_add"),
    path("<uuid:plan_id>/lijst/<str:kind>/<int:item_id>/", views.plan_item_change, name="item"),
    path("<uuid:plan_id>/status/", views.plan_status_change, name="status"),
]
