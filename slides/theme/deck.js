// Starts a deck: reveal.js with the speaker notes plugin, offline, keyboard first.
// The global `Reveal` is the deck (reveal.js's documented start-up, `Reveal.initialize`), so
// consoles, plugins and tools drive it with the documented API: Reveal.isReady(), Reveal.slide()…
// `window.deck` is the same object, for older callers.
// Slides that are not shown are made inert, so neither Tab nor a screen reader reaches them
// (reveal.js issues #1587 and #3772).
function startDeck(options) {
  const params = new URLSearchParams(location.search);
  const print = params.has("print-pdf");
  const hideOthers = () => {
    for (const slide of Reveal.getSlides()) {
      slide.inert = !print && !slide.classList.contains("present");
    }
  };
  Reveal.on("ready", hideOthers);
  Reveal.on("slidechanged", hideOthers);
  window.deck = Reveal;
  return Reveal.initialize({
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
    plugins: [RevealNotes],
  });
}
