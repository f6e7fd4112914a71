// The task card: the task's Camunda Form (the same JSON Tasklist shows) rendered by form-js, in
// Russian with дд.мм.гггг dates (russian.js sets the browser's defaults as it does for Tasklist),
// completed by a POST of the form's values; the server's refusal is shown in Russian.
import '/webjars/camunda/app/voronka/russian.js';

const container = document.getElementById('task-form');
const schemaElement = document.getElementById('task-form-schema');

function csrfHeaders() {
  const header = document.querySelector('meta[name="csrf-header"]');
  const token = document.querySelector('meta[name="csrf-token"]');
  return header && token ? { [header.content]: token.content } : {};
}

function showError(message) {
  const box = document.getElementById('task-form-error');
  box.textContent = message;
  box.hidden = !message;
}

async function start() {
  if (!container || !schemaElement || !window.FormViewer) {
    return;
  }
  const schema = JSON.parse(schemaElement.textContent);
  const data = JSON.parse(document.getElementById('task-form-data').textContent);
  const form = new window.FormViewer.Form({ container });
  await form.importSchema(schema, data);
  container.dataset.ready = 'true';
  const button = document.getElementById('task-complete');
  button.disabled = false;
  button.addEventListener('click', async () => {
    const confirmText = button.dataset.confirm;
    if (confirmText && !window.confirm(confirmText)) {
      return;
    }
    const result = form.submit();
    const wrong = Object.values(result.errors || {}).filter((e) => e && e.length).length;
    if (wrong) {
      showError('Проверьте поля формы: ' + wrong + ' заполнены неверно или пусты.');
      return;
    }
    showError('');
    button.disabled = true;
    try {
      const response = await fetch(container.dataset.complete, {
        method: 'POST',
        headers: Object.assign({ 'Content-Type': 'application/json', Accept: 'application/json' }, csrfHeaders()),
        body: JSON.stringify(result.data)
      });
      const answer = await response.json().catch(() => ({}));
      if (response.ok) {
        window.location.assign(answer.redirect || '/tasks');
        return;
      }
      showError(answer.message || ('Задача не выполнена: ошибка ' + response.status));
    } catch (e) {
      showError('Нет связи с сервером: задача не выполнена, попробуйте ещё раз.');
    }
    button.disabled = false;
  });
}

start().catch((e) => {
  console.error(e);
  showError('Форма задачи не открылась: ' + e.message);
});
