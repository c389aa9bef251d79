-- Issue 12: optimistic locking everywhere a person edits. Each record an officer edits carries a
-- number raised by every change; a save names the number it was made to, and a save made to an
-- older number is refused (a 409 page or problem), never silently written over a colleague's change.
-- Cases and residents had one from the start (V1).
alter table service add column version integer default 0 not null;
alter table team add column version integer default 0 not null;
alter table staff_user add column version integer default 0 not null;
alter table budget_line add column version integer default 0 not null;
alter table forward_plan_notice add column version integer default 0 not null;
-- decision.version numbers the published versions a correction makes (decision_version); a draft
-- stays at 0 however often it is edited, so edits are counted separately.
alter table decision add column edit_version integer default 0 not null;
