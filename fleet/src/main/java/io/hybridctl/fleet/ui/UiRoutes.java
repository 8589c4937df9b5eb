package io.hybridctl.fleet.ui;

import io.hybridctl.fleet.api.Responses;
import io.hybridctl.fleet.model.FleetCluster;
import io.hybridctl.fleet.model.FleetEvent;
import io.hybridctl.fleet.model.Host;
import io.hybridctl.fleet.model.HostFacts;
import io.hybridctl.fleet.model.Operation;
import io.hybridctl.fleet.model.Pool;
import io.hybridctl.fleet.model.Role;
import io.hybridctl.fleet.server.ApiException;
import io.hybridctl.fleet.server.Authenticator;
import io.hybridctl.fleet.server.Caller;
import io.hybridctl.fleet.service.Fleet;
import io.hybridctl.fleet.service.Inventory;
import io.hybridctl.fleet.service.Operations;
import io.hybridctl.fleet.store.OperationStore;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;

import java.util.List;
import java.util.function.Supplier;

import static io.hybridctl.fleet.ui.Html.badge;
import static io.hybridctl.fleet.ui.Html.e;
import static io.hybridctl.fleet.ui.Html.time;

/**
 * The single pane of glass: server-rendered pages, htmx polling for tables and logs, and the pool's SSE stream for
 * live events. The token is kept in an HttpOnly, SameSite=Strict cookie; changes also require the HX-Request header,
 * which a cross-site form cannot send.
 */
public final class UiRoutes {

    private final Authenticator auth;
    private final Fleet fleet;
    private final Inventory inventory;
    private final Operations operations;
    private final Supplier<String> url;
    private final String caFingerprint;

    public UiRoutes(Authenticator auth, Fleet fleet, Inventory inventory, Operations operations, Supplier<String> url,
                    String caFingerprint) {
        this.auth = auth;
        this.fleet = fleet;
        this.inventory = inventory;
        this.operations = operations;
        this.url = url;
        this.caFingerprint = caFingerprint;
    }

