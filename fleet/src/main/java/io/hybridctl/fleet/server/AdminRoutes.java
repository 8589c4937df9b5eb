package io.hybridctl.fleet.server;

import io.hybridctl.fleet.service.EventHub;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hybridctl.fleet.api.Requests;
import io.hybridctl.fleet.model.FleetEvent;
import io.hybridctl.fleet.model.Host;
import io.hybridctl.fleet.model.Operation;
import io.hybridctl.fleet.model.Pool;
import io.hybridctl.fleet.model.Role;
import io.hybridctl.fleet.service.Fleet;
import io.hybridctl.fleet.service.Inventory;
import io.hybridctl.fleet.service.NodeStatusBoard;
import io.hybridctl.fleet.service.Operations;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The admin REST API. GETs need viewer, changes operator, tokens and credentials admin. */
final class AdminRoutes {

    private final ObjectMapper json;
    private final Authenticator auth;
    private final Fleet fleet;
    private final Inventory inventory;
    private final Operations operations;
    private final NodeStatusBoard nodes;
    private final java.util.function.Supplier<String> serverUrl;
    private final String caFingerprint;
    private final java.nio.file.Path dataDir;

    AdminRoutes(ObjectMapper json, Authenticator auth, Fleet fleet, Inventory inventory, Operations operations,
                NodeStatusBoard nodes, java.util.function.Supplier<String> serverUrl, String caFingerprint, java.nio.file.Path dataDir) {
        this.dataDir = dataDir;
        this.json = json;
        this.auth = auth;
        this.fleet = fleet;
        this.inventory = inventory;
        this.operations = operations;
        this.nodes = nodes;
        this.serverUrl = serverUrl;
        this.caFingerprint = caFingerprint;
    }

