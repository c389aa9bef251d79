-- Feeds (Open311 GET requests and servicerequestupdates) read cases by when they were opened and
-- timeline entries by when they were written, across every team.
create index service_case_opened on service_case (opened_at);
create index case_timeline_at on case_timeline (at);
