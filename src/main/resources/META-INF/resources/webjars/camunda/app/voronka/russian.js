/*
 * Voronka: Camunda's webapps (Tasklist, Cockpit, Admin, Welcome) in Russian and in Moscow time
 * (config.js's timeZone), whatever the browser's own language and time zone. Loaded by every app's scripts/config.js as a
 * custom script (an ES module imported before AngularJS starts the app), so it can add AngularJS
 * config blocks to the app's module.
 *
 * - Intl.DateTimeFormat defaults to ru-RU and Europe/Moscow. Camunda Forms (form-js) take the date
 *   field's input format from the browser's default locale: in an en-US browser «20.01.2027» was
 *   read as month 20 (8/1/2028). With ru-RU the field reads and shows дд.мм.гггг. The footer's
 *   «Часовой пояс» is Intl's default zone too.
 * - The date picker of Camunda Forms (flatpickr) speaks Russian, weeks start on Monday; the forms'
 *   validation messages (English only in form-js) and date placeholders are put into Russian as they appear.
 * - Dates shown through the camDate filter (every date of Tasklist and Cockpit) are Moscow wall-clock
 *   times, in the formats of config.js's dateFormat (Cockpit reads them only through this script).
 * - Tasklist: every filter shows its count of tasks, not only the open one.
 */
// Voronka's workspace loads this script too, for its task forms (static/js/task-form.js): it has no
// Camunda app, so only the Intl defaults, the date placeholders and the form messages apply there.
const base = document.querySelector('base[app-name]');
const appName = base ? base.getAttribute('app-name') : '';
const appConfig = (appName && window['cam' + appName.charAt(0).toUpperCase() + appName.slice(1) + 'Conf']) || {};
/** The zone every time is shown in (config.js's timeZone, app/voronka/config.js). */
const ZONE = appConfig.timeZone || 'Europe/Moscow';
const LOCALE = 'ru-RU';

const DATE_FORMATS = ['monthName', 'day', 'abbr', 'normal', 'long', 'short'];

// --- Intl: Russian and Moscow by default

const NativeDateTimeFormat = Intl.DateTimeFormat;
if (!NativeDateTimeFormat.voronka) {
  const RussianDateTimeFormat = function (locales, options) {
    const locale = locales === undefined || locales === 'default' ? LOCALE : locales;
    const resolved = Object.assign({}, options);
    if (!resolved.timeZone) {
      resolved.timeZone = ZONE;
    }
    return new NativeDateTimeFormat(locale, resolved);
  };
  RussianDateTimeFormat.prototype = NativeDateTimeFormat.prototype;
  RussianDateTimeFormat.supportedLocalesOf = NativeDateTimeFormat.supportedLocalesOf.bind(NativeDateTimeFormat);
  RussianDateTimeFormat.voronka = true;
  Intl.DateTimeFormat = RussianDateTimeFormat;
}

// --- the date picker of Camunda Forms

if (window.flatpickr) {
  window.flatpickr.localize({
    weekdays: {
      shorthand: ['Вс', 'Пн', 'Вт', 'Ср', 'Чт', 'Пт', 'Сб'],
      longhand: ['Воскресенье', 'Понедельник', 'Вторник', 'Среда', 'Четверг', 'Пятница', 'Суббота']
    },
    months: {
      shorthand: ['Янв', 'Фев', 'Март', 'Апр', 'Май', 'Июнь', 'Июль', 'Авг', 'Сен', 'Окт', 'Ноя', 'Дек'],
      longhand: ['Январь', 'Февраль', 'Март', 'Апрель', 'Май', 'Июнь', 'Июль', 'Август', 'Сентябрь', 'Октябрь',
        'Ноябрь', 'Декабрь']
    },
    firstDayOfWeek: 1,
    ordinal: () => '',
    rangeSeparator: ' — ',
    weekAbbreviation: 'Нед.',
    scrollTitle: 'Прокрутите для увеличения',
    toggleTitle: 'Нажмите для переключения',
    amPM: ['ДП', 'ПП'],
    yearAriaLabel: 'Год',
    monthAriaLabel: 'Месяц',
    hourAriaLabel: 'Час',
    minuteAriaLabel: 'Минута',
    time_24hr: true
  });
}

// --- the validation messages of Camunda Forms (form-js writes them in English only)

const FORM_MESSAGES = [
  [/^Field is required\.$/, 'Заполните это поле.'],
  [/^Field must have minimum value of (.*)\.$/, 'Значение должно быть не меньше $1.'],
  [/^Field must have maximum value of (.*)\.$/, 'Значение должно быть не больше $1.'],
  [/^Field must have minimum length of (.*)\.$/, 'Не короче $1 символов.'],
  [/^Field must have maximum length of (.*)\.$/, 'Не длиннее $1 символов.'],
  [/^Field must match pattern (.*)\.$/, 'Значение не соответствует шаблону $1.'],
  [/^Field must be a valid email\.$/, 'Укажите адрес электронной почты.'],
  [/^Field must be a valid\s+international phone number\..*$/, 'Укажите телефон в международном формате, например +74956498447.']
];

function translateFormMessages(node) {
  const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
  if (!element) {
    return;
  }
  const inside = element.closest('.fjs-form-field-error');
  const scopes = inside ? [inside] : element.querySelectorAll('.fjs-form-field-error');
  scopes.forEach((scope) => {
    const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      const english = text.data.trim();
      const rule = FORM_MESSAGES.find(([pattern]) => pattern.test(english));
      if (rule) {
        text.data = english.replace(rule[0], rule[1]);
      }
    }
  });
}