    public void register(Javalin app) {
        app.get("/login", ctx -> html(ctx, Html.page("Sign in", """
                <h1>Sign in</h1><form method="post" action="/login">
                <label>API token <input type="password" name="token" id="token" size="60" autocomplete="off"></label>
                <button type="submit" id="signin">Sign in</button></form>""")));
        app.post("/login", ctx -> {
            String token = ctx.formParam("token");
            if (token == null || !auth.validToken(token.trim())) {
                ctx.status(401);
                html(ctx, Html.page("Sign in", "<h1>Sign in</h1><p>That token is not valid.</p><a href=\"/login\">Try again</a>"));
                return;
            }
            ctx.cookie(new Cookie(Authenticator.COOKIE, token.trim(), "/", -1, true, 0, true, null, null, SameSite.STRICT));
            ctx.redirect("/");
        });
        app.get("/", ctx -> {
            if (!signedIn(ctx)) {
                return;
            }
            StringBuilder b = new StringBuilder("<h1>Clusters</h1>");
            for (FleetCluster c : fleet.inventory().clusters()) {
                b.append("<h2>").append(e(c.name())).append(" <small>").append(e(c.region())).append(" · Kubernetes ")
                        .append(e(c.kubernetesVersion())).append(" · ").append(e(c.credentialProvider())).append("</small></h2>");
                b.append("<table><tr><th>Pool</th><th>Ready / total</th><th>Bootstrapping</th><th>Failed</th><th>Unhealthy</th>"
                        + "<th>Profile</th><th>Versions</th><th>Update</th></tr>");
                for (Pool p : fleet.inventory().pools(c.id())) {
                    Responses.PoolSummary s = inventory.summary(p);
                    b.append("<tr><td><a href=\"/pools/").append(e(p.id())).append("\">").append(e(p.name())).append("</a></td><td>")
                            .append(s.ready()).append(" / ").append(s.total()).append("</td><td>").append(s.bootstrapping())
                            .append("</td><td>").append(s.failed()).append("</td><td>").append(s.unhealthy()).append("</td><td>")
                            .append(e(s.profile())).append(" r").append(s.profileRevision()).append("</td><td>")
                            .append(e(String.join(", ", s.kubernetesVersions()))).append("</td><td>")
                            .append(s.updateAvailable() ? "r" + s.latestRevision() + " available" : "up to date").append("</td></tr>");
                }
                b.append("</table>");
            }
            if (fleet.inventory().clusters().isEmpty()) {
                b.append("<p>No clusters yet. Import one with <code>hybridctl fleet import -f spec.yaml</code>.</p>");
            }
            html(ctx, Html.page("Clusters", b.toString()));
        });
        app.get("/pools/{id}", ctx -> {
            if (!signedIn(ctx)) {
                return;
            }
            Pool p = pool(ctx);
            String id = e(p.id());
            String body = "<h1>Pool " + e(p.name()) + "</h1><p>Add hosts: <code>hybridctl fleet token-create --pool " + e(p.name())
                    + "</code>, then on each host <code>" + e(agentCommandHint()) + "</code></p>"
                    + "<div id=\"summary\" hx-get=\"/ui/pools/" + id + "/summary\" hx-trigger=\"load, every 2s\"></div>"
                    + "<h2>Hosts</h2><div id=\"hosts\" hx-get=\"/ui/pools/" + id + "/hosts\" hx-trigger=\"load, every 2s\"></div>"
                    + "<h2>Unassigned hosts</h2><div id=\"unassigned\" hx-get=\"/ui/pools/" + id + "/unassigned\" hx-trigger=\"load, every 2s\"></div>"
                    + "<h2>Operations</h2><div id=\"operations\" hx-get=\"/ui/pools/" + id + "/operations\" hx-trigger=\"load, every 2s\"></div>"
                    + "<h2>Events <small id=\"stream-state\">connecting…</small></h2><ul id=\"events\">" + eventItems(fleet.events().recent(p.id(), null, 0, 50)) + "</ul>"
                    + """
                    <script>
                    (function(){
                      var es = new EventSource('/api/v1/pools/%s/events/stream');
                      var list = document.getElementById('events');
                      es.onopen = function(){ document.getElementById('stream-state').textContent = 'live'; };
                      es.addEventListener('fleet-event', function(m){
                        var ev = JSON.parse(m.data);
                        var li = document.createElement('li');
                        li.className = 'live';
                        li.textContent = new Date(ev.at).toISOString().replace('T',' ').slice(0,19) + 'Z  ' + ev.kind + '  ' + ev.message;
                        list.insertBefore(li, list.firstChild);
                      });
                      es.onerror = function(){ document.getElementById('stream-state').textContent = 'reconnecting…'; };
                    })();
                    </script>""".formatted(id);
            html(ctx, Html.page("Pool " + p.name(), body));
        });
        app.get("/ui/pools/{id}/summary", ctx -> {
            auth.admin(ctx, Role.VIEWER);
            Responses.PoolSummary s = inventory.summary(pool(ctx));
            html(ctx, "<div class=\"card\"><div class=\"big\" id=\"ready-count\">" + s.ready() + " / " + s.total()
                    + "</div>hosts ready</div><div class=\"card\"><div class=\"big\">" + s.bootstrapping()
                    + "</div>bootstrapping</div><div class=\"card\"><div class=\"big\">" + s.failed() + "</div>failed</div>"
                    + "<div class=\"card\"><div class=\"big\">" + s.unhealthy() + "</div>unhealthy</div>"
                    + "<div class=\"card\">profile <b>" + e(s.profile()) + "</b> r" + s.profileRevision()
                    + (s.updateAvailable() ? " · <b>r" + s.latestRevision() + " available</b>" : " · up to date")
                    + "<br>Kubernetes " + e(String.join(", ", s.kubernetesVersions())) + "</div>");
        });
        app.get("/ui/pools/{id}/hosts", ctx -> {
            auth.admin(ctx, Role.VIEWER);
            html(ctx, hostTable(fleet.hosts().inPool(pool(ctx).id()), null));
        });
        app.get("/ui/pools/{id}/unassigned", ctx -> {
            auth.admin(ctx, Role.VIEWER);
            List<Host> free = fleet.hosts().unassigned();
            html(ctx, free.isEmpty() ? "<p>None.</p>" : hostTable(free, pool(ctx).id()));
        });
        app.get("/ui/pools/{id}/operations", ctx -> {
            auth.admin(ctx, Role.VIEWER);
            StringBuilder b = new StringBuilder("<table><tr><th>Operation</th><th>Host</th><th>Kind</th><th>State</th><th>Step</th><th>Reason</th><th>Updated</th></tr>");
            for (Operation op : fleet.operations().forPool(pool(ctx).id(), 50)) {
                Operation full = fleet.operations().withSteps(op);
                String step = full.steps().stream().filter(s -> s.state() != io.hybridctl.fleet.model.StepState.SUCCEEDED)
                        .map(Operation.Step::name).findFirst().orElse("done");
                String host = fleet.hosts().byId(op.hostId()).map(Host::hostname).orElse(op.hostId());
                b.append("<tr><td><a href=\"/operations/").append(e(op.id())).append("\">").append(e(op.id().substring(0, 8)))
                        .append("</a></td><td>").append(e(host)).append("</td><td>").append(e(op.kind().wireName())).append("</td><td>")
                        .append(badge(op.state())).append("</td><td>").append(e(step)).append("</td><td>").append(e(op.reason()))
                        .append("</td><td>").append(time(op.updatedAt())).append("</td></tr>");
            }
            html(ctx, b.append("</table>").toString());
        });
        app.post("/ui/hosts/{id}/assign", ctx -> {
            Caller c = auth.admin(ctx, Role.OPERATOR);
            requireHtmx(ctx);
            String poolId = ctx.formParam("poolId");
            if (poolId == null) {
                throw ApiException.badRequest("poolId is required");
            }
            operations.assign(c.actor(), ctx.pathParam("id"), poolId);
            html(ctx, "<span>assigned</span>");
        });
        app.get("/hosts", ctx -> {
            if (!signedIn(ctx)) {
                return;
            }
            html(ctx, Html.page("Hosts", "<h1>All hosts</h1>" + hostTable(fleet.hosts().all(), null)));
        });
        app.get("/hosts/{id}", ctx -> {
            if (!signedIn(ctx)) {
                return;
            }
            Host h = fleet.hosts().byId(ctx.pathParam("id")).orElseThrow(() -> ApiException.notFound("host"));
            HostFacts f = h.facts();
            StringBuilder b = new StringBuilder("<h1>Host " + e(h.hostname()) + "</h1><p>" + badge(h.state()) + " " + badge(h.health())
                    + " " + e(h.healthDetail()) + "</p><table>");
            row(b, "Machine ID", h.machineId());
            row(b, "Node name", h.nodeName() != null ? h.nodeName() : h.ssmInstanceId());
            row(b, "OS", f.os() + " " + f.osVersion());
            row(b, "Kernel", f.kernel());
            row(b, "Architecture", f.arch());
            row(b, "CPUs", f.cpus());
            row(b, "Memory", (f.memoryBytes() >> 20) + " MiB");
            row(b, "Disks", f.disks().stream().map(d -> d.name() + " " + (d.sizeBytes() >> 30) + " GiB").toList());
            row(b, "Interfaces", f.interfaces().stream().map(i -> i.name() + " " + i.mac() + " " + i.addresses()).toList());
            row(b, "Last heartbeat", time(h.lastHeartbeat()));
            b.append("</table><h2>Operations</h2><table><tr><th>Operation</th><th>Kind</th><th>State</th><th>Reason</th></tr>");
            for (Operation op : fleet.operations().forHost(h.id())) {
                b.append("<tr><td><a href=\"/operations/").append(e(op.id())).append("\">").append(e(op.id().substring(0, 8)))
                        .append("</a></td><td>").append(e(op.kind().wireName())).append("</td><td>").append(badge(op.state()))
                        .append("</td><td>").append(e(op.reason())).append("</td></tr>");
            }
            b.append("</table><h2>Events</h2><ul>").append(eventItems(fleet.events().forHost(h.id(), 50))).append("</ul>");
            html(ctx, Html.page(h.hostname(), b.toString()));
        });
        app.get("/operations/{id}", ctx -> {
            if (!signedIn(ctx)) {
                return;
            }
            Operation op = fleet.operations().byId(ctx.pathParam("id")).orElseThrow(() -> ApiException.notFound("operation"));
            html(ctx, Html.page("Operation", "<h1>" + e(op.kind().wireName()) + " " + e(op.id()) + "</h1>"
                    + "<div id=\"steps\" hx-get=\"/ui/operations/" + e(op.id()) + "/steps\" hx-trigger=\"load, every 1s\"></div>"
                    + "<h2>Log</h2><pre id=\"log\" hx-get=\"/ui/operations/" + e(op.id()) + "/log\" hx-trigger=\"load, every 1s\"></pre>"));
        });
        app.get("/ui/operations/{id}/steps", ctx -> {
            auth.admin(ctx, Role.VIEWER);
            Operation op = fleet.operations().withSteps(fleet.operations().byId(ctx.pathParam("id")).orElseThrow(() -> ApiException.notFound("operation")));
            StringBuilder b = new StringBuilder("<p>" + badge(op.state()) + " " + e(op.reason()) + "</p><table><tr><th>#</th><th>Step</th><th>State</th><th>Started</th><th>Finished</th></tr>");
            for (Operation.Step s : op.steps()) {
                b.append("<tr><td>").append(s.index()).append("</td><td>").append(e(s.name())).append("</td><td>").append(badge(s.state()))
                        .append("</td><td>").append(s.startedAt() == null ? "" : time(s.startedAt())).append("</td><td>")
                        .append(s.finishedAt() == null ? "" : time(s.finishedAt())).append("</td></tr>");
            }
            html(ctx, b.append("</table>").toString());
        });
        app.get("/ui/operations/{id}/log", ctx -> {
            auth.admin(ctx, Role.VIEWER);
            StringBuilder b = new StringBuilder();
            for (OperationStore.LogLine l : fleet.operations().logs(ctx.pathParam("id"), 0)) {
                b.append(time(l.at())).append("  ").append(e(l.line())).append('\n');
            }
            html(ctx, b.toString());
        });
    }

