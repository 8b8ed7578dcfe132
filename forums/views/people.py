"""A person as the forums show them: where mentions and person cards lead."""

from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from forums import selectors


@require_GET
def person_detail(request, username):
    person = get_object_or_404(
        get_user_model().objects.select_related("profile"), username=username, is_active=True
    )
    context = {"person": person, **selectors.person_facts(person=person)}
    return render(request, "forums/person_detail.html", context)
