// 统计报表: draws the report's charts with ECharts (served from /lib/echarts) from the JSON block the page
// writes (#report-data). The tables under the charts carry every figure, so without this script, or without
// a canvas, nothing is lost but the pictures.
(function () {
  "use strict";
  var block = document.getElementById("report-data");
  if (!block || !window.echarts) return;
  var data = JSON.parse(block.textContent);
  var yuan = function (v) { return Number(v); };
  var money = function (v) { return Number(v).toLocaleString("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 }) + " 元"; };
  var palette = ["#1f6feb", "#1a7f37", "#d98e04", "#8250df", "#cf222e", "#0a7f8f", "#6e7781", "#bf3989", "#953800", "#57606a", "#116329", "#0969da"];
  var charts = [];

  function draw(id, option) {
    var el = document.getElementById(id);
    if (!el) return;
    var chart = window.echarts.init(el, null, { renderer: "canvas" });
    option.color = palette;
    option.animation = false;
    // ECharts 6 puts the legend at the bottom, over the axis labels: these charts keep it on top.
    if (option.grid) option.legend.top = 0;
    (option.series || []).forEach(function (s) { if (s.type === "bar") s.barMaxWidth = 56; });
    chart.setOption(option);
    charts.push(chart);
  }

  var labels = function (groups) { return groups.map(function (g) { return g.label; }); };

  draw("chart-months", {
    tooltip: { trigger: "axis" },
    legend: { data: ["申请件数", "补助金额（元）", "批准金额（元）"] },
    grid: { left: 60, right: 70, bottom: 30, top: 60 },
    xAxis: { type: "category", data: labels(data.byMonth) },
    yAxis: [{ type: "value", name: "件", minInterval: 1 }, { type: "value", name: "元" }],
    series: [
      { name: "申请件数", type: "bar", data: data.byMonth.map(function (g) { return g.count; }) },
      { name: "补助金额（元）", type: "line", yAxisIndex: 1, data: data.byMonth.map(function (g) { return yuan(g.amount); }) },
      { name: "批准金额（元）", type: "line", yAxisIndex: 1, data: data.byMonth.map(function (g) { return yuan(g.approvedAmount); }) }
    ]
  });

  draw("chart-status", {
    tooltip: { trigger: "item", formatter: "{b}：{c} 件（{d}%）" },
    legend: { bottom: 0, type: "scroll" },
    series: [{
      name: "按状态", type: "pie", radius: ["35%", "65%"], center: ["50%", "45%"],
      label: { formatter: "{b}\n{c} 件" },
      data: data.byStatus.map(function (g) { return { name: g.label, value: g.count }; })
    }]
  });

  draw("chart-tier", {
    tooltip: { trigger: "axis", valueFormatter: money },
    legend: { data: ["补助金额", "批准金额", "拨付金额"] },
    grid: { left: 80, right: 20, bottom: 30, top: 60 },
    xAxis: { type: "category", data: labels(data.byTier) },
    yAxis: { type: "value", name: "元" },
    series: ["amount", "approvedAmount", "paidAmount"].map(function (field, i) {
      return { name: ["补助金额", "批准金额", "拨付金额"][i], type: "bar", data: data.byTier.map(function (g) { return yuan(g[field]); }) };
    })
  });

  var months = data.budget.months;
  var budgetSeries = [
    { name: "累计批准", type: "line", areaStyle: { opacity: 0.15 }, data: months.map(function (m) { return yuan(m.approvedToDate); }) },
    { name: "累计拨付", type: "line", areaStyle: { opacity: 0.15 }, data: months.map(function (m) { return yuan(m.paidToDate); }) }
  ];
  if (data.budget.amount !== null) {
    budgetSeries.push({ name: "年度预算", type: "line", symbol: "none", lineStyle: { type: "dashed" },
      data: months.map(function () { return yuan(data.budget.amount); }) });
  }
  draw("chart-budget", {
    tooltip: { trigger: "axis", valueFormatter: money },
    legend: { data: budgetSeries.map(function (s) { return s.name; }) },
    grid: { left: 80, right: 20, bottom: 30, top: 60 },
    xAxis: { type: "category", data: months.map(function (m) { return m.month + "月"; }) },
    yAxis: { type: "value", name: "元" },
    series: budgetSeries
  });

  window.addEventListener("resize", function () { charts.forEach(function (c) { c.resize(); }); });
})();
