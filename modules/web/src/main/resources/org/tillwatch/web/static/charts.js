// Draws the store and chain charts from the JSON blocks the server renders next to each canvas.
(function () {
  'use strict';
  function draw(canvas) {
    var block = document.getElementById(canvas.getAttribute('data-chart'));
    if (!block || typeof Chart === 'undefined') return;
    var d = JSON.parse(block.textContent);
    var config;
    if (d.type === 'availability') {
      config = {
        type: 'line',
        data: {
          labels: d.labels,
          datasets: [
            { label: d.label, data: d.values, borderColor: '#2b6cb0', backgroundColor: '#2b6cb0', spanGaps: false, yAxisID: 'y' },
            { label: d.targetLabel, data: d.target, borderColor: '#c53030', borderDash: [6, 4], pointRadius: 0, yAxisID: 'y' },
            { label: d.volumeLabel, data: d.volume, type: 'bar', backgroundColor: 'rgba(160,174,192,0.35)', yAxisID: 'v' }
          ]
        },
        options: {
          animation: false, maintainAspectRatio: false,
          scales: { y: { min: 0, max: 100, position: 'left' }, v: { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false } } }
        }
      };
    } else {
      config = {
        type: 'bar',
        data: { labels: d.labels, datasets: [{ label: d.label, data: d.values, backgroundColor: '#dd6b20' }] },
        options: { animation: false, maintainAspectRatio: false, indexAxis: 'y', plugins: { legend: { display: false } } }
      };
    }
    canvas.chart = new Chart(canvas, config);
    canvas.setAttribute('data-drawn', 'true');
  }
  document.querySelectorAll('canvas[data-chart]').forEach(draw);
})();
