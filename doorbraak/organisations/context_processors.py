def organisation(request):
    membership = getattr(request, "membership", None)
    return {
        "membership": membership,
        "current_organisation": membership.organisation if membership else None,
    }
