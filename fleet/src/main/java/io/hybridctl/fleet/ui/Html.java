package io.hybridctl.fleet.ui;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** HTML escaping and the page frame. Every value that reaches a page goes through {@link #e}. */
final class Html {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private Html() {
    }

    static String e(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static String time(long millis) {
        return millis <= 0 ? "" : TIME.format(Instant.ofEpochMilli(millis));
    }

    static String badge(Object state) {
        String s = String.valueOf(state);
        String cls = switch (s) {
            case "READY", "HEALTHY", "SUCCEEDED" -> "ok";
            case "FAILED", "UNREACHABLE", "NOT_READY", "DRIFT" -> "bad";
            case "BOOTSTRAPPING", "RUNNING", "PENDING", "DEGRADED" -> "busy";
            default -> "idle";
        };
        return "<span class=\"badge " + cls + "\" data-state=\"" + e(s) + "\">" + e(s) + "</span>";
    }

    static String page(String title, String body) {
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>%s · hybridctl fleet</title>
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <script src="/webjars/htmx.org/2.0.4/dist/htmx.min.js"></script>
                <style>
                body{font-family:system-ui,sans-serif;margin:0;color:#1d2330;background:#f5f6f8}
                header{background:#1d2330;color:#fff;padding:.6rem 1.2rem;display:flex;gap:1.5rem;align-items:center}
                header a{color:#fff;text-decoration:none}main{padding:1rem 1.2rem;max-width:1200px}
                table{border-collapse:collapse;width:100%%;background:#fff;margin:.5rem 0 1.2rem}
                th,td{padding:.35rem .6rem;border-bottom:1px solid #e3e5ea;text-align:left;font-size:.9rem}
                th{background:#eceef2}.badge{padding:.1rem .45rem;border-radius:.6rem;font-size:.8rem;color:#fff}
                .ok{background:#2e8540}.bad{background:#c62828}.busy{background:#e08a00}.idle{background:#78818f}
                .card{display:inline-block;background:#fff;padding:.6rem 1rem;margin:.3rem;border-radius:.4rem;border:1px solid #e3e5ea}
                .big{font-size:1.6rem;font-weight:600}pre{background:#0f1420;color:#d7dde8;padding:.6rem;max-height:24rem;overflow:auto}
                #events li{font-family:monospace;font-size:.85rem}button{cursor:pointer}
                .alert{color:#c62828;font-weight:600}form.filters{display:flex;gap:.6rem;flex-wrap:wrap;align-items:end}
                .bulk{background:#fff;padding:.5rem;border:1px solid #e3e5ea;margin:.4rem 0}th a{color:inherit}
                </style></head>
                <body><header><a href="/"><b>hybridctl fleet</b></a><a href="/">Clusters</a><a href="/hosts">Hosts</a></header>
                <main>%s</main></body></html>
                """.formatted(e(title), body);
    }
}
