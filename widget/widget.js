/*
 * Chat widget for the assistant samenwerkingsovereenkomst doorlopende leerroute vmbo-mbo.
 *
 * Embed with one tag; everything is served by the bot itself:
 *   <script src="https://<bot-host>/widget/widget.js" data-title="..." data-color="#00586b"
 *           data-mode="floating|inline" data-bot-url="https://<bot-host>"></script>
 *
 * Messages are rendered from a small, safe subset of Markdown into DOM nodes (text nodes only,
 * links only to http(s)); no message is ever inserted as HTML. The result of an uploaded
 * agreement, and any message from the upload route, is shown as plain text (textContent only).
 */
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script || window.__sokWidgetLoaded) return;
  window.__sokWidgetLoaded = true;

  var DEFAULT_COLOR = "#00586b";
  var SLOW_AFTER_MS = 8000;
  var GIVE_UP_AFTER_MS = 45000;
  var MAX_STORED = 300;
  // Room to paste the text of a whole agreement (about 12 pages), with a margin below the REST
  // channel's 64 kB for line breaks and accented letters, which take two bytes each.
  var MAX_MESSAGE_CHARS = 30000;
  var UPLOAD_TYPES = ".docx,.pdf,.odt,.txt,application/vnd.openxmlformats-officedocument.wordprocessingml.document," +
    "application/pdf,application/vnd.oasis.opendocument.text,text/plain";
  var TEXT = {
    launcher: "Stel uw vraag",
    close: "Sluit de chat",
    newChat: "Nieuw gesprek",
    newChatConfirm: "Wilt u een nieuw gesprek beginnen? Het huidige gesprek verdwijnt uit dit venster.",
    log: "Gesprek met de assistent",
    progress: "Voortgang van het invullen",
    progressText: "Vraag {n} van {total}",
    label: "Uw bericht",
    placeholder: "Typ uw bericht…",
    send: "Verstuur",
    you: "U",
    bot: "Assistent",
    typing: "De assistent is aan het typen…",
    slow: "Dit duurt langer dan normaal. Een moment geduld alstublieft…",
    unreachable: "De assistent is nu niet bereikbaar. Controleer uw verbinding en probeer het opnieuw.",
    timeout: "De assistent reageert niet op tijd. Probeer het opnieuw.",
    serverError: "Er ging iets mis bij de assistent. Probeer het opnieuw.",
    retry: "Opnieuw proberen",
    download: "Download concept (Word)",
    preview: "Bekijk de tekst",
    downloading: "Het concept wordt gedownload…",
    downloadFailed: "Het downloaden is niet gelukt. Vraag zo nodig om een nieuwe link.",
    downloaded: "Het concept is gedownload.",
    empty: "Typ eerst een bericht.",
    upload: "Overeenkomst uploaden",
    uploadShort: "Uploaden",
    uploaded: "Overeenkomst geüpload: {name}",
    checking: "Uw overeenkomst wordt gecontroleerd…",
    checked: "Uw overeenkomst is gecontroleerd.",
    checkFailed: "Het controleren is niet gelukt. Uw document is niet bewaard. Probeer het opnieuw.",
    reportDownload: "Download overzicht (Word)",
    reportPreview: "Bekijk het overzicht",
    reportDownloading: "Het overzicht wordt gedownload…",
    reportDownloaded: "Het overzicht is gedownload.",
    reportFailed: "Het downloaden is niet gelukt. Laat uw overeenkomst zo nodig opnieuw controleren."
  };

  // ---- configuration from the script tag -------------------------------------------------
  var data = script.dataset || {};
  var botUrl = (data.botUrl || new URL(script.src, location.href).origin).replace(/\/+$/, "");
  // A soft hyphen lets the long compound break as "samenwerkings-/overeenkomst", not mid-word.
  var title = (data.title || "Assistent samenwerkingsovereenkomst").slice(0, 80)
    .replace(/(samenwerkings)(overeenkomst)/gi, "$1\u00AD$2");
  var color = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(data.color || "") ? data.color : DEFAULT_COLOR;
  var mode = data.mode === "inline" ? "inline" : "floating";
  var storageKey = "sok-widget:" + botUrl;

  // ---- colours: text on the accent, and the accent as text, always readable ---------------
  function luminance(hex) {
    var h = hex.length === 4 ? "#" + hex[1] + hex[1] + hex[2] + hex[2] + hex[3] + hex[3] : hex;
    var rgb = [1, 3, 5].map(function (i) {
      var c = parseInt(h.substr(i, 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
  }
  var whiteContrast = 1.05 / (luminance(color) + 0.05);
  var onAccent = whiteContrast >= 4.5 ? "#ffffff" : "#111111";
  var accentText = whiteContrast >= 4.5 ? color : "#1a1a1a";

  // ---- stored conversation: same id and history across reloads and pages -----------------
  function newId() {
    var bytes = new Uint8Array(16);
    (window.crypto || window.msCrypto).getRandomValues(bytes);
    return "w-" + Array.prototype.map.call(bytes, function (b) {
      return ("0" + b.toString(16)).slice(-2);
    }).join("");
  }
  function load() {
    try {
      var saved = JSON.parse(localStorage.getItem(storageKey) || "null");
      if (saved && typeof saved.id === "string" && Array.isArray(saved.messages)) return saved;
    } catch (e) { /* storage unavailable or damaged: start afresh */ }
    return { id: newId(), messages: [], open: false };
  }
  var state = load();
  function save() {
    state.messages = state.messages.slice(-MAX_STORED);
    try { localStorage.setItem(storageKey, JSON.stringify(state)); } catch (e) { /* full or off */ }
  }

  // ---- DOM helpers ----------------------------------------------------------------------
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text != null) node.textContent = text;
    return node;
  }

  // ---- safe Markdown: paragraphs, lists, quotes, bold, italic, http(s) links --------------
  var ESCAPABLE = /[!-\/:-@\[-`{-~]/;
  function findClose(text, marker, from) {
    for (var j = from; j < text.length; j++) {
      if (text[j] === "\\") { j++; continue; }
      if (text.substr(j, marker.length) === marker) {
        if (marker === "*" && text[j + 1] === "*") { j++; continue; }
        return j;
      }
    }
    return -1;
  }
  var LINK = /^\[((?:\\.|[^\]\\])*)\]\((https?:\/\/[^\s()]+)\)/;
  function inline(text, parent) {
    var buffer = "";
    function flush() {
      if (buffer) { parent.appendChild(document.createTextNode(buffer)); buffer = ""; }
    }
    for (var i = 0; i < text.length;) {
      var c = text[i];
      if (c === "\\" && ESCAPABLE.test(text[i + 1] || "")) { buffer += text[i + 1]; i += 2; continue; }
      if (text.substr(i, 2) === "**") {
        var endBold = findClose(text, "**", i + 2);
        if (endBold > i + 2) {
          flush();
          inline(text.slice(i + 2, endBold), parent.appendChild(el("strong")));
          i = endBold + 2;
          continue;
        }
      }
      if (c === "*" || (c === "_" && !/[0-9A-Za-z]/.test(text[i - 1] || ""))) {
        var endEm = findClose(text, c, i + 1);
        if (endEm > i + 1) {
          flush();
          inline(text.slice(i + 1, endEm), parent.appendChild(el("em")));
          i = endEm + 1;
          continue;
        }
      }
      if (c === "[") {
        var link = LINK.exec(text.slice(i));
        if (link) {
          flush();
          var a = el("a", { href: link[2], target: "_blank", rel: "noopener noreferrer" });
          inline(link[1], a);
          parent.appendChild(a);
          i += link[0].length;
          continue;
        }
      }
      buffer += c;
      i++;
    }
    flush();
  }
  function markdown(text, parent) {
    String(text).split(/\n{2,}/).forEach(function (block) {
      var lines = block.split("\n");
      var list = null;
      if (lines.every(function (l) { return /^\s*[-*] /.test(l); })) list = "ul";
      if (lines.every(function (l) { return /^\s*\d+\. /.test(l); })) list = "ol";
      if (list) {
        var items = parent.appendChild(el(list));
        lines.forEach(function (l) { inline(l.replace(/^\s*(?:[-*]|\d+\.) /, ""), items.appendChild(el("li"))); });
        return;
      }
      if (lines.every(function (l) { return /^> ?/.test(l); })) {
        var quote = parent.appendChild(el("blockquote"));
        inline(lines.map(function (l) { return l.replace(/^> ?/, ""); }).join(" "), quote);
        return;
      }
      var p = parent.appendChild(el("p"));
      lines.forEach(function (line, index) {
        if (index) p.appendChild(el("br"));
        var heading = /^#{1,6} (.*)$/.exec(line);
        inline(heading ? heading[1] : line, heading ? p.appendChild(el("strong")) : p);
      });
    });
  }

  // ---- the widget -----------------------------------------------------------------------
  var host = el("div", { "class": "sok-widget-host", "data-mode": mode });
  var root = host.attachShadow ? host.attachShadow({ mode: "open" }) : host;
  if (root !== host && window.CSSStyleSheet && "adoptedStyleSheets" in root) {
    // A constructed style sheet also works under an intranet's strict Content-Security-Policy.
    var sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS());
    root.adoptedStyleSheets = [sheet];
  } else {
    root.appendChild(el("style", {}, CSS()));
  }
  var frame = root.appendChild(el("div", { "class": "sok " + mode, lang: "nl" }));
  frame.style.setProperty("--accent", color);
  frame.style.setProperty("--on-accent", onAccent);
  frame.style.setProperty("--accent-text", accentText);

  var launcher = null;
  if (mode === "floating") {
    launcher = frame.appendChild(el("button", {
      type: "button", "class": "launcher", "aria-expanded": "false", "aria-controls": "sok-panel"
    }, TEXT.launcher));
  }
  var panel = frame.appendChild(el("section", {
    id: "sok-panel", "class": "panel", "aria-labelledby": "sok-title",
    role: mode === "floating" ? "dialog" : "region"
  }));
  var header = panel.appendChild(el("div", { "class": "header" }));
  header.appendChild(el("h2", { id: "sok-title" }, title));
  var newButton = header.appendChild(el("button", { type: "button", "class": "new" }, TEXT.newChat));
  var closeButton = null;
  if (mode === "floating") {
    closeButton = header.appendChild(el("button", { type: "button", "class": "close", "aria-label": TEXT.close }, "×"));
  }
  var progress = panel.appendChild(el("div", {
    "class": "progress", role: "progressbar", "aria-label": TEXT.progress,
    "aria-valuemin": "0", "aria-valuemax": "1", "aria-valuenow": "0", hidden: ""
  }));
  var progressBar = progress.appendChild(el("div", { "class": "bar" }));
  var progressLabel = panel.appendChild(el("span", { "class": "progress-label", "aria-hidden": "true", hidden: "" }));
  var PROGRESS = /Vraag (\d+) van (\d+)/;

  function showProgress(text) {
    var found = PROGRESS.exec(text || "");
    if (!found) return;
    var n = Number(found[1]), total = Number(found[2]);
    var words = TEXT.progressText.replace("{n}", n).replace("{total}", total);
    progress.hidden = false;
    progressLabel.hidden = false;
    progress.setAttribute("aria-valuemax", String(total));
    progress.setAttribute("aria-valuenow", String(n));
    progress.setAttribute("aria-valuetext", words);
    progressBar.style.width = Math.round(100 * Math.min(n, total) / total) + "%";
    progressLabel.textContent = words;
  }

  var log = panel.appendChild(el("div", {
    "class": "log", role: "log", "aria-live": "polite", "aria-label": TEXT.log, tabindex: "0"
  }));
  var status = panel.appendChild(el("div", { "class": "status", role: "status", "aria-live": "polite" }));
  var form = panel.appendChild(el("form", { "class": "composer" }));
  form.appendChild(el("label", { "for": "sok-input", "class": "sr-only" }, TEXT.label));
  var input = form.appendChild(el("textarea", {
    id: "sok-input", rows: "1", maxlength: String(MAX_MESSAGE_CHARS), placeholder: TEXT.placeholder, autocomplete: "off"
  }));
  // A real button opens the (hidden) file chooser, so the upload is keyboard-operable.
  var uploadButton = form.appendChild(el("button", {
    type: "button", "class": "upload", "aria-label": TEXT.upload
  }, TEXT.uploadShort));
  var fileInput = form.appendChild(el("input", {
    type: "file", accept: UPLOAD_TYPES, hidden: "", tabindex: "-1", "aria-hidden": "true"
  }));
  var sendButton = form.appendChild(el("button", { type: "submit" }, TEXT.send));

  function timeText(iso) {
    try {
      return new Date(iso).toLocaleTimeString("nl-NL", { hour: "2-digit", minute: "2-digit" });
    } catch (e) { return ""; }
  }

  var SHORT_QUESTION = 120, labelCount = 0;

  function renderMessage(message) {
    var item = el("div", { "class": "msg " + message.from, "data-from": message.from, "data-time": message.time || "" });
    item.appendChild(el("span", { "class": "sr-only" }, (message.from === "user" ? TEXT.you : TEXT.bot) + ": "));
    var bubble = item.appendChild(el("div", { "class": "bubble" }));
    if (message.from === "user" || message.plain) bubble.textContent = message.text;
    else if (message.agreement) renderAgreement(message.agreement, bubble);
    else if (message.text) markdown(message.text, bubble);
    if (message.buttons && message.buttons.length) {
      // The buttons form a group; a short question ("Was dit antwoord nuttig?") names it, so
      // a screen reader announces "Ja" and "Nee" with what they answer.
      var group = { "class": "quick", role: "group" };
      if (message.text && message.text.length <= SHORT_QUESTION) {
        bubble.id = "sok-msg-" + (++labelCount);
        group["aria-labelledby"] = bubble.id;
      }
      var quick = item.appendChild(el("div", group));
      message.buttons.forEach(function (button) {
        var b = quick.appendChild(el("button", { type: "button" }, button.title));
        b.addEventListener("click", function () { send(button.payload, button.title); });
      });
    }
    if (message.draft) item.appendChild(renderDraft(message.draft));
    if (message.report) item.appendChild(renderReport(message.report));
    if (!bubble.childNodes.length) bubble.remove();
    item.appendChild(el("time", { datetime: message.time }, timeText(message.time)));
    return item;
  }

  // Draft links are built here from the token, on the bot's own address: whatever else a reply
  // carries is never followed.
  var DRAFT_TOKEN = /^[A-Za-z0-9_-]{32}$/;
  function draftUrls(draft) {
    var token = draft && draft.token;
    if (typeof token !== "string" || !DRAFT_TOKEN.test(token)) return null;
    var base = botUrl + "/drafts/" + token + "/";
    return { docx: base + "docx", markdown: base + "md" };
  }

  var DRAFT_LABELS = {
    download: TEXT.download, preview: TEXT.preview, busy: TEXT.downloading, done: TEXT.downloaded,
    failed: TEXT.downloadFailed, name: "concept.docx"
  };
  var REPORT_LABELS = {
    download: TEXT.reportDownload, preview: TEXT.reportPreview, busy: TEXT.reportDownloading,
    done: TEXT.reportDownloaded, failed: TEXT.reportFailed, name: "overzicht.docx"
  };

  // The report of a checked agreement: its links, like a draft's, come from the token only.
  function reportUrls(report) {
    var token = report && report.token;
    if (typeof token !== "string" || !DRAFT_TOKEN.test(token)) return null;
    var base = botUrl + "/agreements/reports/" + token + "/";
    return { docx: base + "docx", markdown: base + "md" };
  }

  function renderDraft(draft) {
    return renderDownloads(draftUrls(draft), DRAFT_LABELS);
  }

  function renderReport(report) {
    return renderDownloads(reportUrls(report), REPORT_LABELS);
  }

  function renderDownloads(urls, labels) {
    if (!urls) return document.createTextNode("");
    var box = el("div", { "class": "draft" });
    var download = box.appendChild(el("a", { href: urls.docx, "class": "download", download: "" }, labels.download));
    download.addEventListener("click", function (event) {
      event.preventDefault();
      downloadFile(urls.docx, labels);
    });
    box.appendChild(el("a", { href: urls.markdown, target: "_blank", rel: "noopener noreferrer" }, labels.preview));
    return box;
  }

  // The result of an upload, as text only: a summary, one line per topic, nothing as markup.
  function renderAgreement(result, bubble) {
    bubble.appendChild(el("p", {}, String(result.summary || "")));
    var lines = Array.isArray(result.lines) ? result.lines : [];
    if (lines.length) {
      var list = bubble.appendChild(el("ul"));
      lines.forEach(function (line) { list.appendChild(el("li", {}, String(line))); });
    }
  }

  // The offer to complete the missing topics, as text; its payloads are built here from the token.
  function completionOffer(offer, time) {
    var token = offer && offer.token;
    if (typeof token !== "string" || !DRAFT_TOKEN.test(token) || !Array.isArray(offer.buttons)) return null;
    var titles = offer.buttons.map(function (button) { return String((button && button.title) || ""); });
    return {
      from: "bot", text: String(offer.question || ""), plain: true, time: time,
      buttons: [
        { title: titles[0], payload: '/complete_agreement{"completion":"' + token + '"}' },
        { title: titles[1], payload: "/decline_completion" }
      ]
    };
  }

  function downloadFile(url, labels) {
    showStatus(labels.busy);
    fetch(url, { credentials: "omit" }).then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      var disposition = response.headers.get("Content-Disposition") || "";
      var name = (/filename="([^"]+)"/.exec(disposition) || [])[1] || labels.name;
      return response.blob().then(function (blob) {
        var objectUrl = URL.createObjectURL(blob);
        var a = el("a", { href: objectUrl, download: name });
        root.appendChild(a);
        a.click();
        a.remove();
        setTimeout(function () { URL.revokeObjectURL(objectUrl); }, 10000);
        showStatus(labels.done);
      });
    }).catch(function () {
      showError(labels.failed, function () { downloadFile(url, labels); });
    });
  }

  // Consecutive bot messages of one turn share one timestamp, under the last of them.
  function append(message, store) {
    var previous = log.lastElementChild;
    var item = renderMessage(message);
    if (previous && message.from === "bot" && previous.getAttribute("data-from") === "bot" &&
        previous.getAttribute("data-time") === message.time) {
      var stamp = previous.querySelector("time");
      if (stamp) stamp.remove();
      item.classList.add("same-turn");
    }
    log.appendChild(item);
    if (message.from === "bot") showProgress(message.text);
    scrollToLatest();
    if (store) { state.messages.push(message); save(); }
  }

  // Show the latest turn: all of it when it fits, otherwise from its start, so that the
  // current question stays in view above its buttons (also at 200% zoom).
  function scrollToLatest() {
    var items = log.children;
    if (!items.length) return;
    var start = items[items.length - 1];
    while (start.previousElementSibling && start.classList.contains("same-turn")) {
      start = start.previousElementSibling;
    }
    var turnHeight = log.scrollHeight - start.offsetTop;
    log.scrollTop = turnHeight <= log.clientHeight ? log.scrollHeight : start.offsetTop - 8;
  }

  function showStatus(text, typing) {
    status.textContent = "";
    if (!text) return;
    var line = status.appendChild(el("span", { "class": typing ? "typing" : "" }, text));
    if (typing) line.appendChild(el("span", { "class": "dots", "aria-hidden": "true" }));
  }

  function showError(text, retry) {
    status.textContent = "";
    status.appendChild(el("span", { "class": "error" }, text + " "));
    var again = status.appendChild(el("button", { type: "button", "class": "retry" }, TEXT.retry));
    again.addEventListener("click", function () { showStatus(""); retry(); });
  }

  var busy = false;
  function setBusy(value) {
    busy = value;
    sendButton.disabled = value;
    uploadButton.disabled = value;
    log.setAttribute("aria-busy", value ? "true" : "false");
  }

  function send(text, shown, isRetry) {
    if (busy) return;
    if (shown !== null && !isRetry) {
      append({ from: "user", text: shown || text, time: new Date().toISOString() }, true);
    }
    setBusy(true);
    showStatus(TEXT.typing, true);
    var controller = window.AbortController ? new AbortController() : null;
    var timedOut = false;
    var slow = setTimeout(function () { showStatus(TEXT.slow, true); }, SLOW_AFTER_MS);
    var giveUp = setTimeout(function () { timedOut = true; if (controller) controller.abort(); }, GIVE_UP_AFTER_MS);
    fetch(botUrl + "/webhooks/rest/webhook", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ sender: state.id, message: text }),
      credentials: "omit",
      signal: controller ? controller.signal : undefined
    }).then(function (response) {
      if (!response.ok) throw new Error(response.status >= 500 ? "server" : "client");
      return response.json();
    }).then(function (replies) {
      showStatus("");
      var now = new Date().toISOString();
      (replies || []).forEach(function (reply) {
        var draft = reply.custom && reply.custom.draft;
        var report = reply.custom && reply.custom.agreement_report;
        if (!reply.text && !draft && !report && !(reply.buttons && reply.buttons.length)) return;
        append({
          from: "bot", text: reply.text || "", buttons: reply.buttons || [], draft: draft || null,
          report: report || null, time: now
        }, true);
      });
    }).catch(function (error) {
      var message = timedOut ? TEXT.timeout : (error && error.message === "server" ? TEXT.serverError : TEXT.unreachable);
      showError(message, function () { send(text, shown, true); });
    }).then(function () {
      clearTimeout(slow);
      clearTimeout(giveUp);
      setBusy(false);
    });
  }

  // Upload an agreement to the check route; the answer is shown as text, never as markup.
  function upload(file, isRetry) {
    if (busy || !file) return;
    if (!isRetry) {
      append({ from: "user", text: TEXT.uploaded.replace("{name}", file.name), time: new Date().toISOString() }, true);
    }
    setBusy(true);
    showStatus(TEXT.checking, true);
    var body = new FormData();
    body.append("sender", state.id);
    body.append("file", file, file.name);
    var controller = window.AbortController ? new AbortController() : null;
    var timedOut = false;
    var giveUp = setTimeout(function () { timedOut = true; if (controller) controller.abort(); }, GIVE_UP_AFTER_MS);
    fetch(botUrl + "/agreements/check", {
      method: "POST", body: body, credentials: "omit", signal: controller ? controller.signal : undefined
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (result) {
        var now = new Date().toISOString();
        if (response.ok && result && result.report) {
          showStatus(TEXT.checked);
          append({
            from: "bot", agreement: { summary: result.summary, lines: result.topic_lines },
            report: { token: result.report.token }, time: now
          }, true);
          var offer = completionOffer(result.completion, now);
          if (offer) append(offer, true);
          return;
        }
        if (response.status >= 500 || !result || typeof result.message !== "string") {
          throw new Error("server");
        }
        // A refusal (too large, unknown type, unreadable, another site): the route's own words,
        // announced once, through the conversation log.
        showStatus("");
        append({ from: "bot", text: result.message, plain: true, time: now }, true);
      });
    }).catch(function (error) {
      var message = timedOut ? TEXT.timeout : (error && error.message === "server" ? TEXT.checkFailed : TEXT.unreachable);
      showError(message, function () { upload(file, true); });
    }).then(function () {
      clearTimeout(giveUp);
      setBusy(false);
    });
  }

  function greet() {
    if (!state.messages.length) send("/greet", null);
  }

  function setOpen(open, focus) {
    if (mode !== "floating") return;
    state.open = open;
    save();
    panel.hidden = !open;
    launcher.setAttribute("aria-expanded", open ? "true" : "false");
    launcher.hidden = open;
    if (open) {
      scrollToLatest();
      greet();
      if (focus) input.focus();
    } else if (focus) {
      launcher.focus();
    }
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text) { showStatus(TEXT.empty); input.focus(); return; }
    if (busy) return;
    input.value = "";
    send(text);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit ? form.requestSubmit() : form.dispatchEvent(new Event("submit", { cancelable: true }));
    }
  });
  uploadButton.addEventListener("click", function () { fileInput.click(); });
  fileInput.addEventListener("change", function () {
    var file = fileInput.files && fileInput.files[0];
    fileInput.value = "";
    upload(file);
  });
  newButton.addEventListener("click", function () {
    if (state.messages.length && !window.confirm(TEXT.newChatConfirm)) return;
    state = { id: newId(), messages: [], open: state.open };
    save();
    log.textContent = "";
    progress.hidden = true;
    progressLabel.hidden = true;
    showStatus("");
    greet();
    input.focus();
  });
  if (launcher) launcher.addEventListener("click", function () { setOpen(true, true); });
  if (closeButton) closeButton.addEventListener("click", function () { setOpen(false, true); });
  panel.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && mode === "floating") setOpen(false, true);
  });

  state.messages.forEach(function (message) { append(message, false); });
  if (mode === "inline") {
    var target = data.target ? document.querySelector(data.target) : null;
    if (target) target.appendChild(host);
    else script.parentNode.insertBefore(host, script.nextSibling);
    greet();
  } else {
    document.body.appendChild(host);
    panel.hidden = !state.open;
    launcher.hidden = !!state.open;
    launcher.setAttribute("aria-expanded", state.open ? "true" : "false");
    if (state.open) { scrollToLatest(); greet(); }
  }

  function CSS() {
    return [
      ":host{all:initial}",
      ".sok{font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#1a1a1a}",
      ".sok *{box-sizing:border-box}",
      ".sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}",
      "button,textarea{font:inherit}",
      ":focus-visible{outline:3px solid #1d70b8;outline-offset:2px}",
      ".header :focus-visible,.launcher:focus-visible{outline-color:#ffdd00;box-shadow:0 0 0 6px #0b0c0c}",
      ".launcher{position:fixed;right:1.25rem;bottom:1.25rem;z-index:2147483000;background:var(--accent);color:var(--on-accent);border:0;border-radius:2rem;padding:.75rem 1.25rem;font-weight:600;cursor:pointer;box-shadow:0 2px 10px rgba(0,0,0,.3)}",
      ".launcher[hidden],.panel[hidden]{display:none}",
      ".panel{display:flex;flex-direction:column;background:#fff;border:1px solid #767676;overflow:hidden}",
      ".floating .panel{position:fixed;right:1.25rem;bottom:1.25rem;z-index:2147483001;width:min(26rem,calc(100vw - 2.5rem));height:min(38rem,calc(100vh - 2.5rem));border-radius:.75rem;box-shadow:0 6px 24px rgba(0,0,0,.25)}",
      ".inline .panel{width:100%;height:36rem;max-height:85vh;border-radius:.5rem}",
      ".header{display:flex;align-items:center;gap:.5rem;padding:.5rem .75rem;background:var(--accent);color:var(--on-accent)}",
      ".header h2{flex:1 1 auto;min-width:0;margin:0;font-size:1rem;line-height:1.3;hyphens:manual;overflow-wrap:break-word}",
      ".progress{height:.5rem;background:#dfe3e6}.progress[hidden]{display:none}",
      ".progress .bar{height:100%;background:var(--accent);transition:width .3s}",
      "@media (prefers-reduced-motion:reduce){.progress .bar{transition:none}}",
      ".progress-label{display:block;padding:.2rem .75rem;font-size:.8125rem;color:#3b3b3b;background:#f5f6f7}.progress-label[hidden]{display:none}",
      ".header button{flex:none;background:transparent;color:inherit;border:1px solid currentColor;border-radius:.375rem;padding:.25rem .5rem;font-size:.8125rem;line-height:1.2;cursor:pointer;white-space:nowrap}",
      ".header .close{font-size:1.25rem;line-height:1;padding:.15rem .55rem}",
      ".log{position:relative;flex:1;overflow-y:auto;padding:.75rem;background:#f5f6f7}",
      ".msg{display:flex;flex-direction:column;align-items:flex-start;max-width:92%;margin:.5rem 0}",
      ".msg.same-turn{margin-top:.2rem}",
      ".msg.user{margin-left:auto;align-items:flex-end}",
      ".bubble{padding:.5rem .75rem;border-radius:.75rem;background:#fff;border:1px solid #c9ced3;overflow-wrap:anywhere}",
      ".user .bubble{background:var(--accent);color:var(--on-accent);border-color:transparent;white-space:pre-wrap}",
      ".bubble p{margin:0 0 .5rem}.bubble p:last-child{margin-bottom:0}",
      ".bubble ul,.bubble ol{margin:.25rem 0 .5rem;padding-left:1.25rem}",
      ".bubble blockquote{margin:.25rem 0 .5rem;padding-left:.6rem;border-left:3px solid #767676}",
      ".bubble a{color:#0b57a4}",
      "time{font-size:.75rem;color:#595959;margin-top:.15rem}",
      ".quick,.draft{display:flex;flex-wrap:wrap;gap:.4rem;margin-top:.4rem}",
      ".quick button,.draft a,.status .retry{font-size:.9rem;background:#fff;color:var(--accent-text);border:1px solid var(--accent-text);border-radius:1rem;padding:.3rem .8rem;cursor:pointer;text-decoration:none}",
      ".draft a.download{background:var(--accent);color:var(--on-accent);border-color:var(--accent);font-weight:600}",
      ".status{min-height:1.75rem;padding:.25rem .75rem;font-size:.875rem;color:#3b3b3b}",
      ".status .error{color:#a4000f}",
      ".dots::after{content:'';display:inline-block;width:1.2em;text-align:left;animation:sokdots 1.2s steps(4,end) infinite}",
      "@keyframes sokdots{0%{content:''}25%{content:'.'}50%{content:'..'}75%{content:'...'}}",
      "@media (prefers-reduced-motion:reduce){.dots::after{animation:none;content:'...'}}",
      ".composer{display:flex;gap:.5rem;padding:.5rem .75rem .75rem;border-top:1px solid #c9ced3;background:#fff}",
      ".composer textarea{flex:1;resize:none;min-height:2.75rem;max-height:8rem;padding:.55rem;border:1px solid #767676;border-radius:.375rem;color:#1a1a1a}",
      ".composer button{background:var(--accent);color:var(--on-accent);border:0;border-radius:.375rem;padding:.5rem .9rem;font-weight:600;cursor:pointer}",
      ".composer button:disabled{opacity:.75;cursor:wait}",
      ".composer .upload{background:#fff;color:var(--accent-text);border:1px solid var(--accent-text);padding:.5rem .7rem;font-weight:400}",
      "@media (max-width:30rem){.floating .panel{right:0;bottom:0;width:100vw;height:100vh;border-radius:0}}"
    ].join("\n");
  }
})();
