from knowledge.models.base import KnowledgePage
from knowledge.models.briefs import PolicyBriefDocument, PolicyBriefPage
from knowledge.models.indexes import (
    JointActionIndexPage,
    KnowledgeIndexPage,
    LessonLearnedIndexPage,
    PolicyBriefIndexPage,
)
from knowledge.models.joint_actions import JointActionPage
from knowledge.models.lessons import LessonLearnedPage

KNOWLEDGE_PAGE_MODELS = (PolicyBriefPage, LessonLearnedPage, JointActionPage)

__all__ = [
    "KNOWLEDGE_PAGE_MODELS",
    "JointActionIndexPage",
    "JointActionPage",
    "KnowledgeIndexPage",
    "KnowledgePage",
    "LessonLearnedIndexPage",
    "LessonLearnedPage",
    "PolicyBriefDocument",
    "PolicyBriefIndexPage",
    "PolicyBriefPage",
]
