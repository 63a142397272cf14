from django.contrib.auth import views as auth_views
from django.urls import path

from .views import LoginView

app_name = "accounts"
urlpatterns = [
    path("inloggen/", LoginView.as_view(), name="login"),
    # Logging out is a POST (a form in the page header); a GET is refused by Django (405).
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
]
