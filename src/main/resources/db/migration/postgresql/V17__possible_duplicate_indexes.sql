-- The portal's "is this the same problem?" look-up (CaseFeed.possibleDuplicates) asks for active
-- cases of one service near a point, at a UPRN or at an address. The (service_code, opened_at)
-- index finds every case of the service in the last 30 days, thousands in a busy borough, each then
-- read from the table to check its status and place (75 ms on 2M cases). These partial indexes hold
-- active cases only and answer each of the three questions from the index. PostgreSQL only: H2 has
-- no partial indexes, and its databases are small enough not to need them.
create index service_case_active_place
  on service_case (service_code, latitude, longitude)
  where status in ('NEW', 'OPEN', 'IN_PROGRESS', 'ON_HOLD');
create index service_case_active_uprn
  on service_case (service_code, uprn)
  where status in ('NEW', 'OPEN', 'IN_PROGRESS', 'ON_HOLD');
create index service_case_active_address
  on service_case (service_code, lower(address))
  where status in ('NEW', 'OPEN', 'IN_PROGRESS', 'ON_HOLD');
