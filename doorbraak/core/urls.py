from django.urls import path

from . import views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("huisstijl.css", views.branding_css, name="branding_css"),
]
