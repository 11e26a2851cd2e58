// Live reload for `bantin serve`: reloads the page when the site was built
// again, and shows the errors of a failed build over the page until the
// file is fixed. Served only by `bantin serve`, never part of a built site.
(function () {
  "use strict";
  var box = null;
  var vi = (document.documentElement.lang || "vi").slice(0, 2) !== "en";
  function hide() {
    if (box) { box.remove(); box = null; }
  }
  function show(text) {
    if (!box) {
      box = document.createElement("div");
      box.id = "bantin-loi";
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;" +
        "background:rgba(20,10,10,.92);color:#fff;padding:1.5rem;font:15px/1.5 system-ui,sans-serif";
      var h = document.createElement("h2");
      h.style.cssText = "margin:0 0 1rem;color:#ffb4a8;font-size:1.25rem";
      h.textContent = vi ? "Lỗi khi dựng trang — trang đang hiện là bản dựng tốt gần nhất"
                         : "The site did not build — showing the last good build";
      var p = document.createElement("p");
      p.style.cssText = "margin:0 0 1rem";
      p.textContent = vi ? "Sửa tệp và lưu lại: trang sẽ tự tải lại."
                         : "Fix the file and save it: the page reloads by itself.";
      var pre = document.createElement("pre");
      pre.style.cssText = "white-space:pre-wrap;font:14px/1.5 ui-monospace,monospace;margin:0";
      box.appendChild(h); box.appendChild(p); box.appendChild(pre);
      document.body.appendChild(box);
    }
    box.querySelector("pre").textContent = text;
  }
  function check() {
    fetch("/__bantin/errors", { cache: "no-store" })
      .then(function (r) { return r.json(); })
      .then(function (d) { if (d.errors) { show(d.errors); } else { hide(); } })
      .catch(function () {});
  }
  var es = new EventSource("/__bantin/events");
  es.onmessage = function (e) {
    if (e.data === "reload") { location.reload(); }
    else if (e.data === "error") { check(); }
  };
  check();
})();
