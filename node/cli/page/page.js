// The verification page: hashes a dropped document in the browser (the Wasm hasher
// served beside this script), asks the page's server the three read-only questions, and
// shows the answer in the officer's language. Every text comes from the message
// catalogues; nothing here writes to the chain, and answers are put in the page as text,
// never as HTML.
"use strict";

const state = { messages: {}, lang: "en", languages: [], hasher: null, last: null };

/** `template` with each `{name}` of `args` put in (as the tool's catalogues do). */
function fill(template, args) {
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in args ? String(args[name]) : whole));
}

/** Message `key` of the current catalogue with `args`. */
function say(key, args = {}) {
  return fill(state.messages[key] ?? key, args);
}

/** The element with id `id`. */
function $(id) {
  return document.getElementById(id);
}

/** A new element `tag` with `text` and attributes `attrs`. */
function element(tag, text, attrs = {}) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  return node;
}

/** Loads language `code`'s catalogue and says the page's texts in it. */
async function useLanguage(code) {
  const response = await fetch(`/messages/${encodeURIComponent(code)}.json`);
  if (!response.ok) return;
  state.messages = await response.json();
  state.lang = code;
  document.documentElement.lang = code;
  for (const node of document.querySelectorAll("[data-msg]")) node.textContent = say(node.dataset.msg);
  $("lang").value = code;
}

/** The language to start in: `?lang=`, the one chosen before, or the browser's. */
function startingLanguage() {
  const codes = state.languages.map((l) => l.code);
  const asked = new URLSearchParams(location.search).get("lang");
  let saved = null;
  try { saved = localStorage.getItem("tamga.lang"); } catch (_) { /* storage may be off */ }
  const wanted = [asked, saved, ...(navigator.languages || [navigator.language])]
    .filter(Boolean)
    .map((name) => name.toLowerCase().split(/[-_]/)[0]);
  return wanted.find((code) => codes.includes(code)) || "en";
}

/** The Wasm hasher, loaded once. */
async function hasher() {
  if (!state.hasher) {
    const bytes = await (await fetch("/blake2b.wasm")).arrayBuffer();
    state.hasher = (await WebAssembly.instantiate(bytes)).instance.exports;
  }
  return state.hasher;
}

