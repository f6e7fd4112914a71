-- Optimistic locking (PLT-4): deals, chats and counterparties are edited by people on several nodes and by
-- jobs at once; each row carries a version, and an edit made from an older version is refused with
-- «Данные изменились — обновите страницу и повторите» (HTTP 409) instead of silently overwriting.
alter table deal add column version bigint default 0 not null;
alter table chat add column version bigint default 0 not null;
alter table counterparty add column version bigint default 0 not null;
