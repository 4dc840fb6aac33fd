// Light and dark themes: the system's preference (prefers-color-scheme)
// unless the person chose one with the toggle, which is remembered.

import { load, save } from "./storage.js";

const media = window.matchMedia("(prefers-color-scheme: dark)");

/** currentTheme is "light" or "dark": the saved choice, else the system's. */
export function currentTheme() {
  const saved = load("theme");
  if (saved === "light" || saved === "dark") return saved;
  return media.matches ? "dark" : "light";
}

/** setupTheme applies the theme and wires the toggle button. */
export function setupTheme(button) {
  const apply = () => {
    const t = currentTheme();
    document.documentElement.dataset.theme = t;
    button.setAttribute("aria-pressed", String(t === "dark"));
  };
  button.addEventListener("click", () => {
    save("theme", currentTheme() === "dark" ? "light" : "dark");
    apply();
  });
  media.addEventListener("change", apply);
  apply();
}
