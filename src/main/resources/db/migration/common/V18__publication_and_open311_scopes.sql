-- What the public can see (issue 20).
--
-- A service is published when it is public by nature: anyone in the street can see the problem
-- (a pothole, fly-tipping, a broken street light, a missed bin on the kerb). Only the open cases of
-- published services are offered to residents reporting nearby and listed on Open311, and then at a
-- street's precision. Off by default: a service about a person or their home (council tax, noise,
-- housing repairs, pest control, parking permits) must never be published.
alter table service add column published boolean default false not null;

-- The demo catalogue's street services (and the missed bin, out on the kerb for the whole street to
-- see). A council's own codes differ: an admin publishes those on the catalogue page.
update service set published = true where code in (
  'missed-bin', 'fly-tipping', 'graffiti', 'dog-fouling', 'dead-animal', 'pothole',
  'blocked-drain', 'overgrown-vegetation', 'street-light', 'damaged-lamp-post',
  'abandoned-vehicle');

-- An Open311 key may post updates to, and close, only the requests its own client raised
-- (open311_request.client_id), unless an admin grants it the others explicitly.
alter table open311_client add column can_update_others boolean default false not null;
