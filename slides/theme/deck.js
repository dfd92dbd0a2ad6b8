// Starts a deck: reveal.js with the speaker notes plugin, offline, keyboard first.
// Slides that are not shown are made inert, so neither Tab nor a screen reader reaches them
// (reveal.js issues #1587 and #3772).
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
    plugins: [RevealNotes],
  });
  const hideOthers = () => {
    for (const slide of deck.getSlides()) {
      slide.inert = !print && !slide.classList.contains("present");
    }
  };
  deck.on("ready", hideOthers);
  deck.on("slidechanged", hideOthers);
  deck.initialize();
  window.deck = deck;
}
