-- A contact's phones and e-mails are read by the contact (every client card, the number to write to, the
-- deals' search text), and PostgreSQL does not index a foreign key by itself: each read was a scan of all
-- phones (0.9 ms at 20 000 contacts in issue 15's bench, 18 s to write the search text of 100 000 deals).
create index contact_phone_contact_idx on contact_phone (contact_id);
create index contact_email_contact_idx on contact_email (contact_id);
