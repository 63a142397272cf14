// Dashboards: draws the bar chart from the json_script data. The table under it holds the same figures (and the
// held-back ones), so the chart is an extra for sighted users; without JavaScript the table is all there is.
(function () {
  "use strict";
  function draw() {
    const dataNode = document.getElementById("dashboard-chart-data");
    const canvas = document.getElementById("dashboard-chart");
    if (!dataNode || !canvas || typeof window.Chart === "undefined") { return; }
    const data = JSON.parse(dataNode.textContent);
    const colour = getComputedStyle(document.documentElement).getPropertyValue("--doorbraak-primary").trim() || "#01689b";
    new window.Chart(canvas, {
      type: "bar",
      data: { labels: data.labels, datasets: [{ label: data.title, data: data.values, backgroundColor: colour }] },
      options: {
        indexAxis: "y",
        animation: false,
        maintainAspectRatio: false,
        plugins: { legend: { display: false } },
        scales: { x: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
  }
  document.addEventListener("DOMContentLoaded", draw);
})();
