// 消保工坊 page bridge: URL parameters, connection watchdog, kernel shutdown on page close.
// One small ES module for anywidget; no network access beyond this server.
function xsrf() {
  const m = document.cookie.match(/(?:^|;\s*)_xsrf=([^;]*)/);
  return m ? decodeURIComponent(m[1]) : "";
}

function kernelInfo() {
  try {
    const el = document.getElementById("jupyter-config-data");
    const cfg = JSON.parse(el.textContent);
    return { base: cfg.baseUrl || "/", id: cfg.kernelId };
  } catch (e) {
    return null;
  }
}

function overlay(text) {
  if (document.getElementById("kit-offline")) return;
  const box = document.createElement("div");
  box.id = "kit-offline";
  box.setAttribute("role", "alertdialog");
  box.style.cssText = "position:fixed;inset:0;background:rgba(0,0,0,.55);z-index:9999;" +
    "display:flex;align-items:center;justify-content:center;";
  const card = document.createElement("div");
  card.style.cssText = "background:#fff;padding:24px;border-radius:8px;max-width:420px;" +
    "font-size:16px;line-height:1.6;";
  const p = document.createElement("p");
  p.textContent = text;
  const btn = document.createElement("button");
  btn.textContent = "重新连接 / Reconnect";
  btn.style.cssText = "font-size:16px;padding:6px 16px;";
  btn.onclick = () => window.location.reload();
  card.append(p, btn);
  box.append(card);
  document.body.append(box);
}

function render({ model, el }) {
  el.style.display = "none";
  if (model.get("query") === null) {  // the kernel did not get it from Voilà's request
    model.set("query", window.location.search.replace(/^\?/, ""));
    model.save_changes();
  }

  model.on("change:url_query", () => {
    const q = model.get("url_query");
    const url = window.location.pathname + (q ? "?" + q : "");
    window.history.replaceState(null, "", url);
  });

  let lastPong = Date.now();
  model.on("msg:custom", (msg) => {
    if (msg && msg.type === "pong") lastPong = Date.now();
  });
  const every = model.get("ping_seconds") * 1000;
  const timer = setInterval(() => {
    if (Date.now() - lastPong > every * 2.5) {
      overlay("与服务器的连接已中断(页面闲置过久、网络断开或服务器重启)。" +
              "已保存的内容不会丢失,请点击下方按钮重新连接。");
    }
    model.send({ type: "ping" });
  }, every);

  const shutdown = () => {
    const k = kernelInfo();
    if (!k || !k.id || !model.get("shutdown_on_close")) return;
    fetch(k.base + "voila/api/shutdown/" + k.id, {
      method: "POST", keepalive: true, credentials: "same-origin",
      headers: { "X-XSRFToken": xsrf() },
    }).catch(() => {});
  };
  window.addEventListener("pagehide", shutdown);
  return () => {
    clearInterval(timer);
    window.removeEventListener("pagehide", shutdown);
  };
}

export default { render };
