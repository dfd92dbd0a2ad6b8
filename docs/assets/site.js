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

// « Citer »: the date consulted is the reader's own, today, written as ISO 690 wants it (« 1er mai 2026 »).
// Without script the reference says what to write there. Re-run on each page of instant navigation.
function citeToday() {
  const now = new Date();
  const iso = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
  const text = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric" }).format(now)
    .replace(/^1 /, "1er ");
  for (const time of document.querySelectorAll("time.cite__today")) {
    time.dateTime = iso;
    time.textContent = text;
  }
}
if (window.document$) window.document$.subscribe(citeToday); else citeToday();
