-- Resident search by phone, email or postcode pages in name order. With the name only on
-- resident, PostgreSQL had to fetch every resident sharing a postcode and sort them (or walk the
-- whole name index probing each one: a second for a busy postcode). With the resident's
-- search_name copied beside each contact detail, one index gives the page in order: at most a
-- page of rows is read, however many residents share the value. ResidentRepository keeps the
-- copies in step when a name changes.
alter table resident_email add column search_name varchar(201) collate "C";
alter table resident_phone add column search_name varchar(201) collate "C";
alter table resident_address add column search_name varchar(201) collate "C";

update resident_email c set search_name = r.search_name from resident r where r.id = c.resident_id;
update resident_phone c set search_name = r.search_name from resident r where r.id = c.resident_id;
update resident_address c set search_name = r.search_name from resident r where r.id = c.resident_id;

alter table resident_email alter column search_name set not null;
alter table resident_phone alter column search_name set not null;
alter table resident_address alter column search_name set not null;

-- The new indexes lead with the same column, so they also serve the exact-match duplicate checks.
drop index resident_email_email;
drop index resident_phone_phone;
drop index resident_address_postcode;
create index resident_email_search on resident_email (email, search_name, resident_id);
create index resident_phone_search on resident_phone (phone, search_name, resident_id);
create index resident_address_search on resident_address (postcode, search_name, resident_id);
