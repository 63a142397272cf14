from django.db import migrations


def seed(apps, schema_editor):
    from doorbraak.costs.seed import load_index_figures, load_price_list, load_suggestion_rules

    PriceItem = apps.get_model("costs", "PriceItem")
    load_price_list(PriceItem, apps.get_model("costs", "ItemPrice"))
    load_index_figures(apps.get_model("costs", "IndexFigure"))
    load_suggestion_rules(apps.get_model("costs", "SuggestionRule"), PriceItem)


class Migration(migrations.Migration):
    dependencies = [("costs", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
