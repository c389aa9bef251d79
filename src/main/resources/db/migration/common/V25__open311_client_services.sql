-- Open311 keys scoped to services (issue 20): an admin may limit a client application to some
-- services. No rows for a client means every active service, as before this table existed (so
-- existing clients and the 'default' client of BOROUGH_OPEN311_API_KEY keep working).
--
-- service_code deliberately has no foreign key to service: the catalogue may re-code a service no
-- case refers to (insert the new code, delete the old). A foreign key would make that fail, and
-- "on delete cascade" could empty a client's list and so open every service to it. A stale code
-- fails closed instead: it matches no service, and the admin page shows it until an admin saves.
create table open311_client_service (
  client_id     uuid        not null references open311_client (id),
  service_code  varchar(40) not null,
  primary key (client_id, service_code)
);
