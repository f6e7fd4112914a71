-- The workspace's search finds words inside names («насос» in «Поставка насосов»): lower(…) like '%q%'.
-- On PostgreSQL trigram indexes answer it instead of reading every deal and client (issue 15, item 12:
-- about 1 s at 100 000 deals without them). pg_trgm is a trusted extension: the database's owner may
-- create it. H2 (the demo and the fast tests) has no such index and reads its few rows.
create extension if not exists pg_trgm;

create index deal_title_trgm_idx on deal using gin (lower(title) gin_trgm_ops);
create index counterparty_name_trgm_idx on counterparty using gin (lower(name) gin_trgm_ops);
create index counterparty_inn_prefix_idx on counterparty (inn varchar_pattern_ops);
create index contact_full_name_trgm_idx on contact using gin (lower(full_name) gin_trgm_ops);
create index contact_email_trgm_idx on contact_email using gin (lower(email) gin_trgm_ops);
create index contact_phone_number_trgm_idx on contact_phone using gin (number gin_trgm_ops);