    private String hostTable(List<Host> hosts, String assignToPool) {
        StringBuilder b = new StringBuilder("<table class=\"hosts\"><tr><th>Host</th><th>State</th><th>Health</th><th>OS</th><th>Arch</th>"
                + "<th>CPUs</th><th>Memory</th><th>Address</th><th>Last heartbeat</th>" + (assignToPool == null ? "" : "<th></th>") + "</tr>");
        for (Host h : hosts) {
            HostFacts f = h.facts();
            String addr = f.interfaces().stream().flatMap(i -> i.addresses().stream()).findFirst().orElse("");
            b.append("<tr data-host=\"").append(e(h.hostname())).append("\"><td><a href=\"/hosts/").append(e(h.id())).append("\">")
                    .append(e(h.hostname())).append("</a></td><td>").append(badge(h.state())).append("</td><td>").append(badge(h.health()))
                    .append("</td><td>").append(e(f.os() + " " + f.osVersion())).append("</td><td>").append(e(f.arch())).append("</td><td>")
                    .append(f.cpus()).append("</td><td>").append(f.memoryBytes() >> 20).append(" MiB</td><td>").append(e(addr))
                    .append("</td><td>").append(time(h.lastHeartbeat())).append("</td>");
            if (assignToPool != null) {
                b.append("<td><button class=\"assign\" hx-post=\"/ui/hosts/").append(e(h.id())).append("/assign\" hx-vals='{\"poolId\":\"")
                        .append(e(assignToPool)).append("\"}' hx-swap=\"outerHTML\">Assign to this pool</button></td>");
            }
            b.append("</tr>");
        }
        return b.append("</table>").toString();
    }

