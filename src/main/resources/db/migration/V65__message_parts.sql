-- Issue 17, items 3 and 4: a message to a client leaves as parts — its text and each file — and each
-- file keeps its own status (null: a client's file, or one sent before parts had statuses) and the
-- provider's id its delivery statuses come back by. A template message names the approved template,
-- its language and its parameters (one a line: WhatsApp refuses line breaks inside a parameter).
alter table chat_attachment add column status varchar(20);
alter table chat_attachment add column status_reason varchar(1000);
alter table chat_attachment add column external_id varchar(255);
create index chat_attachment_external_idx on chat_attachment (external_id);
alter table chat_message add column template_name varchar(512);
alter table chat_message add column template_language varchar(20);
alter table chat_message add column template_parameters varchar(4000);
