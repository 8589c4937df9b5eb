package io.hybridctl.cli.pki;

import picocli.CommandLine;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Lifetimes as people write them: 12h, 30d, 1y (a year is 365 days, as certificate lifetimes are usually counted). */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,6})([hdy])");

    @Override
    public Duration convert(String value) {
        Matcher m = FORMAT.matcher(value.strip());
        if (!m.matches()) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a duration; write a number and h, d or y, e.g. 30d or 1y");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(365 * n);
        };
        if (d.isZero()) {
            throw new CommandLine.TypeConversionException("'" + value + "' is zero; give a positive duration");
        }
        return d;
    }
}
