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
