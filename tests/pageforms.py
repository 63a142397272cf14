"""Post a form exactly as the page renders it, the way a browser would.

A test that builds its own POST data can pass while the real form fails (the hidden fields of a suggested
cost line once carried Dutch decimal commas the view could not read). These helpers read the form from the
HTML the user got, keep every field with the value the page gave it, let the test fill in what the user
would type or choose, and post that.

    page = client.get(url)
    form = rendered_form(page, action_contains="/suggestie/")
    response = form.submit(client, {"quantity": "3"})
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin

_TEXT_TYPES = {"text", "hidden", "number", "date", "email", "search", "tel", "url", "password", "time", "month"}


@dataclass
class RenderedForm:
    action: str
    method: str
    attrs: dict[str, str]
    fields: list[tuple[str, str]] = field(default_factory=list)
    # the submit buttons as (name, value) with the button's text, so a test can press one by its label
    buttons: list[tuple[str, str, str]] = field(default_factory=list)
    # names of fields the page renders (also unchecked boxes and empty selects), to catch typos in overrides
    names: set[str] = field(default_factory=set)

    def data(self, changes: dict[str, str | list[str] | None] | None = None) -> dict[str, list[str]]:
        """The fields as the browser would send them, with the user's changes; None removes a field
        (unticks a box). Changing a field the page does not render is an error: a user cannot do that."""
        result: dict[str, list[str]] = {}
        for name, value in self.fields:
            result.setdefault(name, []).append(value)
        for name, value in (changes or {}).items():
            if name not in self.names:
                raise AssertionError(f"the rendered form has no field {name!r}; it has {sorted(self.names)}")
            if value is None:
                result.pop(name, None)
            else:
                result[name] = list(value) if isinstance(value, (list, tuple)) else [value]
        return result

    def submit(self, client, changes=None, *, button: str | None = None, **extra):
        """Post (or get) the form with `client`; `button` is the visible text of the submit button pressed."""
        data = self.data(changes)
        if button is not None:
            matches = [b for b in self.buttons if button in b[2]]
            if not matches:
                raise AssertionError(f"no submit button {button!r}; buttons: {[b[2] for b in self.buttons]}")
            name, value, _label = matches[0]
            if name:
                data.setdefault(name, []).append(value)
        if self.method == "get":
            return client.get(self.action, data, **extra)
        return client.post(self.action, data, **extra)


class _FormParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[RenderedForm] = []
        self._form: RenderedForm | None = None
        self._select: tuple[str, bool] | None = None  # (name, multiple)
        self._select_options: list[tuple[str, bool]] = []
        self._option: dict | None = None
        self._textarea: str | None = None
        self._text: list[str] = []
        self._button: dict | None = None

    def handle_starttag(self, tag, attrs_list):
        attrs = {k: (v if v is not None else "") for k, v in attrs_list}
        if tag == "form":
            self._form = RenderedForm(
                action=attrs.get("action", ""), method=attrs.get("method", "get").lower(), attrs=attrs
            )
            self.forms.append(self._form)
            return
        form = self._form
        if form is None or "disabled" in attrs:
            return
        name = attrs.get("name")
        if tag == "input":
            kind = attrs.get("type", "text").lower()
            if not name:
                return
            form.names.add(name)
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    form.fields.append((name, attrs.get("value", "on")))
            elif kind == "submit":
                form.buttons.append((name, attrs.get("value", ""), attrs.get("value", "")))
            elif kind in _TEXT_TYPES or kind not in ("file", "image", "reset", "button"):
                form.fields.append((name, attrs.get("value", "")))
        elif tag == "textarea" and name:
            form.names.add(name)
            self._textarea, self._text = name, []
        elif tag == "select" and name:
            form.names.add(name)
            self._select, self._select_options = (name, "multiple" in attrs), []
        elif tag == "option" and self._select:
            self._option = {"value": attrs.get("value"), "selected": "selected" in attrs, "text": []}
        elif tag == "button":
            if attrs.get("type", "submit").lower() == "submit":
                self._button = {"name": name or "", "value": attrs.get("value", ""), "text": []}

    def handle_data(self, data):
        if self._textarea is not None:
            self._text.append(data)
        if self._option is not None:
            self._option["text"].append(data)
        if self._button is not None:
            self._button["text"].append(data)

    def handle_endtag(self, tag):
        form = self._form
        if tag == "form":
            self._form = None
        elif tag == "textarea" and self._textarea is not None and form is not None:
            text = "".join(self._text)
            form.fields.append((self._textarea, text[1:] if text.startswith("\n") else text))
            self._textarea = None
        elif tag == "option" and self._option is not None:
            value = self._option["value"]
            if value is None:
                value = "".join(self._option["text"]).strip()
            self._select_options.append((value, self._option["selected"]))
            self._option = None
        elif tag == "select" and self._select is not None and form is not None:
            name, multiple = self._select
            chosen = [value for value, selected in self._select_options if selected]
            if not chosen and not multiple and self._select_options:
                chosen = [self._select_options[0][0]]  # a browser sends the first option when none is selected
            form.fields.extend((name, value) for value in chosen)
            self._select = None
        elif tag == "button" and self._button is not None and form is not None:
            label = " ".join("".join(self._button["text"]).split())
            form.buttons.append((self._button["name"], self._button["value"], label))
            if self._button["name"]:
                form.names.add(self._button["name"])
            self._button = None


def rendered_forms(page) -> list[RenderedForm]:
    """Every form on the page (a response or an HTML string), with relative actions resolved."""
    html = page if isinstance(page, str) else page.content.decode()
    base = "" if isinstance(page, str) else page.wsgi_request.path
    parser = _FormParser()
    parser.feed(html)
    for form in parser.forms:
        form.action = urljoin(base, form.action) if form.action else base
    return parser.forms


def rendered_form(page, *, action_contains: str | None = None, with_field: str | None = None, index: int = 0):
    """The form on the page whose action contains `action_contains` and/or that has the field `with_field`;
    with more than one match, the one at `index`. Fails with the actions found when nothing matches."""
    forms = rendered_forms(page)
    matches = [
        form
        for form in forms
        if (action_contains is None or action_contains in form.action)
        and (with_field is None or with_field in form.names)
    ]
    if len(matches) <= index:
        raise AssertionError(
            f"no form (action containing {action_contains!r}, field {with_field!r}) at index {index}; "
            f"forms on the page: {[form.action for form in forms]}"
        )
    return matches[index]
