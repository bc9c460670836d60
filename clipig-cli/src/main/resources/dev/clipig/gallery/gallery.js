"use strict";
// Keyboard navigation of the concept-transfer grid. The grid names its methods (data-methods) and
// its cells carry the rest in data attributes (data-prompt, and one image URL per method, empty
// where nothing was rendered); this script only decides which of them is shown.
(function () {
  const grid = document.getElementById("grid");
  if (!grid) return;

  const methods = grid.dataset.methods.split(" ");
  const rows = Array.from(grid.tBodies[0].rows);
  const cellsOf = row => Array.from(row.cells).slice(1);
  const large = document.getElementById("large");
  const caption = document.getElementById("caption");
  const state = { thing: 0, animal: 0, method: 0 };

  console.log("CLIPig concept-transfer prompts:\n"
      + rows.flatMap(row => cellsOf(row).map(cell => cell.dataset.prompt)).join("\n"));

  function picture(cell) {
    const src = cell.dataset[methods[state.method]];
    if (!src) {
      const missing = document.createElement("span");
      missing.className = "missing";
      missing.textContent = "not rendered";
      return missing;
    }
    const img = document.createElement("img");
    img.src = src;
    img.alt = cell.dataset.prompt;
    return img;
  }

  function showMethod() {
    rows.forEach(row => cellsOf(row).forEach(cell => cell.replaceChildren(picture(cell))));
  }

  function showSelection() {
    rows.forEach((row, r) => {
      row.classList.toggle("selected", r === state.thing);
      cellsOf(row).forEach((cell, a) => cell.classList.toggle("selected", r === state.thing && a === state.animal));
    });
    const cells = cellsOf(rows[state.thing]);
    large.replaceChildren(...cells.map((cell, a) => {
      const figure = document.createElement("figure");
      figure.classList.toggle("selected", a === state.animal);
      const label = document.createElement("figcaption");
      label.textContent = cell.dataset.animal;
      figure.append(picture(cell), label);
      figure.addEventListener("click", () => select(state.thing, a));
      return figure;
    }));
    caption.textContent = cells[state.animal].dataset.prompt + " \u2014 method " + (state.method + 1);
    rows[state.thing].scrollIntoView({ block: "nearest" });
  }

  function select(thing, animal) {
    state.thing = Math.max(0, Math.min(rows.length - 1, thing));
    state.animal = Math.max(0, Math.min(cellsOf(rows[0]).length - 1, animal));
    showSelection();
  }

  const moves = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

  document.addEventListener("keydown", event => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const move = moves[event.key];
    const method = Number(event.key) - 1;
    if (move) {
      event.preventDefault();
      select(state.thing + move[0], state.animal + move[1]);
    } else if (Number.isInteger(method) && method >= 0 && method < methods.length) {
      state.method = method;
      showMethod();
      showSelection();
    }
  });

  rows.forEach((row, r) => cellsOf(row).forEach((cell, a) => cell.addEventListener("click", () => select(r, a))));

  showMethod();
  showSelection();
})();
