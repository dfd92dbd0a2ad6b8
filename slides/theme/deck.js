// Starts a deck: reveal.js's global `Reveal`, offline, keyboard first.
// Slides that are not shown are made inert, so neither Tab nor a screen reader reaches them
// (reveal.js issues #1587 and #3772). Timed activities (exercise, debrief, break) carry a
// countdown: T starts, pauses, and after the time is up resets it, here or in the speaker view.
// What a deck costs before its first slide shows is kept small (make bench measures it):
// - phones keep the paged view: reveal.js's scroll view, which it turns on below 435 px, lays out
//   every slide of the deck at start (half of a full deck's start-up work on a phone);
// - the speaker notes plugin (reveal.js's notes.js, a Markdown parser inside: a fifth of a deck's
//   weight) is fetched once the deck shows, or when « S » is pressed, whichever comes first.
const NOTES_PLUGIN = new URL("notes.js", document.currentScript.src).href;

function startDeck(options) {
  const params = new URLSearchParams(location.search);
  const print = params.has("print-pdf");
  // The participants' PDF keeps the quiz for the room: answers only in the trainer's PDF (with notes).
  document.documentElement.classList.toggle("print-participants", print && !params.has("notes"));
  const countdowns = makeCountdowns({ receiver: params.has("receiver"), sound: params.has("son") });
  Reveal.initialize({
    hash: true,
    respondToHashChanges: true,
    history: false,
    width: 1280,
    height: 720,
    margin: print ? 0 : 0.04,  // printed pages are exactly one slide: 1280×720
    center: false,
    controls: true,
    controlsTutorial: false,
    progress: true,
    slideNumber: "c/t",
    transition: "fade",
    transitionSpeed: "fast",
    backgroundTransition: "none",
    totalTime: options.totalTime,
    showNotes: print && params.has("notes") ? "separate-page" : false,
    pdfSeparateFragments: false,
    pdfMaxPagesPerSlide: 1,
    keyboard: { 84: () => countdowns.toggle(Reveal.getCurrentSlide()) },  // T
    scrollActivationWidth: null,
  });
  const hideOthers = () => {
    for (const slide of Reveal.getSlides()) {
      slide.inert = !print && !slide.classList.contains("present");
    }
  };
  Reveal.on("ready", hideOthers);
  Reveal.on("slidechanged", hideOthers);
  // The speaker view's previews (?receiver) and printing need no notes plugin.
  if (!print && !/receiver/i.test(location.search)) {
    Reveal.on("ready", () => {
      Reveal.addKeyBinding({ keyCode: 83, key: "S", description: "Speaker notes view" },
                           () => speakerNotes().then((notes) => notes.open()));
      const later = () => setTimeout(speakerNotes, 0);
      document.readyState === "complete" ? later() : addEventListener("load", later, { once: true });
    });
  }
  document.addEventListener("click", (event) => {
    const button = event.target.closest(".countdown");
    if (button) countdowns.toggle(button.closest("section"));
  });
  window.deck = Reveal;  // the name earlier scripts used
}

// One countdown per timed slide, kept by the projected deck. The speaker view's previews are
// receivers: they forward T to the projected deck and show the time it sends back.
function makeCountdowns({ receiver, sound }) {
  const NS = "deck-countdown";
  let timers = {};  // slide id -> { left: ms while paused, end: timestamp while running, rang: bool }
  const viewers = new Set();
  let tick = null;
  const main = receiver && window.parent && window.parent.opener;

  const remaining = (t) => (t.end ? Math.max(0, t.end - Date.now()) : t.left);
  const post = (target, data) => target.postMessage(JSON.stringify({ namespace: NS, ...data }), "*");

  function render() {
    let running = false;
    for (const button of document.querySelectorAll(".countdown")) {
      const t = timers[button.closest("section").id];
      const ms = t ? remaining(t) : button.dataset.seconds * 1000;
      const s = Math.ceil(ms / 1000);
      const done = Boolean(t) && ms === 0;
      button.querySelector(".countdown__time").textContent =
        done ? button.dataset.done : `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
      button.classList.toggle("is-running", Boolean(t && t.end) && !done);
      button.classList.toggle("is-done", done);
      if (done && t.end && !t.rang) {
        t.rang = true;
        if (sound && !receiver) beep();
      }
      running = running || (Boolean(t && t.end) && !done);
    }
    if (running && !tick) tick = setInterval(render, 250);
    if (!running && tick) { clearInterval(tick); tick = null; }
  }

  function toggle(slide) {
    const button = slide && slide.querySelector(".countdown");
    if (!button) return;
    if (main) { post(main, { toggle: slide.id }); return; }
    const full = button.dataset.seconds * 1000;
    const t = timers[slide.id] || (timers[slide.id] = { left: full, end: null, rang: false });
    if (t.end && remaining(t) > 0) { t.left = remaining(t); t.end = null; }
    else if (remaining(t) > 0) { t.end = Date.now() + t.left; }
    else { timers[slide.id] = { left: full, end: null, rang: false }; }
    for (const viewer of viewers) post(viewer, { timers });
    render();
  }

  function beep() {
    const audio = new AudioContext();
    const tone = audio.createOscillator();
    tone.connect(audio.destination);
    tone.frequency.value = 660;
    tone.start();
    tone.stop(audio.currentTime + 0.4);
  }

  window.addEventListener("message", (event) => {
    let data;
    try { data = JSON.parse(event.data); } catch { return; }
    if (!data || data.namespace !== NS) return;
    if (data.timers && receiver) { timers = data.timers; render(); }
    if (data.hello && !receiver) { viewers.add(event.source); post(event.source, { timers }); }
    if (typeof data.toggle === "string" && !receiver) toggle(document.getElementById(data.toggle));
  });
  if (main) post(main, { hello: true });
  return { toggle };
}

// reveal.js's notes plugin, loaded once and registered (its init then binds « S » itself).
let notesPlugin = null;
function speakerNotes() {
  notesPlugin ??= new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = NOTES_PLUGIN;
    script.onload = () => {
      const notes = RevealNotes();
      Reveal.registerPlugin(notes);
      resolve(notes);
    };
    script.onerror = reject;
    document.head.append(script);
  });
  return notesPlugin;
}