    private static String eventItems(List<FleetEvent> events) {
        StringBuilder b = new StringBuilder();
        for (FleetEvent ev : events) {
            b.append("<li>").append(time(ev.at())).append("  ").append(e(ev.kind())).append("  ").append(e(ev.message())).append("</li>");
        }
        return b.toString();
    }

    private static void row(StringBuilder b, String k, Object v) {
        b.append("<tr><th>").append(e(k)).append("</th><td>").append(e(v)).append("</td></tr>");
    }

    private boolean signedIn(Context ctx) {
        try {
            auth.admin(ctx, Role.VIEWER);
            return true;
        } catch (ApiException e) {
            ctx.redirect("/login");
            return false;
        }
    }

    private static void requireHtmx(Context ctx) {
        if (!"true".equals(ctx.header("HX-Request"))) {
            throw ApiException.forbidden("UI changes must come from the UI (HX-Request header missing)");
        }
    }

    private Pool pool(Context ctx) {
        return fleet.inventory().pool(ctx.pathParam("id")).orElseThrow(() -> ApiException.notFound("pool " + ctx.pathParam("id")));
    }

    private static void html(Context ctx, String body) {
        ctx.contentType("text/html; charset=utf-8").result(body);
    }

    String agentCommandHint() {
        return "hybridctl agent --server " + url.get() + " --ca-fingerprint " + caFingerprint + " --token <token>";
    }
}
