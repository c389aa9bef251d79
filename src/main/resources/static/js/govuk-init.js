import { initAll } from '/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js';

initAll();

// "Select all" on queue tables: a checkbox with data-select-all="name" toggles boxes named name.
document.querySelectorAll('[data-select-all]').forEach((box) => {
  box.addEventListener('change', () => {
    document.querySelectorAll(`input[name="${box.dataset.selectAll}"]`)
      .forEach((b) => { b.checked = box.checked; });
  });
});
