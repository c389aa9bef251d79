-- Issue 14 (ASVS V6.4.1): a password someone else chose (an administrator creating the account or
-- resetting it, or the generated bootstrap one) must be changed by its owner at their next sign-in
-- before they can do anything else.
alter table staff_user add column password_must_change boolean default false not null;
