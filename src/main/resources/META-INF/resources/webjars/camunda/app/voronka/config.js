/*
 * Voronka: the settings every Camunda webapp shares (each app's scripts/config.js imports them).
 * Russian whatever the browser's language, dates as дд.мм.гггг (moment.js formats), the custom
 * script that puts Tasklist's forms and every date shown in Russian and Moscow time, and the
 * locale files app/<app>/locales/ru.json.
 */
export default {
  locales: {
    availableLocales: ['ru'],
    fallbackLocale: 'ru'
  },
  dateFormat: {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'DD.MM.YYYY HH:mm',
    normal: 'DD.MM.YYYY HH:mm',
    long: 'dddd, DD.MM.YYYY HH:mm',
    short: 'DD.MM.YYYY'
  },
  // the zone every date and time is shown in, whatever the browser's (read by app/voronka/russian.js)
  timeZone: 'Europe/Moscow',
  // relative to app/<app>/: app/voronka/russian.js
  customScripts: ['../voronka/russian'],
  // Camunda's «Welcome to Camunda, see the Welcome page» notice on a first login
  disableWelcomeMessage: true
};
