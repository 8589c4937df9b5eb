package io.hybridctl.fleet.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hybridctl.fleet.api.Requests;
import io.hybridctl.fleet.api.Responses;
import io.hybridctl.fleet.model.Host;
import io.hybridctl.fleet.service.HealthMonitor;
import io.hybridctl.fleet.service.Operations;
import io.hybridctl.fleet.service.Registrar;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.util.List;

/** The agent protocol: register with a token, then everything over mTLS. */
final class AgentRoutes {

    private final ObjectMapper json;
    private final Authenticator auth;
    private final Registrar registrar;
    private final HealthMonitor health;
    private final Operations operations;
    private final int heartbeatSeconds;

    AgentRoutes(ObjectMapper json, Authenticator auth, Registrar registrar, HealthMonitor health, Operations operations,
                int heartbeatSeconds) {
        this.json = json;
        this.auth = auth;
        this.registrar = registrar;
        this.health = health;
        this.operations = operations;
        this.heartbeatSeconds = heartbeatSeconds;
    }

    void register(Javalin app) {
        app.post("/api/v1/agent/register", ctx -> {
            Requests.Register req = RequestBodies.body(ctx, json, Requests.Register.class);
            Responses.Registered r;
            try {
                r = registrar.register(req);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("csr: " + e.getMessage());
            }
            ctx.status(201);
            ok(ctx, r);
        });
        app.post("/api/v1/agent/heartbeat", ctx -> {
            Host h = auth.heartbeatAgent(ctx);
            Requests.Heartbeat hb = RequestBodies.body(ctx, json, Requests.Heartbeat.class);
            List<String> open = health.heartbeat(h, hb);
            ok(ctx, new Responses.HeartbeatAck(open, heartbeatSeconds));
        });
        app.post("/api/v1/agent/operations/{id}/claim", ctx -> {
            Host h = auth.agent(ctx);
            ok(ctx, operations.claim(h.id(), ctx.pathParam("id")));
        });
        app.post("/api/v1/agent/operations/{id}/report", ctx -> {
            Host h = auth.agent(ctx);
            Requests.StepReport report = RequestBodies.body(ctx, json, Requests.StepReport.class);
            operations.report(h.id(), ctx.pathParam("id"), report);
            ctx.status(204);
        });
        app.post("/api/v1/agent/operations/{id}/node-certificate", ctx -> {
            Host h = auth.agent(ctx);
            Requests.NodeCertificate req = RequestBodies.body(ctx, json, Requests.NodeCertificate.class);
            ok(ctx, operations.nodeCertificate(h.id(), ctx.pathParam("id"), req));
        });
    }

    private void ok(Context ctx, Object body) throws Exception {
        ctx.contentType("application/json").result(json.writeValueAsString(body));
    }
}
