// One behaviour for every HTMX update, so a keyboard or screen-reader user keeps their place (WCAG 2.4.3,
// 3.3.1, 4.1.3). Every page works without this file: forms post normally and the server links its errors.
//
// - A region was replaced (a section, a form, a side page's workspace): if the focus was lost with the old
//   content, it goes to the first field with an error, else to the error message, else to the first field of
//   the form that was sent (e.g. the "new item" form again) or that a link opened ("Regel toevoegen"), else to
//   the region's heading. Never to the body.
// - An autosave answered in its status line: a refused save marks the fields it names (aria-invalid and
//   aria-describedby pointing at the message); a later successful save removes those marks again.
// - Errors that arrive with an update are announced in the page's live region (#live-region, base.html).
(function () {
  "use strict";

  const FIELDS = "input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled])";
  const ERRORS = ".utrecht-form-field-error-message, .save-status__errors li, [role=alert]";
  let lastTarget = null;
  let focusWasInside = false;
  let quiet = false;
  let senderId = null;
  let opened = false;

  function announce(text) {
    const region = document.getElementById("live-region");
    if (!region || !text) return;
    region.textContent = "";
    window.setTimeout(() => { region.textContent = text; }, 100);
  }

  function focusOn(element) {
    if (!element) return false;
    if (!element.matches("a[href], button, " + FIELDS) && !element.hasAttribute("tabindex")) {
      element.setAttribute("tabindex", "-1");
    }
    element.focus();
    return document.activeElement === element;
  }

  function isStatusLine(element) {
    return element.matches(".save-status, [role=status]") && !element.querySelector("form, section");
  }

  function errorTexts(root) {
    const texts = [];
    root.querySelectorAll(ERRORS).forEach((node) => {
      const text = node.textContent.trim().replace(/\s+/g, " ");
      if (text && !texts.includes(text)) texts.push(text);
    });
    return texts;
  }

  // An autosave's status line: mark (or unmark) the fields the answer names.
  function linkAutosaveErrors(status) {
    const form = status.closest("form");
    if (!form) return;
    form.querySelectorAll("[data-autosave-invalid]").forEach((field) => {
      field.removeAttribute("aria-invalid");
      field.removeAttribute("data-autosave-invalid");
      const ids = (field.getAttribute("aria-describedby") || "").split(" ").filter((id) => id && !id.startsWith(status.id + "-"));
      if (ids.length) field.setAttribute("aria-describedby", ids.join(" "));
      else field.removeAttribute("aria-describedby");
    });
    status.querySelectorAll("[data-error-for]").forEach((item) => {
      const field = document.getElementById(item.dataset.errorFor);
      if (!field) return;
      field.setAttribute("aria-invalid", "true");
      field.setAttribute("data-autosave-invalid", "");
      const ids = (field.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
      if (!ids.includes(item.id)) ids.push(item.id);
      field.setAttribute("aria-describedby", ids.join(" "));
    });
    const errors = errorTexts(status);
    if (errors.length) announce(status.textContent.trim().split("\n")[0] + " " + errors.join(". "));
  }

  function placeFocus(region, formId, openedForm) {
    const invalid = region.querySelector("[aria-invalid=true]");
    if (invalid && focusOn(invalid)) return;
    const alert = region.querySelector("[role=alert], .utrecht-form-field-error-message");
    if (alert && focusOn(alert)) return;
    if (formId) {
      const form = document.getElementById(formId);
      if (form && region.contains(form) && focusOn(form.querySelector(FIELDS))) return;
    }
    // A link or button that opened a form (e.g. "Regel toevoegen"): its first field.
    const newForm = openedForm && (region.matches("form") ? region : region.querySelector("form"));
    if (newForm && focusOn(newForm.querySelector(FIELDS))) return;
    const heading = region.matches("h1, h2, h3") ? region : region.querySelector("h1, h2, h3");
    if (heading && focusOn(heading)) return;
    focusOn(region);
  }

  // Scroll areas (wide tables on a phone) must be reachable by keyboard and have a name.
  function nameScrollAreas(root) {
    root.querySelectorAll("table").forEach((table) => {
      if (table.closest(".table-scroll") || table.scrollWidth <= table.clientWidth + 1) return;
      table.setAttribute("tabindex", "0");
      if (!table.hasAttribute("aria-label") && !table.querySelector("caption")) {
        const heading = table.closest("section") && table.closest("section").querySelector("h2, h3");
        if (heading) table.setAttribute("aria-label", heading.textContent.trim());
      }
    });
  }

  document.addEventListener("htmx:beforeSwap", (event) => {
    const target = event.detail.target;
    lastTarget = target ? target.id : null;
    // Content that loads by itself (the plan's navigation on a side page) never takes the focus.
    quiet = !!(target && target.closest("[data-a11y-quiet]"));
    const config = event.detail.requestConfig;
    const sender = (config && config.elt) || event.detail.elt;
    const form = sender && sender.closest ? sender.closest("form") : null;
    senderId = form ? form.id : null;
    opened = !!(config && config.verb === "get");
    focusWasInside = !!(target && (target.contains(document.activeElement) || document.activeElement === document.body));
  });

  document.addEventListener("htmx:afterSettle", (event) => {
    if (quiet) return;
    const old = event.detail.target;
    const region = (lastTarget && document.getElementById(lastTarget)) || (old && old.isConnected ? old : null);
    if (!region) return;
    if (isStatusLine(region)) {
      linkAutosaveErrors(region);
      return;
    }
    const lost = focusWasInside || !document.activeElement || document.activeElement === document.body || !document.activeElement.isConnected;
    if (lost) placeFocus(region, senderId, opened);
    const errors = errorTexts(region);
    if (errors.length) announce(errors.join(". "));
    nameScrollAreas(region);
  });

  document.addEventListener("DOMContentLoaded", () => nameScrollAreas(document));
})();
