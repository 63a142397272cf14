"""The request an audit row belongs to: its id (``X-Request-ID``) and the signed-in user's role.

``RequestIdMiddleware`` sets it for each request; ``audit_record`` reads it, so every row of one request carries
the same request id without each service passing the request along. Outside a request (commands, the demo)
there is none: the id stays empty and the role is read from the actor's membership.
"""

import contextvars
import re
import uuid

_current_request = contextvars.ContextVar("doorbraak_audit_request", default=None)
REQUEST_ID = re.compile(r"[0-9a-f]{32}")


def new_request_id() -> str:
    return uuid.uuid4().hex


def bind(request) -> contextvars.Token:
    return _current_request.set(request)


def unbind(token: contextvars.Token) -> None:
    _current_request.reset(token)


def current_request():
    return _current_request.get()
