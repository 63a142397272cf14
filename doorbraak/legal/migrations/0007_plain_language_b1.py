"""The plain-language (B1) sentences of the shipped law base, rewritten shorter (issue 9, point 7): copy them
onto articles the national admin has not edited since they were loaded (version 1). Not an edit of the
article (no version bump), so citations keep showing 'unchanged'."""

from django.db import migrations


def refresh(apps, schema_editor):
    from doorbraak.legal.loading import read_default_rows

    LegalArticle = apps.get_model("legal", "LegalArticle")
    texts = {(r["law_short"], r["article"], r["paragraph"]): r.get("plain_language") or "" for r in read_default_rows()}
    for article in LegalArticle.objects.filter(version=1):
        text = texts.get((article.law_short, article.article, article.paragraph))
        if text and text != article.plain_language:
            article.plain_language = text
            article.save(update_fields=["plain_language"])


class Migration(migrations.Migration):
    dependencies = [("legal", "0006_article_situations_plain_language")]

    operations = [migrations.RunPython(refresh, migrations.RunPython.noop)]
