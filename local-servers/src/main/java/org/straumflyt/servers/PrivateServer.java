package org.straumflyt.servers;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code KafkaBroker}, {@code MosquittoBroker} or {@code QuestDbServer} parameter that
 * must get a new private server instead of the shared one, e.g. because the test kills or
 * restarts it. The server is closed when the scope it was resolved for ends: after the test
 * method for a test method parameter, after the test class for a constructor or
 * {@code @BeforeAll} parameter.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface PrivateServer {
}
