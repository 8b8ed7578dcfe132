"""What happens when a workflow ends (``WAGTAIL_FINISH_WORKFLOW_ACTION``).

Wagtail imports this while it defines its own models, so the imports of models
wait until a workflow actually finishes.
"""


def publish_when_signed_off(workflow_state, user=None):
    """Publish at the end of a workflow.

    After organisation sign-off, the revision the reviewers signed is published in
    their name: the sign-off is the permission, so reviewers need no publish right
    of their own (which would let them publish without the other organisations).
    Other workflows keep Wagtail's rule that the last approver may publish.
    """
    from wagtail.workflows import publish_workflow_state

    from portal.accounts.workflows import OrganisationSignOffTask

    task_state = workflow_state.current_task_state
    if task_state is not None and isinstance(task_state.task.specific, OrganisationSignOffTask):
        task_state.revision.publish(user=user, skip_permission_checks=True)
    else:
        publish_workflow_state(workflow_state, user=user)
