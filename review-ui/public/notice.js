// Short messages under the header that outlive a screen change (e.g. "承認しました" after the
// next record has opened).

const NOTICE_MS = 5000;
let timer = null;

export function notify(message, kind = "info") {
  const element = document.getElementById("notice");
  element.textContent = message;
  element.dataset.kind = kind;
  element.hidden = false;
  clearTimeout(timer);
  timer = setTimeout(() => {
    element.hidden = true;
  }, NOTICE_MS);
}
