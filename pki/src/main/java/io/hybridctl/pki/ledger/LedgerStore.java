package io.hybridctl.pki.ledger;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.hybridctl.pki.PkiException;
import io.hybridctl.pki.store.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes ledger.json. Writes go through {@link AtomicFiles}, so a crash leaves the old or the new ledger. */
public final class LedgerStore {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    static {
        // "serial": 255 must not quietly become the serial "255": a wrong type is a damaged ledger.
        JSON.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        JSON.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        JSON.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    }

    /** A bound on what is read: 64 MiB holds about 200,000 certificates, far beyond any CA this manages. */
    static final long MAX_BYTES = 64L << 20;

    private final Path file;

    public LedgerStore(Path file) {
        this.file = file;
    }

    /** The ledger, or an empty one when the file does not exist yet. */
    public Ledger read() throws PkiException {
        if (!Files.exists(file)) {
            return Ledger.empty();
        }
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw PkiException.badInput(file + " is " + Files.size(file) + " bytes, over the limit of " + MAX_BYTES
                        + "; it is not a ledger hybridctl wrote: restore it from your backup of the PKI directory");
            }
            Ledger ledger = JSON.readValue(file.toFile(), Ledger.class);
            if (ledger == null) {
                throw PkiException.badInput(file + " holds null instead of a ledger; restore it from your backup of the PKI directory");
            }
            check(ledger);
            if (ledger.version() != Ledger.VERSION) {
                throw PkiException.badInput(file + " has ledger version " + ledger.version() + "; this hybridctl reads version "
                        + Ledger.VERSION + ": use the hybridctl release that wrote it");
            }
            return ledger;
        } catch (JacksonException e) {
            throw PkiException.badInput(file + " is not a readable ledger (" + e.getOriginalMessage()
                    + "); restore it from your backup of the PKI directory");
        } catch (IOException e) {
            throw PkiException.badInput("cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** What Jackson accepts but a ledger may not hold: null lists and entries, missing fields, repeated serials. */
    private void check(Ledger ledger) throws PkiException {
        if (ledger.certificates() == null) {
            throw damaged("has no \"certificates\" list");
        }
        if (ledger.crlNumber() < 0) {
            throw damaged("has a negative crlNumber (" + ledger.crlNumber() + ")");
        }
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        for (int i = 0; i < ledger.certificates().size(); i++) {
            LedgerEntry e = ledger.certificates().get(i);
            String at = "certificates[" + i + "]";
            if (e == null) {
                throw damaged("has null at " + at);
            }
            if (e.host() == null || e.host().isBlank() || e.serial() == null || e.notBefore() == null || e.notAfter() == null) {
                throw damaged("is missing host, serial, notBefore or notAfter at " + at);
            }
            if (!e.serial().matches("[0-9a-f]{1,40}")) {
                throw damaged("has serial '" + e.serial() + "' at " + at + ", which is not a lower-case hex number");
            }
            if ((e.revokedAt() == null) != (e.revocationReason() == null)) {
                throw damaged("has a revocation without its time or reason at " + at);
            }
            Integer first = seen.putIfAbsent(e.serial(), i);
            if (first != null) {
                throw damaged("records serial " + e.serial() + " twice (certificates[" + first + "] and " + at + ")");
            }
        }
        for (Ledger.Revocation r : ledger.orphanRevocations()) {
            if (r == null || r.serial() == null || !r.serial().matches("[0-9a-f]{1,40}") || r.revokedAt() == null || r.reason() == null) {
                throw damaged("has an incomplete entry in orphanRevocations");
            }
        }
    }

    private PkiException damaged(String what) {
        return PkiException.badInput(file + " " + what + ": the ledger is damaged. Restore it from your backup of the PKI directory"
                + " (nothing was changed)");
    }

    public void write(Ledger ledger) throws IOException {
        AtomicFiles.write(file, JSON.writeValueAsBytes(ledger), AtomicFiles.PUBLIC);
    }
}
