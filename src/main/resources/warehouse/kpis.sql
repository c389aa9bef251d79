-- Borough's KPIs: each is one query over the star schema (schema.sql beside this file), defined in
-- words in docs/kpis.md. The headers of each block say how to read it:
--
--   -- kpi: id                   the name in /api/v1/kpis/{id}
--   -- columns: name:type ...    the result's columns in order; types: code, text, month, date,
--                                count, days, percent, money
--   -- filters: from to ...      the filters that apply; the others are reported as not applicable
--   -- chart: bar|line|stacked   how the dashboards draw it, with the first column along the axis
--   -- drill: condition          (optional) which cases are behind a row whose first column is $9,
--                                as a condition on the drill-down's row `x` (see DRILL below)
--
-- Placeholders, expanded by Kpis.java from the blocks at the end of this file:
--   {params}        a CTE `p` holding the filters: $1 from_key, $2 to_key (yyyymmdd), $3 service code,
--                   $4 ward GSS code, $5 channel code, $6 team code (its id as team_id), $7 today_key
--                   and $8 now_at (the council's today and now)
--   {from_key} {to_key}  the period's first and last date keys as the parameters themselves ($1, $2):
--                   a range on a fact's date key is written with these, not with p's columns, so
--                   that DuckDB applies it to the table scan and skips row groups whose dates are
--                   all outside it (through p it is a join condition, checked on every row)
--   {case_filter}   the service, ward, channel and team filters given, on a fact_case `f`
--   {contact_filter} the channel filter given on a fact_contact `ct`, and the others on its case `f`
--                   (a contact with no case is left out when a service, ward or team is chosen)
--   {contact_case}  the join from a contact `ct` to its case `f`, written only when a service, ward
--                   or team filter is given; {event_case} the same from a status change `e`
--                   These four are written by Kpis.java for each combination of filters given, so
--                   a query never joins a fact to fact_case when no filter needs it.
--   {working_days}  a CTE numbering the working days, to count those between two dates
--   {age}           the age in working days of a case `f`: wt.n - wo.n, with working_days joined
--                   as `wo` on its opening day and as `wt` on today
--   {age_band}      the band of an age `a.age` ({age_band_x}: of {age})
--   {active}        the statuses of a case still being worked
--   {unit_costs}    the configured cost per contact by channel, as rows (channel_code, unit_cost)
--   {contact_systems} the configured codes of the ICT systems that handle contacts, as a list of
--                   SQL strings ('CRM'), and {contact_systems_label} the same as one string ('CRM')
--
-- The queries are written in SQL that both DuckDB and Apache Spark accept (spark-check/ runs each on
-- Spark over the Parquet export and compares the rows, see docs/warehouse.md): standard casts and
-- ordered-set aggregates rather than DuckDB's shorthands; only the {params} fragment uses `$n::type`,
-- which the Spark check binds as typed literals.
--
-- Every query returns one row per group; a query with GROUPING SETS adds a total row, marked by a
-- last column `_total` that is not shown.

-- kpi: volume-by-month
-- columns: month:month cases:count contacts:count
-- filters: from to service ward channel team
-- chart: bar
-- drill: x.opened_date_key between {from_key} and {to_key} and x.opened_month = $9
{params},
months as (
  select distinct d.year_month from dim_date d cross join p
  where d.date_key between {from_key} and {to_key}
),
cases as (
  select d.year_month, count(*) as n
  from fact_case f join dim_date d on d.date_key = f.opened_date_key cross join p
  where f.opened_date_key between {from_key} and {to_key} and {case_filter}
  group by 1
),
contacts as (
  select d.year_month, count(*) as n
  from fact_contact ct {contact_case}
  join dim_date d on d.date_key = ct.date_key cross join p
  where ct.date_key between {from_key} and {to_key} and {contact_filter}
  group by 1
)
select m.year_month as month, coalesce(c.n, 0) as cases, coalesce(k.n, 0) as contacts
from months m left join cases c on c.year_month = m.year_month
left join contacts k on k.year_month = m.year_month
order by 1
;

-- kpi: volume-by-channel
-- columns: channel:code channel_name:text cases:count contacts:count
-- filters: from to service ward channel team
-- chart: bar
-- drill: x.opened_date_key between {from_key} and {to_key} and x.channel_code = $9
{params},
cases as (
  select f.channel_code, count(*) as n from fact_case f cross join p
  where f.opened_date_key between {from_key} and {to_key} and {case_filter}
  group by 1
),
contacts as (
  select ct.channel_code, count(*) as n
  from fact_contact ct {contact_case} cross join p
  where ct.date_key between {from_key} and {to_key} and {contact_filter}
  group by 1
)
select ch.channel_code as channel, ch.label as channel_name, coalesce(c.n, 0) as cases,
  coalesce(k.n, 0) as contacts
from dim_channel ch cross join p
left join cases c on c.channel_code = ch.channel_code
left join contacts k on k.channel_code = ch.channel_code
where p.channel is null or ch.channel_code = p.channel
order by cases desc, contacts desc, channel
;

-- kpi: volume-by-service
-- columns: service:code service_name:text cases:count
-- filters: from to service ward channel team
-- chart: bar
-- drill: x.opened_date_key between {from_key} and {to_key} and x.service_code = $9
{params}
select f.service_code as service, any_value(s.name) as service_name, count(*) as cases
from fact_case f cross join p
left join dim_service s on s.service_code = f.service_code and s.is_current
where f.opened_date_key between {from_key} and {to_key} and {case_filter}
group by 1
order by cases desc, service
;

-- kpi: volume-by-ward
-- columns: ward:code ward_name:text cases:count
-- filters: from to service ward channel team
-- chart: bar
-- drill: x.opened_date_key between {from_key} and {to_key} and x.ward_code is not distinct from nullif($9, '')
{params}
select f.ward_code as ward, coalesce(any_value(w.name), 'No ward recorded') as ward_name,
  count(*) as cases
from fact_case f cross join p
left join dim_ward w on w.gss_code = f.ward_code and w.is_current
where f.opened_date_key between {from_key} and {to_key} and {case_filter}
group by 1
order by cases desc, ward
;

-- kpi: volume-by-team
-- columns: team:code team_name:text cases:count
-- filters: from to service ward channel team
-- chart: bar
-- drill: x.opened_date_key between {from_key} and {to_key} and x.team_code is not distinct from nullif($9, '')
{params}
select t.code as team, coalesce(any_value(t.name), 'No team') as team_name, count(*) as cases
from fact_case f cross join p
left join dim_team t on t.team_id = f.team_id and t.is_current
where f.opened_date_key between {from_key} and {to_key} and {case_filter}
group by 1
order by cases desc, team
;

-- kpi: sla-compliance
-- columns: month:month resolved:count within_sla:count percent:percent
-- filters: from to service ward channel team
-- chart: line
-- drill: x.resolved_date_key between {from_key} and {to_key} and x.resolved_month = $9
{params}
select d.year_month as month, count(*) as resolved,
  count(*) filter (where f.sla_met) as within_sla,
  round(100.0 * count(*) filter (where f.sla_met) / nullif(count(*), 0), 1) as percent,
  grouping(d.year_month) = 1 as _total
from fact_case f join dim_date d on d.date_key = f.resolved_date_key cross join p
where f.resolved_date_key between {from_key} and {to_key} and {case_filter}
group by grouping sets ((d.year_month), ())
order by _total, month
;

-- kpi: sla-by-service
-- columns: service:code service_name:text resolved:count within_sla:count percent:percent
-- filters: from to service ward channel team
-- chart: bar
-- drill: x.resolved_date_key between {from_key} and {to_key} and x.service_code = $9
{params}
select f.service_code as service,
  case when grouping(f.service_code) = 0 then any_value(s.name) end as service_name,
  count(*) as resolved,
  count(*) filter (where f.sla_met) as within_sla,
  round(100.0 * count(*) filter (where f.sla_met) / nullif(count(*), 0), 1) as percent,
  grouping(f.service_code) = 1 as _total
from fact_case f cross join p
left join dim_service s on s.service_code = f.service_code and s.is_current
where f.resolved_date_key between {from_key} and {to_key} and {case_filter}
group by grouping sets ((f.service_code), ())
order by _total, percent, service
;

-- kpi: time-to-resolve
-- columns: service:code service_name:text resolved:count median_days:days p90_days:days
-- filters: from to service ward channel team
-- chart: bar
-- drill: x.resolved_date_key between {from_key} and {to_key} and x.service_code = $9
{params}
select f.service_code as service,
  case when grouping(f.service_code) = 0 then any_value(s.name) end as service_name,
  count(*) as resolved,
  round(percentile_cont(0.5) within group (order by f.working_days_taken), 1) as median_days,
  round(percentile_cont(0.9) within group (order by f.working_days_taken), 1) as p90_days,
  grouping(f.service_code) = 1 as _total
from fact_case f cross join p
left join dim_service s on s.service_code = f.service_code and s.is_current
where f.resolved_date_key between {from_key} and {to_key} and {case_filter}
group by grouping sets ((f.service_code), ())
order by _total, p90_days desc, service
;

-- kpi: backlog-ageing
-- columns: age_band:code open:count overdue:count
-- filters: service ward channel team
-- chart: bar
-- drill: x.status in ({active}) and x.age_band = $9
{params},
{working_days},
aged as (
  select {age} as age, f.due_at < p.now_at as overdue
  from fact_case f cross join p
  join working_days wo on wo.date_key = f.opened_date_key
  join working_days wt on wt.date_key = p.today_key
  where f.status in ({active}) and {case_filter}
),
bands as (
  select * from (values ('0 to 2', 1), ('3 to 5', 2), ('6 to 10', 3), ('11 to 20', 4),
    ('over 20', 5)) b(band, sort)
)
select b.band as age_band, count(a.age) as open,
  count(a.age) filter (where a.overdue) as overdue,
  grouping(b.band) = 1 as _total
from bands b left join aged a on {age_band} = b.band
group by grouping sets ((b.band, b.sort), ())
order by _total, b.sort
;

-- kpi: backlog-trend
-- columns: date:date open:count overdue:count
-- filters: from to service ward team
-- chart: line
{params}
select d.date, sum(b.open_cases) as open, sum(b.overdue_cases) as overdue
from fact_backlog_daily b join dim_date d on d.date_key = b.date_key cross join p
where b.date_key between {from_key} and {to_key}
  and (p.service is null or b.service_code = p.service)
  and (p.ward is null or b.ward_code = p.ward)
  and (p.team is null or b.team_id = p.team_id)
group by 1
order by 1
;

-- kpi: first-contact-resolution
-- columns: channel:code channel_name:text contacts:count resolved_first_time:count percent:percent
-- filters: from to service ward channel team
-- chart: bar
{params}
select ct.channel_code as channel,
  case when grouping(ct.channel_code) = 0 then any_value(ch.label) end as channel_name,
  count(*) as contacts,
  count(*) filter (where ct.resolved_at_first_contact) as resolved_first_time,
  round(100.0 * count(*) filter (where ct.resolved_at_first_contact) / nullif(count(*), 0), 1) as percent,
  grouping(ct.channel_code) = 1 as _total
from fact_contact ct {contact_case}
left join dim_channel ch on ch.channel_code = ct.channel_code cross join p
where ct.direction = 'INBOUND' and ct.date_key between {from_key} and {to_key}
  and {contact_filter}
group by grouping sets ((ct.channel_code), ())
order by _total, contacts desc, channel
;

-- kpi: reopen-rate
-- columns: month:month resolutions:count reopens:count percent:percent
-- filters: from to service ward channel team
-- chart: line
-- drill: exists (select 1 from fact_case_event e join dim_date de on de.date_key = e.date_key where e.case_key = x.case_key and e.reopened and e.date_key between {from_key} and {to_key} and de.year_month = $9)
{params}
select d.year_month as month,
  count(*) filter (where e.to_status = 'RESOLVED') as resolutions,
  count(*) filter (where e.reopened) as reopens,
  round(100.0 * count(*) filter (where e.reopened)
    / nullif(count(*) filter (where e.to_status = 'RESOLVED'), 0), 1) as percent,
  grouping(d.year_month) = 1 as _total
from fact_case_event e {event_case}
join dim_date d on d.date_key = e.date_key cross join p
where e.date_key between {from_key} and {to_key}
  and (e.to_status = 'RESOLVED' or e.reopened) and {case_filter}
group by grouping sets ((d.year_month), ())
order by _total, month
;

-- kpi: channel-shift
-- columns: month:month contacts:count digital:count percent:percent
-- filters: from to service ward team
-- chart: line
{params}
select d.year_month as month, count(*) as contacts,
  count(*) filter (where ch.is_digital) as digital,
  round(100.0 * count(*) filter (where ch.is_digital) / nullif(count(*), 0), 1) as percent,
  grouping(d.year_month) = 1 as _total
from fact_contact ct {contact_case}
join dim_channel ch on ch.channel_code = ct.channel_code
join dim_date d on d.date_key = ct.date_key cross join p
where ct.direction = 'INBOUND' and ct.date_key between {from_key} and {to_key}
  and {contact_filter}
group by grouping sets ((d.year_month), ())
order by _total, month
;

-- kpi: cost-per-contact
-- columns: channel:code channel_name:text contacts:count unit_cost:money cost:money spend:money spend_per_contact:money spend_from:text
-- filters: from to service ward channel team
-- chart: bar
{params},
{unit_costs},
month_days as (
  select d.year_month, count(*) as days_all,
    sum(case when d.date_key between {from_key} and {to_key} then 1 else 0 end) as days_in
  from dim_date d cross join p
  group by d.year_month
),
spent as (
  select sum(coalesce(b.actual_pence, b.budget_pence) * s.weight * m.days_in / m.days_all) / 100
      as spend,
    min(b.financial_year) as first_year, max(b.financial_year) as last_year,
    count(b.actual_pence) as actual_months, count(*) as all_months
  from fact_budget b
  join bridge_budget_system s on s.budget_line_id = b.budget_line_id
  join month_days m on m.year_month = b.year_month cross join p
  where s.system_code in ({contact_systems}) and m.days_in > 0
    and p.service is null and p.ward is null and p.channel is null and p.team is null
),
spend as (
  select sp.spend,
    case when sp.spend is not null then 'ICT budget lines: ' || {contact_systems_label} || ', '
      || case when sp.first_year = sp.last_year then sp.first_year
        else sp.first_year || ' to ' || sp.last_year end
      || case when sp.actual_months = sp.all_months then ' actuals'
        when sp.actual_months = 0 then ' budget'
        else ' actuals, budget where none is recorded' end
    end as spend_from
  from spent sp
)
select ct.channel_code as channel,
  case when grouping(ct.channel_code) = 0 then max(ch.label) end as channel_name,
  count(*) as contacts,
  case when grouping(ct.channel_code) = 1
    then round(sum(u.unit_cost) / nullif(count(u.unit_cost), 0), 2)
    else max(u.unit_cost) end as unit_cost,
  sum(u.unit_cost) as cost,
  case when grouping(ct.channel_code) = 1 then max(sp.spend) end as spend,
  case when grouping(ct.channel_code) = 1 then max(sp.spend) / count(*) end as spend_per_contact,
  case when grouping(ct.channel_code) = 1 then max(sp.spend_from) end as spend_from,
  grouping(ct.channel_code) = 1 as _total
from fact_contact ct {contact_case}
left join dim_channel ch on ch.channel_code = ct.channel_code
left join unit_costs u on u.channel_code = ct.channel_code cross join p cross join spend sp
where ct.direction = 'INBOUND' and ct.date_key between {from_key} and {to_key}
  and {contact_filter}
group by grouping sets ((ct.channel_code), ())
order by _total, cost desc nulls last, channel
;

-- kpi: budget-by-month
-- columns: month:month budget:money actual:money budget_of_actuals:money
-- filters: from to
-- chart: bar
{params}
select b.year_month as month, sum(b.budget_pence) / 100.0 as budget,
  sum(b.actual_pence) / 100.0 as actual,
  sum(case when b.actual_pence is not null then b.budget_pence end) / 100.0 as budget_of_actuals,
  grouping(b.year_month) = 1 as _total
from fact_budget b cross join p
where b.date_key between {from_key} and {to_key}
group by grouping sets ((b.year_month), ())
order by _total, month
;

-- kpi: budget-by-system
-- columns: system:code budget:money actual:money budget_of_actuals:money
-- filters: from to
-- chart: bar
{params}
select s.system_code as system, sum(b.budget_pence * s.weight) / 100 as budget,
  sum(b.actual_pence * s.weight) / 100 as actual,
  sum(case when b.actual_pence is not null then b.budget_pence * s.weight end) / 100
    as budget_of_actuals,
  grouping(s.system_code) = 1 as _total
from fact_budget b join bridge_budget_system s on s.budget_line_id = b.budget_line_id cross join p
where b.date_key between {from_key} and {to_key}
group by grouping sets ((s.system_code), ())
order by _total, budget desc, system
;

-- kpi: complaints-within-time
-- columns: stage:code answered:count within_time:count percent:percent extended:count median_days:days
-- filters: from to
-- chart: bar
{params}
select case k.stage when 1 then 'Stage 1' when 2 then 'Stage 2' end as stage, count(*) as answered,
  count(*) filter (where k.responded_in_time) as within_time,
  round(100.0 * count(*) filter (where k.responded_in_time) / nullif(count(*), 0), 1) as percent,
  count(*) filter (where k.extended) as extended,
  round(percentile_cont(0.5) within group (order by k.working_days_taken), 1) as median_days,
  grouping(k.stage) = 1 as _total
from fact_complaint_stage k cross join p
where k.responded_date_key between {from_key} and {to_key}
group by grouping sets ((k.stage), ())
order by _total, stage
;

-- kpi: complaints-by-service
-- columns: service:code service_name:text answered:count upheld:count within_time:count percent:percent referred:count
-- filters: from to
-- chart: bar
{params}
select k.about_service_code as service,
  case when grouping(k.about_service_code) = 0
    then coalesce(any_value(s.name), 'No service case linked') end as service_name,
  count(*) as answered,
  count(*) filter (where k.outcome in ('UPHELD', 'PARTLY_UPHELD')) as upheld,
  count(*) filter (where k.responded_in_time) as within_time,
  round(100.0 * count(*) filter (where k.responded_in_time) / nullif(count(*), 0), 1) as percent,
  count(distinct case when k.referred_to_ombudsman then k.case_key end) as referred,
  grouping(k.about_service_code) = 1 as _total
from fact_complaint_stage k cross join p
left join dim_service s on s.service_code = k.about_service_code and s.is_current
where k.responded_date_key between {from_key} and {to_key}
group by grouping sets ((k.about_service_code), ())
order by _total, answered desc, service
;

-- kpi: information-requests-within-time
-- columns: regime:code answered:count within_time:count percent:percent extended:count withheld:count reviewed:count overturned:count
-- filters: from to
-- chart: bar
{params}
select r.regime, count(*) as answered,
  count(*) filter (where r.responded_in_time) as within_time,
  round(100.0 * count(*) filter (where r.responded_in_time) / nullif(count(*), 0), 1) as percent,
  count(*) filter (where r.extended) as extended,
  count(*) filter (where r.outcome in ('REFUSED', 'PART_RELEASED')) as withheld,
  count(*) filter (where r.reviewed_at is not null) as reviewed,
  count(*) filter (where r.review_outcome in ('OVERTURNED', 'PARTLY_OVERTURNED')) as overturned,
  grouping(r.regime) = 1 as _total
from fact_information_request r cross join p
where r.responded_date_key between {from_key} and {to_key}
group by grouping sets ((r.regime), ())
order by _total, regime
;

-- kpi: enquiries-within-time
-- columns: ward:code ward_name:text answered:count within_time:count percent:percent median_days:days
-- filters: from to service ward channel team
-- chart: bar
{params}
select q.ward_code as ward,
  case when grouping(q.ward_code) = 0 then any_value(w.name) end as ward_name,
  count(*) as answered,
  count(*) filter (where q.responded_in_time) as within_time,
  round(100.0 * count(*) filter (where q.responded_in_time) / nullif(count(*), 0), 1) as percent,
  round(percentile_cont(0.5) within group (order by q.working_days_taken), 1) as median_days,
  grouping(q.ward_code) = 1 as _total
from fact_enquiry q join fact_case f on f.case_key = q.case_key cross join p
left join dim_ward w on w.gss_code = q.ward_code and w.is_current
where q.responded_date_key between {from_key} and {to_key} and {case_filter}
group by grouping sets ((q.ward_code), ())
order by _total, answered desc, ward
;

-- kpi: satisfaction-by-service
-- columns: service:code service_name:text answers:count satisfied:count dissatisfied:count percent:percent
-- filters: from to service ward channel team
-- chart: bar
{params}
select f.service_code as service,
  case when grouping(f.service_code) = 0 then any_value(s.name) end as service_name,
  count(*) as answers,
  count(*) filter (where fb.satisfied) as satisfied,
  count(*) filter (where fb.score <= 2) as dissatisfied,
  round(100.0 * count(*) filter (where fb.satisfied) / nullif(count(*), 0), 1) as percent,
  grouping(f.service_code) = 1 as _total
from fact_feedback fb join fact_case f on f.case_key = fb.case_key cross join p
left join dim_service s on s.service_code = f.service_code and s.is_current
where fb.date_key between {from_key} and {to_key} and {case_filter}
group by grouping sets ((f.service_code), ())
order by _total, answers desc, service
;

-- kpi: satisfaction-by-channel
-- columns: channel:code channel_name:text answers:count satisfied:count dissatisfied:count percent:percent
-- filters: from to service ward channel team
-- chart: bar
{params}
select f.channel_code as channel,
  case when grouping(f.channel_code) = 0 then any_value(ch.label) end as channel_name,
  count(*) as answers,
  count(*) filter (where fb.satisfied) as satisfied,
  count(*) filter (where fb.score <= 2) as dissatisfied,
  round(100.0 * count(*) filter (where fb.satisfied) / nullif(count(*), 0), 1) as percent,
  grouping(f.channel_code) = 1 as _total
from fact_feedback fb join fact_case f on f.case_key = fb.case_key cross join p
left join dim_channel ch on ch.channel_code = f.channel_code
where fb.date_key between {from_key} and {to_key} and {case_filter}
group by grouping sets ((f.channel_code), ())
order by _total, answers desc, channel
;

-- fragment: params
with p as (
  select $1::integer as from_key, $2::integer as to_key, $3::varchar as service,
    $4::varchar as ward, $5::varchar as channel, $6::varchar as team,
    (select any_value(team_id) from dim_team where code = $6 and is_current) as team_id,
    $7::integer as today_key, $8::timestamptz as now_at
)
;

-- fragment: working_days
working_days as (
  select date_key, sum(case when is_working_day then 1 else 0 end) over (order by date_key) as n
  from dim_date
)
;

-- fragment: age
(wt.n - wo.n)
;

-- fragment: age_band
-- @age stands for the age: a.age in the KPI, (wt.n - wo.n) in the drill-down.
case when @age <= 2 then '0 to 2' when @age <= 5 then '3 to 5' when @age <= 10 then '6 to 10'
  when @age <= 20 then '11 to 20' else 'over 20' end
;

-- fragment: drill
-- The cases behind a row of a KPI: `x` is a case with its months, current names and age, under the
-- same filters; the KPI's drill condition picks the row's cases.
{params},
{working_days},
x as (
  select f.*, dopen.year_month as opened_month, dres.year_month as resolved_month,
    s.name as service_name, w.name as ward_name, t.code as team_code, t.name as team_name,
    case when f.status in ({active}) then {age} end as age_days,
    case when f.status in ({active}) then {age_band_x} end as age_band
  from fact_case f cross join p
  left join dim_date dopen on dopen.date_key = f.opened_date_key
  left join dim_date dres on dres.date_key = f.resolved_date_key
  left join dim_service s on s.service_code = f.service_code and s.is_current
  left join dim_ward w on w.gss_code = f.ward_code and w.is_current
  left join dim_team t on t.team_id = f.team_id and t.is_current
  left join working_days wo on wo.date_key = f.opened_date_key
  left join working_days wt on wt.date_key = p.today_key
  where {case_filter}
)
select x.case_key, x.service_code as service, x.service_name, x.ward_code as ward, x.ward_name,
  x.team_code as team, x.team_name, x.channel_code as channel, x.status, x.opened_at, x.due_at,
  x.resolved_at, x.sla_met, x.working_days_taken, x.times_reopened, x.age_days
from x cross join p
where {drill}
order by x.opened_at desc, x.case_key
limit {drill_limit}
;
