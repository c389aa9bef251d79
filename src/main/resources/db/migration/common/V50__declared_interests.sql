-- Declarations of interest as records (issue 18): who declared what kind of interest, and who
-- granted any dispensation and when. The free-text declarations column stays, for decisions
-- recorded before and for what a row cannot say.
create table decision_interest (
  decision_id      uuid not null references decision (id),
  position         integer not null,
  member           varchar(200) not null,
  kind             varchar(30) not null,
  interest         varchar(2000) not null,
  dispensation_by  varchar(200),
  dispensation_on  date,
  primary key (decision_id, position)
);
