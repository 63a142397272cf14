import pytest
from django.core.cache import cache

from tests.oidc_idp.process import IdentityProvider

IDP_PASSWORD = "wachtwoord-bij-de-gemeente"
CALLBACK = "http://testserver/account/gemeente-account/terug/"
# Who the municipality's provider knows, and what it says about how they signed in there.
IDP_ACCOUNTS = {
    "professional": {"email": "professional@voorbeeldstad.nl", "amr": ["pwd"]},
    "teamleider": {"email": "teamleider@voorbeeldstad.nl", "amr": ["pwd", "mfa"]},
    "doorbraakteam": {"email": "doorbraakteam@voorbeeldstad.nl", "acr": "urn:voorbeeldstad:loa:hoog"},
    "manager": {"email": "manager@voorbeeldstad.nl", "acr": "urn:voorbeeldstad:loa:laag"},
    "onbekend": {"email": "onbekend@voorbeeldstad.nl", "amr": ["mfa"]},
    "anderstad": {"email": "professional@anderstad.nl", "amr": ["mfa"]},
}


@pytest.fixture(autouse=True)
def _clear_cache():
    """Sign-in counters and the provider's discovery document live in the cache: every test starts empty."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session")
def identity_provider(tmp_path_factory):
    """A real OpenID provider (django-oidc-provider) on a loopback port, for the whole test session."""
    accounts = {name: {**account, "password": IDP_PASSWORD} for name, account in IDP_ACCOUNTS.items()}
    provider = IdentityProvider(tmp_path_factory.mktemp("idp"), [CALLBACK], accounts).start()
    yield provider
    provider.stop()


@pytest.fixture
def sso_settings(settings, identity_provider):
    """Voorbeeldstad signs in with its own provider; the acr value 'hoog' counts as a second factor."""
    settings.OIDC_PROVIDERS = {
        "voorbeeldstad": identity_provider.settings_entry(
            name="Voorbeeldstad-account", strong_acr=["urn:voorbeeldstad:loa:hoog"]
        )
    }
    return settings
