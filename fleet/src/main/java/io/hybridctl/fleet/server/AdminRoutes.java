package io.hybridctl.fleet.server;

import io.hybridctl.fleet.service.EventHub;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hybridctl.fleet.api.Requests;
import io.hybridctl.fleet.model.FleetEvent;
import io.hybridctl.fleet.model.Host;
import io.hybridctl.fleet.model.Operation;
import io.hybridctl.fleet.model.Pool;
import io.hybridctl.fleet.model.Role;
import io.hybridctl.fleet.service.Registrar;
import io.hybridctl.fleet.service.Views;
import io.hybridctl.fleet.service.Inventory;
import io.hybridctl.fleet.service.Operations;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.util.List;
import java.util.Map;

/** The admin REST API. GETs need viewer, changes operator, tokens and credentials admin. */
final class AdminRoutes {

    private final ObjectMapper json;
    private final Authenticator auth;
    private final Views views;
    private final Inventory inventory;
    private final Registrar registrar;
    private final Operations operations;
    private final java.util.function.Supplier<String> serverUrl;
    private final String caFingerprint;
    private final java.nio.file.Path dataDir;

    AdminRoutes(ObjectMapper json, Authenticator auth, Views views, Inventory inventory, Operations operations, Registrar registrar,
                java.util.function.Supplier<String> serverUrl, String caFingerprint, java.nio.file.Path dataDir) {
        this.views = views;
        this.registrar = registrar;
        this.dataDir = dataDir;
        this.json = json;
        this.auth = auth;
        this.inventory = inventory;
        this.operations = operations;
        this.serverUrl = serverUrl;
        this.caFingerprint = caFingerprint;
    }

    void register(Javalin app) {
        app.get("/api/v1/clusters", ctx -> {
            auth.admin(ctx, Role.VIEWER);
            ok(ctx, views.clusters());
        });
        app.post("/api/v1/clusters", ctx -> {
            Caller c = auth.admin(ctx, Role.OPERATOR);
            Requests.ImportCluster req = RequestBodies.body(ctx, json, Requests.ImportCluster.class);
            ctx.status(201);
            ok(ctx, inventory.importCluster(c.actor(), req, dataDir));
        });
        app.get("/api/v1/clusters/{id}", ctx -> {
            auth.admin(ctx, Role.VIEWER);
            var cl = views.cluster(ctx.pathParam("id"));
            ok(ctx, Map.of("cluster", cl, "pools", views.pools(cl.id()).stream().map(inventory::summary).toList()));
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
            ok(ctx, views.allPools().stream().map(inventory::summary).toList());
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
            ok(ctx, views.hostViews(views.hosts(new Views.HostQuery(null, null, null, pool(ctx).id(), null, null, null))));
        });
        app.get("/api/v1/pools/{id}/registration-tokens", ctx -> {
            auth.admin(ctx, Role.ADMIN);
            ok(ctx, views.registrationTokens(ctx.pathParam("id")));
        });
        app.get("/api/v1/profiles", ctx -> {
            auth.admin(ctx, Role.VIEWER);
            ok(ctx, views.profiles());
        });
        app.get("/api/v1/profiles/{id}/revisions", ctx -> {
            auth.admin(ctx, Role.VIEWER);
            ok(ctx, views.revisions(ctx.pathParam("id")));
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
            ok(ctx, views.hostViews(views.hosts(hostQuery(ctx))));
        });
        app.get("/api/v1/hosts/{id}", ctx -> {
            auth.admin(ctx, Role.VIEWER);
            ok(ctx, views.hostView(views.row(host(ctx)), true));
        });
        app.post("/api/v1/hosts/{id}/assign", ctx -> {
            Caller c = auth.admin(ctx, Role.OPERATOR);
            Requests.Assign req = RequestBodies.body(ctx, json, Requests.Assign.class);
            ctx.status(201);
            ok(ctx, views.operationView(operations.assign(c.actor(), host(ctx).id(), req.poolId())));
        });
        app.put("/api/v1/hosts/{id}/drift-override", ctx -> {
            Caller c = auth.admin(ctx, Role.OPERATOR);
            Requests.DriftOverride req = RequestBodies.body(ctx, json, Requests.DriftOverride.class);
            operations.overrideDrift(c.actor(), host(ctx).id(), req.override());
            ok(ctx, views.hostView(views.row(host(ctx)), false));
        });
        app.post("/api/v1/hosts/{id}/reset", ctx -> {
            Caller c = auth.admin(ctx, Role.ADMIN);
            registrar.reset(c.actor(), host(ctx).id());
            ctx.status(204);
        });
        app.get("/api/v1/operations", ctx -> {
            auth.admin(ctx, Role.VIEWER);
            String poolId = ctx.queryParam("pool");
            if (poolId == null) {
                throw ApiException.badRequest("query parameter 'pool' is required");
            }
            ok(ctx, views.operationViews(views.operationsOfPool(poolId, 200, false)));
        });
        app.post("/api/v1/operations", ctx -> {
            Caller c = auth.admin(ctx, Role.OPERATOR);
            Requests.CreateOperation req = RequestBodies.body(ctx, json, Requests.CreateOperation.class);
            ctx.status(201);
            ok(ctx, views.operationView(operations.create(c.actor(), req)));
        });
        app.get("/api/v1/operations/{id}", ctx -> {
            auth.admin(ctx, Role.VIEWER);
            ok(ctx, views.operationView(operation(ctx)));
        });
        app.get("/api/v1/operations/{id}/logs", ctx -> {
            auth.admin(ctx, Role.VIEWER);
            ok(ctx, views.logs(ctx.pathParam("id"), longParam(ctx, "after", 0)));
        });
        app.get("/api/v1/events", ctx -> {
            auth.admin(ctx, Role.VIEWER);
            int limit = limitParam(ctx);
            List<FleetEvent> page = views.events(ctx.queryParam("pool"), ctx.queryParam("kind"), longParam(ctx, "after", 0),
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
            ok(ctx, views.apiTokens());
        });
        app.delete("/api/v1/api-tokens/{id}", ctx -> {
            Caller c = auth.admin(ctx, Role.ADMIN);
            inventory.revokeApiToken(c.actor(), ctx.pathParam("id"));
            ctx.status(204);
        });
        app.get("/api/v1/audit", ctx -> {
            auth.admin(ctx, Role.ADMIN);
            int limit = limitParam(ctx);
            List<Map<String, Object>> page = views.audit(longParam(ctx, "before", Long.MAX_VALUE), limit);
            if (page.size() == limit) {
                nextPage(ctx, (Long) page.get(page.size() - 1).get("id"), limit);
            }
            ok(ctx, page);
        });
    }

    private Pool pool(Context ctx) {
        return views.pool(ctx.pathParam("id"));
    }

    private Host host(Context ctx) {
        return views.host(ctx.pathParam("id"));
    }

    private Operation operation(Context ctx) {
        return views.operation(ctx.pathParam("id"));
    }

    /** ?q= (name, machine-id, OS, address), ?state=, ?health=, ?pool=, ?drift=true|false, ?unassigned=true, ?sort=[-]key. */
    static Views.HostQuery hostQuery(Context ctx) {
        String drift = ctx.queryParam("drift");
        return new Views.HostQuery(ctx.queryParam("q"), ctx.queryParam("state"), ctx.queryParam("health"), ctx.queryParam("pool"),
                drift == null || drift.isBlank() ? null : Boolean.valueOf(drift), "true".equals(ctx.queryParam("unassigned")) ? Boolean.TRUE : null,
                ctx.queryParam("sort"));
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
