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

// « Copier le lien »: the button shows only where the clipboard works; the URL field stays for everyone.
for (const button of document.querySelectorAll(".share__copy")) {
  if (!navigator.clipboard) continue;
  button.hidden = false;
  button.addEventListener("click", async () => {
    await navigator.clipboard.writeText(button.dataset.copy);
    button.textContent = button.dataset.done;
  });
}
