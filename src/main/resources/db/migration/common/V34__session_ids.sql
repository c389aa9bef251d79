-- Issue 14: session ids of 256 random bits (identity/security/LongSessionIds) instead of Spring
-- Session's UUIDs (122 random bits, under ASVS's 128): 43 characters, where the column held 36.
alter table spring_session alter column session_id set data type varchar(64);
