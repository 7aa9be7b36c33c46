// Draws each chart of a page from the JSON the server put beside it. A chart is a picture of the
// data table next to it (which is what screen readers and keyboard users get), so the chart itself
// is one image with a text alternative and takes no focus.
(function () {
  "use strict";
  var lang = document.documentElement.lang || "en";
  var percent = new Intl.NumberFormat(lang, { style: "percent", maximumFractionDigits: 0 });
  var decimal = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  var palette = ["#1d70b8", "#00703c", "#d4351c", "#4c2c92", "#f47738", "#505a5f"];

  function axisFormat(isPercent) {
    return function (value) {
      return isPercent ? percent.format(value) : decimal.format(value);
    };
  }

  function survival(data) {
    var steps = data.steps;
    function column(i) {
      return steps.map(function (s) { return [s[0], s[i] == null ? s[1] : s[i]]; });
    }
    var band = { type: "dashed", width: 1.5, color: "#505a5f" };
    return {
      color: ["#1d70b8", "#505a5f"],
      animation: false,
      grid: { left: 56, right: 24, top: 40, bottom: 48 },
      legend: { top: 0, data: [data.labels.survival, data.labels.band] },
      xAxis: { type: "value", name: data.labels.x, nameLocation: "middle", nameGap: 28, min: 0,
               axisLabel: { formatter: axisFormat(false) } },
      yAxis: { type: "value", min: 0, max: 1, axisLabel: { formatter: axisFormat(true) } },
      series: [
        { name: data.labels.band, type: "line", step: "end", data: column(2), symbol: "none",
          lineStyle: band, silent: true },
        { name: data.labels.band, type: "line", step: "end", data: column(3), symbol: "none",
          lineStyle: band, silent: true },
        { name: data.labels.survival, type: "line", step: "end", data: column(1), symbol: "none",
          lineStyle: { width: 3, color: "#1d70b8" } }
      ]
    };
  }

  function bars(data) {
    return {
      color: palette,
      animation: false,
      grid: { left: 56, right: 24, top: 40, bottom: 72, containLabel: true },
      legend: { top: 0 },
      xAxis: { type: "category", data: data.categories, axisLabel: { interval: 0, overflow: "break", width: 110 } },
      yAxis: { type: "value", min: 0, max: data.percent ? 1 : null,
               axisLabel: { formatter: axisFormat(data.percent) } },
      series: data.series.map(function (s) {
        return { name: s.name, type: "bar", data: s.values, barMaxWidth: 48 };
      })
    };
  }

  function draw(element) {
    var source = document.getElementById(element.getAttribute("data-chart-data"));
    if (!source || typeof echarts === "undefined") {
      return;
    }
    var data = JSON.parse(source.textContent);
    var chart = echarts.init(element, null, { renderer: "svg" });
    chart.setOption(element.getAttribute("data-chart") === "survival" ? survival(data) : bars(data));
    element.setAttribute("data-chart-drawn", "true");
    window.addEventListener("resize", function () { chart.resize(); });
  }

  function drawAll() {
    var charts = document.querySelectorAll("[data-chart]");
    for (var i = 0; i < charts.length; i++) {
      draw(charts[i]);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawAll);
  } else {
    drawAll();
  }
})();
