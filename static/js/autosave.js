// Autosave, the same on every page (forms rendered with components/autosave_form_attrs.html carry
// data-autosave; HTMX posts them when the typing stops). This file only keeps track of what is not saved yet
// and warns before the page is left with unsaved input. Every form also saves with its button without it.
//
// - A form is unsaved from the first input until a save that started after the last input succeeded (2xx).
//   A refused save (400 invalid, 409 conflict) leaves it unsaved.
// - A form the server rendered with data-unsaved (e.g. a motivation drafted with "Maak een concept" that is
//   not stored yet) counts as unsaved from the start.
// - Forms with data-warn-unsaved (no autosave, a plain button) are tracked the same way.
(function () {
  "use strict";

  const TRACKED = "form[data-autosave], form[data-warn-unsaved]";
  const unsaved = new Map(); // form id -> input counter at the last input
  let counter = 0;

  function track() {
    document.querySelectorAll("form[data-unsaved]").forEach((form) => {
      if (form.id && !unsaved.has(form.id)) unsaved.set(form.id, ++counter);
    });
  }

  document.addEventListener("input", (event) => {
    const form = event.target.closest && event.target.closest(TRACKED);
    if (form && form.id) unsaved.set(form.id, ++counter);
  });

  document.addEventListener("htmx:beforeRequest", (event) => {
    const form = event.detail.elt && event.detail.elt.closest && event.detail.elt.closest(TRACKED);
    if (form) form.dataset.autosaveSent = String(counter);
  });

  document.addEventListener("htmx:afterRequest", (event) => {
    const form = event.detail.elt && event.detail.elt.closest && event.detail.elt.closest(TRACKED);
    if (!form || !form.id || !event.detail.xhr) return;
    const status = event.detail.xhr.status;
    const sent = Number(form.dataset.autosaveSent || "0");
    if (status >= 200 && status < 300 && (unsaved.get(form.id) || 0) <= sent && form.isConnected) {
      unsaved.delete(form.id);
      form.removeAttribute("data-unsaved");
    }
  });

  // A section the server sent again may carry an unsaved draft; a form that disappeared is no longer pending.
  document.addEventListener("htmx:afterSettle", () => {
    unsaved.forEach((_value, id) => { if (!document.getElementById(id)) unsaved.delete(id); });
    track();
  });

  // A plain submit (not taken over by HTMX) leaves the page on purpose: the form itself is being saved.
  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (form.id && !event.defaultPrevented) unsaved.delete(form.id);
  });

  window.addEventListener("beforeunload", (event) => {
    if (unsaved.size > 0) {
      event.preventDefault();
      event.returnValue = "";
    }
  });

  document.addEventListener("DOMContentLoaded", track);
})();
