from django.urls import path

from knowledge.feeds import KnowledgeAtomFeed, KnowledgeRssFeed, ThemeAtomFeed, ThemeRssFeed

app_name = "knowledge"
urlpatterns = [
    path("feeds/themes/<slug:slug>/rss/", ThemeRssFeed(), name="theme_feed_rss"),
    path("feeds/themes/<slug:slug>/atom/", ThemeAtomFeed(), name="theme_feed_atom"),
    path("feeds/<slug:kind>/rss/", KnowledgeRssFeed(), name="feed_rss"),
    path("feeds/<slug:kind>/atom/", KnowledgeAtomFeed(), name="feed_atom"),
]
