-- The portal's rate limits (sign-in links per address and per IP, tracking, every form post per
-- IP) kept in the database, so that a cluster of nodes allows the configured rate, not that many
-- times it (ASVS V2.4.1). Bucket4j's PostgreSQL store: a bucket's state, locked with SELECT ... FOR
-- UPDATE while a request takes from it. The id is a SHA-256 of the limit's name and its key: the
-- table holds no email or IP address. expires_at (milliseconds since the epoch) is when the bucket
-- would be full again; expired rows are deleted on a schedule.
create table rate_limit_bucket (
    id         varchar(64) primary key,
    state      bytea,
    expires_at bigint
);
create index rate_limit_bucket_expires on rate_limit_bucket (expires_at);
