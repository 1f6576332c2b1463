// Timeline axis: places bars from their data-* day offsets and zooms by changing the
// pixels per day. No libraries; positions are set through the CSSOM (allowed by CSP).
(function () {
  "use strict";
  var axis = document.getElementById("axis");
  var scroller = document.getElementById("axis-scroll");
  if (!axis || !scroller) { return; }
  var days = Math.max(1, Number(axis.dataset.days));
  var lanes = Math.max(1, Number(axis.dataset.lanes));
  var laneHeight = 30, top = 22;
  var scale = Math.max(0.5, (scroller.clientWidth - 40) / days);

  function draw() {
    var lastLabel = -Infinity;
    axis.style.width = Math.ceil(days * scale + 40) + "px";
    axis.style.height = (top + lanes * laneHeight + 8) + "px";
    axis.querySelectorAll("[data-start]").forEach(function (el) {
      el.style.left = (Number(el.dataset.start) * scale) + "px";
      if (el.classList.contains("tick")) {
        // label a month only where it does not run into the previous label
        var x = Number(el.dataset.start) * scale;
        el.classList.toggle("quiet", x - lastLabel < 64);
        if (x - lastLabel >= 64) { lastLabel = x; }
      }
      if (el.classList.contains("bar")) {
        el.style.width = Math.max(8, Number(el.dataset.days) * scale) + "px";
        el.style.top = (top + Number(el.dataset.lane) * laneHeight) + "px";
      }
    });
  }

  document.querySelectorAll("[data-zoom]").forEach(function (button) {
    button.addEventListener("click", function () {
      var how = button.dataset.zoom;
      var centre = (scroller.scrollLeft + scroller.clientWidth / 2) / scale;
      scale = how === "fit" ? Math.max(0.5, (scroller.clientWidth - 40) / days)
        : Math.min(200, Math.max(0.05, scale * Number(how)));
      draw();
      scroller.scrollLeft = centre * scale - scroller.clientWidth / 2;
    });
  });
  draw();
}());
