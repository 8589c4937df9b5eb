package io.hybridctl.fleet.ui;

import io.hybridctl.fleet.api.Requests;
import io.hybridctl.fleet.api.Responses;
import io.hybridctl.fleet.model.FleetCluster;
import io.hybridctl.fleet.model.FleetEvent;
import io.hybridctl.fleet.model.Host;
import io.hybridctl.fleet.model.HostFacts;
import io.hybridctl.fleet.model.Operation;
import io.hybridctl.fleet.model.Pool;
import io.hybridctl.fleet.model.Role;
import io.hybridctl.fleet.model.StepState;
import io.hybridctl.fleet.server.ApiException;
import io.hybridctl.fleet.server.Authenticator;
import io.hybridctl.fleet.server.Caller;
import io.hybridctl.fleet.service.Drift;
import io.hybridctl.fleet.service.FleetException;
import io.hybridctl.fleet.service.Inventory;
import io.hybridctl.fleet.service.NodeStatusBoard;
import io.hybridctl.fleet.service.Operations;
import io.hybridctl.fleet.service.Registrar;
import io.hybridctl.fleet.service.Views;
import io.hybridctl.fleet.store.OperationStore;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static io.hybridctl.fleet.ui.Html.badge;
import static io.hybridctl.fleet.ui.Html.e;
import static io.hybridctl.fleet.ui.Html.time;

/**
 * The single pane of glass: server-rendered pages, htmx polling for tables and logs, and the pool's SSE stream for
 * live events. The token is kept in an HttpOnly, SameSite=Strict cookie; changes also require the HX-Request header,
 * which a cross-site form cannot send. The hosts view's search, filters and sort live in the URL, so a view can be
 * bookmarked and shared; bulk actions ask for confirmation, need the operator role and are audited per host.
 */
public final class UiRoutes {

    private static final List<String> STATES = List.of("REGISTERED", "BOOTSTRAPPING", "READY", "FAILED", "UNINSTALLED", "RESET");
    private static final List<String> HEALTHS = List.of("HEALTHY", "DEGRADED", "UNREACHABLE", "NOT_READY");

    private final Authenticator auth;
    private final Views views;
    private final Inventory inventory;
    private final Operations operations;
    private final Registrar registrar;
    private final NodeStatusBoard nodes;
    private final Supplier<String> url;
    private final String caFingerprint;

