-- The Russian production calendar: only the days that break the Monday-to-Friday rule are stored.
-- working = false: a holiday or a transferred day off on a weekday; true: a transferred working Saturday.
create table working_calendar_day (
  calendar_date date primary key, -- "day" is a keyword in H2
  working boolean      not null,
  note    varchar(200) not null
);

-- 2025: Постановление Правительства РФ от 04.10.2024 № 1335.
insert into working_calendar_day (calendar_date, working, note) values
  ('2025-01-01', false, 'Новогодние каникулы'), ('2025-01-02', false, 'Новогодние каникулы'),
  ('2025-01-03', false, 'Новогодние каникулы'), ('2025-01-06', false, 'Новогодние каникулы'),
  ('2025-01-07', false, 'Рождество Христово'), ('2025-01-08', false, 'Новогодние каникулы'),
  ('2025-05-01', false, 'Праздник Весны и Труда'), ('2025-05-02', false, 'Перенос с 4 января'),
  ('2025-05-08', false, 'Перенос с 23 февраля'), ('2025-05-09', false, 'День Победы'),
  ('2025-06-12', false, 'День России'), ('2025-06-13', false, 'Перенос с 8 марта'),
  ('2025-11-01', true, 'Рабочая суббота (перенос на 3 ноября)'),
  ('2025-11-03', false, 'Перенос с 1 ноября'), ('2025-11-04', false, 'День народного единства'),
  ('2025-12-31', false, 'Перенос с 5 января');

-- 2026: Постановление Правительства РФ от 24.09.2025 № 1466.
insert into working_calendar_day (calendar_date, working, note) values
  ('2026-01-01', false, 'Новогодние каникулы'), ('2026-01-02', false, 'Новогодние каникулы'),
  ('2026-01-05', false, 'Новогодние каникулы'), ('2026-01-06', false, 'Новогодние каникулы'),
  ('2026-01-07', false, 'Рождество Христово'), ('2026-01-08', false, 'Новогодние каникулы'),
  ('2026-01-09', false, 'Перенос с 3 января'),
  ('2026-02-23', false, 'День защитника Отечества'), ('2026-03-09', false, 'Перенос с 8 марта'),
  ('2026-05-01', false, 'Праздник Весны и Труда'), ('2026-05-11', false, 'Перенос с 9 мая'),
  ('2026-06-12', false, 'День России'), ('2026-11-04', false, 'День народного единства'),
  ('2026-12-31', false, 'Перенос с 4 января');

-- 2027: the holidays of the Labour Code (ст. 112) with their statutory transfers. The government's
-- decree for 2027 moves the January weekend days too: an administrator enters them through
-- PUT /api/calendar/days/{date} once it is published.
insert into working_calendar_day (calendar_date, working, note) values
  ('2027-01-01', false, 'Новогодние каникулы'), ('2027-01-04', false, 'Новогодние каникулы'),
  ('2027-01-05', false, 'Новогодние каникулы'), ('2027-01-06', false, 'Новогодние каникулы'),
  ('2027-01-07', false, 'Рождество Христово'), ('2027-01-08', false, 'Новогодние каникулы'),
  ('2027-02-23', false, 'День защитника Отечества'), ('2027-03-08', false, 'Международный женский день'),
  ('2027-05-03', false, 'Перенос с 1 мая'), ('2027-05-10', false, 'Перенос с 9 мая'),
  ('2027-06-14', false, 'Перенос с 12 июня'), ('2027-11-04', false, 'День народного единства');
