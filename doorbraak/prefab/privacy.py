"""Plan templates in the registry of household data (doorbraak/core/privacy.py): a template holds no household
data, but that a plan was filled from one (and by whom) belongs to that plan."""

from doorbraak.core.privacy import register_plan_data

from .models import TemplateUse

register_plan_data(TemplateUse)