/** The id of a file's bytes: BLAKE2b-256, `0x` and 64 hex digits. */
async function documentId(bytes) {
  const wasm = await hasher();
  const at = wasm.input();
  const need = at + bytes.length;
  const memory = wasm.memory;
  if (need > memory.buffer.byteLength) {
    memory.grow(Math.ceil((need - memory.buffer.byteLength) / 65536));
  }
  new Uint8Array(memory.buffer, at, bytes.length).set(bytes);
  const digest = new Uint8Array(memory.buffer, wasm.hash(bytes.length), 32);
  return "0x" + Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Shows `answer` (a page answer), `started` being when the officer acted. */
function show(answer, started) {
  const result = $("result");
  result.replaceChildren();
  for (const said of answer.results) {
    const card = element("article", undefined, {
      class: said.valid ? "card valid" : "card",
      "data-status": said.status,
      "data-valid": String(said.valid),
    });
    card.append(element("h2", said.headline, { class: "headline" }));
    const checks = element("ul", undefined, { class: "checks" });
    for (const check of said.checks) {
      const item = element("li", undefined, {
        "data-check": check.check, "data-code": check.code, "data-passed": String(check.passed),
      });
      item.append(element("span", check.label, { class: "label" }), element("span", check.mark, { class: "mark" }),
        element("span", check.text, { class: "text" }));
      checks.append(item);
    }
    card.append(checks);
    if (said.facts.length) {
      const facts = element("dl", undefined, { class: "facts" });
      for (const fact of said.facts) {
        facts.append(element("dt", fact.label), element("dd", fact.value, { "data-fact": fact.fact }));
      }
      card.append(facts);
    }
    card.append(element("p", said.verdict, { class: "verdict" }));
    if (said.facts.length) {
      card.append(element("h3", say("page.history")));
      const history = element("ol", undefined, { class: "history" });
      for (const line of said.history) history.append(element("li", line));
      if (!said.history.length) history.append(element("li", say("page.noHistory")));
      card.append(history);
    }
    result.append(card);
  }
  for (const note of answer.notes) result.append(element("p", note, { class: "note" }));
  const elapsed = performance.now() - started;
  const footer = [answer.at ? `${say("fact.answeredFrom")} ${answer.at}` : "", say("page.elapsed", { ms: elapsed.toFixed(0) })];
  result.append(element("p", footer.filter(Boolean).join(" · "), { class: "answered" }));
  result.dataset.elapsedMs = elapsed.toFixed(1);
  result.dataset.state = "done";
  $("progress").textContent = "";
}

/** Shows why there is no answer. */
function showError(message) {
  const result = $("result");
  result.replaceChildren(element("p", message, { class: "error" }));
  result.dataset.state = "error";
  $("progress").textContent = "";
}

/** Asks the page's server `path` with `params` and shows the answer. */
async function ask(path, params, started) {
  state.last = { path, params };
  $("progress").textContent = say("page.asking");
  $("result").dataset.state = "asking";
  const query = new URLSearchParams({ ...params, lang: state.lang });
  try {
    const response = await fetch(`${path}?${query}`);
    const body = await response.json();
    if (!response.ok) return showError(body.error ? body.error.message : response.statusText);
    show(body, started);
  } catch (error) {
    showError(String(error));
  }
}

/** Whether parsed JSON `value` is a batch proof file (as `tamga cert batch` writes). */
function isProofFile(value) {
  return value && typeof value.id === "string" && value.proof && typeof value.proof.root === "string";
}

/** Verifies dropped or chosen `files`: a document, with its proof file for a batch member. */
async function verifyFiles(files, started) {
  let documentFile = null;
  let proof = null;
  for (const file of files) {
    if (file.name.endsWith(".json") && file.size < 64 * 1024) {
      try {
        const value = JSON.parse(await file.text());
        if (isProofFile(value)) { proof = value; continue; }
      } catch (_) { /* not a proof: a document that happens to be JSON */ }
    }
    documentFile = file;
  }
  if (!documentFile && proof) {
    return ask("/api/verify", proofParams(proof.id, proof.proof), started);
  }
  if (!documentFile) return;
  $("progress").textContent = say("page.hashing", { name: documentFile.name });
  const id = await documentId(new Uint8Array(await documentFile.arrayBuffer()));
  if (proof && proof.id !== id) {
    return showError(say("verdict.fileMismatch", { file: documentFile.name, actual: id, id: proof.id }));
  }
  return ask("/api/verify", proof ? proofParams(id, proof.proof) : { id }, started);
}

/** The query of a batch member `id` with `proof`. */
function proofParams(id, proof) {
  return { id, root: proof.root, index: proof.index, count: proof.count, siblings: proof.siblings.join(",") };
}

/** Wires the page's controls. */
function wire() {
  $("lang").addEventListener("change", async (event) => {
    try { localStorage.setItem("tamga.lang", event.target.value); } catch (_) { /* storage may be off */ }
    await useLanguage(event.target.value);
    if (state.last) ask(state.last.path, state.last.params, performance.now());
  });
  $("files").addEventListener("change", (event) => verifyFiles(Array.from(event.target.files), performance.now()));
  const drop = $("drop");
  drop.addEventListener("dragover", (event) => { event.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (event) => {
    event.preventDefault();
    drop.classList.remove("over");
    verifyFiles(Array.from(event.dataTransfer.files), performance.now());
  });
  $("link-form").addEventListener("submit", (event) => {
    event.preventDefault();
    ask("/api/link", { link: $("link").value.trim() }, performance.now());
  });
  $("number-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const params = { country: $("country").value.trim(), number: $("number").value.trim() };
    if ($("issuer").value.trim()) params.issuer = $("issuer").value.trim();
    ask("/api/find", params, performance.now());
  });
}

/** Starts the page: languages, chain, and a QR code's link the page was opened with. */
async function start() {
  wire();
  const about = await (await fetch("/api/about")).json().catch(() => ({}));
  state.languages = about.languages || [{ code: "en", name: "English" }];
  for (const language of state.languages) {
    $("lang").append(element("option", language.name, { value: language.code }));
  }
  await useLanguage(startingLanguage());
  if (about.chain) $("chain").textContent = say("page.chain", { chain: about.chain });
  hasher();
  const opened = new URLSearchParams(location.search);
  if (opened.has("id") && opened.has("chain")) {
    $("link").value = location.href;
    ask("/api/link", { link: location.href }, performance.now());
  }
  document.body.dataset.ready = "true";
}

start();
