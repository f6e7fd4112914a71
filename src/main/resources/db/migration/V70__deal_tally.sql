-- The funnel board's counts and sums kept as deals change (DealTally), instead of counted over every deal
-- on each visit: at 100 000 deals the count was a scan of the whole table, 46–51 ms of the РОП's board
-- (issue 15's bench). One row per funnel, stage and responsible (0: nobody's yet, a new request).
create table deal_tally (
  funnel         varchar(32)    not null,
  stage          varchar(32)    not null,
  responsible_id bigint         not null,
  deals          bigint         not null,
  amount         numeric(19, 2) not null,
  primary key (funnel, stage, responsible_id)
);

insert into deal_tally (funnel, stage, responsible_id, deals, amount)
select funnel, stage, coalesce(responsible_id, 0), count(*), coalesce(sum(amount), 0)
from deal group by funnel, stage, coalesce(responsible_id, 0);
