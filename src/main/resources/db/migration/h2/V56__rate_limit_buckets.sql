-- The embedded H2 default is one node: its rate limits live in memory (RateLimitBuckets). The
-- table is made so that the schema is the same on both databases (PostgreSQL uses it).
create table rate_limit_bucket (
    id         varchar(64) primary key,
    state      varbinary(4096),
    expires_at bigint
);
create index rate_limit_bucket_expires on rate_limit_bucket (expires_at);