    void register(Javalin app) {
        app.get("/api/v1/clusters", ctx -> {
            auth.admin(ctx, Role.VIEWER);
            ok(ctx, fleet.inventory().clusters());
        });
        app.post("/api/v1/clusters", ctx -> {
            Caller c = auth.admin(ctx, Role.OPERATOR);
            Requests.ImportCluster req = RequestBodies.body(ctx, json, Requests.ImportCluster.class);
            ctx.status(201);
            ok(ctx, inventory.importCluster(c.actor(), req, dataDir));
        });
        app.get("/api/v1/clusters/{id}", ctx -> {
            auth.admin(ctx, Role.VIEWER);
            var cl = fleet.inventory().cluster(ctx.pathParam("id")).orElseThrow(() -> ApiException.notFound("cluster " + ctx.pathParam("id")));
            ok(ctx, Map.of("cluster", cl, "pools", fleet.inventory().pools(cl.id()).stream().map(inventory::summary).toList()));
        });
        app.get("/api/v1/clusters/{id}/drift", ctx -> {
            auth.admin(ctx, Role.VIEWER);
            ok(ctx, inventory.driftReport(ctx.pathParam("id")));
        });
        app.put("/api/v1/clusters/{id}/ssm-activation", ctx -> {
            Caller c = auth.admin(ctx, Role.ADMIN);
            inventory.uploadActivation(c.actor(), ctx.pathParam("id"), RequestBodies.body(ctx, json, Requests.SsmActivation.class));
            ctx.status(204);
        });
        app.put("/api/v1/clusters/{id}/iam-roles-anywhere", ctx -> {
            Caller c = auth.admin(ctx, Role.ADMIN);
            inventory.uploadIra(c.actor(), ctx.pathParam("id"), RequestBodies.body(ctx, json, Requests.IraSettings.class));
            ctx.status(204);
        });
        app.get("/api/v1/pools", ctx -> {
            auth.admin(ctx, Role.VIEWER);
            ok(ctx, fleet.inventory().allPools().stream().map(inventory::summary).toList());
        });
        app.get("/api/v1/pools/{id}", ctx -> {
            auth.admin(ctx, Role.VIEWER);
            ok(ctx, inventory.summary(pool(ctx)));
        });
        app.patch("/api/v1/pools/{id}", ctx -> {
            Caller c = auth.admin(ctx, Role.OPERATOR);
            Requests.PoolUpdate req = RequestBodies.body(ctx, json, Requests.PoolUpdate.class);
            ok(ctx, inventory.summary(inventory.setPoolRevision(c.actor(), pool(ctx).id(), req.profileRevision())));
        });
        app.get("/api/v1/pools/{id}/hosts", ctx -> {
            auth.admin(ctx, Role.VIEWER);
            ok(ctx, fleet.hosts().inPool(pool(ctx).id()).stream().map(this::hostView).toList());
        });
        app.get("/api/v1/pools/{id}/registration-tokens", ctx -> {
            auth.admin(ctx, Role.ADMIN);
            ok(ctx, fleet.tokens().registrationTokens(pool(ctx).id()));
        });
        app.get("/api/v1/profiles", ctx -> {
            auth.admin(ctx, Role.VIEWER);
            ok(ctx, fleet.inventory().profiles());
        });
        app.get("/api/v1/profiles/{id}/revisions", ctx -> {
            auth.admin(ctx, Role.VIEWER);
            String id = fleet.inventory().profileId(ctx.pathParam("id")).orElseThrow(() -> ApiException.notFound("profile " + ctx.pathParam("id")));
            ok(ctx, fleet.inventory().revisions(id));
        });
        app.post("/api/v1/profiles/{id}/revisions", ctx -> {
            Caller c = auth.admin(ctx, Role.OPERATOR);
            Requests.ProfileRevisionSpec spec = RequestBodies.body(ctx, json, Requests.ProfileRevisionSpec.class);
            ctx.status(201);
            ok(ctx, inventory.addProfileRevision(c.actor(), ctx.pathParam("id"), spec));
        });
        app.post("/api/v1/registration-tokens", ctx -> {
            Caller c = auth.admin(ctx, Role.ADMIN);
            Requests.CreateRegistrationToken req = RequestBodies.body(ctx, json, Requests.CreateRegistrationToken.class);
            ctx.status(201);
            ok(ctx, inventory.createRegistrationToken(c.actor(), req, serverUrl.get(), caFingerprint));
        });
        app.delete("/api/v1/registration-tokens/{id}", ctx -> {
            Caller c = auth.admin(ctx, Role.ADMIN);
            inventory.revokeRegistrationToken(c.actor(), ctx.pathParam("id"));
            ctx.status(204);
        });
        app.get("/api/v1/hosts", ctx -> {
            auth.admin(ctx, Role.VIEWER);
            List<Host> hosts = "true".equals(ctx.queryParam("unassigned")) ? fleet.hosts().unassigned() : fleet.hosts().all();
            ok(ctx, hosts.stream().map(this::hostView).toList());
        });
        app.get("/api/v1/hosts/{id}", ctx -> {
            auth.admin(ctx, Role.VIEWER);
            Host h = host(ctx);
            Map<String, Object> v = hostView(h);
            v.put("operations", fleet.operations().forHost(h.id()).stream().map(operations::view).toList());
            v.put("events", fleet.events().forHost(h.id(), 50));
            ok(ctx, v);
        });
        app.post("/api/v1/hosts/{id}/assign", ctx -> {
            Caller c = auth.admin(ctx, Role.OPERATOR);
            Requests.Assign req = RequestBodies.body(ctx, json, Requests.Assign.class);
            ctx.status(201);
            ok(ctx, operations.view(operations.assign(c.actor(), host(ctx).id(), req.poolId())));
        });
        app.put("/api/v1/hosts/{id}/drift-override", ctx -> {
            Caller c = auth.admin(ctx, Role.OPERATOR);
            Requests.DriftOverride req = RequestBodies.body(ctx, json, Requests.DriftOverride.class);
            operations.overrideDrift(c.actor(), host(ctx).id(), req.override());
            ok(ctx, hostView(fleet.hosts().byId(ctx.pathParam("id")).orElseThrow()));
        });
        app.post("/api/v1/hosts/{id}/reset", ctx -> {
            Caller c = auth.admin(ctx, Role.ADMIN);
            Host h = host(ctx);
            fleet.hosts().reset(h.id(), fleet.now());
            fleet.audit(c.actor(), "host.reset", h.hostname(), "machineId=" + h.machineId());
            fleet.hub().record(h.poolId(), h.id(), "host.reset", h.hostname() + " reset: its next registration may bring a new key");
            ctx.status(204);
        });
        app.get("/api/v1/operations", ctx -> {
            auth.admin(ctx, Role.VIEWER);
            String poolId = ctx.queryParam("pool");
            if (poolId == null) {
                throw ApiException.badRequest("query parameter 'pool' is required");
            }
            ok(ctx, fleet.operations().forPool(poolId, 200).stream().map(operations::view).toList());
        });
        app.post("/api/v1/operations", ctx -> {
            Caller c = auth.admin(ctx, Role.OPERATOR);
            Requests.CreateOperation req = RequestBodies.body(ctx, json, Requests.CreateOperation.class);
            ctx.status(201);
            ok(ctx, operations.view(operations.create(c.actor(), req)));
        });
        app.get("/api/v1/operations/{id}", ctx -> {
            auth.admin(ctx, Role.VIEWER);
            ok(ctx, operations.view(operation(ctx)));
        });
        app.get("/api/v1/operations/{id}/logs", ctx -> {
            auth.admin(ctx, Role.VIEWER);
            ok(ctx, fleet.operations().logs(operation(ctx).id(), longParam(ctx, "after", 0)));
        });
        app.get("/api/v1/events", ctx -> {
            auth.admin(ctx, Role.VIEWER);
            int limit = limitParam(ctx);
            List<FleetEvent> page = fleet.events().page(ctx.queryParam("pool"), ctx.queryParam("kind"), longParam(ctx, "after", 0),
                    longParam(ctx, "before", Long.MAX_VALUE), limit);
            if (page.size() == limit) {
                nextPage(ctx, page.get(page.size() - 1).id(), limit);
            }
            ok(ctx, page);
        });
        app.post("/api/v1/api-tokens", ctx -> {
            Caller c = auth.admin(ctx, Role.ADMIN);
            Requests.CreateApiToken req = RequestBodies.body(ctx, json, Requests.CreateApiToken.class);
            ctx.status(201);
            ok(ctx, inventory.createApiToken(c.actor(), req));
        });
        app.get("/api/v1/api-tokens", ctx -> {
            auth.admin(ctx, Role.ADMIN);
            ok(ctx, fleet.tokens().apiTokens());
        });
        app.delete("/api/v1/api-tokens/{id}", ctx -> {
            Caller c = auth.admin(ctx, Role.ADMIN);
            inventory.revokeApiToken(c.actor(), ctx.pathParam("id"));
            ctx.status(204);
        });
        app.get("/api/v1/audit", ctx -> {
            auth.admin(ctx, Role.ADMIN);
            int limit = limitParam(ctx);
            List<Map<String, Object>> page = fleet.events().auditLog(longParam(ctx, "before", Long.MAX_VALUE), limit);
            if (page.size() == limit) {
                nextPage(ctx, (Long) page.get(page.size() - 1).get("id"), limit);
            }
            ok(ctx, page);
        });
    }

