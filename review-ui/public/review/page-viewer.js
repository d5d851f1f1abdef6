// The page image with zoom and pan, and an SVG overlay (in image pixels) with one rectangle per
// field box. The served image already has every redaction burned in black; nothing is drawn
// over redactions, so the overlay cannot hint at what was there.

import { h, svg } from "../dom.js";

const MIN_SCALE = 0.05;
const MAX_SCALE = 4;
const ZOOM_STEP = 1.25;
/** Pointer travel (px) under which a press on a box is a click, not the start of a pan. */
const DRAG_THRESHOLD = 4;

export function createPageViewer(pages, { onBoxClick }) {
  let page = pages[0];
  /** The image's own pixel size once loaded: the unit of every bbox. */
  let size = { width: page.width, height: page.height };
  let scale = 1;
  let fitted = false;
  let boxes = [];
  let activeId = null;

  const image = h("img", { className: "page-image", alt: "", draggable: false });
  const overlay = svg("svg", { class: "overlay", preserveAspectRatio: "none" });
  const stage = h("div", { className: "stage" }, image, overlay);
  const scroller = h(
    "div",
    { className: "viewer-scroll", tabIndex: -1, "aria-label": "ページ画像" },
    stage,
  );
  const zoomLabel = h("output", { className: "zoom-level" });
  const pageButtons = h("div", {
    className: "page-switcher",
    role: "group",
    "aria-label": "ページ",
  });
  const toolbar = h(
    "div",
    { className: "viewer-toolbar" },
    button("−", "縮小 (-)", () => zoomBy(1 / ZOOM_STEP)),
    zoomLabel,
    button("+", "拡大 (+)", () => zoomBy(ZOOM_STEP)),
    button("幅に合わせる", "ページの幅に合わせる", fitWidth),
    pageButtons,
  );
  const element = h(
    "section",
    { className: "viewer", "aria-label": "ページ画像" },
    toolbar,
    scroller,
  );

  image.addEventListener("load", () => {
    size = { width: image.naturalWidth, height: image.naturalHeight };
    overlay.setAttribute("viewBox", `0 0 ${size.width} ${size.height}`);
    if (fitted) applyScale(scale);
    else fitWidth();
    fitted = true;
    scrollToActive("instant");
  });
  scroller.addEventListener("wheel", onWheel, { passive: false });
  scroller.addEventListener("pointerdown", onPointerDown);
  showPage(page.number);

  function button(text, title, action) {
    return h("button", { type: "button", title, "aria-label": title, onclick: action }, text);
  }

  function showPage(number) {
    page = pages.find((candidate) => candidate.number === number) ?? pages[0];
    size = { width: page.width, height: page.height };
    image.src = page.imageUrl;
    image.alt = `${page.number}ページ目`;
    overlay.setAttribute("viewBox", `0 0 ${size.width} ${size.height}`);
    renderPageButtons();
    applyScale(scale);
    drawBoxes();
  }

  function renderPageButtons() {
    pageButtons.hidden = pages.length < 2;
    pageButtons.replaceChildren(
      ...pages.map((candidate) =>
        h(
          "button",
          {
            type: "button",
            "aria-pressed": String(candidate.number === page.number),
            "aria-label": `${candidate.number}ページ目`,
            onclick: () => showPage(candidate.number),
          },
          String(candidate.number),
        ),
      ),
    );
  }

  function applyScale(next, anchor = viewportCentre()) {
    const contentX = (scroller.scrollLeft + anchor.x) / scale;
    const contentY = (scroller.scrollTop + anchor.y) / scale;
    scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, next));
    stage.style.width = `${size.width * scale}px`;
    stage.style.height = `${size.height * scale}px`;
    scroller.scrollLeft = contentX * scale - anchor.x;
    scroller.scrollTop = contentY * scale - anchor.y;
    zoomLabel.textContent = `${Math.round(scale * 100)}%`;
  }

  function viewportCentre() {
    return { x: scroller.clientWidth / 2, y: scroller.clientHeight / 2 };
  }

  function zoomBy(factor) {
    applyScale(scale * factor);
  }

  function fitWidth() {
    if (scroller.clientWidth) applyScale(scroller.clientWidth / size.width, { x: 0, y: 0 });
  }

  function onWheel(event) {
    // Plain wheel scrolls (pans) natively; ctrl+wheel and trackpad pinch zoom around the pointer.
    if (!event.ctrlKey) return;
    event.preventDefault();
    const rect = scroller.getBoundingClientRect();
    applyScale(scale * Math.exp(-event.deltaY * 0.002), {
      x: event.clientX - rect.left,
      y: event.clientY - rect.top,
    });
  }

  function onPointerDown(event) {
    if (event.button !== 0) return;
    const start = { x: event.clientX, y: event.clientY };
    const origin = { left: scroller.scrollLeft, top: scroller.scrollTop };
    const box = event.target.closest?.("[data-field-id]");
    let dragging = false;
    scroller.setPointerCapture(event.pointerId);
    const move = (moveEvent) => {
      const dx = moveEvent.clientX - start.x;
      const dy = moveEvent.clientY - start.y;
      if (!dragging && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
      dragging = true;
      scroller.classList.add("panning");
      scroller.scrollLeft = origin.left - dx;
      scroller.scrollTop = origin.top - dy;
    };
    const up = () => {
      scroller.removeEventListener("pointermove", move);
      scroller.classList.remove("panning");
      if (!dragging && box) onBoxClick(box.dataset.fieldId);
    };
    scroller.addEventListener("pointermove", move);
    scroller.addEventListener("pointerup", up, { once: true });
    scroller.addEventListener("pointercancel", up, { once: true });
    event.preventDefault();
  }

  function drawBoxes() {
    overlay.replaceChildren(
      ...boxes
        .filter((box) => box.page === page.number)
        .map((box) => {
          const [x, y, width, height] = box.bbox;
          const rect = svg("rect", { x, y, width, height, class: box.className });
          rect.dataset.fieldId = box.id;
          rect.classList.toggle("active", box.id === activeId);
          const title = svg("title");
          title.textContent = box.label;
          rect.append(title);
          return rect;
        }),
    );
  }

  /** Boxes: [{ id, label, page, bbox, className }]; entries without a bbox are not drawn. */
  function setBoxes(next) {
    boxes = next.filter((box) => Array.isArray(box.bbox) && box.bbox.length === 4 && box.page);
    drawBoxes();
  }

  /** Marks a field's box and scrolls it into the middle of the view (switching page if needed). */
  function highlight(id, { scroll = true } = {}) {
    activeId = id;
    const box = boxes.find((candidate) => candidate.id === id);
    if (box && box.page !== page.number) showPage(box.page);
    else drawBoxes();
    if (scroll) scrollToActive("smooth");
  }

  function scrollToActive(behavior) {
    const box = boxes.find(
      (candidate) => candidate.id === activeId && candidate.page === page.number,
    );
    if (!box) return;
    const [x, y, width, height] = box.bbox;
    scroller.scrollTo({
      left: (x + width / 2) * scale - scroller.clientWidth / 2,
      top: (y + height / 2) * scale - scroller.clientHeight / 2,
      behavior,
    });
  }

  return { element, setBoxes, highlight, zoomBy, fitWidth };
}
