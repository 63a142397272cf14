from django.urls import path

from . import views

app_name = "engagement"
urlpatterns = [
    path("plannen/<uuid:plan_id>/", views.plan_engagement, name="plan_engagement"),
    path("plannen/<uuid:plan_id>/teksten/", views.engagement_texts_save, name="texts_save"),
    path("plannen/<uuid:plan_id>/scores/", views.engagement_scores_save, name="scores_save"),
]
