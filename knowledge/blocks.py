"""StreamField blocks of the knowledge pages: what an author may put in a brief."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

# Rich text in briefs stays editorial: no embeds or raw HTML, so what authors
# write renders the same in every language and under the strict CSP.
PARAGRAPH_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        label = _("Heading")
        template = "knowledge/blocks/heading_block.html"


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", PARAGRAPH_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quotation"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "knowledge/blocks/quote_block.html"


class DataTableBlock(TableBlock):
    class Meta:
        icon = "table"
        label = _("Table")
        template = "knowledge/blocks/data_table_block.html"


class FigureBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)

    class Meta:
        icon = "image"
        label = _("Figure")
        template = "knowledge/blocks/figure_block.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        max_length=200,
        help_text=_("Leave empty to use the document's title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "knowledge/blocks/document_block.html"


class BriefBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    quote = QuoteBlock()
    table = DataTableBlock()
    figure = FigureBlock()
    document = DocumentBlock()


class RecommendationBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Recommendation"), max_length=300)
    detail = blocks.TextBlock(label=_("Detail"), required=False)

    class Meta:
        icon = "tick"
        label = _("Recommendation")
        template = "knowledge/blocks/recommendation_block.html"
