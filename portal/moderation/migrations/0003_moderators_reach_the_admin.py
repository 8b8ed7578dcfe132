from django.db import migrations

MODERATORS_GROUP = "Moderators"


def grant_admin_access(apps, schema_editor):
    # The moderation queue lives in the Wagtail admin, which needs this permission.
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    admin_type, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access, _ = Permission.objects.get_or_create(
        content_type=admin_type, codename="access_admin", defaults={"name": "Can access Wagtail admin"}
    )
    group, _ = Group.objects.get_or_create(name=MODERATORS_GROUP)
    group.permissions.add(access)


def revoke_admin_access(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=MODERATORS_GROUP).first()
    if group is not None:
        group.permissions.remove(*group.permissions.filter(codename="access_admin"))


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0002_action_roles"),
        ("accounts", "0002_moderators_group"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(grant_admin_access, revoke_admin_access)]
