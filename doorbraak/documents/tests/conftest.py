import io

import pytest


@pytest.fixture
def complete_plan(plan, professional):
    from doorbraak.followup.tests.factories import make_complete
    from doorbraak.plans.tests.factories import HelperFactory, NeedFactory, StepFactory

    make_complete(plan, professional)
    plan.perspective = "Over een half jaar wonen we rustig in ons eigen huis."
    plan.breakthrough_obstacle = "De regel zegt: eerst de schuld aflossen."
    plan.save()
    HelperFactory(plan=plan, agency="Woonstichting De Linde")
    NeedFactory(plan=plan, description="Hulp bij het openen en ordenen van de post.")
    StepFactory(plan=plan, description="Huurachterstand betalen via bijzondere bijstand.", owner="Consulent")
    return plan


@pytest.fixture
def pdf_text():
    def _text(content: bytes) -> str:
        from pypdf import PdfReader

        assert content.startswith(b"%PDF-")
        reader = PdfReader(io.BytesIO(content))
        # one space between words: table cells and lines wrap differently from the source text
        return " ".join(" ".join(page.extract_text() for page in reader.pages).split())

    return _text