/** The date fields' placeholder, «dd.mm.yyyy» from the locale's pattern, as Russians write it. */
function translateDatePlaceholders(node) {
  if (node.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  const inputs = node.matches('input.fjs-input') ? [node] : node.querySelectorAll('input.fjs-input[placeholder]');
  inputs.forEach((input) => {
    if (input.placeholder === 'dd.mm.yyyy') {
      input.placeholder = 'дд.мм.гггг';
    }
  });
}

new MutationObserver((mutations) => mutations.forEach((m) => {
  if (m.type === 'characterData') {
    translateFormMessages(m.target);
  } else {
    m.addedNodes.forEach((node) => {
      translateFormMessages(node);
      translateDatePlaceholders(node);
    });
  }
})).observe(document.documentElement, { childList: true, subtree: true, characterData: true });

// --- the wall-clock time of ZONE for the camDate filter

const zoneParts = new NativeDateTimeFormat('en-US', {
  timeZone: ZONE, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
  hour: 'numeric', minute: 'numeric', second: 'numeric'
});

/** An instant given with its offset (a Date, epoch millis, or ISO text with an offset or Z); else null. */
function instantOf(value) {
  if (value instanceof Date) {
    return value.getTime();
  }
  if (typeof value === 'number') {
    return value;
  }
  if (typeof value === 'string') {
    const iso = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d)(?:\.(\d{1,3})\d*)?)?(Z|([+-])(\d\d):?(\d\d))$/.exec(value);
    if (!iso) {
      return null; // a date without an offset is a wall-clock time already: shown as it is
    }
    const utc = Date.UTC(+iso[1], +iso[2] - 1, +iso[3], +iso[4], +iso[5], +(iso[6] || 0), +((iso[7] || '0') + '00').slice(0, 3));
    const offset = iso[8] === 'Z' ? 0 : (iso[9] === '-' ? -1 : 1) * (+iso[10] * 60 + +iso[11]);
    return utc - offset * 60000;
  }
  return null;
}

/** A browser-local Date whose fields are the instant's wall clock in ZONE, for moment to format. */
function wallClock(value) {
  const instant = instantOf(value);
  if (instant === null || isNaN(instant)) {
    return value;
  }
  const f = {};
  zoneParts.formatToParts(new Date(instant)).forEach((p) => { f[p.type] = +p.value; });
  return new Date(f.year, f.month - 1, f.day, f.hour, f.minute, f.second, instant % 1000);
}

const angular = window.angular;
const app = angular && appName ? angular.module('cam.' + appName) : null;

if (app) {
  // config.js's dateFormat for every app (Cockpit sets its own formats and reads none of it)
  app.config(['camDateFormatProvider', 'configurationProvider', '$provide', function (formats, configuration, $provide) {
    DATE_FORMATS.forEach((name) => formats.setDateFormat(configuration.getDateFormat(name), name));
    $provide.decorator('camDateFilter', ['$delegate', function (camDate) {
      return function (value, format) {
        return camDate(wallClock(value), format);
      };
    }]);
  }]);
}

// --- Tasklist: every filter with its count

// Tasklist 7.24 lists the filters without counts (itemCount: false) and shows only the open
// filter's count, taken from its task list. The others get theirs from GET /filter?itemCount=true,
// reloaded with the open list and every 30 seconds.
const OPEN_FILTER_COUNTER = /<span ng-show="isFocused\(filter\)"\s*class="counter">\{\{ filterCount \}\}<\/span>/;
const EVERY_FILTER_COUNTER = '<span class="counter" ng-if="isFocused(filter) ? filterCount !== undefined : voronkaCounts[filter.id] !== undefined">'
  + '{{ isFocused(filter) ? filterCount : voronkaCounts[filter.id] }}</span>';

if (app && appName === 'tasklist') {
  app.config(['$provide', function ($provide) {
    $provide.decorator('camTasklistFiltersDirective', ['$delegate', '$interval', 'camAPI', function ($delegate, $interval, camAPI) {
      const directive = $delegate[0];
      if (!OPEN_FILTER_COUNTER.test(directive.template)) {
        console.warn('Voronka: Tasklist\'s filter list changed, the counts of the other filters are not shown');
        return $delegate;
      }
      directive.template = directive.template.replace(OPEN_FILTER_COUNTER, EVERY_FILTER_COUNTER);
      const compile = directive.compile;
      directive.compile = function () {
        const original = compile ? compile.apply(this, arguments) : null;
        const post = typeof original === 'function' ? original : original && original.post;
        return { pre: original && original.pre, post: function (scope) {
          if (post) {
            post.apply(this, arguments);
          }
          scope.voronkaCounts = {};
          const load = () => camAPI.resource('filter').list({ resourceType: 'Task', itemCount: true, maxResults: 2000 })
            .then((filters) => scope.$evalAsync(() => {
              const counts = {};
              (filters || []).forEach((f) => { counts[f.id] = f.itemCount; });
              scope.voronkaCounts = counts;
            }))
            .catch((e) => console.warn('Voronka: no filter counts', e));
          load();
          scope.$watch('filterCount', (count, before) => { if (count !== before) { load(); } });
          const timer = $interval(load, 30000);
          scope.$on('$destroy', () => $interval.cancel(timer));
        } };
      };
      return $delegate;
    }]);
  }]);
}

export default [];
