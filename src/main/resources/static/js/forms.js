// Behaviour that pages declare with data attributes, so that no page needs inline script (the
// Content-Security-Policy allows scripts from this site's files only).
(function () {
  // <select data-autosubmit>: choosing a value submits its form.
  document.addEventListener('change', function (e) {
    if (e.target.matches && e.target.matches('[data-autosubmit]')) {
      e.target.form.submit();
    }
  });
  // <button data-fill="selector" data-value="…">: puts the value into the field.
  document.addEventListener('click', function (e) {
    const button = e.target.closest ? e.target.closest('[data-fill]') : null;
    if (button) {
      document.querySelector(button.dataset.fill).value = button.dataset.value;
    }
  });
})();
