from django.db import migrations

COUNTRIES = [("IQ", 1), ("JO", 2), ("LB", 3), ("RG", 4)]


def create_countries(apps, schema_editor):
    Country = apps.get_model("portal", "Country")
    for code, order in COUNTRIES:
        Country.objects.update_or_create(code=code, defaults={"sort_order": order})


def create_home_page(apps, schema_editor):
    """Replace Wagtail's placeholder welcome page with the portal's home page."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    Locale = apps.get_model("wagtailcore", "Locale")
    HomePage = apps.get_model("portal", "HomePage")

    page_type = ContentType.objects.get(app_label="wagtailcore", model="page")
    Page.objects.filter(content_type=page_type, slug="home", depth=2).delete()
    home_type, _ = ContentType.objects.get_or_create(app_label="portal", model="homepage")
    locale, _ = Locale.objects.get_or_create(language_code="en")
    home = HomePage.objects.create(
        title="Partnership Portal",
        draft_title="Partnership Portal",
        slug="home",
        content_type=home_type,
        path="00010001",
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=locale,
    )
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", root_page=home, is_default_site=True, site_name="Partnership Portal")


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(create_countries, migrations.RunPython.noop),
        migrations.RunPython(create_home_page, migrations.RunPython.noop),
    ]
