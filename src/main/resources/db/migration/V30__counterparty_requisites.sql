-- Issue 15: client cards made and edited in the workspace. The requisites a Russian invoice needs
-- (КПП, ОГРН/ОГРНИП, address); a new card is checked against the known ИНН and e-mails.
alter table counterparty add column kpp varchar(9);
alter table counterparty add column ogrn varchar(15);
alter table counterparty add column address varchar(500);
create index counterparty_inn_idx on counterparty (inn);
create index contact_email_email_idx on contact_email (email);
