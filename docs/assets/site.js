// Glossary tooltips: Escape hides the one shown (WCAG 1.4.13); it shows again on the next hover or focus.
document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  document.querySelectorAll(".gl:hover, .gl:focus-within").forEach((el) => el.classList.add("gl--closed"));
});
for (const type of ["mouseover", "focusin"]) {
  document.addEventListener(type, (event) => {
    const mark = event.target.closest && event.target.closest(".gl");
    if (mark) mark.classList.remove("gl--closed");
  });
}
