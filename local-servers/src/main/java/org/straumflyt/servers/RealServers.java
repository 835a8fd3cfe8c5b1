package org.straumflyt.servers;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Registers {@link KafkaExtension}, {@link MosquittoExtension} and {@link QuestDbExtension} on a
 * test class. Servers still start only when a test asks for one.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith({KafkaExtension.class, MosquittoExtension.class, QuestDbExtension.class})
public @interface RealServers {
}
