-- Councillor enquiries (enquiries module): which wards each councillor represents, and each
-- enquiry a councillor raised, a case of a councillor-enquiry service answered by its SLA. The
-- case keeps the words (and the resident); due_at is the response deadline set when it was raised.
create table councillor_ward (
  staff_id   uuid not null references staff_user (id),
  ward_code  varchar(9) not null references ward (gss_code),
  primary key (staff_id, ward_code)
);

create table member_enquiry (
  case_id         uuid primary key references service_case (id),
  reference       varchar(40) not null unique,
  councillor_id   uuid not null references staff_user (id),
  ward_code       varchar(9) not null,
  service_code    varchar(40) not null,
  about_reference varchar(40),
  raised_at       timestamp with time zone not null,
  due_at          timestamp with time zone,
  responded_at    timestamp with time zone,
  responded_by    varchar(120)
);

create index member_enquiry_councillor on member_enquiry (councillor_id, raised_at);
create index member_enquiry_waiting on member_enquiry (responded_at, raised_at);
-- Councillors list the cases of their wards, newest first.
create index service_case_ward_opened on service_case (ward_code, opened_at);
