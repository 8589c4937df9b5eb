package io.hybridctl.fleet.server;

import io.hybridctl.fleet.model.ApiToken;
import io.hybridctl.fleet.model.Host;
import io.hybridctl.fleet.model.Role;
import io.hybridctl.pki.ca.Fingerprints;
import java.security.cert.X509Certificate;
import io.hybridctl.fleet.security.Secrets;
import io.hybridctl.fleet.store.HostStore;
import io.hybridctl.fleet.store.TokenStore;
import io.javalin.http.Context;

import java.security.cert.X509Certificate;
import javax.security.auth.x500.X500Principal;

/**
 * Admin callers authenticate with a bearer token (header, or the UI's cookie); agents with their client certificate,
 * whose CN is the host id and whose key must still be the one registered for that host.
 */
public final class Authenticator {

    public static final String COOKIE = "hybridctl_token";
    private static final String CERT_ATTRIBUTE = "jakarta.servlet.request.X509Certificate";

    private final TokenStore tokens;
    private final HostStore hosts;
    private final X509Certificate agentCa;

    public Authenticator(TokenStore tokens, HostStore hosts, X509Certificate agentCa) {
        this.tokens = tokens;
        this.hosts = hosts;
        this.agentCa = agentCa;
    }

    public Caller admin(Context ctx, Role required) {
        String token = null;
        String header = ctx.header("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = header.substring(7).trim();
        } else if (ctx.cookie(COOKIE) != null) {
            token = ctx.cookie(COOKIE);
        }
        if (token == null || token.isEmpty()) {
            throw ApiException.unauthorized("an API token is required (Authorization: Bearer ...)");
        }
        if (token.length() > 200) {
            throw ApiException.unauthorized("API token not recognised");
        }
        ApiToken t = tokens.activeApiToken(Secrets.hash(token)).orElseThrow(() -> ApiException.unauthorized("API token not recognised"));
        if (!t.role().allows(required)) {
            throw ApiException.forbidden("this needs the " + required.name().toLowerCase(java.util.Locale.ROOT)
                    + " role; the token has " + t.role().name().toLowerCase(java.util.Locale.ROOT));
        }
        return new Caller(t.id(), t.name(), t.role());
    }

    public boolean validToken(String token) {
        return token.length() <= 200 && tokens.activeApiToken(Secrets.hash(token)).isPresent();
    }

    /** The host whose agent presented this certificate, checked against the database. */
    public Host agent(Context ctx) {
        return agent(ctx, false);
    }

    /**
     * The same check answered from the replica's host cache, for heartbeats only: every write to a host on this
     * replica evicts it (so after a re-registration with a new key the old certificate is refused at once), and a
     * heartbeat batch that finds the key changed by another replica evicts it too (docs/fleet.md). Requests that act
     * on operations always use {@link #agent(Context)}.
     */
    public Host heartbeatAgent(Context ctx) {
        return agent(ctx, true);
    }

    private Host agent(Context ctx, boolean cached) {
        Object attr = ctx.req().getAttribute(CERT_ATTRIBUTE);
        if (!(attr instanceof X509Certificate[] chain) || chain.length == 0) {
            throw new ApiException(401, "client-certificate-required", "this endpoint requires the agent's client certificate (mTLS)");
        }
        X509Certificate cert = chain[0];
        // Jetty has already verified the chain against the agent CA; check the issuer anyway so a second CA added to
        // the trust store later cannot mint agents.
        if (!cert.getIssuerX500Principal().equals(agentCa.getSubjectX500Principal())) {
            throw new ApiException(401, "client-certificate-rejected", "client certificate not issued by the agent CA");
        }
        String hostId = commonName(cert.getSubjectX500Principal());
        Host h = (cached ? hosts.cached(hostId) : hosts.byId(hostId))
                .orElseThrow(() -> new ApiException(401, "client-certificate-rejected", "unknown host"));
        if (!h.keyFingerprint().equals(Fingerprints.sha256(cert.getPublicKey()))) {
            throw ApiException.keyReplaced();
        }
        return h;
    }

    private static String commonName(X500Principal p) {
        for (String part : p.getName(X500Principal.RFC2253).split(",")) {
            if (part.startsWith("CN=")) {
                return part.substring(3);
            }
        }
        return "";
    }
}
