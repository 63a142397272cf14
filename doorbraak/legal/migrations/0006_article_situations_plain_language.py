"""Situations (lay sentences) and a plain-language sentence per article; filled from the shipped CSV."""

from django.db import migrations, models


def fill(apps, schema_editor):
    """Copy the two new columns of the shipped law base onto the rows 0002 loaded. Not an edit of the
    article (no version bump): citations keep showing 'unchanged'."""
    from doorbraak.legal.loading import read_default_rows

    LegalArticle = apps.get_model("legal", "LegalArticle")
    texts = {(r["law_short"], r["article"], r["paragraph"]): r for r in read_default_rows()}
    for article in LegalArticle.objects.all():
        row = texts.get((article.law_short, article.article, article.paragraph))
        if row and (row.get("situations") or row.get("plain_language")):
            article.situations = row.get("situations") or ""
            article.plain_language = row.get("plain_language") or ""
            article.save(update_fields=["situations", "plain_language"])


class Migration(migrations.Migration):
    dependencies = [("legal", "0005_coselection_counts")]

    operations = [
        migrations.AddField(
            model_name="legalarticle",
            name="plain_language",
            field=models.TextField(blank=True, verbose_name="in gewone taal"),
        ),
        migrations.AddField(
            model_name="legalarticle",
            name="situations",
            field=models.TextField(blank=True, verbose_name="situaties"),
        ),
        migrations.AddField(
            model_name="localarticle",
            name="plain_language",
            field=models.TextField(blank=True, verbose_name="in gewone taal"),
        ),
        migrations.AddField(
            model_name="localarticle",
            name="situations",
            field=models.TextField(blank=True, verbose_name="situaties"),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
