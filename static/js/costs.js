// Rendement: draws the who-pays/who-benefits chart from the json_script data. The same figures are in the
// table next to it, so the page is complete without this file. Re-draws after every HTMX swap.
(function () {
  let chart = null;

  function draw() {
    const dataNode = document.getElementById("costs-chart-data");
    const canvas = document.getElementById("costs-chart");
    if (chart) { chart.destroy(); chart = null; }
    if (!dataNode || !canvas || typeof window.Chart === "undefined") { return; }
    const data = JSON.parse(dataNode.textContent);
    const euro = new Intl.NumberFormat("nl-NL", { style: "currency", currency: "EUR" });
    chart = new window.Chart(canvas, {
      type: "bar",
      data: {
        labels: data.streams,
        datasets: [
          { label: data.labels.direct, data: data.direct.map(Number), backgroundColor: "#1a5f8c" },
          { label: data.labels.avoided, data: data.avoided.map(Number), backgroundColor: "#e08a00" },
        ],
      },
      options: {
        animation: false,
        responsive: true,
        plugins: {
          tooltip: { callbacks: { label: (ctx) => `${ctx.dataset.label}: ${euro.format(ctx.parsed.y)}` } },
        },
        scales: { y: { ticks: { callback: (value) => euro.format(value) } } },
      },
    });
  }

  document.addEventListener("DOMContentLoaded", draw);
  document.addEventListener("htmx:afterSettle", draw);
})();