    Map<String, Object> hostView(Host h) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", h.id());
        v.put("hostname", h.hostname());
        v.put("machineId", h.machineId());
        v.put("poolId", h.poolId());
        Pool pool = h.poolId() == null ? null : fleet.inventory().pool(h.poolId()).orElse(null);
        v.put("pool", pool == null ? null : pool.name());
        v.put("cluster", pool == null ? null : fleet.inventory().cluster(pool.clusterId()).map(cl -> cl.name()).orElse(null));
        v.put("drift", pool == null ? List.of() : inventory.drift(h, pool));
        v.put("driftOverride", h.driftOverride());
        v.put("state", h.state());
        v.put("health", h.health());
        v.put("healthDetail", h.healthDetail());
        v.put("nodeName", h.nodeName() != null ? h.nodeName() : h.ssmInstanceId());
        v.put("lastHeartbeat", h.lastHeartbeat());
        v.put("facts", h.facts());
        nodes.get(h.id()).ifPresent(n -> v.put("node", n));
        return v;
    }

    private Pool pool(Context ctx) {
        return fleet.inventory().pool(ctx.pathParam("id")).orElseThrow(() -> ApiException.notFound("pool " + ctx.pathParam("id")));
    }

    private Host host(Context ctx) {
        return fleet.hosts().byId(ctx.pathParam("id")).orElseThrow(() -> ApiException.notFound("host " + ctx.pathParam("id")));
    }

    private Operation operation(Context ctx) {
        return fleet.operations().byId(ctx.pathParam("id")).orElseThrow(() -> ApiException.notFound("operation " + ctx.pathParam("id")));
    }

    /** ?limit= for paged lists: 1 to 1000, default 200. */
    static int limitParam(Context ctx) {
        long limit = longParam(ctx, "limit", 200);
        if (limit < 1 || limit > 1000) {
            throw ApiException.badRequest("query parameter 'limit' must be between 1 and 1000");
        }
        return (int) limit;
    }

    /** RFC 8288 link to the next (older) page: the same query with before= the last id of this one. */
    static void nextPage(Context ctx, long lastId, int limit) {
        StringBuilder q = new StringBuilder();
        ctx.queryParamMap().forEach((k, v) -> {
            if (!k.equals("before") && !k.equals("limit") && !v.isEmpty()) {
                q.append(java.net.URLEncoder.encode(k, java.nio.charset.StandardCharsets.UTF_8)).append('=')
                        .append(java.net.URLEncoder.encode(v.get(0), java.nio.charset.StandardCharsets.UTF_8)).append('&');
            }
        });
        q.append("before=").append(lastId).append("&limit=").append(limit);
        ctx.header("Link", "<" + ctx.path() + "?" + q + ">; rel=\"next\"");
    }

    static long longParam(Context ctx, String name, long dflt) {
        String v = ctx.queryParam(name);
        if (v == null) {
            return dflt;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("query parameter '" + name + "' must be a number");
        }
    }

    void eventStream(Javalin app, EventHub hub) {
        app.before("/api/v1/pools/{id}/events/stream", ctx -> {
            auth.admin(ctx, Role.VIEWER);
            pool(ctx);
        });
        app.sse("/api/v1/pools/{id}/events/stream", client -> {
            String poolId = client.ctx().pathParam("id");
            EventHub.Subscription sub = hub.subscribe(poolId, e -> send(client, e));
            client.onClose(() -> hub.unsubscribe(sub));
            client.keepAlive();
        });
    }

    private void send(io.javalin.http.sse.SseClient client, FleetEvent e) {
        try {
            client.sendEvent("fleet-event", json.writeValueAsString(e), Long.toString(e.id()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private void ok(Context ctx, Object body) throws Exception {
        ctx.contentType("application/json").result(json.writeValueAsString(body));
    }
}
