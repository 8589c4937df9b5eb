package io.hybridctl.fleet.service;

import io.hybridctl.fleet.api.Requests;
import io.hybridctl.fleet.api.Responses;
import io.hybridctl.fleet.model.Host;
import io.hybridctl.fleet.model.RegistrationToken;
import io.hybridctl.fleet.security.CertificateAuthority;
import io.hybridctl.fleet.security.Pem;
import io.hybridctl.fleet.security.Secrets;
import io.hybridctl.fleet.server.ApiException;
import io.hybridctl.fleet.store.StoreException;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;

/**
 * Turns a registration token + CSR + facts into a host and a client certificate. The host's identity is its key:
 * the same machine with the same key re-registers idempotently; a new key for a known machine-id needs an admin reset.
 */
public final class Registrar {

    private static final Duration AGENT_CERT_VALIDITY = Duration.ofDays(365);

    private final Fleet fleet;
    private final CertificateAuthority agentCa;
    private final Operations operations;

    public Registrar(Fleet fleet, CertificateAuthority agentCa, Operations operations) {
        this.fleet = fleet;
        this.agentCa = agentCa;
        this.operations = operations;
    }

    public Responses.Registered register(Requests.Register req) {
        PKCS10CertificationRequest csr = Pem.csr(req.csr());
        PublicKey key;
        try {
            key = new JcaPKCS10CertificationRequest(csr).getPublicKey();
        } catch (GeneralSecurityException e) {
            throw ApiException.badRequest("csr: unusable public key");
        }
        String fingerprint = CertificateAuthority.keyFingerprint(key);
        try {
            return fleet.jdbc().tx(() -> registerIn(req, csr, fingerprint));
        } catch (StoreException e) {
            if (e.uniqueViolation()) {
                throw ApiException.conflict("machine-id " + req.facts().machineId() + " is being registered concurrently; retry");
            }
            throw e;
        }
    }

    private Responses.Registered registerIn(Requests.Register req, PKCS10CertificationRequest csr, String fingerprint) {
        long now = fleet.now();
        RegistrationToken token = fleet.tokens().registrationToken(Secrets.hash(req.token()))
                .orElseThrow(() -> rejected("registration token not recognised"));
        if (token.revokedAt() != null) {
            throw rejected("registration token revoked");
        }
        if (token.expiresAt() <= now) {
            throw rejected("registration token expired");
        }
        Optional<Host> known = fleet.hosts().byMachineId(req.facts().machineId());
        if (known.isPresent()) {
            Host h = known.get();
            if (h.keyFingerprint().equals(fingerprint)) {
                fleet.hosts().reRegister(h.id(), req.facts(), fingerprint, now);
                fleet.hub().record(h.poolId(), h.id(), "host.reregistered", h.hostname() + " re-registered with its existing key");
                return issued(h.id(), h.poolId(), csr);
            }
            if (!fleet.hosts().isReset(h.id())) {
                fleet.hub().record(h.poolId(), h.id(), "host.key-mismatch", "registration for machine-id " + h.machineId()
                        + " refused: a different key; reset the host to accept it");
                throw new ApiException(409, "key-mismatch", "machine-id " + h.machineId() + " is registered with a different key;"
                        + " an admin must reset the host first (hybridctl fleet host reset " + h.id() + ")");
            }
            consume(token, now);
            fleet.hosts().reRegister(h.id(), req.facts(), fingerprint, now);
            fleet.hub().record(h.poolId(), h.id(), "host.reregistered", h.hostname() + " re-registered with a new key after a reset");
            return issued(h.id(), h.poolId(), csr);
        }
        consume(token, now);
        Host h = fleet.hosts().create(req.facts(), null, fingerprint, now);
        fleet.audit("agent:" + h.id(), "host.register", h.hostname(), "machineId=" + h.machineId() + " token=" + token.id());
        fleet.hub().record(token.poolId(), h.id(), "host.registered", h.hostname() + " registered (" + h.facts().os() + " "
                + h.facts().osVersion() + ", " + h.facts().arch() + ", " + h.facts().cpus() + " CPUs)");
        String poolId = null;
        if (token.autoAssign()) {
            operations.assign("agent:" + h.id(), h.id(), token.poolId());
            poolId = token.poolId();
        }
        return issued(h.id(), poolId, csr);
    }

    private void consume(RegistrationToken token, long now) {
        if (!fleet.tokens().consume(token.id(), now)) {
            throw rejected("registration token has no uses left");
        }
    }

    private Responses.Registered issued(String hostId, String poolId, PKCS10CertificationRequest csr) {
        X509Certificate cert;
        try {
            cert = agentCa.signClientCsr(csr, hostId, AGENT_CERT_VALIDITY);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("csr: " + e.getMessage());
        }
        return new Responses.Registered(hostId, poolId, Pem.write(cert), agentCa.certificatePem(),
                (int) fleet.timing().heartbeat().toSeconds());
    }

    private static ApiException rejected(String why) {
        return new ApiException(401, "registration-refused", why);
    }
}
