-- Shared by the nodes (PLT-4). Spring Session JDBC: the signed-in users' sessions live in the database, so any node serves any
-- user and a proxy in front of the nodes needs no sticky sessions. Spring Session's own schema, in a form
-- H2 and PostgreSQL both take (spring.session.jdbc.initialize-schema is never: Flyway makes it).
create table spring_session (
  primary_id            char(36)     not null,
  session_id            char(36)     not null,
  creation_time         bigint       not null,
  last_access_time      bigint       not null,
  max_inactive_interval int          not null,
  expiry_time           bigint       not null,
  principal_name        varchar(100),
  constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
  session_primary_id char(36)     not null,
  attribute_name     varchar(200) not null,
  attribute_bytes    bytea        not null,
  constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
  constraint spring_session_attributes_fk foreign key (session_primary_id) references spring_session (primary_id) on delete cascade
);

-- spring-integration-jdbc's lock table (its own schema, as for H2 and PostgreSQL): the node that holds the
-- «scheduled-work» lock runs the reminders, the 1C polling, the channel sync and the events' redelivery
-- (platform/cluster). A row whose created_date is older than voronka.cluster.lock-ttl is free to take.
create table int_lock (
  lock_key     char(36)     not null,
  region       varchar(100) not null,
  client_id    char(36),
  created_date timestamp    not null,
  constraint int_lock_pk primary key (lock_key, region)
);
