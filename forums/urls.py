from django.urls import path

from forums.feeds import ForumFeed
from forums.views import lessons, moderating, people, reading, writing

app_name = "forums"
urlpatterns = [
    path("", reading.forum_list, name="index"),
    path("preview/", writing.preview, name="preview"),
    path("people/<str:username>/", people.person_detail, name="person_detail"),
    path("discuss/<int:page_id>/", reading.discuss_resource, name="discuss_resource"),
    path("topic/<int:pk>/", reading.topic_detail, name="topic_detail"),
    path("topic/<int:pk>/unread/", reading.topic_unread, name="topic_unread"),
    path("topic/<int:pk>/reply/", writing.post_create, name="post_create"),
    path("topic/<int:pk>/watch/", writing.topic_watch, name="topic_watch"),
    path("topic/<int:pk>/lesson/", lessons.lesson_draft, name="lesson_draft"),
    path("topic/<int:pk>/move/", moderating.topic_move, name="topic_move"),
    path("topic/<int:pk>/<slug:action>/", moderating.topic_flag, name="topic_flag"),
    path("post/<int:pk>/", reading.post_detail, name="post_detail"),
    path("post/<int:pk>/edit/", writing.post_edit, name="post_edit"),
    path("post/<int:pk>/delete/", writing.post_delete, name="post_delete"),
    path("post/<int:pk>/report/", writing.post_report, name="post_report"),
    path("post/<int:pk>/helpful/", writing.post_react, name="post_react"),
    path("post/<int:pk>/answer/", writing.post_mark_answer, name="post_mark_answer"),
    path("post/<int:pk>/history/", moderating.post_history, name="post_history"),
    path("<slug:slug>/", reading.forum_detail, name="forum_detail"),
    path("<slug:slug>/new/", writing.topic_create, name="topic_create"),
    path("<slug:slug>/watch/", writing.forum_watch, name="forum_watch"),
    path("<slug:slug>/feed/", ForumFeed(), name="forum_feed"),
]
