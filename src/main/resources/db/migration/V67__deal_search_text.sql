-- The workspace's search reads one column per deal: its title and its client's card in lower case
-- (name, ИНН, contacts' names, phones, e-mails), written by the application with every change
-- (DealSearchText) and, for deals made before this version, once at start-up.
alter table deal add column search_text varchar(8200);
