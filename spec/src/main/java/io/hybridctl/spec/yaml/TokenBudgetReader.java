package io.hybridctl.spec.yaml;

import java.io.IOException;
import java.io.Reader;

/**
 * Feeds the YAML parser and stops it when it reads far past the last event without producing one: that is a huge
 * scalar (or key) being accumulated. SnakeYAML buffers a token until it ends and copies its window for every
 * kilobyte read, so a long token costs time quadratic in its length; counting here refuses it after reading about
 * the limit, whatever the input's size. The builder calls {@link #eventSeen()} for every event it receives.
 */
final class TokenBudgetReader extends Reader {

    /** Look-ahead the scanner may legitimately do between two events (simple-key lookup, buffer refills). */
    private static final int SLACK = 16 << 10;

    private final CharSequence text;
    private final int budget;
    private int position;
    private int lastEventAt;
    private boolean tripped;

    TokenBudgetReader(CharSequence text, int maxTokenChars) {
        this.text = text;
        this.budget = maxTokenChars + SLACK;
    }

    void eventSeen() {
        lastEventAt = position;
    }

    /** True once a read was refused: whatever the parser then reports is a consequence of that refusal. */
    boolean tripped() {
        return tripped;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (position >= text.length()) {
            return -1;
        }
        if (position - lastEventAt > budget) {
            tripped = true;
            throw new IOException("token over the size limit");
        }
        int n = Math.min(length, text.length() - position);
        for (int i = 0; i < n; i++) {
            buffer[offset + i] = text.charAt(position + i);
        }
        position += n;
        return n;
    }

    @Override
    public void close() {
    }
}
