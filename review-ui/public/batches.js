// Batch list and upload form. Everything shown comes from the server and is set with
// textContent, never parsed as HTML: file names and OCR output are untrusted.

const tbody = document.getElementById("batches");
const form = document.getElementById("upload-form");
const results = document.getElementById("upload-results");

function cell(text) {
  const td = document.createElement("td");
  td.textContent = String(text);
  return td;
}

async function refreshBatches() {
  const response = await fetch("/api/batches");
  if (!response.ok) return;
  const { batches } = await response.json();
  const rows = batches.map((batch) => {
    const tr = document.createElement("tr");
    tr.append(
      cell(batch.name),
      cell(batch.files.total),
      cell(`${batch.pages.total} (${batch.pages.ocrDone})`),
      cell(batch.records.total),
      cell(batch.records.needsReview),
      cell(batch.files.byStatus.failed ?? 0),
    );
    return tr;
  });
  tbody.replaceChildren(...rows);
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const data = new FormData();
  for (const file of form.elements.files.files) data.append("file", file, file.name);
  const batch = encodeURIComponent(form.elements.batch.value);
  const response = await fetch(`/api/uploads?batch=${batch}`, { method: "POST", body: data });
  const body = await response.json();
  const items = (body.files ?? []).map((file) => {
    const li = document.createElement("li");
    li.textContent = `${file.fileName}: ${file.status === "failed" ? file.message : file.status}`;
    return li;
  });
  if (body.error) {
    const li = document.createElement("li");
    li.textContent = body.error;
    items.push(li);
  }
  results.replaceChildren(...items);
  await refreshBatches();
});

refreshBatches();
setInterval(refreshBatches, 2000);
