// 消保工坊 page bridge: URL parameters, kept console session, saving on hide, connection
// watchdog (its notice goes when the kernel answers again), kernel shutdown on page close.
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

function overlay(texts) {
  if (document.getElementById("kit-offline")) return;
  const box = document.createElement("div");
  box.id = "kit-offline";
  box.setAttribute("role", "alertdialog");
  box.setAttribute("aria-modal", "true");
  box.setAttribute("aria-label", texts.label);
  box.style.cssText = "position:fixed;inset:0;background:rgba(0,0,0,.55);z-index:9999;" +
    "display:flex;align-items:center;justify-content:center;";
  const card = document.createElement("div");
  card.style.cssText = "background:#fff;padding:24px;border-radius:8px;max-width:420px;" +
    "font-size:16px;line-height:1.6;";
  const p = document.createElement("p");
  p.textContent = texts.text;
  const btn = document.createElement("button");
  btn.textContent = texts.button;
  btn.style.cssText = "font-size:16px;padding:6px 16px;";
  btn.onclick = () => window.location.reload();
  card.append(p, btn);
  box.append(card);
  document.body.append(box);
  btn.focus();
}

const STORE = "kit:";

function stored() {
  const out = {};
  try {
    for (let i = 0; i < window.localStorage.length; i++) {
      const k = window.localStorage.key(i);
      if (k && k.startsWith(STORE)) out[k.slice(STORE.length)] = window.localStorage.getItem(k);
    }
  } catch (e) { /* storage may be off: then nothing is kept */ }
  return out;
}

function keep(key, value) {
  try {
    if (value === null || value === undefined) window.localStorage.removeItem(STORE + key);
    else window.localStorage.setItem(STORE + key, value);
  } catch (e) { /* storage may be off */ }
}

function download(msg) {
  const bytes = Uint8Array.from(atob(msg.data), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: msg.mime }));
  const a = document.createElement("a");
  a.href = url;
  a.download = msg.name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

function copy(text) {
  if (navigator.clipboard) navigator.clipboard.writeText(text).catch(() => {});
}

// Screen readers hear whether a choice is selected: ipywidgets marks it only with a class.
function pressedStates(root) {
  for (const b of root.querySelectorAll(".widget-toggle-button")) {
    const on = b.classList.contains("mod-active") ? "true" : "false";
    if (b.getAttribute("aria-pressed") !== on) b.setAttribute("aria-pressed", on);
  }
}

function watchPressed() {
  if (window.__kitPressed) return;
  window.__kitPressed = new MutationObserver(() => pressedStates(document));
  window.__kitPressed.observe(document.body, { subtree: true, childList: true,
                                               attributes: true, attributeFilter: ["class"] });
  pressedStates(document);
}

function declareLanguage(texts) {
  // nbconvert's template says <html lang="en"> whatever the page shows: say what it shows
  if (texts && texts.lang) document.documentElement.lang = texts.lang;
}

function render({ model, el }) {
  el.style.display = "none";
  watchPressed();
  declareLanguage(model.get("texts"));
  model.on("change:texts", () => declareLanguage(model.get("texts")));
  model.set("stored", stored());
  model.set("href", window.location.origin + window.location.pathname);
  if (model.get("query") === null) {  // the kernel did not get it from Voilà's request
    model.set("query", window.location.search.replace(/^\?/, ""));
  }
  model.save_changes();

  // Work in progress is saved when the page is hidden, left or loses focus.
  const flush = () => model.send({ type: "flush" });
  const hidden = () => { if (document.visibilityState === "hidden") flush(); };
  document.addEventListener("visibilitychange", hidden);
  document.addEventListener("focusout", flush);

  model.on("change:url_query", () => {
    const q = model.get("url_query");
    const url = window.location.pathname + (q ? "?" + q : "");
    window.history.replaceState(null, "", url);
  });

  let lastPong = Date.now();
  model.on("msg:custom", (msg) => {
    if (msg && msg.type === "pong") {
      lastPong = Date.now();
      // A kernel that was only slow (a busy machine) answers again: the page is live, so the
      // notice goes. A restarted kernel never answers this page's comm, so there it stays.
      const box = document.getElementById("kit-offline");
      if (box) box.remove();
    }
    if (msg && msg.type === "store") keep(msg.key, msg.value);
    if (msg && msg.type === "download") download(msg);
    if (msg && msg.type === "copy") copy(msg.text);
    if (msg && msg.type === "scroll") {
      setTimeout(() => {
        const target = document.querySelector(msg.selector);
        if (target) target.scrollIntoView({ behavior: "smooth", block: "start" });
      }, 300);
    }
  });
  const every = model.get("ping_seconds") * 1000;
  const timer = setInterval(() => {
    if (Date.now() - lastPong > every * 2.5) {
      overlay(model.get("texts"));  // in the page's language, sent while the kernel was there
    }
    model.send({ type: "ping" });
  }, every);

  const shutdown = () => {
    try {
      flush();
    } catch (e) {
      // the connection may be closing already; the kernel must still be shut down
    }
    const k = kernelInfo();
    if (!k || !k.id || !model.get("shutdown_on_close")) return;
    fetch(k.base + "voila/api/shutdown/" + k.id, {
      method: "POST", keepalive: true, credentials: "same-origin",
      headers: { "X-XSRFToken": xsrf() },
    }).catch(() => {});
  };
  window.addEventListener("pagehide", shutdown);
  el.dataset.kitBridge = "ready";  // from here on, closing the page shuts its kernel down
  return () => {
    clearInterval(timer);
    window.removeEventListener("pagehide", shutdown);
    document.removeEventListener("visibilitychange", hidden);
    document.removeEventListener("focusout", flush);
  };
}

export default { render };
