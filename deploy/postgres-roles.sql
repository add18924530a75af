-- Send Guard on PostgreSQL with the audit trail protected from the application itself.
--
-- The audit table's triggers refuse UPDATE, DELETE and TRUNCATE, but the owner of a table
-- can disable or drop its triggers. So the server must not run as the owner of its tables:
-- an owner role applies the migrations, and the server runs as an application role that
-- may only read and write rows.
--
-- 1. As a superuser (psql -U postgres), once; choose your own passwords:
--      create role sendguard_owner login password 'change-me-owner';
--      create role sendguard_app login password 'change-me-app';
--      create database sendguard owner sendguard_owner;
-- 2. Apply the migrations as the owner:
--      DATABASE_URL=postgres://sendguard_owner:…@db.internal/sendguard npm run migrate
-- 3. As the owner, run this file:
--      psql postgres://sendguard_owner:…@db.internal/sendguard -f deploy/postgres-roles.sql
-- 4. Run the server as the application role:
--      DATABASE_URL=postgres://sendguard_app:…@db.internal/sendguard npm start
-- After a Send Guard upgrade that adds migrations, repeat steps 2 and 3.

grant usage on schema public to sendguard_app;
grant select on schema_migrations to sendguard_app;
grant select, insert, update on reviews to sendguard_app;
grant select, insert on audit_events to sendguard_app;
grant usage on sequence audit_events_seq_seq to sendguard_app;
grant select, insert on signing_keys to sendguard_app;
grant select, insert, update, delete on memories to sendguard_app;
