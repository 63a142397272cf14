from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("inloggen/", views.LoginView.as_view(), name="login"),
    # Logging out is a POST (a form in the page header); a GET is refused by Django (405).
    path("uitloggen/", views.LogoutView.as_view(), name="logout"),
]
