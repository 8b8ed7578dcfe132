import pytest
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from portal.models import Organisation
from tests.factories import OrganisationFactory
from tests.knowledge.factories import JointActionPageFactory, LessonLearnedPageFactory

pytestmark = pytest.mark.django_db


def test_partner_profile_shows_logo_details_and_contributions(client, indexes, library, countries):
    who = library["who"]
    who.logo = get_image_model().objects.create(title="WHO logo", file=get_test_image_file())
    who.description = "The United Nations agency for health."
    who.website = "https://www.who.int/"
    who.country = countries["RG"]
    who.save()
    LessonLearnedPageFactory(parent=indexes["en"]["lessons"], title="Mobile clinics", organisations=[who])
    JointActionPageFactory(parent=indexes["en"]["joint-actions"], title="Health access", organisations=[who])
    JointActionPageFactory(
        parent=indexes["en"]["joint-actions"], title="Labour corridors", organisations=[library["iom"]]
    )

    response = client.get("/en/partners/who/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<bdi>World Health Organization</bdi>" in html
    assert 'class="partner-profile__logo"' in html and "fill-160x160" in html
    assert "The United Nations agency for health." in html
    assert 'href="https://www.who.int/"' in html and "Regional" in html
    assert "Clinics for everyone" in html and "التماسك في المجالس البلدية" in html
    assert "Mobile clinics" in html and "Health access" in html
    assert "Labour corridors" not in html and "Fair recruitment" not in html
    assert 'href="/en/policy-briefs/?partner=who"' in html


def test_partner_profile_in_arabic_uses_arabic_names_and_versions(client, library):
    library["who"].name_ar = "منظمة الصحة العالمية"
    library["who"].save()
    html = client.get("/ar/partners/who/").content.decode()
    assert "<bdi>منظمة الصحة العالمية</bdi>" in html
    assert "عيادات للجميع" in html and "Clinics for everyone" not in html


def test_partner_list_groups_partners_by_kind_governments_first(client, home_page, countries):
    OrganisationFactory(slug="ngo", name="Aid Collective", kind=Organisation.Kind.CIVIL_SOCIETY)
    OrganisationFactory(slug="mol", name="Ministry of Labour, Jordan", kind=Organisation.Kind.GOVERNMENT)
    html = client.get("/en/partners/").content.decode()
    assert html.index("Ministry of Labour, Jordan") < html.index("Aid Collective")
    assert "<h2" in html and "Government" in html and "Civil society" in html


def test_unknown_partner_is_not_found(client, home_page):
    assert client.get("/en/partners/nobody/").status_code == 404
