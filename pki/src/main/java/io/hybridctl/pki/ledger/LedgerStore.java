package io.hybridctl.pki.ledger;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

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
            Ledger ledger = JSON.readValue(file.toFile(), Ledger.class);
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

    public void write(Ledger ledger) throws IOException {
        AtomicFiles.write(file, JSON.writeValueAsBytes(ledger), AtomicFiles.PUBLIC);
    }
}
