-- Spring Modulith's event publication registry (its JDBC schema, in a form H2 and PostgreSQL both take):
-- an event between modules is written here in the transaction that publishes it, and marked done when
-- its listener has run, so that a listener that fails or a node that dies loses nothing.
create table event_publication (
  id               uuid          not null primary key,
  listener_id      varchar(512)  not null,
  event_type       varchar(512)  not null,
  serialized_event varchar(8000) not null,
  publication_date timestamp with time zone not null,
  completion_date  timestamp with time zone
);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
create index event_publication_by_listener_idx on event_publication (listener_id);