    public UiRoutes(Authenticator auth, Views views, Inventory inventory, Operations operations, Registrar registrar, NodeStatusBoard nodes,
                    Supplier<String> url, String caFingerprint) {
        this.auth = auth;
        this.views = views;
        this.inventory = inventory;
        this.operations = operations;
        this.registrar = registrar;
        this.nodes = nodes;
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
            if (signedIn(ctx)) {
                html(ctx, Html.page("Clusters", overview()));
            }
        });
        app.get("/pools/{id}", ctx -> {
            if (signedIn(ctx)) {
                html(ctx, Html.page("Pool " + views.pool(ctx.pathParam("id")).name(), poolPage(views.pool(ctx.pathParam("id")))));
            }
        });
        app.get("/ui/pools/{id}/summary", ctx -> {
            auth.admin(ctx, Role.VIEWER);
            html(ctx, summaryCards(inventory.summary(views.pool(ctx.pathParam("id")))));
        });
        app.get("/ui/pools/{id}/hosts", ctx -> {
            auth.admin(ctx, Role.VIEWER);
            Pool p = views.pool(ctx.pathParam("id"));
            html(ctx, hostTable(views.hosts(new Views.HostQuery(null, null, null, p.id(), null, null, null)), null, null));
        });
        app.get("/ui/pools/{id}/unassigned", ctx -> {
            auth.admin(ctx, Role.VIEWER);
            List<Views.HostRow> free = views.unassignedFrom(ctx.pathParam("id"));
            html(ctx, free.isEmpty() ? "<p>None.</p>" : hostTable(free, views.pool(ctx.pathParam("id")).id(), null));
        });
        app.get("/ui/pools/{id}/nodes", ctx -> {
            auth.admin(ctx, Role.VIEWER);
            html(ctx, nodeTable(views.pool(ctx.pathParam("id"))));
        });
        app.get("/ui/pools/{id}/operations", ctx -> {
            auth.admin(ctx, Role.VIEWER);
            StringBuilder b = new StringBuilder("<table><tr><th>Operation</th><th>Host</th><th>Kind</th><th>State</th><th>Step</th><th>Reason</th><th>Updated</th></tr>");
            for (Operation op : views.operationsOfPool(ctx.pathParam("id"), 50, true)) {
                String step = op.steps().stream().filter(s -> s.state() != StepState.SUCCEEDED).map(Operation.Step::name).findFirst().orElse("done");
                Host h = views.host(op.hostId());
                b.append("<tr><td><a href=\"/operations/").append(e(op.id())).append("\">").append(e(op.id().substring(0, 8)))
                        .append("</a></td><td><a href=\"/hosts/").append(e(h.id())).append("\">").append(e(h.hostname())).append("</a></td><td>")
                        .append(e(op.kind().wireName())).append("</td><td>").append(badge(op.state())).append("</td><td>")
                        .append(e(op.state().terminal() ? "done" : step)).append("</td><td>").append(e(op.reason()))
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
            try {
                operations.assign(c.actor(), ctx.pathParam("id"), poolId);
                html(ctx, "<span>assigned</span>");
            } catch (FleetException e) {
                html(ctx, "<span class=\"alert\">" + e(e.getMessage()) + "</span>");
            }
        });
        app.get("/hosts", ctx -> {
            if (signedIn(ctx)) {
                html(ctx, Html.page("Hosts", hostsPage(ctx)));
            }
        });
        app.post("/ui/hosts/bulk", ctx -> {
            Caller c = auth.admin(ctx, Role.OPERATOR);
            requireHtmx(ctx);
            html(ctx, bulk(c, ctx.formParam("action"), ctx.formParams("host"), ctx.formParam("poolId")));
        });
        app.get("/hosts/{id}", ctx -> {
            if (signedIn(ctx)) {
                Host h = views.host(ctx.pathParam("id"));
                html(ctx, Html.page(h.hostname(), hostPage(views.row(h))));
            }
        });
        app.get("/operations/{id}", ctx -> {
            if (!signedIn(ctx)) {
                return;
            }
            Operation op = views.operation(ctx.pathParam("id"));
            Views.HostRow r = views.row(views.host(op.hostId()));
            Pool pool = views.pool(op.poolId());
            FleetCluster cluster = views.cluster(pool.clusterId());
            html(ctx, Html.page("Operation", "<h1>" + e(op.kind().wireName()) + " of <a id=\"op-host\" href=\"/hosts/" + e(r.host().id()) + "\">"
                    + e(r.host().hostname()) + "</a></h1><p>Operation " + e(op.id()) + " · pool <a id=\"op-pool\" href=\"/pools/" + e(pool.id()) + "\">"
                    + e(pool.name()) + "</a> · cluster " + e(cluster.name()) + " · profile revision " + op.profileRevision() + "</p>"
                    + "<div id=\"steps\" hx-get=\"/ui/operations/" + e(op.id()) + "/steps\" hx-trigger=\"load, every 1s\"></div>"
                    + "<h2>Log</h2><pre id=\"log\" hx-get=\"/ui/operations/" + e(op.id()) + "/log\" hx-trigger=\"load, every 1s\"></pre>"));
        });
        app.get("/ui/operations/{id}/steps", ctx -> {
            auth.admin(ctx, Role.VIEWER);
            Operation op = views.operation(ctx.pathParam("id"));
            StringBuilder b = new StringBuilder("<p>" + badge(op.state()) + " " + e(op.reason()) + "</p><table><tr><th>#</th><th>Step</th><th>State</th><th>Started</th><th>Finished</th></tr>");
            for (Operation.Step s : op.steps()) {
                // A finished operation never runs its remaining steps: they are skipped, not pending.
                String state = op.state().terminal() && s.state() == StepState.PENDING ? "SKIPPED" : s.state().name();
                b.append("<tr><td>").append(s.index()).append("</td><td>").append(e(s.name())).append("</td><td>").append(badge(state))
                        .append("</td><td>").append(s.startedAt() == null ? "" : time(s.startedAt())).append("</td><td>")
                        .append(s.finishedAt() == null ? "" : time(s.finishedAt())).append("</td></tr>");
            }
            html(ctx, b.append("</table>").toString());
        });
        app.get("/ui/operations/{id}/log", ctx -> {
            auth.admin(ctx, Role.VIEWER);
            StringBuilder b = new StringBuilder();
            for (OperationStore.LogLine l : views.logs(ctx.pathParam("id"), 0)) {
                b.append(time(l.at())).append("  ").append(e(l.line())).append('\n');
            }
            html(ctx, b.toString());
        });
    }

    private String overview() {
        StringBuilder b = new StringBuilder("<h1>Clusters</h1>");
        List<FleetCluster> clusters = views.clusters();
        for (FleetCluster c : clusters) {
            b.append("<h2>").append(e(c.name())).append(" <small>").append(e(c.region())).append(" · Kubernetes ")
                    .append(e(c.kubernetesVersion())).append(" · ").append(e(c.credentialProvider())).append("</small></h2>");
            b.append("<table class=\"pools\"><tr><th>Pool</th><th>Ready / registered / planned</th><th>Bootstrapping</th><th>Failed</th>"
                    + "<th>Unhealthy</th><th>Drift</th><th>Missing</th><th>Profile</th><th>Versions</th><th>Update</th></tr>");
            for (Pool p : views.pools(c.id())) {
                Responses.PoolSummary s = inventory.summary(p);
                String pool = URLEncoder.encode(p.name(), StandardCharsets.UTF_8);
                b.append("<tr data-pool=\"").append(e(p.name())).append("\"><td><a href=\"/pools/").append(e(p.id())).append("\">").append(e(p.name()))
                        .append("</a></td><td>").append(s.ready()).append(" / ").append(s.total()).append(" / ").append(s.planned())
                        .append("</td><td>").append(s.bootstrapping()).append("</td><td>")
                        .append(count(s.failed(), "FAILED", "/hosts?pool=" + pool + "&state=FAILED")).append("</td><td>")
                        .append(count(s.unhealthy(), "UNREACHABLE", "/hosts?pool=" + pool + "&health=UNREACHABLE")).append("</td><td>")
                        .append(count(s.drifted(), "DRIFT", "/hosts?pool=" + pool + "&drift=true")).append("</td><td>")
                        .append(s.missing() == 0 ? "0" : "<span class=\"alert\">" + s.missing() + "</span>").append("</td><td>")
                        .append(e(s.profile())).append(" r").append(s.profileRevision()).append("</td><td>")
                        .append(e(String.join(", ", s.kubernetesVersions()))).append("</td><td>")
                        .append(s.updateAvailable() ? "r" + s.latestRevision() + " available" : "up to date").append("</td></tr>");
            }
            b.append("</table>");
        }
        if (clusters.isEmpty()) {
            b.append("<p>No clusters yet. Import one with <code>hybridctl fleet import -f spec.yaml</code>.</p>");
        }
        return b.toString();
    }

    /** A count that links to the hosts behind it and stands out when it is not zero. */
    private static String count(int n, String state, String href) {
        return n == 0 ? "0" : "<a href=\"" + e(href) + "\">" + badge(state).replace(">" + state + "<", ">" + n + "<") + "</a>";
    }

    private String poolPage(Pool p) {
        String id = e(p.id());
        FleetCluster cluster = views.cluster(p.clusterId());
        return "<h1>Pool " + e(p.name()) + "</h1><p>Cluster " + e(cluster.name()) + " · <a href=\"/hosts?pool=" + e(URLEncoder.encode(p.name(),
                StandardCharsets.UTF_8)) + "\">its hosts</a> · add hosts: <code>hybridctl fleet token-create --pool " + e(p.name())
                + "</code>, then on each host <code>" + e(agentCommandHint()) + "</code></p>"
                + "<div id=\"summary\" hx-get=\"/ui/pools/" + id + "/summary\" hx-trigger=\"load, every 2s\"></div>"
                + "<h2>Hosts</h2><div id=\"hosts\" hx-get=\"/ui/pools/" + id + "/hosts\" hx-trigger=\"load, every 2s\"></div>"
                + "<h2>Kubernetes</h2><div id=\"nodes\" hx-get=\"/ui/pools/" + id + "/nodes\" hx-trigger=\"load, every 2s\"></div>"
                + "<h2>Unassigned hosts</h2><div id=\"unassigned\" hx-get=\"/ui/pools/" + id + "/unassigned\" hx-trigger=\"load, every 2s\"></div>"
                + "<h2>Operations</h2><div id=\"operations\" hx-get=\"/ui/pools/" + id + "/operations\" hx-trigger=\"load, every 2s\"></div>"
                + "<h2>Events <small id=\"stream-state\">connecting…</small></h2><ul id=\"events\">" + eventItems(views.recentEvents(p.id(), 50)) + "</ul>"
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
    }

    private static String summaryCards(Responses.PoolSummary s) {
        return "<div class=\"card\"><div class=\"big\" id=\"ready-count\">" + s.ready() + " / " + s.total()
                + "</div>hosts ready (" + s.planned() + " planned)</div><div class=\"card\"><div class=\"big\">" + s.bootstrapping()
                + "</div>bootstrapping</div><div class=\"card\"><div class=\"big" + (s.failed() > 0 ? " alert" : "") + "\">" + s.failed()
                + "</div>failed</div><div class=\"card\"><div class=\"big\">" + s.unhealthy() + "</div>unhealthy</div>"
                + "<div class=\"card\"><div class=\"big" + (s.drifted() > 0 ? " alert" : "") + "\" id=\"drift-count\">" + s.drifted()
                + "</div>drift from the spec</div><div class=\"card\">profile <b>" + e(s.profile()) + "</b> r" + s.profileRevision()
                + (s.updateAvailable() ? " · <b>r" + s.latestRevision() + " available</b>" : " · up to date")
                + "<br>Kubernetes " + e(String.join(", ", s.kubernetesVersions())) + "</div>";
    }

    /** The pool's hosts as Kubernetes sees them, when the server watches a cluster (--kubeconfig). */
    private String nodeTable(Pool p) {
        List<Views.HostRow> rows = views.hosts(new Views.HostQuery(null, null, null, p.id(), null, null, null));
        StringBuilder b = new StringBuilder("<table id=\"k8s\"><tr><th>Host</th><th>Node</th><th>Ready</th><th>Kubelet</th><th>Pods</th></tr>");
        int seen = 0;
        for (Views.HostRow r : rows) {
            var node = nodes.get(r.host().id());
            if (node.isEmpty()) {
                continue;
            }
            seen++;
            b.append("<tr data-node=\"").append(e(node.get().nodeName())).append("\"><td>").append(e(r.host().hostname())).append("</td><td>")
                    .append(e(node.get().nodeName())).append("</td><td>").append(badge(node.get().ready() ? "READY" : "NOT_READY"))
                    .append("</td><td>").append(e(node.get().kubeletVersion())).append("</td><td class=\"pods\">").append(node.get().podCount())
                    .append("</td></tr>");
        }
        return seen == 0 ? "<p>No Kubernetes Nodes for this pool (the server watches Nodes when started with --kubeconfig).</p>"
                : b.append("</table>").toString();
    }

    private String hostsPage(Context ctx) {
        Views.HostQuery q = new Views.HostQuery(ctx.queryParam("q"), ctx.queryParam("state"), ctx.queryParam("health"), ctx.queryParam("pool"),
                blank(ctx.queryParam("drift")) ? null : Boolean.valueOf(ctx.queryParam("drift")), null, ctx.queryParam("sort"));
        List<Pool> pools = views.allPools();
        StringBuilder b = new StringBuilder("<h1>Hosts</h1><form class=\"filters\" method=\"get\" action=\"/hosts\">");
        b.append("<label>Search <input type=\"search\" name=\"q\" id=\"q\" value=\"").append(e(q.text())).append("\"></label>");
        b.append(select("state", "State", STATES, q.state())).append(select("health", "Health", HEALTHS, q.health()));
        b.append(select("pool", "Pool", pools.stream().map(Pool::name).distinct().toList(), q.pool()));
        b.append(select("drift", "Drift", List.of("true", "false"), ctx.queryParam("drift")));
        if (!blank(q.sort())) {
            b.append("<input type=\"hidden\" name=\"sort\" value=\"").append(e(q.sort())).append("\">");
        }
        b.append("<button type=\"submit\" id=\"apply\">Apply</button> <a href=\"/hosts\">clear</a></form>");
        b.append("<form id=\"bulk\" class=\"bulk\"><b>Selected hosts:</b> ")
                .append("<select name=\"poolId\" id=\"bulk-pool\">");
        for (Pool p : pools) {
            b.append("<option value=\"").append(e(p.id())).append("\">").append(e(views.cluster(p.clusterId()).name() + " / " + p.name())).append("</option>");
        }
        b.append("</select>");
        for (String[] a : new String[][] {{"assign", "Assign to pool"}, {"retry", "Retry bootstrap"}, {"uninstall", "Uninstall"}, {"reset", "Reset"}}) {
            b.append(" <button type=\"button\" id=\"bulk-").append(a[0]).append("\" hx-post=\"/ui/hosts/bulk\" hx-include=\"#bulk, .pick:checked\"")
                    .append(" hx-vals='{\"action\":\"").append(a[0]).append("\"}' hx-target=\"#bulk-result\" hx-confirm=\"")
                    .append(e(a[1])).append(": the selected hosts?\">").append(e(a[1])).append("</button>");
        }
        b.append("<div id=\"bulk-result\"></div></form>");
        b.append(hostTable(views.hosts(q), null, ctx));
        return b.toString();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String select(String name, String label, List<String> values, String current) {
        StringBuilder b = new StringBuilder("<label>" + e(label) + " <select name=\"" + e(name) + "\" id=\"filter-" + e(name) + "\"><option value=\"\">any</option>");
        for (String v : values) {
            b.append("<option").append(v.equals(current) ? " selected" : "").append(" value=\"").append(e(v)).append("\">").append(e(v)).append("</option>");
        }
        return b.append("</select></label>").toString();
    }

    /** One action on each selected host, through the same services as the API (each audited); one line per host. */
    private String bulk(Caller c, String action, List<String> hostIds, String poolId) {
        if (hostIds.isEmpty()) {
            return "<p class=\"alert\">Select hosts first.</p>";
        }
        StringBuilder b = new StringBuilder("<ul id=\"bulk-outcome\">");
        for (String id : hostIds) {
            Host h = views.host(id);
            String outcome;
            try {
                outcome = switch (action == null ? "" : action) {
                    case "assign" -> "bootstrap " + operations.assign(c.actor(), id, poolId).id().substring(0, 8) + " queued";
                    case "retry" -> "bootstrap " + operations.create(c.actor(), new Requests.CreateOperation(id, "bootstrap")).id().substring(0, 8) + " queued";
                    case "uninstall" -> "uninstall " + operations.create(c.actor(), new Requests.CreateOperation(id, "uninstall")).id().substring(0, 8) + " queued";
                    case "reset" -> {
                        if (c.role().compareTo(Role.ADMIN) < 0) {
                            throw FleetException.invalid("resetting a host needs the admin role");
                        }
                        registrar.reset(c.actor(), id);
                        yield "reset";
                    }
                    default -> throw FleetException.invalid("unknown action " + action);
                };
            } catch (FleetException e) {
                outcome = "refused: " + e.getMessage();
            }
            b.append("<li data-host=\"").append(e(h.hostname())).append("\">").append(e(h.hostname())).append(": ").append(e(outcome)).append("</li>");
        }
        return b.append("</ul>").toString();
    }

    private String hostPage(Views.HostRow r) {
        Host h = r.host();
        HostFacts f = h.facts();
        StringBuilder b = new StringBuilder("<h1>Host " + e(h.hostname()) + "</h1><p>" + badge(h.state()) + " " + badge(h.health())
                + " " + e(h.healthDetail()) + "</p><table>");
        if (r.pool() != null) {
            b.append("<tr><th>Pool</th><td><a id=\"host-pool\" href=\"/pools/").append(e(r.pool().id())).append("\">").append(e(r.pool().name()))
                    .append("</a></td></tr><tr><th>Cluster</th><td id=\"host-cluster\">").append(e(r.cluster().name())).append("</td></tr>");
        } else {
            row(b, "Pool", "none (unassigned)");
        }
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
        b.append("</table>");
        if (!r.drift().isEmpty()) {
            b.append("<h2>Drift from the spec").append(h.driftOverride() ? " (accepted by an operator)" : " (bootstrap held)").append("</h2><ul id=\"drift\">");
            for (Drift.Condition d : r.drift()) {
                b.append("<li><b>").append(e(d.kind())).append("</b>: ").append(e(d.message())).append("</li>");
            }
            b.append("</ul>");
        }
        b.append("<h2>Operations</h2><table><tr><th>Operation</th><th>Kind</th><th>State</th><th>Reason</th></tr>");
        for (Operation op : views.operationsOfHost(h.id())) {
            b.append("<tr><td><a href=\"/operations/").append(e(op.id())).append("\">").append(e(op.id().substring(0, 8)))
                    .append("</a></td><td>").append(e(op.kind().wireName())).append("</td><td>").append(badge(op.state()))
                    .append("</td><td>").append(e(op.reason())).append("</td></tr>");
        }
        b.append("</table><h2>Events</h2><ul>").append(eventItems(views.hostEvents(h.id(), 50))).append("</ul>");
        return b.toString();
    }

    /** @param ctx the hosts page's request, for sortable headers and check boxes; null in pool views */
    private String hostTable(List<Views.HostRow> rows, String assignToPool, Context ctx) {
        boolean pick = ctx != null;
        StringBuilder b = new StringBuilder("<table class=\"hosts\" id=\"host-table\"><tr>" + (pick ? "<th></th>" : "")
                + header(ctx, "Host", "name") + "<th>Cluster</th>" + header(ctx, "Pool", "pool") + header(ctx, "State", "state")
                + header(ctx, "Health", "health") + "<th>Drift</th><th>OS</th><th>Arch</th><th>Address</th>" + header(ctx, "Last heartbeat", "heartbeat")
                + (assignToPool == null ? "" : "<th></th>") + "</tr>");
        for (Views.HostRow r : rows) {
            Host h = r.host();
            HostFacts f = h.facts();
            String addr = f.interfaces().stream().flatMap(i -> i.addresses().stream()).findFirst().orElse("");
            b.append("<tr data-host=\"").append(e(h.hostname())).append("\">");
            if (pick) {
                b.append("<td><input type=\"checkbox\" class=\"pick\" name=\"host\" value=\"").append(e(h.id())).append("\"></td>");
            }
            b.append("<td><a href=\"/hosts/").append(e(h.id())).append("\">").append(e(h.hostname())).append("</a></td><td>")
                    .append(e(r.cluster() == null ? "" : r.cluster().name())).append("</td><td>")
                    .append(r.pool() == null ? "" : "<a href=\"/pools/" + e(r.pool().id()) + "\">" + e(r.pool().name()) + "</a>")
                    .append("</td><td>").append(badge(h.state())).append("</td><td>").append(badge(h.health())).append("</td><td>")
                    .append(driftBadge(r)).append("</td><td>").append(e(f.os() + " " + f.osVersion())).append("</td><td>").append(e(f.arch()))
                    .append("</td><td>").append(e(addr)).append("</td><td>").append(time(h.lastHeartbeat())).append("</td>");
            if (assignToPool != null) {
                b.append("<td><button class=\"assign\" hx-post=\"/ui/hosts/").append(e(h.id())).append("/assign\" hx-vals='{\"poolId\":\"")
                        .append(e(assignToPool)).append("\"}' hx-swap=\"outerHTML\">Assign to this pool</button></td>");
            }
            b.append("</tr>");
        }
        return b.append("</table>").toString();
    }

    private static String driftBadge(Views.HostRow r) {
        if (r.drift().isEmpty()) {
            return "";
        }
        List<String> kinds = new ArrayList<>();
        r.drift().forEach(d -> kinds.add(d.kind()));
        String cls = r.host().driftOverride() ? "idle" : "bad";
        return "<span class=\"badge " + cls + " drift\" data-drift=\"" + e(String.join(",", kinds)) + "\" title=\""
                + e(String.join("; ", r.drift().stream().map(Drift.Condition::message).toList())) + "\">drift: " + e(String.join(", ", kinds)) + "</span>";
    }

    /** A column header that sorts by its key, toggling the direction, and keeps the other query parameters. */
    private static String header(Context ctx, String label, String key) {
        if (ctx == null) {
            return "<th>" + e(label) + "</th>";
        }
        Map<String, String> q = new LinkedHashMap<>();
        ctx.queryParamMap().forEach((k, v) -> {
            if (!v.isEmpty() && !v.get(0).isBlank()) {
                q.put(k, v.get(0));
            }
        });
        q.put("sort", key.equals(q.get("sort")) ? "-" + key : key);
        StringBuilder href = new StringBuilder("/hosts?");
        q.forEach((k, v) -> href.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&'));
        href.setLength(href.length() - 1);
        return "<th><a class=\"sort\" id=\"sort-" + e(key) + "\" href=\"" + e(href) + "\">" + e(label) + "</a></th>";
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

    private static void html(Context ctx, String body) {
        ctx.contentType("text/html; charset=utf-8").result(body);
    }

    String agentCommandHint() {
        return "hybridctl agent --server " + url.get() + " --ca-fingerprint " + caFingerprint + " --token-file /etc/hybridctl/registration-token";
    }
}
