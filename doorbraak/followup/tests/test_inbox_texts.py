import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_empty_inbox_says_nothing_is_waiting(manager, login):
    page = login(manager).get(reverse("followup:inbox")).content.decode()
    assert "Er wacht nu niets op u." in page
    assert "0 dingen" not in page


def test_inbox_counts_what_waits(submitted, team_lead, login):
    page = login(team_lead).get(reverse("followup:inbox")).content.decode()
    assert "Er wacht 1 ding op u." in page
