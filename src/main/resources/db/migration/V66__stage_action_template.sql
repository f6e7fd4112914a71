-- Issue 17, item 4: a stage action may send an approved WhatsApp template (Cloud API, outside the
-- 24-hour window); its parameters one a line, each may hold the text's parameters ({Имя клиента}…).
alter table stage_action add column template_name varchar(512);
alter table stage_action add column template_language varchar(20);
alter table stage_action add column template_parameters varchar(4000);
