import pytest

from doorbraak.followup import services
from doorbraak.followup.tests.factories import ContactPersonFactory, make_complete


@pytest.fixture
def levels(org, functional_admin):
    """Voorbeeldstad's matrix: team lead → Doorbraakteam → manager → administrator (manager role)."""
    return services.escalation_matrix_seed_defaults(actor=functional_admin, organisation=org)


@pytest.fixture
def complete_plan(plan, professional):
    make_complete(plan, professional)
    return plan


@pytest.fixture
def submitted(complete_plan, professional, team_lead, doorbraakteam, manager, levels):
    """The complete plan, submitted: it waits at level 1 (team lead). Returns the open request."""
    return services.plan_submit(actor=professional, plan=complete_plan)


@pytest.fixture
def partner(org):
    return ContactPersonFactory(organisation=org)


@pytest.fixture
def other_partner(other_org):
    return ContactPersonFactory(organisation=other_org, partner_organisation="Corporatie Anderstad")
