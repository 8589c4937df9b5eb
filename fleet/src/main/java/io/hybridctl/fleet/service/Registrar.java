package io.hybridctl.fleet.service;

import io.hybridctl.fleet.api.Requests;
import io.hybridctl.fleet.api.Responses;
import io.hybridctl.fleet.model.Host;
import io.hybridctl.fleet.model.RegistrationToken;
import io.hybridctl.fleet.security.Secrets;
import io.hybridctl.fleet.store.StoreException;
import io.hybridctl.pki.PkiException;
import io.hybridctl.pki.ca.CertificateAuthority;
import io.hybridctl.pki.ca.Fingerprints;
import io.hybridctl.pki.ca.PemCodec;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
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
        PKCS10CertificationRequest csr;
        PublicKey key;
        try {
            csr = PemCodec.readCsr(req.csr(), "csr");
            key = new JcaPKCS10CertificationRequest(csr).getPublicKey();
        } catch (PkiException | GeneralSecurityException | RuntimeException e) {
            throw FleetException.invalid("csr: not a readable PEM certificate signing request");
        }
        String fingerprint = Fingerprints.sha256(key);
        try {
            return fleet.jdbc().tx(() -> registerIn(req, csr, fingerprint));
        } catch (StoreException e) {
            if (e.uniqueViolation()) {
                throw FleetException.conflict("machine-id " + req.facts().machineId() + " is being registered concurrently; retry");
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
                throw new FleetException(FleetException.Kind.CONFLICT, "key-mismatch", "machine-id " + h.machineId() + " is registered with a different key;"
                        + " an admin must reset the host first (hybridctl fleet reset " + h.hostname() + ")");
            }
            consume(token, now);
            fleet.hosts().reRegister(h.id(), req.facts(), fingerprint, now);
            fleet.hub().record(h.poolId(), h.id(), "host.reregistered", h.hostname() + " re-registered with a new key after a reset");
            return issued(h.id(), h.poolId(), csr);
        }
        consume(token, now);
        Host h = fleet.hosts().create(req.facts(), null, fingerprint, now);
        fleet.hosts().setRegisteredPool(h.id(), token.poolId());
        fleet.audit("agent:" + h.id(), "host.register", h.hostname(), "machineId=" + h.machineId() + " token=" + token.id());
        fleet.hub().record(token.poolId(), h.id(), "host.registered", h.hostname() + " registered (" + h.facts().os() + " "
                + h.facts().osVersion() + ", " + h.facts().arch() + ", " + h.facts().cpus() + " CPUs)");
        String poolId = null;
        if (token.autoAssign()) {
            operations.joinPool("agent:" + h.id(), h.id(), token.poolId());
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
        X509CertificateHolder cert;
        try {
            cert = agentCa.signClient(csr, hostId, AGENT_CERT_VALIDITY, fleet.clock());
        } catch (PkiException e) {
            throw FleetException.invalid("csr: " + e.getMessage());
        }
        return new Responses.Registered(hostId, poolId, PemCodec.certificate(cert), agentCa.certificatePem(),
                (int) fleet.timing().heartbeat().toSeconds());
    }

    /** Lets the host's next registration bring a new key (after a re-image); its old certificate stops working then. */
    public void reset(String actor, String hostId) {
        Host h = fleet.hosts().byId(hostId).orElseThrow(() -> FleetException.notFound("host " + hostId));
        fleet.jdbc().tx(() -> {
            fleet.hosts().reset(h.id(), fleet.now());
            fleet.audit(actor, "host.reset", h.hostname(), "machineId=" + h.machineId());
            fleet.hub().record(h.poolId(), h.id(), "host.reset", h.hostname() + " reset: its next registration may bring a new key");
            return null;
        });
    }

    private static FleetException rejected(String why) {
        return new FleetException(FleetException.Kind.UNAUTHENTICATED, "registration-refused", why);
    }
}
