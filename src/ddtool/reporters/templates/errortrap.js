// Record script errors in a hidden element, so a test (or a person) can see them.
(function () {
  var box = document.getElementById("js-errors");
  function note(text) {
    var line = document.createElement("div");
    line.textContent = String(text);
    box.appendChild(line);
  }
  window.addEventListener("error", function (event) {
    note("error: " + event.message + " at " + event.filename + ":" + event.lineno);
  });
  window.addEventListener("unhandledrejection", function (event) {
    note("unhandled rejection: " + event.reason);
  });
})();
