// The workspace's live side: one EventSource per page (GET /live), chats that grow by themselves,
// read marks (click, or a few seconds on screen), pop-ups, and refusals shown next to their form.
(function () {
  'use strict';

  const READ_AFTER_MS = 3000;
  const me = document.body.dataset.user;
  const popupsOn = Number(document.body.dataset.popupMinutes || '0') > 0;

  function csrfHeaders() {
    const header = document.querySelector('meta[name="csrf-header"]');
    const token = document.querySelector('meta[name="csrf-token"]');
    return header && token ? { [header.content]: token.content } : {};
  }

  function post(url) {
    return fetch(url, { method: 'POST', headers: csrfHeaders(), credentials: 'same-origin' });
  }

  // ---- chats ----

  function openChat(chatId) {
    return document.querySelector('section.chat[data-chat-id="' + chatId + '"]');
  }

  function scrollDown(chat) {
    const list = chat.querySelector('.messages');
    if (list) list.scrollTop = list.scrollHeight;
  }

  /** Appends message rows the chat does not show yet (a sent message may arrive twice: reply and event). */
  function appendMessages(chat, html) {
    const list = chat.querySelector('.messages');
    const box = document.createElement('div');
    box.innerHTML = html;
    let added = false;
    box.querySelectorAll('.msg[data-id]').forEach(function (row) {
      if (!list.querySelector('.msg[data-id="' + row.dataset.id + '"]')) {
        list.appendChild(row);
        htmx.process(row);
        watchUnread(row);
        added = true;
        chat.dataset.newestId = String(Math.max(Number(chat.dataset.newestId || 0), Number(row.dataset.id)));
      }
    });
    const empty = list.querySelector('.chat-empty');
    if (added && empty) empty.remove();
    if (added) scrollDown(chat);
  }

  function fetchNewer(chat) {
    fetch('/chats/' + chat.dataset.chatId + '/messages?after=' + (chat.dataset.newestId || 0), { credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.text() : ''; })
      .then(function (html) { if (html) appendMessages(chat, html); });
  }

  function markRead(row) {
    if (!row.classList.contains('unread')) return;
    row.classList.remove('unread');
    post('/chats/' + row.dataset.chatId + '/read?upTo=' + row.dataset.id).then(function () {
      document.body.dispatchEvent(new Event('chat-changed'));
    });
  }

  // COM-3: read on click, or after a few seconds in view.
  const seen = 'IntersectionObserver' in window ? new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      const row = entry.target;
      if (entry.isIntersecting) {
        row._readTimer = setTimeout(function () { markRead(row); seen.unobserve(row); }, READ_AFTER_MS);
      } else if (row._readTimer) {
        clearTimeout(row._readTimer);
      }
    });
  }) : null;

  function watchUnread(row) {
    if (!row.classList.contains('unread')) return;
    row.addEventListener('click', function () { markRead(row); });
    if (seen) seen.observe(row);
  }

  function initChats(root) {
    root.querySelectorAll('section.chat').forEach(scrollDown);
    root.querySelectorAll('.msg.unread').forEach(watchUnread);
  }

  // ---- pop-ups (COM-4) ----

  function popup(title, text, links) {
    const box = document.getElementById('popups');
    if (!box) return;
    const card = document.createElement('div');
    card.className = 'popup';
    card.setAttribute('role', 'status');
    const h = document.createElement('b');
    h.textContent = title;
    const p = document.createElement('p');
    p.textContent = text;
    card.append(h, p);
    const actions = document.createElement('div');
    actions.className = 'popup-actions';
    links.forEach(function (l) {
      const a = document.createElement(l.href ? 'a' : 'button');
      a.className = 'btn';
      a.textContent = l.text;
      if (l.href) a.href = l.href;
      if (l.onclick) a.addEventListener('click', function () { l.onclick(); card.remove(); });
      actions.appendChild(a);
    });
    const close = document.createElement('button');
    close.className = 'btn';
    close.textContent = 'Закрыть';
    close.addEventListener('click', function () { card.remove(); });
    actions.appendChild(close);
    card.appendChild(actions);
    box.appendChild(card);
  }

  function readLink(chatId, messageId) {
    return { text: 'Прочитано', onclick: function () {
      post('/chats/' + chatId + '/read?upTo=' + messageId).then(function () {
        document.body.dispatchEvent(new Event('chat-changed'));
      });
    } };
  }

  // ---- unread badges: re-read from the server when a message arrives or is read (here, in another tab, elsewhere) ----

  let badgeTimer = null;
  function refreshBadges() {
    document.body.dispatchEvent(new Event('chat-changed')); // the top bar's total
    clearTimeout(badgeTimer);
    badgeTimer = setTimeout(function () {
      const badges = document.querySelectorAll('[data-unread-chat]');
      if (!badges.length) return;
      const ids = Array.from(new Set(Array.from(badges).map(function (b) { return b.dataset.unreadChat; })));
      fetch('/chats/unread?ids=' + ids.join(','), { credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.json() : {}; })
        .then(function (counts) {
          badges.forEach(function (b) {
            const n = counts[b.dataset.unreadChat];
            if (n === undefined) return;
            b.textContent = n > 0 ? String(n) : '';
            const row = b.closest('[data-tree-chat]');
            if (row) row.classList.toggle('unread', n > 0);
          });
        });
    }, 150);
  }

  // ---- the live connection ----

  function connect() {
    if (!window.EventSource || !me) return;
    const source = new EventSource('/live');
    document.body.dataset.live = 'connecting';
    source.onopen = function () { document.body.dataset.live = 'open'; };
    source.addEventListener('chat-message', function (e) {
      const d = JSON.parse(e.data).data;
      const chat = openChat(d.chatId);
      if (chat) fetchNewer(chat);
      refreshBadges();
      const tree = document.querySelector('[data-tree-chat="' + d.chatId + '"]');
      if (tree && !chat) tree.classList.add('unread');
      // Internal messages pop up for the other members; client messages come as 'popup' to the task holders.
      if (!chat && popupsOn && d.notify && d.authorUserId && d.authorUserId !== me) {
        popup(d.author + ' · ' + d.chatTitle, d.text,
          [{ text: 'Перейти в чат', href: '/chats/' + d.chatId }, readLink(d.chatId, d.messageId)]);
      }
    });
    // Read here or in another tab: the badges follow without a reload.
    source.addEventListener('chat-read', function (e) {
      if (JSON.parse(e.data).data.reader === me) refreshBadges();
    });
    source.addEventListener('popup', function (e) {
      const d = JSON.parse(e.data).data;
      const links = [];
      if (d.taskUrl) links.push({ text: 'Бизнес-процесс', href: d.taskUrl });
      if (d.chatUrl) links.push({ text: 'Перейти в чат', href: d.chatUrl });
      if (d.chatId && d.messageId) links.push(readLink(d.chatId, d.messageId));
      popup(d.title, (d.deal ? d.deal + ': ' : '') + d.text, links);
    });
    // Delivery statuses: «Отправляется» → «Отправлено» → «Доставлено» → «Прочитано», or «Ошибка».
    source.addEventListener('chat-status', function (e) {
      const d = JSON.parse(e.data).data;
      const row = document.getElementById('msg-' + d.messageId);
      if (!row) return;
      const chat = openChat(d.chatId);
      if (chat) {
        // The row is re-read: a failure's reason comes with it.
        fetch('/chats/' + d.chatId + '/messages?after=' + (d.messageId - 1), { credentials: 'same-origin' })
          .then(function (r) { return r.ok ? r.text() : ''; })
          .then(function (html) {
            const box = document.createElement('div');
            box.innerHTML = html;
            const fresh = box.querySelector('#msg-' + d.messageId);
            if (fresh) { row.replaceWith(fresh); htmx.process(fresh); }
          });
      }
    });
    source.addEventListener('chat-message-deleted', function (e) {
      const d = JSON.parse(e.data).data;
      const row = document.getElementById('msg-' + d.messageId);
      if (row) {
        row.classList.add('deleted');
        row.innerHTML = '<div class="body muted">Сообщение удалено администратором</div>';
      }
    });
    // TEL-4: the ringing call's card opens before the manager picks up; it stays until «Итог звонка» is done.
    function showCall(url) {
      if (window.htmx) htmx.ajax('GET', url, { target: '#call-card', swap: 'innerHTML' });
    }
    // The open deal card's header follows the deal's stage (a button, a task, a loss elsewhere).
    source.addEventListener('deal-stage', function (e) {
      const d = JSON.parse(e.data).data;
      document.querySelectorAll('[data-deal-stage="' + d.dealId + '"]').forEach(function (el) {
        el.textContent = '№' + d.dealId + ' · ' + d.stageTitle;
      });
    });
    source.addEventListener('call-ringing', function (e) { showCall(JSON.parse(e.data).data.cardUrl); });
    // The call rang on to another manager (three rings, or «Передать дальше»): its ringing card here closes.
    source.addEventListener('call-rung-on', function (e) {
      const d = JSON.parse(e.data).data;
      const card = document.querySelector('#call-card .call-card.ringing[data-call="' + d.callId + '"]');
      if (card) showCall('/calls/' + d.callId + '/rung-on');
    });
    // A click-to-call the manager's own phone did not take (not picked up, busy, unreachable).
    source.addEventListener('call-failed', function (e) {
      popup('Звонок не состоялся', JSON.parse(e.data).data.message, []);
    });
    ['call-answered', 'call-ended'].forEach(function (name) {
      source.addEventListener(name, function (e) {
        const d = JSON.parse(e.data).data;
        showCall('/calls/' + d.callId + '/card');
      });
    });
    source.onerror = function () { document.body.dataset.live = 'reconnecting'; };
  }

  // ---- TEL-1: calls from anywhere ----

  // A click on any phone number in the workspace dials it through the PBX (the desk phone rings first);
  // the tel: link stays for a page without this script.
  function dial(number) {
    const body = new URLSearchParams({ number: number });
    return fetch('/calls/dial', { method: 'POST', headers: Object.assign({ 'HX-Request': 'true' }, csrfHeaders()),
      body: body, credentials: 'same-origin' })
      .then(function (r) { return r.text().then(function (html) { return { ok: r.ok, html: html }; }); })
      .then(function (answer) {
        const tmp = document.createElement('div');
        tmp.innerHTML = answer.html;
        popup(answer.ok ? 'Звонок' : 'Звонок не начат', tmp.textContent.trim(), []);
      });
  }

  document.addEventListener('click', function (e) {
    const link = e.target.closest ? e.target.closest('a[href^="tel:"]') : null;
    if (link && me) {
      e.preventDefault();
      dial(link.dataset.dial || decodeURIComponent(link.getAttribute('href').slice(4)));
      return;
    }
    const key = e.target.closest ? e.target.closest('[data-pad-key]') : null;
    const back = e.target.closest ? e.target.closest('[data-pad-back]') : null;
    if (key || back) {
      const input = e.target.closest('form').querySelector('input[name=number]');
      input.value = key ? input.value + key.dataset.padKey : input.value.slice(0, -1);
      input.focus();
    }
  });

  // ---- forms ----

  document.addEventListener('htmx:afterRequest', function (e) {
    const form = e.detail.elt;
    if (!form.matches || !form.matches('form[data-chat-send]') || !e.detail.successful) return;
    const chat = openChat(form.dataset.chatSend);
    if (chat) appendMessages(chat, e.detail.xhr.responseText);
    form.reset();
    const error = form.querySelector('.form-error');
    if (error) error.innerHTML = '';
  });

  // A refusal (4xx) is a short Russian message: shown in the form's error box, or as a pop-up.
  document.addEventListener('htmx:beforeSwap', function (e) {
    const status = e.detail.xhr.status;
    if (status < 400) return;
    e.detail.shouldSwap = false;
    const form = e.detail.elt.closest ? e.detail.elt.closest('form') : null;
    const box = form ? form.querySelector('.form-error') : null;
    if (box) {
      box.innerHTML = e.detail.xhr.responseText;
    } else {
      const tmp = document.createElement('div');
      tmp.innerHTML = e.detail.xhr.responseText;
      popup('Действие отклонено', tmp.textContent.trim() || ('Ошибка ' + status), []);
    }
  });

  // Enter sends, Shift+Enter breaks the line.
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && !e.shiftKey && e.target.matches('form[data-chat-send] textarea')) {
      e.preventDefault();
      htmx.trigger(e.target.form, 'submit');
    }
  });

  // The deal card's tabs: the clicked one is the active one (htmx swaps only the body).
  document.addEventListener('click', function (e) {
    if (e.target.closest('[data-close-call]')) {
      const box = document.getElementById('call-card');
      if (box) box.innerHTML = '';
      dockCallCard();
      return;
    }
    if (e.target.closest('[data-fold-call]')) {
      const box = document.getElementById('call-card');
      box.classList.toggle('folded');
      e.target.textContent = box.classList.contains('folded') ? 'Развернуть' : 'Свернуть';
      dockCallCard();
      return;
    }
    const tab = e.target.closest ? e.target.closest('.tabs a.tab') : null;
    if (!tab) return;
    tab.parentElement.querySelectorAll('a.tab').forEach(function (a) { a.classList.toggle('active', a === tab); });
  });

  // Charts (TEL-3, TEL-11): <canvas data-chart='{"type","labels","datasets":[{"label","data"}]}'>, drawn by Chart.js.
  const COLORS = ['#1f5fbf', '#2e9d5b', '#d92d20', '#e8a317', '#7a4fbf'];
  function initCharts(root) {
    if (!window.Chart) return;
    root.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
      if (canvas._chart) return;
      const spec = JSON.parse(canvas.dataset.chart);
      const nothing = spec.datasets.every(function (d) { return d.data.every(function (v) { return !v; }); });
      if (spec.empty && nothing) { // an empty chart says nothing: say it in words
        const empty = document.createElement('div');
        empty.className = 'empty';
        empty.textContent = spec.empty;
        canvas.parentElement.replaceWith(empty);
        return;
      }
      canvas._chart = new Chart(canvas, {
        type: spec.type,
        data: { labels: spec.labels, datasets: spec.datasets.map(function (d, i) {
          return { label: d.label, data: d.data, backgroundColor: COLORS[i % COLORS.length], borderColor: COLORS[i % COLORS.length] };
        }) },
        options: { indexAxis: spec.indexAxis || 'x', responsive: true, maintainAspectRatio: false, animation: false,
          scales: spec.max ? { x: { suggestedMax: spec.max, beginAtZero: true } } : { y: { beginAtZero: true, ticks: { precision: 0 } } },
          plugins: { legend: { position: 'bottom' } } }
      });
    });
  }

  // The page makes room for an open call card (docked at the right) instead of lying under it.
  function dockCallCard() {
    const box = document.getElementById('call-card');
    const open = !!box && box.children.length > 0 && !box.classList.contains('folded');
    document.body.classList.toggle('has-call-card', open);
  }

  document.addEventListener('htmx:afterSettle', function (e) { initChats(e.detail.elt); initCharts(e.detail.elt); dockCallCard(); });
  document.addEventListener('DOMContentLoaded', function () { initChats(document); initCharts(document); connect(); dockCallCard(); });
})();
