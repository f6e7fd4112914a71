-- One trigram index for the deals' search (issue 15, item 12). With it PostgreSQL either walks the
-- newest deals and stops at a page (a word in many deals) or looks the matches up (a rare one); the
-- union of five lists it replaces was hashed in full — 150 ms for a word in 20 000 of 100 000 deals.
-- The index on the title alone is no longer read.
create index deal_search_text_trgm_idx on deal using gin (search_text gin_trgm_ops);
drop index if exists deal_title_trgm_idx;
