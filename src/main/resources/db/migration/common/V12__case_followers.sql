-- Residents who follow a case they did not report (the resident portal's "this is my problem
-- too"), so that they hear about it as the reporter does. A case marked as a duplicate hands its
-- reporter and followers to the original.
create table case_follower (
  case_id      uuid not null references service_case (id),
  resident_id  uuid not null references resident (id),
  followed_at  timestamp with time zone not null,
  primary key (case_id, resident_id)
);
create index case_follower_resident on case_follower (resident_id);

-- Possible duplicates: the open cases of one service opened in the last few weeks.
create index service_case_service_opened on service_case (service_code, opened_at);
