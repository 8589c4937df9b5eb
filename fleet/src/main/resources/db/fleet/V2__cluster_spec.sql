-- The imported HybridCluster spec, so NodeConfigs can be rendered by the plan module from the host's spec entry.
alter table fleet_cluster add column spec varchar(262144);
