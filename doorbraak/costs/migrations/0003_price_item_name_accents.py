"""Restore the diaeresis and accent in three national price-list names (the source CSV had lost them).

Fresh installs read the corrected data/price-list.csv in 0002; this updates databases seeded before. A name a
national admin has already changed is left alone."""

from django.db import migrations

RENAMES = {
    "jw_residentieel": ("Residentiele jeugdhulp (behandelgroep, open)", "Residentiële jeugdhulp (behandelgroep, open)"),
    "jus_detentie_jeugd": ("Verblijf justitiele jeugdinrichting", "Verblijf justitiële jeugdinrichting"),
    "jus_delict_vernieling": (
        "Delict: vernieling van prive- of publiek eigendom",
        "Delict: vernieling van privé- of publiek eigendom",
    ),
}


def forwards(apps, schema_editor):
    PriceItem = apps.get_model("costs", "PriceItem")  # noqa: N806 - historical model
    for code, (old, new) in RENAMES.items():
        PriceItem.objects.filter(code=code, name=old).update(name=new)


def backwards(apps, schema_editor):
    PriceItem = apps.get_model("costs", "PriceItem")  # noqa: N806 - historical model
    for code, (old, new) in RENAMES.items():
        PriceItem.objects.filter(code=code, name=new).update(name=old)


class Migration(migrations.Migration):
    dependencies = [("costs", "0002_seed_national_data")]

    operations = [migrations.RunPython(forwards, backwards)]
