import factory

from doorbraak.accounts.models import User
from doorbraak.organisations.constants import Role
from doorbraak.organisations.models import District, Membership, Organisation, Team

TEST_PASSWORD = "Doorbraak-test-2026"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Gemeente Test{n}")
    slug = factory.Sequence(lambda n: f"test{n}")
    display_name = factory.LazyAttribute(lambda o: o.name)


class DistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = District

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Wijk {n}")


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Wijkteam {n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"gebruiker{n}@example.org")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Gebruiker {n}")
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Role.PROFESSIONAL
    team = None


def make_member(organisation, role: str, team=None, **user_kwargs) -> User:
    """A user with a membership of ``role`` in ``organisation``."""
    user = UserFactory(**user_kwargs)
    MembershipFactory(user=user, organisation=organisation, role=role, team=team)
    return user
