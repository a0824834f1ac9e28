package org.ailedger.node.rpc;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * The backstop behind the bounded waits of {@link RunningServer} and {@link TestSocket}: a test or
 * lifecycle method still waiting after a minute fails instead of hanging the build. It runs on its
 * own thread because a {@code CompletableFuture.join()} ignores the interrupt a same-thread timeout
 * sends. On a class it covers the test methods; lifecycle methods need it on themselves.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public @interface TimeBoxed {}
