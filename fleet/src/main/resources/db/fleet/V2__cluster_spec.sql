-- The imported HybridCluster spec, so NodeConfigs can be rendered by the plan module from the host's spec entry.
alter table fleet_cluster add column spec varchar(262144);

-- The Kubernetes view finds a Node's host by IRA node name or SSM managed-instance id.
create index host_node_name on host(node_name);
create index host_ssm_instance on host(ssm_instance_id);
