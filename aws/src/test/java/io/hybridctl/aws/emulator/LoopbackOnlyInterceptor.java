package io.hybridctl.aws.emulator;

import io.hybridctl.plan.emulator.LoopbackGuard;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import java.net.URI;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * Registered for every SDK client on the test classpath (software/amazon/awssdk/global/handlers/execution.interceptors):
 * a request to anything but loopback fails the test before it leaves the machine, and every operation sent is
 * recorded as "service:Operation" so the IAM policy can be checked against the calls really made.
 */
public final class LoopbackOnlyInterceptor implements ExecutionInterceptor {

    private static final Set<String> SENT = Collections.synchronizedSet(new TreeSet<>());

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        var req = context.httpRequest();
        URI uri = URI.create(req.protocol() + "://" + req.host() + ":" + req.port());
        LoopbackGuard.requireLoopback(uri);
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String op = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        SENT.add(service + ":" + op);
    }

    /** Every (SDK service name, operation) sent so far in this JVM. */
    public static Set<String> sent() {
        synchronized (SENT) {
            return Set.copyOf(SENT);
        }
    }
}
