"""Response headers that hold for every page."""

from django.utils.cache import patch_cache_control


class NoStoreForSignedInMiddleware:
    """Pages for a signed-in user carry personal data: no browser or proxy may keep a copy
    (``Cache-Control: no-store, private``). A view that chose its own caching for non-personal content
    (the municipality's stylesheet) keeps it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not response.has_header("Cache-Control"):
            patch_cache_control(response, no_store=True, private=True)
        return response
