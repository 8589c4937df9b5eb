-- Where the imported spec's relative files resolve, the CA bundle plan put in the trust anchor, and the pki
-- directory the spec names (its CA signs IAM Roles Anywhere node certificates).
alter table fleet_cluster add column spec_dir varchar(4096);
alter table fleet_cluster add column trust_anchor varchar(1048576);
alter table fleet_cluster add column pki_dir varchar(4096);

-- An operator accepted this host's differences from the spec; its bootstrap is no longer held.
alter table host add column drift_override boolean default false not null;

-- The pool whose registration token the host used: an unassigned host is offered to that pool only.
alter table host add column registered_pool varchar(36);
