from .selectors import active_membership


class MembershipMiddleware:
    """Puts the user's active membership (or None) on the request as ``request.membership``."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.membership = active_membership(user=request.user)
        return self.get_response(request)
