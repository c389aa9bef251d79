-- Administration of the catalogue and teams. A question that cases have answered cannot be
-- removed without losing what its answers mean, so it is retired instead: inactive questions are
-- no longer asked but still label old answers. Teams are retired the same way, never deleted,
-- because cases and queues refer to them.
alter table service_attribute add column active boolean default true not null;
alter table team add column active boolean default true not null;
