"""Load the shipped national law base (doorbraak/legal/data/legal-articles.csv)."""

import datetime

from django.db import migrations


def load(apps, schema_editor):
    from doorbraak.legal.loading import apply_law_rows, read_default_rows

    LegalArticle = apps.get_model("legal", "LegalArticle")
    apply_law_rows(LegalArticle, read_default_rows(), today=datetime.date.today())


class Migration(migrations.Migration):
    dependencies = [("legal", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
