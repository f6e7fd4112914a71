// Behaviour that pages declare with data attributes, so that no page needs inline script (the
// Content-Security-Policy allows scripts from this site's files only).
(function () {
  // <select data-autosubmit>: choosing a value submits its form.
  document.addEventListener('change', function (e) {
    if (e.target.matches && e.target.matches('[data-autosubmit]')) {
      e.target.form.submit();
    }
  });
  // <select data-insert-into="selector">: the value chosen goes into the field at its caret (a parameter
  // into a message's text), and the list goes back to its prompt.
  document.addEventListener('change', function (e) {
    const list = e.target;
    if (!list.matches || !list.matches('[data-insert-into]') || !list.value) {
      return;
    }
    const field = document.querySelector(list.dataset.insertInto);
    const at = field.selectionStart === null || field.selectionStart === undefined ? field.value.length : field.selectionStart;
    field.value = field.value.slice(0, at) + list.value + field.value.slice(field.selectionEnd === undefined ? at : field.selectionEnd);
    field.selectionStart = field.selectionEnd = at + list.value.length;
    list.value = '';
    field.focus();
  });
  // <form data-confirm="question">: sent only when the user agrees.
  document.addEventListener('submit', function (e) {
    const form = e.target;
    if (form.matches && form.matches('form[data-confirm]') && !window.confirm(form.dataset.confirm)) {
      e.preventDefault();
    }
  });
  // <a data-back>: the previous page (the link itself leads to the desktop when there is none).
  document.addEventListener('click', function (e) {
    const link = e.target.closest ? e.target.closest('a[data-back]') : null;
    if (link && window.history.length > 1) {
      e.preventDefault();
      window.history.back();
    }
  });
  // <label><span data-files-label>…</span><input type="file" hidden></label>: the label names the files
  // chosen (the input itself is hidden), and says its own words again when the form is reset.
  function showChosen(input) {
    const label = input.closest('label') && input.closest('label').querySelector('[data-files-label]');
    if (!label) {
      return;
    }
    label.dataset.empty = label.dataset.empty || label.textContent;
    const names = Array.from(input.files || []).map(function (f) { return f.name; });
    label.textContent = names.length ? 'Файлы: ' + names.join(', ') : label.dataset.empty;
  }
  document.addEventListener('change', function (e) {
    if (e.target.matches && e.target.matches('input[type=file]')) {
      showChosen(e.target);
    }
  });
  document.addEventListener('reset', function (e) {
    setTimeout(function () { e.target.querySelectorAll('input[type=file]').forEach(showChosen); });
  });
  // <button data-fill="selector" data-value="…">: puts the value into the field.
  document.addEventListener('click', function (e) {
    const button = e.target.closest ? e.target.closest('[data-fill]') : null;
    if (button) {
      document.querySelector(button.dataset.fill).value = button.dataset.value;
    }
  });
})();
