"""Keyboard and screen-reader checks for the browser tests: where the focus is, and what was announced."""

from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from .support import axe_violations, describe_violations

FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  return {tag: el.tagName.toLowerCase(), id: el.id, name: el.getAttribute("name"),
          text: (el.textContent || "").trim().slice(0, 80), invalid: el.getAttribute("aria-invalid"),
          describedby: el.getAttribute("aria-describedby")};
}"""


def focused(page) -> dict | None:
    """The focused element (tag, id, name, text, aria-invalid, aria-describedby), or None when it is the body."""
    return page.evaluate(FOCUSED)


def assert_focus_kept(page) -> dict:
    """The focus did not drop to the page body after an update (HTMX moves it once the swap has settled, so
    this waits up to two seconds for that)."""
    try:
        page.wait_for_function("() => document.activeElement && document.activeElement !== document.body", timeout=2000)
    except PlaywrightTimeoutError:
        pass
    element = focused(page)
    assert element is not None, "the focus dropped to the page body"
    return element


def assert_tab_moves_on(page) -> None:
    """Tab and Shift+Tab move from the focused element and come back to it: the keyboard still works here."""
    before = assert_focus_kept(page)
    page.keyboard.press("Tab")
    after = assert_focus_kept(page)
    assert after != before, "Tab did not move the focus"
    page.keyboard.press("Shift+Tab")
    assert focused(page) == before, "Shift+Tab did not come back"


def described_by_text(page, element_id: str) -> str:
    """The text of the elements that aria-describedby of ``element_id`` points at (each must exist)."""
    return page.evaluate(
        """(id) => {
          const el = document.getElementById(id);
          const ids = (el.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
          return ids.map((ref) => {
            const node = document.getElementById(ref);
            return node ? node.textContent : "<missing " + ref + ">";
          }).join(" | ");
        }""",
        element_id,
    )


def announced(page) -> str:
    """What the page's live region (base.html) holds now."""
    return page.locator("#live-region").text_content() or ""


def assert_accessible(page, when: str) -> None:
    violations = axe_violations(page)
    assert not violations, f"{when} — {page.url}\n{describe_violations(violations)}"