// The cost-line form's price field as an ARIA 1.2 combobox (an editable input with a list popup): type to
// narrow the list, arrow keys to move, Enter to choose, Escape to close (or clear). The <select> stays in the
// form, hidden, and holds the chosen value, so the post is the same as without JavaScript; without this file
// the page offers the GET search field above the form instead.
(function () {
  "use strict";

  let counter = 0;

  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function enhance(select) {
    if (select.dataset.comboboxReady) return;
    select.dataset.comboboxReady = "1";
    counter += 1;
    const id = select.id || "price-combobox-" + counter;
    const listId = id + "-listbox";
    const label = document.querySelector('label[for="' + id + '"]');
    const form = select.form;
    const search = form && form.parentElement && form.parentElement.querySelector("[data-price-search]");
    if (search) search.hidden = true; // the combobox filters as you type

    const options = Array.from(select.options).map((option, index) => ({
      value: option.value,
      name: option.dataset.name || option.textContent.trim(),
      meta: option.dataset.meta || "",
      text: fold((option.dataset.name || option.textContent) + " " + (option.dataset.meta || "")),
      id: id + "-option-" + index,
    }));

    const wrapper = document.createElement("div");
    wrapper.className = "combobox";
    const input = document.createElement("input");
    input.type = "text";
    input.className = "utrecht-textbox combobox__input";
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("autocomplete", "off");
    ["aria-describedby", "aria-invalid"].forEach((name) => {
      if (select.hasAttribute(name)) input.setAttribute(name, select.getAttribute(name));
    });
    const list = document.createElement("ul");
    list.id = listId;
    list.className = "combobox__listbox";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    const chosenMeta = document.createElement("p");
    chosenMeta.className = "combobox__chosen";
    chosenMeta.id = id + "-chosen";
    const status = document.createElement("span");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    // the label now names the input; the hidden select keeps its value
    select.id = id + "-select";
    input.id = id;
    if (label) {
      label.id = label.id || id + "-label";
      list.setAttribute("aria-labelledby", label.id);
    }
    select.hidden = true;
    select.setAttribute("tabindex", "-1");
    select.parentNode.insertBefore(wrapper, select);
    wrapper.append(input, list, chosenMeta, status);
    // the chosen post's price, unit and origin stay visible under the field, and are read with it
    input.setAttribute("aria-describedby", ((input.getAttribute("aria-describedby") || "") + " " + chosenMeta.id).trim());

    let shown = [];
    let active = -1;

    function chosen() {
      return options.find((option) => option.value === select.value);
    }

    function showChosen() {
      const option = chosen();
      input.value = option && option.value ? option.name : "";
      chosenMeta.textContent = option && option.value ? option.meta : "";
    }

    function render(query) {
      const words = fold(query).split(/\s+/).filter(Boolean);
      shown = options.filter((option) => words.every((word) => option.text.includes(word)));
      list.replaceChildren(
        ...shown.map((option) => {
          const item = document.createElement("li");
          item.id = option.id;
          item.className = "combobox__option";
          item.setAttribute("role", "option");
          item.setAttribute("aria-selected", option.value === select.value ? "true" : "false");
          item.dataset.value = option.value;
          const name = document.createElement("span");
          name.className = "combobox__name";
          name.textContent = option.name;
          item.append(name);
          if (option.meta) {
            const meta = document.createElement("span");
            meta.className = "combobox__meta";
            meta.textContent = option.meta;
            item.append(meta);
          }
          return item;
        })
      );
      if (!shown.length) {
        const empty = document.createElement("li");
        empty.className = "combobox__empty";
        empty.textContent = select.dataset.textNone;
        list.append(empty);
      }
      status.textContent = shown.length === 1 ? select.dataset.textOne : select.dataset.textMany.replace("{n}", shown.length);
      setActive(-1);
    }

    function open() {
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      setActive(-1);
    }

    function setActive(index) {
      const previous = list.querySelector(".combobox__option--active");
      if (previous) previous.classList.remove("combobox__option--active");
      active = index;
      if (index < 0 || !shown[index]) {
        input.removeAttribute("aria-activedescendant");
        return;
      }
      const node = document.getElementById(shown[index].id);
      node.classList.add("combobox__option--active");
      input.setAttribute("aria-activedescendant", node.id);
      node.scrollIntoView({ block: "nearest" });
    }

    function choose(index) {
      const option = shown[index];
      if (!option) return;
      select.value = option.value;
      select.dispatchEvent(new Event("change", { bubbles: true }));
      showChosen();
      close();
      status.textContent = option.value ? select.dataset.textChosen + " " + option.name + ", " + option.meta : option.name;
    }

    input.addEventListener("input", () => {
      render(input.value);
      open();
    });
    input.addEventListener("keydown", (event) => {
      const isOpen = !list.hidden;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        if (!isOpen) {
          render(event.altKey ? "" : input.value === (chosen() || {}).name ? "" : input.value);
          open();
          if (event.altKey) return;
        }
        const step = event.key === "ArrowDown" ? 1 : -1;
        const next = active < 0 ? (step > 0 ? 0 : shown.length - 1) : (active + step + shown.length) % shown.length;
        setActive(next);
      } else if (event.key === "Enter") {
        if (isOpen && active >= 0) {
          event.preventDefault(); // choose, do not submit the form
          choose(active);
        }
      } else if (event.key === "Escape") {
        if (isOpen) {
          event.preventDefault();
          close();
          showChosen();
        } else if (input.value) {
          event.preventDefault();
          input.value = "";
        }
      } else if (event.key === "Tab" && isOpen) {
        close();
        showChosen();
      }
    });
    list.addEventListener("mousedown", (event) => event.preventDefault()); // keep the focus in the input
    list.addEventListener("click", (event) => {
      const item = event.target.closest(".combobox__option");
      if (item) choose(shown.findIndex((option) => option.id === item.id));
    });
    input.addEventListener("blur", () => {
      if (!list.hidden) close();
      showChosen();
    });
    showChosen();
  }

  function enhanceAll(root) {
    (root || document).querySelectorAll("select[data-combobox]").forEach(enhance);
  }

  document.addEventListener("DOMContentLoaded", () => enhanceAll(document));
  // before htmx-a11y places the focus (it does that on afterSettle), so the focus can land in the combobox
  document.addEventListener("htmx:afterSwap", () => enhanceAll(document));
})();
