// Starts a deck: reveal.js, offline, keyboard first.
// Slides that are not shown are made inert, so neither Tab nor a screen reader reaches them
// (reveal.js issues #1587 and #3772).
// What a deck costs before its first slide shows is kept small (make bench measures it):
// - phones keep the paged view: reveal.js's scroll view, which it turns on below 435 px, lays out
//   every slide of the deck at start (half of a full deck's start-up work on a phone);
// - the speaker notes plugin (reveal.js's notes.js, a Markdown parser inside: a fifth of a deck's
//   weight) is fetched once the deck shows, or when « S » is pressed, whichever comes first.
const NOTES_PLUGIN = new URL("notes.js", document.currentScript.src).href;

function startDeck(options) {
  const params = new URLSearchParams(location.search);
  const print = params.has("print-pdf");
  const deck = new Reveal({
    hash: true,
    respondToHashChanges: true,
    history: false,
    width: 1280,
    height: 720,
    margin: 0.04,
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
    scrollActivationWidth: null,
  });
  const hideOthers = () => {
    for (const slide of deck.getSlides()) {
      slide.inert = !print && !slide.classList.contains("present");
    }
  };
  deck.on("ready", hideOthers);
  deck.on("slidechanged", hideOthers);
  // The speaker view's previews (?receiver) and printing need no notes plugin.
  if (!print && !/receiver/i.test(location.search)) {
    deck.on("ready", () => {
      deck.addKeyBinding({ keyCode: 83, key: "S", description: "Speaker notes view" },
                         () => speakerNotes(deck).then((notes) => notes.open()));
      const later = () => setTimeout(() => speakerNotes(deck), 0);
      document.readyState === "complete" ? later() : addEventListener("load", later, { once: true });
    });
  }
  deck.initialize();
  window.deck = deck;
}

// reveal.js's notes plugin, loaded once and registered (its init then binds « S » itself).
function speakerNotes(deck) {
  deck.speakerNotes ??= new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = NOTES_PLUGIN;
    script.onload = () => {
      const notes = RevealNotes();
      deck.registerPlugin(notes);
      resolve(notes);
    };
    script.onerror = reject;
    document.head.append(script);
  });
  return deck.speakerNotes;
}
