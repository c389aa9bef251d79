-- Exempt information (Schedule 12A to the Local Government Act 1972; reg 20 of SI 2012/2089): how
-- much of a decision is withheld from the public, the paragraph relied on, and the withheld words
-- of a partly exempt decision. A report may be exempt on its own.
alter table decision add column exempt_extent varchar(10);
alter table decision add column exempt_paragraph integer;
alter table decision add column exempt_part varchar(20000);
alter table decision_document add column exempt_paragraph integer;
-- The paragraph a forward-plan notice's private meeting relies on (reg 5's notice gives reasons).
alter table forward_plan_notice add column private_paragraph integer;
-- An exempt report may be recorded without a link: staff may hold it elsewhere.
alter table decision_document alter column url drop not null;
