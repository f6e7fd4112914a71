-- One way out to a client (issue 17): every message to a client is a chat message of the deal's client
-- chat, stored with the key of what caused it. The unique index is the guard across retries and nodes:
-- the same cause (a stage action's run and number, a join answer, a closed-deal notice) never sends twice.
alter table chat_message add column idempotency_key varchar(300);
alter table chat_message add column recipient_phone varchar(32);
alter table chat_message add column provider_service varchar(32);
alter table chat_message add column provider_channel varchar(100);
create unique index chat_message_idempotency_uq on chat_message (idempotency_key);
