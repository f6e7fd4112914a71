-- Issue 15: a stranger's WhatsApp message becomes a deal's request. Which deal took it in: the
-- message then sits in that deal's client chat, and no longer among the strangers'.
alter table stranger_message add column deal_id bigint references deal (id);
create index stranger_message_open_idx on stranger_message (phone, deal_id);
