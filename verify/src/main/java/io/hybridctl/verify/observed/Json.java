package io.hybridctl.verify.observed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hybridctl.net.AddressFormatException;
import io.hybridctl.net.Ipv4Address;
import io.hybridctl.net.Prefix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reading exported JSON with limits and messages that name the file and the field. */
final class Json {

    private static final long MAX_BYTES = 64L * 1024 * 1024;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build());
    }

    private Json() {
    }

    static JsonNode read(Path file) throws ObservedStateException {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new ObservedStateException(file + ": larger than " + MAX_BYTES + " bytes; export only the cluster's VPC, groups or tables");
            }
            return MAPPER.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            throw new ObservedStateException(file + ": not valid JSON (line " + e.getLocation().getLineNr() + "): " + e.getOriginalMessage()
                    + "; export it again with the command in docs/verify.md");
        } catch (IOException e) {
            throw new ObservedStateException(file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    static JsonNode require(JsonNode node, String field, Path file) throws ObservedStateException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new ObservedStateException(file + ": missing '" + field + "'; is this the output of the command in docs/verify.md?");
        }
        return v;
    }

    static Prefix prefix(String text, Path file) throws ObservedStateException {
        try {
            return Prefix.parse(text);
        } catch (AddressFormatException e) {
            throw new ObservedStateException(file + ": " + e.getMessage());
        }
    }

    static Ipv4Address address(String text, Path file) throws ObservedStateException {
        try {
            return Ipv4Address.parse(text);
        } catch (AddressFormatException e) {
            throw new ObservedStateException(file + ": " + e.getMessage());
        }
    }
}
