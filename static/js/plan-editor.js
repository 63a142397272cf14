// Plan editor enhancements. Every form on the page also works without this file (and without HTMX).
document.addEventListener("DOMContentLoaded", () => {
  // Warn before leaving while an autosave is still waiting for the typing to stop or for the server.
  const pending = new Set();
  document.body.addEventListener("input", (event) => {
    const form = event.target.closest("form[hx-trigger]");
    if (form) pending.add(form.id);
  });
  document.body.addEventListener("htmx:afterRequest", (event) => {
    const form = event.detail.elt;
    if (form && form.id && event.detail.successful) pending.delete(form.id);
  });
  window.addEventListener("beforeunload", (event) => {
    if (pending.size > 0) {
      event.preventDefault();
      event.returnValue = "";
    }
  });

});
