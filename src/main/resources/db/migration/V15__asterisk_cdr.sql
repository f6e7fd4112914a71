-- Issue 18: Asterisk's call detail records, written by Asterisk itself (cdr_pgsql, see docs/asterisk/cdr_pgsql.conf)
-- into Voronka's database, so that the journal can be rebuilt after an AMI outage or a restart: what happened
-- to the calls that ended while nobody listened. cdr_pgsql fills the columns whose names are CDR variables;
-- start, answer and "end" are double precision so that it writes epoch seconds (no time zone to guess; 0 = never
-- answered). Voronka only reads this table. No identity column: cdr_pgsql would write an empty string into it.
create table asterisk_cdr (
  linkedid     varchar(150),
  uniqueid     varchar(150),
  sequence     integer,
  src          varchar(80),
  dst          varchar(80),
  dcontext     varchar(80),
  channel      varchar(80),
  dstchannel   varchar(80),
  lastapp      varchar(80),
  lastdata     varchar(255),
  "start"      double precision,
  "answer"     double precision,
  "end"        double precision,
  duration     integer,
  billsec      integer,
  disposition  varchar(45)
);
create index asterisk_cdr_linkedid_idx on asterisk_cdr (linkedid);
create index asterisk_cdr_end_idx on asterisk_cdr ("end");
