-- The overview dashboard's KPIs computed straight from the CRM's tables on PostgreSQL, for
-- WarehouseBenchmark to time against the warehouse (issue 4: "the same KPIs computed directly on the
-- PostgreSQL CRM tables in the same run"). Same definitions as kpis.sql as far as the CRM's tables
-- allow; months and days in Europe/London. Parameters, in every query: :from and :to (dates),
-- :now (timestamptz), :holidays (date[]: bank holidays of England and Wales).
-- Statements are separated by a line holding only ';'.

-- volume-by-month
with p as (
  select (:from::date)::timestamp at time zone 'Europe/London' as t0,
    ((:to::date) + 1)::timestamp at time zone 'Europe/London' as t1
),
cases as (
  select to_char(c.opened_at at time zone 'Europe/London', 'YYYY-MM') as month, count(*) as n
  from service_case c, p where c.opened_at >= p.t0 and c.opened_at < p.t1 group by 1
),
contacts as (
  select to_char(k.occurred_at at time zone 'Europe/London', 'YYYY-MM') as month, count(*) as n
  from contact k, p where k.occurred_at >= p.t0 and k.occurred_at < p.t1 group by 1
)
select coalesce(c.month, k.month) as month, coalesce(c.n, 0) as cases, coalesce(k.n, 0) as contacts
from cases c full join contacts k on k.month = c.month
order by 1
;
-- sla-compliance
with p as (
  select (:from::date)::timestamp at time zone 'Europe/London' as t0,
    ((:to::date) + 1)::timestamp at time zone 'Europe/London' as t1
)
select to_char(c.resolved_at at time zone 'Europe/London', 'YYYY-MM') as month,
  count(*) as resolved, count(*) filter (where c.resolved_at <= c.due_at) as within_sla,
  round(100.0 * count(*) filter (where c.resolved_at <= c.due_at) / nullif(count(*), 0), 1)
    as percent
from service_case c, p
where c.resolved_at >= p.t0 and c.resolved_at < p.t1
group by grouping sets ((1), ())
order by 1
;
-- backlog-ageing
with days as (
  select d::date as day,
    sum(case when extract(isodow from d) < 6 and d::date <> all (:holidays::date[]) then 1 else 0 end)
      over (order by d) as n
  from generate_series(
    (select min(opened_at at time zone 'Europe/London')::date from service_case),
    (:now::timestamptz at time zone 'Europe/London')::date, interval '1 day') d
),
today as (select n from days order by day desc limit 1),
aged as (
  select today.n - o.n as age, c.due_at < :now::timestamptz as overdue
  from service_case c
  join days o on o.day = (c.opened_at at time zone 'Europe/London')::date
  cross join today
  where c.status in ('NEW', 'OPEN', 'IN_PROGRESS', 'ON_HOLD')
)
select case when age <= 2 then '0 to 2' when age <= 5 then '3 to 5' when age <= 10 then '6 to 10'
    when age <= 20 then '11 to 20' else 'over 20' end as age_band,
  count(*) as open, count(*) filter (where overdue) as overdue
from aged
group by grouping sets ((1), ())
order by 1
;
-- reopen-rate
with p as (
  select (:from::date)::timestamp at time zone 'Europe/London' as t0,
    ((:to::date) + 1)::timestamp at time zone 'Europe/London' as t1
)
select to_char(t.at at time zone 'Europe/London', 'YYYY-MM') as month,
  count(*) filter (where t.to_status = 'RESOLVED') as resolutions,
  count(*) filter (where t.from_status in ('RESOLVED', 'CLOSED') and t.to_status = 'OPEN')
    as reopens
from case_timeline t, p
where t.kind = 'STATUS' and t.at >= p.t0 and t.at < p.t1
  and (t.to_status = 'RESOLVED' or (t.from_status in ('RESOLVED', 'CLOSED') and t.to_status = 'OPEN'))
group by grouping sets ((1), ())
order by 1
;
-- volume-by-team
with p as (
  select (:from::date)::timestamp at time zone 'Europe/London' as t0,
    ((:to::date) + 1)::timestamp at time zone 'Europe/London' as t1
)
select tm.code as team, coalesce(max(tm.name), 'No team') as team_name, count(*) as cases
from service_case c cross join p left join team tm on tm.id = c.team_id
where c.opened_at >= p.t0 and c.opened_at < p.t1
group by 1
order by cases desc, team
;
