from django.db import migrations


def seed(apps, schema_editor):
    from doorbraak.plans.vocabulary import seed_vocabulary

    seed_vocabulary(apps.get_model("plans", "Tag"))


class Migration(migrations.Migration):
    dependencies = [("plans", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
