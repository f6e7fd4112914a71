-- TEL-5, TEL-7: the routing decision each incoming call got (the DMN rule and whom it rang, in order),
-- so that the РОП sees in the journal why a call went where it went.
alter table phone_call add column route varchar(500);
