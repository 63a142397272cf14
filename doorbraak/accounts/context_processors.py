def second_step(request):
    """``second_step_done``: the signed-in user passed the second step (set by MfaRequiredMiddleware), so the page
    header shows the main menu; before that only the sign-out button."""
    return {"second_step_done": getattr(request, "second_step_done", False)}
