"""One index page per kind of knowledge and language: a filtered, paginated list."""

from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from knowledge.models.briefs import PolicyBriefPage
from knowledge.models.joint_actions import JointActionPage
from knowledge.models.lessons import LessonLearnedPage
from portal.page_serving import ServedInFewQueriesMixin


class KnowledgeIndexPage(ServedInFewQueriesMixin, Page):
    """Lists every page of ``listing_model`` readable in this page's language,
    narrowed by the filters in the address (so a filtered list can be shared)."""

    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    parent_page_types = ["portal.HomePage"]
    max_count_per_parent = 1
    per_page = 12
    listing_model = None

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        from knowledge.feeds import feed_links_for
        from knowledge.filters import KnowledgeFilterForm
        from knowledge.selectors import attach_listing_relations, filter_vocabulary, knowledge_page_list
        from portal.pagecache import fragments

        context = super().get_context(request, *args, **kwargs)
        # A filtered list, or a page of it after the first, is not indexed (the head
        # says so whether or not the body is kept).
        context["narrowed"] = any(request.GET.get(name) for name in KnowledgeFilterForm.base_fields) or (
            request.GET.get("page", "1") != "1"
        )
        context["feed_links"] = feed_links_for(self.listing_model.feed_kind)
        if fragments.lookup(request) is not None:
            return context
        form = KnowledgeFilterForm(request.GET, model=self.listing_model, vocabulary=filter_vocabulary())
        items = knowledge_page_list(
            self.listing_model, locale=self.locale_id, user=request.user, **form.filters()
        ).prefetch_related(None)
        paginator = Paginator(items, self.per_page)
        page_obj = paginator.get_page(request.GET.get("page"))
        # The relations of the listed page in one query rather than one per relation.
        page_obj.object_list = attach_listing_relations(list(page_obj.object_list))
        context.update(
            filter_form=form,
            filters_active=form.has_filters(),
            page_obj=page_obj,
            items=page_obj.object_list,
            page_numbers=paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1),
            ellipsis=paginator.ELLIPSIS,
            export_kind=self.listing_model.feed_kind,
        )
        return context


class PolicyBriefIndexPage(KnowledgeIndexPage):
    subpage_types = ["knowledge.PolicyBriefPage"]
    listing_model = PolicyBriefPage
    template = "knowledge/policy_brief_index_page.html"

    class Meta:
        verbose_name = _("policy brief index")


class LessonLearnedIndexPage(KnowledgeIndexPage):
    subpage_types = ["knowledge.LessonLearnedPage"]
    listing_model = LessonLearnedPage
    template = "knowledge/lesson_learned_index_page.html"

    class Meta:
        verbose_name = _("lessons learned index")


class JointActionIndexPage(KnowledgeIndexPage):
    subpage_types = ["knowledge.JointActionPage"]
    listing_model = JointActionPage
    template = "knowledge/joint_action_index_page.html"

    class Meta:
        verbose_name = _("joint action index")
